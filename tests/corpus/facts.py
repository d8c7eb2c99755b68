"""An independent extractor of the corpus facts (title, headings, notes) from a DOCX's own XML."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_R = "http://schemas.openxmlformats.org/package/2006/relationships"
DC = "http://purl.org/dc/elements/1.1/"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_HEADING_NAME = re.compile(r"^(?:heading|kop)\s*([1-9])$", re.IGNORECASE)
_TITLE_NAMES = {"title", "titel"}
# Subtrees whose text is not the paragraph's own: deleted and moved-away text, ruby guides, text boxes
# (their paragraphs follow the paragraph that anchors them), field codes.
_SKIP = {
    f"{{{W}}}{n}" for n in ("del", "moveFrom", "rt", "txbxContent", "instrText", "delInstrText", "pPr", "rPr")
}
_ALTERNATE = f"{{{MC}}}AlternateContent"
_BRANCHES = {f"{{{MC}}}Choice", f"{{{MC}}}Fallback"}
_TEXT = {f"{{{W}}}{n}" for n in ("t", "tab", "ptab", "br", "cr", "noBreakHyphen")}
_REF = {f"{{{W}}}footnoteReference": "footnote", f"{{{W}}}endnoteReference": "endnote"}


def w(name: str) -> str:
    """The Clark name of a WordprocessingML element or attribute."""
    return f"{{{W}}}{name}"


def collapse(text: str) -> str:
    """Whitespace runs to one space, stripped."""
    return " ".join(text.split())


class _Styles:
    """Paragraph styles by id: name, parent and own outline level."""

    def __init__(self, root: etree._Element | None) -> None:
        self.name: dict[str, str] = {}
        self.based_on: dict[str, str] = {}
        self.outline: dict[str, int] = {}
        self.default: str | None = None
        if root is None:
            return
        for style in root.iter(w("style")):
            if style.get(w("type"), "paragraph") != "paragraph":
                continue
            sid = style.get(w("styleId"), "")
            name = style.find(w("name"))
            self.name[sid] = name.get(w("val"), "") if name is not None else sid
            based = style.find(w("basedOn"))
            if based is not None:
                self.based_on[sid] = based.get(w("val"), "")
            lvl = style.find(f"{w('pPr')}/{w('outlineLvl')}")
            if lvl is not None:
                self.outline[sid] = int(lvl.get(w("val"), "9"))
            if style.get(w("default")) in ("1", "true", "on"):
                self.default = sid

    def outline_level(self, sid: str | None) -> int | None:
        """The outline level a style gives, following basedOn."""
        seen: set[str] = set()
        while sid and sid not in seen:
            seen.add(sid)
            if sid in self.outline:
                return self.outline[sid]
            sid = self.based_on.get(sid)
        return None


def _branch(alternate: etree._Element) -> etree._Element | None:
    """The branch of an mc:AlternateContent a reader takes: the first mc:Choice, else mc:Fallback."""
    for tag in ("Choice", "Fallback"):
        found = alternate.find(f"{{{MC}}}{tag}")
        if found is not None:
            return found
    return None


def _is_read(el: etree._Element) -> bool:
    """Whether `el` lies in nothing skipped and only in taken branches of alternates."""
    for a in el.iterancestors():
        if a.tag in _SKIP - {w("txbxContent")}:
            return False
        if a.tag in _BRANCHES and _branch(a.getparent()) is not a:
            return False
    return True


def _paragraph_items(p: etree._Element) -> Iterator[str | tuple[str, str, bool]]:
    """Text pieces and (kind, id, custom mark follows) references of one paragraph, in document order."""

    fields: list[bool] = []  # open complex fields, innermost last: True while in the field's code

    def walk(el: etree._Element) -> Iterator[str | tuple[str, str, bool]]:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP or tag == w("p"):
                continue
            if tag == w("fldChar"):
                kind = child.get(w("fldCharType"))
                if kind == "begin":
                    fields.append(True)
                elif kind == "separate" and fields:
                    fields[-1] = False
                elif kind == "end" and fields:
                    fields.pop()
            elif tag in _TEXT and any(fields):
                continue  # a field's code holds a nested field's result: not text
            elif tag in (w("t"), f"{{{M}}}t"):  # an equation's text is text
                yield child.text or ""
            elif tag in (w("tab"), w("ptab")):
                yield "\t"
            elif tag in (w("br"), w("cr")):
                yield "\n"
            elif tag == w("noBreakHyphen"):
                yield "\u2011"  # as Word shows it, and pandoc reads it
            elif tag in _REF:
                custom = child.get(w("customMarkFollows"), "0") in ("1", "true", "on")
                yield (_REF[tag], child.get(w("id"), ""), custom)
            elif tag == _ALTERNATE:
                branch = _branch(child)
                if branch is not None:
                    yield from walk(branch)
            else:
                yield from walk(child)

    yield from walk(p)


def _text(p: etree._Element) -> str:
    return collapse("".join(x for x in _paragraph_items(p) if isinstance(x, str)))


def _read(z: zipfile.ZipFile, name: str) -> etree._Element | None:
    """A part by name; part names compare in any letter case (OPC), `Footnotes.xml` is `footnotes.xml`."""
    for member in z.namelist():
        if member.lower() == name.lower():
            return etree.fromstring(z.read(member))
    return None


def _part_targets(z: zipfile.ZipFile) -> dict[str, str]:
    """Relationship type suffix -> part name, for the main document's parts."""
    rels = _read(z, "word/_rels/document.xml.rels")
    out: dict[str, str] = {}
    if rels is None:
        return out
    for rel in rels:
        target = rel.get("Target", "")
        name = target.lstrip("/") if target.startswith("/") else f"word/{target}"
        out[rel.get("Type", "").rsplit("/", 1)[-1]] = name
    return out


