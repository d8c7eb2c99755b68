"""Local worker processes that die with the batch and survive each other.

A worker killed from outside (the OOM killer does this) breaks a
ProcessPoolExecutor for good and fails every task in it. Here the pool is
started again instead: the documents that were running are tried once more,
each on its own, and one that kills its worker again fails as "worker died"
while the rest of the batch goes on. Workers in turn die with the batch's
process, even when that is killed with SIGKILL, so that they never keep
writing outputs or holding models for a batch that is gone.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from toolkit.atomic import remove_stale_parts
from toolkit.batch.plan import Job, Settings
from toolkit.batch.worker import Outcome, process_chunk
from toolkit.errors import BriefingError, ExitCode

WORKER_DIED = "worker died"
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
WATCH_SECONDS = 0.5  # how often a watchdog looks for its parent, where prctl is missing


def run_chunks(chunks: list[list[Job]], settings: Settings, workers: int) -> Iterator[Outcome]:
    """The outcomes of the chunks' documents, run on `workers` processes, as they finish.

    If the caller stops early (an exception, Ctrl-C, SIGTERM), the workers
    are killed at once and the temporary files of their unfinished writes
    removed: what they had finished is whole, what they had not is gone.
    """
    pool = _start(workers)
    try:
        suspects: list[Job] = []
        waiting = deque(chunks)
        running: dict[Future[list[Outcome]], list[Job]] = {}
        while waiting or running:
            # Nothing waits inside the pool, so the chunks unfinished when a
            # worker dies are exactly those that were running.
            refused = False
            while waiting and len(running) < workers:
                try:
                    running[pool.submit(process_chunk, waiting[0], settings)] = waiting[0]
                except BrokenProcessPool:  # a worker died since the last look: submit again later
                    refused = True
                    break
                waiting.popleft()
            if not running:  # the pool broke with nothing left running in it
                pool = _restart(pool, workers, settings)
                continue
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            broken = refused or any(_broke(f) for f in finished)
            if broken:
                finished, _ = wait(running)  # a broken pool fails all its tasks at once
            for future in finished:
                chunk = running.pop(future)
                if _broke(future):
                    suspects.extend(chunk)
                else:
                    yield from future.result()
            if broken:
                pool = _restart(pool, workers, settings)
        # Alone in the pool, a document that kills its worker is surely the one.
        for job in suspects:
            try:
                future = pool.submit(process_chunk, [job], settings)
            except BrokenProcessPool:  # broken by what ran before: this one gets a fresh pool
                pool = _restart(pool, workers, settings)
                future = pool.submit(process_chunk, [job], settings)
            try:
                yield from future.result()
            except BrokenProcessPool:
                pool = _restart(pool, workers, settings)
                yield _died(job)
    except BaseException:
        _kill(pool)
        remove_stale_parts(settings.out_dir)
        raise
    pool.shutdown()


def _died(job: Job) -> Outcome:
    error = BriefingError(
        WORKER_DIED,
        path=job.source,
        hint="killed twice on this input; out of memory?",
        code=ExitCode.INTERNAL,
    )
    return Outcome(job.source, "failed", error=str(error), code=int(error.code))


def _broke(future: Future[list[Outcome]]) -> bool:
    return isinstance(future.exception(), BrokenProcessPool)


def _start(workers: int) -> ProcessPoolExecutor:
    # Fork where it is safe, so that workers start with the writers the
    # batch imported; either way a worker's parent is this process.
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=init_worker, initargs=(os.getpid(),)
    )


def _restart(pool: ProcessPoolExecutor, workers: int, settings: Settings) -> ProcessPoolExecutor:
    pool.shutdown()  # the dead pool's workers are gone already: this only joins its threads
    remove_stale_parts(settings.out_dir)  # what the killed worker was writing
    return _start(workers)


def _kill(pool: ProcessPoolExecutor) -> None:
    """Stop the workers now, whatever they are doing."""
    processes = list((pool._processes or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(5)


def init_worker(parent: int) -> None:
    """The first thing every worker runs: tie its life to the batch's process."""
    # The batch's process stops its workers itself (on Ctrl-C, SIGTERM): a
    # worker must not take Ctrl-C as its own, nor keep the parent's SIGTERM
    # handler that fork copied.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # PR_SET_PDEATHSIG fires when the thread that forked the worker ends; that
    # is the one running the batch, which outlives its pools.
    if not _die_with_parent():
        threading.Thread(target=watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before we asked to follow it
        os._exit(1)


def _die_with_parent() -> bool:
    """Have Linux SIGKILL this process when its parent dies; False where it cannot."""
    if sys.platform != "linux":
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def watch_parent(parent: int, every: float = WATCH_SECONDS) -> None:
    """Exit this process once `parent` is no longer its parent (it died, and
    the orphan was handed on to another process)."""
    while os.getppid() == parent:
        time.sleep(every)
    os._exit(1)
