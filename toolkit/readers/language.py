"""The language a briefing's text is written in, told by its commonest words: the readers' check on a file's own claim.

A DOCX states a language in its style defaults, but that is usually the template's
spell-check setting (python-docx's and LibreOffice's HTML import say `en-US` for
Dutch text), and POI's text states none. Function words tell Dutch from English,
German and French after a few sentences; without clear evidence there is no guess.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator

from toolkit.model import Briefing, Heading, Note, P, plain_text
from toolkit.model.walk import walk
from toolkit.record import replace


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# Frequent words of each language. A word two of them use (Dutch `de`, `en`, `als`, `er`, `of`,
# `over`, `pas`, `werden`, `der` in "Staten-Generaal der"; German `an`, French `on`, `du`) is
# left out of both, so that every hit counts for one language only.
_WORDS = {
    "nl": _words(
        "het een van dat op te voor met zijn niet aan om ook bij door wordt worden naar deze dit heeft "
        "hebben zal kabinet"
    ),
    "en": _words("the and to that for with as by be are this it from at not will which has have would"),
    "de": _words("und das nicht mit sich auf für ist im dem ein eine zu wird sind"),
    "fr": _words("le la les et un une est dans que pour sur au avec ce qui sont"),
}
_LANG_OF = {word: lang for lang, words in _WORDS.items() for word in words}
_WORD = re.compile(r"[^\W\d_]+")
MIN_HITS = 5  # fewer function words than this is too little text to tell
MARGIN = 3  # the language found must have this many times the runner-up's hits
ENOUGH = 60  # this many hits with the margin settle it: a long document is not read to its end


def guess_language(doc: Briefing) -> str | None:
    """The language the text of `doc` is clearly in (`nl`, `en`, `de`, `fr`), or None."""
    hits: Counter[str] = Counter()
    for text in _texts(doc):
        hits.update(_LANG_OF[w] for w in _WORD.findall(text.lower()) if w in _LANG_OF)
        if hits.total() >= ENOUGH and _clear(hits):
            break
    return _clear(hits)


def _clear(hits: Counter[str]) -> str | None:
    ranked = [*hits.most_common(2), ("", 0), ("", 0)]
    (best, count), (_, second) = ranked[0], ranked[1]
    return best if count >= MIN_HITS and count >= MARGIN * second else None


def _texts(doc: Briefing) -> Iterator[str]:
    yield doc.meta.title
    for step in walk(doc):
        if isinstance(step.node, (P, Heading)):
            yield plain_text(step.node.children)
        elif isinstance(step.node, Note):
            yield from (plain_text(p.children) for p in step.node.body)


_NAMES = {"nl": "Dutch", "en": "English", "de": "German", "fr": "French"}


def settle_language(doc: Briefing, stated: str | None, warn: Callable[[str], None]) -> Briefing:
    """`doc` in the language its text is clearly in; else the one the file states; else Dutch.

    When the text clearly contradicts what the file states, the text wins, and `warn` says so.
    """
    guessed = guess_language(doc)
    if guessed is None:
        lang = stated or "nl"
    else:
        if stated is not None and stated != guessed:
            warn(
                f"the text reads as {_NAMES[guessed]}, though the file says its language is {stated!r}: "
                f"read as {guessed!r}"
            )
        lang = guessed
    return doc if lang == doc.lang else replace(doc, lang=lang)
