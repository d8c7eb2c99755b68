"""Make the fuzz cases, run `toolkit.read` on each, and count what came out.

A case is fixed by (reader, seed, index): its own `random.Random` picks a
seed input and the mutations, so any case can be rebuilt alone to replay it.
An outcome is a document, a clean `BriefingError` (an `ExitCode` and a
one-line message), or a crash: any other exception, a run past the time
limit, or a warning that is not a `BriefingWarning` sent to `warn`.
"""

from __future__ import annotations

import collections
import gc
import random
import signal
import sys
import threading
import time
import traceback
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.fuzz import dialects, seeds, textmut, xmlmut, zipmut, zipraw

READERS = ("text", "docx", "xml")
# CPU seconds a case may take. CPU time, not wall time: on a shared machine a
# loaded run took 2x as long by the clock, and made time-outs of linear work.
# A hang or a quadratic blow-up on a megabyte input takes minutes, far past this.
TIME_LIMIT_S = 10.0
_TOOLKIT = str(Path(__file__).resolve().parents[2] / "toolkit")


@dataclass(frozen=True)
class Case:
    """One fuzz input and how it was made."""

    reader: str
    seed: int
    index: int
    data: bytes
    steps: tuple[str, ...]

    @property
    def replay(self) -> str:
        return f"python -m tests.fuzz --reader {self.reader} --seed {self.seed} --case {self.index}"


def make_case(reader: str, seed: int, index: int) -> Case:
    """The case `index` of `reader` under `seed`, the same every time."""
    rng = random.Random(f"{reader}/{seed}/{index}")
    steps: list[str] = []
    if reader == "text":
        data = rng.choice(seeds.text())
        for _ in range(_count(rng)):
            name, fn = rng.choice(list(textmut.MUTATIONS.items()))
            data = fn(rng, data)
            steps.append(name)
    elif reader == "xml":
        data = rng.choice(seeds.xml())
        for _ in range(_count(rng)):
            name, data = xmlmut.mutate(rng, data, dialects.BRIEFING)
            steps.append(name)
    elif reader == "docx":
        data = _docx_case(rng, steps)
    else:
        raise ValueError(f"no such reader: {reader}")
    return Case(reader, seed, index, data, tuple(steps))


def _count(rng: random.Random) -> int:
    return rng.choice((1, 1, 1, 2, 2, 3))


def _docx_case(rng: random.Random, steps: list[str]) -> bytes:
    parts = list(rng.choice(seeds.docx()))
    level = rng.random()
    xml_steps = _count(rng) if level < 0.65 else 0
    zip_steps = _count(rng) if level >= 0.5 else 0
    for _ in range(xml_steps):
        i = _member(rng, [n for n, _ in parts])
        name, data = xmlmut.mutate(rng, parts[i][1], dialects.DOCX)
        parts[i] = (parts[i][0], data)
        steps.append(f"{parts[i][0]}:{name}")
    archive = zipmut.Archive([zipraw.entry(n, d) for n, d in parts])
    for _ in range(zip_steps):
        name, fn = rng.choice(list(zipmut.MUTATIONS.items()))
        fn(rng, archive)
        steps.append(f"zip:{name}")
    out = archive.build()
    if not steps or rng.random() < 0.1:
        name, raw = rng.choice((("flip-bytes", textmut.flip_bytes), ("truncate", textmut.truncate)))
        out = raw(rng, out)
        steps.append(f"raw:{name}")
    return out


def _member(rng: random.Random, names: list[str]) -> int:
    weights = [
        {"word/document.xml": 8, "word/footnotes.xml": 4}.get(n, 2 if n in zipmut.IMPORTANT else 0.3)
        for n in names
    ]
    return rng.choices(range(len(names)), weights)[0]


class CaseTimeout(BaseException):
    """Raised in the reader by the alarm: a BaseException, so `except Exception` cannot swallow it."""


@dataclass(frozen=True)
class Outcome:
    """What one case gave: "document", "error" or "crash", and for a crash its signature and traceback."""

    kind: str
    signature: str = ""
    detail: str = ""


def run_case(case: Case, time_limit: float = TIME_LIMIT_S, read: Callable[..., Any] | None = None) -> Outcome:
    """Read the case's bytes once and classify the result."""
    import toolkit

    reader = read or toolkit.read
    sent: list[object] = []
    alarm = threading.current_thread() is threading.main_thread()
    if alarm:
        previous = signal.signal(signal.SIGPROF, _on_alarm)
        signal.setitimer(signal.ITIMER_PROF, time_limit)  # the process's own CPU time
    # No garbage collection during the case: the timer must not fire inside a gc
    # callback (a library's), where the exception would be lost as "unraisable".
    collecting = gc.isenabled()
    gc.disable()
    start = time.process_time()
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            result = reader(case.data, case.reader, warn=sent.append)
    except CaseTimeout as exc:
        return _crash(exc, f"timeout (> {time_limit:g} s of CPU)")
    except toolkit.BriefingError as exc:
        outcome = _check_error(exc)
    except Exception as exc:
        return _crash(exc)
    else:
        outcome = (
            Outcome("document")
            if isinstance(result, toolkit.Briefing)
            else Outcome("crash", f"returned {type(result).__name__}, not a Briefing")
        )
    finally:
        if alarm:
            signal.setitimer(signal.ITIMER_PROF, 0)
            signal.signal(signal.SIGPROF, previous)
        if collecting:
            gc.enable()
    elapsed = time.process_time() - start
    if elapsed > time_limit:  # a C call the alarm could not interrupt
        return Outcome("crash", f"timeout (> {time_limit:g} s of CPU): {elapsed:.1f} s")
    for w in sent:
        if not isinstance(w, toolkit.BriefingWarning):
            return Outcome("crash", f"warn() was sent a {type(w).__name__}", repr(w))
    for record in caught:
        return Outcome(
            "crash",
            f"Python warning {record.category.__name__} from {_short(record.filename)}:{record.lineno}",
            str(record.message),
        )
    return outcome


