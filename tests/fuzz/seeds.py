"""The real inputs the fuzzer starts from, per reader, in a fixed order.

POI text: the seed briefing and the corpus's POI extracts
(`tests/corpus/*.txt`). DOCX: our writer's output for the seed and for
every round-trip fixture, a hand-made file with things our writer never
writes (text boxes, comments, tracked changes, separators, fields, content
controls), and any `tests/corpus/*.docx`. XML: our writer's output for all
of these documents. The corpus is read when the fuzzer runs, so a replay needs
the same corpus.
"""

from __future__ import annotations

import functools
import io
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_22ad20a819696709.txt"
CORPUS = ROOT / "tests" / "corpus"
PROBLEMS: list[str] = []  # seeds that could not be made, for the report


@functools.cache
def documents() -> tuple[object, ...]:
    """The seed, the fixture briefings and the corpus DOCX files, as model documents."""
    import toolkit
    from tests.fixtures.docx.models import FIXTURES

    docs: list[object] = [toolkit.read(SEED.read_bytes(), "text", warn=lambda w: None)]
    docs += [f() for _, f in sorted(FIXTURES.items())]
    for path in sorted(CORPUS.glob("*.docx")):
        try:
            docs.append(toolkit.read(path.read_bytes(), "docx", warn=lambda w: None))
        except toolkit.BriefingError as exc:
            PROBLEMS.append(f"corpus file {path.name} skipped as an XML seed: {exc}")
    return tuple(docs)


@functools.cache
def text() -> tuple[bytes, ...]:
    return (SEED.read_bytes(), *(p.read_bytes() for p in sorted(CORPUS.glob("*.txt"))))


@functools.cache
def xml() -> tuple[bytes, ...]:
    import toolkit

    out = []
    for doc in documents():
        try:
            out.append(toolkit.render(doc, "xml"))  # type: ignore[arg-type]
        except Exception as exc:
            PROBLEMS.append(f"xml seed skipped, the writer failed: {type(exc).__name__}: {exc}")
    return tuple(out)


@functools.cache
def docx() -> tuple[tuple[tuple[str, bytes], ...], ...]:
    """Each DOCX as its members, (name, bytes) in archive order."""
    import toolkit

    archives = []
    for doc in documents():
        try:
            archives.append(toolkit.render(doc, "docx"))  # type: ignore[arg-type]
        except Exception as exc:  # the writer is not under test here; say so and go on
            PROBLEMS.append(f"docx seed skipped, the writer failed: {type(exc).__name__}: {exc}")
    archives.append(handmade())
    archives += [p.read_bytes() for p in sorted(CORPUS.glob("*.docx"))]
    out = []
    for data in archives:
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                out.append(tuple((i.filename, zf.read(i)) for i in zf.infolist()))
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError):
            PROBLEMS.append("a corpus file is not a readable zip (still being written?); skipped")
    return tuple(out)


def handmade() -> bytes:
    """A DOCX in the shape other writers give: separators, text boxes, comments, tracked changes, fields."""
    from tests.fixtures.docx.handmade import R, make_docx, p, paragraph_style, styles_xml

    footnotes = (
        '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:footnote w:id="0" w:type="separator"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1" w:type="continuationSeparator"><w:p><w:r><w:continuationSeparator/></w:r>'
        '</w:p></w:footnote><w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:tab/>'
        "<w:t>Noot.</w:t></w:r></w:p><w:p><w:r><w:t>Tweede alinea.</w:t></w:r></w:p></w:footnote></w:footnotes>"
    )
    numbering = (
        '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="4"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )
    styles = styles_xml(
        paragraph_style("Titel", "Title")
        + paragraph_style("Kop1", "heading 1", '<w:pPr><w:outlineLvl w:val="0"/></w:pPr>')
        + paragraph_style("Nadruk", "Emphasis", "<w:rPr><w:i/></w:rPr>", kind="character")
        + paragraph_style("Lijst", "List Bullet", '<w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr>'),
        lang="nl-NL",
    )
    rel = '<Relationship Id="{id}" Type="{r}/{type}" Target="{target}"{mode}/>'
    rels = "".join(
        rel.format(id=i, r=R, type=t, target=target, mode=mode)
        for i, t, target, mode in (
            ("rId1", "styles", "styles.xml", ""),
            ("rId2", "numbering", "numbering.xml", ""),
            ("rId3", "footnotes", "footnotes.xml", ""),
            ("rId4", "hyperlink", "https://www.rijksoverheid.nl/", ' TargetMode="External"'),
        )
    )
    textbox = (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
        + p("tekst in een kader")
        + "</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>"
        + p("tekst in een kader")
        + "</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    body = (
        p("Handgemaakte briefing", "Titel")
        + p("Eerste hoofdstuk", "Kop1")
        + p(
            "",
            runs='<w:r><w:t>woord</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            '<w:footnoteReference w:id="2"/></w:r><w:r><w:rPr><w:rStyle w:val="Nadruk"/></w:rPr><w:t>.</w:t></w:r>'
            '<w:hyperlink r:id="rId4"><w:r><w:t>de site</w:t></w:r></w:hyperlink>'
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        )
        + p("", runs="<w:r><w:t>anker</w:t></w:r>" + textbox)
        + p(
            "",
            runs='<w:commentRangeStart w:id="1"/><w:r><w:t>besproken</w:t></w:r>'
            '<w:r><w:commentReference w:id="1"/></w:r><w:del w:id="5" w:author="a"><w:r><w:delText>weg'
            '</w:delText></w:r></w:del><w:ins w:id="6" w:author="a"><w:r><w:t>erbij</w:t></w:r></w:ins>',
        )
        + p("punt a", "Lijst")
        + p("punt a1", ppr='<w:numPr><w:ilvl w:val="1"/><w:numId w:val="4"/></w:numPr>')
        + "<w:sdt><w:sdtPr/><w:sdtContent>"
        + p("in een inhoudsbesturingselement")
        + "</w:sdtContent></w:sdt>"
        + "<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc>"
        + p("kop")
        + "</w:tc><w:tc>"
        + p("cel")
        + "</w:tc></w:tr></w:tbl>"
        + p("", runs="<w:r><w:t>regel</w:t><w:br/><w:t>volgende</w:t><w:drawing/></w:r>")
    )
    extra: dict[str, str | bytes] = {
        "word/footnotes.xml": footnotes,
        "word/numbering.xml": numbering,
        "word/_rels/document.xml.rels": (
            f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>'
        ),
    }
    return make_docx(body, styles, core_title="Kerntitel", extra=extra)
