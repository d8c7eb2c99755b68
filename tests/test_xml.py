"""The canonical XML: round trips, determinism, the schema and hostile XML."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree

from tests.strategies import briefings, poi_text
from toolkit.errors import BriefingError, BriefingWarning
from toolkit.model import Briefing, Meta, P, parse, serialise
from toolkit.model.schema import relaxng, validate
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


def with_version(version: str) -> bytes:
    return serialise(Briefing(Meta("T"), (P(("x",)),))).replace(
        b'version="1"', f'version="{version}"'.encode()
    )


@pytest.mark.parametrize("version", ["1", "1.0", "1.1"])
def test_the_current_version_is_read_and_valid(version: str) -> None:
    seen: list[BriefingWarning] = []
    assert parse(with_version(version), "f.xml", warn=seen.append) == Briefing(Meta("T"), (P(("x",)),))
    assert seen == []
    assert validate(with_version(version)) == []


@pytest.mark.parametrize("version", ["1.2", "1.12"])
def test_a_newer_minor_version_is_read_with_a_warning_and_valid(version: str) -> None:
    # Minor versions only add: reader and schema both accept them (they disagreed on 1.1).
    seen: list[BriefingWarning] = []
    assert parse(with_version(version), "f.xml", warn=seen.append) == Briefing(Meta("T"), (P(("x",)),))
    assert [str(w.where) for w in seen] == ["f.xml:2"]
    assert f"version {version} is newer" in seen[0].message
    assert validate(with_version(version)) == []


@pytest.mark.parametrize("version", ["2", "2.0", "0.9"])
def test_another_major_version_is_refused_by_reader_and_schema(version: str) -> None:
    with pytest.raises(BriefingError, match=f"version {version} is not supported"):
        parse(with_version(version), "f.xml")
    assert f"version {version} is not supported" in problems(with_version(version).decode())[0]


@pytest.mark.parametrize("version", ["1.", "1.x", "01", "1.01", "1.0.0", " 1", ""])
def test_a_malformed_version_is_refused_by_reader_and_schema(version: str) -> None:
    with pytest.raises(BriefingError, match="is not a version"):
        parse(with_version(version), "f.xml")
    assert "is not a version" in problems(with_version(version).decode())[0]


def test_the_schema_alone_states_the_same_rule() -> None:
    # Tools outside the package use briefing.rng without our reader's checks.
    def schema_ok(version: str) -> bool:
        return bool(relaxng().validate(etree.fromstring(with_version(version))))

    assert [v for v in ("1", "1.0", "1.1", "1.12", "2", "1.", "1.x", "01", "1.01") if schema_ok(v)] == [
        "1",
        "1.0",
        "1.1",
        "1.12",
    ]


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
