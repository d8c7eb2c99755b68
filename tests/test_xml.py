"""The canonical XML: round trips, determinism, the schema and hostile XML."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from tests.strategies import briefings, poi_text
from toolkit.errors import BriefingError
from toolkit.model import Briefing, Meta, P, parse, serialise
from toolkit.model.schema import validate
from toolkit.readers.poi_text import read_poi_text


@pytest.fixture
def seed_doc(seed_bytes):  # type: ignore[no-untyped-def]
    return read_poi_text(seed_bytes, "seed.txt")


def test_seed_round_trip_and_stable_bytes(seed_doc):  # type: ignore[no-untyped-def]
    data = serialise(seed_doc)
    assert parse(data) == seed_doc
    assert serialise(parse(data)) == data
    assert validate(data) == []


def test_note_carries_display_number_and_source_id(seed_doc):  # type: ignore[no-untyped-def]
    assert b'<note n="1" source-id="2"><p>Zie vertrouwelijke' in serialise(seed_doc)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(briefings())
def test_generated_documents_round_trip_and_validate(doc: Briefing) -> None:
    data = serialise(doc)
    assert parse(data) == doc
    assert serialise(parse(data)) == data
    assert validate(data) == [], data.decode()


@settings(max_examples=300, deadline=None)
@given(poi_text)
def test_poi_like_text_gives_a_valid_document_or_a_clean_error(text: str) -> None:
    try:
        doc = read_poi_text(("Titel\n" + text).encode("utf-8"), "fuzz.txt", warn=lambda w: None)
    except BriefingError as exc:
        assert str(exc).startswith("fuzz.txt")
        return
    assert validate(serialise(doc)) == []


def problems(xml: str) -> list[str]:
    return [f"{where}: {message}" for where, message in validate(xml.encode(), "f.xml")]


def test_validate_reports_line_and_column():
    xml = serialise(Briefing(Meta("T"), (P(("x",)),))).decode().replace("<p>x</p>", "<p>x<foo/></p>")
    [problem] = problems(xml)
    assert problem.startswith("f.xml:7:")
    assert problem.split(":")[2].strip().isdigit()  # a column
    assert "foo" in problem


def test_malformed_xml_has_line_and_column():
    [problem] = problems('<?xml version="1.0"?>\n<briefing version="1">\n  <meta>\n</briefing>\n')
    assert problem.startswith("f.xml:4:")
    with pytest.raises(BriefingError, match=r"f.xml:4:\d+: malformed XML"):
        parse(b'<?xml version="1.0"?>\n<briefing version="1">\n  <meta>\n</briefing>\n', "f.xml")


def test_unknown_version_is_refused():
    xml = serialise(Briefing(Meta("T"))).replace(b'version="1"', b'version="7"')
    with pytest.raises(BriefingError, match="version 7 is not supported"):
        parse(xml, "f.xml")
    assert "version 7 is not supported" in problems(xml.decode())[0]


def test_entities_are_refused_and_never_resolved(tmp_path):  # type: ignore[no-untyped-def]
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    xml = (
        f'<?xml version="1.0"?>\n<!DOCTYPE briefing [<!ENTITY x SYSTEM "file://{secret}">]>\n'
        '<briefing version="1" xml:lang="nl"><meta><title>&x;</title></meta><body/></briefing>'
    )
    with pytest.raises(BriefingError, match="DOCTYPE") as info:
        parse(xml.encode(), "evil.xml")
    assert "TOP SECRET" not in str(info.value)
    assert "DOCTYPE" in problems(xml)[0]


def test_billion_laughs_is_refused_quickly():
    lol = '<!ENTITY a "lol">' + "".join(
        f'<!ENTITY {c} "&{p};&{p};&{p};&{p};&{p};&{p};&{p};&{p};">'
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    xml = f'<?xml version="1.0"?><!DOCTYPE b [{lol}]><briefing version="1">&i;</briefing>'
    with pytest.raises(BriefingError, match="DOCTYPE"):
        parse(xml.encode(), "lol.xml")


def test_structural_errors_name_the_line():
    xml = serialise(Briefing(Meta("T"), (P(("x",)),))).replace(b"<p>x</p>", b"<para>x</para>")
    with pytest.raises(BriefingError, match=r"f.xml:7: unknown block element <para>"):
        parse(xml, "f.xml")
