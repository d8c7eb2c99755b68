"""A zip writer that lets every header field lie, for archives `zipfile` would never write.

An archive is a list of `Entry`s. Each entry's payload is stored as given;
`local` and `central` override fields of its local or central header by name
(`crc`, `csize`, `usize`, `method`, `flags`, `name`, `offset`, ...), so a
mutator can make the two headers disagree with each other and with the data.
"""

from __future__ import annotations

import bz2
import io
import struct
import zipfile
import zlib
from dataclasses import dataclass, field, replace

STORED, DEFLATED, BZIP2, LZMA = 0, 8, 12, 14


@dataclass(frozen=True)
class Entry:
    """One member: its name, its payload as stored, and header fields that lie."""

    name: bytes
    payload: bytes
    method: int
    crc: int
    usize: int
    flags: int = 0
    local: dict[str, int | bytes] = field(default_factory=dict)
    central: dict[str, int | bytes] = field(default_factory=dict)

    def with_fields(self, where: str, **fields: int | bytes) -> Entry:
        """This entry with fields of its `where` ("local" or "central") header overridden."""
        if where == "local":
            return replace(self, local={**self.local, **fields})
        return replace(self, central={**self.central, **fields})


def compress(data: bytes, method: int, level: int = 6) -> bytes:
    """`data` as a zip member's payload for `method`."""
    if method == DEFLATED:
        packer = zlib.compressobj(level, zlib.DEFLATED, -15)
        return packer.compress(data) + packer.flush()
    if method == BZIP2:
        return bz2.compress(data)
    if method == LZMA:
        # zipfile's LZMA members start with a version and the filter properties;
        # raw xz bytes are what a careless writer would store instead.
        import lzma

        return lzma.compress(data)
    return data


def entry(name: str | bytes, data: bytes, method: int = DEFLATED, level: int = 6) -> Entry:
    """An honest entry for `data`."""
    raw_name = name.encode() if isinstance(name, str) else name
    return Entry(raw_name, compress(data, method, level), method, zlib.crc32(data), len(data))


def entries_of(archive: bytes) -> list[Entry]:
    """The members of a well-formed archive, re-encoded as honest deflated entries."""
    with zipfile.ZipFile(io.BytesIO(archive)) as zf:
        return [entry(info.filename, zf.read(info)) for info in zf.infolist()]


def build(
    entries: list[Entry], prefix: bytes = b"", comment: bytes = b"", eocd: dict[str, int] | None = None
) -> bytes:
    """The archive bytes: local headers and payloads, the central directory, the end record."""
    out = bytearray(prefix)
    central = bytearray()
    for e in entries:
        offset = len(out)
        f: dict[str, int | bytes] = {
            "version": 20,
            "flags": e.flags,
            "method": e.method,
            "time": 0,
            "date": 0x21,  # 1980-01-01
            "crc": e.crc,
            "csize": len(e.payload),
            "usize": e.usize,
            "name": e.name,
            "extra": b"",
        }
        loc = {**f, **e.local}
        name, extra = _b(loc["name"]), _b(loc["extra"])
        out += struct.pack(
            "<IHHHHHIIIHH",
            0x04034B50,
            *(_u16(loc[k]) for k in ("version", "flags", "method", "time", "date")),
            *(_u32(loc[k]) for k in ("crc", "csize", "usize")),
            len(name),
            len(extra),
        )
        out += name + extra + e.payload
        cen: dict[str, int | bytes] = {**f, "offset": offset, "comment": b"", "external": 0, **e.central}
        name, extra, note = _b(cen["name"]), _b(cen["extra"]), _b(cen["comment"])
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            *(_u16(cen[k]) for k in ("version", "flags", "method", "time", "date")),
            *(_u32(cen[k]) for k in ("crc", "csize", "usize")),
            len(name),
            len(extra),
            len(note),
            0,
            0,
            _u32(cen["external"]),
            _u32(cen["offset"]),
        )
        central += name + extra + note
    end: dict[str, int | bytes] = {"disk": 0, "cd_disk": 0, "count": len(entries), "total": len(entries)}
    end |= {"size": len(central), "offset": len(out), **(eocd or {})}
    out += central
    out += struct.pack(
        "<IHHHHIIH",
        0x06054B50,
        *(_u16(end[k]) for k in ("disk", "cd_disk", "count", "total")),
        _u32(end["size"]),
        _u32(end["offset"]),
        len(comment),
    )
    return bytes(out + comment)


def _b(value: int | bytes) -> bytes:
    return value if isinstance(value, bytes) else str(value).encode()


def _u16(value: int | bytes) -> int:
    return (value if isinstance(value, int) else int.from_bytes(value[:2], "little")) & 0xFFFF


def _u32(value: int | bytes) -> int:
    return (value if isinstance(value, int) else int.from_bytes(value[:4], "little")) & 0xFFFFFFFF
