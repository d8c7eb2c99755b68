"""Briefings for batch tests: many generated from the seed (shuffled sections,
new titles, extra notes), and helpers that run a batch and look at what it made."""

from __future__ import annotations

import io
import random
import subprocess
import sys
from pathlib import Path
from typing import IO

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_22ad20a819696709.txt"
HEADING_LINES = {3, 9, 11}  # 0-based lines of the seed's three headings


def variant(k: int) -> str:
    """Briefing number `k`: same family as the seed, different text and notes."""
    rng = random.Random(k)
    lines = SEED.read_text(encoding="utf-8").split("\n")
    intro, rest = lines[1:3], lines[3:]
    sections: list[list[str]] = []
    for offset, line in enumerate(rest, 3):
        if offset in HEADING_LINES:
            sections.append([])
        sections[-1].append(line)
    rng.shuffle(sections)
    body = [line for section in sections for line in section]
    next_id = 100
    for i, line in enumerate(body):
        # Extra notes on some plain paragraphs (not headings, not noted lines).
        if line.endswith(". ") and "[footnoteRef" not in line and rng.random() < 0.4:
            cut = line.index(". ") + 1
            body[i] = (
                f"{line[:cut]}[footnoteRef:{next_id}]{line[cut:].rstrip()} [{next_id}:  Extra noot {k}.{next_id}] "
            )
            next_id += 1
    title = f"Foreign Ministers Meeting {k}: variant {rng.randint(1, 999)}"
    return "\n".join([title, *intro, *body])


def write_corpus(folder: Path, count: int) -> list[Path]:
    """Write `count` variants into `folder`; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(count):
        path = folder / f"briefing_{k:03d}.txt"
        path.write_text(variant(k), encoding="utf-8")
        paths.append(path)
    return paths


def run(*argv: str) -> tuple[int, str, str]:
    """`briefing ARGV` in this process: the exit code, stdout and stderr."""
    from toolkit.cli import main

    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def outputs(folder: Path) -> list[Path]:
    """The handouts in a batch's output folder (not its manifest, parts or report)."""
    return sorted(p for p in folder.iterdir() if not p.name.startswith(".") and p.name != "batch-report.json")


def check_output(path: Path) -> None:
    """Parse an output the way its next user would; fail on anything corrupt."""
    from toolkit import read

    data = path.read_bytes()
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF"), path
        assert len(PdfReader(path).pages) >= 1
    else:
        doc = read(path, warn=lambda w: None)
        assert doc.meta.title


def batch_process(
    src: Path, out: Path, formats: str, jobs: int = 1, stderr: IO[bytes] | int = subprocess.PIPE
) -> subprocess.Popen[bytes]:
    """`briefing batch` in a process of its own, for tests that kill it."""
    argv = ["batch", str(src), "--out", str(out), "--formats", formats, "--jobs", str(jobs)]
    return subprocess.Popen(
        [sys.executable, "-m", "toolkit", *argv],
        stdout=subprocess.DEVNULL,
        stderr=stderr,
    )
