"""Units as XLIFF 1.2, for tools that read nothing newer: a `<group>` per unit, a `<trans-unit>` per sentence.

1.2 has a state per `<target>`, not per segment, so each sentence is its own
trans-unit (`u3-s1`). Ignorables (white space, line breaks) are left out: the
reader rebuilds them from the skeleton. Codes are `<g>`, `<bx id="c1"/>`/`<ex id="c1e"/>` (a span across sentences) and
`<x/>`; a note's `<x/>` names the first trans-unit of its body in `xid`.
"""

from __future__ import annotations

import json

from lxml import etree

from toolkit.model import Briefing, Note
from toolkit.model.xmlio import serialise
from toolkit.version import __version__
from toolkit.writers.xliff.machine import Filled, Provenance
from toolkit.xliff import ns
from toolkit.xliff.units import Close, Open, Ph, Text, Token, Unit


def q(tag: str) -> str:
    return f"{{{ns.XLF12}}}{tag}"


def document(
    doc: Briefing,
    units: list[Unit],
    source_lang: str,
    target_lang: str,
    targets: dict[tuple[str, str], Filled] | None,
    made_by: Provenance | None,
) -> etree._Element:
    """The `<xliff version="1.2">` element for `doc`."""
    root = etree.Element(q("xliff"), {"version": "1.2"}, nsmap={None: ns.XLF12})
    file = etree.SubElement(
        root,
        q("file"),
        {
            "original": doc.meta.source.name if doc.meta.source else "briefing.xml",
            "source-language": source_lang,
            "target-language": target_lang,
            "datatype": "xml",
            "tool-id": "briefing-toolkit",
        },
    )
    header = etree.SubElement(file, q("header"))
    skl = etree.SubElement(
        etree.SubElement(header, q("skl")), q("internal-file"), {"form": "application/xml"}
    )
    skl.text = serialise(doc).decode("utf-8")
    tool = {"tool-id": "briefing-toolkit", "tool-name": "briefing-toolkit", "tool-version": __version__}
    etree.SubElement(header, q("tool"), tool)
    if made_by is not None:
        # What the reader needs for the document's translation record, as JSON (1.2 has no metadata module).
        facts = {
            "translation-source-lang": made_by.source_lang,
            "translation-engine": made_by.engine,
            "translation-model": made_by.model,
            "translation-model-version": made_by.model_version,
            "translation-decoding": made_by.decoding,
        }
        note = etree.SubElement(header, q("note"), {"from": ns.META_CATEGORY})
        note.text = json.dumps(facts, ensure_ascii=False, sort_keys=True)
    body = etree.SubElement(file, q("body"))
    first = {u.id: f"{u.id}-{u.segments()[0].id}" for u in units if u.segments()}
    for unit in units:
        if not unit.segments():  # a group needs a trans-unit; the reader rebuilds this unit from the skeleton
            continue
        group = etree.SubElement(body, q("group"), {"id": unit.id, "restype": f"x-brf-{unit.kind}"})
        for part in unit.segments():
            tu = etree.SubElement(
                group, q("trans-unit"), {"id": f"{unit.id}-{part.id}", ns.XML_SPACE: "preserve"}
            )
            inline(etree.SubElement(tu, q("source")), part.source, unit, first)
            target = targets.get((unit.id, part.id)) if targets else None
            if target is None:
                continue
            attrs = {"state": "translated"}
            if target.origin in ns.STATE_QUALIFIER_12:
                attrs["state-qualifier"] = ns.STATE_QUALIFIER_12[target.origin]
            inline(etree.SubElement(tu, q("target"), attrs), target.tokens, unit, first)
            if target.origin != "copy":
                mt = target.origin == "mt"
                origin = made_by.origin() if mt and made_by else ns.HUMAN_ORIGIN
                alt = etree.SubElement(tu, q("alt-trans"), {"origin": origin, "alttranstype": "proposal"})
                inline(etree.SubElement(alt, q("target")), target.tokens, unit, first)
    return root


def inline(parent: etree._Element, tokens: list[Token], unit: Unit, first: dict[str, str]) -> None:
    """Write tokens as 1.2 content: `<g>` where both ends are here, else `<bx/>`/`<ex/>`; `<x/>` for the rest."""
    paired = {t.code for t in tokens if isinstance(t, Open)} & {
        t.code for t in tokens if isinstance(t, Close)
    }
    stack = [parent]
    for token in tokens:
        here = stack[-1]
        if isinstance(token, Text):
            ns.append_text(here, token.text)
            continue
        code = unit.codes[token.code]
        attrs = {"id": code.id, "ctype": ns.ctype_12(code.node)}
        if isinstance(token, Ph):
            if code.flows and code.flows[0] in first:
                attrs["xid"] = first[code.flows[0]]
            if isinstance(code.node, Note):
                attrs["equiv-text"] = ns.display(code.node, code.number)
            etree.SubElement(here, q("x"), attrs)
        elif isinstance(token, Open) and token.code in paired:
            stack.append(etree.SubElement(here, q("g"), attrs))
        elif isinstance(token, Open):
            etree.SubElement(here, q("bx"), attrs)  # no rid: 1.2 pairs rid within one source or target
        elif token.code in paired:
            stack.pop()
        else:
            etree.SubElement(here, q("ex"), {"id": f"{code.id}e"})
