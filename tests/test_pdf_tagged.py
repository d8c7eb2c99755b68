"""Tagged PDF: the structure tree in reading order, and the PDF/UA-1 machine rules we can check.

veraPDF is not reachable here, so the rules are checked with pikepdf (`ua_problems`),
poppler shows the tree as a reader gets it (`pdfinfo -struct-text`), and the `pdfua`
package gives a second opinion. Tests that need pikepdf skip without it.
"""

from __future__ import annotations

import dataclasses
import io
import itertools
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import toolkit
from tests.conftest import SEED, Collected
from tests.test_pdf_facts import (
    LOREM,
    _run,
    big_doc,
    briefing,
    long_note_doc,
    many_notes_doc,
    needs_poppler,
    note,
    pdfinfo,
    render,
)
from toolkit.model import Briefing, Heading, Item, Link, ListBlock, Note, P, Section, Translation, plain_text
from toolkit.model.nodes import Cell, Inline, Row, Table
from toolkit.record import replace
from toolkit.style import load_style
from toolkit.writers.pdf import write_pdf

TEXT_SHOWING = {"Tj", "TJ", "'", '"'}
PAINTING = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Do", "sh"}


# -- the checker ---------------------------------------------------------------------------------


def ua_problems(data: bytes) -> list[str]:
    """What breaks the PDF/UA-1 machine rules checked here; empty when the file passes.

    - every text-showing or painting operator is inside marked content that is either an
      /Artifact or carries an MCID the ParentTree maps to a structure element;
    - sequences with MCIDs do not nest, and every MCID of the ParentTree is drawn;
    - heading levels start at H1 and never skip a level;
    - every Link annotation has /Contents, a /StructParent and an OBJR in its Link element;
    - pages with annotations have /Tabs /S;
    - fonts are embedded and have a ToUnicode map;
    - the catalog has /Lang, /MarkInfo /Marked true, DisplayDocTitle and XMP with dc:title.
    """
    pikepdf = pytest.importorskip("pikepdf")
    pdf = pikepdf.open(io.BytesIO(data))
    problems: list[str] = []
    root = pdf.Root
    tree = root.get("/StructTreeRoot")
    if tree is None:
        return ["no StructTreeRoot"]
    parents = _number_tree(tree.ParentTree)
    for name in ("/Lang",):
        if name not in root:
            problems.append(f"catalog has no {name}")
    if not bool(root.get("/MarkInfo", {}).get("/Marked", False)):
        problems.append("MarkInfo /Marked is not true")
    if not bool(root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False)):
        problems.append("DisplayDocTitle is not true")
    xmp = bytes(root.Metadata.read_bytes()).decode("utf-8") if "/Metadata" in root else ""
    if "<dc:title>" not in xmp:
        problems.append("XMP has no dc:title")
    for number, page in enumerate(pdf.pages, 1):
        drawn = _check_stream(pikepdf, page.obj, parents, problems, f"page {number}", page=True)
        key = page.obj.get("/StructParents")
        if key is not None:
            expected = set(range(len(parents.get(int(key), []))))
            if drawn != expected:
                problems.append(
                    f"page {number}: MCIDs drawn {sorted(drawn)} != ParentTree {sorted(expected)}"
                )
        resources = page.obj.get("/Resources", {})
        for name, xobject in resources.get("/XObject", {}).items():
            if xobject.get("/Subtype") == "/Form":
                _check_stream(pikepdf, xobject, parents, problems, f"form {name}", page=False)
        for name, font in resources.get("/Font", {}).items():
            problems.extend(_font_problems(font, f"page {number} font {name}"))
        annots = page.obj.get("/Annots", [])
        if len(annots) and page.obj.get("/Tabs") != "/S":
            problems.append(f"page {number} has annotations but no /Tabs /S")
        for annot in annots:
            problems.extend(_link_problems(annot, parents, f"page {number}"))
    levels = [int(str(e.S)[2:]) for e in walk(tree) if re.fullmatch(r"/H[1-6]", str(e.S))]
    if levels and levels[0] != 1:
        problems.append(f"the first heading is H{levels[0]}")
    for before, after in itertools.pairwise(levels):
        if after > before + 1:
            problems.append(f"heading level skips from H{before} to H{after}")
    return problems


def walk(element: Any) -> Iterator[Any]:
    """The structure elements under `element` (a StructTreeRoot or StructElem), in order."""
    kids = element.get("/K")
    if kids is None:
        return
    import pikepdf

    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") not in ("/MCR", "/OBJR"):
            yield kid
            yield from walk(kid)


