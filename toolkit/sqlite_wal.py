"""Open a SQLite database that several processes share: WAL, waits, safe setup."""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path

BUSY_TIMEOUT_MS = 30_000


def open_shared(path: str | Path, schema: Sequence[str]) -> sqlite3.Connection:
    """Connect in autocommit mode, switch to WAL and run `schema` statements.

    Changing the journal mode needs an exclusive lock, and SQLite reports
    SQLITE_BUSY at once (without calling the busy handler) when two
    connections would otherwise deadlock; so busy_timeout alone does not cover
    two processes opening a new database together. Retry the setup instead,
    for as long as the busy timeout.
    """
    db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")  # WAL keeps this crash-safe for the database
            for statement in schema:
                db.execute(statement)
            return db
        except sqlite3.OperationalError as exc:
            if ("locked" not in str(exc) and "busy" not in str(exc)) or time.monotonic() > deadline:
                db.close()
                raise
            time.sleep(random.uniform(0.01, 0.05))
