"""`briefing translate`: machine-translate a briefing offline, from any input format to any output format."""

from __future__ import annotations

import argparse

from toolkit.cli.common import (
    IO,
    HelpFormatter,
    add_format_option,
    add_heading_options,
    add_lang_option,
    add_output_options,
    add_translation_options,
    add_xliff_options,
    check_output,
    emit,
    output_format,
    read_document,
    translate_options,
)

TYPE_CHECKING = False  # not typing's: see toolkit/cli/__init__.py
if TYPE_CHECKING:
    from typing import Any


def add_parser(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "translate",
        help="translate a briefing offline (Dutch to English) with an installed argos model",
        description="Translate a briefing with an installed argos model package, run offline through "
        "CTranslate2. INPUT and OUTPUT may be any format (.txt, .docx, .xml; output also .pdf). "
        "The result is marked as a machine translation. The output is written atomically: "
        "a failed run leaves no file. OUTPUT may not be INPUT (exit 6) unless --overwrite-input "
        "is given. Exit code 7: no model is installed for the pair; 11: --device cuda without a GPU.",
        epilog="examples:\n"
        "  briefing translate seeds/000_22ad20a819696709.txt -o dist/briefing.en.pdf\n"
        "  briefing translate briefing.xml -o briefing.en.xml --beam-size 1 --stats\n"
        "  briefing translate briefing.docx -o briefing.nl-en.pdf --bilingual\n\n"
        "install a model first: briefing models install-file translate-nl_en.argosmodel",
        formatter_class=HelpFormatter,
    )
    parser.add_argument("input", metavar="INPUT", help="the briefing to read; - reads standard input")
    add_output_options(parser, " (XML)")
    add_lang_option(parser, "--source-lang", "--from", "source", "nl", "source language (nl)")
    add_lang_option(parser, "--target-lang", "--to", "target", "en", "target language (en)")
    add_format_option(
        parser, "--from-format", "--input-format", "input_format", "input format: text, docx or xml"
    )
    add_format_option(
        parser, "--to-format", "--output-format", "output_format", "output format: xml, docx or pdf"
    )
    parser.add_argument(
        "--style", metavar="NAME|PATH", help="house style for DOCX and PDF (default: default)"
    )
    add_translation_options(parser)
    parser.add_argument(
        "--bilingual",
        action="store_true",
        help="write the source and its translation side by side, row by row (OUTPUT .pdf or .docx)",
    )
    parser.add_argument(
        "--stats", action="store_true", help="print `segments: N, cache hits: N, model calls: N, seconds: S`"
    )
    add_heading_options(parser)
    add_xliff_options(parser)
    return parser


def run(args: argparse.Namespace, io: IO) -> int:
    from toolkit import render
    from toolkit.translation.pipeline import Stats, Translator

    # Check the output before the (slow) translation, so a typo fails at once.
    check_output(args)
    fmt = output_format(args.output, args.output_format, "--to-format")
    if args.bilingual and fmt not in ("pdf", "docx"):
        from toolkit.errors import BriefingError, ExitCode

        raise BriefingError(
            f"a bilingual handout is PDF or DOCX, not {fmt}",
            hint="name the output .pdf or .docx, or drop --bilingual",
            code=ExitCode.USAGE,
        )
    doc = read_document(args, io, args.input_format)
    stats = Stats()
    with Translator(args.source, args.target, translate_options(args), warn=io.warn) as translator:
        if fmt == "xlf":  # for post-editing: every target filled, and marked as MT or memory
            from toolkit.writers.xliff import XliffOptions, translate_xliff

            options = XliffOptions(args.target, args.xliff_version)
            data = translate_xliff(doc, options, translator=translator, stats=stats, warn=io.warn)
        else:
            # Warnings name the file the user gave, not the source recorded inside it.
            english = translator.translate_document(
                doc, stats, name="<stdin>" if args.input == "-" else args.input
            )
            if args.bilingual:
                from toolkit.writers import bilingual

                data = bilingual.render(doc, english, fmt, args.style, warn=io.warn)
            else:
                data = render(english, fmt, args.style, warn=io.warn)
    emit(args.output, data, io)
    if args.stats:
        # With the document on standard output, the stats go to standard error.
        (io.err if args.output == "-" else io.out).write(stats.line() + "\n")
    return 0
