"""Find the inputs of a batch and name their outputs predictably."""

from __future__ import annotations

import glob
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from toolkit.batch.manifest import FILE_NAME, recorded_outputs
from toolkit.errors import BriefingError, ExitCode
from toolkit.translation.options import TranslateOptions

INPUT_SUFFIXES = (".txt", ".docx", ".xml")
OUTPUT_SUFFIX = {"xml": "xml", "docx": "docx", "pdf": "pdf", "bilingual-pdf": "pdf", "bilingual-docx": "docx"}
# The side-by-side handouts of a document and its translation: `<name>.nl-en.pdf`.
BILINGUAL: dict[str, Literal["pdf", "docx"]] = {"bilingual-pdf": "pdf", "bilingual-docx": "docx"}
Note = Callable[[str], None]


@dataclass(frozen=True)
class Job:
    """One input briefing and the stem its outputs are named after."""

    source: str
    name: str


@dataclass(frozen=True)
class Settings:
    """What a batch makes of each input; the same for every document."""

    out_dir: str
    formats: tuple[str, ...] = ("xml", "docx", "pdf")  # WriteFormat names, and BILINGUAL ones
    target_lang: str | None = None  # translate to this language as well
    style: str | None = None
    # The same record `briefing translate` uses, so both give the same English;
    # the runner sets its threads per worker.
    translation: TranslateOptions = field(default_factory=TranslateOptions)

    def output(self, name: str, lang: str, fmt: str) -> Path:
        """`DIR/<name>.<lang>.<ext>`: where one output of one input goes."""
        return Path(self.out_dir) / f"{name}.{lang}.{OUTPUT_SUFFIX[fmt]}"


def collect(sources: list[str], out_dir: str | None = None, note: Note = lambda message: None) -> list[Job]:
    """Every input named by files, folders (searched recursively) or globs.

    The toolkit's own outputs are never inputs: files under `out_dir`, and
    files that a manifest next to them records as outputs, are left out and
    `note` is told so, once per reason. Outputs are named by the input's
    stem, so two inputs with the same stem would overwrite each other: that
    is refused up front, naming both.
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
    out = Path(out_dir).resolve() if out_dir is not None else None
    recorded: dict[Path, set[Path]] = {}  # folder -> what its manifest records as outputs
    in_out: list[Path] = []
    earlier: list[Path] = []
    jobs: dict[str, Job] = {}
    seen: set[Path] = set()
    for path in paths:
        resolved = path.resolve()
        if resolved in seen:
            continue
        seen.add(resolved)
        if out is not None and resolved.is_relative_to(out):
            in_out.append(path)
            continue
        if resolved.parent not in recorded:
            recorded[resolved.parent] = recorded_outputs(resolved.parent)
        if resolved in recorded[resolved.parent]:
            earlier.append(path)
            continue
        name = path.stem
        if name in jobs:
            raise BriefingError(
                f"two inputs would write the same outputs: {jobs[name].source} and {path}",
                path=str(path),
                hint="rename one of them, or run them in separate batches",
                code=ExitCode.USAGE,
            )
        jobs[name] = Job(str(path), name)
    if in_out:
        note(f"skipped {_files(in_out)} in the output folder {out_dir}: a batch never reads its own outputs")
    if earlier:
        folders = sorted({str(p.parent / FILE_NAME) for p in earlier})
        note(f"skipped {_files(earlier)} that earlier batches made (recorded in {', '.join(folders)})")
    if not jobs:
        raise BriefingError(
            "no briefings found",
            path=" ".join(sources),
            hint=f"give files or folders holding {', '.join(INPUT_SUFFIXES)}, outside the output folder",
            code=ExitCode.NO_INPUT,
        )
    return list(jobs.values())


def _files(paths: list[Path]) -> str:
    """`3 files (a.xml, b.xml, c.xml)`, naming a few of them."""
    names = ", ".join(p.name for p in paths[:3]) + (", ..." if len(paths) > 3 else "")
    return f"{len(paths)} file{'s' if len(paths) != 1 else ''} ({names})"
