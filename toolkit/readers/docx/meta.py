"""The document's core properties (title, language), and its language.

Our custom properties are decoded by `toolkit.ooxml.custom_props`, the
matched pair of what our writer stores.
"""

from __future__ import annotations

from lxml import etree

from toolkit.ooxml.ns import qn


def core_properties(root: etree._Element | None) -> dict[str, str]:
    """dc:title and dc:language, when present and not empty."""
    out = {}
    if root is not None:
        for key in ("title", "language"):
            el = root.find(qn(f"dc:{key}"))
            if el is not None and el.text and el.text.strip():
                out[key] = el.text.strip()
    return out


def stated_lang(
    core: dict[str, str], ours: bool, default_lang: str | None, document: etree._Element
) -> str | None:
    """The language the file states, or None.

    In our own files, dc:language exactly as written (it is `doc.lang`).
    Elsewhere the primary subtag (`nl-NL` -> `nl`) of dc:language, else of
    w:lang in the style defaults, else of the first w:lang in the body.
    """
    if "language" in core and ours:
        return core["language"]
    lang = _real(core.get("language")) or _real(default_lang)
    if lang is None:
        first = document.find(f".//{qn('w:lang')}")
        if first is not None:
            lang = _real(first.get(qn("w:val")))
    return lang.split("-")[0].lower() if lang else None


def _real(lang: str | None) -> str | None:
    """A language tag that names a language: not Word's `x-none` (no proofing) or `und`, `zxx`."""
    if not lang or lang.lower().startswith("x-") or lang.lower() in ("und", "zxx", "mul"):
        return None
    return lang
