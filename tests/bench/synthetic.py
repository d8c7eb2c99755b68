"""Synthetic briefings for benchmarks and stress tests, built from the seed."""

from __future__ import annotations

import re
from pathlib import Path

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_22ad20a819696709.txt"


def scaled_seed_text(times: int) -> bytes:
    """The seed's body repeated `times` times under one title, note ids renumbered.

    Word gives every note its own id, so each copy gets fresh ids: the result
    reads like one long POI extract, not like the same note repeated.
    """
    lines = SEED.read_text(encoding="utf-8").split("\n")
    title, body = lines[0], "\n".join(lines[1:])
    copies = [title]
    for n in range(times):
        offset = n * 10

        def renumber(m: re.Match[str], offset: int = offset) -> str:
            return m.group(0).replace(m.group(1), str(int(m.group(1)) + offset))

        copy = re.sub(r"\[footnoteRef:(\d+)\]", renumber, body)
        copies.append(re.sub(r"\[(\d+): ", renumber, copy))
    return "\n".join(copies).encode("utf-8")
