"""Mutate a DOCX at the zip level: truncated members, lying headers, duplicate and missing parts, odd compression."""

from __future__ import annotations

import random
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from tests.fuzz import zipraw
from tests.fuzz.zipraw import Entry

IMPORTANT = (
    "word/document.xml",
    "[Content_Types].xml",
    "_rels/.rels",
    "word/_rels/document.xml.rels",
    "word/footnotes.xml",
    "word/styles.xml",
    "word/numbering.xml",
    "docProps/custom.xml",
    "docProps/core.xml",
)


@dataclass
class Archive:
    """The zip being built: its entries and what surrounds them."""

    entries: list[Entry]
    prefix: bytes = b""
    comment: bytes = b""
    eocd: dict[str, int] = field(default_factory=dict)

    def build(self) -> bytes:
        return zipraw.build(self.entries, self.prefix, self.comment, self.eocd)


Mutation = Callable[[random.Random, Archive], None]


def _index(rng: random.Random, archive: Archive) -> int:
    """An entry to mutate, most often one of the parts the reader reads."""
    names = [e.name.decode("utf-8", "replace") for e in archive.entries]
    wanted = [i for i, n in enumerate(names) if n in IMPORTANT]
    pool = wanted if wanted and rng.random() < 0.8 else list(range(len(names)))
    return rng.choice(pool) if pool else -1


def _edit(rng: random.Random, archive: Archive, fn: Callable[[Entry], Entry]) -> None:
    i = _index(rng, archive)
    if i >= 0:
        archive.entries[i] = fn(archive.entries[i])


def truncate_member(rng: random.Random, archive: Archive) -> None:
    """Cut a member's payload short; its headers still give the old sizes and CRC."""
    _edit(rng, archive, lambda e: replace(e, payload=e.payload[: rng.randint(0, max(len(e.payload) - 1, 0))]))