def _number_tree(node: Any) -> dict[int, Any]:
    out: dict[int, Any] = {}
    nums = node.get("/Nums", [])
    for i in range(0, len(nums), 2):
        out[int(nums[i])] = nums[i + 1]
    for kid in node.get("/Kids", []):
        out.update(_number_tree(kid))
    return out


def _check_stream(
    pikepdf: Any, obj: Any, parents: dict[int, Any], problems: list[str], where: str, page: bool
) -> set[int]:
    key = obj.get("/StructParents")
    mcids = parents.get(int(key), []) if key is not None else []
    stack: list[tuple[str, int | None]] = []  # (tag, MCID) of the open sequences
    drawn: set[int] = set()
    for operands, operator in pikepdf.parse_content_stream(obj):
        op = str(operator)
        if op in ("BDC", "BMC"):
            tag = str(operands[0])
            mcid = None
            if op == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and "/MCID" in operands[1]:
                mcid = int(operands[1].MCID)
                if any(m is not None for _, m in stack):
                    problems.append(f"{where}: MCID {mcid} nested in another tagged sequence")
                if not page:
                    problems.append(f"{where}: MCID {mcid} in a form without StructParents")
                elif mcid >= len(mcids) or not isinstance(mcids[mcid], pikepdf.Dictionary):
                    problems.append(f"{where}: MCID {mcid} is not in the ParentTree")
                drawn.add(mcid)
            stack.append((tag, mcid))
        elif op == "EMC":
            if not stack:
                problems.append(f"{where}: EMC without BDC")
            else:
                stack.pop()
        elif (op in TEXT_SHOWING or op in PAINTING) and not any(
            tag == "/Artifact" or mcid is not None for tag, mcid in stack
        ):
            problems.append(f"{where}: {op} {_show(operands)} is neither tagged nor an artifact")
    if stack:
        problems.append(f"{where}: {len(stack)} marked-content sequences left open")
    return drawn


def _show(operands: Any) -> str:
    return repr([str(o) for o in operands])[:60]


def _font_problems(font: Any, where: str) -> list[str]:
    out = []
    fonts = [font, *font.get("/DescendantFonts", [])]
    if not any(
        "/FontFile2" in f.get("/FontDescriptor", {})
        or "/FontFile" in f.get("/FontDescriptor", {})
        or "/FontFile3" in f.get("/FontDescriptor", {})
        for f in fonts
    ):
        out.append(f"{where} is not embedded")
    if "/ToUnicode" not in font:
        out.append(f"{where} has no ToUnicode map")
    return out


def _link_problems(annot: Any, parents: dict[int, Any], where: str) -> list[str]:
    if annot.get("/Subtype") != "/Link":
        return []
    out = []
    if not str(annot.get("/Contents", "")).strip():
        out.append(f"{where}: a link has no /Contents")
    key = annot.get("/StructParent")
    element = parents.get(int(key)) if key is not None else None
    if element is None or element.get("/S") != "/Link":
        return [*out, f"{where}: a link has no Link element"]
    kids = element.K if isinstance(element.K, list) or hasattr(element.K, "__len__") else [element.K]
    objrs = [k for k in kids if hasattr(k, "get") and k.get("/Type") == "/OBJR"]
    if not any(k.Obj.objgen == annot.objgen for k in objrs):
        out.append(f"{where}: the Link element has no OBJR for its annotation")
    return out


# -- the tree as poppler reads it ----------------------------------------------------------------


@dataclasses.dataclass
class Element:
    """One element of `pdfinfo -struct-text`: its type, its text (all strings under it) and kids."""

    role: str
    texts: list[str]
    kids: list[Element]

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.texts).split())

    def walk(self) -> Iterator[Element]:
        yield self
        for kid in self.kids:
            yield from kid.walk()


def struct_tree(data: bytes) -> Element:
    """The Document element as poppler prints it, strings kept in reading order."""
    root = Element("", [], [])
    stack: list[tuple[int, Element]] = [(-1, root)]
    for line in _run(["pdfinfo", "-struct-text"], data).splitlines():
        depth = len(line) - len(line.lstrip(" "))
        body = line.strip()
        if not body:
            continue
        while stack[-1][0] >= depth:
            stack.pop()
        if body.startswith('"'):
            for _, element in stack[1:]:
                element.texts.append(body[1:-1])
        elif re.fullmatch(r"[A-Za-z0-9]+:?( \((block|inline)\))?", body):
            element = Element(body.split()[0].rstrip(":"), [], [])
            stack[-1][1].kids.append(element)
            stack.append((depth, element))
    [document] = root.kids
    return document