def _on_alarm(signum: int, frame: object) -> None:
    raise CaseTimeout


def _check_error(exc: Exception) -> Outcome:
    import toolkit

    assert isinstance(exc, toolkit.BriefingError)
    message = str(exc)
    if not isinstance(exc.code, toolkit.ExitCode):
        return Outcome("crash", f"BriefingError with code {exc.code!r}", message)
    if "\n" in message or "\r" in message or not exc.message.strip():
        return Outcome("crash", "BriefingError whose message is not one line", repr(message[:300]))
    return Outcome("error")


def _crash(exc: BaseException, what: str | None = None) -> Outcome:
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if f.filename.startswith(_TOOLKIT)]
    where = ours[-1] if ours else (frames[-1] if frames else None)
    if where is None:
        at = ""
    elif what:  # a hang is interrupted on whichever line it is: group by function
        at = f" in {_short(where.filename)}:{where.name}"
    else:
        at = f" at {_short(where.filename)}:{where.lineno} in {where.name}"
    detail = "".join(traceback.format_exception(exc)[-12:])
    return Outcome("crash", f"{what or type(exc).__name__}{at}", detail)


def _short(filename: str) -> str:
    root = str(Path(_TOOLKIT).parent) + "/"
    return filename[len(root) :] if filename.startswith(root) else filename


@dataclass
class Tally:
    """The outcomes of one reader's run."""

    reader: str
    cases: int = 0
    documents: int = 0
    errors: int = 0
    crashes: int = 0
    seconds: float = 0.0
    signatures: collections.Counter[str] = field(default_factory=collections.Counter)
    first: dict[str, Case] = field(default_factory=dict)  # the first case of each signature
    details: dict[str, str] = field(default_factory=dict)

    def add(self, case: Case, outcome: Outcome) -> None:
        self.cases += 1
        if outcome.kind == "document":
            self.documents += 1
        elif outcome.kind == "error":
            self.errors += 1
        else:
            self.crashes += 1
            self.signatures[outcome.signature] += 1
            self.first.setdefault(outcome.signature, case)
            self.details.setdefault(outcome.signature, outcome.detail)

    def report(self, limit: int = 5) -> str:
        """The crash signatures, most frequent first, each with a command that replays it."""
        lines = []
        for signature, count in self.signatures.most_common(limit):
            case = self.first[signature]
            lines.append(f"  {count:>5} x {signature}\n          {case.replay}   [{', '.join(case.steps)}]")
        return "\n".join(lines)


def run(
    reader: str,
    cases: int,
    seed: int = 0,
    time_limit: float = TIME_LIMIT_S,
    read: Callable[..., Any] | None = None,
    progress: Callable[[int], None] | None = None,
    stop_after: int | None = None,
) -> Tally:
    """Run `cases` cases of `reader` under `seed`; stop early after `stop_after` crashes."""
    tally = Tally(reader)
    start = time.perf_counter()
    for index in range(cases):
        case = make_case(reader, seed, index)
        tally.add(case, run_case(case, time_limit, read))
        if progress is not None:
            progress(index + 1)
        if stop_after is not None and tally.crashes >= stop_after:
            break
    tally.seconds = time.perf_counter() - start
    return tally


def table(tallies: list[Tally], signatures: int = 5) -> str:
    """The figures per reader as an aligned table, then the first crash signatures."""
    head = f"{'reader':<7} {'cases':>7} {'documents':>10} {'clean errors':>13} {'crashes':>8} {'seconds':>8}"
    lines = [head, "-" * len(head)]
    for t in tallies:
        lines.append(
            f"{t.reader:<7} {t.cases:>7} {t.documents:>10} {t.errors:>13} {t.crashes:>8} {t.seconds:>8.1f}"
        )
    for t in tallies:
        if t.crashes:
            lines.append(f"\n{t.reader}: {len(t.signatures)} crash signature(s)")
            lines.append(t.report(signatures))
    return "\n".join(lines)


def main_progress(reader: str, total: int) -> Callable[[int], None]:
    """A progress line on stderr, when it is a terminal."""

    def show(done: int) -> None:
        if sys.stderr.isatty() and (done % 100 == 0 or done == total):
            print(
                f"\r{reader}: {done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True
            )

    return show
