"""The deflated fonts kept in the cache folder: used when fresh, remade when stale or damaged."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import toolkit
from toolkit.style import load_style
from toolkit.writers.docx import fonts, write_docx

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_22ad20a819696709.txt"
FACES = ["NotoSans-Bold.odttf.deflate", "NotoSans-Regular.odttf.deflate"]  # the seed has no emphasis


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path))
    fonts.embedded.cache_clear()  # the in-process cache would hide the folder
    yield tmp_path / "fonts"
    fonts.embedded.cache_clear()


def _docx() -> bytes:
    return write_docx(toolkit.read(SEED), load_style())


def _no_deflating(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(data: bytes) -> tuple[str, bytes]:
        raise AssertionError("made again (obfuscated and deflated) a face the cache holds")

    monkeypatch.setattr(fonts, "obfuscated", refuse)


def test_a_fresh_cache_gives_the_same_docx_without_deflating(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = _docx()
    assert sorted(p.name for p in cache.iterdir()) == FACES
    fonts.embedded.cache_clear()
    _no_deflating(monkeypatch)
    assert _docx() == made


def test_a_damaged_cache_file_is_remade_and_the_docx_is_unchanged(cache: Path) -> None:
    made = _docx()
    damaged = cache / FACES[1]
    data = bytearray(damaged.read_bytes())
    data[-100] ^= 0xFF
    damaged.write_bytes(bytes(data))
    fonts.embedded.cache_clear()
    assert _docx() == made
    assert damaged.read_bytes() != bytes(data)  # rewritten whole


@pytest.mark.parametrize("garbage", [b"", b"not json\n", b'{"made_from": 1}\n'])
def test_an_unreadable_cache_header_only_costs_the_deflating(cache: Path, garbage: bytes) -> None:
    made = _docx()
    (cache / FACES[0]).write_bytes(garbage)
    fonts.embedded.cache_clear()
    assert _docx() == made


def test_a_cache_made_from_another_font_file_is_not_used(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = _docx()
    path = cache / FACES[1]
    head, _, data = path.read_bytes().partition(b"\n")
    fields = json.loads(head)
    fields["made_from"][1] += 1  # another mtime: the font was reinstalled or changed
    path.write_bytes(json.dumps(fields).encode() + b"\n" + data)
    fonts.embedded.cache_clear()
    _no_deflating(monkeypatch)
    with pytest.raises(AssertionError, match="made again"):
        _docx()
    monkeypatch.undo()
    assert _docx() == made


def test_a_cache_folder_that_cannot_be_made_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would go")
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(blocker))
    fonts.embedded.cache_clear()
    try:
        assert _docx()[:2] == b"PK"
    finally:
        fonts.embedded.cache_clear()