def reading_order(doc: Briefing) -> list[str]:
    """What a reader should meet, in order: the title, then each heading and paragraph, each run of
    text between note references, and each note's text right after the paragraph citing it."""
    out: list[str] = []

    def inline(children: tuple[Inline, ...]) -> None:
        notes: list[Note] = []
        run: list[Inline] = []
        for child in children:
            if isinstance(child, Note):
                notes.append(child)
                out.append(plain_text(tuple(run)))
                run = []
            else:
                run.append(child)
        out.append(plain_text(tuple(run)))
        for n in notes:
            for p in n.body:
                out.append(plain_text(p.children))

    inline((doc.meta.title, *doc.meta.title_notes))

    def blocks(items: tuple[Any, ...]) -> None:
        for block in items:
            if isinstance(block, P):
                inline(block.children)
            elif isinstance(block, Section):
                inline(block.heading.children)
                blocks(block.blocks)

    blocks(doc.body)
    return [" ".join(t.split()) for t in out if t.strip()]


def assert_in_order(text: str, expected: list[str]) -> str:
    """Check that the pieces come in `text` in this order; return what lies between them."""
    at, gaps = 0, []
    for piece in expected:
        found = text.find(piece, at)
        assert found >= 0, f"{piece[:60]!r} is not in the tree after position {at}: {text[at : at + 120]!r}"
        gaps.append(text[at:found])
        at = found + len(piece)
    return "".join(gaps) + text[at:]


@pytest.fixture(scope="module")
def seed() -> Briefing:
    return toolkit.read(SEED)


@pytest.fixture(scope="module")
def seed_pdf(seed: Briefing) -> bytes:
    return render(seed)


# -- poppler: the tree a reader gets ----------------------------------------------------------------


@needs_poppler
def test_the_seed_is_tagged(seed_pdf: bytes) -> None:
    assert pdfinfo(seed_pdf)["Tagged"] == "yes"


@needs_poppler
def test_the_tree_holds_the_seed_in_reading_order_without_page_furniture(
    seed: Briefing, seed_pdf: bytes
) -> None:
    document = struct_tree(seed_pdf)
    assert document.role == "Document"
    roles = [e.role for e in document.kids]
    assert roles[0] == "H1" and document.kids[0].text == seed.meta.title
    headings = [e.text for e in document.kids if e.role == "H2"]
    assert headings == [plain_text(b.heading.children) for b in seed.body if isinstance(b, Section)]
    assert len(headings) == 3
    rest = assert_in_order(document.text, reading_order(seed))
    assert re.fullmatch(r"[\d\s]*", rest), f"text in the tree that is not the document's: {rest!r}"
    # The note follows the paragraph that cites it, and holds its text.
    [note_element] = [e for e in document.kids if e.role == "Note"]
    citing = document.kids[document.kids.index(note_element) - 1]
    assert citing.role == "P" and "non-paper" in citing.text
    assert "Zie vertrouwelijke bijlage" in note_element.text
    # No page furniture: no page numbers, and the running header's title only once (as H1).
    assert "Pagina" not in document.text
    assert document.text.count(seed.meta.title) == 1


@needs_poppler
def test_the_reference_is_a_reference_holding_a_link(seed_pdf: bytes) -> None:
    document = struct_tree(seed_pdf)
    [reference] = [e for e in document.walk() if e.role == "Reference"]
    assert [k.role for k in reference.kids] == ["Link"] and reference.text == "1"
    [note_element] = [e for e in document.walk() if e.role == "Note"]
    assert note_element.kids[0].role == "P" and note_element.kids[0].kids[0].role == "Link"


@needs_poppler
def test_lists_and_tables_have_their_structure() -> None:
    header = Row((Cell((P(("Onderwerp",)),), header=True), Cell((P(("Inzet",)),), header=True)))
    rows = tuple(Row((Cell((P((f"rij{r}",)),)), Cell((P((f"inzet{r}",)),)))) for r in range(3))
    items = ListBlock((Item((P(("eerste",)),)), Item((P(("tweede",)),))), ordered=True)
    document = struct_tree(render(briefing(items, Table((header, *rows)))))
    [lst] = [e for e in document.kids if e.role == "L"]
    assert [[k.role for k in li.kids] for li in lst.kids] == [["Lbl", "LBody"], ["Lbl", "LBody"]]
    assert [li.kids[0].text for li in lst.kids] == ["1.", "2."]
    assert [li.kids[1].text for li in lst.kids] == ["eerste", "tweede"]
    [table] = [e for e in document.kids if e.role == "Table"]
    assert [[c.role for c in tr.kids] for tr in table.kids] == [["TH", "TH"]] + [["TD", "TD"]] * 3
    assert [c.text for c in table.kids[2].kids] == ["rij1", "inzet1"]


