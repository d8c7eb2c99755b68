"""The PDF writer: a briefing as a typeset A4 handout with footnotes at the foot of their page."""

from __future__ import annotations

import importlib.util
import io
import re
import sys

from toolkit.errors import BriefingError, ExitCode, Warn, python_warning

TYPE_CHECKING = False
if TYPE_CHECKING:
    from toolkit.model import Briefing
    from toolkit.style import Style

__all__ = ["write_pdf"]

# Patterns reportlab compiles when its modules are imported and a briefing never uses, by the
# module that compiles them, with how each deferred pattern starts ("" for all of the module's).
# Each compiles on first use instead; together they cost every process about 28 ms.
_ON_FIRST_USE = {
    # Django's URL validator, to split long URLs at line ends (paragraph.uri_pat): its
    # ranges up to U+FFFF under IGNORECASE, about 18 ms. We set no link text that needs it.
    "reportlab.platypus.paragraph": "(^(?:[a-z0-9\\.\\-\\+]*)://)",
    "reportlab.lib.textsplit": "",  # cjkwrap's U+2E80-U+FFFF class, about 6 ms; nothing calls cjkwrap
    "reportlab.lib.PyFontify": "",  # Python syntax colouring for XPreformatted, about 2.5 ms
    "reportlab.lib.rl_safe_eval": "",  # the guard of the doctemplate's exec and eval, about 2 ms
}


class _PatternOnFirstUse:
    """A regular expression compiled when it is first used, not when it is defined."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> object:
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
        return getattr(self._compiled, name)


def _import_reportlab() -> None:
    """Import reportlab without the start-up costs a briefing does not use (its files are not changed).

    - Pillow's Image module (8 ms, with its C library) loads on first use rather than when
      reportlab.lib.utils imports it: briefings hold no pictures.
    - The patterns above compile on first use rather than at import.
    Both are then the same objects as before for everything that uses them.
    """
    if "reportlab.platypus.paragraph" in sys.modules:
        return
    if "PIL.Image" not in sys.modules:
        import PIL

        spec = importlib.util.find_spec("PIL.Image")
        if spec is not None and spec.loader is not None:
            spec.loader = importlib.util.LazyLoader(spec.loader)
            module = importlib.util.module_from_spec(spec)
            sys.modules["PIL.Image"] = module
            spec.loader.exec_module(module)
            # `from PIL import Image` then finds the attribute and leaves the module unloaded.
            PIL.Image = module  # type: ignore[attr-defined]
    compile_now = re.compile

    def compile(pattern: object, flags: int = 0) -> object:
        start = _ON_FIRST_USE.get(sys._getframe(1).f_globals.get("__name__", ""))
        if start is not None and isinstance(pattern, str) and pattern.startswith(start):
            return _PatternOnFirstUse(pattern, flags)
        return compile_now(pattern, flags)  # type: ignore[call-overload]

    re.compile = compile  # type: ignore[assignment]
    try:
        import reportlab.platypus.paragraph  # noqa: F401
    finally:
        re.compile = compile_now


_import_reportlab()


def write_pdf(doc: Briefing, style: Style, warn: Warn = python_warning) -> bytes:
    """The bytes of `doc` as a tagged PDF in the house `style`.

    A character the font cannot show is reported to `warn` with its code point and
    place. A document that cannot be laid out raises `BriefingError`. The file is
    dated now, or at `SOURCE_DATE_EPOCH` when that is set: then the same document
    gives the same bytes.
    """
    from reportlab.platypus.doctemplate import LayoutError

    from toolkit.model import NoteNumbers
    from toolkit.model.walk import has_emphasis
    from toolkit.version import __version__
    from toolkit.writers.pdf.build import Builder
    from toolkit.writers.pdf.fonts import GlyphCheck, family_for
    from toolkit.writers.pdf.markup import Markup, NoteBook
    from toolkit.writers.pdf.metadata import render_time
    from toolkit.writers.pdf.notes import FootnoteArea
    from toolkit.writers.pdf.styles import make_styles
    from toolkit.writers.pdf.tagging import StructTree
    from toolkit.writers.pdf.template import BriefingDocTemplate, Decoration, frame_width

    stamp = render_time()
    family = family_for(style.body.font, warn, italic=has_emphasis(doc))
    styles = make_styles(style, family)
    check = GlyphCheck(family)
    book = NoteBook()
    numbers = NoteNumbers(doc)
    width = frame_width(style)
    tags = StructTree(doc.lang)
    markup = Markup(styles, check, numbers, book, width, tags, warn=warn)
    builder = Builder(doc, style, styles, markup, width)
    story = builder.story()
    labels = style.labels_for(doc.lang)
    check.check(labels.page + (labels.notice(doc.meta.translation) or ""), "the labels of the house style")
    check.report(warn)

    area = FootnoteArea(book.footnotes, width, style)
    decoration = Decoration.of(style, doc.lang, doc.meta.title, doc.meta.translation, family)
    out = io.BytesIO()
    template = BriefingDocTemplate(
        out,
        style,
        area,
        decoration,
        builder.outline,
        tags,
        stamp,
        pdfua=not check.missing,  # PDF/UA forbids .notdef glyphs: no claim when a character has none
        title=doc.meta.title,
        subject=doc.meta.kind or doc.meta.title,
        author="",
        creator=f"briefing toolkit {__version__}",
        producer=f"briefing toolkit {__version__} (reportlab)",
        lang=doc.lang,
        initialFontName=family.regular,
    )
    try:
        template.build(story)
    except LayoutError as exc:
        raise BriefingError(
            f"the document cannot be laid out as PDF: {str(exc).splitlines()[0][:200]}",
            hint="a table row or a picture may be taller than a page",
            code=ExitCode.BAD_INPUT,
        ) from None
    return out.getvalue()
