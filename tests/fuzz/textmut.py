"""Mutate POI text (and any bytes): flips, spans, note markers, control characters, bad UTF-8, huge lines."""

from __future__ import annotations

import random
import re
from collections.abc import Callable

Mutation = Callable[[random.Random, bytes], bytes]

MARKERS = (
    b"[footnoteRef:2]",
    b"[footnoteRef:3]",
    b"[footnoteRef:99]",
    b"[endnoteRef:2]",
    b"[footnoteRef:x]",
    b"[footnoteRef:]",
    b"[footnoteRef:-1]",
    b"[footnoteRef:99999999999999999999999]",
    b"[footnoteRef:2",
    b"[footnoteRef:\xd9\xa3]",  # an Arabic-Indic digit: str.isdigit() says yes, int() agrees
    b"[footnoteRef:\xc2\xb2]",  # a superscript two: isdigit() says yes, int() refuses
    b"[2: ",
    b" [2:  body] ",
    b" [3: a\nb\n] ",
    b"[0: ]",
    b"[2:",
    b"]",
    b"[",
    b"]]",
    b"[[footnoteRef:2]]",
    b'!!! End note with ID "3" not found in document.',
    b'!!! End note with ID "x" not found in document.',
    b"\n",
    b"\n\n\n",
    b"\r\n",
    b"\r",
)
CONTROL = (
    *(bytes([c]) for c in (*range(0, 9), 11, 12, *range(14, 32), 127)),
    "\x85".encode(),
    "\u2028".encode(),
    "\u2029".encode(),
    "\ufeff".encode(),
    "\u200b".encode(),
    "\ufffe".encode(),
)
_MARKER_SPOT = re.compile(rb"\[footnoteRef:| \[|\]")
BAD_UTF8 = (
    b"\xff",
    b"\xfe",
    b"\xc3",
    b"\xc0\xaf",
    b"\xed\xa0\x80",
    b"\xf4\x90\x80\x80",
    b"\xe2\x82",
    b"\x80",
)


def _at(rng: random.Random, data: bytes) -> int:
    return rng.randint(0, len(data))


def _span(rng: random.Random, data: bytes) -> tuple[int, int]:
    start = _at(rng, data)
    return start, min(len(data), start + rng.choice((1, 2, 8, 64, 1024)))


def flip_bytes(rng: random.Random, data: bytes) -> bytes:
    """XOR a few bytes with random values."""
    if not data:
        return bytes([rng.randrange(256)])
    out = bytearray(data)
    for _ in range(rng.choice((1, 1, 2, 4, 16))):
        out[rng.randrange(len(out))] ^= rng.randrange(1, 256)
    return bytes(out)


def truncate(rng: random.Random, data: bytes) -> bytes:
    """Cut the input short, anywhere."""
    return data[: rng.randint(0, max(len(data) - 1, 0))]


def insert_span(rng: random.Random, data: bytes) -> bytes:
    """Insert random bytes, or a copy of another span of the input."""
    at = _at(rng, data)
    if rng.random() < 0.5 and data:
        start, end = _span(rng, data)
        chunk = data[start:end]
    else:
        chunk = bytes(rng.randrange(256) for _ in range(rng.choice((1, 4, 32))))
    return data[:at] + chunk + data[at:]


def delete_span(rng: random.Random, data: bytes) -> bytes:
    start, end = _span(rng, data)
    return data[:start] + data[end:]


def duplicate_span(rng: random.Random, data: bytes) -> bytes:
    start, end = _span(rng, data)
    return data[:end] + data[start:end] * rng.choice((1, 2, 100)) + data[end:]


def splice_marker(rng: random.Random, data: bytes) -> bytes:
    """A note marker or a piece of one, where it may or may not make sense."""
    marker = rng.choice(MARKERS)
    if rng.random() < 0.3:  # next to an existing marker, where ids collide
        spots = [m.start() for m in _MARKER_SPOT.finditer(data)]
        if spots:
            at = rng.choice(spots)
            return data[:at] + marker + data[at:]
    at = _at(rng, data)
    return data[:at] + marker + data[at:]


def control_chars(rng: random.Random, data: bytes) -> bytes:
    out = data
    for _ in range(rng.choice((1, 1, 3))):
        at = _at(rng, out)
        out = out[:at] + rng.choice(CONTROL) + out[at:]
    return out


def bad_utf8(rng: random.Random, data: bytes) -> bytes:
    at = _at(rng, data)
    return data[:at] + rng.choice(BAD_UTF8) + data[at:]


def huge_line(rng: random.Random, data: bytes) -> bytes:
    """A line of a million characters: one word, words, markers or note bodies."""
    unit = rng.choice((b"x", b"woord ", b"[footnoteRef:2]", b" [2: x] ", b"[", b"]", b"\xc3\xa9"))
    count = rng.choice((10_000, 100_000, 1_000_000)) // len(unit)
    at = _at(rng, data)
    return data[:at] + b"\n" + unit * count + b"\n" + data[at:]


def many_lines(rng: random.Random, data: bytes) -> bytes:
    line = rng.choice((b"\n", b" \n", b"Kop\n", b"[footnoteRef:2]\n", b" [2: x]\n"))
    at = _at(rng, data)
    return data[:at] + line * rng.choice((1000, 10_000, 50_000)) + data[at:]


def encoding(rng: random.Random, data: bytes) -> bytes:
    """The same text in another encoding, with or without a byte-order mark."""
    text = data.decode("utf-8", "replace")
    codec = rng.choice(("utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1", "utf-8-sig"))
    out = text.encode(codec, "replace")
    return out[: rng.randint(0, len(out))] if rng.random() < 0.2 else out


def replace_all(rng: random.Random, data: bytes) -> bytes:
    """A whole different input: empty, blank, binary, or only markers."""
    return rng.choice(
        (
            b"",
            b" ",
            b"\n\n",
            b"\x00" * 100,
            b"PK\x03\x04" + bytes(50),
            b"[footnoteRef:2]",
            b" [2: ]",
            b"Titel\n[footnoteRef:2] [2: ",
            "\ufeff".encode(),
            b"\xff\xfe",
        )
    )


MUTATIONS: dict[str, Mutation] = {
    "flip-bytes": flip_bytes,
    "truncate": truncate,
    "insert-span": insert_span,
    "delete-span": delete_span,
    "duplicate-span": duplicate_span,
    "splice-marker": splice_marker,
    "splice-marker2": splice_marker,
    "splice-marker3": splice_marker,
    "control-chars": control_chars,
    "bad-utf8": bad_utf8,
    "huge-line": huge_line,
    "many-lines": many_lines,
    "encoding": encoding,
    "replace-all": replace_all,
}
