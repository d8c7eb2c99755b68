"""Parse untrusted XML: no DTDs, no entities, no network, errors with a line."""

from __future__ import annotations

import re

from lxml import etree

from toolkit.errors import BriefingError


def _parser() -> etree.XMLParser:
    # A fresh parser per call: lxml parsers are not thread-safe to share.
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
    )


def parse_xml(data: bytes, path: str | None = None) -> etree._Element:
    """Parse `data` as XML and return the root; refuse DTDs and entities.

    A DOCTYPE is refused outright rather than parsed carefully: briefing XML
    and OOXML never need one, and it is how entity attacks (billion laughs,
    external entities) get in.
    """
    root_tag = _ROOT_TAG.search(data)
    if b"<!DOCTYPE" in data[: root_tag.start() if root_tag else len(data)]:
        raise _doctype_error(path)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (None, None)
        message = exc.msg.split(" (line", 1)[0] if exc.msg else "malformed XML"
        raise BriefingError(f"malformed XML: {message}", path=path, line=line, column=column) from None
    doctype = root.getroottree().docinfo
    if doctype.doctype or doctype.internalDTD is not None:
        raise _doctype_error(path)
    return root


_ROOT_TAG = re.compile(rb"<[A-Za-z_]")


def _doctype_error(path: str | None) -> BriefingError:
    return BriefingError(
        "XML with a DOCTYPE or entity declarations is refused",
        path=path,
        line=1,
        hint="remove the <!DOCTYPE ...> declaration; entities are never resolved",
    )
