"""WordprocessingML as strings: namespaces, runs, paragraphs, tables, notes parts, and fixed-time repacking."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NSDECL = (
    f'xmlns:w="{W}" xmlns:r="{R}" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
)
CT_NOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}s+xml"
ZIP_TIME = (2024, 4, 2, 12, 0, 0)


def repack(data: bytes) -> bytes:
    """The same package with fixed timestamps, so rebuilds are byte-stable."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(
                zipfile.ZipInfo(info.filename, ZIP_TIME), src.read(info.filename), zipfile.ZIP_DEFLATED
            )
    return out.getvalue()


def tiny_png() -> bytes:
    """A 1x1 grey PNG, for the picture-only note."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00\x80"))
        + chunk(b"IEND", b"")
    )


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def t(text: str) -> str:
    """A text run."""
    return f'<w:r><w:t xml:space="preserve">{esc(text)}</w:t></w:r>'


def ref(kind: str, nid: str, style: str = "", custom: str = "") -> str:
    """A note reference run; `custom` is a custom mark run that follows it (customMarkFollows)."""
    style = style or ("FootnoteReference" if kind == "footnote" else "EndnoteReference")
    rpr = f'<w:rPr><w:rStyle w:val="{style}"/></w:rPr>'
    if custom:
        return (
            f'<w:r>{rpr}<w:{kind}Reference w:customMarkFollows="1" w:id="{nid}"/></w:r>'
            f"<w:r>{rpr}<w:t>{esc(custom)}</w:t></w:r>"
        )
    return f'<w:r>{rpr}<w:{kind}Reference w:id="{nid}"/></w:r>'


def fn(nid: str, style: str = "") -> str:
    return ref("footnote", nid, style)


def en(nid: str, style: str = "") -> str:
    return ref("endnote", nid, style)


BR = "<w:r><w:br/></w:r>"


def field_start(instruction: str) -> str:
    """The runs that open a complex field (`TOC \\o "1-3"`) up to its cached result."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )


FIELD_END = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'


def para(content: str, style: str = "", ppr: str = "") -> str:
    pstyle = f'<w:pStyle w:val="{style}"/>' if style else ""
    return f"<w:p><w:pPr>{pstyle}{ppr}</w:pPr>{content}</w:p>"


def table(rows: Sequence[Sequence[str]]) -> str:
    """A table; each cell is block XML (one or more paragraphs)."""
    ncol = max(len(r) for r in rows)
    grid = "".join('<w:gridCol w:w="4500"/>' for _ in range(ncol))
    body = "".join(
        "<w:tr>"
        + "".join(f'<w:tc><w:tcPr><w:tcW w:w="4500" w:type="dxa"/></w:tcPr>{c}</w:tc>' for c in row)
        + "</w:tr>"
        for row in rows
    )
    return (
        '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"
    )


@dataclass
class Note:
    """One note: its id and its body paragraphs as run XML (the footnoteRef run is added)."""

    nid: str
    paras: Sequence[str]
    mark: str = ""  # a custom mark replaces the footnoteRef run
    ref_run: bool = True


def notes_xml(
    kind: str,
    notes: Sequence[Note],
    separators: tuple[str, str] | None = ("-1", "0"),
    text_style: str = "",
    ref_style: str = "",
) -> bytes:
    """footnotes.xml or endnotes.xml in Word's layout: separators first, then the notes."""
    text_style = text_style or ("FootnoteText" if kind == "footnote" else "EndnoteText")
    ref_style = ref_style or ("FootnoteReference" if kind == "footnote" else "EndnoteReference")
    parts = []
    if separators:
        sep, cont = separators
        for nid, typ in ((sep, "separator"), (cont, "continuationSeparator")):
            parts.append(
                f'<w:{kind} w:type="{typ}" w:id="{nid}"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
                f'w:lineRule="auto"/></w:pPr><w:r><w:{typ}/></w:r></w:p></w:{kind}>'
            )
    for note in notes:
        rpr = f'<w:rPr><w:rStyle w:val="{ref_style}"/></w:rPr>'
        if note.mark:
            first = f"<w:r>{rpr}<w:t>{esc(note.mark)}</w:t></w:r>"
        elif note.ref_run:
            first = f"<w:r>{rpr}<w:{kind}Ref/></w:r>"
        else:
            first = ""
        paras = list(note.paras) or [""]
        body = "".join(
            f'<w:p><w:pPr><w:pStyle w:val="{text_style}"/></w:pPr>{first if i == 0 else ""}{p}</w:p>'
            for i, p in enumerate(paras)
        )
        parts.append(f'<w:{kind} w:id="{note.nid}">{body}</w:{kind}>')
    xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{kind}s {NSDECL}>{"".join(parts)}</w:{kind}s>'
    return xml.encode()


def note_text(text: str) -> str:
    """A note paragraph's runs: Word puts a space run after the footnoteRef."""
    return t(" ") + t(text)