def _notes(root: etree._Element | None, tag: str) -> dict[str, tuple[list[str], list[tuple[str, str]]]]:
    """Each note's paragraphs' text, and the (kind, id) of the notes it cites."""
    out: dict[str, tuple[list[str], list[tuple[str, str]]]] = {}
    if root is None:
        return out
    for note in root.iter(w(tag)):
        if note.get(w("type"), "normal") != "normal":
            continue
        read = [p for p in note.iter(w("p")) if _is_read(p)]
        cited = [item[:2] for p in read for item in _paragraph_items(p) if isinstance(item, tuple)]
        out[note.get(w("id"), "")] = ([t for t in map(_text, read) if t], cited)
    return out


def _cited(
    notes: dict[str, dict[str, tuple[list[str], list[tuple[str, str]]]]],
    kind: str,
    nid: str,
    open_: tuple[tuple[str, str], ...] = (),
) -> Iterator[tuple[str, str, list[str]]]:
    """A cited note and, after it, the notes cited inside it, depth first; a note cited inside itself once."""
    body, inner = notes[kind].get(nid, ([], []))
    yield kind, nid, body
    for k, i in inner:
        if (k, i) not in (*open_, (kind, nid)):
            yield from _cited(notes, k, i, (*open_, (kind, nid)))


def _take_mark(note: dict[str, Any], mark: str) -> None:
    """The note's own mark is Word's custom mark; its text starts with a copy, which is the mark's, not the text's."""
    note["mark"] = mark
    if note["body"] and note["body"][0].startswith(mark):
        note["body"][0] = note["body"][0][len(mark) :].strip()


def extract(path: Path) -> dict[str, Any]:
    """title, title_from, headings and notes of one DOCX, as the facts files hold them."""
    with zipfile.ZipFile(path) as z:
        parts = _part_targets(z)
        doc = _read(z, "word/document.xml")
        assert doc is not None, f"{path}: no word/document.xml"
        styles = _Styles(_read(z, parts["styles"]) if "styles" in parts else None)
        notes = {
            "footnote": _notes(_read(z, parts["footnotes"]) if "footnotes" in parts else None, "footnote"),
            "endnote": _notes(_read(z, parts["endnotes"]) if "endnotes" in parts else None, "endnote"),
        }
        core = _read(z, "docProps/core.xml")
    title: str | None = None
    headings: list[dict[str, Any]] = []
    found: list[dict[str, Any]] = []
    body = doc.find(w("body"))
    assert body is not None
    for p in body.iter(w("p")):  # a text box's paragraphs come after the paragraph anchoring it
        if not _is_read(p):
            continue
        before = ""
        marked: dict[str, Any] | None = None  # a note whose custom mark is the text that follows
        for item in _paragraph_items(p):
            if isinstance(item, str):
                if marked is not None and item.strip():
                    _take_mark(marked, item.strip())
                    marked = None
                elif marked is None:
                    before += item
                continue
            kind, nid, custom = item
            marked = None
            prefix = " ".join(before.split()) if before.strip() else ""
            if before[-1:].isspace() and prefix:
                prefix += " "
            # A note cited inside a note follows it (the model holds no note inside a note).
            for n, (k, i, text) in enumerate(_cited(notes, kind, nid)):
                found.append({"kind": k, "source_id": i, "body": list(text), "before": prefix[-30:]})
                if custom and n == 0:
                    marked = found[-1]
        ppr = p.find(w("pPr"))
        style_el = ppr.find(w("pStyle")) if ppr is not None else None
        sid = style_el.get(w("val")) if style_el is not None else styles.default
        name = styles.name.get(sid or "", sid or "")
        if title is None and name.lower() in _TITLE_NAMES:
            if _text(p):  # an empty Title paragraph is spacing
                title = _text(p)
            continue
        direct = ppr.find(w("outlineLvl")) if ppr is not None else None
        match = _HEADING_NAME.match(name)
        if direct is not None:
            level: int | None = int(direct.get(w("val"), "9")) + 1
        elif match:
            level = int(match.group(1))
        else:
            outline = styles.outline_level(sid)
            level = outline + 1 if outline is not None else None
        if level is not None and level <= 9:
            text = _text(p)
            if text:
                headings.append({"level": level, "text": text})
    if title is not None:
        title_from = "style"
    else:
        dc_title = core.find(f"{{{DC}}}title") if core is not None else None
        core_title = collapse(dc_title.text or "") if dc_title is not None else ""
        title, title_from = (core_title, "core") if core_title else (path.stem, "filename")
    return {"title": title, "title_from": title_from, "headings": headings, "notes": found}
