"""House styles: TOML files in `styles/`, checked key by key, shared by writers."""

from __future__ import annotations

import functools
import marshal
import re
import sys
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toolkit.cachedir import entry_for, read_entry, write_entry
from toolkit.errors import BriefingError, ExitCode
from toolkit.record import field, fields, record

if TYPE_CHECKING:
    from toolkit.model import Translation

_CACHE_FORMAT = "1"  # bump when what a cached style holds changes

# Every page size a style may name, in millimetres (width, height). Both
# writers take their sizes from here, so a size works in both or in neither.
PAGE_SIZES_MM = {
    "A3": (297.0, 420.0),
    "A4": (210.0, 297.0),
    "A5": (148.0, 210.0),
    "LETTER": (215.9, 279.4),
    "LEGAL": (215.9, 355.6),
}


@record
class PageStyle:
    size: str = "A4"
    margin_top_mm: float = 25
    margin_bottom_mm: float = 22
    margin_left_mm: float = 25
    margin_right_mm: float = 22
    header_mm: float = 12  # from the top edge to the running header (page 1: the title block)

    @property
    def size_mm(self) -> tuple[float, float]:
        """Width and height; `size` was checked against `PAGE_SIZES_MM` when the style was loaded."""
        return PAGE_SIZES_MM[self.size.strip().upper()]


@record
class BodyStyle:
    font: str = "Noto Sans"
    size_pt: float = 10
    line_spacing: float = 1.4  # the line step as a multiple of the size: the same in PDF and DOCX
    line_rule: str = "exact"  # how DOCX holds the step: "exact", or "at_least" (a taller inline may push it)
    space_after_pt: float = 6
    color: str = "#1A1A1A"


@record
class TitleStyle:
    size_pt: float = 20
    color: str = "#154273"
    space_after_pt: float = 14


@record
class HeadingStyle:
    sizes_pt: tuple[float, ...] = (15, 12, 10)
    color: str = "#154273"
    space_before_pt: float = 12
    space_after_pt: float = 4

    def size_for(self, level: int) -> float:
        """The size of a heading at `level` (1-based)."""
        return self.sizes_pt[min(level, len(self.sizes_pt)) - 1]


@record
class FootnoteStyle:
    size_pt: float = 8
    line_spacing: float = 1.25
    separator_length_mm: float = 45
    gap_pt: float = 6
    hanging_mm: float = 5  # the number hangs in this indent; the note text lines up after it
    paragraph_space_pt: float = 2.5  # between the paragraphs of one note


@record
class TableStyle:
    size_pt: float = 9
    header_fill: str = "#DCE3EC"
    border_color: str = "#8FA3BD"


@record
class ListStyle:
    bullets: tuple[str, ...] = ("\u2022", "\u2013", "\u2022")  # by depth; characters the body font has
    indent_mm: float = 6  # from one nesting level to the next, and from the margin to the item text


@record
class HeaderFooterStyle:
    size_pt: float = 8
    color: str = "#555555"
    rule_color: str = "#154273"


@record
class Labels:
    page: str = "Page {page} of {pages}"
    machine_translation: str = "Machine translation, not authoritative"
    reviewed_translation: str = "Reviewed translation, not authoritative"
    notes: str = "Notes"  # the heading of the endnotes
    continued: str = "note continued"  # above a note's rest on the next page
    reference: str = "Reference"  # before a reference that is not a parliamentary paper number
    kamerstuk: str = "Parliamentary paper"  # before a Kamerstuk number such as 21501-02
    months: tuple[str, ...] = (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    )  # fmt: skip
    docx_lang: str = ""  # the DOCX spell-check language, e.g. "en-GB"; empty: from the document's language

    def notice(self, translation: Translation | None) -> str | None:
        """What page 1 and the footer say a translation is: machine-made, or reviewed; None for an original."""
        if translation is None:
            return None
        return self.machine_translation if translation.machine else self.reviewed_translation

    def date(self, iso: str) -> str:
        """`2024-04-03` written out, "3 April 2024"; a date that is not ISO stays as it is."""
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso.strip())
        if not m or not 1 <= int(m[2]) <= len(self.months):
            return iso
        return f"{int(m[3])} {self.months[int(m[2]) - 1]} {m[1]}"

    def ref(self, ref: str) -> str:
        """A reference with its label: a Kamerstuk number ("21501-02", "36 410 V, nr. 3") or a Kenmerk."""
        label = self.kamerstuk if _KAMERSTUK.match(ref.strip()) else self.reference
        return f"{label} {ref}"


