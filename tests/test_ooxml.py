"""The shared OOXML layer: Clark names, part names, and the custom-properties encode/decode pair."""

from __future__ import annotations

import ast
from pathlib import Path

from lxml import etree

from toolkit.model import Meta, Source, Translation
from toolkit.ooxml import custom_props
from toolkit.ooxml.ns import local_name, nsmap, nspfxmap, qn
from toolkit.ooxml.parts import RT, rels_name

ROOT = Path(__file__).parent.parent


def test_qn_and_local_name_are_inverse() -> None:
    assert qn("w:p") == f"{{{nsmap['w']}}}p"
    assert local_name(qn("mc:Choice")) == "Choice"
    assert local_name(etree.Comment("x").tag) == ""
    assert nspfxmap("w", "r") == {"w": nsmap["w"], "r": nsmap["r"]}


def test_rels_names_follow_opc() -> None:
    assert rels_name("word/document.xml") == "word/_rels/document.xml.rels"
    assert rels_name("") == "_rels/.rels"
    assert RT.STYLES.endswith("/styles") and RT.CORE_PROPERTIES.startswith(nsmap["pr"])


def test_custom_properties_round_trip_through_the_part() -> None:
    meta = Meta(
        "Titel",
        date="2024-05-01",
        kind="kamerbrief",
        refs=("2024Z01234", "€"),
        source=Source("text", "seed.txt", "ab" * 32),
        translation=Translation("nl", "argos", "nl_en", "1.9"),
    )
    props = custom_props.encode(meta, {"footnote:3": None, "endnote:1": "x"}, "d" * 64)
    assert list(props)[-1] == custom_props.CONTENT_SHA256
    root = etree.fromstring(etree.tostring(custom_props.to_xml(props)))
    assert custom_props.from_xml(root) == props
    got = custom_props.decode(custom_props.from_xml(root))
    assert (got.date, got.kind, got.refs, got.translation) == (
        meta.date,
        meta.kind,
        meta.refs,
        meta.translation,
    )
    assert (got.has_source, got.source) == (True, meta.source)
    assert got.note_ids == {"footnote:3": None, "endnote:1": "x"}
    assert got.content_sha256 == "d" * 64


def test_a_recorded_absence_of_source_is_kept_apart_from_no_record() -> None:
    props = custom_props.encode(Meta("Titel"), {}, "0" * 64)
    assert props[custom_props.SOURCE] == "null"
    assert (custom_props.decode(props).has_source, custom_props.decode(props).source) == (True, None)
    assert custom_props.decode({}) == custom_props.Recorded()


def test_values_that_do_not_decode_are_left_out() -> None:
    bad = {name: "{not json" for name in (custom_props.REFS, custom_props.SOURCE, custom_props.NOTE_IDS)}
    assert custom_props.decode({**bad, custom_props.TRANSLATION: "[1]"}) == custom_props.Recorded()
    assert custom_props.from_xml(None) == {}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_the_body_writer_does_not_import_the_notes_writer() -> None:
    # notes.py builds on body.py; body.py knows the notes only by a Protocol.
    assert "toolkit.writers.docx.notes" not in _imports(ROOT / "toolkit/writers/docx/body.py")
    assert "toolkit.writers.docx.body" in _imports(ROOT / "toolkit/writers/docx/notes.py")
