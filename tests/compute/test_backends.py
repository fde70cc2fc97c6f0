"""Backends: a real local Dask cluster gives bit-identical results to NumPy."""

from __future__ import annotations

import os

import pytest

from shoring.compute.backends import DaskBackend, NumpyBackend, default_workers, open_backend
from shoring.cost.plan import Plan
from shoring.errors import InputError
from shoring.io.portfolio import parse_portfolio
from shoring.portfolio.synthetic import synthetic_portfolio
from shoring.simulate import prepare, simulate


def test_worker_processes_match_one_process() -> None:
    """20 processes are 3 units of work: two worker processes share them out and hand
    back results in unit order, identical to running them here."""
    plan = prepare(parse_portfolio(synthetic_portfolio(20, seed=2)))
    done: dict[int, list[int]] = {1: [], 2: []}
    one = simulate(plan, 3000, 11, NumpyBackend(1), progress=done[1].append).to_json()
    two = simulate(plan, 3000, 11, NumpyBackend(2), progress=done[2].append).to_json()
    assert one == two
    assert sum(done[1]) == sum(done[2]) == 3000 * 3
    assert len(done[2]) == 3  # one report per unit from the workers
    # open_backend starts the workers up front (before a progress bar's thread exists).
    with open_backend(None, 2) as backend:
        assert isinstance(backend, NumpyBackend) and backend.pool is not None
        assert simulate(plan, 3000, 11, backend).to_json() == one


def test_default_workers_is_the_usable_cores() -> None:
    assert 1 <= default_workers() <= (os.cpu_count() or 1)


@pytest.mark.parametrize("exact_limit", [10**9, 0], ids=["exact", "histogram"])
def test_local_dask_cluster_is_bit_identical(small_plan: Plan, exact_limit: int) -> None:
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        dask = simulate(small_plan, 5000, 9, DaskBackend(client), exact_limit=exact_limit)
    local = simulate(small_plan, 5000, 9, NumpyBackend(), exact_limit=exact_limit)
    assert dask.backend == "dask" and local.backend == "numpy"
    assert dask.to_json() == local.to_json()


def test_open_backend_local_spec(monkeypatch: pytest.MonkeyPatch, small_plan: Plan) -> None:
    pytest.importorskip("distributed")
    monkeypatch.setenv("SHORING_DASK_PROCESSES", "0")
    with open_backend("local:1") as backend:
        result = simulate(small_plan, 500, 1, backend)
    assert result.backend == "dask"
    assert result.to_json() == simulate(small_plan, 500, 1).to_json()


@pytest.mark.parametrize("spec", ["local:0", "local:x", "http://host:1", "nonsense"])
def test_bad_scheduler_specs(spec: str) -> None:
    pytest.importorskip("distributed")
    with pytest.raises(InputError, match="--scheduler"), open_backend(spec):
        pass
