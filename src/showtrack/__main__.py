"""The `showtrack` program: the installed script and `python -m showtrack`."""

import gc


def main() -> None:
    """Run showtrack as a program.

    The cyclic garbage collector is switched off first: importing Typer and Rich makes
    tens of thousands of objects, and the collections that triggers are a visible share
    of a listing's start-up (bench/RESULTS.md); reading 100,000 releases triggers more.
    A command runs for a moment and its data holds no reference cycles, so reference
    counting frees what it drops. The live countdown, which runs until interrupted,
    switches the collector back on.

    At exit the interpreter still makes one full collection over every object ever
    made; freezing them first moves them out of its reach.
    The exit itself is the normal one: buffers flushed, files closed, atexit run.
    """
    gc.disable()
    try:
        from showtrack.cli import main as run

        run()
    finally:
        gc.freeze()


if __name__ == "__main__":
    main()
