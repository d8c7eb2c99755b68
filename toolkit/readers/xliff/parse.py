"""An XLIFF 2.x or 1.2 file made by the toolkit: its skeleton, languages, provenance and targets."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from lxml import etree

from toolkit.errors import BriefingError, Warn
from toolkit.model import Briefing
from toolkit.model.xmlio import parse
from toolkit.safexml import parse_xml
from toolkit.xliff import ns
from toolkit.xliff.units import Close, Open, Ph, Text, Token, Unit, units

HUMAN_STATES = {"reviewed", "final"}  # 2.x: what a translator has confirmed
HUMAN_STATES_12 = {"final", "signed-off"}


@dataclass
class Target:
    """A part's target as the file holds it; `human` if its state says a person confirmed it."""

    tokens: list[Token]
    human: bool
    machine: list[Token] | None  # the machine proposal the file recorded for the part, if any
    line: int | None


@dataclass
class Loaded:
    source: Briefing
    units: list[Unit]
    target_lang: str
    targets: dict[tuple[str, str], Target] = field(default_factory=dict)
    made_by: dict[str, str] = field(default_factory=dict)  # translation-engine, -model, ...
    original: str = ""


def load(data: bytes, path: str | None, warn: Warn) -> Loaded:
    """Parse `data`; errors name the file, the line, the unit and the segment."""
    root = parse_xml(data, path)
    if root.tag == f"{{{ns.XLF}}}xliff":
        return _Reader21(path, warn).read(root)
    if root.tag == f"{{{ns.XLF12}}}xliff":
        return _Reader12(path, warn).read(root)
    raise BriefingError("not an XLIFF 2.x or 1.2 file", path=path, line=root.sourceline)


class _Reader:
    code_tags: dict[str, str]  # local name -> open, close, ph or pc
    transparent = frozenset({"mrk", "sm", "em", "g"})

    def __init__(self, path: str | None, warn: Warn) -> None:
        self.path, self.warn = path, warn

    def error(self, message: str, el: etree._Element | None = None, hint: str | None = None) -> BriefingError:
        return BriefingError(
            message, path=self.path, line=el.sourceline if el is not None else None, hint=hint
        )

    def skeleton(self, text: str | None, el: etree._Element | None, target_lang: str) -> Loaded:
        if not text:
            raise self.error(
                "this XLIFF file has no skeleton to rebuild the briefing from",
                el,
                hint="only XLIFF files written by `briefing` can be read back",
            )
        source = parse(text.encode("utf-8"), self.path, self.warn)
        return Loaded(source, units(source), target_lang)

    def tokens(self, el: etree._Element, where: str) -> list[Token]:
        """The content of a `<source>`/`<target>` as tokens."""
        out: list[Token] = []
        self._content(el, out, where)
        return out

    def _content(self, el: etree._Element, out: list[Token], where: str) -> None:
        if el.text:
            out.append(Text(el.text))
        for child in el:
            self._code(child, out, where)
            if child.tail:
                out.append(Text(child.tail))

    def _code(self, el: etree._Element, out: list[Token], where: str) -> None:
        raise NotImplementedError


