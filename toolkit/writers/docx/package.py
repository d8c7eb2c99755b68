"""Zip a python-docx package reproducibly: fixed entry dates, fixed order, no thumbnail."""

from __future__ import annotations

import io
import zipfile

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.package import OpcPackage
from lxml import etree

CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
# The earliest date a zip entry can hold; any fixed date makes output reproducible.
FIXED_DATE = (1980, 1, 1, 0, 0, 0)


# Template parts we do not want: a thumbnail of some other document, Word
# 2010's duplicate style sheet, and an empty bibliography store.
_DROPPED = {
    RT.THUMBNAIL,
    RT.CUSTOM_XML,
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
}


def drop_template_extras(package: OpcPackage) -> None:
    """Remove the python-docx template parts that say nothing about our document."""
    for rels in [package.rels, *(part.rels for part in package.iter_parts())]:
        for rid, rel in list(rels.items()):
            if rel.reltype in _DROPPED:
                rels.pop(rid)


def zip_package(package: OpcPackage) -> bytes:
    """The package as DOCX bytes: the same package always gives the same bytes."""
    parts = list(package.iter_parts())
    entries: list[tuple[str, bytes]] = [
        ("[Content_Types].xml", _content_types(parts)),
        ("_rels/.rels", package.rels.xml),
    ]
    for part in parts:
        entries.append((part.partname.membername, part.blob))
        if len(part.rels):
            entries.append((part.partname.rels_uri.membername, part.rels.xml))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data, compresslevel=1)  # speed over a few kB
    return out.getvalue()


def _content_types(parts: list) -> bytes:  # type: ignore[type-arg]
    root = etree.Element(f"{{{CT_NS}}}Types", nsmap={None: CT_NS})
    defaults = {"rels": "application/vnd.openxmlformats-package.relationships+xml", "xml": "application/xml"}
    for ext, content_type in defaults.items():
        etree.SubElement(root, f"{{{CT_NS}}}Default", Extension=ext, ContentType=content_type)
    for part in parts:
        etree.SubElement(
            root, f"{{{CT_NS}}}Override", PartName=str(part.partname), ContentType=part.content_type
        )
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