def _odd_size(rng: random.Random, honest: int) -> int:
    return rng.choice(
        (0, 1, honest - 1, honest + 1, honest * 2, honest // 2, 0xFFFFFFFF, 0x7FFFFFFF, 2**26 + 1)
    )


def wrong_sizes(rng: random.Random, archive: Archive) -> None:
    """A compressed or uncompressed size that lies, in the local header, the central one, or both."""

    def lie(e: Entry) -> Entry:
        name = rng.choice(("csize", "usize"))
        value = _odd_size(rng, len(e.payload) if name == "csize" else e.usize)
        for where in rng.choice((("local",), ("central",), ("local", "central"))):
            e = e.with_fields(where, **{name: value})
        return e

    _edit(rng, archive, lie)


def wrong_crc(rng: random.Random, archive: Archive) -> None:
    _edit(rng, archive, lambda e: e.with_fields(rng.choice(("local", "central")), crc=e.crc ^ 1))


def duplicate_member(rng: random.Random, archive: Archive) -> None:
    """The same name twice: the same bytes, or another member's bytes under that name."""
    i = _index(rng, archive)
    if i < 0:
        return
    twin = archive.entries[i]
    if rng.random() < 0.5:
        other = rng.choice(archive.entries)
        twin = replace(other, name=twin.name, local={}, central={})
    archive.entries.insert(rng.randint(0, len(archive.entries)), twin)


def missing_part(rng: random.Random, archive: Archive) -> None:
    i = _index(rng, archive)
    if i >= 0:
        del archive.entries[i]


def odd_compression(rng: random.Random, archive: Archive) -> None:
    """Another compression method, honestly encoded or only claimed."""

    def recode(e: Entry) -> Entry:
        try:
            data = zlib.decompress(e.payload, -15) if e.method == zipraw.DEFLATED else e.payload
        except zlib.error:
            return e
        if rng.random() < 0.6:
            method = rng.choice((zipraw.STORED, zipraw.BZIP2, zipraw.LZMA, zipraw.DEFLATED))
            return replace(zipraw.entry(e.name, data, method, rng.choice((0, 1, 9))), flags=e.flags)
        # A method the payload is not in, or one zipfile does not implement.
        claimed = rng.choice((zipraw.STORED, zipraw.BZIP2, zipraw.LZMA, 1, 6, 9, 19, 93, 95, 98, 99, 0xFFFF))
        return replace(e, method=claimed)

    _edit(rng, archive, recode)


def flags(rng: random.Random, archive: Archive) -> None:
    """General-purpose flags: encrypted, strong encryption, data descriptor, UTF-8 names."""
    bit = rng.choice((0x1, 0x8, 0x40, 0x800, 0x1 | 0x40, 0x2000))
    _edit(rng, archive, lambda e: replace(e, flags=e.flags ^ bit))


ODD_NAMES = (
    "Word/Document.xml",
    "word\\document.xml",
    "/word/document.xml",
    "./word/document.xml",
    "word//document.xml",
    "word/../word/document.xml",
    "../../../etc/passwd",
    "word/document.xml\x00.txt",
    "word/document.xml ",
    "x" * 60_000,
)


def odd_names(rng: random.Random, archive: Archive) -> None:
    """Rename a member, or make its local and central headers name it differently."""

    def rename(e: Entry) -> Entry:
        name = rng.choice(ODD_NAMES).encode("utf-8") if rng.random() < 0.8 else b"word/\xff\xfe.xml"
        if rng.random() < 0.3:
            return e.with_fields(rng.choice(("local", "central")), name=name)
        return replace(e, name=name)

    _edit(rng, archive, rename)


def offsets(rng: random.Random, archive: Archive) -> None:
    """A central directory that points at the wrong place, or an end record with wrong counts."""
    if rng.random() < 0.5 and archive.entries:
        i = _index(rng, archive)
        archive.entries[i] = archive.entries[i].with_fields(
            "central", offset=rng.choice((0, 1, 0xFFFFFFFF, rng.randint(0, 20_000)))
        )
    else:
        key = rng.choice(("count", "total", "size", "offset", "disk", "cd_disk"))
        archive.eocd[key] = rng.choice((0, 1, 0xFFFF, 0xFFFFFFFF, rng.randint(0, 20_000)))


def surroundings(rng: random.Random, archive: Archive) -> None:
    """Bytes before the first entry (a self-extractor) or a comment after the end record."""
    junk = rng.choice((b"MZ" + bytes(100), b"PK\x05\x06" + bytes(18), b"PK\x03\x04", bytes(70_000)))
    if rng.random() < 0.5:
        archive.prefix = junk
    else:
        archive.comment = junk[:65_535]


def bomb(rng: random.Random, archive: Archive) -> None:
    """A member that unpacks to far more than it claims, or that claims far more than it holds."""
    if rng.random() < 0.5:
        zeros = bytes(rng.choice((2, 8)) * 2**20)
        e = zipraw.entry(rng.choice(IMPORTANT), zeros, zipraw.DEFLATED, 9)
        if rng.random() < 0.5:  # and declare it small
            e = e.with_fields("central", usize=100).with_fields("local", usize=100)
        archive.entries.insert(rng.randint(0, len(archive.entries)), e)
    else:
        _edit(
            rng, archive, lambda e: e.with_fields("central", usize=rng.choice((2**26 + 1, 2**31, 2**32 - 1)))
        )


def zip64_extra(rng: random.Random, archive: Archive) -> None:
    """A ZIP64 extra field, well formed or not, with the sizes moved into it."""

    def extra(e: Entry) -> Entry:
        body = rng.choice(
            (b"", bytes(8), (e.usize).to_bytes(8, "little") + len(e.payload).to_bytes(8, "little"))
        )
        field_ = b"\x01\x00" + len(body).to_bytes(2, "little") + body
        if rng.random() < 0.3:
            field_ = field_[:-1]
        where = rng.choice(("local", "central"))
        return e.with_fields(where, extra=field_, csize=0xFFFFFFFF, usize=0xFFFFFFFF)

    _edit(rng, archive, extra)


def many_entries(rng: random.Random, archive: Archive) -> None:
    count = rng.choice((100, 10_001))
    archive.entries += [zipraw.entry(f"junk/{i}.xml", b"", zipraw.STORED) for i in range(count)]


MUTATIONS: dict[str, Mutation] = {
    "truncate-member": truncate_member,
    "wrong-sizes": wrong_sizes,
    "wrong-sizes2": wrong_sizes,
    "wrong-crc": wrong_crc,
    "duplicate-member": duplicate_member,
    "missing-part": missing_part,
    "odd-compression": odd_compression,
    "flags": flags,
    "odd-names": odd_names,
    "offsets": offsets,
    "surroundings": surroundings,
    "bomb": bomb,
    "zip64-extra": zip64_extra,
    "many-entries": many_entries,
}
