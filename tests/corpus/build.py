"""Regenerate the corpus DOCX files and their facts: `python -m tests.corpus.build [NAME ...]` from the repo root.

LibreOffice documents come from `NAME.fodt` or `NAME.html`, pandoc documents from `NAME.md`; the
python-docx documents are built by the `pd_*` functions of `python_docx_docs.py`, the zip+lxml ones
by the `zx_*` functions of `zip_docs.py`. Every DOCX is repacked with fixed zip timestamps, so a
rebuild only changes bytes where a producer itself is not deterministic.
Afterwards run `python -m tests.corpus.extract` to refresh the POI text extracts.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.corpus.facts import extract
from tests.corpus.python_docx_docs import (
    pd_agenda_europese_raad,
    pd_briefhoofd_lege_koppen,
    pd_inhoudsopgave,
    pd_kamerbrief_word,
    pd_kamervragen_word,
    pd_kop_stijlen,
    pd_lege_noten,
    pd_noot_ids,
    pd_noot_ontbreekt,
    pd_sdt_links,
    pd_titel_noot,
)
from tests.corpus.wordml import repack
from tests.corpus.zip_docs import (
    zx_alleen_eindnoten,
    zx_handelsmissie_japan,
    zx_hoofdletter_onderdelen,
    zx_inzet_avvn,
    zx_kop_ruby_tekstvak,
    zx_nederlandse_word,
    zx_noot_in_noot,
    zx_tekstvak_alternatief,
)
from tests.corpus.zip_docs_notes import zx_noot_randen, zx_opmerkingen, zx_velden_genest
from tests.corpus.zip_docs_sections import zx_hoofdstukken_planning, zx_secties_zonder_paginas

HERE = Path(__file__).resolve().parent


# --------------------------------------------------------------------------- external producers


def libreoffice(name: str) -> bytes:
    """Convert NAME.fodt, or NAME.html with LibreOffice's Writer HTML filter (sdfootnote anchors)."""
    src = HERE / f"{name}.fodt"
    html = not src.exists()
    if html:
        src = HERE / f"{name}.html"
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                *(["--infilter=HTML (StarWriter)"] if html else []),
                "--convert-to",
                "docx:MS Word 2007 XML",
                "--outdir",
                tmp,
                str(src),
            ],
            check=True,
            capture_output=True,
        )
        return (Path(tmp) / f"{name}.docx").read_bytes()


def pandoc(name: str, *args: str) -> bytes:
    env = dict(os.environ, SOURCE_DATE_EPOCH="1712059200")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"{name}.docx"
        subprocess.run(["pandoc", str(HERE / f"{name}.md"), "-o", str(out), *args], check=True, env=env)
        return out.read_bytes()


def pandoc_resaved(source: str) -> bytes:
    """Another corpus document as pandoc reads and writes it again (`pandoc IN.docx -o OUT.docx`)."""
    env = dict(os.environ, SOURCE_DATE_EPOCH="1712059200")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "resaved.docx"
        subprocess.run(["pandoc", str(HERE / f"{source}.docx"), "-o", str(out)], check=True, env=env)
        return out.read_bytes()


@dataclass
class Doc:
    """One corpus document: its producer, the cases it covers and how to build it."""

    producer: str
    cases: list[str]
    build: Callable[[], bytes]


