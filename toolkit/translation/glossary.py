"""Terminology: a TOML glossary checked, and fixed where safe, on each translated sentence."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from toolkit.errors import BriefingError, ExitCode


@dataclass(frozen=True, slots=True)
class Term:
    """One rule: where `source` occurs in a sentence, `target` must occur in its translation."""

    source: str
    target: str
    wrong: tuple[str, ...] = ()

    @property
    def keep(self) -> bool:
        return self.source == self.target


@dataclass(frozen=True, slots=True)
class Glossary:
    """Source -> target terms and do-not-translate terms, with a version for the cache key."""

    version: str
    source: str
    target: str
    terms: tuple[Term, ...]

    def check(self, source_text: str, output: str) -> tuple[str, list[str]]:
        """`output` with the safe fixes applied, and the terms that are still wrong.

        Safe fixes: the untranslated source term, or a known wrong rendering,
        appears in the output and is replaced by the target term. Anything
        else (the term paraphrased or dropped) is only reported: rewriting
        free text without knowing where the term went could break the sentence.
        """
        problems = []
        for term in self.terms:
            if not _find(term.source, source_text):
                continue
            if not term.keep and _find(term.source, output):
                output = _sub(term.source, term.target, output)
            for wrong in term.wrong:
                if _find(wrong, output):
                    output = _sub(wrong, term.target, output)
            if not _find(term.target, output):
                want = "kept as it is" if term.keep else f"translated as {term.target!r}"
                problems.append(f"{term.source!r} should be {want}")
        return output, problems


@cache
def _pattern(term: str) -> re.Pattern[str]:
    # Whole words: "NAVO" matches in "NAVO-top" but not in "NAVOS".
    return re.compile(rf"(?<!\w){re.escape(term)}(?!\w)")


def _find(term: str, text: str) -> bool:
    return _pattern(term).search(text) is not None


def _sub(term: str, replacement: str, text: str) -> str:
    return _pattern(term).sub(lambda _: replacement, text)


def load(path: str | Path) -> Glossary:
    """Read a glossary TOML file; problems raise BriefingError naming the file."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise BriefingError(
            f"cannot read the glossary: {exc.strerror}", path=str(path), code=ExitCode.NO_INPUT
        ) from None
    return parse(data, str(path))


def parse(data: bytes, where: str = "<glossary>") -> Glossary:
    """Build a Glossary from TOML bytes (see glossary_nl_en.toml for the layout)."""
    try:
        doc = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise BriefingError(f"not a valid glossary TOML file: {exc}", path=where) from None
    version, source, target = doc.get("version"), doc.get("source"), doc.get("target")
    if not all(isinstance(v, str) and v for v in (version, source, target)):
        raise BriefingError("a glossary needs string keys version, source and target", path=where)
    terms_table = doc.get("terms", {})
    keep = doc.get("keep", [])
    wrong_table = doc.get("wrong", {})
    if not isinstance(terms_table, dict) or not isinstance(keep, list) or not isinstance(wrong_table, dict):
        raise BriefingError("[terms] and [wrong] must be tables and keep a list", path=where)
    pairs: dict[str, str] = {}
    for src, tgt in terms_table.items():
        if not isinstance(tgt, str) or not tgt or not src:
            raise BriefingError(f"glossary term {src!r} needs a non-empty string target", path=where)
        pairs[src] = tgt
    for term in keep:
        if not isinstance(term, str) or not term:
            raise BriefingError(f"keep entries must be non-empty strings, not {term!r}", path=where)
        pairs.setdefault(term, term)
    wrong: dict[str, tuple[str, ...]] = {}
    for tgt, renderings in wrong_table.items():
        if not isinstance(renderings, list) or not all(isinstance(r, str) and r for r in renderings):
            raise BriefingError(f"[wrong] {tgt!r} must be a list of strings", path=where)
        wrong[tgt] = tuple(renderings)
    # Longest first, so "Raad Buitenlandse Zaken" is fixed before "Buitenlandse Zaken".
    terms = tuple(
        Term(src, tgt, wrong.get(tgt, ()))
        for src, tgt in sorted(pairs.items(), key=lambda kv: (-len(kv[0]), kv[0]))
    )
    return Glossary(str(version), str(source), str(target), terms)


def default(source: str, target: str) -> Glossary | None:
    """The glossary shipped in the package for the pair, if there is one."""
    name = f"glossary_{source}_{target}.toml"
    try:
        data = resources.files("toolkit.translation").joinpath(name).read_bytes()
    except (FileNotFoundError, OSError):
        return None
    return parse(data, name)
