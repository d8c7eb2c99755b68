"""`briefing validate`: check briefing XML files against the schema."""

from __future__ import annotations

import argparse

from toolkit.cli.common import IO, HelpFormatter

TYPE_CHECKING = False  # not typing's: see toolkit/cli/__init__.py
if TYPE_CHECKING:
    from typing import Any


def add_parser(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "validate",
        help="check briefing XML against the schema",
        description="Check briefing XML files against the RELAX NG schema shipped with the toolkit. "
        "Each problem is printed as FILE:LINE:COL: MESSAGE; the exit code is 5 if any file has one.",
        epilog="examples:\n  briefing validate dist/*.xml\n  briefing validate --schema-path",
        formatter_class=HelpFormatter,
    )
    parser.add_argument("files", nargs="*", metavar="FILE.xml")
    parser.add_argument(
        "--schema-path",
        action="store_true",
        help="print where the schema file is (alone, or before the results)",
    )
    return parser


def run(args: argparse.Namespace, io: IO) -> int:
    from toolkit import read_bytes
    from toolkit.errors import BriefingError, ExitCode
    from toolkit.model.schema import schema_path, validate

    if not args.files and not args.schema_path:
        raise BriefingError(
            "no FILE.xml to validate", hint="briefing validate FILE.xml...", code=ExitCode.USAGE
        )
    if args.schema_path:
        io.out.write(f"schema: {schema_path()}\n")
    worst = ExitCode.OK
    for path in args.files:
        problems = validate(read_bytes(path), path)
        for where, message in problems:
            io.out.write(f"{where}: {message}\n")
        if problems:
            worst = ExitCode.INVALID
        else:
            io.out.write(f"{path}: valid\n")
    return worst
