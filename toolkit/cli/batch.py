"""`briefing batch`: folders of briefings to handouts, resumable, local or on Dask."""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import threading
from collections.abc import Callable, Iterator

from toolkit.cli.common import (
    IO,
    HelpFormatter,
    add_lang_option,
    add_translation_options,
    at_least_one,
    translate_options,
)

TYPE_CHECKING = False  # not typing's: see toolkit/cli/__init__.py
if TYPE_CHECKING:
    from typing import Any

TERMINATED = 143  # 128 + SIGTERM, as a shell reports a process that SIGTERM ended


def add_parser(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "batch",
        help="convert (and translate) many briefings at once",
        description="Make handouts of many briefings. Outputs are named DIR/<name>.<lang>.<ext>.\n"
        "A rerun skips inputs whose outputs are up to date (see DIR/.briefing-manifest.sqlite3);\n"
        "a failed input does not stop the others, and DIR/batch-report.json lists every outcome.\n"
        "Exit code 9 if any input failed.\n\n"
        "Nothing under DIR, and no file a batch made, is read as an input. A worker that dies is\n"
        'replaced and its document tried once more (twice killed, it fails: "worker died").\n'
        "Ctrl-C or SIGTERM stops the batch cleanly (exit 130 or 143): a rerun goes on from there.\n"
        "Outputs that an earlier run made and this one no longer makes are left in place and named.",
        epilog="examples:\n  briefing batch seeds/ --out dist/\n"
        "  briefing batch 'inbox/**/*.docx' --out handouts/ --lang en --formats pdf --jobs 2\n"
        "  briefing batch inbox/ --out /shared/out --scheduler tcp://10.0.0.5:8786",
        formatter_class=HelpFormatter,
    )
    parser.add_argument(
        "sources", nargs="+", metavar="SRC", help="files, folders or globs of .txt, .docx, .xml"
    )
    parser.add_argument("--out", required=True, metavar="DIR", help="the output folder (created if missing)")
    add_lang_option(parser, "--target-lang", "--lang", "lang", None, "also translate to this language (en)")
    add_batch_options(parser)
    return parser


def add_batch_options(parser: argparse.ArgumentParser) -> None:
    """Options shared by `batch` and `build`."""
    parser.add_argument(
        "--formats",
        default="xml,docx,pdf",
        help="comma-separated: xml, docx, pdf, and with --target-lang bilingual-pdf, bilingual-docx "
        "(the side-by-side handouts, NAME.nl-en.pdf) (default: xml,docx,pdf)",
    )
    parser.add_argument(
        "--jobs",
        type=at_least_one,
        default=os.cpu_count() or 1,
        metavar="N",
        help="worker processes (default: the number of CPUs)",
    )
    parser.add_argument(
        "--force", action="store_true", help="redo inputs even if their outputs are up to date"
    )
    parser.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="run on a Dask distributed cluster")
    parser.add_argument("--style", metavar="NAME|PATH", help="house style for DOCX and PDF")
    add_translation_options(parser, hardware=False)


def settings_from(args: argparse.Namespace, out_dir: str, target_lang: str | None) -> Any:
    from toolkit.batch.plan import OUTPUT_SUFFIX, Settings
    from toolkit.errors import BriefingError, ExitCode

    formats = tuple(f.strip().lower() for f in args.formats.split(",") if f.strip())
    unknown = [f for f in formats if f not in OUTPUT_SUFFIX]
    if unknown or not formats:
        raise BriefingError(
            f"unknown format(s): {', '.join(unknown) or '(none)'}",
            hint="choose from xml, docx, pdf, and with --target-lang bilingual-pdf, bilingual-docx",
            code=ExitCode.USAGE,
        )
    return Settings(
        out_dir=out_dir,
        formats=formats,
        target_lang=target_lang,
        style=args.style,
        translation=translate_options(args),
    )


def run(args: argparse.Namespace, io: IO) -> int:
    from toolkit.batch.plan import collect

    target = None if args.lang in (None, "nl") else args.lang
    settings = settings_from(args, args.out, target)
    return execute(collect(args.sources, args.out, note(io)), settings, args, io)


def note(io: IO) -> Callable[[str], None]:
    """A sink for the batch's notes: one line each on stderr."""

    def write(message: str) -> None:
        io.err.write(f"note: {message}\n")

    return write


def execute(jobs: list[Any], settings: Any, args: argparse.Namespace, io: IO, prune: bool = False) -> int:
    """Run the batch with a progress display and print the summary.

    SIGTERM stops it as Ctrl-C does: the workers are stopped, no output is
    left half-written, and the manifest holds every document finished.
    """
    from toolkit.batch.runner import run_batch
    from toolkit.cli.progress import BatchDisplay

    try:
        with (
            _sigterm_interrupts(),
            BatchDisplay(io, total=len(jobs), translating=settings.target_lang is not None) as display,
        ):
            result = run_batch(
                jobs,
                settings,
                workers=args.jobs,
                scheduler=args.scheduler,
                force=args.force,
                prune=prune,
                progress=display.update,
            )
    except Terminated:
        io.err.write("terminated\n")
        return TERMINATED
    display.summary(result)
    return int(result.exit_code())


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived: a KeyboardInterrupt, so every Ctrl-C clean-up runs for it too."""


@contextlib.contextmanager
def _sigterm_interrupts() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers; the caller's own stay
        return

    def interrupt(signum: int, frame: Any) -> None:
        raise Terminated

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
