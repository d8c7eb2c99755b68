"""Batch faults lose nothing: a killed parent, a killed worker, SIGTERM.

These run real processes and kill them. Worker pids are read from /proc
before a kill, so the tests need Linux.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import toolkit
from tests.batch_corpus import batch_process, check_output, outputs, run, write_corpus
from toolkit.errors import ExitCode

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")

FORMATS = "xml,docx,pdf"


def children(pid: int) -> set[int]:
    """The processes whose parent is `pid`."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # it ended while we looked
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    """Running, that is: neither gone nor a zombie waiting to be reaped."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def wait_until(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


@pytest.fixture(autouse=True)
def _no_strays() -> Iterator[None]:
    """Kill what a failing test leaves running, so it cannot slow the others."""
    yield
    for proc in BATCHES:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    for pid in WORKERS:
        if alive(pid):
            os.kill(pid, signal.SIGKILL)
    BATCHES.clear()
    WORKERS.clear()


BATCHES: list[subprocess.Popen[bytes]] = []  # what the tests started
WORKERS: set[int] = set()


def busy_batch(tmp_path: Path, jobs: int, count: int = 200) -> tuple[subprocess.Popen[bytes], Path, set[int]]:
    """A batch in its own process, well under way: the process, its output
    folder and its worker processes."""
    src, out = tmp_path / "in", tmp_path / "out"
    write_corpus(src, count)
    # stderr to a file: orphaned workers would hold a pipe open, and a test
    # that reads it to its end would hang instead of failing.
    with open(tmp_path / "stderr", "wb") as log:
        proc = batch_process(src, out, FORMATS, jobs=jobs, stderr=log)
    started = wait_until(lambda: proc.poll() is not None or (out.exists() and len(outputs(out)) >= 15), 120)
    assert started and proc.poll() is None, "the batch finished before it could be killed; make it bigger"
    workers = children(proc.pid) if jobs > 1 else set()
    BATCHES.append(proc)
    WORKERS.update(workers)
    assert len(workers) >= jobs or jobs == 1
    return proc, out, workers


@pytest.mark.slow
def test_workers_die_with_a_parent_killed_by_sigkill(tmp_path):  # type: ignore[no-untyped-def]
    proc, _, workers = busy_batch(tmp_path, jobs=2)
    proc.kill()
    proc.wait()
    assert wait_until(lambda: not any(alive(p) for p in workers), 5), [p for p in workers if alive(p)]


def test_the_watchdog_ends_a_worker_whose_parent_died(tmp_path):  # type: ignore[no-untyped-def]
    """Where Linux's parent-death signal is missing, a thread watches the parent."""
    code = textwrap.dedent(
        """
        import os, time
        from toolkit.batch.pool import watch_parent
        parent = os.getpid()
        child = os.fork()
        if child == 0:
            watch_parent(parent, every=0.05)
            os._exit(0)  # not reached: watch_parent exits the process itself
        print(child, flush=True)
        time.sleep(0.3)
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True, timeout=30)
    child = int(result.stdout)
    assert wait_until(lambda: not alive(child), 5)


@pytest.mark.slow
@pytest.mark.parametrize("jobs", [1, 2])
def test_sigterm_stops_cleanly_with_143_and_a_rerun_finishes(tmp_path, jobs):  # type: ignore[no-untyped-def]
    proc, out, workers = busy_batch(tmp_path, jobs=jobs)
    proc.terminate()
    proc.wait(timeout=60)
    err = (tmp_path / "stderr").read_text()
    assert proc.returncode == 143, err
    assert "terminated" in err
    assert not [p for p in workers if alive(p)]
    assert not list(out.glob(".*.part"))
    made = outputs(out)
    assert 0 < len(made) < 600
    for path in made:
        check_output(path)  # whole, or not there
    code, _, err = run("batch", str(tmp_path / "in"), "--out", str(out), "--formats", FORMATS, "--jobs", "2")
    assert code == 0, err
    report = json.loads((out / "batch-report.json").read_text())
    assert report["skipped"] > 0 and report["skipped"] + report["done"] == 200
    assert len(outputs(out)) == 600


def dying_read(monkeypatch: pytest.MonkeyPatch, name: str, deaths: Path, times: int) -> None:
    """Make the worker that reads input `name` SIGKILL itself, the first
    `times` times; each death leaves a file in `deaths`. Workers are forked,
    so they inherit the patch."""
    real = toolkit.read
    parent = os.getpid()
    deaths.mkdir()

    def read(source, *args, **kwargs):  # type: ignore[no-untyped-def]
        if os.getpid() != parent and Path(source).name == name and len(list(deaths.iterdir())) < times:
            (deaths / str(os.getpid())).touch()
            os.kill(os.getpid(), signal.SIGKILL)
        return real(source, *args, **kwargs)

    monkeypatch.setattr(toolkit, "read", read)


def test_a_killed_worker_is_replaced_and_its_document_retried(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    src, out = tmp_path / "in", tmp_path / "out"
    write_corpus(src, 8)
    dying_read(monkeypatch, "briefing_003.txt", tmp_path / "deaths", times=1)
    code, _, err = run("batch", str(src), "--out", str(out), "--formats", "xml,pdf", "--jobs", "2")
    assert code == 0, err
    assert len(list((tmp_path / "deaths").iterdir())) == 1
    report = json.loads((out / "batch-report.json").read_text())
    assert report["done"] == 8
    assert len(outputs(out)) == 16 and not list(out.glob(".*.part"))


def test_a_document_that_kills_its_worker_twice_fails_and_the_rest_go_on(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    src, out = tmp_path / "in", tmp_path / "out"
    write_corpus(src, 8)
    dying_read(monkeypatch, "briefing_003.txt", tmp_path / "deaths", times=99)
    code, log, err = run("batch", str(src), "--out", str(out), "--formats", "xml", "--jobs", "2")
    assert code == ExitCode.PARTIAL, err
    assert len(list((tmp_path / "deaths").iterdir())) == 2  # the first try, and one more
    report = json.loads((out / "batch-report.json").read_text())
    assert (report["done"], report["failed"]) == (7, 1)
    [failed] = [d for d in report["documents"] if d["status"] == "failed"]
    assert failed["input"].endswith("briefing_003.txt") and "worker died" in failed["error"]
    assert "worker died" in log
    # A rerun tries it again (it may have been the machine), and skips the rest.
    monkeypatch.undo()
    assert run("batch", str(src), "--out", str(out), "--formats", "xml", "--jobs", "2")[0] == 0
    assert json.loads((out / "batch-report.json").read_text())["skipped"] == 7


@pytest.mark.slow
def test_a_worker_killed_from_outside_does_not_stop_the_batch(tmp_path):  # type: ignore[no-untyped-def]
    """As the OOM killer would: SIGKILL to one worker, from another process."""
    proc, out, workers = busy_batch(tmp_path, jobs=2)
    os.kill(min(workers), signal.SIGKILL)
    proc.wait(timeout=300)
    assert proc.returncode == 0, (tmp_path / "stderr").read_text()
    report = json.loads((out / "batch-report.json").read_text())
    assert report["done"] + report["skipped"] == 200 and report["failed"] == 0
    assert len(outputs(out)) == 600 and not list(out.glob(".*.part"))
