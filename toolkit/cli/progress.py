"""Batch progress: a rich bar on a terminal, a plain log otherwise; the summary."""

from __future__ import annotations

from types import TracebackType

from toolkit.cli.common import IO

TYPE_CHECKING = False  # not typing's: see toolkit/cli/__init__.py
if TYPE_CHECKING:
    from typing import Any


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
                from rich.markup import escape

                # Errors quote the input, and `[footnoteRef:2]` must not be read as markup.
                self.progress.console.print(f"[red]failed[/red] {escape(outcome.error or '')}")
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
        """What happened, the failures, and where the report is."""
        counts = {s: sum(o.status == s for o in result.outcomes) for s in ("done", "skipped", "failed")}
        if self.live:
            from rich.console import Console
            from rich.table import Table
            from rich.text import Text

            console = Console(file=self.io.out)
            table = Table(title="batch summary")
            for column in ("status", "inputs", "outputs", "warnings"):
                table.add_column(column, justify="right" if column != "status" else "left")
            for status, count in counts.items():
                chosen = [o for o in result.outcomes if o.status == status]
                outputs = sum(len(o.outputs) for o in chosen)
                warnings = sum(len(o.warnings) for o in chosen)
                table.add_row(status, str(count), str(outputs), str(warnings))
            console.print(table)
            if result.failed:
                failures = Table(title="failed inputs")
                failures.add_column("input")
                failures.add_column("error")
                for o in result.failed:
                    failures.add_row(Text(o.source), Text(o.error or ""))
                console.print(failures)
        else:
            for o in result.failed:
                self.io.out.write(f"failed  {o.source}: {o.error}\n")
        if result.removed:
            self.io.out.write(f"removed {_files(result.removed)} that this run no longer makes\n")
        if result.stale:
            self.io.out.write(
                f"left in place {_files(result.stale)} that earlier runs made and this one no longer "
                "makes; delete them if they are not wanted\n"
            )
        self.io.out.write(
            f"done: {counts['done']}, skipped (up to date): {counts['skipped']}, failed: {counts['failed']}; "
            f"report: {result.report}\n"
        )


def _files(paths: list[str]) -> str:
    """`2 outputs: a.en.xml, a.en.pdf`, naming a few of them."""
    names = ", ".join(paths[:4]) + (", ..." if len(paths) > 4 else "")
    return f"{len(paths)} output{'s' if len(paths) != 1 else ''} ({names})"
