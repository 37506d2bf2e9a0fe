"""The command line: the Typer app (`options.py`), its commands, a module a family
(`COMMAND_MODULES`), the conventions read before Typer sees a command line
(`argv.py`), and turning errors into one message and an exit code (spec/cli.md)."""

import importlib
import os
import sys

import typer

# The Click that Typer bundles raises it (completion.py takes its types from there too).
from typer._click.exceptions import NoArgsIsHelpError

from showtrack.cli.argv import normalized
from showtrack.cli.context import fail, only_the_command_asked_for
from showtrack.cli.options import app
from showtrack.errors import ExitCode, ShowtrackError

#: The modules of the commands, in the order `showtrack --help` lists them: importing a
#: module registers its commands with the app.
COMMAND_MODULES = (
    "shows",
    "releases",
    "views",
    "check",
    "data",
    "episodes",
    "news",
    "read",
    "settings",
)
for _module in COMMAND_MODULES:
    importlib.import_module(f"showtrack.cli.{_module}")


def main(argv: list[str] | None = None) -> None:
    """Run the command line; every error a user can cause ends as one message and the exit
    code of spec/cli.md. A traceback is shown only with SHOWTRACK_DEBUG=1."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    debug = bool(os.environ.get("SHOWTRACK_DEBUG"))
    args = normalized(sys.argv[1:] if argv is None else argv)
    try:
        with only_the_command_asked_for(app, args):
            result = app(args=args, standalone_mode=False, prog_name="showtrack")
    except ShowtrackError as exc:
        if debug:
            raise
        fail(exc.message, exc.hint, exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        _interrupted()
    except BrokenPipeError:
        # The reader went away (`showtrack upcoming | head`): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(ExitCode.OK)
    except NoArgsIsHelpError as exc:
        # `showtrack` or `showtrack db` alone: the help is the answer, not an error.
        typer.echo(exc.format_message())
        sys.exit(ExitCode.OK)
    except Exception as exc:
        # Click's usage errors (unknown option, missing argument) carry their exit code.
        code = getattr(exc, "exit_code", None)
        format_message = getattr(exc, "format_message", None)
        if isinstance(code, int) and callable(format_message):
            fail(format_message(), "see `showtrack --help` or `showtrack COMMAND --help`", code)
        # Anything else is a bug: one line, and the traceback only for debugging.
        if debug:
            raise
        fail(
            f"internal error: {type(exc).__name__}: {exc}",
            "please report it; SHOWTRACK_DEBUG=1 shows the traceback",
            ExitCode.BUG,
        )
    if result == ExitCode.INTERRUPTED:  # Typer turns Ctrl-C into this code, silently
        _interrupted()
    sys.exit(result if isinstance(result, int) else ExitCode.OK)


def _interrupted() -> None:
    """Ctrl-C (or a prompt's end of input Click calls an abort): said on a line of its
    own; the terminal echoed ^C where the cursor was, often mid-line at a prompt."""
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    fail("interrupted", None, ExitCode.INTERRUPTED)
