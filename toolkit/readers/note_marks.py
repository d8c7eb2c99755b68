"""A note with the author's own reference mark (Word's custom mark): the mark moves from the body's start onto the note.

Word prints a custom mark twice: after the reference, and at the start of the
note's text, where a numbered note has its number. Both readers find the mark
after the reference; this takes it off the body too, so the model holds it once
and every writer prints it where it prints a number.
"""

from __future__ import annotations

from toolkit.errors import BriefingError
from toolkit.model import Inline, LineBreak, Note, P, check_mark
from toolkit.model.nodes import child_inlines
from toolkit.record import replace

_SPACE = " \t\u00a0"  # what may part a mark from the text it marks
_SYMBOLS = "*\u2020\u2021\u00a7\u00b6#"  # * † ‡ § ¶ #: marks that can touch the text they mark


def starts_with_mark(text: str, mark: str) -> bool:
    """Does `text` start with `mark` as a mark: then a space, the end, or anything after a mark of symbols?

    `a` does not start `aanvullende brief`; `*` does start `*Zie de brief`.
    """
    if not text.startswith(mark):
        return False
    after = text[len(mark) : len(mark) + 1]
    return after == "" or after in _SPACE or all(c in _SYMBOLS for c in mark)


def can_be_mark(text: str) -> bool:
    """Whether `text` can be a note's own mark (`check_mark`)."""
    try:
        check_mark(text)
    except BriefingError:
        return False
    return True


def with_mark(note: Note, mark: str) -> Note:
    """`note` marked `mark`, without the copy of `mark` its body starts with (if it does)."""
    first, *rest = note.body
    lead = _leading_text(first.children)
    text = lead.lstrip(_SPACE)
    if not starts_with_mark(text, mark):
        return replace(note, mark=mark)
    after = text[len(mark) :]
    drop = len(lead) - len(text) + len(mark) + len(after) - len(after.lstrip(_SPACE))
    return replace(note, mark=mark, body=(P(_drop(first.children, drop)), *rest))


def _leading_text(items: tuple[Inline, ...]) -> str:
    """The text `items` start with, through spans, up to the first break or note."""
    return _lead(items)[0]


def _lead(items: tuple[Inline, ...]) -> tuple[str, bool]:
    """The leading text of `items`, and whether it runs through all of them."""
    out = []
    for item in items:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, (LineBreak, Note)):
            return "".join(out), False
        else:
            text, whole = _lead(child_inlines(item))
            out.append(text)
            if not whole:
                return "".join(out), False
    return "".join(out), True


def _drop(items: tuple[Inline, ...], count: int) -> tuple[Inline, ...]:
    """`items` without their first `count` characters of text; spans left empty go too."""
    out: list[Inline] = []
    for i, item in enumerate(items):
        if count == 0:
            out.extend(items[i:])
            break
        if isinstance(item, str):
            taken = min(count, len(item))
            count -= taken
            if item[taken:]:
                out.append(item[taken:])
        else:
            inner = child_inlines(item)
            length = len(_leading_text(inner))
            kept = _drop(inner, min(count, length))
            count -= min(count, length)
            if kept:
                out.append(replace(item, children=kept))  # type: ignore[type-var]
    return tuple(out)
