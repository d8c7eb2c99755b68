"""Open a DOCX safely: refuse .doc/encrypted files, zip bombs and DTDs; find parts through relationships."""

from __future__ import annotations

import io
import lzma
import posixpath
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from toolkit.errors import BriefingError
from toolkit.ooxml.ns import W_STRICT, qn
from toolkit.ooxml.parts import PN, RT, rels_name
from toolkit.safexml import one_line, parse_xml

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Limits far above any real briefing, far below what hurts the machine.
MAX_ENTRY_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200  # XML compresses 5-20x; a bomb compresses 1000x and more
RATIO_FLOOR = 1024 * 1024  # small entries may compress well without harm
MAX_ENTRIES = 10_000
_SAVE_AS = "open it in Word or LibreOffice and save it as Word Document (.docx)"
# What zipfile and its decompressors raise for a damaged archive. A header that
# lies about sizes or offsets makes zipfile seek before the start (ValueError),
# and bz2 reports a bad stream as OSError; none of it is a bug of ours.
_DAMAGED_ZIP = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    EOFError,
    NotImplementedError,
    RuntimeError,
    ValueError,
    OSError,
)


@dataclass(frozen=True)
class Rel:
    """One relationship of a part."""

    type: str
    target: str  # a member name inside the zip, or an external URL
    external: bool