@needs_poppler
def test_each_note_follows_the_paragraph_citing_it() -> None:
    document = struct_tree(render(many_notes_doc(12)))
    roles = [e.role for e in document.kids]
    assert roles == ["H1", "P", "P", *["Note"] * 12, "P"]
    starts = [e.text.split()[1] for e in document.kids if e.role == "Note"]  # after the note's number
    assert starts == [f"NOTE{n:04d}START" for n in range(1, 13)]


@needs_poppler
def test_endnotes_follow_their_paragraph_too() -> None:
    doc = briefing(
        P(("Eerste", Note((P(("ENDNOTEONE",)),), kind="endnote"), " zin.")),
        P(("Tweede zin.",)),
    )
    document = struct_tree(render(doc))
    assert [e.role for e in document.kids] == ["H1", "P", "Note", "P", "H2"]
    assert "ENDNOTEONE" in document.kids[2].text
    assert document.kids[-1].text == "Noten"  # the heading over the notes at the end, as drawn


@needs_poppler
def test_title_notes_follow_the_title() -> None:
    from tests.test_title_notes import DOC

    document = struct_tree(render(DOC))
    assert [e.role for e in document.kids][:3] == ["H1", "Note", "P"]
    assert "Kamerstuk 21501-20" in document.kids[1].text
    assert_in_order(document.text, reading_order(DOC))


@needs_poppler
def test_nested_sections_give_heading_levels_by_depth() -> None:
    inner = Section(Heading(("Derde",)), (P(("c",)),))
    doc = briefing(
        Section(Heading(("Eerste",)), (P(("a",)), Section(Heading(("Tweede",)), (P(("b",)), inner))))
    )
    document = struct_tree(render(doc))
    assert [(e.role, e.text) for e in document.kids if e.role.startswith("H")] == [
        ("H1", "Stresstest"),
        ("H2", "Eerste"),
        ("H3", "Tweede"),
        ("H4", "Derde"),
    ]


# -- pikepdf: the PDF/UA-1 machine rules ----------------------------------------------------------


def stress_docs() -> dict[str, Briefing]:
    url = "https://www.rijksoverheid.nl/documenten/kamerstukken/2024/03/20/geannoteerde-agenda"
    long_link = tuple(
        P((f"{LOREM} ", Link((f"{LOREM} {LOREM}",), url), " en ", Link(("kort",), url), " eind."))
        for _ in range(30)
    )
    header = Row((Cell((P(("Kop A",)),), header=True), Cell((P(("Kop B",)),), header=True)))

    def cited(r: int) -> P:
        return P((f"cel {r}", *([note(r)] if r % 10 == 1 else [])))

    rows = tuple(Row((Cell((P((f"rij {r} {LOREM}",)),)), Cell((cited(r),)))) for r in range(1, 61))
    lists = ListBlock(
        (
            Item((P(("een", note(1))),)),
            Item((P(("twee",)), ListBlock((Item((P(("diep",)),)),), ordered=True))),
            Item((ListBlock((Item((P(("alleen een lijst",)),)),)),)),
        )
    )
    return {
        "a note longer than a page": long_note_doc(),
        "forty notes in one paragraph": many_notes_doc(40),
        "links over lines and pages": briefing(*long_link),
        "a table over pages, header repeated": briefing(P(("voor",)), Table((header, *rows)), P(("na",))),
        "lists": briefing(lists),
    }


def test_the_seed_passes_the_checks(seed_pdf: bytes) -> None:
    assert ua_problems(seed_pdf) == []


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_machine_translation_passes_the_checks(seed: Briefing, lang: str) -> None:
    meta = replace(seed.meta, translation=Translation("nl", "test", "tiny", "1"))
    assert ua_problems(render(replace(seed, lang=lang, meta=meta))) == []


@pytest.mark.parametrize("name", list(stress_docs()))
def test_stress_documents_keep_a_valid_tree(name: str) -> None:
    assert ua_problems(render(stress_docs()[name])) == []


