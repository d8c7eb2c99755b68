"""Write a briefing as XLIFF 2.1 (or 1.2) for translators: sources only, or with machine targets.

    data = toolkit.render(doc, "xlf")                                  # sources only, for en
    data = render_xliff(doc, XliffOptions(target_lang="en", version="1.2"))
    data = translate_xliff(doc, XliffOptions("en"), TranslateOptions(beam_size=1))  # MT filled

Layout: `units` (the document as units and segments, shared with the reader),
`machine` (targets from the memory and the model), `v21` and `v12` (the two
serialisations), `ns` (namespaces and code spellings).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from lxml import etree

from toolkit.errors import BriefingError, BriefingWarning, ExitCode, Warn, python_warning
from toolkit.model import Briefing
from toolkit.translation.options import TranslateOptions

if TYPE_CHECKING:
    from toolkit.translation.pipeline import Stats, Translator

Version = Literal["2.1", "1.2"]
VERSIONS: tuple[Version, ...] = ("2.1", "1.2")


@dataclass(frozen=True)
class XliffOptions:
    """What XLIFF to write: the target language (`trgLang`) and the XLIFF version."""

    target_lang: str = "en"
    version: Version = "2.1"

    def __post_init__(self) -> None:
        if self.version not in VERSIONS:
            raise BriefingError(
                f"cannot write XLIFF version {self.version!r}",
                hint=f"choose one of: {', '.join(VERSIONS)}",
                code=ExitCode.USAGE,
            )


def write_xliff(doc: Briefing, style: Any = None, warn: Warn = python_warning) -> bytes:
    """The writers' entry (`toolkit.render(doc, "xlf")`): XLIFF 2.1, sources only, into English (Dutch from English)."""
    return render_xliff(doc, XliffOptions(target_lang="nl" if doc.lang == "en" else "en"))


def render_xliff(doc: Briefing, options: XliffOptions | None = None) -> bytes:
    """XLIFF for human translation: every segment's state is `initial`, with no target."""
    return _serialise(doc, options or XliffOptions(), None, None)


def translate_xliff(
    doc: Briefing,
    options: XliffOptions | None = None,
    translate: TranslateOptions | None = None,
    *,
    translator: Translator | None = None,
    stats: Stats | None = None,
    warn: Warn = python_warning,
) -> bytes:
    """XLIFF with every target filled: from the memory's human translations, else the model.

    Machine targets are `state="translated"` with `subState="brf:mt"` and an
    `mtc:match` of `type="mt"` whose `origin` names the engine, model, version
    and decoding; human translations from the memory are `brf:tm-human`, with
    a match of `type="tm"`. `translator` replaces the one `translate` makes.
    """
    from toolkit.translation.pipeline import Translator
    from toolkit.writers.xliff import machine
    from toolkit.xliff.units import units

    options = options or XliffOptions()
    own = translator is None
    active = translator or Translator(doc.lang, options.target_lang, translate, warn=warn)
    try:
        if active.target != options.target_lang:
            raise BriefingError(
                f"the translator is into {active.target!r}, the file into {options.target_lang!r}",
                code=ExitCode.USAGE,
            )
        if doc.lang != active.source:  # as `translate` does: say so, and translate from the model's language
            warn(BriefingWarning(f"the document says its language is {doc.lang!r}, not {active.source!r}"))
        found = units(doc)
        targets = machine.fill(found, active, stats, warn)
        return _serialise(doc, options, targets, machine.provenance(active), found, active.source)
    finally:
        if own:
            active.close()


def _serialise(
    doc: Briefing,
    options: XliffOptions,
    targets: Any,
    made_by: Any,
    found: Any = None,
    source_lang: str | None = None,
) -> bytes:
    from toolkit.writers.xliff import v12, v21
    from toolkit.xliff.units import units

    source_lang = source_lang or doc.lang
    if options.target_lang == source_lang:
        raise BriefingError(f"source and target language are both {source_lang!r}", code=ExitCode.USAGE)
    found = found if found is not None else units(doc)
    make = v21.document if options.version == "2.1" else v12.document
    root = make(doc, found, source_lang, options.target_lang, targets, made_by)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=False) + b"\n"
