"""Units as XLIFF 2.1: one `<file>`, a `<unit>` per unit, `<segment>`s and `<ignorable>`s, codes inline."""

from __future__ import annotations

from lxml import etree

from toolkit.model import Briefing
from toolkit.model.xmlio import serialise
from toolkit.version import __version__
from toolkit.writers.xliff.machine import Filled, Provenance
from toolkit.xliff import ns
from toolkit.xliff.units import Close, Open, Ph, Text, Token, Unit


def q(tag: str, space: str = ns.XLF) -> str:
    return f"{{{space}}}{tag}"


def document(
    doc: Briefing,
    units: list[Unit],
    source_lang: str,
    target_lang: str,
    targets: dict[tuple[str, str], Filled] | None,
    made_by: Provenance | None,
) -> etree._Element:
    """The `<xliff>` element for `doc`: its skeleton, its metadata and its units."""
    root = etree.Element(
        q("xliff"), {"version": "2.1", "srcLang": source_lang, "trgLang": target_lang}, nsmap=ns.NSMAP
    )
    attrs = {"id": "f1", ns.XML_SPACE: "preserve"}
    if doc.meta.source is not None:
        attrs["original"] = doc.meta.source.name
    file = etree.SubElement(root, q("file"), attrs)
    # The canonical XML of the source: what the reader rebuilds the document's structure from.
    etree.SubElement(file, q("skeleton")).text = serialise(doc).decode("utf-8")
    file.append(_metadata(made_by))
    for unit in units:
        file.append(_unit(unit, targets, made_by))
    return root


def _metadata(made_by: Provenance | None) -> etree._Element:
    md = etree.Element(q("metadata", ns.MDA))
    group = etree.SubElement(md, q("metaGroup", ns.MDA), {"category": ns.META_CATEGORY})
    facts = {"toolkit-version": __version__}
    if made_by is not None:
        facts |= {
            "translation-source-lang": made_by.source_lang,
            "translation-engine": made_by.engine,
            "translation-model": made_by.model,
            "translation-model-version": made_by.model_version,
            "translation-decoding": made_by.decoding,
        }
    for kind, value in facts.items():
        etree.SubElement(group, q("meta", ns.MDA), {"type": kind}).text = value
    return md


def _unit(
    unit: Unit, targets: dict[tuple[str, str], Filled] | None, made_by: Provenance | None
) -> etree._Element:
    el = etree.Element(q("unit"), {"id": unit.id, "type": f"brf:{unit.kind}"})
    filled = {p.id: targets[unit.id, p.id] for p in unit.parts if targets and (unit.id, p.id) in targets}
    matches = [(p, filled[p.id]) for p in unit.segments() if p.id in filled and filled[p.id].origin != "copy"]
    if matches:
        box = etree.SubElement(el, q("matches", ns.MTC))
        for part, proposal in matches:
            mt = proposal.origin == "mt"
            origin = made_by.origin() if mt and made_by else ns.HUMAN_ORIGIN
            match = etree.SubElement(
                box,
                q("match", ns.MTC),
                {"ref": f"#{part.id}", "type": "mt" if mt else "tm", "origin": origin},
            )
            inline(etree.SubElement(match, q("source")), part.source, unit, data=False)
            inline(etree.SubElement(match, q("target")), proposal.tokens, unit, data=False)
    if unit.codes:
        data = etree.SubElement(el, q("originalData"))
        for code in unit.codes.values():
            start, end = ns.original(code.node, code.number)
            etree.SubElement(data, q("data"), {"id": f"d{code.id}"}).text = start
            if end is not None:
                etree.SubElement(data, q("data"), {"id": f"d{code.id}e"}).text = end
    for part in unit.parts:
        target = filled.get(part.id)
        if part.segment:
            attrs = {"id": part.id, "state": "initial"}
            if target is not None:
                attrs |= {"state": "translated", "subState": ns.SUBSTATE[target.origin]}
            box = etree.SubElement(el, q("segment"), attrs)
        else:
            box = etree.SubElement(el, q("ignorable"), {"id": part.id})
        inline(etree.SubElement(box, q("source")), part.source, unit)
        if target is not None:
            inline(etree.SubElement(box, q("target")), target.tokens, unit)
    return el


def inline(parent: etree._Element, tokens: list[Token], unit: Unit, data: bool = True) -> None:
    """Write tokens as content: `<pc>` where both ends are here, else `<sc>`/`<ec>`; `<ph>` for the rest."""
    opened = {t.code for t in tokens if isinstance(t, Open)}
    paired = opened & {t.code for t in tokens if isinstance(t, Close)}
    stack = [parent]
    for token in tokens:
        here = stack[-1]
        if isinstance(token, Text):
            ns.append_text(here, token.text)
            continue
        code = unit.codes[token.code]
        attrs = {"id": code.id, **ns.attrs_21(code.node, code.number)}
        if isinstance(token, Ph):
            if code.flows:
                attrs["subFlows"] = " ".join(code.flows)
            if data:
                attrs["dataRef"] = f"d{code.id}"
            etree.SubElement(here, q("ph"), attrs)
        elif isinstance(token, Open) and token.code in paired:
            if data:
                attrs |= {"dataRefStart": f"d{code.id}", "dataRefEnd": f"d{code.id}e"}
            stack.append(etree.SubElement(here, q("pc"), attrs))
        elif isinstance(token, Open):
            if data:
                attrs["dataRef"] = f"d{code.id}"
            etree.SubElement(here, q("sc"), attrs)
        elif token.code in paired:
            stack.pop()
        else:
            end = {"startRef": code.id, **({"dataRef": f"d{code.id}e"} if data else {})}
            etree.SubElement(here, q("ec"), end)
