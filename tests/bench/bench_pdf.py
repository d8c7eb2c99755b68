"""PDF writer benchmarks: the seed against LibreOffice, and long documents for time and memory."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import toolkit
from tests.bench.harness import Result, briefing, command, in_process
from tests.test_pdf_facts import big_doc
from toolkit.style import load_style
from toolkit.writers.pdf import write_pdf

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_22ad20a819696709.txt"


def rows() -> list[Result]:
    style = load_style()
    doc = toolkit.read(SEED)
    out: list[Result] = []
    seconds, peak = in_process(lambda: write_pdf(doc, style), repeat=20)
    out.append(Result("pdf: seed -> PDF, in-process", seconds, peak, "target: tens of ms"))
    render = seconds
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "seed.pdf"
        ours, ours_peak = command(briefing("convert", str(SEED), "-o", str(target)), repeat=5)
        bare, _ = command([sys.executable, "-c", "pass"], repeat=5)
        out.append(
            Result(
                "pdf: briefing convert seed.txt -o seed.pdf",
                ours,
                ours_peak,
                f"whole command; a bare `python -c pass` takes {bare * 1000:.0f} ms here",
            )
        )
        out.extend(_libreoffice(doc, Path(tmp), ours, render))
    for sections in (22, 66):  # about 100 and 300 pages
        long_doc = big_doc(sections)
        pages = write_pdf(long_doc, style).count(b"/Type /Page\n")
        seconds, peak = in_process(lambda d=long_doc: write_pdf(d, style), repeat=1)
        out.append(
            Result(
                f"pdf: {pages}-page document, in-process",
                seconds,
                peak,
                f"{peak / pages * 1000:.0f} kB peak per page, {seconds / pages * 1000:.1f} ms per page",
            )
        )
    return out


def _libreoffice(doc: toolkit.Briefing, tmp: Path, ours: float, render: float) -> list[Result]:
    """LibreOffice converting our DOCX of the same briefing to PDF, as a whole command."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("bench_pdf: soffice not found, skipping the LibreOffice row", file=sys.stderr)
        return []
    docx = tmp / "seed.docx"
    docx.write_bytes(toolkit.render(doc, "docx"))
    argv = [
        soffice,
        f"-env:UserInstallation=file://{tmp}/lo-profile",  # its own profile: no clash with a running one
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(tmp / "lo"),
        str(docx),
    ]
    command(argv, repeat=1)  # the first run creates the profile; not what we measure
    seconds, peak = command(argv, repeat=3)
    ratio = seconds / ours
    verdict = "meets" if ratio >= 10 else "MISSES"
    return [
        Result(
            "pdf: soffice --convert-to pdf (our DOCX of the seed)",
            seconds,
            peak,
            f"ours is {ratio:.1f}x faster as whole commands ({verdict} the 10x target); "
            f"{seconds / render:.0f}x against our in-process render",
        )
    ]
