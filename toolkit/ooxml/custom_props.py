"""How a briefing's meta travels inside a DOCX: the custom properties both DOCX sides agree on.

The DOCX writer stores, in `docProps/custom.xml` (Word: File > Properties >
Custom), what Word has no field for, as strings:

- `briefing.date`, `briefing.kind`: the meta fields;
- `briefing.refs`, `briefing.translation`: JSON;
- `briefing.source`: JSON `[format, name, sha256]` of what the document was
  made from, or `null`;
- `briefing.note-ids`: JSON `{"footnote:7": "2", ...}`, the source ids of
  notes whose Word id had to differ (missing, duplicate or non-numeric);
- `briefing.content-sha256`: `content_hash` of the story parts as written.

The DOCX reader trusts `briefing.source` and `briefing.note-ids` only while
the story parts are unchanged (the hash matches): a file edited in Word is a
new document, whose source is the DOCX itself. Like the XML serialiser and
parser, the two sides are a matched pair, so the contract lives here, in
neither of them: `encode`/`decode` between meta and properties, and
`to_xml`/`from_xml` between properties and the part.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping

from lxml import etree

from toolkit.model import Meta, Source, Translation
from toolkit.ooxml.ns import nsmap, qn
from toolkit.record import field, record

DATE = "briefing.date"
KIND = "briefing.kind"
REFS = "briefing.refs"
SOURCE = "briefing.source"
TRANSLATION = "briefing.translation"
NOTE_IDS = "briefing.note-ids"
CONTENT_SHA256 = "briefing.content-sha256"
# The format id Word uses for user-defined properties.
FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def content_hash(blobs: Iterable[bytes]) -> str:
    """The sha256 of the story parts (document, footnotes, endnotes), in order, each followed by a NUL."""
    digest = hashlib.sha256()
    for blob in blobs:
        digest.update(blob)
        digest.update(b"\0")
    return digest.hexdigest()


def encode(meta: Meta, note_ids: Mapping[str, str | None], digest: str) -> dict[str, str]:
    """The custom properties for `meta`, by name, in the order they are written."""
    props: dict[str, str] = {}
    if meta.date is not None:
        props[DATE] = meta.date
    if meta.kind is not None:
        props[KIND] = meta.kind
    if meta.refs:
        props[REFS] = json.dumps(list(meta.refs), ensure_ascii=False)
    # Written even when empty (`null`), so that "no recorded source" survives too.
    s = meta.source
    props[SOURCE] = json.dumps(None if s is None else [s.format, s.name, s.sha256], ensure_ascii=False)
    if meta.translation is not None:
        t = meta.translation
        props[TRANSLATION] = json.dumps(
            {
                "from": t.source_lang,
                "engine": t.engine,
                "model": t.model,
                "model-version": t.model_version,
                "machine": t.machine,
            },
            ensure_ascii=False,
        )
    if note_ids:
        props[NOTE_IDS] = json.dumps(note_ids, ensure_ascii=False, sort_keys=True)
    props[CONTENT_SHA256] = digest
    return props


@record
class Recorded:
    """What the custom properties say; all empty for a file our writer did not make."""

    date: str | None = None
    kind: str | None = None
    refs: tuple[str, ...] = ()
    translation: Translation | None = None
    has_source: bool = False  # a source was recorded, possibly as None ("there was none")
    source: Source | None = None
    note_ids: dict[str, str | None] = field(default_factory=dict)
    content_sha256: str | None = None


def decode(props: Mapping[str, str]) -> Recorded:
    """The meta our writer recorded in `props`; what does not decode is left out."""
    refs = _json(props, REFS)
    ids = _json(props, NOTE_IDS)
    has_source, source = _source(props)
    return Recorded(
        date=props.get(DATE),
        kind=props.get(KIND),
        refs=tuple(str(v) for v in refs) if isinstance(refs, list) else (),
        translation=_translation(_json(props, TRANSLATION)),
        has_source=has_source,
        source=source,
        note_ids=(
            {str(k): (None if v is None else str(v)) for k, v in ids.items()} if isinstance(ids, dict) else {}
        ),
        content_sha256=props.get(CONTENT_SHA256),
    )


def _translation(t: object) -> Translation | None:
    if not isinstance(t, dict):
        return None
    return Translation(
        str(t.get("from", "")),
        str(t.get("engine", "")),
        str(t.get("model", "")),
        str(t.get("model-version", "")),
        t.get("machine", True) is not False,
    )


def _source(props: Mapping[str, str]) -> tuple[bool, Source | None]:
    s = _json(props, SOURCE)
    if isinstance(s, list) and len(s) == 3:
        return True, Source(str(s[0]), str(s[1]), str(s[2]))
    return props.get(SOURCE) == "null", None


def _json(props: Mapping[str, str], key: str) -> object:
    try:
        return json.loads(props[key]) if key in props else None
    except json.JSONDecodeError:
        return None


def to_xml(props: Mapping[str, str]) -> etree._Element:
    """The `docProps/custom.xml` root holding `props` as string (`vt:lpwstr`) properties."""
    root = etree.Element(qn("op:Properties"), nsmap={None: nsmap["op"], "vt": nsmap["vt"]})
    for pid, (name, value) in enumerate(props.items(), start=2):  # pids start at 2 by the spec
        prop = etree.SubElement(root, qn("op:property"), fmtid=FMTID, pid=str(pid), name=name)
        etree.SubElement(prop, qn("vt:lpwstr")).text = value
    return root


def from_xml(root: etree._Element | None) -> dict[str, str]:
    """The custom properties in `root` whose value is text, by name; {} without the part."""
    out = {}
    if root is not None:
        for prop in root.iter(qn("op:property")):
            value = next((child.text or "" for child in prop), None)
            if value is not None:
                out[prop.get("name", "")] = value
    return out
