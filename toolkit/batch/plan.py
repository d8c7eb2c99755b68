"""Find the inputs of a batch and name their outputs predictably."""

from __future__ import annotations

import glob
import hashlib
from dataclasses import dataclass
from pathlib import Path

from toolkit.errors import BriefingError, ExitCode

INPUT_SUFFIXES = (".txt", ".docx", ".xml")
OUTPUT_SUFFIX = {"xml": "xml", "docx": "docx", "pdf": "pdf"}


@dataclass(frozen=True)
class Job:
    """One input briefing and the stem its outputs are named after."""

    source: str
    name: str


@dataclass(frozen=True)
class Settings:
    """What a batch makes of each input; the same for every document."""

    out_dir: str
    formats: tuple[str, ...] = ("xml", "docx", "pdf")
    target_lang: str | None = None  # translate to this language as well
    style: str | None = None
    models_dir: str | None = None
    cache: str | None = None  # translation memory file; None = the default
    use_cache: bool = True
    beam_size: int = 2
    threads: int = 0  # CPU threads per worker's model; 0 = all cores

    def output(self, name: str, lang: str, fmt: str) -> Path:
        """`DIR/<name>.<lang>.<ext>`: where one output of one input goes."""
        return Path(self.out_dir) / f"{name}.{lang}.{OUTPUT_SUFFIX[fmt]}"


def collect(sources: list[str]) -> list[Job]:
    """Every input named by files, folders (searched recursively) or globs.

    Outputs are named by the input's stem, so two inputs with the same stem
    would overwrite each other: that is refused up front, naming both.
    """
    paths: list[Path] = []
    for source in sources:
        path = Path(source)
        if path.is_dir():
            paths.extend(
                p for p in sorted(path.rglob("*")) if p.suffix.lower() in INPUT_SUFFIXES and p.is_file()
            )
        elif path.exists():
            paths.append(path)
        elif glob.has_magic(source):
            matches = [Path(p) for p in sorted(glob.glob(source, recursive=True))]
            paths.extend(p for p in matches if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES)
        else:
            raise BriefingError("no such file or folder", path=source, code=ExitCode.NO_INPUT)
    jobs: dict[str, Job] = {}
    seen: set[Path] = set()
    for path in paths:
        resolved = path.resolve()
        if resolved in seen:
            continue
        seen.add(resolved)
        name = path.stem
        if name in jobs:
            raise BriefingError(
                f"two inputs would write the same outputs: {jobs[name].source} and {path}",
                path=str(path),
                hint="rename one of them, or run them in separate batches",
                code=ExitCode.USAGE,
            )
        jobs[name] = Job(str(path), name)
    if not jobs:
        raise BriefingError(
            "no briefings found",
            path=" ".join(sources),
            hint=f"give files or folders holding {', '.join(INPUT_SUFFIXES)}",
            code=ExitCode.NO_INPUT,
        )
    return list(jobs.values())


def sha256_file(path: str | Path) -> str:
    """The sha256 of a file's bytes, in hex."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