# A Kamerstuk (dossier) number: five digits, or groups like "36 410", then an optional
# part ("-02", " V") and number ("nr. 2794").
_KAMERSTUK = re.compile(r"^\d{2}\s?\d{3}(?:[-\s][0-9A-Z]{1,4})?(?:,?\s*nr\.?\s*\d+)?$", re.IGNORECASE)


@record
class Style:
    """A whole house style. Writers read it; nothing else changes it."""

    name: str = "default"
    page: PageStyle = field(default_factory=PageStyle)
    body: BodyStyle = field(default_factory=BodyStyle)
    title: TitleStyle = field(default_factory=TitleStyle)
    heading: HeadingStyle = field(default_factory=HeadingStyle)
    footnote: FootnoteStyle = field(default_factory=FootnoteStyle)
    table: TableStyle = field(default_factory=TableStyle)
    header_footer: HeaderFooterStyle = field(default_factory=HeaderFooterStyle)
    list: ListStyle = field(default_factory=ListStyle)
    labels: dict[str, Labels] = field(default_factory=lambda: {"en": Labels()})

    def title_block(
        self, lang: str, kind: str | None, date: str | None, refs: tuple[str, ...]
    ) -> tuple[str, ...]:
        """The lines of the title block both writers print: the kind, then date and references.

        "geannoteerde agenda" prints as "Geannoteerde agenda", 2024-04-03 as "3 april 2024",
        a reference with its label ("Kamerstuk 21501-02", "Kenmerk BZ123"); no line is empty.
        """
        labels = self.labels_for(lang)
        details = [labels.date(date)] if date and date.strip() else []
        details.extend(labels.ref(r.strip()) for r in refs if r.strip())
        kind = (kind or "").strip()
        lines = [kind[:1].upper() + kind[1:]] if kind else []
        if details:
            lines.append(" \u00b7 ".join(details))  # single spaces: PDF and DOCX print the same
        return tuple(lines)

    def labels_for(self, lang: str) -> Labels:
        """The wording for `lang` (`nl-NL` falls back to `nl`, then English)."""
        return (
            self.labels.get(lang) or self.labels.get(lang.split("-")[0]) or self.labels.get("en") or Labels()
        )


_NUMBER = re.compile(r"^[-+\u2212\u2013]?[\u20ac$\u00a3]?\s?\d[\d.,\u00a0\u202f ]*%?$")


def is_number(text: str) -> bool:
    """Does a table cell hold a number (an amount, a count, a percentage)? Both writers right-align it."""
    return bool(_NUMBER.match(text.strip()))


_SECTION_TYPES: dict[str, type] = {
    "page": PageStyle,
    "body": BodyStyle,
    "title": TitleStyle,
    "heading": HeadingStyle,
    "footnote": FootnoteStyle,
    "table": TableStyle,
    "header_footer": HeaderFooterStyle,
    "list": ListStyle,
}
_CHOICES = {("body", "line_rule"): ("exact", "at_least")}
_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")


def styles_dir() -> Path:
    """The folder of the shipped house styles: `styles/` in a checkout, `toolkit/styles/` installed."""
    try:
        import toolkit.styles as shipped
    except ImportError:
        # A checkout on the path as it is (the development install puts it there with a
        # plain .pth line): the styles are the folder beside the package, not inside it.
        return Path(__file__).resolve().parent.parent / "styles"
    # A plain path, not importlib.resources: the styles ship as real files, and
    # importing importlib.resources costs more than converting the seed does.
    return Path(shipped.__file__ or "").parent


def available() -> list[str]:
    """Names of the shipped house styles."""
    return sorted(p.stem for p in styles_dir().glob("*.toml"))


def load_style(name_or_path: str | Path | None = None) -> Style:
    """Load a house style by name (`default`) or by path to a TOML file."""
    return _load_file(str(style_path(name_or_path)))


def style_path(name_or_path: str | Path | None = None) -> Path:
    """The file of a house style given by name or path; None means default."""
    text = str(name_or_path or "default")
    if text.endswith(".toml") or "/" in text or "\\" in text:
        return Path(text)
    path = styles_dir() / f"{text}.toml"
    if not path.is_file():
        raise BriefingError(
            f"no house style named {text!r}",
            path=text,
            hint=f"available: {', '.join(available())}; or give a path to a .toml file",
            code=ExitCode.STYLE,
        )
    return path


@functools.cache
def _load_file(path: str) -> Style:
    try:
        data = Path(path).read_bytes()
        raw = data.decode("utf-8")
    except FileNotFoundError:
        raise BriefingError("style file not found", path=path, code=ExitCode.STYLE) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BriefingError(f"cannot read style file: {exc}", path=path, code=ExitCode.STYLE) from None
    return _build(_parsed(Path(path), data, raw), raw, path, Path(path).stem)


