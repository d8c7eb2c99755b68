"""`briefing batch`: folders of briefings to handouts, resumable, local or on Dask."""

from __future__ import annotations

import argparse
import os
from typing import Any

from toolkit.cli.common import IO


def add_parser(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "batch",
        help="convert (and translate) many briefings at once",
        description="Make handouts of many briefings. Outputs are named DIR/<name>.<lang>.<ext>. "
        "A rerun skips inputs whose outputs are up to date (see DIR/.briefing-manifest.sqlite3); "
        "a failed input does not stop the others, and DIR/batch-report.json lists every outcome. "
        "Exit code 9 if any input failed.",
        epilog="examples:\n  briefing batch seeds/ --out dist/\n"
        "  briefing batch 'inbox/**/*.docx' --out handouts/ --lang en --formats pdf --jobs 2\n"
        "  briefing batch inbox/ --out /shared/out --scheduler tcp://10.0.0.5:8786",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "sources", nargs="+", metavar="SRC", help="files, folders or globs of .txt, .docx, .xml"
    )
    parser.add_argument("--out", required=True, metavar="DIR", help="the output folder (created if missing)")
    parser.add_argument("--lang", metavar="LANG", help="also translate to this language (en), from Dutch")
    add_batch_options(parser)
    return parser


def add_batch_options(parser: argparse.ArgumentParser) -> None:
    """Options shared by `batch` and `build`."""
    parser.add_argument(
        "--formats", default="xml,docx,pdf", help="comma-separated: xml, docx, pdf (default: all)"
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        metavar="N",
        help="worker processes (default: the number of CPUs)",
    )
    parser.add_argument(
        "--force", action="store_true", help="redo inputs even if their outputs are up to date"
    )
    parser.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="run on a Dask distributed cluster")
    parser.add_argument("--style", metavar="NAME|PATH", help="house style for DOCX and PDF")
    parser.add_argument("--models-dir", metavar="DIR", help="where translation models are installed")
    parser.add_argument("--cache", metavar="FILE", help="translation memory file (SQLite)")
    parser.add_argument("--no-cache", action="store_true", help="do not use the translation memory")
    parser.add_argument(
        "--beam-size", type=int, default=2, metavar="N", help="translation beam size (default 2)"
    )


def settings_from(args: argparse.Namespace, out_dir: str, target_lang: str | None) -> Any:
    from toolkit.batch.plan import OUTPUT_SUFFIX, Settings
    from toolkit.errors import BriefingError, ExitCode

    formats = tuple(f.strip().lower() for f in args.formats.split(",") if f.strip())
    unknown = [f for f in formats if f not in OUTPUT_SUFFIX]
    if unknown or not formats:
        raise BriefingError(
            f"unknown format(s): {', '.join(unknown) or '(none)'}",
            hint="choose from xml, docx, pdf",
            code=ExitCode.USAGE,
        )
    if args.jobs < 1:
        raise BriefingError("--jobs must be at least 1", code=ExitCode.USAGE)
    return Settings(
        out_dir=out_dir,
        formats=formats,
        target_lang=target_lang,
        style=args.style,
        models_dir=args.models_dir,
        cache=args.cache,
        use_cache=not args.no_cache,
        beam_size=args.beam_size,
    )


def run(args: argparse.Namespace, io: IO) -> int:
    from toolkit.batch.plan import collect

    target = None if args.lang in (None, "nl") else args.lang
    return execute(collect(args.sources), settings_from(args, args.out, target), args, io)


def execute(jobs: list[Any], settings: Any, args: argparse.Namespace, io: IO) -> int:
    """Run the batch with a progress display and print the summary."""
    from toolkit.batch.runner import run_batch
    from toolkit.cli.progress import BatchDisplay

    with BatchDisplay(io, total=len(jobs), translating=settings.target_lang is not None) as display:
        result = run_batch(
            jobs,
            settings,
            workers=args.jobs,
            scheduler=args.scheduler,
            force=args.force,
            progress=display.update,
        )
    display.summary(result)
    return int(result.exit_code())
