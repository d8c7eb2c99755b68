"""What each XML reader looks at: the elements, attributes and nesting the fuzzer aims its mutations at."""

from __future__ import annotations

from dataclasses import dataclass, field

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_NS = "http://www.w3.org/XML/1998/namespace"
WRONG_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/mian",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
    "http://schemas.microsoft.com/office/word/2010/wordml",
    "urn:x-fuzz",
    "http://example.invalid/briefing",
)
ODD_VALUES = (
    "",
    " ",
    "0",
    "-1",
    "1.1",
    "2",
    "01",
    "1e3",
    "NaN",
    "x",
    "99999999999999999999999999",
    "é",
    "\u202e",
    "[footnoteRef:2]",
    "../../etc/passwd",
    "#",
    "http://example.invalid/",
    "true",
    "false",
)


@dataclass(frozen=True)
class Dialect:
    """What a reader looks at: interesting element tags (Clark names) and attribute values."""

    tags: tuple[str, ...]
    attributes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    ids: tuple[str, ...] = ()  # attributes that link elements, to make them disagree
    # (element to wrap as written, opening, closing): valid nesting, repeated to depth
    wrappers: tuple[tuple[bytes, bytes, bytes], ...] = ()


def _w(*names: str) -> tuple[str, ...]:
    return tuple(f"{{{W}}}{n}" for n in names)


DOCX = Dialect(
    tags=(
        *_w(
            "footnoteReference",
            "endnoteReference",
            "footnote",
            "endnote",
            "p",
            "r",
            "t",
            "tbl",
            "tr",
            "tc",
            "sdt",
            "sdtContent",
            "hyperlink",
            "pPr",
            "rPr",
            "pStyle",
            "rStyle",
            "numPr",
            "ilvl",
            "numId",
            "vertAlign",
            "body",
            "style",
            "abstractNum",
            "num",
            "lvl",
            "lang",
            "br",
            "tab",
        ),
        "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship",
    ),
    attributes={
        f"{{{W}}}val": (
            "Title",
            "Heading1",
            "Kop 1",
            "heading 9",
            "superscript",
            "subscript",
            "bullet",
            "9",
            "-1",
        ),
        f"{{{W}}}type": ("separator", "continuationSeparator", "character", "paragraph", "page", "normal"),
        f"{{{W}}}styleId": ("Title", "Heading1", "Normal", ""),
        f"{{{R}}}id": ("rId1", "rId999", ""),
        "Target": ("footnotes.xml", "/word/document.xml", "../../x.xml", "word/missing.xml", "", "http://x"),
        "TargetMode": ("External", "Internal", ""),
        "Type": (f"{R}/footnotes", f"{R}/styles", f"{R}/officeDocument", ""),
    },
    ids=(f"{{{W}}}id", f"{{{R}}}id", f"{{{W}}}numId", f"{{{W}}}abstractNumId", f"{{{W}}}ilvl", "Id"),
    wrappers=(
        (b"w:p", b"<w:sdt><w:sdtContent>", b"</w:sdtContent></w:sdt>"),
        (b"w:p", b"<w:tbl><w:tr><w:tc>", b"</w:tc></w:tr></w:tbl>"),
        (b"w:p", b"<w:customXml>", b"</w:customXml>"),
        (b"w:r", b"<w:hyperlink>", b"</w:hyperlink>"),
        (b"w:r", b"<w:ins>", b"</w:ins>"),
        (b"w:r", b"<w:smartTag>", b"</w:smartTag>"),
        (b"w:r", b"<w:sdt><w:sdtContent>", b"</w:sdtContent></w:sdt>"),
    ),
)

BRIEFING = Dialect(
    tags=(
        "briefing",
        "meta",
        "title",
        "date",
        "kind",
        "ref",
        "source",
        "translation",
        "body",
        "section",
        "heading",
        "p",
        "list",
        "item",
        "table",
        "row",
        "cell",
        "em",
        "strong",
        "sup",
        "sub",
        "a",
        "br",
        "note",
    ),
    attributes={
        "version": ("1", "1.0", "1.1", "2", "0", "01", "v1", " 1"),
        f"{{{XML_NS}}}lang": ("nl", "en", "", "nl-NL", "EN", "xx", "zz-Latn-x-fuzz"),
        "kind": ("endnote", "footnote", "comment", ""),
        "type": ("bullet", "ordered", "roman", ""),
        "header": ("true", "false", "1", "yes"),
        "href": ("https://example.org/", "", "javascript:alert(1)", "#top"),
        "machine": ("true", "false", "maybe"),
        "authoritative": ("true", "false", ""),
        "sha256": ("0" * 64, "xyz", ""),
        "format": ("poi-text", "docx", "xml", "pdf", ""),
    },
    ids=("source-id", "n"),
    wrappers=(
        (b"p", b"<section><heading>Kop</heading>", b"</section>"),
        (b"p", b'<list type="bullet"><item>', b"</item></list>"),
        (b"p", b"<table><row><cell>", b"</cell></row></table>"),
        (b"em", b"<strong>", b"</strong>"),
        (b"em", b"<sup><em>", b"</em></sup>"),
        (b"a", b"<em>", b"</em>"),
    ),
)
