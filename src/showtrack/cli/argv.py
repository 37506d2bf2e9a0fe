"""What a command line means before Typer reads it: the conventions users bring from gh
and task. Global options may follow the command (`showtrack upcoming --today
2017-07-01`); `showtrack help [COMMAND ...]` is `showtrack [COMMAND ...] --help`."""

from collections.abc import Sequence

from showtrack.cli.context import GLOBAL_OPTIONS


def _global(arg: str) -> tuple[str, bool] | None:
    """(name, takes a value) when `arg` is a global option (`--db`, `--db=PATH`)."""
    name = arg.split("=", 1)[0]
    if name not in GLOBAL_OPTIONS:
        return None
    return name, GLOBAL_OPTIONS[name] and "=" not in arg


def normalized(argv: Sequence[str]) -> list[str]:
    """`argv` with the global options given after the command moved before it, and `help
    WORDS` turned into `WORDS --help`. Nothing after `--` is touched: it is data."""
    front: list[str] = []
    rest: list[str] = []
    args = list(argv)
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest += args[i:]
            break
        found = _global(arg)
        if found is not None:
            front.append(arg)
            if found[1] and i + 1 < len(args):
                front.append(args[i + 1])
                i += 1
        else:
            rest.append(arg)
        i += 1
    if rest and rest[0] == "help":
        words = [w for w in rest[1:] if not w.startswith("-")]
        # `help --help` asks about `help` itself, as `git help --help` does.
        asks_of_help = not words and any(w in ("--help", "-h") for w in rest[1:])
        rest = ["help", "--help"] if asks_of_help else [*words, "--help"]
    return [*front, *rest]
