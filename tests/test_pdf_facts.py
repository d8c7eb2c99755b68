"""Facts read back from PDFs with poppler and pypdf, plus generated stress briefings.

The other `test_pdf_*` modules import these helpers; the tests here check the
helpers themselves on a tiny document.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from toolkit.model import Briefing, Heading, Meta, Note, P, Section, plain_text
from toolkit.model.nodes import Block, Inline, ListBlock, Table, child_blocks
from toolkit.style import load_style
from toolkit.writers.pdf import write_pdf

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext, pdffonts, pdfinfo)"
)

LOREM = (
    "De ministers spreken over de steun aan Oekraïne, de afschrikking en verdediging van het "
    "bondgenootschap en de samenwerking met de Europese Unie en de partners in de Indo-Pacific."
)


def render(doc: Briefing) -> bytes:
    """The PDF of `doc` in the default house style."""
    return write_pdf(doc, load_style())


def _run(args: list[str], data: bytes) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        path.write_bytes(data)
        to_stdout = ["-"] if args[0] == "pdftotext" else []
        result = subprocess.run([*args, str(path), *to_stdout], capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def pages_text(data: bytes, layout: bool = False) -> list[str]:
    """The text of each page, from one pdftotext run (pages end with a form feed)."""
    text = _run(["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else [])], data)
    return text.split("\f")[:-1]


@dataclass(frozen=True)
class Word:
    """One word as pdftotext -bbox sees it; y grows downwards."""

    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float


def pages_words(data: bytes) -> list[list[Word]]:
    """Every word with its box, page by page."""
    out: list[list[Word]] = []
    for page in re.split(r"<page ", _run(["pdftotext", "-enc", "UTF-8", "-bbox"], data))[1:]:
        words = [
            Word(html.unescape(m[5]), float(m[1]), float(m[2]), float(m[3]), float(m[4]))
            for m in re.finditer(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', page
            )
        ]
        out.append(words)
    return out


def pdfinfo(data: bytes) -> dict[str, str]:
    """pdfinfo's fields."""
    lines = _run(["pdfinfo"], data).splitlines()
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in lines) if v}


def pdffonts(data: bytes) -> list[dict[str, str]]:
    """pdffonts' rows as dicts (name, type, emb, ...)."""
    lines = _run(["pdffonts"], data).splitlines()[2:]
    return [{"name": row.split()[0], "emb": row.split()[-5], "type": row.split()[1]} for row in lines if row]


def page_of(pages: list[str], pattern: str) -> int:
    """The first page (1-based) whose text matches `pattern`; fails if none does."""
    for number, text in enumerate(pages, 1):
        if re.search(pattern, text):
            return number
    raise AssertionError(f"{pattern!r} is on no page")


def document_words(doc: Briefing) -> Counter[str]:
    """The words of the title, the body and every note body."""
    words: list[str] = doc.meta.title.split()

    def inline_words(items: tuple[Inline, ...]) -> None:
        words.extend(plain_text(items).split())
        note_words(items)

    def note_words(items: tuple[Inline, ...]) -> None:
        # The notes inside spans and links (a link inside a link too): their text is counted above.
        for item in items:
            if isinstance(item, Note):
                for p in item.body:
                    inline_words(p.children)
            elif hasattr(item, "children"):
                note_words(item.children)

    def block_words(blocks: tuple[Block, ...]) -> None:
        for block in blocks:
            if isinstance(block, P):
                inline_words(block.children)
            elif isinstance(block, Section):
                inline_words(block.heading.children)
                block_words(block.blocks)
            elif isinstance(block, (ListBlock, Table)):
                block_words(child_blocks(block))

    block_words(doc.body)
    return Counter(words)


def missing_words(expected: Counter[str], pages: list[str]) -> Counter[str]:
    """Expected words not found in the extracted text.

    A superscript note number is glued to the word it follows ("non-paper1"), so an
    extracted word that is an expected word plus digits counts for that word.
    """
    found = Counter(w for text in pages for w in text.split())
    missing = expected - found
    for word in list(missing):
        glued = sum(n for w, n in found.items() if re.fullmatch(re.escape(word) + r"\d+", w))
        missing[word] -= min(glued, missing[word])
    return +missing


