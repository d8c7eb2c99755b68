"""Shared fixtures: the seed briefing and a warning collector."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.errors import BriefingWarning

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_22ad20a819696709.txt"


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture
def seed_bytes() -> bytes:
    return SEED.read_bytes()


class Collected(list[BriefingWarning]):
    """A `warn` callback that keeps what it is given."""

    def __call__(self, warning: BriefingWarning) -> None:
        self.append(warning)

    def messages(self) -> list[str]:
        return [w.message for w in self]


@pytest.fixture
def warnings_seen() -> Collected:
    return Collected()
