"""The `briefing` command: a thin face over the library.

Each subcommand is a module with `add_parser(subparsers)` and
`run(args, io) -> int`, listed in COMMANDS with the one line `briefing --help`
shows for it. A run builds the parser of the chosen command only, and command
modules import only argparse at the top, so a command imports what it uses.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys

from toolkit.cli.common import IO, TRACEBACK_HELP, HelpFormatter, add_traceback_option
from toolkit.errors import BriefingError, ExitCode

TYPE_CHECKING = False  # not typing's: `briefing --help` does without the typing module
if TYPE_CHECKING:
    from typing import TextIO

# name: (module, the summary `briefing --help` lists; the module's own parser says the same).
COMMANDS: dict[str, tuple[str, str]] = {
    "convert": ("toolkit.cli.convert", "convert a briefing between text, DOCX, XML and PDF"),
    "validate": ("toolkit.cli.validate", "check briefing XML against the schema"),
    "batch": ("toolkit.cli.batch", "convert (and translate) many briefings at once"),
    "build": (
        "toolkit.cli.build",
        "make the project's handouts: seeds/ to dist/, Dutch and (with a model) English",
    ),
    "translate": (
        "toolkit.cli.translate",
        "translate a briefing offline (Dutch to English) with an installed argos model",
    ),
    "bilingual": ("toolkit.cli.bilingual", "put a briefing and its translation side by side (PDF or DOCX)"),
    "models": ("toolkit.cli.models", "list, install or remove translation models (argos packages)"),
    "serve": (
        "toolkit.cli.serve",
        "serve a web page and an HTTP API for converting and translating briefings",
    ),
}

EPILOG = """exit codes:
  0 ok                       6 an output could not be written
  1 internal error (a bug)   7 no translation model installed
  2 usage error              8 network needed but unreachable
  3 input missing/unreadable 9 batch finished with failures
  4 input malformed         10 house style missing or malformed
  5 validation problems     11 --device not available (no GPU)

Add --traceback to see where an error came from."""


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser, with one subparser per command.

    With `only`, that command gets its full parser and the others none: building
    all of them costs a command about 5 ms, and a run needs one. Without it, every
    command has its full parser (the help, the docs and the tests use this).
    """
    parser = _top_parser()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in [only] if only else COMMANDS:
        _add_command(sub, name)
    return parser


def _top_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Turn Dutch government briefings into XML, DOCX and PDF handouts, "
        "in Dutch and (offline machine-translated) English.",
        epilog=EPILOG,
        formatter_class=HelpFormatter,
    )
    parser.add_argument("--traceback", action="store_true", help=TRACEBACK_HELP)
    parser.add_argument("--version", action="version", version=_version())
    return parser


def _add_command(sub: argparse._SubParsersAction[argparse.ArgumentParser], name: str) -> None:
    module = importlib.import_module(COMMANDS[name][0])
    command = module.add_parser(sub)
    add_traceback_option(command)
    command.set_defaults(run=module.run)


def _listing_parser() -> argparse.ArgumentParser:
    """The parser for `briefing --help`, no command or an unknown one: every command as one line."""
    parser = _top_parser()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (_, summary) in COMMANDS.items():
        sub.add_parser(name, help=summary, formatter_class=HelpFormatter)
    return parser


def chosen_command(argv: list[str]) -> str | None:
    """The command `argv` runs: its first argument that is not an option, if it names one.

    None when help comes first (`briefing --help convert` lists every command).
    The top-level options take no values, so the first other word is the command.
    """
    for arg in argv:
        if arg in ("-h", "--help"):
            return None
        if not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


def _version() -> str:
    from toolkit.version import __version__

    return f"briefing {__version__}"


def main(argv: list[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the command line; return the exit code instead of exiting."""
    io = IO(stdout or sys.stdout, stderr or sys.stderr)
    arguments = sys.argv[1:] if argv is None else argv
    only = chosen_command(arguments)
    parser = build_parser(only) if only else _listing_parser()
    try:
        # argparse prints help and usage errors itself; send them to our streams.
        with contextlib.redirect_stdout(io.out), contextlib.redirect_stderr(io.err):
            args = parser.parse_args(arguments)
    except SystemExit as exc:  # argparse exits on --help and on usage errors
        return int(exc.code or 0)
    if getattr(args, "run", None) is None:
        parser.print_help(io.out)
        return ExitCode.USAGE
    try:
        return int(args.run(args, io))
    except BriefingError as exc:
        if args.traceback:
            raise
        io.error(exc)
        return int(exc.code)
    except KeyboardInterrupt:
        io.err.write("interrupted\n")
        return 130
    except BrokenPipeError:
        return ExitCode.OK
    except Exception as exc:
        if args.traceback:
            raise
        io.err.write(
            f"error: internal error: {type(exc).__name__}: {exc} (run again with --traceback and report it)\n"
        )
        return ExitCode.INTERNAL


def main_exit() -> None:
    """Console-script entry point: run `main` and exit with its code."""
    sys.exit(main())
