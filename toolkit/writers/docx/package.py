"""The OPC package a DOCX is: parts, their relationships and content types, zipped reproducibly."""

from __future__ import annotations

import functools
import posixpath
from pathlib import Path

from lxml import etree

from toolkit.ooxml.ns import nsmap, qn
from toolkit.ooxml.parts import PN, rels_name
from toolkit.ooxml.zipwrite import Deflated, zip_bytes

# Our own template (see template/README.md): the parts every briefing starts from.
TEMPLATE = Path(__file__).with_name("template")


def serialize(element: etree._Element) -> bytes:
    """A part's XML as stored: no added whitespace, a standalone UTF-8 declaration."""
    return etree.tostring(element, encoding="UTF-8", standalone=True)


class Rels:
    """The relationships of one part, or of the package, in the order they were made."""

    def __init__(self, root: etree._Element | None = None) -> None:
        self.root = etree.Element(qn("pr:Relationships"), nsmap={None: nsmap["pr"]}) if root is None else root

    def relate(self, reltype: str, target: str, external: bool = False) -> str:
        """The `Id` of a relationship to `target`, made if there is none yet."""
        for rel in self.root:
            if rel.get("Type") == reltype and rel.get("Target") == target and self._external(rel) == external:
                return str(rel.get("Id"))
        # The lowest free rIdN, filling gaps, as Word and python-docx number them.
        ids = {rel.get("Id") for rel in self.root}
        n = 1
        while f"rId{n}" in ids:
            n += 1
        rel = etree.SubElement(self.root, qn("pr:Relationship"), Id=f"rId{n}", Type=reltype, Target=target)
        if external:
            rel.set("TargetMode", "External")
        return f"rId{n}"

    def internal_targets(self) -> list[str]:
        """Targets of the relationships to other parts, relative to the source part's folder."""
        return [str(rel.get("Target")) for rel in self.root if not self._external(rel)]

    def __len__(self) -> int:
        return len(self.root)

    @staticmethod
    def _external(rel: etree._Element) -> bool:
        return rel.get("TargetMode") == "External"


class Part:
    """One package part, e.g. `word/document.xml`, parsed only when the writer touches it."""

    def __init__(
        self, name: str, content_type: str, blob: bytes | Deflated, rels: Rels | None = None
    ) -> None:
        self.name = name  # the zip member name, without the leading "/" of a part name
        self.content_type = content_type
        self.rels = Rels() if rels is None else rels
        self._blob = blob
        self._element: etree._Element | None = None

    @classmethod
    def of(cls, name: str, content_type: str, element: etree._Element) -> Part:
        """A new part the writer builds as XML, e.g. `word/footnotes.xml`."""
        part = cls(name, content_type, b"")
        part._element = element
        return part

    @property
    def element(self) -> etree._Element:
        if self._element is None:
            self._element = etree.fromstring(self.blob)
        return self._element

    @property
    def blob(self) -> bytes:
        """The part's bytes; a font, stored deflated, has none to give."""
        if isinstance(self._blob, Deflated):
            raise TypeError(f"{self.name} is stored deflated")
        # Parts the writer never touched keep the template's bytes.
        return self._blob if self._element is None else serialize(self._element)

    @property
    def member(self) -> bytes | Deflated:
        """What the zip stores: the bytes, or the deflated stream a font comes as."""
        return self._blob if isinstance(self._blob, Deflated) else self.blob

    @property
    def rels_name(self) -> str:
        return rels_name(self.name)


class Package:
    """The parts reachable from the package relationships, loaded from our template."""

    def __init__(self) -> None:
        types = etree.fromstring(_template(PN.CONTENT_TYPES))
        self._defaults = [(el.get("Extension"), el.get("ContentType")) for el in types.iter(qn("ct:Default"))]
        overrides = {el.get("PartName"): el.get("ContentType") for el in types.iter(qn("ct:Override"))}
        self.rels = Rels(etree.fromstring(_template(PN.PACKAGE_RELS)))
        self.parts: dict[str, Part] = {}
        pending = [("", target) for target in self.rels.internal_targets()]
        while pending:
            folder, target = pending.pop()
            name = posixpath.normpath(posixpath.join(folder, target))
            if name in self.parts:
                continue
            rels_blob = _template(rels_name(name))
            rels = Rels(etree.fromstring(rels_blob)) if rels_blob else None
            part = self.parts[name] = Part(name, str(overrides[f"/{name}"]), _template(name), rels)
            pending.extend((posixpath.dirname(name), t) for t in part.rels.internal_targets())

    def part(self, name: str) -> Part:
        """The part stored as `name`, e.g. `word/styles.xml`."""
        return self.parts[name]

    def add(self, source: Part | None, part: Part, reltype: str) -> None:
        """Add `part`, related from `source` (None: from the package itself)."""
        self.parts[part.name] = part
        rels = self.rels if source is None else source.rels
        folder = "" if source is None else posixpath.dirname(source.name)
        rels.relate(reltype, posixpath.relpath(part.name, folder or "."))

    def to_bytes(self) -> bytes:
        """The package as DOCX bytes: the same package always gives the same bytes."""
        parts = self._walk()
        entries: list[tuple[str, bytes | Deflated]] = [
            (PN.CONTENT_TYPES, self._content_types(parts)),
            (PN.PACKAGE_RELS, serialize(self.rels.root)),
        ]
        for part in parts:
            entries.append((part.name, part.member))
            if len(part.rels):
                entries.append((part.rels_name, serialize(part.rels.root)))
        return zip_bytes(entries, level=1)  # speed over a few kB

    def _walk(self) -> list[Part]:
        # Depth-first in relationship order, each part once: a fixed order
        # for the zip entries and content types, whatever order parts were added in.
        seen: list[Part] = []

        def visit(folder: str, rels: Rels) -> None:
            for target in rels.internal_targets():
                part = self.parts[posixpath.normpath(posixpath.join(folder, target))]
                if part not in seen:
                    seen.append(part)
                    visit(posixpath.dirname(part.name), part.rels)

        visit("", self.rels)
        return seen

    def _content_types(self, parts: list[Part]) -> bytes:
        root = etree.Element(qn("ct:Types"), nsmap={None: nsmap["ct"]})
        for ext, content_type in self._defaults:
            etree.SubElement(root, qn("ct:Default"), Extension=ext, ContentType=content_type)
        for part in parts:
            etree.SubElement(root, qn("ct:Override"), PartName=f"/{part.name}", ContentType=part.content_type)
        return serialize(root)


@functools.cache
def _template(name: str) -> bytes:
    """A template file's bytes (empty if there is none); read once per process, as bytes never change."""
    path = TEMPLATE / name
    return path.read_bytes() if path.is_file() else b""
