"""Translation memory: a SQLite cache of segment translations, safe for concurrent processes.

Two kinds of entry: machine translations, keyed by everything that decides
the model's output (`MemoryKey`), and human translations (reviewed in a CAT
tool and imported from XLIFF), keyed by the language pair and the segment
only: a translator's sentence does not depend on the model or the beam size.
Human entries answer first, and machine entries never replace them.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from toolkit.cachedir import cache_dir
from toolkit.errors import BriefingError, ExitCode
from toolkit.sqlite_wal import open_shared

SCHEMA_VERSION = 2  # 2 added the human table; a version 1 file gains it on open
CHUNK = 500  # stays below SQLite's host-parameter limit in one `IN (...)`


def default_path() -> Path:
    """BRIEFING_CACHE_DIR/tm.sqlite3, else $XDG_CACHE_HOME/briefing-toolkit/tm.sqlite3."""
    return cache_dir() / "tm.sqlite3"


@dataclass(frozen=True, slots=True)
class MemoryKey:
    """Everything besides the segment that decides its translation."""

    engine: str
    model: str
    model_version: str
    source: str
    target: str
    glossary_version: str


class TranslationMemory:
    """Segments keyed by (engine, model, version, pair, glossary version, normalised source).

    Concurrency: WAL lets readers run beside one writer, `busy_timeout` makes
    a second writer wait instead of failing, and `INSERT OR IGNORE` makes two
    processes that translated the same segment agree on the first answer.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path else default_path()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = open_shared(
                self.path,
                [
                    """CREATE TABLE IF NOT EXISTS segments (
                        engine TEXT NOT NULL, model TEXT NOT NULL, model_version TEXT NOT NULL,
                        source_lang TEXT NOT NULL, target_lang TEXT NOT NULL, glossary_version TEXT NOT NULL,
                        source TEXT NOT NULL, target TEXT NOT NULL, created REAL NOT NULL,
                        PRIMARY KEY (engine, model, model_version, source_lang, target_lang, glossary_version, source)
                    ) WITHOUT ROWID""",
                    """CREATE TABLE IF NOT EXISTS human (
                        source_lang TEXT NOT NULL, target_lang TEXT NOT NULL, source TEXT NOT NULL,
                        target TEXT NOT NULL, origin TEXT NOT NULL, created REAL NOT NULL,
                        PRIMARY KEY (source_lang, target_lang, source)
                    ) WITHOUT ROWID""",
                    f"PRAGMA user_version = {SCHEMA_VERSION}",
                ],
            )
        except (sqlite3.Error, OSError) as exc:
            raise BriefingError(
                f"cannot open the translation memory: {exc}",
                path=str(self.path),
                hint="use --no-cache, or --cache PATH for another location",
                code=ExitCode.OUTPUT,
            ) from None

    def get_many(self, key: MemoryKey, sources: Iterable[str]) -> dict[str, str]:
        """The translations of those `sources` that are in the memory, human ones first."""
        human, machine = self.get_split(key, sources)
        return {**machine, **human}

    def get_split(self, key: MemoryKey, sources: Iterable[str]) -> tuple[dict[str, str], dict[str, str]]:
        """(human, machine): the human translations of `sources`, and machine ones for the rest."""
        wanted = list(dict.fromkeys(sources))
        human = self.get_human(key.source, key.target, wanted)
        rest = [s for s in wanted if s not in human]
        machine = self._select(
            """SELECT source, target FROM segments WHERE engine=? AND model=? AND model_version=?
            AND source_lang=? AND target_lang=? AND glossary_version=? AND source IN ({marks})""",
            _fields(key),
            rest,
        )
        return human, machine

    def get_human(self, source_lang: str, target_lang: str, sources: Iterable[str]) -> dict[str, str]:
        """The human translations of those `sources` that are in the memory."""
        return self._select(
            "SELECT source, target FROM human WHERE source_lang=? AND target_lang=? AND source IN ({marks})",
            (source_lang, target_lang),
            list(dict.fromkeys(sources)),
        )

    def put_human(
        self, source_lang: str, target_lang: str, translations: Mapping[str, str], origin: str = ""
    ) -> None:
        """Store human translations in one transaction; a newer one replaces an older one."""
        if not translations:
            return
        now = time.time()
        rows = [(source_lang, target_lang, src, tgt, origin, now) for src, tgt in translations.items()]
        with self._transaction():
            self._db.executemany("INSERT OR REPLACE INTO human VALUES (?,?,?,?,?,?)", rows)

    def _select(self, query: str, fields: tuple[str, ...], wanted: list[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for i in range(0, len(wanted), CHUNK):
            chunk = wanted[i : i + CHUNK]
            rows = self._db.execute(query.format(marks=",".join("?" * len(chunk))), (*fields, *chunk))
            found.update(rows.fetchall())
        return found

    def put_many(self, key: MemoryKey, translations: Mapping[str, str]) -> None:
        """Store translations in one transaction; segments already present are left alone."""
        if not translations:
            return
        now = time.time()
        rows = [(*_fields(key), src, tgt, now) for src, tgt in translations.items()]
        with self._transaction():
            self._db.executemany("INSERT OR IGNORE INTO segments VALUES (?,?,?,?,?,?,?,?,?)", rows)

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT: take the write lock up front, so waiting happens in busy_timeout."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")


def _fields(key: MemoryKey) -> tuple[str, ...]:
    return (key.engine, key.model, key.model_version, key.source, key.target, key.glossary_version)
