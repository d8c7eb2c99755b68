"""Document properties: core (title, language, creator) and the custom ones that carry the rest of `<meta>`.

What the custom properties hold, and why, is the contract in `toolkit.docx_props`.
"""

from __future__ import annotations

import json

from lxml import etree

from toolkit.docx_props import CONTENT_SHA256
from toolkit.model import Meta
from toolkit.writers.docx.package import CT, RT, Package, Part

CREATOR = "briefing toolkit"
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
# The format id Word uses for user-defined properties.
FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DCTERMS = "{http://purl.org/dc/terms/}"
_CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"


def set_core(core: etree._Element, title: str, lang: str) -> None:
    """Title, language and creator; no timestamps, so that output is reproducible."""
    for child in list(core):
        if child.tag in (f"{_DCTERMS}created", f"{_DCTERMS}modified", f"{_CP}lastPrinted"):
            core.remove(child)
    values = {
        f"{_DC}title": title,
        f"{_DC}creator": CREATOR,
        f"{_DC}description": "",
        f"{_CP}lastModifiedBy": CREATOR,
        f"{_DC}language": lang,
    }
    for tag, value in values.items():
        el = core.find(tag)
        if el is None:
            el = etree.SubElement(core, tag)
        el.text = value


def custom_properties(meta: Meta, note_ids: dict[str, str | None], digest: str) -> dict[str, str]:
    """The custom properties for `meta`, by name."""
    props: dict[str, str] = {}
    if meta.date is not None:
        props["briefing.date"] = meta.date
    if meta.kind is not None:
        props["briefing.kind"] = meta.kind
    if meta.refs:
        props["briefing.refs"] = json.dumps(list(meta.refs), ensure_ascii=False)
    # Written even when empty (`null`), so that "no recorded source" survives too.
    s = meta.source
    props["briefing.source"] = json.dumps(
        None if s is None else [s.format, s.name, s.sha256], ensure_ascii=False
    )
    if meta.translation is not None:
        t = meta.translation
        props["briefing.translation"] = json.dumps(
            {"from": t.source_lang, "engine": t.engine, "model": t.model, "model-version": t.model_version},
            ensure_ascii=False,
        )
    if note_ids:
        props["briefing.note-ids"] = json.dumps(note_ids, ensure_ascii=False, sort_keys=True)
    props[CONTENT_SHA256] = digest
    return props


def add_custom_part(package: Package, props: dict[str, str]) -> None:
    """Add `docProps/custom.xml` holding `props` as string properties."""
    root = etree.Element(f"{{{CUSTOM_NS}}}Properties", nsmap={None: CUSTOM_NS, "vt": VT_NS})
    for pid, (name, value) in enumerate(props.items(), start=2):  # pids start at 2 by the spec
        prop = etree.SubElement(root, f"{{{CUSTOM_NS}}}property", fmtid=FMTID, pid=str(pid), name=name)
        etree.SubElement(prop, f"{{{VT_NS}}}lpwstr").text = value
    package.add(None, Part.of("docProps/custom.xml", CT.OFC_CUSTOM_PROPERTIES, root), RT.CUSTOM_PROPERTIES)
