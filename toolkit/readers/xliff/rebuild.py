"""Targets back into a briefing: codes checked unit by unit, notes at their anchors, sections as the skeleton's."""

from __future__ import annotations

from collections.abc import Iterator
from typing import assert_never

from toolkit.errors import BriefingError, BriefingWarning, Location, Warn
from toolkit.model import (
    Block,
    Briefing,
    Cell,
    Emph,
    Heading,
    Inline,
    Item,
    LineBreak,
    Link,
    ListBlock,
    Note,
    P,
    Row,
    Section,
    Strong,
    Sub,
    Sup,
    Table,
    Translation,
    plain_text,
)
from toolkit.readers.xliff.parse import Loaded
from toolkit.record import replace
from toolkit.xliff.ns import display
from toolkit.xliff.units import Close, Open, Ph, Text, Token, Unit, key_of


class Rebuilder:
    """Builds the target-language document from a loaded file; `human` counts confirmed segments."""

    def __init__(self, loaded: Loaded, path: str | None, warn: Warn, allow_untranslated: bool) -> None:
        self.loaded, self.path, self.warn = loaded, path, warn
        self.allow_untranslated = allow_untranslated
        self.by_id = {u.id: u for u in loaded.units}
        self.edited = 0  # segments whose target is not the recorded machine proposal

    def error(self, message: str, line: int | None = None) -> BriefingError:
        return BriefingError(message, path=self.path, line=line)

    def document(self) -> Briefing:
        source = self.loaded.source
        containers = iter(u for u in self.loaded.units if u.kind != "note")
        title_items = self.unit(next(containers))
        meta = replace(
            source.meta,
            title=plain_text(title_items).strip(),
            title_notes=tuple(n for n in title_items if isinstance(n, Note)),
            translation=self.translation(),
        )
        body = self.blocks(source.body, containers)
        return Briefing(meta=meta, body=body, lang=self.loaded.target_lang or source.lang)

    def translation(self) -> Translation:
        made = self.loaded.made_by
        targets = self.loaded.targets.values()
        human = self.edited or any(t.human for t in targets)
        # Machine-made while any target is machine output no person confirmed.
        reviewed = bool(targets) and all(t.human for t in targets)
        if "translation-engine" not in made:
            return Translation(self.loaded.source.lang, "human", "xliff", "", machine=False)
        engine = made["translation-engine"] + (" post-edited" if human else "")
        return Translation(
            made.get("translation-source-lang", self.loaded.source.lang),
            engine,
            made.get("translation-model", ""),
            made.get("translation-model-version", ""),
            machine=not reviewed,
        )

    def blocks(self, blocks: tuple[Block, ...], units: Iterator[Unit]) -> tuple[Block, ...]:
        return tuple(self.block(b, units) for b in blocks)

    def block(self, block: Block, units: Iterator[Unit]) -> Block:
        match block:
            case P():
                return P(self.unit(next(units)))
            case Section():
                heading = Heading(self.unit(next(units)))
                return Section(heading, self.blocks(block.blocks, units))
            case ListBlock():
                return ListBlock(
                    tuple(Item(self.blocks(i.blocks, units)) for i in block.items), block.ordered
                )
            case Table():
                return Table(
                    tuple(
                        Row(tuple(Cell(self.blocks(c.blocks, units), c.header) for c in r.cells))
                        for r in block.rows
                    )
                )
            case _:
                assert_never(block)

    def stream(self, unit: Unit) -> list[tuple[str, Token]]:
        """The unit's target content in order, each token with the part it is in."""
        out: list[tuple[str, Token]] = []
        missing = []
        for part in unit.parts:
            target = self.loaded.targets.get((unit.id, part.id))
            if target is not None:
                tokens = target.tokens
                if part.segment and target.machine is not None and target.machine != tokens:
                    self.edited += 1
            elif not part.segment or key_of(part) is None:  # white space, or nothing to translate
                tokens = part.source
            elif self.allow_untranslated:
                self.warn(
                    BriefingWarning(
                        f"unit {unit.id} segment {part.id} has no target: kept the source",
                        Location(self.path),
                    )
                )
                tokens = part.source
            else:
                missing.append(part.id)
                continue
            out.extend((part.id, t) for t in tokens)
        if missing:
            more = f" (nor {len(missing) - 1} more segment(s) of the unit)" if len(missing) > 1 else ""
            raise BriefingError(
                f"unit {unit.id} segment {missing[0]} has no translation{more}",
                path=self.path,
                hint="translate it, or pass --allow-untranslated to keep the source text",
            )
        return out

    def unit(self, unit: Unit) -> tuple[Inline, ...]:
        """The inline content of a unit's target, with every code checked against its source."""
        stream = self.stream(unit)
        homes = {
            t.code: pid for p in unit.parts for t in p.source if isinstance(t, (Ph, Open)) for pid in [p.id]
        }
        seen: set[tuple[str, str]] = set()
        for pid, token in stream:
            if isinstance(token, Text):
                continue
            if token.code not in unit.codes:
                raise self.error(f"unit {unit.id} segment {pid}: unknown inline code {token.code!r}")
            kind = type(token).__name__
            if (kind, token.code) in seen:
                raise self.error(f"unit {unit.id} segment {pid}: inline code {token.code!r} occurs twice")
            seen.add((kind, token.code))
            if isinstance(token, Ph) and homes.get(token.code) != pid and unit.codes[token.code].flows:
                self.warn(
                    BriefingWarning(
                        f"unit {unit.id}: note {token.code} moved from segment {homes.get(token.code)} to {pid}",
                        Location(self.path),
                    )
                )
        for code in unit.codes.values():
            if isinstance(code.node, Note) and ("Ph", code.id) not in seen:
                raise self.error(
                    f"unit {unit.id} segment {homes.get(code.id)}: the target lacks note {code.id} "
                    f"(its reference {display(code.node, code.number)} must stay in the sentence)"
                )
        opened = {c for k, c in seen if k == "Open"}
        closed = {c for k, c in seen if k == "Close"}
        for cid in sorted(opened ^ closed):
            self.warn(
                BriefingWarning(
                    f"unit {unit.id}: only one end of inline code {cid} is in the target; its markup is dropped",
                    Location(self.path),
                )
            )
        return self.tree(
            unit,
            [(p, t) for p, t in stream if not isinstance(t, (Open, Close)) or t.code not in opened ^ closed],
        )

    def tree(self, unit: Unit, stream: list[tuple[str, Token]]) -> tuple[Inline, ...]:
        stack: list[tuple[str | None, list[Inline]]] = [(None, [])]
        for pid, token in stream:
            if isinstance(token, Text):
                stack[-1][1].append(token.text)
            elif isinstance(token, Open):
                stack.append((token.code, []))
            elif isinstance(token, Close):
                if stack[-1][0] != token.code:
                    raise self.error(
                        f"unit {unit.id} segment {pid}: inline code {token.code} overlaps another"
                    )
                _, children = stack.pop()
                stack[-1][1].append(_span(unit.codes[token.code].node, children))
            else:
                code = unit.codes[token.code]
                if isinstance(code.node, Note):
                    body = tuple(P(self.unit(self.by_id[f])) for f in code.flows)
                    stack[-1][1].append(replace(code.node, body=body))
                else:
                    stack[-1][1].append(LineBreak())
        return tuple(stack[0][1])


def _span(node: Inline, children: list[Inline]) -> Inline:
    match node:
        case Link():
            return Link(tuple(children), href=node.href)
        case Emph() | Strong() | Sup() | Sub():
            return type(node)(tuple(children))
    raise TypeError(f"not a span: {node!r}")
