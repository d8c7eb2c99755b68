"""Decide which lines of plain text are headings: explainable and overridable.

Plain text from Word carries no heading markers, so this is a heuristic. Each
decision comes with the rule that made it, so `briefing convert --explain`
can show why a line was taken for a heading, and `--heading` /
`--no-heading` can force or suppress any line by number or by text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

FINAL_PUNCTUATION = ".!?:;,"


@dataclass(frozen=True)
class HeadingRules:
    """The heading heuristic's knobs and the user's overrides.

    `force` and `suppress` hold line numbers (1-based) or exact line texts
    (compared after stripping surrounding whitespace).
    """

    max_words: int = 14
    max_chars: int = 120
    force: frozenset[int | str] = field(default_factory=frozenset)
    suppress: frozenset[int | str] = field(default_factory=frozenset)

    @staticmethod
    def overrides(force: list[str] = [], suppress: list[str] = []) -> HeadingRules:  # noqa: B006
        """Rules from command-line values: numbers are lines, the rest text."""

        def keys(values: list[str]) -> frozenset[int | str]:
            return frozenset(int(v) if v.strip().isdigit() else v.strip() for v in values)

        return HeadingRules(force=keys(force), suppress=keys(suppress))


@dataclass(frozen=True)
class Decision:
    """One line's verdict and the rule that gave it."""

    line: int
    text: str
    kind: str  # "title", "heading" or "paragraph"
    reason: str

    @property
    def heading(self) -> bool:
        return self.kind == "heading"


def decide(line: int, text: str, has_note: bool, rules: HeadingRules) -> Decision:
    """Is this line (already stripped, not the title) a heading, and why?"""

    def verdict(heading: bool, reason: str) -> Decision:
        return Decision(line, text, "heading" if heading else "paragraph", reason)

    if line in rules.force or text in rules.force:
        return verdict(True, "forced by --heading")
    if line in rules.suppress or text in rules.suppress:
        return verdict(False, "suppressed by --no-heading")
    if has_note:
        return verdict(False, "has a note reference")
    if text[-1] in FINAL_PUNCTUATION:
        return verdict(False, f"ends with {text[-1]!r}")
    words = len(text.split())
    if words > rules.max_words:
        return verdict(False, f"{words} words, more than {rules.max_words}")
    if len(text) > rules.max_chars:
        return verdict(False, f"{len(text)} characters, more than {rules.max_chars}")
    if not text[0].isupper() and not text[0].isdigit():
        return verdict(False, "does not start with a capital or digit")
    return verdict(True, f"{words} words, no final punctuation, starts with {text[0]!r}")
