"""OPC names of the DOCX parts we read or write, their content types and relationship types."""

from __future__ import annotations

import posixpath

from toolkit.ooxml.ns import nsmap


class PN:
    """Part names as zip members (no leading "/"), where Word and our template keep them."""

    CONTENT_TYPES = "[Content_Types].xml"
    PACKAGE_RELS = "_rels/.rels"
    DOCUMENT = "word/document.xml"
    STYLES = "word/styles.xml"
    NUMBERING = "word/numbering.xml"
    SETTINGS = "word/settings.xml"
    FOOTNOTES = "word/footnotes.xml"
    ENDNOTES = "word/endnotes.xml"
    HEADER = "word/header1.xml"  # the template's one header and footer
    FOOTER = "word/footer1.xml"
    CORE_PROPERTIES = "docProps/core.xml"
    CUSTOM_PROPERTIES = "docProps/custom.xml"


def rels_name(name: str) -> str:
    """Where the relationships of part `name` are stored: `word/document.xml` -> `word/_rels/document.xml.rels`.

    The package's own relationships (`name` "") are `_rels/.rels`.
    """
    folder, base = posixpath.split(name)
    return posixpath.join(folder, "_rels", f"{base}.rels")


class RT:
    """Relationship types, in the namespaces of the transitional (ECMA-376) schemas."""

    OFFICE_DOCUMENT = f"{nsmap['r']}/officeDocument"
    STYLES = f"{nsmap['r']}/styles"
    NUMBERING = f"{nsmap['r']}/numbering"
    FOOTNOTES = f"{nsmap['r']}/footnotes"
    ENDNOTES = f"{nsmap['r']}/endnotes"
    HYPERLINK = f"{nsmap['r']}/hyperlink"
    CUSTOM_PROPERTIES = f"{nsmap['r']}/custom-properties"
    CORE_PROPERTIES = f"{nsmap['pr']}/metadata/core-properties"


class CT:
    """The content types of the parts the writer adds to its template's."""

    WML_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
    WML_ENDNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"
    OFC_CUSTOM_PROPERTIES = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
