"""What the PDF says about itself: the date it was made, and its XMP metadata.

The creation and modification dates are the time of rendering, unless
`SOURCE_DATE_EPOCH` is set: the reproducible-builds convention, under which the
same document gives the same bytes (the tests that compare bytes set it). The
document information dictionary and the XMP packet take their dates from the same
`Stamp`, so the two agree, as PDF/UA's validators check.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping

from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName, PDFStream
from reportlab.pdfgen.canvas import Canvas

from toolkit.errors import BriefingError, ExitCode
from toolkit.record import record

EPOCH_VARIABLE = "SOURCE_DATE_EPOCH"


class Stamp:
    """A moment in the form reportlab's PDFDate reads (`doc._timeStamp`), with a real UTC offset."""

    def __init__(self, moment: dt.datetime) -> None:
        self.datetime = moment
        self.t = moment.timestamp()
        self.YMDhms = moment.timetuple()[:6]
        offset = moment.utcoffset() or dt.timedelta(0)
        minutes = int(offset.total_seconds() // 60)
        sign = -1 if minutes < 0 else 1
        self.dhh, self.dmm = sign * (abs(minutes) // 60), abs(minutes) % 60

    def xmp(self) -> str:
        """The moment as an XMP date: ISO 8601 with its offset."""
        return self.datetime.isoformat(timespec="seconds")


def render_time(environ: Mapping[str, str] = os.environ) -> Stamp:
    """Now, in local time; or `SOURCE_DATE_EPOCH` (seconds since 1970, UTC) when it is set."""
    raw = environ.get(EPOCH_VARIABLE, "").strip()
    if not raw:
        return Stamp(dt.datetime.now().astimezone())
    try:
        seconds = int(raw)
        moment = dt.datetime.fromtimestamp(seconds, dt.UTC)
    except (ValueError, OverflowError, OSError):
        raise BriefingError(
            f"{EPOCH_VARIABLE}={raw!r} is not a time: it must be a whole number of seconds since 1970",
            hint=f"unset {EPOCH_VARIABLE}, or set it to e.g. $(git log -1 --format=%ct)",
            code=ExitCode.USAGE,
        ) from None
    return Stamp(moment)


@record
class Described:
    """What the XMP packet says: the same values as the document information dictionary."""

    title: str
    subject: str
    lang: str
    creator: str  # the tool that made the content (Info /Creator, xmp:CreatorTool)
    producer: str  # the tool that wrote the PDF (Info /Producer, pdf:Producer)
    stamp: Stamp
    pdfua: bool  # claim PDF/UA-1 (pdfuaid:part 1)


def xmp_packet(d: Described) -> bytes:
    """The XMP metadata packet, as UTF-8."""
    date = d.stamp.xmp()
    claim = "\n      <pdfuaid:part>1</pdfuaid:part>" if d.pdfua else ""
    namespace = '\n        xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"' if d.pdfua else ""
    text = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
  <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
    <rdf:Description rdf:about=""
        xmlns:dc="http://purl.org/dc/elements/1.1/"
        xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
        xmlns:xmp="http://ns.adobe.com/xap/1.0/"{namespace}>
      <dc:format>application/pdf</dc:format>
      <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{_text(d.title)}</rdf:li></rdf:Alt></dc:title>
      <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{_text(d.subject)}</rdf:li></rdf:Alt></dc:description>
      <dc:language><rdf:Bag><rdf:li>{_text(d.lang)}</rdf:li></rdf:Bag></dc:language>
      <pdf:Producer>{_text(d.producer)}</pdf:Producer>
      <xmp:CreatorTool>{_text(d.creator)}</xmp:CreatorTool>
      <xmp:CreateDate>{date}</xmp:CreateDate>
      <xmp:ModifyDate>{date}</xmp:ModifyDate>
      <xmp:MetadataDate>{date}</xmp:MetadataDate>{claim}
    </rdf:Description>
  </rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>"""
    return text.encode("utf-8")


def describe(canv: Canvas, d: Described) -> None:
    """Put the XMP packet in the catalog, and ask viewers to show the title, not the file name."""
    doc = canv._doc
    stream = PDFStream(
        PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
        content=xmp_packet(d),
        filters=[],  # uncompressed, as XMP is meant to be readable by any tool
    )
    doc.Catalog.Metadata = doc.Reference(stream, "XMPMetadata")
    canv.setViewerPreference("DisplayDocTitle", "true")


def _text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
