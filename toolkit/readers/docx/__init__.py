"""Read a DOCX into the model: our own files exactly, other writers' files faithfully.

The zip is parsed here with `zipfile` and `toolkit.safexml` (no DTDs, no
entities, size limits); python-docx is not used for reading. The title is
the first Title-styled paragraph with text (`Title`, `Titel`, ...; in a body
table or a text box too); without one, the core `dc:title`; without that, the
file name. A first paragraph that is no title stays in the body, with its notes.
What is read and what is left out is one rule, `scope.py`, which the final
note count follows. Things the model cannot hold (comments, tracked deletions,
hidden text, images) are reported as warnings; text in text boxes is kept as
paragraphs. The language is the one the text is clearly in (`readers/language.py`).
"""

from __future__ import annotations

import hashlib
import posixpath

from toolkit.errors import BriefingWarning, Location, Warn, python_warning
from toolkit.model import Briefing, Meta, Note, Source
from toolkit.ooxml import custom_props
from toolkit.ooxml.ns import qn
from toolkit.ooxml.parts import RT
from toolkit.readers.docx import meta as meta_props
from toolkit.readers.docx.blocks import BlockReader
from toolkit.readers.docx.inlines import Story
from toolkit.readers.docx.notes import Nesting, NoteBodies
from toolkit.readers.docx.numbering import NumberingMap
from toolkit.readers.docx.package import DocxPackage
from toolkit.readers.docx.scope import note_references, read_references
from toolkit.readers.docx.styles import StyleMap
from toolkit.readers.headings import HeadingRules
from toolkit.readers.invariants import check_notes
from toolkit.readers.language import settle_language
from toolkit.record import replace

__all__ = ["read_docx"]

_NOTE_RELS = {"footnote": RT.FOOTNOTES, "endnote": RT.ENDNOTES}


def read_docx(
    data: bytes,
    path: str | None = None,
    *,
    headings: HeadingRules | None = None,
    warn: Warn = python_warning,
    lang: str | None = None,
) -> Briefing:
    """Read DOCX bytes; `headings` is accepted for a uniform reader signature (styles decide here).

    `lang` is the document's language when the caller knows it: then it is neither read
    from the file nor told from the text.
    """
    seen: set[str] = set()

    def warn_once(message: str) -> None:
        if message not in seen:
            seen.add(message)
            warn(BriefingWarning(message, Location(path)))

    pkg = DocxPackage(data, path, warn_once)
    main = pkg.main
    document = pkg.xml(main)
    assert document is not None  # DocxPackage checked that the part exists
    body = document.find(qn("w:body"))
    if body is None:
        raise pkg.fail(f"{main} has no <w:body>")
    styles = StyleMap(pkg.xml(pkg.related(main, RT.STYLES) or "", needed=False))
    numbering = NumberingMap(pkg.xml(pkg.related(main, RT.NUMBERING) or "", needed=False))
    core = meta_props.core_properties(pkg.xml(pkg.related("", RT.CORE_PROPERTIES) or "", needed=False))
    custom = pkg.xml(pkg.related("", RT.CUSTOM_PROPERTIES) or "", needed=False)
    recorded = custom_props.decode(custom_props.from_xml(custom))

    note_parts = {kind: pkg.related(main, reltype) for kind, reltype in _NOTE_RELS.items()}
    stories = [pkg.read(main) or b""] + [pkg.read(n) or b"" for n in note_parts.values() if n]
    trusted = recorded.content_sha256 == custom_props.content_hash(stories)
    renamed = recorded.note_ids if trusted else {}

    def source_id(kind: str, note_id: str) -> str | None:
        # A recorded None means the original note had no source id.
        return renamed.get(f"{kind}:{note_id}", note_id)

    bodies: dict[str, NoteBodies] = {}

    def notes(kind: str, note_id: str) -> tuple[Note, ...]:
        return bodies[kind].at_reference(note_id)

    nesting = Nesting()
    for kind, part in note_parts.items():
        story = Story(styles, pkg.links(part) if part else {}, notes, warn_once)
        bodies[kind] = NoteBodies(kind, pkg.xml(part) if part else None, story, source_id, nesting)
    reader = BlockReader(Story(styles, pkg.links(main), notes, warn_once), numbering)
    blocks = reader.read(body, top=True)
    # Page headers and footers are not part of the model; a note cited there is named.
    for where in ("header", "footer"):
        for part in pkg.all_related(main, where):
            root = pkg.xml(part, needed=False)
            for kind, note_id in note_references(root) if root is not None else ():
                warn_once(
                    f"{kind} {note_id} is cited in a page {where} ({part}), which is not read: left out"
                )
    name = posixpath.basename((path or "").replace("\\", "/"))
    # Only a paragraph that is a title becomes the title: a first paragraph
    # that is not stays in the body, with its notes.
    title = reader.title.text or core.get("title") or (name.rsplit(".", 1)[0] if name else "")
    has_source, source = (recorded.has_source, recorded.source) if trusted else (False, None)
    if not has_source:
        source = Source("docx", name, hashlib.sha256(data).hexdigest())
    meta = Meta(
        title=title or "",
        title_notes=reader.title.notes,
        date=recorded.date,
        kind=recorded.kind,
        refs=recorded.refs,
        source=source,
        translation=recorded.translation,
    )
    ours = recorded.content_sha256 is not None
    stated = meta_props.stated_lang(core, ours, styles.default_lang, document)
    doc = Briefing(meta, blocks, stated or "nl")
    # Notes cited inside notes are counted as they are lifted out: the body's references are the rest.
    cited = read_references(body, styles.hidden)
    check_notes(doc, {kind: cited[kind] + nesting.counts[kind] for kind in cited}, path)
    if lang is not None:
        return replace(doc, lang=lang)
    # Our own files say what they are; another tool's language is often its template's.
    return doc if ours and stated else settle_language(doc, stated, warn_once)
