"""Tagged PDF: the structure tree, and the marked content that ties the page text to it.

reportlab writes no structure, so this module does. The story builder gives each
flowable a `StructNode`, made in reading order (a note's node right after the
element that cites it). When a paragraph is drawn, its text object opens marked
content (`/P <</MCID n>> BDC ... EMC`) and reports each MCID to the tree, page by
page; a note reference or a link inside the text opens a child element by an
`onDraw` mark in the paragraph markup. Page furniture is drawn inside `/Artifact`
sequences. After the last page `StructTree.write` turns the nodes into
`StructElem` dictionaries, the `ParentTree` and the `StructTreeRoot`.

Two rules of ISO 32000 shape the code: a marked-content sequence never crosses the
boundary of a text object (so the paragraph's sequence is opened after `BT` and
closed before `ET`), and sequences holding MCIDs are never nested (so a reference
ends the paragraph's sequence and starts its own).
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFObjectReference,
    PDFString,
)
from reportlab.pdfgen.canvas import Canvas

from toolkit.record import field, record

# The onDraw callback name used in paragraph markup: label "open N" starts the inline
# element N (see StructTree.inline), label "end" ends the innermost one.
CALLBACK = "tag"
_KEEP_EMPTY = frozenset({"TD", "TH", "TR", "Table", "Document"})  # a table stays regular


class StructNode:
    """One structure element: its role (`P`, `H2`, `Note`, ...), parent and kids in reading order.

    Kids are nodes, marked content on a page (`_MCR`) or annotations (`_OBJR`).
    """

    __slots__ = ("attributes", "kids", "lang", "parent", "role", "tree")

    def __init__(self, role: str, tree: StructTree, parent: StructNode | None = None) -> None:
        self.role = role
        self.tree = tree
        self.parent = parent
        self.kids: list[StructNode | _MCR | _OBJR] = []
        self.lang: str | None = None  # set where the element's language differs from the document's
        self.attributes: dict[str, str] | None = None  # e.g. a table header's Scope

    def language(self) -> str:
        """The element's language: its own, else the nearest ancestor's, else the document's."""
        node: StructNode | None = self
        while node is not None:
            if node.lang:
                return node.lang
            node = node.parent
        return self.tree.lang

    def add(self, role: str) -> StructNode:
        """A new last child."""
        node = StructNode(role, self.tree, self)
        self.kids.append(node)
        return node

    def adopt(self, nodes: list[StructNode]) -> None:
        """Append nodes made before their place was known (notes, after their citing element)."""
        for node in nodes:
            node.parent = self
            self.kids.append(node)

    def __deepcopy__(self, memo: dict[int, Any]) -> StructNode:
        return self  # flowables are copied to be measured; their element stays the same

    def __repr__(self) -> str:
        return f"<StructNode {self.role} with {len(self.kids)} kids>"


@record
class _MCR:
    page: int
    mcid: int


@record
class _OBJR:
    page: int
    annotation: str  # reportlab's internal name of the annotation object


@record
class InlineSpec:
    """An inline element opened by an onDraw mark: a `Reference`, or a `Link` and where it goes."""

    role: str
    target: tuple[str, str] | None = None  # ("dest", name) or ("uri", url), as the annotation has it
    contents: str = ""  # the link's description, for the annotation's /Contents


@record(frozen=False)
class _LinkMark:
    """A link element opened on this page, waiting for the annotations drawn for it.

    reportlab makes a link's annotations at the ends of the lines it covers: one per line,
    from the line where it opens to the line where it closes. So the link's annotations
    are those made after it opened, up to the first one made after it closed.
    """

    node: StructNode
    spec: InlineSpec
    first: int  # how many annotations the page had when the link opened
    closed_at: int | None = None  # ... and when it closed
    done: bool = False  # it has its annotation of the line where it closed


@record(frozen=False)
class _Page:
    name: str  # reportlab's internal name of the page object
    mcids: list[StructNode] = field(default_factory=list)  # MCID -> element
    links: list[_LinkMark] = field(default_factory=list)
    key: int | None = None  # the page's StructParents key in the ParentTree


def link_target(href: str) -> tuple[str, str]:
    """Where a paragraph `<a href>` goes, in the terms the annotation records it (see reportlab's _doLink)."""
    if href.startswith("#"):
        return ("dest", href[1:])
    if href.lower().startswith("document:"):
        return ("dest", href.split(":", 1)[1])
    if href.lower().startswith("pdf:"):
        return ("uri", href.split(":", 1)[1])
    return ("uri", href)


