"""A ZIP writer for OPC packages whose members may arrive deflated already.

`zipfile` can only write a member by compressing it. The DOCX writer embeds two
to four fonts of half a megabyte each, always the same bytes: deflating them
again in every process cost 14 ms of a 50 ms command. This writer takes a
member either as plain bytes (deflated here, as `zipfile` would) or as a
`Deflated` stream made once and cached. The bytes written are the ones
`zipfile.ZipFile.writestr` writes for the same members (the tests compare them):
no data descriptors, no extra fields, no zip64, a fixed date and mode.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable

from toolkit.record import record

# DOS date and time of 1980-01-01 00:00:00, the earliest a zip entry can hold:
# any fixed date makes output reproducible.
_DOS_TIME = 0
_DOS_DATE = (0 << 9) | (1 << 5) | 1
_VERSION = 20  # 2.0: deflate; what zipfile writes for a member without zip64
_MADE_BY = (3 << 8) | _VERSION  # host system 3 (Unix), so the mode below means what it says
_MODE = 0o644 << 16  # rw-r--r--: unzip on Unix makes files readable, not executable
_DEFLATE = 8
_LIMIT = 0xFFFFFFFF  # beyond this a member would need zip64: a DOCX never comes close

_LOCAL = struct.Struct("<4s5H3L2H")
_CENTRAL = struct.Struct("<4s6H3L5H2L")
_END = struct.Struct("<4s4H2LH")


@record
class Deflated:
    """A member's data as raw deflate, with the CRC-32 and size of the bytes it holds."""

    crc: int
    size: int
    data: bytes

    @classmethod
    def of(cls, raw: bytes, level: int = 1) -> Deflated:
        """Deflate `raw` as zipfile does (raw stream, no zlib header)."""
        packer = zlib.compressobj(level, zlib.DEFLATED, -15)
        return cls(zlib.crc32(raw), len(raw), packer.compress(raw) + packer.flush())


def zip_bytes(members: Iterable[tuple[str, bytes | Deflated]], level: int = 1) -> bytes:
    """A ZIP archive of `members` (name, data), in that order; plain data is deflated at `level`."""
    chunks: list[bytes] = []  # joined once at the end: the fonts are not copied twice
    central = bytearray()
    offset = count = 0
    for name, data in members:
        member = data if isinstance(data, Deflated) else Deflated.of(data, level)
        encoded = name.encode("ascii")  # OPC part names are ASCII; non-ASCII would need flag bit 11
        if max(offset, member.size, len(member.data)) > _LIMIT:
            raise ValueError(f"{name}: a zip member this large needs zip64, which this writer does not write")
        fields = (_DEFLATE, _DOS_TIME, _DOS_DATE, member.crc, len(member.data), member.size, len(encoded))
        chunks += [_LOCAL.pack(b"PK\x03\x04", _VERSION, 0, *fields, 0), encoded, member.data]
        central += _CENTRAL.pack(b"PK\x01\x02", _MADE_BY, _VERSION, 0, *fields, 0, 0, 0, 0, _MODE, offset)
        central += encoded
        offset += _LOCAL.size + len(encoded) + len(member.data)
        count += 1
    chunks += [bytes(central), _END.pack(b"PK\x05\x06", 0, 0, count, count, len(central), offset, 0)]
    return b"".join(chunks)
