"""Compute backends: NumPy threads on this machine (default) or a Dask cluster.

Both run the same :class:`~shoring.compute.unit.UnitTask` list through
:func:`~shoring.compute.unit.run_unit` and hand results back in unit order, so the
simulation's numbers are identical whichever backend ran them.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol

from shoring.compute.unit import UnitResult, UnitTask, run_unit
from shoring.errors import InputError


class Backend(Protocol):
    name: str

    def run(
        self, tasks: Sequence[UnitTask], progress: Callable[[int], None] | None
    ) -> Iterator[UnitResult]: ...


#: Each worker process is one core; a multi-threaded BLAS under it only spins.
SINGLE_THREADED_BLAS = {"OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}


#: Dask settings for the workers of ``local:N``, measured on the kernel (many mid-sized NumPy
#: temporaries, Python between them): the statistical profiler samples every thread every
#: 10 ms (about 25% of the time) and ``MALLOC_TRIM_THRESHOLD_=65536`` (Dask's default) makes
#: every temporary above glibc's mmap threshold a fresh mapping (about 30%).  For a cluster of
#: your own (``tcp://``), start its workers the same way for the same speed.
LOCAL_WORKER_CONFIG: dict[str, Any] = {
    "distributed.worker.profile.enabled": False,
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}


@dataclass
class NumpyBackend:
    """Vectorised NumPy in bounded-memory chunks: in this process, or in ``workers`` worker
    processes on this machine (NumPy's many small operations do not scale across threads).

    ``pool``: workers already started (:func:`open_backend` starts them before anything else,
    such as a progress bar's refresh thread, is running); without one, ``run`` starts its own.
    """

    workers: int = 1
    name: str = "numpy"
    pool: ProcessPoolExecutor | None = None

    def run(
        self, tasks: Sequence[UnitTask], progress: Callable[[int], None] | None
    ) -> Iterator[UnitResult]:
        if self.workers <= 1 or len(tasks) <= 1:
            for task in tasks:
                yield run_unit(task, progress)
            return
        if self.pool is not None:
            yield from _pooled(self.pool, self.workers, tasks, progress)
            return
        with start_pool(self.workers) as pool:
            yield from _pooled(pool, self.workers, tasks, progress)


def start_pool(workers: int) -> ProcessPoolExecutor:
    """Worker processes, started now.

    Linux: fork (instant, and a caller's unguarded script is not re-run in the workers); a
    fork pool starts all its workers at its first task, so one is run here, while the caller
    is (as it should be) the only thread.  Elsewhere spawn, where fork is unsafe or missing.
    """
    method = "fork" if sys.platform == "linux" else "spawn"
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method))
    pool.submit(int).result()
    return pool


def _pooled(
    pool: ProcessPoolExecutor,
    workers: int,
    tasks: Sequence[UnitTask],
    progress: Callable[[int], None] | None,
) -> Iterator[UnitResult]:
    window = 2 * workers  # bounded: at most this many units in flight
    futures: list[Future[UnitResult]] = []
    for task in tasks:
        futures.append(pool.submit(run_unit, task))
        if len(futures) >= window:
            yield _done(futures.pop(0), progress)
    for future in futures:
        yield _done(future, progress)


def _done(future: Future[UnitResult], progress: Callable[[int], None] | None) -> UnitResult:
    result = future.result()
    if progress is not None:
        progress(result.scenarios)
    return result


@dataclass
class DaskBackend:
    """The same units on a Dask cluster (``tcp://HOST:PORT`` or ``local:N``)."""

    client: Any
    name: str = "dask"

    def run(
        self, tasks: Sequence[UnitTask], progress: Callable[[int], None] | None
    ) -> Iterator[UnitResult]:
        import distributed

        as_completed: Any = distributed.as_completed
        # Ship the plans as data (scattered), not inside the task graph; hash=False: Dask's
        # tokenising of a unit's plan took 0.2 s, more than a quarter of the unit's compute.
        data = self.client.scatter(list(tasks), hash=False)
        futures = self.client.map(run_unit, data, pure=False)
        pending: dict[int, UnitResult] = {}
        next_index = 0
        for future in as_completed(futures):
            result: UnitResult = future.result()
            future.release()
            if progress is not None:
                progress(result.scenarios)
            pending[result.index] = result
            while next_index in pending:
                yield pending.pop(next_index)
                next_index += 1


def default_workers() -> int:
    """The cores this process may run on (its CPU affinity where the OS tells it)."""
    affinity = getattr(os, "sched_getaffinity", None)
    if affinity is not None:
        return max(1, len(affinity(0)))
    return max(1, os.cpu_count() or 1)


def require_dask() -> None:
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise InputError(
            "--scheduler",
            "dask",
            "Dask is not installed; install the extra: pip install 'shoring[dask]'",
        ) from None


@contextmanager
def open_backend(scheduler: str | None, workers: int | None = None) -> Iterator[Backend]:
    """``None`` -> NumPy (``workers`` processes, default one per core); ``local:N`` -> a local
    Dask cluster; ``tcp://...`` -> that cluster."""
    if scheduler is None:
        n = workers or default_workers()
        if n <= 1:
            yield NumpyBackend(1)
            return
        pool = start_pool(n)
        try:
            yield NumpyBackend(n, pool=pool)
        finally:
            pool.shutdown(cancel_futures=True)
        return
    require_dask()
    import dask
    import distributed

    Client: Any = distributed.Client
    LocalCluster: Any = distributed.LocalCluster

    if scheduler.startswith("local:"):
        text = scheduler.removeprefix("local:")
        if not text.isdigit() or int(text) < 1:
            raise InputError(
                "--scheduler", scheduler, "expected local:N with N >= 1 workers, or tcp://HOST:PORT"
            )
        n = int(text)
        processes = os.environ.get("SHORING_DASK_PROCESSES", "1") != "0"
        extra = {"env": SINGLE_THREADED_BLAS} if processes else {}
        with (
            dask.config.set(LOCAL_WORKER_CONFIG),
            LocalCluster(
                n_workers=n,
                threads_per_worker=1,
                processes=processes,
                dashboard_address=None,
                silence_logs=40,
                **extra,
            ) as cluster,
            Client(cluster) as client,
        ):
            yield DaskBackend(client)
        return
    if not scheduler.startswith("tcp://"):
        raise InputError("--scheduler", scheduler, "expected tcp://HOST:PORT or local:N")
    try:
        client = Client(scheduler, timeout="10s")
    except (OSError, TimeoutError) as exc:
        raise InputError("--scheduler", scheduler, f"cannot reach the scheduler ({exc})") from None
    try:
        yield DaskBackend(client)
    finally:
        client.close()
