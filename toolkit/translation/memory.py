"""Translation memory: a SQLite cache of segment translations, safe for concurrent processes."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from toolkit.errors import BriefingError, ExitCode
from toolkit.sqlite_wal import open_shared

SCHEMA_VERSION = 1
CHUNK = 500  # stays below SQLite's host-parameter limit in one `IN (...)`


def default_path() -> Path:
    """BRIEFING_CACHE_DIR/tm.sqlite3, else $XDG_CACHE_HOME/briefing-toolkit/tm.sqlite3."""
    env = os.environ.get("BRIEFING_CACHE_DIR")
    if env:
        return Path(env) / "tm.sqlite3"
    cache_home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache_home / "briefing-toolkit" / "tm.sqlite3"


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
        """The cached translations of those `sources` that are in the memory."""
        wanted = list(dict.fromkeys(sources))
        found: dict[str, str] = {}
        for i in range(0, len(wanted), CHUNK):
            chunk = wanted[i : i + CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"""SELECT source, target FROM segments WHERE engine=? AND model=? AND model_version=?
                AND source_lang=? AND target_lang=? AND glossary_version=? AND source IN ({marks})""",
                (*_fields(key), *chunk),
            )
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
