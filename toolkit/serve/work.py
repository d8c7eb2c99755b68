"""What a worker process does: read, render and validate, with errors returned as plain data.

These functions cross a process boundary, so what they take and return is
picklable data: a BriefingError's keywords do not survive pickling, hence
`Failure`. The file names of the outputs are decided here too (`Outcome.names`),
next to what the files are.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from toolkit.errors import BriefingError, BriefingWarning, ExitCode
from toolkit.model import Briefing

WARM_UP_TEXT = b"Titel\n\nEen korte alinea[footnoteRef:1] om alles te laden. [1: Een noot.]\n"
BILINGUAL_FORMATS = ("pdf", "docx")


@dataclass(frozen=True, slots=True)
class Recipe:
    """How to read an upload and what to render from it: the request's choices, checked.

    `langs` empty means the document's own language. `xliff_target` is the
    target language of a sources-only XLIFF (None: English, or Dutch for an
    English document). With `bilingual`, a translated PDF or DOCX is the
    side-by-side handout instead of the translation alone.
    """

    source_format: str
    formats: tuple[str, ...]
    langs: tuple[str, ...] = ()
    style: str | None = None
    strict: bool = False
    allow_untranslated: bool = False
    xliff_target: str | None = None
    xliff_version: str = "2.1"
    bilingual: bool = False


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
    """Rendered files by format with their name endings, the warnings as the CLI prints them, the document."""

    files: dict[str, bytes] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # format -> "nl.pdf", "nl-en.xlf", ...
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
        toolkit.render(doc, fmt, warn=lambda w: None)  # type: ignore[arg-type]
    relaxng()


def read_and_render(data: bytes, name: str, recipe: Recipe) -> Outcome:
    """Read the upload; render it if its language is in `recipe.langs` (or they are empty).

    The document itself comes back too when another language is wanted, for translation.
    """
    outcome = Outcome()
    try:
        doc = _read(data, name, recipe, outcome)
        _check_strict(outcome, recipe.strict, name)
        outcome.lang = doc.lang
        if not recipe.langs or doc.lang in recipe.langs:
            _render(doc, recipe.formats, recipe, outcome)
        if any(lang != doc.lang for lang in recipe.langs):
            outcome.doc = doc
    except BriefingError as exc:
        outcome.failure = Failure.of(exc.located(name))
    return outcome


def render(doc: Briefing, recipe: Recipe, name: str, source: Briefing | None = None) -> Outcome:
    """Render a translated document in the recipe's formats but XLIFF (made with the translation).

    With `recipe.bilingual` and the `source`, PDF and DOCX are the side-by-side handout.
    """
    outcome = Outcome(lang=doc.lang)
    formats = tuple(f for f in recipe.formats if f != "xlf")
    try:
        if recipe.bilingual and source is not None:
            from toolkit.writers import bilingual

            pair = f"{source.lang}-{doc.lang}"
            for fmt in (f for f in formats if f in BILINGUAL_FORMATS):
                outcome.files[fmt] = bilingual.render(source, doc, fmt, recipe.style, warn=_collect(outcome))
                outcome.names[fmt] = f"{pair}.{fmt}"
            formats = tuple(f for f in formats if f not in BILINGUAL_FORMATS)
        _render(doc, formats, recipe, outcome)
    except BriefingError as exc:
        outcome.failure = Failure.of(exc.located(name))
    return outcome


def bilingual_formats() -> tuple[str, ...]:
    """The formats the side-by-side writer can make in this installation (it may be absent)."""
    import importlib.util

    try:
        from toolkit.writers.bilingual import WRITERS
    except ImportError:
        return ()
    return tuple(
        fmt
        for fmt in BILINGUAL_FORMATS
        if fmt in WRITERS and importlib.util.find_spec(WRITERS[fmt].partition(":")[0]) is not None
    )


def xliff_target(lang: str, given: str | None) -> str:
    """A sources-only XLIFF's target language: the one asked for, else English (Dutch from English)."""
    return given or ("nl" if lang == "en" else "en")


def validate(data: bytes, name: str) -> list[tuple[str, int | None, int | None, str]]:
    """The schema problems of briefing XML, as (where, line, column, message)."""
    from toolkit.model.schema import validate as check

    return [(str(where), where.line, where.column, message) for where, message in check(data, name)]


def _read(data: bytes, name: str, recipe: Recipe, outcome: Outcome) -> Briefing:
    import toolkit

    if recipe.source_format != "xlf":
        fmt = recipe.source_format
        return toolkit.read(data, fmt, warn=_collect(outcome), name=name)  # type: ignore[arg-type]
    from toolkit.readers.xliff import read_xliff

    try:
        return read_xliff(data, name, warn=_collect(outcome), allow_untranslated=recipe.allow_untranslated)
    except BriefingError as exc:
        if exc.hint:  # the CLI's option, as this API spells it
            exc.hint = exc.hint.replace("pass --allow-untranslated", "send allow_untranslated=1")
        raise


def _render(doc: Briefing, formats: tuple[str, ...], recipe: Recipe, outcome: Outcome) -> None:
    import toolkit

    for fmt in formats:
        if fmt == "xlf":  # for human translation: sources only, every segment `initial`
            from toolkit.writers.xliff import XliffOptions, render_xliff

            target = xliff_target(doc.lang, recipe.xliff_target)
            options = XliffOptions(target, recipe.xliff_version)  # type: ignore[arg-type]
            outcome.files[fmt] = render_xliff(doc, options)
            outcome.names[fmt] = f"{doc.lang}-{target}.xlf"
        else:
            outcome.files[fmt] = toolkit.render(doc, fmt, recipe.style, warn=_collect(outcome))  # type: ignore[arg-type]
            outcome.names[fmt] = f"{doc.lang}.{fmt}"


def _collect(outcome: Outcome) -> Callable[[BriefingWarning], None]:
    def warn(warning: BriefingWarning) -> None:
        outcome.warnings.append(str(warning))

    return warn


def _check_strict(outcome: Outcome, strict: bool, name: str) -> None:
    if strict and outcome.warnings:
        raise BriefingError(f"{len(outcome.warnings)} warning(s) and strict is set", path=name)
