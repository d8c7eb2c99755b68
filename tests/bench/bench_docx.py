"""Benchmark: seed -> DOCX in process, and `briefing convert` against pandoc making the same DOCX."""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from tests.bench.harness import Result, briefing, command, in_process, paired

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_22ad20a819696709.txt"
IN_PROCESS_TARGET_S = 0.050
MINIMAL = Path(__file__).with_name("minimal_docx.py")
COMMAND_RATIO_TARGET = 1.0  # at most pandoc's time


def markdown(doc: object) -> str:
    """The same content as pandoc Markdown: headings, paragraphs and footnotes."""
    from toolkit.model import Briefing, Note, P, Section, plain_text

    assert isinstance(doc, Briefing)
    notes: list[str] = []
    lines = [f"% {doc.meta.title}", ""]

    def para(p: P) -> str:
        out = []
        for item in p.children:
            if isinstance(item, Note):
                notes.append(" ".join(plain_text(b.children) for b in item.body))
                out.append(f"[^{len(notes)}]")
            else:
                out.append(plain_text((item,)))
        return "".join(out)

    def blocks(items: tuple[object, ...], level: int) -> None:
        for block in items:
            if isinstance(block, Section):
                lines.extend([f"{'#' * level} {plain_text(block.heading.children)}", ""])
                blocks(block.blocks, level + 1)
            elif isinstance(block, P):
                lines.extend([para(block), ""])

    blocks(doc.body, 1)
    lines.extend(f"[^{n}]: {text}\n" for n, text in enumerate(notes, 1))
    return "\n".join(lines)


def rows() -> list[Result]:
    import toolkit
    from toolkit.style import load_style
    from toolkit.writers.docx import write_docx

    doc = toolkit.read(SEED)
    style = load_style()
    seconds, peak = in_process(lambda: write_docx(doc, style), repeat=20)
    verdict = "ok" if seconds < IN_PROCESS_TARGET_S else "OVER TARGET"
    results = [
        Result(
            "docx: seed -> DOCX (in process)",
            seconds,
            peak,
            f"target < {IN_PROCESS_TARGET_S * 1000:.0f} ms: {verdict}",
        )
    ]
    with tempfile.TemporaryDirectory() as tmp:
        ours = briefing("convert", str(SEED), "-o", str(Path(tmp) / "seed.docx"))
        if shutil.which("pandoc") is None:
            seconds, peak = command(ours, repeat=5)
            results.append(
                Result("docx: briefing convert seed.txt -o seed.docx", seconds, peak, "pandoc not installed")
            )
            return results
        md = Path(tmp) / "seed.md"
        md.write_text(markdown(doc), encoding="utf-8")
        pandoc = ["pandoc", str(md), "-o", str(Path(tmp) / "pandoc.docx")]
        run = paired(ours, pandoc)
        # The floor: what any Python command that writes XML with lxml pays before its
        # first line of work (the interpreter, site, lxml.etree), against the same pandoc.
        floor = paired([sys.executable, "-c", "import lxml.etree"], pandoc)
        # The least a Python text-to-DOCX command does (argparse, lxml, zipfile; no notes, no
        # checks): what stays between pandoc and any such command, however lean.
        minimal = [sys.executable, str(MINIMAL), str(SEED), "-o", str(Path(tmp) / "minimal.docx")]
        least = paired(minimal, pandoc)
    ratio = statistics.median(run.ratios)
    verdict = "meets" if ratio <= COMMAND_RATIO_TARGET else "MISSES"
    results.append(
        Result(
            "docx: briefing convert seed.txt -o seed.docx",
            statistics.median(run.ours),
            run.ours_peak_mb,
            f"pandoc's time x {run.ratio_note()} (target <= {COMMAND_RATIO_TARGET:.1f}x: {verdict})",
        )
    )
    results.append(
        Result(
            "docx: pandoc seed.md -o seed.docx (same content)",
            statistics.median(run.theirs),
            run.theirs_peak_mb,
            "the pairs' other half",
        )
    )
    results.append(
        Result(
            "docx: floor: python -c 'import lxml.etree'",
            statistics.median(floor.ours),
            floor.ours_peak_mb,
            f"pandoc's time x {floor.ratio_note()}: start-up no Python DOCX writer avoids",
        )
    )
    results.append(
        Result(
            "docx: floor: a minimal Python text-to-DOCX command",
            statistics.median(least.ours),
            least.ours_peak_mb,
            f"pandoc's time x {least.ratio_note()}: tests/bench/minimal_docx.py, one paragraph a line",
        )
    )
    return results