DOCS: dict[str, Doc] = {
    "lo_geannoteerde_agenda": Doc(
        "libreoffice",
        [
            "title-style",
            "note-in-first-paragraph",
            "footnote-endnote-same-id",
            "separators-0-1",
            "line-breaks-with-notes",
            "multi-paragraph-note",
            "note-body-tab-and-spaces",
            "note-body-brackets",
            "lists-bulleted-numbered",
            "table-notes-in-cells",
            "heading-in-table-cell",
            "multi-paragraph-cell",
            "note-at-paragraph-end",
            "header-footer",
        ],
        lambda: libreoffice("lo_geannoteerde_agenda"),
    ),
    "lo_kamerbrief": Doc(
        "libreoffice",
        [
            "no-title-style",
            "title-from-core",
            "long-first-paragraph-with-notes",
            "comment-range",
            "tracked-insert-delete",
            "numbered-headings-via-numbering",
            "caption",
            "short-bold-line",
            "note-body-brackets",
            "url-with-brackets",
            "table-notes-in-cells",
        ],
        lambda: libreoffice("lo_kamerbrief"),
    ),
    "lo_html_verslag": Doc(
        "libreoffice",
        [
            "html-source",
            "no-title-style",
            "title-from-filename",
            "note-in-first-paragraph",
            "footnote-endnote-same-id",
            "note-in-heading",
            "separators-0-1",
        ],
        lambda: libreoffice("lo_html_verslag"),
    ),
    "lo_staat_van_de_unie": Doc(
        "libreoffice",
        [
            "title-style",
            "subtitle",
            "toc-libreoffice-index",
            "numbered-headings-via-numbering",
            "headings-three-levels",
            "heading-followed-by-subheading",
            "unnumbered-appendix-heading",
            "heading-before-table",
            "caption",
            "source-line",
            "table-header-row",
            "lists-two-items",
            "header-footer",
        ],
        lambda: libreoffice("lo_staat_van_de_unie"),
    ),
    "lo_kamerbrief_briefhoofd": Doc(
        "libreoffice",
        [
            "no-title-style",
            "title-from-core",
            "address-block",
            "header-block-in-table",
            "sender-column-in-table",
            "unnumbered-headings",
            "heading-followed-by-subheading",
            "short-bold-line",
            "lists-two-items",
            "signature-block",
            "header-footer",
        ],
        lambda: libreoffice("lo_kamerbrief_briefhoofd"),
    ),
    "lo_verslag_agendapunten": Doc(
        "libreoffice",
        [
            "title-style",
            "outline-level-via-custom-style",
            "heading-followed-by-subheading",
            "heading-in-table-cell",
            "lists-bulleted-numbered",
            "short-bold-line",
            "table-notes-in-cells",
            "custom-mark-follows",
        ],
        lambda: libreoffice("lo_verslag_agendapunten"),
    ),
    "lo_html_kamervragen": Doc(
        "libreoffice",
        [
            "html-source",
            "no-title-style",
            "title-from-core",
            "kamervragen",
            "question-number-headings",
            "short-bold-line",
            "lists-two-items",
            "table-header-row",
        ],
        lambda: libreoffice("lo_html_kamervragen"),
    ),
    "pandoc_agenda_rbz": Doc(
        "pandoc",
        [
            "title-style",
            "toc-without-entries",
            "ids-start-at-20",
            "non-contiguous-ids",
            "multi-paragraph-note",
            "note-body-brackets",
            "url-with-brackets",
            "lists-bulleted-numbered",
            "table-notes-in-cells",
            "note-at-paragraph-start",
            "several-notes-in-paragraph",
        ],
        lambda: pandoc("pandoc_agenda_rbz", "--toc"),
    ),
    "pandoc_zonder_titel": Doc(
        "pandoc",
        [
            "no-title-style",
            "title-from-filename",
            "note-in-first-paragraph",
            "line-breaks-with-notes",
            "hyperlink-around-reference",
            "numbered-headings-in-text",
            "adjacent-notes",
            "non-contiguous-ids",
        ],
        lambda: pandoc("pandoc_zonder_titel"),
    ),
    "pandoc_verslag_so": Doc(
        "pandoc",
        [
            "title-style",
            "numbered-headings-in-text",
            "roman-numbered-headings",
            "headings-three-levels",
            "heading-followed-by-subheading",
            "question-headings",
            "note-in-heading",
            "signature-block",
            "caption",
            "source-line",
            "short-bold-line",
            "lists-two-items",
            "table-header-row",
        ],
        lambda: pandoc("pandoc_verslag_so"),
    ),
    "pandoc_bnc_fiche": Doc(
        "pandoc",
        [
            "title-style",
            "toc-without-entries",
            "numbered-headings-in-text",
            "heading-number-tab",
            "short-body-after-heading",
            "unnumbered-appendix-heading",
            "heading-before-table",
            "definition-list",
            "lists-two-items",
        ],
        lambda: pandoc("pandoc_bnc_fiche", "--number-sections", "--toc", "--metadata=toc-title:Inhoud"),
    ),
    "pd_titel_noot": Doc(
        "python-docx",
        [
            "title-style",
            "note-in-title",
            "title-style-wins-over-core",
            "separators-minus1-0",
            "line-breaks-with-notes",
            "trailing-line-break",
            "table-notes-in-cells",
            "line-breaks-in-table-cell",
        ],
        pd_titel_noot,
    ),
    "pd_kop_stijlen": Doc(
        "python-docx",
        [
            "localised-title-style-titel",
            "localised-heading-styles-kop",
            "outline-level-direct",
            "outline-level-via-custom-style",
            "heading-in-table-cell",
            "separators-0-1",
            "dutch-note-style-ids",
        ],
        pd_kop_stijlen,
    ),
    "pd_noot_ids": Doc(
        "python-docx",
        [
            "no-separators",
            "note-id-0",
            "non-contiguous-ids",
            "ids-out-of-order",
            "footnote-endnote-same-id",
            "adjacent-notes",
            "title-from-core",
        ],
        pd_noot_ids,
    ),
    "pd_noot_ontbreekt": Doc(
        "python-docx",
        ["missing-footnote", "missing-endnote", "title-style"],
        pd_noot_ontbreekt,
    ),
    "pd_lege_noten": Doc(
        "python-docx",
        [
            "empty-note",
            "empty-paragraphs-note",
            "picture-only-note",
            "custom-mark-follows",
            "note-at-paragraph-start",
            "note-at-paragraph-end",
            "several-notes-in-paragraph",
            "adjacent-notes",
            "note-body-tab-and-spaces",
            "note-body-line-break",
            "title-from-core",
        ],
        pd_lege_noten,
    ),
    "pd_sdt_links": Doc(
        "python-docx",
        [
            "title-style",
            "sdt-inline-around-reference",
            "sdt-block",
            "hyperlink-around-reference",
            "tracked-insert-with-note",
            "tracked-delete-near-note",
            "comments",
        ],
        pd_sdt_links,
    ),
    "pd_inhoudsopgave": Doc(
        "python-docx",
        [
            "title-style",
            "toc-with-cached-entries",
            "numbered-headings-via-numbering",
            "numbered-headings-in-text",
            "lists-bulleted-numbered",
            "caption",
            "short-bold-line",
            "table-notes-in-cells",
            "header-footer",
        ],
        pd_inhoudsopgave,
    ),
    "pd_agenda_europese_raad": Doc(
        "python-docx",
        [
            "title-style",
            "toc-with-cached-entries",
            "toc-entry-number-tab",
            "toc-heading-outline-9",
            "numbered-headings-via-style-numbering",
            "headings-three-levels",
            "heading-followed-by-subheading",
            "heading-before-table",
            "note-in-heading",
            "unnumbered-appendix-heading",
            "caption",
            "source-line",
            "short-bold-line",
            "lists-two-items",
            "table-header-row",
            "header-footer",
        ],
        pd_agenda_europese_raad,
    ),
    "pd_kamerbrief_word": Doc(
        "python-docx",
        [
            "no-title-style",
            "title-from-core",
            "first-page-header",
            "sender-column-in-header",
            "address-block",
            "header-block-with-tabs",
            "unnumbered-headings",
            "note-in-heading",
            "heading-in-table-cell",
            "signature-block-in-table",
            "header-footer",
        ],
        pd_kamerbrief_word,
    ),
    "pd_kamervragen_word": Doc(
        "python-docx",
        [
            "no-title-style",
            "title-from-core",
            "no-headings",
            "kamervragen",
            "short-bold-line",
            "lists-two-items",
            "header-footer",
        ],
        pd_kamervragen_word,
    ),
    "zx_nederlandse_word": Doc(
        "zip-lxml",
        [
            "dutch-word-style-ids",
            "title-style",
            "note-in-title",
            "note-in-heading",
            "ids-start-at-1",
            "non-contiguous-ids",
            "multi-paragraph-note",
            "url-with-brackets",
            "absolute-part-targets",
            "proof-errors-bookmarks",
        ],
        zx_nederlandse_word,
    ),
    "zx_alleen_eindnoten": Doc(
        "zip-lxml",
        [
            "no-styles-part",
            "endnotes-only",
            "note-id-0",
            "long-first-paragraph-with-notes",
            "title-from-core",
            "outline-level-direct",
            "heading-in-table-cell",
            "outline-level-9-body-text",
        ],
        zx_alleen_eindnoten,
    ),
    "zx_inzet_avvn": Doc(
        "zip-lxml",
        [
            "dutch-word-style-ids",
            "title-style",
            "toc-with-cached-entries",
            "toc-heading-outline-9",
            "numbered-headings-in-text",
            "headings-three-levels",
            "heading-followed-by-subheading",
            "heading-via-custom-style-based-on-heading",
            "note-in-heading",
            "typed-dash-list",
            "short-bold-line",
            "heading-before-table",
            "caption",
            "source-line",
            "table-header-row",
            "header-footer",
        ],
        zx_inzet_avvn,
    ),
    "pd_briefhoofd_lege_koppen": Doc(
        "python-docx",
        [
            "title-in-letterhead-table",
            "title-style-wins-over-core",
            "empty-heading-paragraphs",
            "heading-only-page-break",
            "heading-only-bookmark",
            "note-first-paragraph-empty",
            "table-notes-in-cells",
        ],
        pd_briefhoofd_lege_koppen,
    ),
    "zx_handelsmissie_japan": Doc(
        "zip-lxml",
        [
            "title-style",
            "title-line-break-and-tab",
            "note-in-ruby-base",
            "ruby-guide-left-out",
            "note-in-equation",
        ],
        zx_handelsmissie_japan,
    ),
    "zx_tekstvak_alternatief": Doc(
        "zip-lxml",
        [
            "title-style",
            "alternate-content-in-run-around-reference",
            "alternate-content-two-choices",
            "alternate-content-fallback-only",
            "text-box-in-text-box",
            "text-box-notes",
        ],
        zx_tekstvak_alternatief,
    ),
    "zx_hoofdletter_onderdelen": Doc(
        "zip-lxml",
        [
            "empty-first-title-paragraph",
            "title-style",
            "part-target-letter-case",
            "note-first-paragraph-empty",
            "note-first-paragraph-only-space",
            "several-notes-in-paragraph",
            "endnote-first-paragraph-empty",
        ],
        zx_hoofdletter_onderdelen,
    ),
    "zx_kop_ruby_tekstvak": Doc(
        "zip-lxml",
        [
            "title-style",
            "note-in-heading",
            "note-in-ruby-base",
            "alternate-content-in-run-around-reference",
            "alternate-content-fallback-only",
            "table-notes-in-cells",
            "heading-only-page-break",
            "text-box-notes",
            "note-first-paragraph-empty",
        ],
        zx_kop_ruby_tekstvak,
    ),
    "zx_noot_in_noot": Doc(
        "zip-lxml",
        [
            "title-style",
            "endnote-in-footnote",
            "footnote-in-footnote-two-deep",
            "footnote-and-endnote-same-id",
        ],
        zx_noot_in_noot,
    ),
    "zx_secties_zonder_paginas": Doc(
        "zip-lxml",
        [
            "title-style",
            "toc-without-page-numbers",
            "toc-heading-outline-9",
            "two-sections-own-headers-footers",
            "footer-text-between-sections",
            "custom-mark-follows",
            "custom-mark-symbol",
            "footnote-and-endnote-same-id",
        ],
        zx_secties_zonder_paginas,
    ),
    "zx_noot_randen": Doc(
        "zip-lxml",
        [
            "title-style",
            "note-paragraph-ends-bracket-space",
            "note-empty-middle-paragraph",
            "note-ends-with-line-break",
            "two-paragraph-note-in-cell",
            "note-url-ending-in-bracket",
        ],
        zx_noot_randen,
    ),
    "zx_hoofdstukken_planning": Doc(
        "zip-lxml",
        [
            "title-style",
            "chapter-headings",
            "paragraph-sign-headings",
            "table-rows-ending-in-years",
            "note-in-table-cell",
        ],
        zx_hoofdstukken_planning,
    ),
    "zx_velden_genest": Doc(
        "zip-lxml",
        [
            "title-style",
            "field-nested-in-field-code",
            "docproperty-field",
            "date-field-before-reference",
        ],
        zx_velden_genest,
    ),
    "zx_opmerkingen": Doc(
        "zip-lxml",
        [
            "title-style",
            "comment-with-line-break",
            "comment-without-note",
            "two-comments-in-paragraph",
            "multi-paragraph-comment",
        ],
        zx_opmerkingen,
    ),
    "pandoc_staat_van_de_unie": Doc(
        "pandoc",
        [
            "resaved-by-pandoc",
            "toc-as-paragraphs-page-after-space",
            "numbered-headings-in-text",
            "heading-directly-after-heading",
        ],
        lambda: pandoc_resaved("lo_staat_van_de_unie"),
    ),
    "pandoc_inzet_avvn": Doc(
        "pandoc",
        [
            "resaved-by-pandoc",
            "letter-numbered-headings",
            "toc-as-paragraphs",
            "note-in-heading",
        ],
        lambda: pandoc_resaved("zx_inzet_avvn"),
    ),
}


def write_facts(name: str, doc: Doc) -> None:
    facts = extract(HERE / f"{name}.docx")
    record = {"producer": doc.producer, **facts, "cases": doc.cases}
    (HERE / f"{name}.facts.json").write_text(
        json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


def main(argv: Sequence[str]) -> int:
    names = list(argv) or list(DOCS)
    if any(DOCS[n].producer == "libreoffice" for n in names) and not shutil.which("soffice"):
        print("build: soffice not found", file=sys.stderr)
        return 1
    for name in names:
        doc = DOCS[name]
        (HERE / f"{name}.docx").write_bytes(repack(doc.build()))
        write_facts(name, doc)
        print(f"built {name}.docx ({doc.producer})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
