"""The batch manifest: which inputs, under which settings, made which outputs.

A SQLite file in the output folder. A document is recorded only after all
its outputs are written, so a batch killed at any moment is simply resumed:
what is recorded and still intact is skipped, the rest is redone. WAL mode
and a busy timeout let two batches share one output folder.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from toolkit.batch.plan import sha256_file
from toolkit.sqlite_wal import open_shared

FILE_NAME = ".briefing-manifest.sqlite3"


class Manifest:
    """Records of finished documents in one output folder."""

    def __init__(self, out_dir: str | Path) -> None:
        self.path = Path(out_dir) / FILE_NAME
        self.db = open_shared(
            self.path,
            [
                "CREATE TABLE IF NOT EXISTS documents ("
                " source TEXT PRIMARY KEY, input_sha256 TEXT NOT NULL, settings TEXT NOT NULL,"
                " outputs TEXT NOT NULL, finished REAL NOT NULL)"
            ],
        )

    def up_to_date(self, source: str, input_sha256: str, settings: str) -> list[str] | None:
        """The outputs of `source` if they were made from these bytes and
        settings and are still intact on disk; otherwise None."""
        row = self.db.execute(
            "SELECT input_sha256, settings, outputs FROM documents WHERE source = ?", (_key(source),)
        ).fetchone()
        if row is None or row[0] != input_sha256 or row[1] != settings:
            return None
        outputs: dict[str, str] = json.loads(row[2])
        for path, digest in outputs.items():
            if not Path(path).is_file() or sha256_file(path) != digest:
                return None
        return list(outputs)

    def record(self, source: str, input_sha256: str, settings: str, outputs: dict[str, str]) -> None:
        """Remember that `source` made `outputs` (path -> sha256)."""
        self.db.execute(
            "INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?)",
            (_key(source), input_sha256, settings, json.dumps(outputs, sort_keys=True), time.time()),
        )

    def close(self) -> None:
        self.db.close()


def _key(source: str) -> str:
    return str(Path(source).resolve())