class _Reader21(_Reader):
    def read(self, root: etree._Element) -> Loaded:
        if root.get("version", "").split(".")[0] != "2":
            raise self.error(f"XLIFF version {root.get('version')!r} is not 2.x or 1.2", root)
        files = root.findall(f"{{{ns.XLF}}}file")
        if len(files) != 1:
            raise self.error(f"this XLIFF holds {len(files)} files; the toolkit reads one per document", root)
        file = files[0]
        skeleton = file.find(f"{{{ns.XLF}}}skeleton")
        loaded = self.skeleton(skeleton.text if skeleton is not None else None, file, root.get("trgLang", ""))
        loaded.original = file.get("original", "")
        for meta in file.iterfind(f"{{{ns.MDA}}}metadata/{{{ns.MDA}}}metaGroup/{{{ns.MDA}}}meta"):
            if meta.getparent().get("category") == ns.META_CATEGORY:
                loaded.made_by[meta.get("type", "")] = meta.text or ""
        for unit in file.iter(f"{{{ns.XLF}}}unit"):
            uid = unit.get("id", "")
            proposals = {
                m.get("ref", "").lstrip("#"): m
                for m in unit.iterfind(f"{{{ns.MTC}}}matches/{{{ns.MTC}}}match")
                if m.get("type") == "mt"
            }
            for part in unit:
                if part.tag not in (f"{{{ns.XLF}}}segment", f"{{{ns.XLF}}}ignorable"):
                    continue
                target = part.find(f"{{{ns.XLF}}}target")
                if target is None:
                    continue
                where = f"unit {uid} {'segment' if part.tag.endswith('segment') else 'ignorable'} {part.get('id')}"
                proposal = proposals.get(part.get("id", ""))
                machine = None
                if proposal is not None and proposal.find(f"{{{ns.XLF}}}target") is not None:
                    machine = self.tokens(proposal.find(f"{{{ns.XLF}}}target"), where)
                human = part.get("state") in HUMAN_STATES
                loaded.targets[uid, part.get("id", "")] = Target(
                    self.tokens(target, where), human, machine, target.sourceline
                )
        return loaded

    def _code(self, el: etree._Element, out: list[Token], where: str) -> None:
        name = etree.QName(el).localname if isinstance(el.tag, str) else ""
        if name == "pc":
            out.append(Open(el.get("id", "")))
            self._content(el, out, where)
            out.append(Close(el.get("id", "")))
        elif name == "sc":
            out.append(Open(el.get("id", "")))
        elif name == "ec":
            out.append(Close(el.get("startRef") or el.get("id", "")))
        elif name == "ph":
            out.append(Ph(el.get("id", "")))
        elif name == "cp":
            out.append(Text(chr(int(el.get("hex", "0"), 16))))
        elif name in ("mrk",):  # an annotation a CAT tool added: its text counts
            self._content(el, out, where)
        elif name in ("sm", "em"):
            pass
        elif isinstance(el.tag, str):
            raise self.error(f"{where}: unexpected <{name}> in a target", el)


class _Reader12(_Reader):
    def read(self, root: etree._Element) -> Loaded:
        file = root.find(f"{{{ns.XLF12}}}file")
        if file is None:
            raise self.error("this XLIFF 1.2 file holds no <file>", root)
        skl = file.find(f"{{{ns.XLF12}}}header/{{{ns.XLF12}}}skl/{{{ns.XLF12}}}internal-file")
        loaded = self.skeleton(skl.text if skl is not None else None, file, file.get("target-language", ""))
        loaded.original = file.get("original", "")
        for note in file.iterfind(f"{{{ns.XLF12}}}header/{{{ns.XLF12}}}note"):
            if note.get("from") == ns.META_CATEGORY and (note.text or "").startswith("{"):
                loaded.made_by = {str(k): str(v) for k, v in json.loads(note.text or "{}").items()}
        for tu in file.iter(f"{{{ns.XLF12}}}trans-unit"):
            uid, _, pid = tu.get("id", "").rpartition("-")
            target = tu.find(f"{{{ns.XLF12}}}target")
            if target is None:
                continue
            where = f"unit {uid} segment {pid} (trans-unit {tu.get('id')})"
            alt = tu.find(f"{{{ns.XLF12}}}alt-trans/{{{ns.XLF12}}}target")
            human = tu.get("approved") == "yes" or target.get("state") in HUMAN_STATES_12
            machine = (
                self.tokens(alt, where)
                if alt is not None and target.get("state-qualifier") == "leveraged-mt"
                else None
            )
            loaded.targets[uid, pid] = Target(self.tokens(target, where), human, machine, target.sourceline)
        return loaded

    def _code(self, el: etree._Element, out: list[Token], where: str) -> None:
        name = etree.QName(el).localname if isinstance(el.tag, str) else ""
        if name == "g":
            out.append(Open(el.get("id", "")))
            self._content(el, out, where)
            out.append(Close(el.get("id", "")))
        elif name == "bx":
            out.append(Open(el.get("rid") or el.get("id", "")))
        elif name == "ex":
            out.append(Close(el.get("rid") or el.get("id", "").removesuffix("e")))
        elif name == "x":
            out.append(Ph(el.get("id", "")))
        elif name == "mrk":
            self._content(el, out, where)
        elif isinstance(el.tag, str):
            raise self.error(f"{where}: unexpected <{name}> in a target", el)
