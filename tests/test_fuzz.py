"""The fuzz harness: readers give a document or a clean error on mutated input, never a crash."""

from __future__ import annotations

import pytest

from tests.fuzz import runner
from toolkit.errors import BriefingError, BriefingWarning
from toolkit.model import Briefing, Meta

QUICK_CASES = 300
SLOW_CASES = 10_000


@pytest.mark.parametrize("reader", runner.READERS)
def test_quick_fuzz_run_has_no_crashes(reader: str) -> None:
    # Stopping after a few crashes keeps this quick even when a reader hangs.
    tally = runner.run(reader, QUICK_CASES, stop_after=3)
    crashes = tally.crashes
    assert crashes == 0, "\n" + tally.report()
    assert tally.cases == QUICK_CASES == tally.documents + tally.errors


@pytest.mark.slow
@pytest.mark.parametrize("reader", runner.READERS)
def test_ten_thousand_cases_per_reader_have_no_crashes(reader: str) -> None:
    tally = runner.run(reader, SLOW_CASES)
    print("\n" + runner.table([tally]))
    crashes = tally.crashes
    assert crashes == 0, "\n" + tally.report(20)


@pytest.mark.parametrize("reader", runner.READERS)
def test_a_case_is_the_same_every_time_and_differs_from_its_neighbours(reader: str) -> None:
    first = runner.make_case(reader, 7, 42)
    assert runner.make_case(reader, 7, 42) == first
    assert runner.make_case(reader, 7, 43).data != first.data
    assert runner.make_case(reader, 8, 42).data != first.data


def _case() -> runner.Case:
    return runner.Case("text", 0, 0, b"Titel\n", ("none",))


def test_outcomes_are_told_apart() -> None:
    def document(data: bytes, fmt: str, *, warn: object) -> Briefing:
        return Briefing(Meta("Titel"), ())

    def clean(data: bytes, fmt: str, *, warn: object) -> Briefing:
        raise BriefingError("bad marker", line=3)

    assert runner.run_case(_case(), read=document).kind == "document"
    assert runner.run_case(_case(), read=clean).kind == "error"


def test_crashes_are_every_other_exception_a_bad_error_a_wrong_warning_and_a_hang() -> None:
    def bare(data: bytes, fmt: str, *, warn: object) -> Briefing:
        raise ValueError("not XML compatible")

    def two_lines(data: bytes, fmt: str, *, warn: object) -> Briefing:
        raise BriefingError("bad\nmarker")

    def no_code(data: bytes, fmt: str, *, warn: object) -> Briefing:
        error = BriefingError("bad")
        error.code = 4  # type: ignore[assignment]
        raise error

    def stray_warning(data: bytes, fmt: str, *, warn: object) -> Briefing:
        import warnings

        warnings.warn("deprecated", DeprecationWarning, stacklevel=1)
        return Briefing(Meta("Titel"), ())

    def wrong_warning(data: bytes, fmt: str, *, warn: object) -> Briefing:
        assert callable(warn)
        warn(RuntimeWarning("odd"))
        return Briefing(Meta("Titel"), ())

    def hang(data: bytes, fmt: str, *, warn: object) -> Briefing:
        while True:
            pass

    for read, signature in (
        (bare, "ValueError"),
        (two_lines, "not one line"),
        (no_code, "with code 4"),
        (stray_warning, "DeprecationWarning"),
        (wrong_warning, "RuntimeWarning"),
        (hang, "timeout"),
    ):
        outcome = runner.run_case(_case(), time_limit=0.2, read=read)
        assert outcome.kind == "crash" and signature in outcome.signature, (read.__name__, outcome)


def test_briefing_warnings_sent_to_warn_are_fine() -> None:
    def warns(data: bytes, fmt: str, *, warn: object) -> Briefing:
        assert callable(warn)
        warn(BriefingWarning("a body without a reference"))
        return Briefing(Meta("Titel"), ())

    assert runner.run_case(_case(), read=warns).kind == "document"