class DocxPackage:
    """The zip of a DOCX, read part by part with size limits."""

    def __init__(self, data: bytes, path: str | None, warn: Callable[[str], None] = lambda _: None) -> None:
        self.path = path
        self.warn = warn
        if data.startswith(OLE2_MAGIC):
            raise self._ole2(data)
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except _DAMAGED_ZIP:
            raise BriefingError(
                "not a DOCX file: it is not a zip archive",
                path=path,
                hint="a .docx is a zip; is this file damaged or of another type?",
            ) from None
        infos = self.zip.infolist()
        if len(infos) > MAX_ENTRIES:
            raise self.fail(f"refusing a zip with {len(infos)} entries (limit {MAX_ENTRIES})")
        # Part names are compared without regard to ASCII case (OPC, ECMA-376 Part 2, 9.1.1.1):
        # a relationship to "Footnotes.xml" finds "word/footnotes.xml", as Word and POI find it.
        self.infos: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            other = self.infos.setdefault(_part_key(info.filename), info)
            if other is not info:
                same = other.filename == info.filename
                how = "letter case" if other.filename.lower() == info.filename.lower() else "slashes"
                raise self.fail(
                    f"the zip holds {info.filename} twice"
                    if same
                    else f"two parts differ only in {how}: {other.filename} and {info.filename}",
                    hint="part names in a DOCX are case-insensitive; this package is damaged",
                )
        self.total_read = 0
        self.main = self._main_document()

    def fail(self, message: str, hint: str | None = None) -> BriefingError:
        return BriefingError(one_line(message), path=self.path, hint=hint)

    def bomb(self, name: str, size: int) -> BriefingError:
        return self.fail(
            f"refusing a suspected zip bomb: {name} unpacks to {size / 1e6:.0f} MB",
            hint=f"limits: {MAX_ENTRY_BYTES // 2**20} MiB per part, {MAX_TOTAL_BYTES // 2**20} MiB in all, "
            f"compression ratio {MAX_RATIO}:1",
        )

    def _ole2(self, data: bytes) -> BriefingError:
        # Encrypted OOXML is stored inside an OLE2 container, like a .doc.
        if "EncryptionInfo".encode("utf-16-le") in data[:1_000_000]:
            return self.fail(
                "this DOCX is password-protected (encrypted)",
                hint="remove the password in Word (File > Info > Protect Document) and save it again",
            )
        return self.fail("this is an old binary Word (.doc) file, not a DOCX", hint=_SAVE_AS)

    def _main_document(self) -> str:
        for _, rel in self.rels(""):
            if rel.type == RT.OFFICE_DOCUMENT and _part_key(rel.target) in self.infos:
                return rel.target
        if _part_key(PN.DOCUMENT) in self.infos:
            return PN.DOCUMENT
        raise self.fail("not a Word document: the zip has no word/document.xml", hint=_SAVE_AS)

    def read(self, name: str) -> bytes | None:
        """The bytes of member `name`, or None; never more than the limits allow."""
        info = self.infos.get(_part_key(name))
        if info is None:
            return None
        # Only what is read can cost: a part the reader never opens (a 1000:1 white bitmap
        # in word/media) is no bomb. The declared sizes refuse a bomb before it unpacks.
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_ENTRY_BYTES or (info.file_size > RATIO_FLOOR and ratio > MAX_RATIO):
            raise self.bomb(info.filename, info.file_size)
        if self.total_read + info.file_size > MAX_TOTAL_BYTES:
            raise self.bomb("the archive", self.total_read + info.file_size)
        try:
            with self.zip.open(info) as member:
                # Read one byte past the limit: declared sizes can lie.
                data = member.read(MAX_ENTRY_BYTES + 1)
        except _DAMAGED_ZIP as exc:
            raise self.fail(f"damaged zip entry {name}: {exc}") from None
        self.total_read += len(data)
        if len(data) > MAX_ENTRY_BYTES or self.total_read > MAX_TOTAL_BYTES:
            raise self.bomb(name, len(data))
        return data

    def xml(self, name: str, needed: bool = True) -> etree._Element | None:
        """Member `name` parsed as XML (no DTD, no entities), or None if absent.

        A part the document can be read without (styles, numbering, properties, page
        headers) that does not parse is left out with a warning, as Word and LibreOffice
        open such a file; a main document or notes part that does not parse is an error.
        """
        data = self.read(name)
        if data is None:
            return None
        try:
            root = parse_xml(data)
        except BriefingError as exc:
            if not needed:
                self.warn(one_line(f"{name}: {exc.message}; left out"))
                return None
            raise BriefingError(
                one_line(f"{name}: {exc.message}"),
                path=self.path,
                line=exc.where.line,
                column=exc.where.column,
                hint=exc.hint,
            ) from None
        if isinstance(root.tag, str) and root.tag.startswith(f"{{{W_STRICT}}}"):
            raise self.fail(
                "Strict Open XML documents are not supported",
                hint="save it as Word Document (.docx), not Strict Open XML",
            )
        return root

    def rels(self, part: str) -> list[tuple[str, Rel]]:
        """The relationships of `part` ("" for the package) and their ids, in order.

        A list, not a map: a damaged package may give two relationships one id, and
        both parts are still the document's (the first wins the id, as a link).
        """
        folder = posixpath.dirname(part)
        root = self.xml(rels_name(part))
        out: list[tuple[str, Rel]] = []
        if root is None:
            return out
        for rel in root.iter(qn("pr:Relationship")):
            target = rel.get("Target", "")
            external = rel.get("TargetMode") == "External"
            if not external:
                target = (
                    target.lstrip("/")
                    if target.startswith("/")
                    else posixpath.normpath(posixpath.join(folder, target))
                )
            out.append((rel.get("Id", ""), Rel(rel.get("Type", ""), target, external)))
        ids = [rid for rid, _ in out]
        if len(set(ids)) < len(ids):
            twice = next(rid for rid in ids if ids.count(rid) > 1)
            self.warn(f"{rels_name(part)} gives the id {twice} to two relationships; both parts are read")
        return out

    def links(self, part: str) -> dict[str, str]:
        """The external targets of `part`'s relationships (hyperlinks), by id; the first of an id wins."""
        out: dict[str, str] = {}
        for rid, rel in self.rels(part):
            if rel.external:
                out.setdefault(rid, rel.target)
        return out

    def all_related(self, part: str, *types: str) -> list[str]:
        """Every member `part` relates to by one of `types` (last segments, e.g. "header"), in order."""
        return [
            rel.target
            for _, rel in self.rels(part)
            if not rel.external and rel.type.rsplit("/", 1)[-1] in types
        ]

    def related(self, part: str, reltype: str) -> str | None:
        """The member that `part` relates to by `reltype`, matched on its last segment (`/styles`).

        Only the name is compared: producers differ in the namespace before it.
        """
        suffix = "/" + reltype.rsplit("/", 1)[-1]
        for _, rel in self.rels(part):
            if rel.type.endswith(suffix) and not rel.external:
                return rel.target
        return None


def _part_key(name: str) -> str:
    """A part name as OPC compares them: ASCII letters in either case are the same.

    Zips made on Windows may name members `word\\document.xml`, or `/word/…`: the
    same part, as POI and Word read it.
    """
    return name.translate(_PART_NAME).lstrip("/")


_PART_NAME = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ\\", "abcdefghijklmnopqrstuvwxyz/")
