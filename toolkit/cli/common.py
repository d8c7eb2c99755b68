"""What commands share: streams, message formats and common options."""

from __future__ import annotations

import argparse
import os
import sys

from toolkit.errors import BriefingError, BriefingWarning

TYPE_CHECKING = False  # not typing's: `briefing --help` does without the typing module
if TYPE_CHECKING:
    from typing import Any, TextIO

    from toolkit.formats import WriteFormat
    from toolkit.translation.options import TranslateOptions


class IO:
    """The streams a command writes to; injectable for in-process tests."""

    def __init__(self, out: TextIO, err: TextIO, warnings: list[BriefingWarning] | None = None) -> None:
        self.out = out
        self.err = err
        self.warnings: list[BriefingWarning] = [] if warnings is None else warnings

    def error(self, exc: BriefingError) -> None:
        self.err.write(f"error: {exc}\n")

    def warn(self, warning: BriefingWarning) -> None:
        self.warnings.append(warning)
        self.err.write(f"warning: {warning}\n")


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's formatter for hand-wrapped descriptions, as wide as the terminal.

    argparse measures the terminal with shutil, whose import (with bz2 and lzma)
    costs `briefing --help` 4 ms; os measures it as well.
    """

    def __init__(
        self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None
    ) -> None:
        super().__init__(
            prog, indent_increment, max_help_position, _columns() - 2 if width is None else width
        )


def _columns() -> int:
    """The terminal's width as shutil.get_terminal_size gives it: $COLUMNS, the terminal, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
        if columns > 0:
            return columns
    except (KeyError, ValueError):
        pass
    stdout = sys.__stdout__
    try:
        return (stdout is not None and os.get_terminal_size(stdout.fileno()).columns) or 80
    except (AttributeError, ValueError, OSError):
        return 80


TRACEBACK_HELP = "show the Python traceback of an error"


def add_traceback_option(parser: argparse.ArgumentParser) -> None:
    """`--traceback` after the subcommand too, where the error hint suggests adding it.

    SUPPRESS as the default: a subcommand that was not given the flag must not
    reset the value `briefing --traceback COMMAND` set.
    """
    parser.add_argument("--traceback", action="store_true", default=argparse.SUPPRESS, help=TRACEBACK_HELP)


def add_reading_options(parser: argparse.ArgumentParser) -> None:
    """Options for reading inputs: format, the heading heuristic, strictness."""
    add_format_option(parser, "--from-format", "--from", "from_format", "input format: text, docx or xml")
    add_heading_options(parser)
    parser.add_argument("--strict", action="store_true", help="treat warnings about the input as errors")


def add_heading_options(parser: argparse.ArgumentParser) -> None:
    """`--heading` and `--no-heading`: overrides of the POI-text heading heuristic."""
    parser.add_argument(
        "--heading",
        action="append",
        default=[],
        metavar="LINE|TEXT",
        help="(text input) make this line a heading: a line number or the exact text; repeatable",
    )
    parser.add_argument(
        "--no-heading",
        action="append",
        default=[],
        metavar="LINE|TEXT",
        help="(text input) never make this line a heading; repeatable",
    )


OVERWRITE_INPUT = "--overwrite-input"


def add_output_options(parser: argparse.ArgumentParser, stdout_note: str = "") -> None:
    """`-o OUTPUT` and `--overwrite-input`, the explicit consent to replace INPUT with the result."""
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUTPUT",
        help=f"where to write; - is standard output{stdout_note}. An existing file is replaced "
        "atomically and keeps its mode; a symlink's target is replaced; a FIFO or device is written to",
    )
    parser.add_argument(
        OVERWRITE_INPUT,
        action="store_true",
        help="allow OUTPUT to be INPUT itself (the same file, also through a link); "
        "without it that is refused with exit code 6",
    )


