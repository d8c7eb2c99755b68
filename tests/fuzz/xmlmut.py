"""Mutate one XML document: its tree (elements, attributes, text) and its bytes (prolog, namespaces).

Shared by the DOCX fuzzer (for each zip member) and the briefing-XML fuzzer;
a `Dialect` says which elements and attributes matter to the reader.
"""

from __future__ import annotations

import copy
import random
import re
from collections.abc import Callable

from lxml import etree

from tests.fuzz import textmut
from tests.fuzz.dialects import ODD_VALUES, WRONG_NAMESPACES, Dialect

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
Mutation = Callable[[random.Random, bytes, Dialect], bytes]


def mutate(rng: random.Random, data: bytes, dialect: Dialect) -> tuple[str, bytes]:
    """One mutation of `data`, chosen by `rng`: its name and the new bytes."""
    name, fn = rng.choice(list(MUTATIONS.items()))
    return name, fn(rng, data, dialect)


def _tree_op(op: Callable[[random.Random, etree._Element, Dialect], bool]) -> Mutation:
    """A mutation that edits the parsed tree; bytes that do not parse get a byte flip instead."""

    def apply(rng: random.Random, data: bytes, dialect: Dialect) -> bytes:
        try:
            root = etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError:
            return textmut.flip_bytes(rng, data)
        if root is None or not op(rng, root, dialect):
            return textmut.flip_bytes(rng, data)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    apply.__name__ = op.__name__
    return apply


def _pick(rng: random.Random, root: etree._Element, dialect: Dialect) -> etree._Element:
    elements = [e for e in root.iter() if isinstance(e.tag, str)]
    wanted = [e for e in elements if e.tag in dialect.tags]
    return rng.choice(wanted if wanted and rng.random() < 0.85 else elements)


def _delete(rng: random.Random, root: etree._Element, dialect: Dialect) -> bool:
    e = _pick(rng, root, dialect)
    parent = e.getparent()
    if parent is None:
        return False
    if rng.random() < 0.5:
        parent.remove(e)  # with its tail text
    else:  # unwrap: keep the children where the element was
        index = parent.index(e)
        for offset, child in enumerate(list(e)):
            parent.insert(index + 1 + offset, child)
        parent.remove(e)
    return True


def _duplicate(rng: random.Random, root: etree._Element, dialect: Dialect) -> bool:
    e = _pick(rng, root, dialect)
    parent = e.getparent()
    if parent is None:
        return False
    for _ in range(rng.choice((1, 1, 2, 50))):
        e.addnext(copy.deepcopy(e))
    return True


def _move(rng: random.Random, root: etree._Element, dialect: Dialect) -> bool:
    e = _pick(rng, root, dialect)
    if e.getparent() is None:
        return False
    inside = set(e.iter())
    targets = [t for t in root.iter() if isinstance(t.tag, str) and t not in inside]
    if not targets:
        return False
    target = rng.choice(targets)
    target.insert(rng.randint(0, len(target)), e)
    return True


def _namespace(rng: random.Random, root: etree._Element, dialect: Dialect) -> bool:
    e = root if rng.random() < 0.2 else _pick(rng, root, dialect)
    local = etree.QName(e).localname
    e.tag = local if rng.random() < 0.3 else f"{{{rng.choice(WRONG_NAMESPACES)}}}{local}"
    return True


def _attribute(rng: random.Random, root: etree._Element, dialect: Dialect) -> bool:
    e = _pick(rng, root, dialect)
    names = [n for n in e.attrib if isinstance(n, str)]
    known = [n for n in names if n in dialect.attributes]
    if known and rng.random() < 0.7:
        name = rng.choice(known)
    elif names and rng.random() < 0.7:
        name = rng.choice(names)
    else:
        name = rng.choice([*dialect.attributes, *dialect.ids])
    roll = rng.random()
    if roll < 0.15:
        e.attrib.pop(name, None)
        return True
    if roll < 0.25:
        value = rng.choice(("9", "a", "é", " ")) * rng.choice((1000, 100_000, 1_000_000))
    elif roll < 0.6 and name in dialect.attributes:
        value = rng.choice(dialect.attributes[name])
    else:
        value = rng.choice(ODD_VALUES)
    e.set(name, value)
    return True


def _ids(rng: random.Random, root: etree._Element, dialect: Dialect) -> bool:
    holders = [(e, n) for e in root.iter() if isinstance(e.tag, str) for n in dialect.ids if n in e.attrib]
    if not holders:
        return False
    e, name = rng.choice(holders)
    others = [str(o.get(n)) for o, n in holders if o is not e]
    e.set(name, rng.choice([*others, str(rng.randint(-3, 40)), "x", "", "2 ", "0x2"]) if others else "999")
    return True


