"""Regenerate the POI text extracts: `POI_TEXT=/path/to/poi-text python -m tests.corpus.extract` from the repo root."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
POI_JAR = Path("/usr/share/java/poi-ooxml.jar")


def find_poi_text() -> str | None:
    """The poi-text script: $POI_TEXT if set, else `poi-text` on PATH."""
    env = os.environ.get("POI_TEXT")
    if env:
        return env if Path(env).is_file() else None
    return shutil.which("poi-text")


def corpus_docx() -> list[Path]:
    return sorted(HERE.glob("*.docx"))


def extract_all(out_dir: Path, poi_text: str | None = None) -> list[Path]:
    """Write NAME.txt into out_dir for every corpus DOCX, in one POI run; returns the text paths."""
    script = poi_text or find_poi_text()
    if script is None:
        raise RuntimeError("no POI extractor: set POI_TEXT or put poi-text on PATH")
    out_dir.mkdir(parents=True, exist_ok=True)
    args: list[str] = []
    outs: list[Path] = []
    for docx in corpus_docx():
        out = out_dir / f"{docx.stem}.txt"
        args += [str(docx), str(out)]
        outs.append(out)
    subprocess.run([script, *args], check=True)
    return outs


def main() -> int:
    if find_poi_text() is None:
        print("extract: set POI_TEXT to a poi-text script, or put poi-text on PATH", file=sys.stderr)
        return 1
    for out in extract_all(HERE):
        print(f"wrote {out.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
