"""Decoding text files: encodings, byte-order marks, control characters and binaries."""

from __future__ import annotations

import pytest

from toolkit.errors import BriefingError, BriefingWarning
from toolkit.readers.textdecode import decode_text

TEXT = "Titel\nDe NAVO-top in Washington, één dag later.\n"


def decode(data: bytes) -> tuple[str, list[BriefingWarning]]:
    warnings: list[BriefingWarning] = []
    return decode_text(data, "in.txt", warnings.append), warnings


def refusal(data: bytes) -> str:
    with pytest.raises(BriefingError) as info:
        decode(data)
    return str(info.value)


def test_utf8_with_and_without_bom_and_newlines_normalised() -> None:
    assert decode(TEXT.encode()) == (TEXT, [])
    assert decode(b"\xef\xbb\xbf" + TEXT.encode()) == (TEXT, [])
    assert decode(TEXT.replace("\n", "\r\n").encode())[0] == TEXT
    assert decode(b"a\rb")[0] == "a\nb"


def test_windows_1252_is_decoded_with_a_warning() -> None:
    text, warnings = decode("Titel\nOekraïne\n".encode("cp1252"))
    assert text == "Titel\nOekraïne\n"
    assert [w.where.line for w in warnings] == [2]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_bom_are_read(codec: str) -> None:
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(codec, b"")
    data = bom + TEXT.replace("\n", "\r\n").encode(codec)
    assert decode(data) == (TEXT, [])


@pytest.mark.parametrize(("codec", "name"), [("utf-16-le", "UTF-16 LE"), ("utf-16-be", "UTF-16 BE")])
def test_utf16_without_a_bom_is_refused_naming_the_encoding(codec: str, name: str) -> None:
    message = refusal(TEXT.encode(codec))
    assert name in message
    assert "binary" not in message
    assert "UTF-8" in message  # the hint says what to save it as


def test_broken_utf16_is_refused_cleanly() -> None:
    assert "not valid UTF-16" in refusal(b"\xff\xfe" + "ab".encode("utf-16-le") + b"\x00\xd8")


def test_form_feed_and_vertical_tab_are_kept_for_the_reader() -> None:
    assert decode(b"een\fpagina\vregel\tkolom\n") == ("een\fpagina\vregel\tkolom\n", [])


def test_other_controls_are_dropped_with_one_warning_per_line() -> None:
    text, warnings = decode(b"Titel\nEen \x1b[1mvet\x1b[0m woord\x01\nnog \x7f en \xc2\x85 hier\n")
    assert text == "Titel\nEen [1mvet[0m woord\nnog  en  hier\n"
    assert [(w.where.line, w.where.column) for w in warnings] == [(2, 5), (3, 5)]
    assert "3 control characters" in warnings[0].message and "U+001B" in warnings[0].message
    assert "U+007F" in warnings[1].message


def test_a_nul_in_otherwise_good_utf16_text_is_dropped() -> None:
    text, warnings = decode(b"\xff\xfe" + "a\x00b\n".encode("utf-16-le"))
    assert text == "ab\n"
    assert len(warnings) == 1


def test_noncharacters_are_dropped() -> None:
    text, warnings = decode("a\ufffeb\uffffc".encode())
    assert text == "abc"
    assert len(warnings) == 1


def test_a_file_full_of_controls_gives_few_warnings() -> None:
    line = "woorden " * 50 + "\x1b"
    text, warnings = decode("\n".join([line] * 1000).encode())
    assert "\x1b" not in text
    assert len(warnings) <= 21
    assert "980 more control characters dropped on 980 further lines" in warnings[-1].message


def test_a_short_text_with_one_escape_is_text_not_binary() -> None:
    text, warnings = decode(b"Titel\nEen \x1b.\n")
    assert text == "Titel\nEen .\n"
    assert len(warnings) == 1


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n\x00\x01\x02\xff\xfe binary",
        bytes(range(1, 9)) * 200 + b"a" * 1000,
        b"PK\x03\x04" + bytes(range(256)) * 4,
        b"\xff\xfe" + ("\x01\x02\x03\x04" * 200).encode("utf-16-le"),  # controls behind a UTF-16 mark
    ],
)
def test_binaries_are_still_refused(data: bytes) -> None:
    assert "binary" in refusal(data)
