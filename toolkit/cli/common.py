"""What commands share: streams, message formats and common options."""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from typing import TextIO

from toolkit.errors import BriefingError, BriefingWarning


@dataclass
class IO:
    """The streams a command writes to; injectable for in-process tests."""

    out: TextIO
    err: TextIO
    warnings: list[BriefingWarning] = field(default_factory=list)

    def error(self, exc: BriefingError) -> None:
        self.err.write(f"error: {exc}\n")

    def warn(self, warning: BriefingWarning) -> None:
        self.warnings.append(warning)
        self.err.write(f"warning: {warning}\n")


def add_reading_options(parser: argparse.ArgumentParser) -> None:
    """Options for reading inputs: format, the heading heuristic, strictness."""
    parser.add_argument(
        "--from", dest="from_format", metavar="FORMAT", help="input format: text, docx or xml"
    )
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


def emit(output: str, data: bytes, io: IO) -> None:
    """Write a command's result: atomically to a file, or to stdout for `-`."""
    from toolkit.atomic import write_atomic

    if output != "-":
        write_atomic(output, data)
        return
    out = getattr(io.out, "buffer", None)
    if out is not None:
        out.write(data)
        out.flush()
    else:  # an in-memory text stream in tests
        io.out.write(data.decode("utf-8", errors="replace"))
