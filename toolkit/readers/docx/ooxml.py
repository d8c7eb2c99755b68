"""OOXML names and value parsing shared by the DOCX reader's modules."""

from __future__ import annotations

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"


def w(local: str) -> str:
    """Clark name in the WordprocessingML namespace."""
    return f"{{{W_NS}}}{local}"


def local_name(tag: object) -> str:
    """The local part of an element tag; "" for comments and processing instructions."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def bool_prop(value: str | None) -> bool:
    """An OOXML on/off value: absent attribute means on (`<w:b/>`)."""
    return value is None or value.lower() not in ("0", "false", "off", "none")
