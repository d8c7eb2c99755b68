"""The package zip writer: the same bytes zipfile writes, and members that come deflated already."""

from __future__ import annotations

import io
import os
import zipfile

import pytest

from toolkit.ooxml.zipwrite import Deflated, zip_bytes

MEMBERS = [
    ("[Content_Types].xml", b"<Types/>" * 40),
    ("word/document.xml", os.urandom(5000)),  # incompressible: deflate makes it longer
    ("word/empty.xml", b""),
    ("docProps/app.xml", b"x" * 100_000),
]


def _zipfile_bytes(members: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data, compresslevel=1)
    return out.getvalue()


def test_the_bytes_are_the_ones_zipfile_writes() -> None:
    assert zip_bytes(MEMBERS, level=1) == _zipfile_bytes(MEMBERS)


def test_a_member_deflated_beforehand_gives_the_same_archive() -> None:
    ready = [(name, Deflated.of(data)) for name, data in MEMBERS]
    assert zip_bytes(ready) == zip_bytes(MEMBERS)


def test_zipfile_reads_every_member_back_and_the_crcs_hold() -> None:
    archive = zip_bytes([(n, Deflated.of(d)) if i % 2 else (n, d) for i, (n, d) in enumerate(MEMBERS)])
    with zipfile.ZipFile(io.BytesIO(archive)) as zf:
        assert zf.testzip() is None
        assert [(i.filename, zf.read(i)) for i in zf.infolist()] == MEMBERS
        assert {i.external_attr >> 16 for i in zf.infolist()} == {0o644}


def test_a_name_outside_ascii_is_refused_rather_than_written_wrong() -> None:
    with pytest.raises(UnicodeEncodeError):
        zip_bytes([("word/ë.xml", b"")])
