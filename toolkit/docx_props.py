"""How a briefing's meta travels inside a DOCX: the custom properties both DOCX sides agree on.

The DOCX writer stores, in `docProps/custom.xml` (Word: File > Properties >
Custom), what Word has no field for, as strings:

- `briefing.date`, `briefing.kind`: the meta fields;
- `briefing.refs`, `briefing.translation`: JSON;
- `briefing.source`: JSON `[format, name, sha256]` of what the document was
  made from, or `null`;
- `briefing.note-ids`: JSON `{"footnote:7": "2", ...}`, the source ids of
  notes whose Word id had to differ (missing, duplicate or non-numeric);
- `briefing.content-sha256`: `content_hash` of the story parts as written.

The DOCX reader trusts `briefing.source` and `briefing.note-ids` only while
the story parts are unchanged (the hash matches): a file edited in Word is a
new document, whose source is the DOCX itself. Like the XML serialiser and
parser, the two sides are a matched pair, so the contract lives here, in
neither of them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

CONTENT_SHA256 = "briefing.content-sha256"


def content_hash(blobs: Iterable[bytes]) -> str:
    """The sha256 of the story parts (document, footnotes, endnotes), in order, each followed by a NUL."""
    digest = hashlib.sha256()
    for blob in blobs:
        digest.update(blob)
        digest.update(b"\0")
    return digest.hexdigest()
