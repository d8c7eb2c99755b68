"""PDF writer benchmarks: the seed against LibreOffice, and long documents for time and memory.

python -m tests.bench.bench_pdf --against REV   # the seed's render time here against git revision REV
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import toolkit
from tests.bench.harness import Result, briefing, command, in_process, paired
from tests.test_pdf_facts import big_doc
from toolkit.style import load_style
from toolkit.writers.pdf import write_pdf

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_22ad20a819696709.txt"
FASTER_TARGET = 6.0  # times faster than LibreOffice, as whole commands


def rows() -> list[Result]:
    style = load_style()
    doc = toolkit.read(SEED)
    out: list[Result] = []
    seconds, peak = in_process(lambda: write_pdf(doc, style), repeat=20)
    out.append(Result("pdf: seed -> PDF, in-process", seconds, peak, "target: tens of ms"))
    render = seconds
    with tempfile.TemporaryDirectory() as tmp:
        out.extend(_libreoffice(doc, Path(tmp), render))
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


def _libreoffice(doc: toolkit.Briefing, tmp: Path, render: float) -> list[Result]:
    """`briefing convert` to PDF against warm LibreOffice converting our DOCX of it, in pairs."""
    ours = briefing("convert", str(SEED), "-o", str(tmp / "seed.pdf"))
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        seconds, peak = command(ours, repeat=5)
        return [Result("pdf: briefing convert seed.txt -o seed.pdf", seconds, peak, "soffice not found")]
    docx = tmp / "seed.docx"
    docx.write_bytes(toolkit.render(doc, "docx"))
    theirs = [
        soffice,
        f"-env:UserInstallation=file://{tmp}/lo-profile",  # its own profile: no clash with a running one
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(tmp / "lo"),
        str(docx),
    ]
    command(theirs, repeat=1)  # the first run creates the profile; not what we measure
    run = paired(ours, theirs)
    faster = statistics.median(1 / r for r in run.ratios)
    verdict = "meets" if faster >= FASTER_TARGET else "MISSES"
    return [
        Result(
            "pdf: briefing convert seed.txt -o seed.pdf",
            statistics.median(run.ours),
            run.ours_peak_mb,
            f"{run.ratio_note(faster=True)} than soffice (target >= {FASTER_TARGET:.0f}x: {verdict}); "
            f"render alone {render * 1000:.0f} ms",
        ),
        Result(
            "pdf: soffice --headless --convert-to pdf (our DOCX of the seed, warm profile)",
            statistics.median(run.theirs),
            run.theirs_peak_mb,
            "the pairs' other half",
        ),
    ]


# Times the seed's render for the toolkit in the folder argv[1]: median wall and CPU ms of argv[2] renders.
_TIMER = """
import statistics, sys, time
sys.path.insert(0, sys.argv[1])
import toolkit
from toolkit.style import load_style
from toolkit.writers.pdf import write_pdf
doc = toolkit.read(sys.argv[1] + "/seeds/000_22ad20a819696709.txt")
style = load_style()
write_pdf(doc, style)
wall, cpu = [], []
for _ in range(int(sys.argv[2])):
    w, c = time.perf_counter(), time.process_time()
    write_pdf(doc, style)
    wall.append(time.perf_counter() - w)
    cpu.append(time.process_time() - c)
print(statistics.median(wall) * 1000, statistics.median(cpu) * 1000)
"""


def _time_tree(tree: Path, renders: int, cwd: str) -> tuple[float, float]:
    out = subprocess.run(
        [sys.executable, "-c", _TIMER, str(tree), str(renders)],
        capture_output=True,
        text=True,
        check=True,
        cwd=cwd,
    ).stdout.split()
    return float(out[0]), float(out[1])


def compare(against: str, rounds: int, renders: int) -> None:
    """The seed's in-process render time in this tree and at `against`, in interleaved processes.

    Alternating the two, round after round, exposes both to the same load on the machine; the
    ratio is the median of the rounds' ratios.
    """
    with tempfile.TemporaryDirectory() as tmp:
        old = Path(tmp) / "old"
        old.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", against, "toolkit", "seeds", "styles"],
            capture_output=True,
            check=True,
        ).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(old, filter="data")
        # Where an installed package has them: older trees import `toolkit.styles` and know no checkout.
        shutil.copytree(old / "styles", old / "toolkit" / "styles")
        ratios = []
        for number in range(1, rounds + 1):
            before = _time_tree(old, renders, tmp)
            after = _time_tree(ROOT, renders, tmp)
            ratios.append((after[0] / before[0], after[1] / before[1]))
            print(
                f"round {number}: {against} {before[0]:.1f} ms (cpu {before[1]:.1f}), "
                f"this tree {after[0]:.1f} ms (cpu {after[1]:.1f})"
            )
    wall = statistics.median(r[0] for r in ratios)
    cpu = statistics.median(r[1] for r in ratios)
    print(f"this tree / {against}: {wall:.2f}x wall, {cpu:.2f}x cpu (median of {rounds} rounds)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--against", required=True, help="a git revision to compare the seed's render time with"
    )
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--renders", type=int, default=30, help="renders timed in each process")
    args = parser.parse_args()
    compare(args.against, args.rounds, args.renders)
