"""`briefing convert`: one briefing from one format to another."""

from __future__ import annotations

import argparse
import sys

from toolkit.cli.common import (
    IO,
    HelpFormatter,
    add_format_option,
    add_output_options,
    add_reading_options,
    add_xliff_options,
    check_output,
    emit,
    language_tag,
    output_format,
    read_document,
    xliff_target,
)

TYPE_CHECKING = False  # not typing's: see toolkit/cli/__init__.py
if TYPE_CHECKING:
    from typing import Any


def add_parser(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "convert",
        help="convert a briefing between text, DOCX, XML and PDF",
        description="Convert a briefing. Formats follow from the file names "
        "(.txt = POI text, .docx, .xml = briefing XML, .pdf); --from/--to override them. "
        "The output is written atomically: a failed run leaves no file, and an existing "
        "one is only replaced by a complete new one. OUTPUT may not be INPUT (exit 6) "
        "unless --overwrite-input is given.",
        epilog="examples:\n  briefing convert seeds/000_22ad20a819696709.txt -o dist/briefing.xml\n"
        "  briefing convert briefing.txt --explain -o - | less",
        formatter_class=HelpFormatter,
    )
    parser.add_argument("input", metavar="INPUT", help="the briefing to read; - reads standard input")
    add_output_options(parser)
    add_format_option(parser, "--to-format", "--to", "to_format", "output format: xml, docx, pdf or xlf")
    parser.add_argument(
        "--target-lang",
        dest="target",
        metavar="LANG",
        type=language_tag,
        help="(XLIFF output) the language it is to be translated into (en)",
    )
    parser.add_argument(
        "--style", metavar="NAME|PATH", help="house style for DOCX and PDF (default: default)"
    )
    parser.add_argument(
        "--explain", action="store_true", help="(text input) print why each line is or is not a heading"
    )
    add_reading_options(parser)
    parser.add_argument(
        "--source-lang",
        dest="source_lang",
        metavar="LANG",
        type=language_tag,
        help="the document's language (nl, en, …), when neither the file nor its words tell it rightly",
    )
    add_xliff_options(parser)
    parser.add_argument("--cache", metavar="PATH", help="(XLIFF input) the translation memory to learn into")
    return parser


def run(args: argparse.Namespace, io: IO) -> int:
    from toolkit import render

    check_output(args)
    doc = read_input(args, io)
    fmt = output_format(args.output, args.to_format, "--to-format")
    if fmt == "xlf":  # for human translation: sources only
        from toolkit.writers.xliff import XliffOptions, render_xliff

        data = render_xliff(doc, XliffOptions(xliff_target(args, doc), args.xliff_version))
    else:
        data = render(doc, fmt, args.style, warn=io.warn)
    emit(args.output, data, io)
    return 0


def read_input(args: argparse.Namespace, io: IO) -> Any:
    """Read INPUT with the reading options; print --explain; apply --strict."""
    from toolkit.errors import BriefingError, ExitCode
    from toolkit.readers.headings import HeadingRules

    if getattr(args, "explain", False):
        rules = HeadingRules.overrides(args.heading, args.no_heading)
        source: Any = sys.stdin.buffer.read() if args.input == "-" else args.input
        from toolkit import formats
        from toolkit.readers.poi_text import read_with_decisions

        data = source if isinstance(source, bytes) else None
        fmt = args.from_format or (
            formats.sniff(data) if data else formats.format_of(args.input, None, formats.READERS, "read")
        )
        if fmt != "text":
            raise BriefingError("--explain applies to text input only", path=args.input, code=ExitCode.USAGE)
        if data is None:
            from toolkit import read_bytes

            data = read_bytes(args.input)
        doc, decisions = read_with_decisions(
            data, args.input, headings=rules, warn=io.warn, lang=args.source_lang
        )
        for d in decisions:
            io.err.write(f"{args.input}:{d.line}: {d.kind:<9} {d.reason}: {d.text[:60]!r}\n")
    else:
        doc = read_document(args, io, args.from_format)
    if args.strict and io.warnings:
        raise BriefingError(f"{len(io.warnings)} warning(s) and --strict is set", path=args.input)
    return doc
