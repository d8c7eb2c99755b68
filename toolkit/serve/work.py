"""What a worker process does: read, render and validate, with errors returned as plain data.

These functions cross a process boundary, so what they return is picklable
data: a BriefingError's keywords do not survive pickling, hence `Failure`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from toolkit.errors import BriefingError, BriefingWarning, ExitCode
from toolkit.model import Briefing

WARM_UP_TEXT = b"Titel\n\nEen korte alinea[footnoteRef:1] om alles te laden. [1: Een noot.]\n"


@dataclass(frozen=True, slots=True)
class Failure:
    """A BriefingError as data."""

    message: str
    hint: str | None
    path: str | None
    line: int | None
    column: int | None
    code: int

    @classmethod
    def of(cls, exc: BriefingError) -> Failure:
        w = exc.where
        return cls(exc.message, exc.hint, w.path, w.line, w.column, int(exc.code))

    def error(self) -> BriefingError:
        return BriefingError(
            self.message,
            path=self.path,
            line=self.line,
            column=self.column,
            hint=self.hint,
            code=ExitCode(self.code),
        )


@dataclass(slots=True)
class Outcome:
    """Rendered files by format, the warnings as the CLI prints them, and the document when asked for."""

    files: dict[str, bytes] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    doc: Briefing | None = None
    lang: str = ""
    failure: Failure | None = None


def warm_up() -> None:
    """Import every reader and writer and load the fonts, so that no request pays for it."""
    import toolkit
    from toolkit import formats
    from toolkit.model.schema import relaxng

    for fmt in formats.READERS:
        formats.load(formats.READERS, fmt)
    doc = toolkit.read(WARM_UP_TEXT, "text", warn=lambda w: None)
    for fmt in formats.WRITERS:
        toolkit.render(doc, fmt, warn=lambda w: None)
    relaxng()


def read_and_render(
    data: bytes,
    name: str,
    source_format: str,
    formats: tuple[str, ...],
    langs: tuple[str, ...],
    style: str | None,
    strict: bool,
) -> Outcome:
    """Read the upload; render it in `formats` if its language is in `langs` (or `langs` is empty).

    The document itself comes back too when another language is wanted, for translation.
    """
    import toolkit

    outcome = Outcome()
    try:
        doc = toolkit.read(data, source_format, warn=_collect(outcome), name=name)
        _check_strict(outcome, strict, name)
        outcome.lang = doc.lang
        if not langs or doc.lang in langs:
            _render(doc, formats, style, outcome)
        if any(lang != doc.lang for lang in langs):
            outcome.doc = doc
    except BriefingError as exc:
        outcome.failure = Failure.of(exc.located(name))
    return outcome


def render(doc: Briefing, formats: tuple[str, ...], style: str | None, name: str) -> Outcome:
    """Render a (translated) document in `formats`."""
    outcome = Outcome(lang=doc.lang)
    try:
        _render(doc, formats, style, outcome)
    except BriefingError as exc:
        outcome.failure = Failure.of(exc.located(name))
    return outcome


def validate(data: bytes, name: str) -> list[tuple[str, int | None, int | None, str]]:
    """The schema problems of briefing XML, as (where, line, column, message)."""
    from toolkit.model.schema import validate as check

    return [(str(where), where.line, where.column, message) for where, message in check(data, name)]


def _render(doc: Briefing, formats: tuple[str, ...], style: str | None, outcome: Outcome) -> None:
    import toolkit

    for fmt in formats:
        outcome.files[fmt] = toolkit.render(doc, fmt, style, warn=_collect(outcome))


def _collect(outcome: Outcome) -> Callable[[BriefingWarning], None]:
    def warn(warning: BriefingWarning) -> None:
        outcome.warnings.append(str(warning))

    return warn


def _check_strict(outcome: Outcome, strict: bool, name: str) -> None:
    if strict and outcome.warnings:
        raise BriefingError(f"{len(outcome.warnings)} warning(s) and strict is set", path=name)