def _parsed(path: Path, data: bytes, raw: str) -> dict[str, Any]:
    """The TOML of style file `path` (its bytes `data`, decoded `raw`), cached when fresh.

    Parsing is quick; importing tomllib (and the datetime module it brings) is
    what costs a short command about 5 ms, and every command loads a style.
    """
    # Made from the text itself, not the file's size and time: the text is read anyway, and
    # marshal's format is the interpreter's own, so its version is part of it too.
    depends = [len(data), zlib.crc32(data), _CACHE_FORMAT, sys.version]
    cached = entry_for("styles", path, ".marshal")
    entry = read_entry(cached, depends)
    if entry is not None:
        try:
            kept = marshal.loads(entry[1])
        except (EOFError, ValueError, TypeError):
            kept = None
        if isinstance(kept, dict):
            return kept
    import tomllib

    try:
        parsed = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise BriefingError(
            f"malformed TOML: {str(exc).split(' (at')[0]}",
            path=str(path),
            line=int(match[1]) if match else None,
            code=ExitCode.STYLE,
        ) from None
    try:
        stored = marshal.dumps(parsed)
    except ValueError:
        return parsed  # a value marshal cannot hold (a TOML date): _build refuses it, nothing to keep
    write_entry(cached, depends, stored)
    return parsed


def _build(data: dict[str, Any], raw: str, path: str, name: str) -> Style:
    def fail(table: str, key: str | None, message: str) -> BriefingError:
        return BriefingError(message, path=path, line=_line_of(raw, table, key), code=ExitCode.STYLE)

    sections: dict[str, Any] = {}
    labels: dict[str, Labels] = {}
    for table, values in data.items():
        if table == "labels" and isinstance(values, dict):
            for lang, wording in values.items():
                labels[lang] = _section(Labels, f"labels.{lang}", wording, fail)
            continue
        if table not in _SECTION_TYPES or not isinstance(values, dict):
            known = ", ".join([*_SECTION_TYPES, "labels"])
            raise fail(table, None, f"unknown style table [{table}] (known: {known})")
        sections[table] = _section(_SECTION_TYPES[table], table, values, fail)
    return Style(name=name, labels=labels or {"en": Labels()}, **sections)


def _section(cls: type, table: str, values: Any, fail: Any) -> Any:
    if not isinstance(values, dict):
        raise fail(table, None, f"[{table}] must be a table")
    names = fields(cls)
    defaults = cls()
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key not in names:
            raise fail(table, key, f"unknown key {key!r} in [{table}] (known: {', '.join(names)})")
        expected = getattr(defaults, key)
        if isinstance(expected, tuple) and expected and isinstance(expected[0], str):
            if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
                raise fail(table, key, f"{table}.{key} must be a list of strings")
            if key == "months" and len(value) != 12:
                raise fail(table, key, f"{table}.{key} must name the 12 months")
            value = tuple(value)
        elif isinstance(expected, tuple):
            if not isinstance(value, list) or not value or not all(_is_number(v) for v in value):
                raise fail(table, key, f"{table}.{key} must be a list of numbers")
            value = tuple(float(v) for v in value)
        elif isinstance(expected, str):
            if not isinstance(value, str):
                raise fail(table, key, f"{table}.{key} must be a string")
            if (key.endswith("color") or key.endswith("fill")) and not _COLOR.match(value):
                raise fail(table, key, f'{table}.{key} must be a colour like "#1A2B3C"')
            choices = _CHOICES.get((table, key))
            if choices and value not in choices:
                raise fail(table, key, f"{table}.{key} must be one of {', '.join(choices)}")
        elif _is_number(expected):
            if not _is_number(value) or value < 0:
                raise fail(table, key, f"{table}.{key} must be a non-negative number")
            value = float(value)
        out[key] = value
    if cls is PageStyle and str(out.get("size", "A4")).strip().upper() not in PAGE_SIZES_MM:
        sizes = ", ".join(s.title() if s.isalpha() and len(s) > 2 else s for s in PAGE_SIZES_MM)
        raise fail(table, "size", f"page.size {out['size']!r} is not a page size the writers know ({sizes})")
    return cls(**out)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _line_of(raw: str, table: str, key: str | None) -> int | None:
    """The line of `[table]` or of `key` inside it; tomllib gives no positions."""
    current = None
    header = re.compile(r"^\s*\[\s*([^\]]+?)\s*\]")
    for number, line in enumerate(raw.splitlines(), 1):
        m = header.match(line)
        if m:
            current = m[1].replace('"', "")
            if key is None and current == table:
                return number
            continue
        if key is not None and current == table and re.match(rf"^\s*{re.escape(key)}\s*=", line):
            return number
    return None
