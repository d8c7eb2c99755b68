"""The pool of worker processes that read and render, each warmed up once at start-up."""

from __future__ import annotations

import asyncio
import multiprocessing
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from toolkit.errors import ExitCode
from toolkit.serve import work
from toolkit.serve.problems import RequestError

T = TypeVar("T")
THREADS_WHEN_NO_PROCESSES = 2


class Workers:
    """`count` processes (0: threads of this process) behind a bound on the work in flight.

    At most two tasks per worker are handed to the executor at a time, so the
    executor's own (unbounded) queue never holds more than that many uploads;
    the rest wait here, which the request's timeout bounds. A worker that dies
    (killed, out of memory) breaks a process pool for good: the pool is then
    replaced, and only the request it was serving fails.
    """

    def __init__(self, count: int) -> None:
        self.count = count
        self._slots = asyncio.Semaphore(max(count, 1) * 2)
        self._executor: Executor | None = None
        self.restarts = 0

    def start(self) -> None:
        """Start the workers and warm every one up (readers, writers, fonts, schema)."""
        self._executor = self._new_executor()
        # A pool starts processes on demand; `count` tasks at once start them all now.
        futures = [self._executor.submit(work.warm_up) for _ in range(max(self.count, 1))]
        for future in futures:
            future.result()

    def _new_executor(self) -> Executor:
        if self.count == 0:
            return ThreadPoolExecutor(THREADS_WHEN_NO_PROCESSES, thread_name_prefix="render")
        # spawn, not fork: the server process has threads (the event loop's, the translator's).
        context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(self.count, mp_context=context, initializer=work.warm_up)

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """`fn(*args)` in a worker, awaited without blocking the event loop."""
        if self._executor is None:
            raise RuntimeError("the workers have not been started")
        async with self._slots:
            executor = self._executor
            try:
                return await asyncio.get_running_loop().run_in_executor(executor, fn, *args)
            except BrokenProcessPool:
                self._replace(executor)
                raise RequestError(
                    "a worker process stopped while handling this request",
                    status=500,
                    hint="the server has started a new one; if it happens again for this file, report it",
                    code=ExitCode.INTERNAL,
                ) from None

    def _replace(self, broken: Executor) -> None:
        if self._executor is broken:
            self.restarts += 1
            broken.shutdown(wait=False, cancel_futures=True)
            self._executor = self._new_executor()

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    @property
    def alive(self) -> bool:
        return self._executor is not None
