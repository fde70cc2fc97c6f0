"""One unit of work: a fixed batch of processes over every scenario, chunk by chunk.

Both backends run exactly these units (the batch size is a constant, not a tuning knob of the
backend), so results are bit-identical whichever backend runs them and in whatever order.
Memory per unit is bounded by the chunk size and, in histogram mode, by the number of bins.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from shoring.cost.model import Draws, TimeGrid, evaluate
from shoring.cost.parameters import COUNTRY_STREAM, PROCESS_STREAM
from shoring.cost.plan import ProcessPlan
from shoring.risk.sampling import BLOCK, country_draws, process_draws
from shoring.risk.summary import PairStats

FloatArray = NDArray[np.float64]

#: Processes per unit of work (fixed so every backend computes the same units).
UNIT_PROCESSES = 8
#: Tornado: inputs at their 10th and 90th percentiles, the others at the median.
TORNADO_Q = (0.1, 0.9)
_FX_Z = 1.2815515655446004  # standard-normal 90th percentile


@dataclass(frozen=True)
class UnitTask:
    index: int
    processes: tuple[ProcessPlan, ...]
    home: str
    grid: TimeGrid
    seed: int
    scenarios: int
    chunk_blocks: int
    exact: bool


@dataclass
class UnitResult:
    index: int
    #: Per process, per option: the summary dict of :meth:`PairStats.summary`.
    summaries: list[list[dict[str, Any]]]
    #: Per process, per option: tornado rows (input, npv at low, npv at high), largest first.
    tornado: list[list[list[tuple[str, float, float]]]]
    #: Per process: index of the option with the best mean NPV in the first block (pilot).
    chosen: list[int]
    #: Per scenario: sum over this unit's processes of the chosen option's NPV.
    portfolio: FloatArray
    #: Scenarios simulated (for progress reports).
    scenarios: int


def run_unit(task: UnitTask, on_chunk: Callable[[int], None] | None = None) -> UnitResult:
    processes = task.processes
    sizes = [len(p.options) for p in processes]
    offsets = np.cumsum([0, *sizes])
    stats = PairStats(int(offsets[-1]), task.scenarios, task.grid.quarters * 3.0, task.exact)
    countries = sorted({o.country for p in processes for o in p.options})
    portfolio = np.zeros(task.scenarios)
    chosen: list[int] = []
    step = task.chunk_blocks * BLOCK
    for start in range(0, task.scenarios, step):
        stop = min(task.scenarios, start + step)
        cdraws = {c: country_draws(task.seed, c, start, stop) for c in countries}
        cache: dict[object, FloatArray] = {}
        npvs, paybacks = [], []
        for process in processes:
            pdraws = process_draws(task.seed, process.id, start, stop)
            draws = Draws(cdraws, pdraws, task.grid, cache)
            npv, payback = evaluate(process, draws)
            npvs.append(npv)
            paybacks.append(payback)
        if start == 0:
            for npv in npvs:
                pilot = npv[:, : min(BLOCK, stop)].mean(axis=1)
                chosen.append(int(np.argmax(pilot)))
        for npv, best in zip(npvs, chosen, strict=True):
            portfolio[start:stop] += npv[best]
        stats.add(start, np.concatenate(npvs), np.concatenate(paybacks))
        if on_chunk is not None:
            on_chunk(stop - start)
    summaries = [
        [stats.summary(int(offsets[i]) + j) for j in range(sizes[i])] for i in range(len(processes))
    ]
    tornado = [tornado_rows(p, task.home, task.grid) for p in processes]
    return UnitResult(task.index, summaries, tornado, chosen, portfolio, task.scenarios)


def tornado_rows(
    process: ProcessPlan, home: str, grid: TimeGrid
) -> list[list[tuple[str, float, float]]]:
    """One-at-a-time swings: each input at P10 and P90, everything else at its median."""
    countries = sorted({o.country for o in process.options})
    variants: list[tuple[str, str | None, str]] = []
    for c in countries:
        for name in COUNTRY_STREAM:
            variants.append((name, c, "low"))
            variants.append((name, c, "high"))
    for name in PROCESS_STREAM:
        variants.append((name, None, "low"))
        variants.append((name, None, "high"))
    n = len(variants)
    cu: dict[str, FloatArray] = {}
    for c in countries:
        arr = np.full((len(COUNTRY_STREAM), n), 0.5)
        arr[COUNTRY_STREAM.index("fx_shock")] = 0.0
        cu[c] = arr
    pu = np.full((len(PROCESS_STREAM), n), 0.5)
    for k, (input_name, where, side) in enumerate(variants):
        if where is not None:
            row = COUNTRY_STREAM.index(input_name)
            if input_name == "fx_shock":
                cu[where][row, k] = -_FX_Z if side == "low" else _FX_Z
            else:
                cu[where][row, k] = TORNADO_Q[0] if side == "low" else TORNADO_Q[1]
        else:
            pu[PROCESS_STREAM.index(input_name), k] = (
                TORNADO_Q[0] if side == "low" else TORNADO_Q[1]
            )
    npv, _ = evaluate(process, Draws(cu, pu, grid), with_payback=False)
    out: list[list[tuple[str, float, float]]] = []
    for j, o in enumerate(process.options):
        rows = []
        for k in range(0, n, 2):
            var_name, var_country = variants[k][0], variants[k][1]
            if var_country is not None and var_country not in (o.country, home):
                continue
            label = "fx_drift" if var_name == "fx_shock" else var_name
            if var_country is not None:
                label = f"{label} ({var_country})"
            low, high = float(npv[j, k]), float(npv[j, k + 1])
            if low != high:
                rows.append((label, low, high))
        rows.sort(key=lambda r: -abs(r[2] - r[1]))
        out.append(rows)
    return out