class StructTree:
    """The structure tree of one document, filled in while its pages are drawn."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.root = StructNode("Document", self)
        self._inline: list[InlineSpec] = []
        self._pages: dict[int, _Page] = {}
        self._annotations: dict[int, StructNode] = {}  # ParentTree key -> link element
        self._next_key = 0
        self._continued: dict[int, list[tuple[StructNode, InlineSpec]]] = {}  # id(node) -> open inline kids
        self.untagged_annotations = 0

    # -- while building the story -------------------------------------------------------------

    def inline(self, spec: InlineSpec) -> str:
        """Paragraph markup that opens the inline element `spec`; close it with `END`."""
        self._inline.append(spec)
        return f'<onDraw name="{CALLBACK}" label="open {len(self._inline) - 1}"/>'

    # -- while drawing ------------------------------------------------------------------------

    def _page(self, canv: Canvas) -> _Page:
        number = canv.getPageNumber()
        page = self._pages.get(number)
        if page is None:
            page = self._pages[number] = _Page(canv._doc.thisPageName())
        return page

    def mark(self, canv: Canvas, node: StructNode) -> str:
        """The BDC operator of a new MCID on this page for `node`, recorded in the tree."""
        page = self._page(canv)
        if page.key is None:
            page.key = self._take_key()
        mcid = len(page.mcids)
        page.mcids.append(node)
        node.kids.append(_MCR(canv.getPageNumber(), mcid))
        return f"/{node.role} <</MCID {mcid}>> BDC"

    def unmark(self, canv: Canvas, node: StructNode) -> None:
        """Take back the last MCID: its sequence stayed empty."""
        self._page(canv).mcids.pop()
        node.kids.pop()

    def _take_key(self) -> int:
        key = self._next_key
        self._next_key += 1
        return key

    def spec(self, label: str) -> InlineSpec:
        """The inline element an `open N` mark of `inline` names."""
        return self._inline[int(label.split()[1])]

    def open_link(self, canv: Canvas, node: StructNode, spec: InlineSpec) -> None:
        """A link element starts here: the annotations drawn from now on with its target are its own."""
        self._page(canv).links.append(_LinkMark(node, spec, len(canv._annotationrefs)))

    def close_link(self, canv: Canvas, node: StructNode) -> None:
        for mark in self._page(canv).links:
            if mark.node is node and mark.closed_at is None:
                mark.closed_at = len(canv._annotationrefs)

    def carry(self, node: StructNode, still_open: list[tuple[StructNode, InlineSpec]]) -> None:
        """Inline elements still open where a paragraph part ends: the next part resumes them."""
        if still_open:
            self._continued[id(node)] = still_open
        else:
            self._continued.pop(id(node), None)

    def resume(self, node: StructNode) -> list[tuple[StructNode, InlineSpec]]:
        return self._continued.pop(id(node), [])

    def claim_annotations(self, canv: Canvas, first: int) -> None:
        """Give each link annotation drawn since `first` to its link element: OBJR, StructParent, Contents."""
        page = self._page(canv)
        refs = canv._annotationrefs
        for index in range(first, len(refs)):
            name = refs[index].name
            annotation = canv._doc.idToObject[name]
            target = _annotation_target(annotation)
            # The first link with this target that has opened and still waits for annotations.
            mark = next(
                (m for m in page.links if not m.done and m.first <= index and m.spec.target == target),
                None,
            )
            if mark is None:
                self.untagged_annotations += 1
                continue
            if mark.closed_at is not None and index >= mark.closed_at:
                mark.done = True
            key = self._take_key()
            self._annotations[key] = mark.node
            mark.node.kids.append(_OBJR(canv.getPageNumber(), name))
            _set_annotation(annotation, key, mark.spec.contents)

    def end_page(self, canv: Canvas) -> None:
        """After showPage: the page just finished learns its ParentTree key and tab order."""
        pdf_pages = canv._doc.Pages.pages
        if not pdf_pages:
            return
        pdf_page = pdf_pages[-1]
        pdf_page.Tabs = PDFName("S")  # annotations in structure order (PDF/UA)
        extra = ["Tabs"]
        page = self._pages.get(canv.getPageNumber() - 1)
        if page is not None:
            page.links = []
            if page.key is not None:
                pdf_page.StructParents = page.key
                extra.append("StructParents")
        # reportlab writes only the page keys its class lists; this page lists more.
        pdf_page.__NoDefault__ = [*type(pdf_page).__NoDefault__, *extra]

    # -- after the last page ------------------------------------------------------------------

    def write(self, canv: Canvas) -> None:
        """Add the StructTreeRoot, its elements and the ParentTree to the document."""
        doc = canv._doc
        _prune(self.root)
        names: dict[int, str] = {}
        order: list[StructNode] = []

        def number(node: StructNode) -> None:
            names[id(node)] = f"StructElem{len(order) + 1}"
            order.append(node)
            for kid in node.kids:
                if isinstance(kid, StructNode):
                    number(kid)

        number(self.root)
        page_names = {n: p.name for n, p in self._pages.items()}
        root_ref = PDFObjectReference("StructTreeRoot")
        for node in order:
            parent = root_ref if node.parent is None else PDFObjectReference(names[id(node.parent)])
            doc.Reference(_element(node, parent, names, page_names), names[id(node)])
        nums: list[Any] = []
        keyed: dict[int, Any] = {
            key: PDFObjectReference(names[id(node)]) for key, node in self._annotations.items()
        }
        for page in self._pages.values():
            if page.key is not None:
                keyed[page.key] = PDFArray([PDFObjectReference(names[id(n)]) for n in page.mcids])
        for key in sorted(keyed):
            nums.extend((key, keyed[key]))
        parent_tree = PDFDictionary({"Nums": PDFArray(nums)})
        tree_root = PDFDictionary(
            {
                "Type": PDFName("StructTreeRoot"),
                "K": PDFArray([PDFObjectReference(names[id(self.root)])]),
                "ParentTree": doc.Reference(parent_tree, "ParentTree"),
                "ParentTreeNextKey": self._next_key,
                "RoleMap": PDFDictionary({}),  # only standard structure types are used
            }
        )
        doc.Catalog.StructTreeRoot = doc.Reference(tree_root, "StructTreeRoot")
        doc.Catalog.MarkInfo = PDFDictionary({"Marked": "true"})


def _annotation_target(annotation: Any) -> tuple[str, str] | None:
    destination = getattr(annotation, "Destination", None)
    if destination is not None:  # a LinkAnnotation, from canvas.linkRect
        return ("dest", destination.name)
    if isinstance(annotation, PDFDictionary):  # a URI link, from canvas.linkURL
        action = annotation.dict.get("A")
        if isinstance(action, PDFDictionary):
            value = action.dict.get("URI") or action.dict.get("F")
            if isinstance(value, PDFString):
                return ("uri", str(value.s))
    return None


def _set_annotation(annotation: Any, key: int, contents: str) -> None:
    if isinstance(annotation, PDFDictionary):
        annotation["StructParent"] = key
        annotation["Contents"] = PDFString(contents)
    else:
        annotation.Contents = contents
        annotation.otherkw["StructParent"] = key
        annotation.permitted = (*annotation.permitted, "StructParent")


def _prune(node: StructNode) -> bool:
    """Drop elements that hold nothing (a paragraph with no text); true if `node` itself is empty."""
    node.kids = [k for k in node.kids if not (isinstance(k, StructNode) and _prune(k))]
    return not node.kids and node.role not in _KEEP_EMPTY


def _element(
    node: StructNode, parent: Any, names: dict[int, str], page_names: dict[int, str]
) -> PDFDictionary:
    pages = [k.page for k in node.kids if isinstance(k, (_MCR, _OBJR))]
    home = pages[0] if pages else None
    kids: list[Any] = []
    for kid in node.kids:
        if isinstance(kid, StructNode):
            kids.append(PDFObjectReference(names[id(kid)]))
        elif isinstance(kid, _MCR):
            if kid.page == home:
                kids.append(kid.mcid)
            else:
                page = PDFObjectReference(page_names[kid.page])
                kids.append(PDFDictionary({"Type": PDFName("MCR"), "Pg": page, "MCID": kid.mcid}))
        else:
            obj = {"Type": PDFName("OBJR"), "Obj": PDFObjectReference(kid.annotation)}
            obj["Pg"] = PDFObjectReference(page_names[kid.page])
            kids.append(PDFDictionary(obj))
    entries: dict[str, Any] = {"Type": PDFName("StructElem"), "S": PDFName(node.role), "P": parent}
    if kids:
        entries["K"] = PDFArray(kids)
    if home is not None:
        entries["Pg"] = PDFObjectReference(page_names[home])
    if node.lang:
        entries["Lang"] = PDFString(node.lang)
    if node.attributes:
        attrs = {"O": PDFName("Table")} | {k: PDFName(v) for k, v in node.attributes.items()}
        entries["A"] = PDFDictionary(attrs)
    return PDFDictionary(entries)