def _text(rng: random.Random, root: etree._Element, dialect: Dialect) -> bool:
    e = _pick(rng, root, dialect)
    text = rng.choice(
        (
            "",
            " ",
            "\t\n",
            "[footnoteRef:2]",
            '!!! End note with ID "3" not found in document.',
            "\u00a0\u200b\u2028\ufeff",
            "x" * rng.choice((10, 100_000)),
            "é " * 50_000,
        )
    )
    if rng.random() < 0.5:
        e.text = text
    else:
        e.tail = text
    return True


def _comment_or_pi(rng: random.Random, root: etree._Element, dialect: Dialect) -> bool:
    e = _pick(rng, root, dialect)
    node = etree.Comment(" fuzz ") if rng.random() < 0.5 else etree.ProcessingInstruction("fuzz", "x")
    if e.getparent() is not None and rng.random() < 0.5:
        e.addnext(node)
    else:
        e.insert(rng.randint(0, len(e)), node)
    return True


def deep_nesting(rng: random.Random, data: bytes, dialect: Dialect) -> bytes:
    """Wrap an element in thousands of its own kind (or another interesting kind)."""
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError:
        return textmut.flip_bytes(rng, data)
    e = _pick(rng, root, dialect)
    model = e if rng.random() < 0.5 else _pick(rng, root, dialect)
    parent = e.getparent()
    if parent is None:
        return textmut.flip_bytes(rng, data)
    qname = f"{model.prefix}:{etree.QName(model).localname}" if model.prefix else str(model.tag)
    placeholder = etree.Element("fuzz-nest-here")
    parent.replace(e, placeholder)
    depth = rng.choice((50, 200, 255, 300, 1000, 10_000))
    inner = etree.tostring(e)
    nested = f"<{qname}>".encode() * depth + inner + f"</{qname}>".encode() * depth
    out = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return out.replace(b"<fuzz-nest-here/>", nested, 1)


_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*\?>")
ODD_DECLARATIONS = (
    b"",
    b'<?xml version="1.0" encoding="UTF-16"?>',
    b'<?xml version="1.0" encoding="ISO-8859-1"?>',
    b'<?xml version="1.0" encoding="EBCDIC-US"?>',
    b'<?xml version="1.0" encoding="x-no-such-encoding"?>',
    b'<?xml version="1.1" encoding="UTF-8"?>',
    b'<?xml version="2.0"?>',
    b'<?xml version="1.0" standalone="maybe"?>',
    b"<?xml?>",
    b' <?xml version="1.0"?>',
    b'<?xml version="1.0"?><?xml version="1.0"?>',
    b"\xef\xbb\xbf\xef\xbb\xbf",
)


def declaration(rng: random.Random, data: bytes, dialect: Dialect) -> bytes:
    """Replace the XML declaration, or re-encode the document in another encoding."""
    body = _DECLARATION.sub(b"", data, count=1)
    roll = rng.random()
    if roll < 0.3:
        codec = rng.choice(("utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1"))
        label = rng.choice((codec, "UTF-8", "UTF-16"))
        text = f'<?xml version="1.0" encoding="{label}"?>' + body.decode("utf-8", "replace")
        return text.encode(codec, "replace")
    return rng.choice(ODD_DECLARATIONS) + body


DOCTYPES = (
    b"<!DOCTYPE root>",
    b'<!DOCTYPE root [<!ENTITY e "boom">]>',
    b'<!DOCTYPE root SYSTEM "http://example.invalid/x.dtd">',
    b'<!DOCTYPE root [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    b'<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
    b"<!-- <a -->" + b"<!DOCTYPE root>",
    b"<?pi <b?><!DOCTYPE root>",
    b"<!doctype root>",
)


def doctype(rng: random.Random, data: bytes, dialect: Dialect) -> bytes:
    """Put a DOCTYPE, entity declarations or an entity reference into the prolog."""
    match = _DECLARATION.match(data)
    head, body = (data[: match.end()], data[match.end() :]) if match else (b"", data)
    out = head + rng.choice(DOCTYPES) + body
    if rng.random() < 0.5:  # and use an entity in some text
        out = _insert_in_text(rng, out, rng.choice((b"&e;", b"&x;", b"&c;", b"&nbsp;")))
    return out


def _insert_in_text(rng: random.Random, data: bytes, chunk: bytes) -> bytes:
    spots = [m.end() for m in re.finditer(rb">(?=[^<\s])", data)] or [
        m.end() for m in re.finditer(rb">", data)
    ]
    if not spots:
        return data + chunk
    at = rng.choice(spots)
    return data[:at] + chunk + data[at:]


CONTROL = (
    b"\x00",
    b"\x01",
    b"\x08",
    b"\x0b",
    b"\x0c",
    b"\x1b",
    b"\x7f",
    b"\xc2\x85",
    b"&#1;",
    b"&#0;",
    b"&#x0C;",
    b"&#xFFFE;",
    b"&#xD800;",
    b"&#x110000;",
    b"&#12;",
    b"\xef\xbf\xbe",
    b"\xff",
)


