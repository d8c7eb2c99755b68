"""reportlab's parsed faces kept in the cache folder: a restored face is the parsed face, and a bad entry is a miss."""

from __future__ import annotations

import io
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFontFile

from toolkit.fonts import FONTS_DIR
from toolkit.writers.pdf import faces

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_22ad20a819696709.txt"
REGULAR = FONTS_DIR / "NotoSans-Regular.ttf"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path))
    faces.load_font("NotoSans-Regular", REGULAR)  # a miss: parsed, then stored
    [entry] = (tmp_path / "pdf-faces").glob("NotoSans-Regular-*.pickle")
    return entry


def _data(obj: object) -> dict[str, object]:
    """An object's attributes that are values: not the functions, the per-document state or the parts."""
    return {k: v for k, v in vars(obj).items() if not callable(v) and k not in ("state", "face", "encoding")}


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: TTFontFile, charInfo: int = 1) -> None:
        raise AssertionError("parsed a face the cache holds")

    monkeypatch.setattr(TTFontFile, "extractInfo", refuse)


@pytest.mark.parametrize("face", sorted(p.stem for p in FONTS_DIR.glob("*.ttf")))
def test_a_restored_face_is_the_parsed_face(face: str, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = FONTS_DIR / f"{face}.ttf"
    parsed = faces.load_font(face, path)  # a miss: parsed, then stored
    _no_parsing(monkeypatch)
    restored = faces.load_font(face, path)
    assert _data(restored) == _data(parsed) and _data(restored.face) == _data(parsed.face)
    assert set(vars(restored.face)) == set(vars(parsed.face)) and set(vars(restored)) == set(vars(parsed))
    assert [restored.face._pdfScale(v) for v in (0, 1, 1069)] == [
        parsed.face._pdfScale(v) for v in (0, 1, 1069)
    ]
    assert restored.stringWidth("Kamerbrief over €-noten", 10) == parsed.stringWidth(
        "Kamerbrief over €-noten", 10
    )


def test_the_seed_pdf_is_the_same_from_a_fresh_cache_and_a_filled_one(tmp_path: Path) -> None:
    env = {**os.environ, "BRIEFING_CACHE_DIR": str(tmp_path / "cache"), "SOURCE_DATE_EPOCH": "1712102400"}
    made = []
    for run in ("miss", "hit"):
        out = tmp_path / f"{run}.pdf"
        command = [sys.executable, "-m", "toolkit", "convert", str(SEED), "-o", str(out)]
        subprocess.run(command, env=env, check=True, capture_output=True)
        made.append(out.read_bytes())
    assert sorted(p.name.split("-")[1] for p in (tmp_path / "cache" / "pdf-faces").iterdir()) == [
        "Bold",
        "Regular",
    ]
    assert made[0] == made[1]


def _rewrite(entry: Path, data: bytes, **changes: object) -> None:
    """Replace an entry's bytes (with a matching CRC, so that only the content is wrong) or header fields."""
    import zlib

    head = json.loads(entry.read_bytes().partition(b"\n")[0])
    head.update(changes, stored_crc=zlib.crc32(data))
    entry.write_bytes(json.dumps(head).encode() + b"\n" + data)


def test_an_entry_that_names_any_other_class_or_function_is_a_miss(cache: Path) -> None:
    # A whole, valid entry, plus one field naming a function: the restricted reader refuses it all.
    fields = pickle.loads(cache.read_bytes().partition(b"\n")[2])
    assert faces._restore(pickle.dumps(fields), "x") is not None  # without the extra field: a hit
    fields["run"] = os.system
    tampered = pickle.dumps(fields)
    with pytest.raises(pickle.UnpicklingError, match=r"posix\.system is not cached data"):
        faces._Unpickler(io.BytesIO(tampered)).load()
    assert faces._restore(tampered, "x") is None
    _rewrite(cache, tampered)
    font = faces.load_font("NotoSans-Regular", REGULAR)
    assert font.face.unitsPerEm == 1000 and not hasattr(font, "run")


@pytest.mark.parametrize("garbage", [b"", b"\x80\x05not a pickle", pickle.dumps([1, 2])])
def test_a_damaged_entry_is_parsed_again(cache: Path, garbage: bytes) -> None:
    faces.load_font("NotoSans-Regular", REGULAR)
    _rewrite(cache, garbage)
    assert len(faces.load_font("NotoSans-Regular", REGULAR).face.charToGlyph) > 2000


def test_an_entry_made_with_another_reportlab_is_not_used(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    faces.load_font("NotoSans-Regular", REGULAR)
    head = json.loads(cache.read_bytes().partition(b"\n")[0])
    _rewrite(cache, cache.read_bytes().partition(b"\n")[2], made_from=[*head["made_from"][:2], "3.0", "1"])
    _no_parsing(monkeypatch)
    with pytest.raises(AssertionError, match="parsed a face"):
        faces.load_font("NotoSans-Regular", REGULAR)
