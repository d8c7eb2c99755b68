"""Benchmark: seed -> DOCX in process, and `briefing convert` against pandoc making the same DOCX."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from tests.bench.harness import Result, briefing, command, in_process

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_22ad20a819696709.txt"
IN_PROCESS_TARGET_S = 0.050
COMMAND_RATIO_TARGET = 2.0


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
        out = Path(tmp) / "seed.docx"
        ours, ours_peak = command(briefing("convert", str(SEED), "-o", str(out)), repeat=5)
        if shutil.which("pandoc") is None:
            results.append(
                Result(
                    "docx: briefing convert seed.txt -o seed.docx",
                    ours,
                    ours_peak,
                    "pandoc not installed: no ratio",
                )
            )
            return results
        md = Path(tmp) / "seed.md"
        md.write_text(markdown(doc), encoding="utf-8")
        theirs, theirs_peak = command(["pandoc", str(md), "-o", str(Path(tmp) / "pandoc.docx")], repeat=5)
    ratio = ours / theirs
    verdict = "ok" if ratio <= COMMAND_RATIO_TARGET else "OVER TARGET"
    results.append(
        Result(
            "docx: briefing convert seed.txt -o seed.docx",
            ours,
            ours_peak,
            f"{ratio:.2f}x pandoc (target <= {COMMAND_RATIO_TARGET:.0f}x): {verdict}",
        )
    )
    results.append(
        Result("docx: pandoc seed.md -o seed.docx (same content)", theirs, theirs_peak, "reference")
    )
    return results