def control_chars(rng: random.Random, data: bytes, dialect: Dialect) -> bytes:
    """A control character, as a raw byte or a character reference, in text or in an attribute."""
    chunk = rng.choice(CONTROL)
    if rng.random() < 0.7:
        return _insert_in_text(rng, data, chunk)
    spots = [m.end() for m in re.finditer(rb'="', data)]
    if not spots:
        return _insert_in_text(rng, data, chunk)
    at = rng.choice(spots)
    return data[:at] + chunk + data[at:]


_XMLNS = re.compile(rb'xmlns(?::([A-Za-z_][\w.-]*))?="([^"]*)"')


def namespace_uri(rng: random.Random, data: bytes, dialect: Dialect) -> bytes:
    """Change the URI a namespace declaration binds, everywhere it is declared."""
    found = sorted({m.group(2) for m in _XMLNS.finditer(data)})
    if not found or rng.random() < 0.2:  # put the document in a namespace it never had
        return _declare(data, b'xmlns="' + rng.choice(WRONG_NAMESPACES).encode() + b'"')
    old = rng.choice(found)
    new = rng.choice([*WRONG_NAMESPACES, "", old.upper().decode("latin-1")]).encode("latin-1")
    return data.replace(b'"' + old + b'"', b'"' + new + b'"')


def prefixes(rng: random.Random, data: bytes, dialect: Dialect) -> bytes:
    """Rename a namespace prefix consistently, to another name or to the default namespace."""
    found = sorted({m.group(1) for m in _XMLNS.finditer(data) if m.group(1)})
    if not found:  # prefix every element, bound to no namespace or to some other one
        uri = rng.choice(("", *WRONG_NAMESPACES)).encode()
        out = re.sub(rb"(</?)(?=[A-Za-z_])", rb"\1b:", data)
        return _declare(out, b'xmlns:b="' + uri + b'"') if uri else out
    old = rng.choice(found)
    new = rng.choice((b"ns0", b"W", b"x", b"r", b"w", b""))
    if not new:  # elements in the default namespace; prefixed attributes lose theirs
        out = re.sub(rb"xmlns:" + old + rb"=", b"xmlns=", data)
        return re.sub(rb"(</?|\s)" + old + rb":", rb"\1", out)
    out = data.replace(b"xmlns:" + old + b"=", b"xmlns:" + new + b"=")
    return re.sub(rb"(</?|\s)" + old + rb":", rb"\1" + new + b":", out)


_START_TAG = re.compile(rb"<[A-Za-z_][^\s/>]*")


def _declare(data: bytes, declaration: bytes) -> bytes:
    """`data` with `declaration` added to the root element's start tag."""
    m = _START_TAG.search(data)
    if m is None:
        return data
    return data[: m.end()] + b" " + declaration + data[m.end() :]


def nest(rng: random.Random, data: bytes, dialect: Dialect) -> bytes:
    """Deep nesting the reader must accept: sections in sections, cells in tables, content controls."""
    if not dialect.wrappers:
        return deep_nesting(rng, data, dialect)
    tag, opening, closing = rng.choice(dialect.wrappers)
    starts = [m for m in re.finditer(rb"<" + re.escape(tag) + rb"[\s>]", data)]
    if not starts:
        return deep_nesting(rng, data, dialect)
    depth = rng.choice((10, 40, 80, 200)) // max(opening.count(b"<") - opening.count(b"/>"), 1)
    at = rng.choice(starts).start()
    end = _element_end(data, at, tag)
    if end < 0:
        return deep_nesting(rng, data, dialect)
    return data[:at] + opening * depth + data[at:end] + closing * depth + data[end:]


def _element_end(data: bytes, at: int, tag: bytes) -> int:
    """Where the element starting at `at` ends (after its end tag), counting nested ones of its kind."""
    level = 0
    for m in re.compile(rb"<(/?)" + re.escape(tag) + rb"(?=[\s>/])[^>]*?(/?)>").finditer(data, at):
        if m.group(1):
            level -= 1
        elif not m.group(2):
            level += 1
        if level == 0:
            return m.end()
    return -1


def _bytes_op(fn: Callable[[random.Random, bytes], bytes]) -> Mutation:
    def apply(rng: random.Random, data: bytes, dialect: Dialect) -> bytes:
        return fn(rng, data)

    apply.__name__ = fn.__name__
    return apply


MUTATIONS: dict[str, Mutation] = {
    "delete": _tree_op(_delete),
    "duplicate": _tree_op(_duplicate),
    "move": _tree_op(_move),
    "namespace": _tree_op(_namespace),
    "attribute": _tree_op(_attribute),
    "attribute2": _tree_op(_attribute),
    "ids": _tree_op(_ids),
    "text": _tree_op(_text),
    "comment-or-pi": _tree_op(_comment_or_pi),
    "deep-nesting": deep_nesting,
    "nest": nest,
    "nest2": nest,
    "declaration": declaration,
    "doctype": doctype,
    "control-chars": control_chars,
    "namespace-uri": namespace_uri,
    "prefixes": prefixes,
    "flip-bytes": _bytes_op(textmut.flip_bytes),
    "truncate": _bytes_op(textmut.truncate),
}