def overlapping_words(page: list[Word]) -> list[tuple[Word, Word]]:
    """Pairs of word boxes on one page that overlap by more than a sliver."""
    out = []
    ordered = sorted(page, key=lambda w: w.y_min)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if b.y_min >= a.y_max:
                break
            dx = min(a.x_max, b.x_max) - max(a.x_min, b.x_min)
            dy = min(a.y_max, b.y_max) - max(a.y_min, b.y_min)
            # Font boxes of adjacent lines touch (a superscript reaches into the line above):
            # count only overlaps of more than half a box.
            if dx > 1 and dy > 0.5 * min(a.y_max - a.y_min, b.y_max - b.y_min):
                out.append((a, b))
    return out


# -- generated briefings ---------------------------------------------------------------------------


def note(n: int, sentences: int = 1) -> Note:
    """A footnote whose body starts with a marker naming its number."""
    return Note((P((f"NOTE{n:04d}START " + " ".join([LOREM] * sentences),)),))


def ref_marker(n: int) -> str:
    """The word placed just before reference `n`."""
    return f"REF{n:04d}x"


def briefing(*blocks: Block, title: str = "Stresstest") -> Briefing:
    return Briefing(Meta(title=title), tuple(blocks), "nl")


def long_note_doc() -> Briefing:
    """A footnote longer than a page, with text before and after it."""
    long_body = tuple(
        P((f"{'NOTE0001START ' if i == 0 else ''}Alinea {i}. {LOREM} {LOREM}",)) for i in range(40)
    )
    body = (
        P((LOREM + " " + LOREM,)),
        P((f"Hier staat de verwijzing {ref_marker(1)}", Note(long_body), " en de zin gaat verder.")),
        *(P((f"Vervolgtekst {i}. {LOREM} {LOREM}",)) for i in range(12)),
        P((f"Tweede verwijzing {ref_marker(2)}", note(2), " aan het eind.")),
    )
    return briefing(*body)


def many_notes_doc(count: int = 40) -> Briefing:
    """One paragraph with `count` footnotes."""
    children: list[Inline] = [LOREM + " "]
    for n in range(1, count + 1):
        children += [f"woord {ref_marker(n)}", note(n, 1 + n % 3), " "]
    return briefing(P((LOREM,)), P(tuple(children)), P((LOREM,)))


def big_doc(sections: int = 60) -> Briefing:
    """Roughly five pages per section: sections, paragraphs and a note every few paragraphs."""
    blocks: list[Block] = []
    n = 0
    for s in range(1, sections + 1):
        paras: list[Block] = []
        for i in range(24):
            if i % 3 == 0:
                n += 1
                paras.append(P((f"{LOREM} {ref_marker(n)}", note(n, 1 + n % 4), f" {LOREM} {LOREM} {LOREM}")))
            else:
                paras.append(P((f"{LOREM} {LOREM} {LOREM} {LOREM}",)))
        blocks.append(Section(Heading((f"Onderwerp {s}",)), tuple(paras)))
    return briefing(*blocks, title="Een lange briefing")


def notes_in_order(pages: list[str], count: int) -> None:
    """Every note starts on or after the page of its reference."""
    for n in range(1, count + 1):
        ref = page_of(pages, rf"{ref_marker(n)}")
        body = page_of(pages, rf"NOTE{n:04d}START")
        assert body >= ref, f"note {n} starts on page {body}, before its reference on page {ref}"


@needs_poppler
def test_helpers_read_a_small_document() -> None:
    data = render(briefing(P((f"Een zin met {ref_marker(1)}", note(1), " erin.")), title="Klein"))
    pages = pages_text(data)
    assert len(pages) == 1
    assert page_of(pages, "NOTE0001START") == 1
    assert not missing_words(Counter(["Een", "zin", "met", "erin.", "Klein"]), pages)
    assert missing_words(Counter(["afwezig"]), pages) == Counter(["afwezig"])
    assert pdfinfo(data)["Title"] == "Klein"
    assert all(not overlapping_words(words) for words in pages_words(data))
