"""Batch progress: a rich bar on a terminal, a plain log otherwise; the summary."""

from __future__ import annotations

from types import TracebackType
from typing import Any

from toolkit.cli.common import IO


class BatchDisplay:
    """Shows files done, segments translated and the ETA while a batch runs."""

    def __init__(self, io: IO, total: int, translating: bool) -> None:
        self.io = io
        self.total = total
        self.count = 0
        self.segments = 0
        self.translating = translating
        self.live = io.out.isatty() if hasattr(io.out, "isatty") else False
        self.progress: Any = None

    def __enter__(self) -> BatchDisplay:
        if self.live:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            columns: list[Any] = [TextColumn("files"), BarColumn(), MofNCompleteColumn()]
            if self.translating:
                columns.append(TextColumn("segments: {task.fields[segments]}"))
            columns += [TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn()]
            self.progress = Progress(*columns, console=Console(file=self.io.out))
            self.progress.start()
            self.task = self.progress.add_task("batch", total=self.total, segments=0)
        return self

    def update(self, outcome: Any) -> None:
        self.count += 1
        self.segments += outcome.segments
        if self.progress is not None:
            self.progress.update(self.task, advance=1, segments=self.segments)
            if outcome.status == "failed":
                self.progress.console.print(f"[red]failed[/red] {outcome.error}")
            return
        line = f"[{self.count}/{self.total}] {outcome.status:<7} {outcome.source}"
        if outcome.error:
            line += f": {outcome.error}"
        self.io.out.write(line + "\n")
        self.io.out.flush()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.progress is not None:
            self.progress.stop()

    def summary(self, result: Any) -> None:
        """A table of what happened, the failures, and where the report is."""
        counts = {s: sum(o.status == s for o in result.outcomes) for s in ("done", "skipped", "failed")}
        if self.live:
            from rich.console import Console
            from rich.table import Table

            table = Table(title="batch summary")
            for column in ("input", "status", "outputs", "error"):
                table.add_column(column)
            for o in result.outcomes:
                if o.status == "failed" or len(result.outcomes) <= 20:
                    table.add_row(o.source, o.status, str(len(o.outputs)), o.error or "")
            Console(file=self.io.out).print(table)
        else:
            for o in result.failed:
                self.io.out.write(f"failed  {o.source}: {o.error}\n")
        self.io.out.write(
            f"done: {counts['done']}, skipped (up to date): {counts['skipped']}, failed: {counts['failed']}; "
            f"report: {result.report}\n"
        )