@pytest.mark.slow
def test_a_100_page_document_keeps_a_valid_tree() -> None:
    assert ua_problems(render(big_doc(22))) == []


def test_a_paragraph_split_across_pages_is_one_element_on_both_pages() -> None:
    pikepdf = pytest.importorskip("pikepdf")
    pdf = pikepdf.open(io.BytesIO(render(long_note_doc())))
    pages_of: dict[tuple[str, int], set[tuple[int, int]]] = {}
    for element in walk(pdf.Root.StructTreeRoot):
        kids = element.get("/K", [])
        pages = {element.Pg.objgen} if "/Pg" in element else set()
        pages |= {k.Pg.objgen for k in kids if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/MCR"}
        pages_of[str(element.S), len(pages_of)] = pages
    assert any(role == "/P" and len(pages) >= 2 for (role, _), pages in pages_of.items())
    # The long note continues over pages: its paragraphs, under one Note, reach three pages.
    notes = [e for e in walk(pdf.Root.StructTreeRoot) if e.S == "/Note"]
    reached = set()
    for p in walk(notes[0]):
        reached |= {p.Pg.objgen} if "/Pg" in p else set()
    assert len(reached) >= 3


def test_note_links_describe_where_they_go(seed_pdf: bytes) -> None:
    pikepdf = pytest.importorskip("pikepdf")
    pdf = pikepdf.open(io.BytesIO(seed_pdf))
    # The seed's one note: its reference and its number, on the same page (wherever that is).
    contents = sorted(str(a.Contents) for page in pdf.pages for a in page.obj.get("/Annots", []))
    assert contents == ["terug naar verwijzing 1", "voetnoot 1"]


def test_the_catalog_says_tagged_language_and_title(seed_pdf: bytes) -> None:
    pikepdf = pytest.importorskip("pikepdf")
    pdf = pikepdf.open(io.BytesIO(seed_pdf))
    root = pdf.Root
    assert root.Lang == "nl"
    assert bool(root.MarkInfo.Marked) is True
    assert bool(root.ViewerPreferences.DisplayDocTitle) is True
    assert "/RoleMap" in root.StructTreeRoot and "/ParentTree" in root.StructTreeRoot


def test_the_pdfua_claim_is_made_only_when_every_glyph_exists(seed_pdf: bytes) -> None:
    assert b"<pdfuaid:part>1</pdfuaid:part>" in seed_pdf
    seen = Collected()
    data = write_pdf(briefing(P(("Beijing 北京",))), load_style(), warn=seen)
    assert seen and b"pdfuaid:part" not in data


def test_no_pdfua_claim_when_a_link_is_in_a_repeated_table_header() -> None:
    # A header row repeated on the next page is drawn as an artifact: a link in it has no element.
    link = Link(("kop",), "https://example.org")
    header = Row((Cell((P((link,)),), header=True), Cell((P(("B",)),), header=True)))
    rows = tuple(Row((Cell((P((LOREM,)),)), Cell((P(("x",)),)))) for _ in range(60))
    data = render(briefing(Table((header, *rows))))
    assert b"pdfuaid" not in data
    assert any("has no Link element" in p for p in ua_problems(data))


def test_the_checker_finds_untagged_text(seed_pdf: bytes) -> None:
    pikepdf = pytest.importorskip("pikepdf")
    pdf = pikepdf.open(io.BytesIO(seed_pdf))
    page = pdf.pages[0]
    stripped = [
        (o, op) for o, op in pikepdf.parse_content_stream(page) if str(op) not in ("BDC", "EMC", "BMC")
    ]
    page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(stripped))
    out = io.BytesIO()
    pdf.save(out)
    problems = ua_problems(out.getvalue())
    assert any("neither tagged nor an artifact" in p for p in problems)
    assert any("MCIDs drawn" in p for p in problems)


# -- the pdfua package: a second opinion, not proof ------------------------------------------------


@pytest.mark.external
def test_the_pdfua_package_finds_nothing(seed: Briefing, seed_pdf: bytes) -> None:
    pdfua = pytest.importorskip("pdfua", reason="the pdfua package (PyPI) is not installed")
    meta = replace(seed.meta, translation=Translation("nl", "test", "tiny", "1"))
    for data in (seed_pdf, render(replace(seed, lang="en", meta=meta)), render(long_note_doc())):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "doc.pdf"
            path.write_bytes(data)
            report = pdfua.validate(str(path))
        assert [(f.rule_id, f.message) for f in report.findings] == []
