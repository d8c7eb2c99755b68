"""Honest PDF metadata: the date of rendering (or SOURCE_DATE_EPOCH's), and XMP that agrees with Info."""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

import pytest
from pypdf import PdfReader

from tests.test_pdf_facts import briefing, render
from toolkit.errors import BriefingError, ExitCode
from toolkit.model import Briefing, Meta, Note, P
from toolkit.writers.pdf.metadata import render_time

EPOCH = "1712059200"  # 2024-04-02 12:00:00 UTC


def info(data: bytes) -> dict[str, str]:
    return {k: str(v) for k, v in (PdfReader(io.BytesIO(data)).metadata or {}).items()}


def xmp(data: bytes) -> str:
    match = re.search(rb"<x:xmpmeta.*?</x:xmpmeta>", data, re.S)
    assert match, "no XMP packet (it is written uncompressed)"
    return match.group().decode("utf-8")


def xmp_field(packet: str, name: str) -> str:
    match = re.search(rf"<{name}>(.*?)</{name}>", packet, re.S)
    assert match, f"no {name} in the XMP packet"
    return re.sub(r"<[^>]+>", "", match.group(1)).strip()


def pdf_date(value: str) -> dt.datetime:
    """A PDF date (D:YYYYMMDDHHmmSS+HH'mm') as an aware datetime."""
    m = re.fullmatch(r"D:(\d{14})([+-])(\d\d)'(\d\d)'", value)
    assert m, value
    offset = dt.timedelta(hours=int(m[3]), minutes=int(m[4])) * (-1 if m[2] == "-" else 1)
    return dt.datetime.strptime(m[1], "%Y%m%d%H%M%S").replace(tzinfo=dt.timezone(offset))


def test_the_creation_date_is_the_time_of_rendering(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    fields = info(render(briefing(P(("tekst",)))))
    after = dt.datetime.now(dt.UTC)
    created = pdf_date(fields["/CreationDate"])
    assert before <= created <= after
    assert fields["/ModDate"] == fields["/CreationDate"]


def test_source_date_epoch_fixes_the_date_and_the_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    doc = briefing(P(("Een", Note((P(("noot",)),)))))
    first, second = render(doc), render(doc)
    assert first == second
    assert info(first)["/CreationDate"] == "D:20240402120000+00'00'"
    assert xmp_field(xmp(first), "xmp:CreateDate") == "2024-04-02T12:00:00+00:00"


def test_without_source_date_epoch_two_renders_differ_only_in_dates_and_id(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    doc = briefing(P(("tekst",)))
    first, second = render(doc), render(doc)
    assert len(first) == len(second)  # same layout; the clock and the file id are fixed-width


@pytest.mark.parametrize("value", ["yesterday", "12.5", "99999999999999999999"])
def test_a_malformed_source_date_epoch_is_refused(value: str) -> None:
    with pytest.raises(BriefingError) as caught:
        render_time({"SOURCE_DATE_EPOCH": value})
    assert caught.value.code == ExitCode.USAGE and "SOURCE_DATE_EPOCH" in caught.value.message


def test_xmp_says_what_info_says(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    doc = briefing(P(("tekst",)), title="Geannoteerde agenda <Raad> & co")
    data = render(doc)
    fields, packet = info(data), xmp(data)
    assert xmp_field(packet, "dc:title") == "Geannoteerde agenda &lt;Raad&gt; &amp; co"
    assert fields["/Title"] == doc.meta.title
    assert xmp_field(packet, "dc:language") == "nl"
    assert xmp_field(packet, "pdf:Producer") == fields["/Producer"]
    assert xmp_field(packet, "xmp:CreatorTool") == fields["/Creator"]
    created = pdf_date(fields["/CreationDate"])
    assert dt.datetime.fromisoformat(xmp_field(packet, "xmp:CreateDate")) == created
    assert dt.datetime.fromisoformat(xmp_field(packet, "xmp:ModifyDate")) == pdf_date(fields["/ModDate"])


def catalog(data: bytes) -> Any:
    return PdfReader(io.BytesIO(data)).trailer["/Root"]


def test_an_english_document_says_so() -> None:
    data = render(Briefing(Meta(title="Briefing"), (P(("text",)),), "en"))
    assert xmp_field(xmp(data), "dc:language") == "en"
    assert catalog(data)["/Lang"] == "en"


def test_the_viewer_shows_the_title() -> None:
    root = catalog(render(briefing(P(("tekst",)))))
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])


def test_the_local_offset_is_written_in_full() -> None:
    from toolkit.writers.pdf.metadata import Stamp

    india = dt.datetime(2024, 4, 2, 17, 30, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30)))
    stamp = Stamp(india)
    assert (stamp.dhh, stamp.dmm) == (5, 30)
    assert stamp.xmp() == "2024-04-02T17:30:00+05:30"
    newfoundland = Stamp(india.astimezone(dt.timezone(-dt.timedelta(hours=3, minutes=30))))
    assert (newfoundland.dhh, newfoundland.dmm) == (-3, 30)
