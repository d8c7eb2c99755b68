"""Document properties: core (title, language, creator) and the custom ones that carry the rest of `<meta>`.

What the custom properties hold, and why, is the contract in `toolkit.ooxml.custom_props`.
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from toolkit.ooxml import custom_props
from toolkit.ooxml.ns import qn
from toolkit.ooxml.parts import CT, PN, RT
from toolkit.version import __version__
from toolkit.writers.docx.package import Package, Part

CREATOR = "briefing toolkit"


def set_core(core: etree._Element, title: str, lang: str) -> None:
    """Title, language and creator; no timestamps, so that output is reproducible."""
    for child in list(core):
        if child.tag in (qn("dcterms:created"), qn("dcterms:modified"), qn("cp:lastPrinted")):
            core.remove(child)
    values = {
        qn("dc:title"): title,
        qn("dc:creator"): CREATOR,
        qn("dc:description"): "",
        qn("cp:lastModifiedBy"): CREATOR,
        qn("dc:language"): lang,
    }
    for tag, value in values.items():
        el = core.find(tag)
        if el is None:
            el = etree.SubElement(core, tag)
        el.text = value


def set_app(app: etree._Element) -> None:
    """Say in docProps/app.xml what made the file: the toolkit and its version, not the template's Word."""
    ns = app.nsmap.get(None, "")
    values = {"Application": f"briefing toolkit {__version__}", "AppVersion": _app_version(), "Template": ""}
    for name, value in values.items():
        el = app.find(f"{{{ns}}}{name}")
        if el is None:
            el = etree.SubElement(app, f"{{{ns}}}{name}")
        el.text = value


def _app_version() -> str:
    # AppVersion is XX.YYYY by its schema: the major and minor version.
    parts = [*__version__.split("."), "0", "0"][:2]
    digits = [p if p.isdigit() else "0" for p in parts]
    return f"{int(digits[0]):02d}.{int(digits[1]):04d}"


def add_custom_part(package: Package, props: Mapping[str, str]) -> None:
    """Add `docProps/custom.xml` holding `props` as string properties."""
    part = Part.of(PN.CUSTOM_PROPERTIES, CT.OFC_CUSTOM_PROPERTIES, custom_props.to_xml(props))
    package.add(None, part, RT.CUSTOM_PROPERTIES)
