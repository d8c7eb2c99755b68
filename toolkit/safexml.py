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
        raise BriefingError(
            f"malformed XML: {_reason(exc.msg)}", path=path, line=line, column=column
        ) from None
    doctype = root.getroottree().docinfo
    if doctype.doctype or doctype.internalDTD is not None:
        raise _doctype_error(path)
    return root


_ROOT_TAG = re.compile(rb"<[A-Za-z_]")
# libxml2 ends its messages with where it was ("..., line 3, column 7" or
# "(line 3)"), sometimes after a newline; the error carries the position already.
_POSITION = re.compile(r"\s*(?:,\s*line \d+(?:, column \d+)?|\(line \d+\))\s*$")


def _reason(msg: str | None) -> str:
    """libxml2's message as one line, without the position it repeats."""
    text = " ".join((msg or "").split())
    return one_line(_POSITION.sub("", text).strip()) or "malformed XML"


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(message: str) -> str:
    """`message` with control characters escaped, for text that came from the input (names, parser words)."""
    return _CONTROL.sub(lambda m: repr(m.group(0))[1:-1], message)


def _doctype_error(path: str | None) -> BriefingError:
    return BriefingError(
        "XML with a DOCTYPE or entity declarations is refused",
        path=path,
        line=1,
        hint="remove the <!DOCTYPE ...> declaration; entities are never resolved",
    )
