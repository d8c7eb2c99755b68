"""Runs to inlines: run formatting and hyperlinks become nested spans, note references become notes.

Word has flat runs with properties; the model has nested spans. Runs are
gathered as leaves with a set of properties, then nested by taking, at each
point, the property that lasts longest (ties: link, strong, em, sup, sub).
So `Strong("a", Emph("b"))` survives a round trip, and so does any nesting
in that canonical order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from lxml import etree

from toolkit.errors import BriefingError
from toolkit.model import Emph, Inline, LineBreak, Link, Note, Strong, Sub, Sup, check_mark, inlines
from toolkit.ooxml.ns import local_name, nsmap, qn
from toolkit.readers.docx.scope import LEFT_OUT, bool_prop, chosen, is_hidden, is_read, warn_left_out
from toolkit.readers.docx.styles import StyleMap
from toolkit.readers.docx.symbols import sym_text
from toolkit.readers.note_marks import with_mark

Key = tuple[str, ...]  # ("b",), ("i",), ("sup",), ("sub",), ("link", n, href)
Leaf = tuple[frozenset[Key], Inline]


class _Break:
    """A page or column break among the leaves, until `_breaks_as_spaces` makes it a space or nothing."""


_BREAK = _Break()
RawLeaf = tuple[frozenset[Key], Inline | _Break]  # as gathered, before the breaks are settled
# What a run shows as text; none of it while a field's code is being read.
_TEXT_LEAVES = frozenset({"t", "tab", "ptab", "br", "cr", "noBreakHyphen", "sym"})
_ORDER = {"link": 0, "b": 1, "i": 2, "sup": 3, "sub": 4}
_SKIP = {
    "bookmarkStart",
    "bookmarkEnd",
    "proofErr",
    "permStart",
    "permEnd",
    "commentRangeEnd",
    "rPr",
    "pPr",
    "lastRenderedPageBreak",
    "footnoteRef",
    "endnoteRef",
    "separator",
    "continuationSeparator",
    "annotationRef",
    "instrText",
    "softHyphen",
    "moveFromRangeStart",
    "moveFromRangeEnd",
    "moveToRangeStart",
    "moveToRangeEnd",
    "noProof",
    "customXmlPr",
    "smartTagPr",
    "fldData",
    "sdtPr",
    "sdtEndPr",
}


@dataclass
class Story:
    """What inline reading needs about the part it reads: links, notes, styles, warnings."""

    styles: StyleMap
    links: dict[str, str]  # relationship id -> URL
    notes: Callable[[str, str], tuple[Note, ...]]  # (kind, w:id) -> the notes at that reference
    warn: Callable[[str], None]  # once per kind of problem
    extra_blocks: list[etree._Element] = field(default_factory=list)  # text-box paragraphs found


class InlineReader:
    """Reads the inline content of one paragraph."""

    def __init__(self, story: Story) -> None:
        self.story = story
        self.leaves: list[RawLeaf] = []
        self.link_count = 0
        # A reference with w:customMarkFollows: its note's leaf, and where the leaves after it start.
        self.marked: tuple[int, int] | None = None
        # The complex fields open in this paragraph, innermost last: True while in a field's
        # code, before its `separate`. A field nested in another's code (`IF "{DOCPROPERTY
        # Status}" = …`) prints its result into that code, which is no text either.
        self.fields: list[bool] = []

    def paragraph(self, p: Iterable[etree._Element]) -> tuple[Inline, ...]:
        """The inline content of a paragraph (or of any elements holding runs)."""
        self.leaves = []
        self.fields = []
        self.children(p, frozenset())
        self.settle_mark()
        return nest(_breaks_as_spaces(self.leaves), frozenset())

    def children(self, el: Iterable[etree._Element], props: frozenset[Key]) -> None:
        for child in el:
            name = local_name(child.tag)
            ns = child.tag.split("}")[0][1:] if isinstance(child.tag, str) else ""
            if name == "r":
                self.run(child, props)
            elif name == "hyperlink":
                self.link_count += 1
                rid = child.get(qn("r:id"))
                href = self.story.links.get(rid or "") if rid else None
                anchor = child.get(qn("w:anchor"))
                if href is None:
                    href = f"#{anchor}" if anchor else ""
                self.children(child, props | {("link", str(self.link_count), href)})
            elif name in ("ins", "moveTo", "smartTag", "customXml", "fldSimple", "dir", "bdo"):
                self.children(child, props)
            elif name == "sdt":
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    self.children(content, props)
            elif child.tag in LEFT_OUT:
                warn_left_out(child, self.story.warn)
            elif name == "commentRangeStart":
                self.story.warn("comments are not read; their text is left out")
            elif ns == nsmap["m"]:
                self.story.warn("equations are read as plain text")
                self.math(child, props)
            elif name == "AlternateContent":
                branch = chosen(child)
                if branch is not None:
                    self.children(branch, props)
            elif name not in _SKIP and name:
                # Read an unknown wrapper like a known one, so that its runs and
                # note references inside are kept.
                self.story.warn(
                    f"unsupported element <{child.prefix or 'w'}:{name}> in a paragraph; its content is read as is"
                )
                self.children(child, props)

    def run(self, r: etree._Element, props: frozenset[Key]) -> None:
        if is_hidden(r, self.story.styles.hidden):
            warn_left_out(r, self.story.warn)
            for char in r.iter(qn("w:fldChar")):  # a hidden field's end still ends it
                self.field_char(char.get(qn("w:fldCharType"), ""))
            return
        own = set(props)
        _run_props(r.find(qn("w:rPr")), self.story.styles, own)
        self.run_content(r, props, frozenset(own))
        # The mark is what follows the reference in its run, else the next run (ECMA-376 17.11.14).
        if self.marked is not None and any(leaf != "" for _, leaf in self.leaves[self.marked[1] :]):
            self.settle_mark()

    def run_content(
        self, container: etree._Element, props: frozenset[Key], run_props: frozenset[Key]
    ) -> None:
        """The children of a run (or of a branch of an alternate inside one) as leaves."""
        for child in container:
            name = local_name(child.tag)
            if name == "fldChar":
                self.field_char(child.get(qn("w:fldCharType"), ""))
            elif name in _TEXT_LEAVES and any(self.fields):
                continue  # a field's code, or a nested field's result printed into it
            elif name == "t":
                self.text(child.text or "", run_props)
            elif name in ("tab", "ptab"):
                self.text("\t", run_props)
            elif name in ("br", "cr"):
                self.settle_mark()
                if child.get(qn("w:type"), "textWrapping") == "textWrapping":
                    self.leaves.append((run_props, LineBreak()))
                else:  # a page or column break: words on either side stay apart
                    self.leaves.append((run_props, _BREAK))
            elif name == "noBreakHyphen":
                self.leaves.append((run_props, "\u2011"))
            elif name == "sym":
                self.symbol(child, run_props)
            elif name in ("footnoteReference", "endnoteReference"):
                self.reference(child, props | run_props)
            elif name == "AlternateContent":
                branch = chosen(child)
                if branch is not None:
                    self.run_content(branch, props, run_props)
            elif name == "ruby":
                # The base text is the text; its phonetic guide (w:rt) is left out.
                for part in child:
                    if part.tag in LEFT_OUT:
                        warn_left_out(part, self.story.warn)
                    elif part.tag == qn("w:rubyBase"):
                        self.children(part, run_props)
            elif name in ("drawing", "pict", "object"):
                self.drawing(child)
            elif name == "commentReference":
                self.story.warn("comments are not read; their text is left out")
            elif name == "delText":
                self.story.warn("tracked deletions are left out (the text as if changes were accepted)")
            elif name not in _SKIP and name:
                self.story.warn(f"unsupported element <{child.prefix or 'w'}:{name}> in a run is skipped")

    def field_char(self, kind: str) -> None:
        if kind == "begin":
            self.fields.append(True)
        elif kind == "separate" and self.fields:
            self.fields[-1] = False
        elif kind == "end" and self.fields:
            self.fields.pop()

    def text(self, text: str, run_props: frozenset[Key]) -> None:
        # A raised or lowered space is nothing to see (Word for Mac puts one after a note's mark).
        if text.isspace():
            run_props = frozenset(k for k in run_props if k[0] not in ("sup", "sub"))
        self.leaves.append((run_props, text))

    def reference(self, ref: etree._Element, props: frozenset[Key]) -> None:
        """A note reference as the note; its own superscript is Word's mark, not the author's."""
        self.settle_mark()
        notes = self.story.notes(local_name(ref.tag).removesuffix("Reference"), ref.get(qn("w:id"), ""))
        plain = frozenset(k for k in props if k[0] not in ("sup", "sub"))
        custom = ref.get(qn("w:customMarkFollows"))
        if notes and custom is not None and bool_prop(custom):
            self.marked = (len(self.leaves), len(self.leaves) + len(notes))
        self.leaves.extend((plain, note) for note in notes)

    def settle_mark(self) -> None:
        """Give the note awaiting its custom mark the text read since its reference, if that is a mark."""
        if self.marked is None:
            return
        (at, start), self.marked = self.marked, None
        props, note = self.leaves[at]
        assert isinstance(note, Note)
        following = [leaf for _, leaf in self.leaves[start:]]
        read = "".join(leaf for leaf in following if isinstance(leaf, str))
        text = read.rstrip()
        problem = "no text follows it"
        if text and all(isinstance(leaf, str) for leaf in following):
            try:
                marked = with_mark(note, check_mark(text))
            except BriefingError as exc:
                problem = f"what follows is no mark: {exc.message}"
            else:
                last_props = self.leaves[-1][0]
                self.leaves[at] = (props, marked)
                del self.leaves[start:]  # the notes lifted out of it stay, between the two
                if read != text:  # a space after the mark, in its run, still parts it from the next word
                    self.text(read[len(text) :], last_props)
                return
        self.story.warn(
            f"{note.kind} {note.source_id} has a mark of its own, but {problem}; numbered instead"
        )

    def symbol(self, sym: etree._Element, run_props: frozenset[Key]) -> None:
        font = sym.get(qn("w:font"), "")
        try:
            code = int(sym.get(qn("w:char"), "20"), 16)
        except ValueError:
            code = 0xFFFD
        text, known = sym_text(font, code)
        if not known:
            self.story.warn(
                f"a {font or 'symbol font'} symbol (code {code:04X}) has no Unicode equivalent; "
                "kept as a private-use character, which other fonts show as a box"
            )
        self.text(text, run_props)

    def math(self, el: etree._Element, props: frozenset[Key]) -> None:
        """An equation as its text, in order, with the note references inside it."""
        for node in el.iter(qn("m:t"), qn("w:t"), qn("w:footnoteReference"), qn("w:endnoteReference")):
            if not is_read(node, self.story.styles.hidden):  # tracked deletions inside the equation
                if node.tag not in (qn("m:t"), qn("w:t")):
                    kind = local_name(node.tag).removesuffix("Reference")
                    self.story.warn(f"{kind} {node.get(qn('w:id'), '?')} is in text left out of an equation")
                continue
            if node.tag in (qn("m:t"), qn("w:t")):
                self.leaves.append((props, node.text or ""))
            else:
                self.reference(node, props)

    def drawing(self, el: etree._Element) -> None:
        # Only the boxes the reading rule reads: a shape's alternates hold the same box twice.
        boxes = [box for box in el.iter(qn("w:txbxContent")) if is_read(box, self.story.styles.hidden)]
        if boxes:
            self.story.warn("text boxes are read as paragraphs after the paragraph that anchors them")
            # A box inside a box is in one of the outer box's paragraphs, read with them.
            outer = [b for b in boxes if not any(o is not b and b in set(o.iter()) for o in boxes)]
            for box in outer:
                self.story.extra_blocks.extend(box)
        else:
            self.story.warn("images and embedded objects are not read")


def _run_props(rpr: etree._Element | None, styles: StyleMap, out: set[Key]) -> None:
    """Add the run's formatting keys: its character style first, then direct formatting."""
    layers: list[etree._Element] = []
    if rpr is not None:
        rstyle = rpr.find(qn("w:rStyle"))
        if rstyle is not None:
            layers.extend(styles.run_rprs(rstyle.get(qn("w:val"))))
        layers.append(rpr)
    for layer in layers:
        for tag, key in (("b", "b"), ("i", "i")):
            el = layer.find(qn(f"w:{tag}"))
            if el is not None:
                (out.add if bool_prop(el.get(qn("w:val"))) else out.discard)((key,))
        vert = layer.find(qn("w:vertAlign"))
        if vert is not None:
            out.discard(("sup",))
            out.discard(("sub",))
            value = vert.get(qn("w:val"))
            if value == "superscript":
                out.add(("sup",))
            elif value == "subscript":
                out.add(("sub",))


