"""Small helpers for building WordprocessingML elements with lxml, and the units of OOXML values."""

from __future__ import annotations

from lxml import etree

from toolkit.ooxml.ns import nspfxmap, qn
from toolkit.style import Style


def sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    """Append a child `tag` with `w:`-prefixed attributes (`val="x"` is `w:val`).

    Attribute names containing `__` name another prefix: `r__id` is `r:id`.
    """
    el = etree.SubElement(parent, qn(tag))
    for name, value in attrs.items():
        prefix, _, local = name.rpartition("__")
        el.set(qn(f"{prefix or 'w'}:{local}"), value)
    return el


def make(tag: str, **attrs: str) -> etree._Element:
    """A new detached element; see `sub` for the attribute names."""
    el = etree.Element(qn(tag), nsmap=nspfxmap("w", "r"))
    for name, value in attrs.items():
        prefix, _, local = name.rpartition("__")
        el.set(qn(f"{prefix or 'w'}:{local}"), value)
    return el


def twips(points: float) -> str:
    """Points as twentieths of a point, the unit of most OOXML lengths."""
    return str(round(points * 20))


def half_points(points: float) -> str:
    """Points as half-points, the unit of `w:sz`."""
    return str(round(points * 2))


def hex_color(color: str) -> str:
    """`#154273` as OOXML's `154273`."""
    return color.lstrip("#").upper()


def word_lang(lang: str, style: Style | None = None) -> str:
    """The `w:lang` value for a document language: `nl` -> `nl-NL`, `en` -> `en-GB`.

    A language with a region stays as it is; otherwise the house style's `docx_lang` for
    the language decides (the default style: `en-GB`, as the translations are British
    English), else the usual region.
    """
    if "-" in lang:
        return lang
    if style is not None:
        chosen = style.labels_for(lang).docx_lang
        if chosen and chosen.split("-")[0].lower() == lang.lower():
            return chosen
    return {"nl": "nl-NL", "en": "en-GB", "de": "de-DE", "fr": "fr-FR"}.get(lang, lang)
