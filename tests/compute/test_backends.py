"""Backends: a real local Dask cluster gives bit-identical results to NumPy."""

from __future__ import annotations

import pytest

from shoring.compute.backends import DaskBackend, NumpyBackend, open_backend
from shoring.cost.plan import Plan
from shoring.errors import InputError
from shoring.simulate import simulate


def test_numpy_threads_match_one_thread(small_plan: Plan) -> None:
    one = simulate(small_plan, 3000, 11, NumpyBackend(1)).to_json()
    two = simulate(small_plan, 3000, 11, NumpyBackend(2)).to_json()
    assert one == two


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