def check_output(args: argparse.Namespace) -> None:
    """Refuse, before any work, an output that would replace the input (exit 6)."""
    from toolkit.atomic import refuse_overwriting_input

    if not args.overwrite_input:
        refuse_overwriting_input(args.output, args.input, OVERWRITE_INPUT)


def output_format(output: str, given: str | None, flag: str) -> WriteFormat:
    """The format to write OUTPUT in: `given` (the `flag` option), else from the name.

    A stream with no suffix (`-`, `/dev/stdout`, a FIFO, `>(...)`) gets XML,
    the canonical format, as `-` always has.
    """
    from pathlib import PurePath

    from toolkit import formats
    from toolkit.atomic import written_in_place

    if given is None and (output == "-" or (not PurePath(output).suffix and written_in_place(output))):
        given = "xml"
    try:
        return formats.writer_format(output, given)
    except BriefingError as exc:
        if exc.hint:  # the formats table names convert's option
            exc.hint = exc.hint.replace("--to FORMAT", f"{flag} FORMAT")
        raise


def emit(output: str, data: bytes, io: IO) -> None:
    """Write a command's result: atomically to a file, or to stdout for `-`.

    Temporary files a killed earlier run left for this output are removed first.
    """
    from toolkit.atomic import remove_stale_parts_for, write_atomic

    if output != "-":
        remove_stale_parts_for(output)
        write_atomic(output, data)
        return
    out = getattr(io.out, "buffer", None)
    if out is not None:
        out.write(data)
        out.flush()
    else:  # an in-memory text stream in tests
        io.out.write(data.decode("utf-8", errors="replace"))


def add_translation_options(parser: argparse.ArgumentParser, hardware: bool = True) -> None:
    """The options of a `TranslateOptions`, spelled once for `translate`, `batch` and `build`."""
    from toolkit.translation.options import DEFAULT_BEAM_SIZE

    model = parser.add_argument_group("translation model")
    model.add_argument(
        "--models-dir",
        metavar="DIR",
        help="where models are installed (default: BRIEFING_MODELS_DIR, else argos's)",
    )
    model.add_argument(
        "--beam-size",
        type=at_least_one,
        default=DEFAULT_BEAM_SIZE,
        metavar="N",
        help=f"beam size (default {DEFAULT_BEAM_SIZE}; 1 is fast)",
    )
    if hardware:
        model.add_argument("--device", choices=["cpu", "cuda"], default="cpu", help="where to run the model")
        model.add_argument(
            "--threads", type=int, default=0, metavar="N", help="CPU threads (default: all cores)"
        )
        model.add_argument(
            "--batch-size", type=at_least_one, default=16, metavar="N", help="sentences per batch (16)"
        )
    terms = parser.add_argument_group("terminology and translation memory")
    terms.add_argument(
        "--glossary", metavar="PATH.toml", help="glossary to enforce (default: the built-in one)"
    )
    terms.add_argument("--no-glossary", action="store_true", help="enforce no glossary")
    terms.add_argument(
        "--cache",
        metavar="PATH",
        help="translation memory file (default: BRIEFING_CACHE_DIR or ~/.cache/briefing-toolkit/tm.sqlite3)",
    )
    terms.add_argument(
        "--no-cache", action="store_true", help="neither read nor write the translation memory"
    )


def translate_options(args: argparse.Namespace) -> TranslateOptions:
    """The `TranslateOptions` the command line asked for."""
    from toolkit.translation.options import TranslateOptions

    return TranslateOptions(
        models_dir=args.models_dir,
        beam_size=args.beam_size,
        device=getattr(args, "device", "cpu"),
        threads=getattr(args, "threads", 0),
        max_batch_size=getattr(args, "batch_size", 16),
        cache=False if args.no_cache else (args.cache or True),
        glossary=False if args.no_glossary else args.glossary,
    )


