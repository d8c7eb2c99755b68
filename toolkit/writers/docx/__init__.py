"""Write a briefing as DOCX: our own template package, filled with lxml, zipped reproducibly.

The file layout follows Word's: the body in `word/document.xml`, notes in
`word/footnotes.xml` / `word/endnotes.xml`, list definitions in
`word/numbering.xml`, styles named as Word's built-ins (Title,
heading 1-9, footnote text/reference) so that the navigation pane, a table
of contents and spell-check language work. The output is reproducible:
the same document and style always give the same bytes.
"""

from __future__ import annotations

from lxml import etree

from toolkit.errors import Warn, python_warning
from toolkit.model import Briefing, iter_notes
from toolkit.model.nodes import NoteKind
from toolkit.model.walk import has_emphasis
from toolkit.ooxml import custom_props
from toolkit.ooxml.ns import qn
from toolkit.ooxml.parts import PN, RT
from toolkit.style import Style
from toolkit.writers.docx.body import BodyWriter
from toolkit.writers.docx.fonts import embed_fonts
from toolkit.writers.docx.notes import Notes
from toolkit.writers.docx.numbering import Numbering
from toolkit.writers.docx.package import Package
from toolkit.writers.docx.page import header_footer, setup_page
from toolkit.writers.docx.props import add_custom_part, set_app, set_core
from toolkit.writers.docx.styles import apply_styles

__all__ = ["write_docx"]


def write_docx(doc: Briefing, style: Style, warn: Warn = python_warning) -> bytes:
    """The DOCX bytes of `doc` in house style `style`; `warn` is unused so far."""
    package = Package()
    main = package.part(PN.DOCUMENT)
    apply_styles(package.part(PN.STYLES).element, style, doc.lang)
    body = main.element.find(qn("w:body"))
    sect_pr = body.find(qn("w:sectPr"))
    text_width = setup_page(sect_pr, style)
    labels = style.labels_for(doc.lang)
    header_footer(package, main, sect_pr, style, doc)

    kinds: tuple[NoteKind, ...] = ("footnote", "endnote")
    cited = {kind: [n.source_id for _, n in iter_notes(doc) if n.kind == kind] for kind in kinds}
    notes = {kind: Notes(kind, package, main, cited[kind]) for kind in kinds}
    writer = BodyWriter(
        style,
        Numbering(package.part(PN.NUMBERING).element, style.list.bullets, style.list.indent_mm * 72 / 25.4),
        notes,
        text_width,
    )

    def relate(url: str) -> str:
        return main.rels.relate(RT.HYPERLINK, url, external=True)

    elements = [writer.paragraph((doc.meta.title, *doc.meta.title_notes), relate, "Title")]
    if (notice := labels.notice(doc.meta.translation)) is not None:
        # Visible on the first page: a translation is never authoritative.
        elements.append(writer.paragraph((notice,), relate, "MachineTranslationNotice"))
    elements.extend(writer.blocks(doc.body, relate))
    for el in elements:
        sect_pr.addprevious(el)

    note_settings(package.part(PN.SETTINGS).element, notes)
    embed_fonts(package, style.body.font, has_emphasis(doc))
    set_app(package.part("docProps/app.xml").element)
    set_core(package.part(PN.CORE_PROPERTIES).element, doc.meta.title, doc.lang)
    stories = [main.blob] + [n.part.blob for n in notes.values() if n.part is not None]
    renamed = {f"{kind}:{i}": src for kind, n in notes.items() for i, src in n.renamed.items()}
    digest = custom_props.content_hash(stories)
    add_custom_part(package, custom_props.encode(doc.meta, renamed, digest))
    return package.to_bytes()


def note_settings(settings: etree._Element, notes: dict[NoteKind, Notes]) -> None:
    """Name the separator notes in settings.xml for each notes part that was written."""
    # footnotePr/endnotePr come before w:compat in the settings schema.
    anchor = settings.find(qn("w:compat"))
    for n in notes.values():
        pr = n.settings()
        if pr is None:
            continue
        if anchor is not None:
            anchor.addprevious(pr)
        else:
            settings.append(pr)