def _breaks_as_spaces(leaves: list[RawLeaf]) -> list[Leaf]:
    """Page and column breaks as a space between words, and as nothing at a paragraph's ends."""
    out: list[Leaf] = []
    for i, (props, leaf) in enumerate(leaves):
        if not isinstance(leaf, _Break):
            out.append((props, leaf))
            continue
        before = next((x for _, x in reversed(out) if x != ""), None)
        after = next((x for _, x in leaves[i + 1 :] if not isinstance(x, _Break) and x != ""), None)
        touching = (isinstance(before, str) and before[-1:].isspace()) or (
            isinstance(after, str) and after[:1].isspace()
        )
        if before is not None and after is not None and not touching:
            out.append((props, " "))
    return out


def nest(leaves: list[Leaf], active: frozenset[Key]) -> tuple[Inline, ...]:
    """Nest flat leaves into spans; see the module docstring for the rule."""
    out: list[Inline] = []
    i = 0
    while i < len(leaves):
        props, leaf = leaves[i]
        extra = props - active
        if not extra:
            out.append(leaf)
            i += 1
            continue

        def extent(key: Key, start: int = i) -> int:
            end = start
            while end < len(leaves) and key in leaves[end][0]:
                end += 1
            return end

        best = max(extra, key=lambda k: (extent(k), -_ORDER[k[0]]))
        end = extent(best)
        out.append(_wrap(best, nest(leaves[i:end], active | {best})))
        i = end
    return inlines(out)


def _wrap(key: Key, children: tuple[Inline, ...]) -> Inline:
    match key[0]:
        case "b":
            return Strong(children)
        case "i":
            return Emph(children)
        case "sup":
            return Sup(children)
        case "sub":
            return Sub(children)
        case _:
            return Link(children, href=key[2])
