"""The batch manifest: which inputs, under which settings, made which outputs.

A SQLite file in the output folder. A document is recorded only after all
its outputs are written, so a batch killed at any moment is simply resumed:
what is recorded and still intact is skipped, the rest is redone. WAL mode
and a busy timeout let two batches share one output folder.

Inputs are keyed by their resolved path and outputs are stored by their name
in the folder, so a record holds from any working directory, however the
paths were typed, and after the output folder is moved.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from pathlib import Path

from toolkit.sqlite_wal import open_shared

FILE_NAME = ".briefing-manifest.sqlite3"


class Manifest:
    """Records of finished documents in one output folder."""

    def __init__(self, out_dir: str | Path) -> None:
        self.folder = Path(out_dir)
        self.resolved = self.folder.resolve()
        self.path = self.folder / FILE_NAME
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
        outputs = self._paths(row[2])
        for path, digest in outputs.items():
            if not Path(path).is_file() or sha256_file(path) != digest:
                return None
        return list(outputs)

    def outputs_of(self, source: str) -> dict[str, str]:
        """The outputs (path -> sha256) the last finished run of `source` made."""
        row = self.db.execute("SELECT outputs FROM documents WHERE source = ?", (_key(source),)).fetchone()
        return {} if row is None else self._paths(row[0])

    def record(self, source: str, input_sha256: str, settings: str, outputs: dict[str, str]) -> None:
        """Remember that `source` made `outputs` (path -> sha256)."""
        stored = {self._stored(path): digest for path, digest in outputs.items()}
        self.db.execute(
            "INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?)",
            (_key(source), input_sha256, settings, json.dumps(stored, sort_keys=True), time.time()),
        )

    def close(self) -> None:
        self.db.close()

    def _stored(self, path: str) -> str:
        # Outputs live in this folder: their name is enough, and stays true
        # from any working directory and when the folder moves.
        resolved = Path(path).resolve()
        return resolved.name if resolved.parent == self.resolved else str(resolved)

    def _paths(self, stored: str) -> dict[str, str]:
        # An absolute stored path stays itself under the `/` operator.
        return {str(self.folder / name): digest for name, digest in json.loads(stored).items()}


def recorded_outputs(folder: Path) -> set[Path]:
    """The resolved paths a manifest in `folder` records as outputs; none
    if the folder has no manifest or it cannot be read."""
    path = folder / FILE_NAME
    if not path.is_file():
        return set()
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = db.execute("SELECT outputs FROM documents").fetchall()
        finally:
            db.close()
    except sqlite3.Error:
        return set()
    base = folder.resolve()
    return {(base / name).resolve() for (outputs,) in rows for name in json.loads(outputs)}


def sha256_file(path: str | Path) -> str:
    """The sha256 of a file's bytes, in hex."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _key(source: str) -> str:
    return str(Path(source).resolve())
