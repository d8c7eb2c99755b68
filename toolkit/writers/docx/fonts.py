"""The body font embedded in the DOCX, obfuscated as ECMA-376 Part 1, 17.8.1 says, and declared in fontTable.xml.

Word and LibreOffice both use a font embedded this way when it is not installed, so the
DOCX lays out in Noto Sans, as the PDF does, instead of a substitute with other widths.
Only the shipped family can be embedded; another font is declared with its family
(sans, variable pitch) so that a substitute is at least a sans.
"""

from __future__ import annotations

import functools

from lxml import etree

from toolkit.cachedir import cache_dir, made_from, read_entry, write_entry
from toolkit.fonts import FONTS_DIR
from toolkit.ooxml.ns import nsmap, qn
from toolkit.ooxml.zipwrite import Deflated
from toolkit.record import record
from toolkit.writers.docx.elements import sub
from toolkit.writers.docx.package import Package, Part

FONT_RT = f"{nsmap['r']}/font"
FONT_CT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
# The faces of the shipped family (the PDF writer's, pdf/fonts/), by fontTable element.
_NOTO = {
    "embedRegular": "NotoSans-Regular",
    "embedBold": "NotoSans-Bold",
    "embedItalic": "NotoSans-Italic",
    "embedBoldItalic": "NotoSans-BoldItalic",
}
_NOTO_PANOSE = "020B0502040504020204"


@record
class EmbeddedFace:
    """A shipped face ready for the package: its font key and its obfuscated bytes, deflated."""

    key: str
    member: Deflated


@functools.cache
def embedded(face: str) -> EmbeddedFace:
    """A shipped face as embedded; once per process, and from the cache folder when it is fresh there.

    Deflating the half megabyte of a face is most of a small DOCX's time, and the
    result is always the same, so it is kept (like a .pyc: valid while the font
    file's size and mtime are the ones it was made from).
    """
    source = FONTS_DIR / f"{face}.ttf"
    depends = made_from(source)
    cached = cache_dir() / "fonts" / f"{face}.odttf.deflate"
    entry = read_entry(cached, depends)
    if entry is not None:
        head, data = entry
        return EmbeddedFace(head["key"], Deflated(head["crc"], head["size"], data))
    key, obfuscated_bytes = obfuscated(source.read_bytes())
    made = EmbeddedFace(key, Deflated.of(obfuscated_bytes))
    write_entry(cached, depends, made.member.data, key=key, crc=made.member.crc, size=made.member.size)
    return made


def obfuscated(data: bytes) -> tuple[str, bytes]:
    """The font key and the obfuscated bytes of a font.

    The key is a GUID derived from the font's bytes, so the same font always gives the
    same file. Obfuscation XORs the first 32 bytes with the key's 16 bytes in reverse order.
    """
    # Imported here: only a cache miss needs them, and uuid alone costs a command 1.5 ms.
    import hashlib
    import uuid

    key = "{" + str(uuid.uuid5(uuid.NAMESPACE_OID, hashlib.sha256(data).hexdigest())).upper() + "}"
    mask = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    head = bytes(b ^ mask[i % 16] for i, b in enumerate(data[:32]))
    return key, head + data[32:]


def embed_fonts(package: Package, font: str, italic: bool) -> None:
    """Declare `font` in fontTable.xml, and embed its faces if it is the shipped Noto Sans.

    The italic faces only when the document has emphasis: they are 1 MB of the file.
    """
    table = package.part("word/fontTable.xml")
    root = table.element
    el = sub(root, "w:font", name=font)
    shipped = font.strip().lower() == "noto sans"
    sub(el, "w:panose1", val=_NOTO_PANOSE if shipped else "020B0604020202020204")
    sub(el, "w:charset", val="00")
    sub(el, "w:family", val="swiss")
    sub(el, "w:pitch", val="variable")
    if not shipped:
        return
    settings = package.part("word/settings.xml").element
    zoom = settings.find(qn("w:zoom"))
    flag = etree.Element(qn("w:embedTrueTypeFonts"))
    if zoom is not None:
        zoom.addnext(flag)
    else:
        settings.insert(0, flag)
    for n, (tag, face) in enumerate(_NOTO.items(), 1):
        if "Italic" in tag and not italic:
            continue
        made = embedded(face)
        part = Part(f"word/fonts/font{n}.odttf", FONT_CT, made.member)
        package.add(table, part, FONT_RT)
        rid = table.rels.relate(FONT_RT, f"fonts/font{n}.odttf")
        sub(el, f"w:{tag}", r__id=rid, fontKey=made.key)
