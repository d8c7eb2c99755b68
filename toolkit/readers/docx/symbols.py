"""Word's `w:sym` characters as Unicode: the Symbol font's letters and signs; other symbol fonts are named.

Word stores a character inserted from a symbol font as the font and a code in
U+F020-U+F0FF (private use, 0xF000 + the font's own byte). The Symbol font has
a standard encoding (Adobe's), so its Greek letters and mathematical signs map
to real characters. Wingdings, Webdings and the like have no such mapping the
reader can trust: their code is kept, and the reader says so.
"""

from __future__ import annotations

_GREEK = "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ"  # the Symbol font's A-Z, in its own order
# Adobe's Unicode mapping of the Symbol font (symbol.txt), where it names a real character: not the
# pieces of large brackets (0xE6-0xFE) or the radical extender (0x60), which it gives private codes.
_SIGNS = {
    0x22: "∀", 0x24: "∃", 0x27: "∋", 0x2A: "∗", 0x2D: "−", 0x40: "≅", 0x5C: "∴", 0x5E: "⊥",
    0x7E: "∼", 0xA0: "€",  # the euro: Windows' Symbol font, not Adobe's
    0xA1: "ϒ", 0xA2: "′", 0xA3: "≤", 0xA4: "⁄", 0xA5: "∞", 0xA6: "ƒ", 0xA7: "♣", 0xA8: "♦",
    0xA9: "♥", 0xAA: "♠", 0xAB: "↔", 0xAC: "←", 0xAD: "↑", 0xAE: "→", 0xAF: "↓",
    0xB0: "°", 0xB1: "±", 0xB2: "″", 0xB3: "≥", 0xB4: "×", 0xB5: "∝", 0xB6: "∂", 0xB7: "•",
    0xB8: "÷", 0xB9: "≠", 0xBA: "≡", 0xBB: "≈", 0xBC: "…", 0xBF: "↵",
    0xC0: "ℵ", 0xC1: "ℑ", 0xC2: "ℜ", 0xC3: "℘", 0xC4: "⊗", 0xC5: "⊕", 0xC6: "∅", 0xC7: "∩",
    0xC8: "∪", 0xC9: "⊃", 0xCA: "⊇", 0xCB: "⊄", 0xCC: "⊂", 0xCD: "⊆", 0xCE: "∈", 0xCF: "∉",
    0xD0: "∠", 0xD1: "∇", 0xD2: "®", 0xD3: "©", 0xD4: "™", 0xD5: "∏", 0xD6: "√", 0xD7: "⋅",
    0xD8: "¬", 0xD9: "∧", 0xDA: "∨", 0xDB: "⇔", 0xDC: "⇐", 0xDD: "⇑", 0xDE: "⇒", 0xDF: "⇓",
    0xE0: "◊", 0xE1: "\u2329", 0xE2: "®", 0xE3: "©", 0xE4: "™", 0xE5: "∑", 0xF1: "\u232a", 0xF2: "∫",
}  # fmt: skip
_ASCII = {0x5B, 0x5D, 0x5F, 0x7B, 0x7C, 0x7D}  # [ ] _ { | }
SYMBOL = {
    **{0x41 + i: c for i, c in enumerate(_GREEK)},
    **{0x61 + i: c for i, c in enumerate("αβχδεφγηιϕκλμνοπθρστυϖωξψζ")},
    **_SIGNS,
}


def sym_text(font: str, code: int) -> tuple[str, bool]:
    """The text of a `w:sym`, and whether it is a real character (False: a symbol font's private code)."""
    byte = code - 0xF000 if 0xF000 <= code <= 0xF0FF else code
    if font.strip().lower() == "symbol" and byte <= 0xFF:
        if byte in SYMBOL:
            return SYMBOL[byte], True
        if 0x20 <= byte <= 0x3F or byte in _ASCII:
            return chr(byte), True  # digits and most punctuation are ASCII's
    return chr(code & 0xFFFF), not 0xE000 <= code <= 0xF8FF
