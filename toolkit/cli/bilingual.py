"""`briefing bilingual`: a source and its translation side by side, as one PDF or DOCX handout."""

from __future__ import annotations

import argparse

from toolkit.cli.common import IO, OVERWRITE_INPUT, HelpFormatter, add_output_options, emit, output_format

TYPE_CHECKING = False  # not typing's: see toolkit/cli/__init__.py
if TYPE_CHECKING:
    from typing import Any


def add_parser(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "bilingual",
        help="put a briefing and its translation side by side (PDF or DOCX)",
        description="Make the bilingual handout: SOURCE on the left, TRANSLATION on the right, block by "
        "block, each side's notes at the foot of the page that cites them. SOURCE and TRANSLATION are any "
        "readable inputs (.txt, .docx, .xml, .xlf); one .xlf alone holds both (its skeleton is the source, "
        "its targets the translation). Documents whose blocks differ are refused (exit 4) with the first "
        "block where they part.",
        epilog="examples:\n  briefing bilingual agenda.nl.xml agenda.en.xml -o agenda.nl-en.pdf\n"
        "  briefing bilingual reviewed.xlf -o agenda.nl-en.docx",
        formatter_class=HelpFormatter,
    )
    parser.add_argument("source", metavar="SOURCE", help="the original briefing, or an .xlf holding both")
    parser.add_argument("translation", metavar="TRANSLATION", nargs="?", help="its translation")
    add_output_options(parser)
    parser.add_argument("--style", metavar="NAME|PATH", help="house style (default: default)")
    return parser


def run(args: argparse.Namespace, io: IO) -> int:
    from toolkit import formats, read, read_bytes
    from toolkit.atomic import refuse_overwriting_input
    from toolkit.errors import BriefingError, ExitCode
    from toolkit.writers.bilingual import render

    if not args.overwrite_input:  # neither input may be replaced by the handout
        for given in (args.source, args.translation):
            if given is not None:
                refuse_overwriting_input(args.output, given, OVERWRITE_INPUT)
    fmt = output_format(args.output, None, "--to-format")
    if fmt not in ("pdf", "docx"):
        raise BriefingError("a bilingual handout is a PDF or a DOCX", path=args.output, code=ExitCode.USAGE)
    if args.translation is None:
        data = read_bytes(args.source)
        if formats.reader_format(args.source, None, data) != "xlf":
            raise BriefingError(
                "give the translation too, or one .xlf that holds both",
                path=args.source,
                hint="briefing bilingual SOURCE TRANSLATION -o OUT.pdf",
                code=ExitCode.USAGE,
            )
        from toolkit.readers.xliff import source_of

        source, translation = source_of(data, args.source, io.warn), read(data, "xlf", warn=io.warn)
    else:
        source, translation = read(args.source, warn=io.warn), read(args.translation, warn=io.warn)
    emit(args.output, render(source, translation, fmt, args.style, warn=io.warn), io)
    return 0
