"""The `briefing` command: a thin face over the library.

Each subcommand is a module with `add_parser(subparsers)` and
`run(args, io) -> int`, listed in COMMANDS. Command modules import only
argparse at the top, so `briefing --help` stays fast.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys
from typing import TextIO

from toolkit.cli.common import IO, TRACEBACK_HELP, add_traceback_option
from toolkit.errors import BriefingError, ExitCode

COMMANDS = [
    "toolkit.cli.convert",
    "toolkit.cli.validate",
    "toolkit.cli.batch",
    "toolkit.cli.build",
    "toolkit.cli.translate",
    "toolkit.cli.models",
    "toolkit.cli.serve",
]

EPILOG = """exit codes:
  0 ok                       6 an output could not be written
  1 internal error (a bug)   7 no translation model installed
  2 usage error              8 network needed but unreachable
  3 input missing/unreadable 9 batch finished with failures
  4 input malformed         10 house style missing or malformed
  5 validation problems     11 --device not available (no GPU)

Add --traceback to see where an error came from."""


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, with one subparser per command."""
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Turn Dutch government briefings into XML, DOCX and PDF handouts, "
        "in Dutch and (offline machine-translated) English.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--traceback", action="store_true", help=TRACEBACK_HELP)
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(name)
        command = module.add_parser(sub)
        add_traceback_option(command)
        command.set_defaults(run=module.run)
    return parser


def _version() -> str:
    from toolkit.version import __version__

    return f"briefing {__version__}"


def main(argv: list[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the command line; return the exit code instead of exiting."""
    io = IO(stdout or sys.stdout, stderr or sys.stderr)
    parser = build_parser()
    try:
        # argparse prints help and usage errors itself; send them to our streams.
        with contextlib.redirect_stdout(io.out), contextlib.redirect_stderr(io.err):
            args = parser.parse_args(argv)
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
