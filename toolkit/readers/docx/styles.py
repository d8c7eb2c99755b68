"""Word styles as the reader needs them: heading levels (localised names too), title, lists, run formatting."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from lxml import etree

from toolkit.ooxml.ns import qn
from toolkit.readers.docx.scope import bool_prop

# Heading style names in the languages briefings come in, as names
# (`heading 1`, `Kop 1`) or ids (`Heading1`, `Kop1`, German `berschrift1`).
HEADING = re.compile(
    r"^(?:heading|kop|überschrift|berschrift|titre|titolo|encabezado|título|rubrik|overskrift)\s*([1-9])$",
    re.IGNORECASE,
)
TITLE = {"title", "titel", "titre", "titolo", "título", "tytuł"}


@dataclass
class _Style:
    style_id: str
    name: str
    kind: str
    based_on: str | None
    outline: int | None
    numpr: tuple[str | None, str | None] | None  # (numId, ilvl)
    rpr: etree._Element | None


class StyleMap:
    """Resolves paragraph and character styles, following `w:basedOn` chains."""

    def __init__(self, root: etree._Element | None) -> None:
        self.styles: dict[str, _Style] = {}
        self.default_paragraph: str | None = None
        self.default_lang: str | None = None
        if root is None:
            return
        lang = root.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
        if lang is not None:
            self.default_lang = lang.get(qn("w:val"))
        for el in root.iter(qn("w:style")):
            sid = el.get(qn("w:styleId"), "")
            name_el, based = el.find(qn("w:name")), el.find(qn("w:basedOn"))
            ppr = el.find(qn("w:pPr"))
            outline, numpr = None, None
            if ppr is not None:
                ol = ppr.find(qn("w:outlineLvl"))
                if ol is not None and (ol.get(qn("w:val")) or "").isdigit():
                    outline = int(ol.get(qn("w:val")) or 9)
                num = ppr.find(qn("w:numPr"))
                if num is not None:
                    numpr = (_val(num.find(qn("w:numId"))), _val(num.find(qn("w:ilvl"))))
            kind = el.get(qn("w:type"), "paragraph")
            self.styles[sid] = _Style(
                sid,
                name_el.get(qn("w:val"), sid) if name_el is not None else sid,
                kind,
                based.get(qn("w:val")) if based is not None else None,
                outline,
                numpr,
                el.find(qn("w:rPr")),
            )
            if kind == "paragraph" and el.get(qn("w:default")) in ("1", "true", "on"):
                self.default_paragraph = sid

    def _chain(self, sid: str | None) -> list[_Style]:
        out: list[_Style] = []
        while sid and sid in self.styles and len(out) < 20:  # a cycle in basedOn must not hang us
            out.append(self.styles[sid])
            sid = self.styles[sid].based_on
        return out

    def name(self, sid: str | None) -> str:
        style = self.styles.get(sid or "")
        return style.name if style else (sid or "")

    def is_title(self, sid: str | None) -> bool:
        return bool(sid) and (self.name(sid).lower() in TITLE or (sid or "").lower() in TITLE)

    def heading_level(self, sid: str | None, direct_outline: int | None) -> int | None:
        """The heading level (1-9) of a paragraph in style `sid`, or None."""
        if direct_outline is not None:
            return direct_outline + 1 if direct_outline < 9 else None
        for style in self._chain(sid):
            for label in (style.name, style.style_id):
                m = HEADING.match(label.strip())
                if m:
                    return int(m[1])
            if style.outline is not None:
                return style.outline + 1 if style.outline < 9 else None
        if sid and sid not in self.styles:  # a style id used without a definition
            m = HEADING.match(sid)
            return int(m[1]) if m else None
        return None

    def numpr(self, sid: str | None) -> tuple[str | None, str | None] | None:
        for style in self._chain(sid):
            if style.numpr is not None:
                return style.numpr
        return None

    @functools.cached_property
    def hidden(self) -> frozenset[str]:
        """The character styles that make text hidden (`w:vanish`, on the style or the nearest base that says)."""
        out = set()
        for sid, style in self.styles.items():
            if style.kind != "character":
                continue
            for layer in self._chain(sid):
                vanish = layer.rpr.find(qn("w:vanish")) if layer.rpr is not None else None
                if vanish is not None:
                    if bool_prop(vanish.get(qn("w:val"))):
                        out.add(sid)
                    break
        return frozenset(out)

    def run_rprs(self, sid: str | None) -> list[etree._Element]:
        """The rPr of character style `sid` and its bases, innermost last."""
        return [s.rpr for s in reversed(self._chain(sid)) if s.rpr is not None]


def _val(el: etree._Element | None) -> str | None:
    return el.get(qn("w:val")) if el is not None else None
