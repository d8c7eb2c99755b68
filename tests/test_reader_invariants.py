"""Each reader checks that every reference it saw became a note: a loss is a bug report, not a result."""

from __future__ import annotations

import copy
import io
import zipfile
from collections.abc import Callable

import pytest
from lxml import etree

import toolkit
from toolkit.errors import BriefingError, ExitCode
from toolkit.model import Briefing, Cell, Meta, Note, P, Row, Table
from toolkit.readers import poi_text
from toolkit.readers.docx import notes

TEXT = b"Titel\nZin[footnoteRef:2] hier. [2: Noot.] \n\n"


def test_poi_reader_reports_a_lost_note_as_a_bug(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(poi_text, "_sections", lambda paragraphs, decisions: ())
    with pytest.raises(BriefingError) as info:
        toolkit.read(TEXT, "text")
    assert info.value.code == ExitCode.INTERNAL and "please report" in str(info.value)


def test_docx_reader_reports_a_lost_note_as_a_bug(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = Briefing(Meta("Titel"), (P(("Zin", Note((P(("Noot.",)),), "2"), " hier.")),))
    data = toolkit.render(doc, "docx")
    assert toolkit.read(data, "docx") == doc
    monkeypatch.setattr(notes.NoteBodies, "at_reference", lambda self, note_id: ())
    with pytest.raises(BriefingError) as info:
        toolkit.read(data, "docx")
    assert info.value.code == ExitCode.INTERNAL and "please report" in str(info.value)


def _rewrite_document(data: bytes, change: Callable[[etree._Element], None]) -> bytes:
    """The DOCX `data` with its main document part changed by `change`."""
    source = zipfile.ZipFile(io.BytesIO(data))
    root = etree.fromstring(source.read("word/document.xml"))
    change(root)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            body = etree.tostring(root) if item.filename == "word/document.xml" else source.read(item)
            target.writestr(item, body)
    return out.getvalue()


def test_notes_in_rows_and_cells_wrapped_by_content_controls_or_custom_xml_are_kept() -> None:
    cell = lambda text, n: Cell((P((text, Note((P((f"noot {n}",)),), str(n)))),))  # noqa: E731
    doc = Briefing(
        Meta("Titel"), (Table((Row((cell("a", 2), cell("b", 3))), Row((cell("c", 4), cell("d", 5))))),)
    )
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

    def wrap(root: etree._Element) -> None:
        rows = root.findall(f".//{w}tr")
        sdt = etree.Element(f"{w}sdt")
        content = etree.SubElement(sdt, f"{w}sdtContent")
        rows[0].addprevious(sdt)
        content.append(rows[0])
        cells = rows[1].findall(f"{w}tc")
        custom = etree.Element(f"{w}customXml")
        cells[1].addprevious(custom)
        custom.append(cells[1])

    wrapped = _rewrite_document(toolkit.render(doc, "docx"), wrap)
    assert toolkit.read(wrapped, "docx", warn=lambda _: None).body == doc.body


def test_a_run_in_alternate_content_is_read_once() -> None:
    doc = Briefing(Meta("Titel"), (P(("Zin", Note((P(("noot",)),), "2"), " hier.")),))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    mc = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

    def alternate(root: etree._Element) -> None:
        run = root.find(f".//{w}body/{w}p/{w}r[{w}footnoteReference]")
        box = etree.Element(f"{mc}AlternateContent", nsmap={"mc": mc[1:-1]})
        run.addprevious(box)
        choice = etree.SubElement(box, f"{mc}Choice", Requires="w14")
        fallback = etree.SubElement(box, f"{mc}Fallback")
        fallback.append(copy.deepcopy(run))
        choice.append(run)

    data = _rewrite_document(toolkit.render(doc, "docx"), alternate)
    assert toolkit.read(data, "docx", warn=lambda _: None).body == doc.body
