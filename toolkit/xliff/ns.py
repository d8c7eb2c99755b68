"""XLIFF namespaces, and how each kind of inline code is spelled in 2.1 and 1.2."""

from __future__ import annotations

from lxml import etree

from toolkit.model import Emph, Inline, LineBreak, Link, Note, Strong, Sub, Sup, note_label

XLF = "urn:oasis:names:tc:xliff:document:2.0"  # XLIFF 2.1 keeps the 2.0 core namespace
MTC = "urn:oasis:names:tc:xliff:matches:2.0"
MDA = "urn:oasis:names:tc:xliff:metadata:2.0"
XLF12 = "urn:oasis:names:tc:xliff:document:1.2"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NSMAP = {None: XLF, "mtc": MTC, "mda": MDA}

META_CATEGORY = "briefing-toolkit"  # the mda:metaGroup holding what the reader needs besides the units
SUBSTATE = {"mt": "brf:mt", "tm": "brf:tm-human", "copy": "brf:copy"}  # segment subState, by origin
STATE_QUALIFIER_12 = {"mt": "leveraged-mt", "tm": "leveraged-tm"}
HUMAN_ORIGIN = "briefing translation memory (human)"


def is_note(node: Inline) -> bool:
    return isinstance(node, Note)


def attrs_21(node: Inline, number: int | None) -> dict[str, str]:
    """type/subType (and for notes disp) of the code standing for `node`."""
    match node:
        case Emph():
            return {"type": "fmt", "subType": "xlf:i"}
        case Strong():
            return {"type": "fmt", "subType": "xlf:b"}
        case Sup():
            return {"type": "fmt", "subType": "brf:sup"}
        case Sub():
            return {"type": "fmt", "subType": "brf:sub"}
        case Link():
            return {"type": "link"}
        case LineBreak():
            return {"type": "fmt", "subType": "xlf:lb"}
        case Note():
            return {"canCopy": "no", "canDelete": "no", "disp": display(node, number)}
    raise TypeError(f"no code for {node!r}")


def ctype_12(node: Inline) -> str:
    """The 1.2 `ctype` of the code standing for `node`."""
    match node:
        case Emph():
            return "italic"
        case Strong():
            return "bold"
        case Link():
            return "link"
        case Sup():
            return "x-sup"
        case Sub():
            return "x-sub"
        case LineBreak():
            return "lb"
        case Note():
            return "x-endnote" if node.kind == "endnote" else "x-footnote"
    raise TypeError(f"no code for {node!r}")


def display(note: Note, number: int | None) -> str:
    """How a CAT tool shows a note reference: [1] for footnote 1, [e1] for endnote 1, [*] for a note marked *."""
    endnote = "e" if note.kind == "endnote" else ""
    return f"[{note_label(note, number, lambda n: f'{endnote}{n}')}]"


def original(node: Inline, number: int | None) -> tuple[str, str | None]:
    """The briefing XML a code stands for, as (start or placeholder, end), for `<originalData>`."""
    match node:
        case Emph():
            return "<em>", "</em>"
        case Strong():
            return "<strong>", "</strong>"
        case Sup():
            return "<sup>", "</sup>"
        case Sub():
            return "<sub>", "</sub>"
        case Link():
            return f'<a href="{escape_attr(node.href)}">', "</a>"
        case LineBreak():
            return "<br/>", None
        case Note():
            kind = ' kind="endnote"' if node.kind == "endnote" else ""
            shown = "mark" if node.mark is not None else "n"
            return f'<note {shown}="{escape_attr(note_label(node, number))}"{kind}>…</note>', None
    raise TypeError(f"no code for {node!r}")


def escape_attr(text: str) -> str:
    """`text` for a double-quoted XML attribute."""
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def append_text(parent: etree._Element, text: str) -> None:
    """Add `text` at the end of `parent`'s content: after its last child, or as its text."""
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text
