"""Generate many briefings from the seed: shuffled sections, new titles, extra notes."""

from __future__ import annotations

import random
from pathlib import Path

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
