"""What of a story the DOCX reader reads: the one rule its reading and its count of note references share.

Everything is read except:
- tracked deletions and moved-away text (`w:del`, `w:moveFrom`), as if changes were accepted;
- ruby annotations (`w:rt`, the small phonetic guide above the base text);
- the branches of `mc:AlternateContent` that are not chosen: the first `mc:Choice` is
  read, else the `mc:Fallback`; the others hold the same content again;
- hidden text: a run formatted `w:vanish` (a template's instructions), directly or by its
  character style, as Word shows it.
A note reference in what is left out is named in a warning, never dropped quietly.
"""

from __future__ import annotations

from collections.abc import Callable, Container

from lxml import etree

from toolkit.ooxml.ns import local_name, qn

LEFT_OUT = {
    qn("w:del"): "a tracked deletion",
    qn("w:moveFrom"): "moved-away text",
    qn("w:rt"): "a ruby annotation",
}
_BRANCHES = (qn("mc:Choice"), qn("mc:Fallback"))
_RUN = qn("w:r")


def chosen(alternate: etree._Element) -> etree._Element | None:
    """The branch of an `mc:AlternateContent` that is read: its first Choice, else its Fallback."""
    choice = alternate.find(qn("mc:Choice"))
    return choice if choice is not None else alternate.find(qn("mc:Fallback"))


def bool_prop(value: str | None) -> bool:
    """An OOXML on/off value: absent attribute means on (`<w:b/>`)."""
    return value is None or value.lower() not in ("0", "false", "off", "none")


def is_hidden(run: etree._Element, hidden_styles: Container[str]) -> bool:
    """Whether the run `run` is hidden text: `w:vanish` in its own properties, else by its character style."""
    rpr = run.find(qn("w:rPr"))
    if rpr is None:
        return False
    vanish = rpr.find(qn("w:vanish"))
    if vanish is not None:  # direct formatting wins over the style, either way
        return bool_prop(vanish.get(qn("w:val")))
    style = rpr.find(qn("w:rStyle"))
    return style is not None and style.get(qn("w:val"), "") in hidden_styles


def is_read(el: etree._Element, hidden_styles: Container[str]) -> bool:
    """Whether the reader reads `el`: it lies in nothing left out, and in the chosen branch of each alternate."""
    for ancestor in el.iterancestors():
        if ancestor.tag in LEFT_OUT or (ancestor.tag == _RUN and is_hidden(ancestor, hidden_styles)):
            return False
        if ancestor.tag in _BRANCHES:
            parent = ancestor.getparent()
            if parent is not None and chosen(parent) is not ancestor:
                return False
    return True


def note_references(el: etree._Element) -> list[tuple[str, str]]:
    """The (kind, w:id) of every note reference inside `el`, in document order."""
    return [
        (local_name(ref.tag).removesuffix("Reference"), ref.get(qn("w:id"), "?"))
        for ref in el.iter(qn("w:footnoteReference"), qn("w:endnoteReference"))
    ]


def read_references(story: etree._Element, hidden_styles: Container[str]) -> dict[str, int]:
    """How many note references of each kind the reader reads in `story` (the invariant's expectation)."""
    expected = {"footnote": 0, "endnote": 0}
    for ref in story.iter(qn("w:footnoteReference"), qn("w:endnoteReference")):
        if is_read(ref, hidden_styles):
            expected["footnote" if ref.tag == qn("w:footnoteReference") else "endnote"] += 1
    return expected


def warn_left_out(el: etree._Element, warn: Callable[[str], None]) -> None:
    """Warn that the content of `el` (one of LEFT_OUT, or a hidden run) is not read, naming each note it takes away."""
    what = LEFT_OUT.get(el.tag, "hidden text")
    if el.tag == _RUN:
        warn("hidden text (w:vanish) is left out, as Word shows the document")
    elif el.tag == qn("w:rt"):
        warn("ruby annotations (phonetic guides) are left out; their base text is read")
    else:
        warn("tracked deletions are left out (the text as if changes were accepted)")
    for kind, note_id in note_references(el):
        warn(f"{kind} {note_id} is in {what}: left out with its text")
