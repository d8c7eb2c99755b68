"""House styles: loading by name or path, and errors that name the line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import toolkit
from toolkit.cli import main
from toolkit.errors import BriefingError, ExitCode
from toolkit.style import available, load_style


def test_default_style_has_labels_in_both_languages():
    style = load_style()
    assert style.page.size == "A4"
    assert style.labels_for("nl").page.format(page=1, pages=3) == "Pagina 1 van 3"
    assert style.labels_for("en-GB").page.format(page=1, pages=3) == "Page 1 of 3"
    assert "default" in available()


def write(tmp_path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "house.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_style_file_by_path_overrides_what_it_names(tmp_path):  # type: ignore[no-untyped-def]
    style = load_style(write(tmp_path, "[body]\nsize_pt = 11.5\n[heading]\nsizes_pt = [16, 13]\n"))
    assert style.body.size_pt == 11.5 and style.heading.size_for(3) == 13
    assert style.body.font == load_style().body.font  # unnamed keys keep their defaults


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("[page]\nsize = 'A4'\nmargn_top_mm = 20\n", 3, "unknown key 'margn_top_mm' in [page]"),
        ("[page]\nsize = 'A4'\n\n[colours]\nx = 1\n", 4, "unknown style table [colours]"),
        ("[body]\nsize_pt = 'large'\n", 2, "body.size_pt must be a non-negative number"),
        ("[title]\ncolor = 'blue'\n", 2, "must be a colour"),
        ("[body]\nsize_pt = = 3\n", 2, "malformed TOML"),
    ],
)
def test_style_errors_name_the_line(tmp_path, text, line, message):  # type: ignore[no-untyped-def]
    path = write(tmp_path, text)
    with pytest.raises(BriefingError) as info:
        load_style(path)
    assert info.value.code == ExitCode.STYLE
    assert info.value.where.line == line
    assert message in info.value.message


def test_unknown_style_name_lists_the_available_ones(seed_path, tmp_path):  # type: ignore[no-untyped-def]
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / "x.pdf"
    code = main(["convert", str(seed_path), "-o", str(target), "--style", "fancy"], stdout=out, stderr=err)
    assert code == ExitCode.STYLE
    assert "no house style named 'fancy'" in err.getvalue() and "default" in err.getvalue()
    assert not target.exists()


def test_every_page_size_a_style_allows_works_in_both_writers(tmp_path):  # type: ignore[no-untyped-def]
    import zipfile

    from pypdf import PdfReader

    style = tmp_path / "a5.toml"
    style.write_text('[page]\nsize = "A5"\n', encoding="utf-8")
    doc = toolkit.read(Path(__file__).parent.parent / "seeds" / "000_22ad20a819696709.txt")
    toolkit.write(doc, tmp_path / "a5.docx", style=str(style))
    toolkit.write(doc, tmp_path / "a5.pdf", style=str(style))
    document = zipfile.ZipFile(tmp_path / "a5.docx").read("word/document.xml").decode()
    assert 'w:w="8391"' in document and 'w:h="11906"' in document  # 148 x 210 mm in twips
    box = PdfReader(tmp_path / "a5.pdf").pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (148, 210)


def test_a_page_size_no_writer_knows_is_refused_when_the_style_is_loaded(tmp_path):  # type: ignore[no-untyped-def]
    style = tmp_path / "b5.toml"
    style.write_text('# B5\n[page]\nsize = "B5"\n', encoding="utf-8")
    with pytest.raises(BriefingError) as info:
        load_style(str(style))
    assert info.value.code == ExitCode.STYLE and info.value.where.line == 3
    assert "A5" in str(info.value)
