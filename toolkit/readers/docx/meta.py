"""The document's meta from its properties: core (title, language) and our custom ones.

See `toolkit.docx_props` for what our writer stores. Provenance:
`meta.source` is the original source recorded by our writer only while the
story parts are byte-identical to what it wrote (`briefing.content-sha256`);
otherwise, as for any other DOCX, it is the DOCX itself.
"""

from __future__ import annotations

import json

from lxml import etree

from toolkit.model import Source, Translation

_DC = "{http://purl.org/dc/elements/1.1/}"
_CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"


def core_properties(root: etree._Element | None) -> dict[str, str]:
    """dc:title and dc:language, when present and not empty."""
    out = {}
    if root is not None:
        for key in ("title", "language"):
            el = root.find(f"{_DC}{key}")
            if el is not None and el.text and el.text.strip():
                out[key] = el.text.strip()
    return out


def custom_properties(root: etree._Element | None) -> dict[str, str]:
    """Custom properties whose value is text, by name."""
    out = {}
    if root is not None:
        for prop in root.iter(f"{_CUSTOM}property"):
            value = next((child.text or "" for child in prop), None)
            if value is not None:
                out[prop.get("name", "")] = value
    return out


def _json(props: dict[str, str], key: str) -> object:
    try:
        return json.loads(props[key]) if key in props else None
    except json.JSONDecodeError:
        return None


def refs(props: dict[str, str]) -> tuple[str, ...]:
    value = _json(props, "briefing.refs")
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def translation(props: dict[str, str]) -> Translation | None:
    t = _json(props, "briefing.translation")
    if not isinstance(t, dict):
        return None
    return Translation(
        str(t.get("from", "")),
        str(t.get("engine", "")),
        str(t.get("model", "")),
        str(t.get("model-version", "")),
    )


def stored_source(props: dict[str, str]) -> tuple[bool, Source | None]:
    """(recorded?, the source our writer recorded; None if it recorded that there was none)."""
    s = _json(props, "briefing.source")
    if isinstance(s, list) and len(s) == 3:
        return True, Source(str(s[0]), str(s[1]), str(s[2]))
    return props.get("briefing.source") == "null", None


def note_ids(props: dict[str, str]) -> dict[str, str | None]:
    value = _json(props, "briefing.note-ids")
    return (
        {str(k): (None if v is None else str(v)) for k, v in value.items()} if isinstance(value, dict) else {}
    )


def lang_of(core: dict[str, str], ours: bool, default_lang: str | None, document: etree._Element) -> str:
    """The document language.

    In our own files, dc:language exactly as written (it is `doc.lang`).
    Elsewhere the primary subtag (`nl-NL` -> `nl`) of dc:language, else of
    w:lang in the style defaults, else of the first w:lang in the body; else nl.
    """
    if "language" in core and ours:
        return core["language"]
    lang = core.get("language") or default_lang
    if lang is None:
        first = document.find(".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}lang")
        if first is not None:
            lang = first.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val")
    return lang.split("-")[0].lower() if lang else "nl"
