"""Parsed house styles kept in the cache folder: used when the text is the same, parsed again otherwise."""

from __future__ import annotations

import json
import marshal
import os
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from toolkit import style as style_module
from toolkit.errors import BriefingError
from toolkit.style import load_style


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    style_module._load_file.cache_clear()  # the in-process cache would hide the folder
    yield tmp_path / "cache" / "styles"
    style_module._load_file.cache_clear()


def _house(tmp_path: Path, size: str) -> Path:
    path = tmp_path / "house.toml"
    path.write_text(f"[body]\nsize_pt = {size}\n", encoding="utf-8")
    return path


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    import tomllib

    def refuse(text: str) -> object:
        raise AssertionError("parsed again a style the cache holds")

    monkeypatch.setattr(tomllib, "loads", refuse)


def test_a_cached_style_is_the_parsed_style_and_is_not_parsed_again(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = load_style()
    assert len(list(cache.iterdir())) == 1
    style_module._load_file.cache_clear()
    _no_parsing(monkeypatch)
    assert load_style() == parsed


def test_an_edited_style_is_read_anew_even_at_the_same_size_and_time(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _house(tmp_path, "11.5")
    assert load_style(path).body.size_pt == 11.5
    stamp = path.stat()
    path.write_text("[body]\nsize_pt = 12.5\n", encoding="utf-8")  # same size
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))  # and the same time
    style_module._load_file.cache_clear()
    assert load_style(path).body.size_pt == 12.5


def test_an_edit_that_breaks_the_toml_is_an_error_though_the_old_text_is_cached(
    cache: Path, tmp_path: Path
) -> None:
    path = _house(tmp_path, "11.5")
    load_style(path)
    path.write_text("[body]\nsize_pt = = 3\n", encoding="utf-8")
    style_module._load_file.cache_clear()
    with pytest.raises(BriefingError, match="malformed TOML") as caught:
        load_style(path)
    assert caught.value.where.line == 2


@pytest.mark.parametrize("garbage", [b"", b"not a header\n", b'{"made_from": 1}\n\x00\x01'])
def test_a_damaged_entry_is_parsed_again(cache: Path, garbage: bytes) -> None:
    parsed = load_style()
    (entry,) = cache.iterdir()
    entry.write_bytes(garbage)
    style_module._load_file.cache_clear()
    assert load_style() == parsed
    assert entry.read_bytes() != garbage  # and kept again


def test_an_entry_whose_bytes_are_not_a_table_is_parsed_again(cache: Path) -> None:
    parsed = load_style()
    (entry,) = cache.iterdir()
    head, _ = entry.read_bytes().split(b"\n", 1)
    other = marshal.dumps(["a", "list"])  # whole, by its CRC, but not what a style parses to
    header = {**json.loads(head), "stored_crc": zlib.crc32(other)}
    entry.write_bytes(json.dumps(header).encode() + b"\n" + other)
    style_module._load_file.cache_clear()
    assert load_style() == parsed


def test_a_cache_folder_that_cannot_be_made_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(blocker))
    style_module._load_file.cache_clear()
    try:
        assert load_style().page.size == "A4"
    finally:
        style_module._load_file.cache_clear()