def at_least_one(text: str) -> int:
    """argparse type: a whole number of 1 or more, else a usage error."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


class _OldSpelling(argparse.Action):
    """Store the value, and say once that this spelling of the option is going away."""

    def __init__(self, *args: object, new: str, **kwargs: object) -> None:
        self.new = new
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option: str | None = None,
    ) -> None:
        if option != self.new:  # parse_args runs with stderr sent to the command's stream
            sys.stderr.write(
                f"note: {option} is now spelled {self.new}; the old spelling goes in the next release\n"
            )
        setattr(namespace, self.dest, values)


def add_format_option(parser: argparse.ArgumentParser, new: str, old: str, dest: str, help: str) -> None:
    """An option with its new spelling and its old one, kept for one release."""
    parser.add_argument(new, old, dest=dest, metavar="FORMAT", action=_OldSpelling, new=new, help=help)


def add_lang_option(
    parser: argparse.ArgumentParser, new: str, old: str, dest: str, default: str | None, help: str
) -> None:
    """A language option with its new spelling and its old one, kept for one release."""
    parser.add_argument(
        new,
        old,
        dest=dest,
        default=default,
        metavar="LANG",
        type=language_tag,
        action=_OldSpelling,
        new=new,
        help=help,
    )


def add_xliff_options(parser: argparse.ArgumentParser) -> None:
    """Options for XLIFF output (`-o X.xlf`) and input (`X.xlf`)."""
    group = parser.add_argument_group("XLIFF (post-editing)")
    group.add_argument(
        "--xliff-version", choices=["2.1", "1.2"], default="2.1", help="XLIFF version to write (2.1)"
    )
    group.add_argument(
        "--allow-untranslated",
        action="store_true",
        help="(XLIFF input) keep the source text of segments without a target, with a warning",
    )
    group.add_argument(
        "--no-learn",
        action="store_true",
        help="(XLIFF input) do not store its reviewed segments in the translation memory",
    )


def read_document(args: argparse.Namespace, io: IO, given: str | None) -> Any:
    """INPUT as a briefing, in format `fmt` (None: from the name or the bytes).

    An XLIFF input gives the target-language briefing, and its reviewed
    segments go into the translation memory as human translations (unless
    `--no-learn`): what a translator confirmed is used before the model.
    """
    from toolkit import formats, read, read_bytes
    from toolkit.readers.headings import HeadingRules

    name = "<stdin>" if args.input == "-" else args.input
    data = sys.stdin.buffer.read() if args.input == "-" else read_bytes(args.input)
    fmt = formats.reader_format(args.input if args.input != "-" else "", given, data)
    if fmt != "xlf":
        rules = HeadingRules.overrides(args.heading, args.no_heading)
        return read(
            data, fmt, headings=rules, warn=io.warn, name=name, lang=getattr(args, "source_lang", None)
        )
    from toolkit.readers.xliff import learn_xliff, read_xliff

    doc = read_xliff(
        data,
        name,
        warn=io.warn,
        lang=getattr(args, "source_lang", None),
        allow_untranslated=args.allow_untranslated,
    )
    if not args.no_learn:
        from toolkit.translation.memory import TranslationMemory

        with TranslationMemory(getattr(args, "cache", None)) as memory:
            learned = learn_xliff(
                data, memory, name, warn=lambda _: None
            )  # read once already: no second warning
        if learned:
            io.err.write(f"note: {learned} reviewed segment(s) stored as human translations\n")
    return doc


def language_tag(value: str) -> str:
    """An argparse type: a language tag as `xml:lang` takes it (`nl`, `en-GB`), else a usage error."""
    import re

    if not re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*", value):
        raise argparse.ArgumentTypeError(f"{value!r} is not a language tag such as nl, en or en-GB")
    return value


def xliff_target(args: argparse.Namespace, doc: Any) -> str:
    """The XLIFF file's target language: --target-lang, else English (Dutch for an English document)."""
    given: str | None = getattr(args, "target", None)
    return given or ("nl" if doc.lang == "en" else "en")
