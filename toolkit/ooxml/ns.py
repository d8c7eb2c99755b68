"""Every XML namespace the DOCX reader and writer use, by its usual prefix, and Clark names built from them."""

from __future__ import annotations

import functools

nsmap = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "op": "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
    "vt": "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "xml": "http://www.w3.org/XML/1998/namespace",
}
# WordprocessingML in Strict Open XML (ISO 29500 Strict), which the reader refuses.
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"


@functools.cache
def qn(tag: str) -> str:
    """Clark name of a prefixed tag: `w:p` -> `{...main}p`."""
    prefix, _, local = tag.partition(":")
    return f"{{{nsmap[prefix]}}}{local}"


def nspfxmap(*prefixes: str) -> dict[str | None, str]:
    """The lxml `nsmap` declaring `prefixes`, e.g. `nspfxmap("w", "r")` for a part's root element."""
    return {prefix: nsmap[prefix] for prefix in prefixes}


def local_name(tag: object) -> str:
    """The local part of an element tag; "" for comments and processing instructions."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
