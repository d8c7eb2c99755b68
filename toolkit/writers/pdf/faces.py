"""reportlab's parsed TrueType faces, kept in the cache folder: a face parses in about 10 ms and loads in 1.

reportlab reads a face's tables (character map, widths, glyph offsets) into plain
attributes of its `TTFont` and `TTFontFace` objects. They are stored once per font
file and reportlab version, and restored into new objects of the same classes, so
every later use (widths, subsetting, embedding) is reportlab's own code on the same
values. Only two attributes are not data: the per-document state (empty until a
document is written) and `_pdfScale`, the font-unit scaling function, which is made
again from `unitsPerEm` as reportlab makes it.
"""

from __future__ import annotations

import io
import pickle
from pathlib import Path
from weakref import WeakKeyDictionary

import reportlab
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

from toolkit.cachedir import entry_for, made_from, read_entry, write_entry

_FORMAT = "1"  # bump when what is stored changes
_NOT_DATA = ("state", "_pdfScale")


def load_font(name: str, path: Path) -> TTFont:
    """reportlab's TTFont named `name` for the TrueType file `path`, from the cache when it is fresh."""
    depends = made_from(path, reportlab.Version, _FORMAT)
    cached = entry_for("pdf-faces", path, ".pickle")
    entry = read_entry(cached, depends)
    if entry is not None:
        font = _restore(entry[1], name)
        if font is not None:
            return font
    font = TTFont(name, str(path))
    write_entry(cached, depends, _store(font))
    return font


def _store(font: TTFont) -> bytes:
    fields = {k: v for k, v in vars(font).items() if k not in _NOT_DATA}
    face = {k: v for k, v in vars(font.face).items() if k not in _NOT_DATA}
    fields["face"] = face
    return pickle.dumps(fields, protocol=pickle.HIGHEST_PROTOCOL)


def _restore(data: bytes, name: str) -> TTFont | None:
    try:
        fields = _Unpickler(io.BytesIO(data)).load()
        face = TTFontFace.__new__(TTFontFace)
        vars(face).update(fields.pop("face"))
        face._pdfScale = _scale(face.unitsPerEm)  # type: ignore[attr-defined]
        font = TTFont.__new__(TTFont)
        vars(font).update(fields, face=face, fontName=name, state=WeakKeyDictionary())
    except (
        pickle.UnpicklingError,
        ValueError,
        TypeError,
        KeyError,
        AttributeError,
        EOFError,
        ZeroDivisionError,
    ):
        return None
    return font


def _scale(units_per_em: int) -> object:
    """Font units to PDF glyph space (1000 per em), as `TTFontFile.extractInfo` makes it."""
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor


# The only classes an entry may name: reportlab's two value classes among a face's attributes.
_ALLOWED: dict[tuple[str, str], type] = {
    ("reportlab.pdfbase.ttfonts", "TTFNameBytes"): TTFNameBytes,
    ("reportlab.pdfbase.ttfonts", "TTEncoding"): TTEncoding,
}


class _Unpickler(pickle.Unpickler):
    """Plain data and the allowed classes only: a cache entry can construct nothing else."""

    def find_class(self, module: str, name: str) -> type:
        try:
            return _ALLOWED[module, name]
        except KeyError:
            raise pickle.UnpicklingError(f"{module}.{name} is not cached data") from None
