"""The least a Python command that turns text into DOCX must do: a floor for the DOCX benchmark.

It parses its arguments with argparse, reads a UTF-8 text file, makes one
Word paragraph per line with lxml, and zips the four parts Word needs. No
notes, no styles, no checks: whatever `briefing convert` costs above this
is the toolkit's, and whatever this costs above pandoc is the interpreter's.

    python -m tests.bench.minimal_docx IN.txt -o OUT.docx
"""

from __future__ import annotations

import argparse
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def document(text: str) -> bytes:
    """`word/document.xml` with one paragraph per non-empty line of `text`."""
    root = etree.Element(f"{{{W}}}document", nsmap={"w": W})
    body = etree.SubElement(root, f"{{{W}}}body")
    for line in text.splitlines():
        if line.strip():
            run = etree.SubElement(etree.SubElement(body, f"{{{W}}}p"), f"{{{W}}}r")
            etree.SubElement(run, f"{{{W}}}t").text = line
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def main() -> None:
    parser = argparse.ArgumentParser(description="text to a minimal DOCX")
    parser.add_argument("input")
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    with open(args.input, encoding="utf-8") as f:
        text = f.read()
    with zipfile.ZipFile(args.output, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/document.xml", document(text))


if __name__ == "__main__":
    main()
