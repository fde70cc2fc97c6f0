"""Streaming summaries of simulated NPVs and paybacks, exact or in bounded memory.

Per process-option pair the accumulator keeps, per random block, the block's NPV sum (the mean
is the correctly rounded sum of block sums, :func:`math.fsum`, so it does not depend on how
blocks were grouped), the number of losses, the running min and max, and either

- ``exact`` mode: every scenario's NPV and payback (O(scenarios) memory), percentiles by
  :func:`numpy.quantile`; or
- ``histogram`` mode (bounded memory): fixed-bin integer histograms.  The NPV range of each
  pair is fixed from the first block (its min-max widened by its span on both sides, plus
  under/overflow bins); percentiles interpolate inside a bin and are clamped to the observed
  min/max.  The error is at most one bin width (reported as ``resolution``).  Integer counts add
  exactly in any order, so the result is the same on every backend and chunking.

Paybacks in histogram mode use quarter-month bins up to the horizon, plus "never".
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from shoring.risk.sampling import BLOCK

FloatArray = NDArray[np.float64]

NPV_BINS = 2048
PAYBACK_STEP_MONTHS = 0.25
QUANTILES = (0.05, 0.5, 0.95)


@dataclass
class PairStats:
    """Accumulated statistics of ``pairs`` process-option pairs over ``total`` scenarios."""

    pairs: int
    total: int
    horizon_months: float
    exact: bool
    block_sums: list[FloatArray] = field(default_factory=list)
    losses: NDArray[np.int64] | None = None
    low: FloatArray | None = None
    high: FloatArray | None = None
    npv: FloatArray | None = None
    payback: FloatArray | None = None
    edge: FloatArray | None = None
    width: FloatArray | None = None
    counts: NDArray[np.int64] | None = None
    pb_counts: NDArray[np.int64] | None = None
    pb_bins: int = 0
    pb_low: FloatArray | None = None
    pb_high: FloatArray | None = None

    def __post_init__(self) -> None:
        self.losses = np.zeros(self.pairs, dtype=np.int64)
        self.low = np.full(self.pairs, math.inf)
        self.high = np.full(self.pairs, -math.inf)
        if self.exact:
            self.npv = np.empty((self.pairs, self.total))
            self.payback = np.empty((self.pairs, self.total))
        else:
            self.pb_bins = math.ceil(self.horizon_months / PAYBACK_STEP_MONTHS) + 1
            self.counts = np.zeros((self.pairs, NPV_BINS + 2), dtype=np.int64)
            self.pb_counts = np.zeros((self.pairs, self.pb_bins + 1), dtype=np.int64)
            self.pb_low = np.full(self.pairs, math.inf)
            self.pb_high = np.full(self.pairs, -math.inf)

    def add(self, start: int, npv: FloatArray, payback: FloatArray) -> None:
        """Add scenarios [start, start + n) of every pair (arrays of shape (pairs, n))."""
        assert self.losses is not None and self.low is not None and self.high is not None
        n = npv.shape[1]
        for lo in range(0, n, BLOCK):
            part = np.ascontiguousarray(npv[:, lo : lo + BLOCK])
            self.block_sums.append(part.sum(axis=1))
        self.losses += (npv < 0.0).sum(axis=1)
        np.minimum(self.low, npv.min(axis=1), out=self.low)
        np.maximum(self.high, npv.max(axis=1), out=self.high)
        if self.exact:
            assert self.npv is not None and self.payback is not None
            self.npv[:, start : start + n] = npv
            self.payback[:, start : start + n] = payback
            return
        if self.edge is None:
            first = npv[:, : min(n, BLOCK)]
            lo_, hi_ = first.min(axis=1), first.max(axis=1)
            span = hi_ - lo_
            span = np.where(span > 0.0, span, np.maximum(np.abs(lo_), 1.0))
            self.edge = lo_ - span
            self.width = 3.0 * span / NPV_BINS
        assert self.width is not None and self.counts is not None and self.pb_counts is not None
        # In place, one pass each: bin position, clipped to under/overflow, offset per pair.
        pos = npv - self.edge[:, None]
        pos /= self.width[:, None]
        np.floor(pos, out=pos)
        np.clip(pos, -1, NPV_BINS, out=pos)
        pos += (np.arange(self.pairs) * (NPV_BINS + 2) + 1.0)[:, None]
        self.counts += np.bincount(
            pos.astype(np.int64).ravel(), minlength=self.pairs * (NPV_BINS + 2)
        ).reshape(self.pairs, NPV_BINS + 2)
        assert self.pb_low is not None and self.pb_high is not None
        finite = np.isfinite(payback)
        low = np.min(payback, axis=1, where=finite, initial=math.inf)
        np.minimum(self.pb_low, low, out=self.pb_low)
        top = np.max(payback, axis=1, where=finite, initial=-math.inf)
        np.maximum(self.pb_high, top, out=self.pb_high)
        # Bin of each payback; "never" (inf, or NaN) is the last bin: finite paybacks are at
        # most the horizon, so below it.
        pb = payback / PAYBACK_STEP_MONTHS
        np.fmin(pb, self.pb_bins, out=pb)
        pb += (np.arange(self.pairs) * (self.pb_bins + 1))[:, None]
        self.pb_counts += np.bincount(
            pb.astype(np.int64).ravel(), minlength=self.pairs * (self.pb_bins + 1)
        ).reshape(self.pairs, self.pb_bins + 1)

    def summary(self, pair: int) -> dict[str, Any]:
        """Mean, P5/P50/P95, probability of loss and payback for one pair."""
        assert self.losses is not None and self.low is not None and self.high is not None
        mean = math.fsum(float(b[pair]) for b in self.block_sums) / self.total
        lo, hi = float(self.low[pair]), float(self.high[pair])
        if self.exact:
            assert self.npv is not None and self.payback is not None
            qs = [float(q) for q in np.quantile(self.npv[pair], QUANTILES)]
            pbq = np.quantile(self.payback[pair], (0.1, 0.5, 0.9), method="inverted_cdf")
            pb = [float(x) for x in pbq]
            never = float(np.mean(~np.isfinite(self.payback[pair])))
            resolution = 0.0
        else:
            assert self.counts is not None and self.pb_counts is not None
            assert self.edge is not None and self.width is not None
            edge, width = float(self.edge[pair]), float(self.width[pair])
            qs = [_hist_quantile(self.counts[pair], q, self.total, edge, width) for q in QUANTILES]
            pb = [self._pb_quantile(pair, q) for q in (0.1, 0.5, 0.9)]
            never = float(self.pb_counts[pair, -1]) / self.total
            resolution = width
        qs = [min(hi, max(lo, q)) for q in qs]
        if lo == hi:
            qs = [lo, lo, lo]
            mean = lo
        return {
            "mean": mean,
            "p5": qs[0],
            "p50": qs[1],
            "p95": qs[2],
            "prob_loss": float(self.losses[pair]) / self.total,
            "payback": [None if math.isinf(x) else x for x in pb],
            "prob_never_pays_back": never,
            "resolution": resolution,
        }

    def _pb_quantile(self, pair: int, q: float) -> float:
        """The bin's middle, clamped to the finite paybacks seen (so a payback that is
        always 0 reads 0)."""
        assert self.pb_counts is not None
        assert self.pb_low is not None and self.pb_high is not None
        cum = np.cumsum(self.pb_counts[pair])
        k = int(np.searchsorted(cum, math.ceil(q * self.total)))
        if k >= self.pb_bins:
            return math.inf
        middle = (k + 0.5) * PAYBACK_STEP_MONTHS
        return min(float(self.pb_high[pair]), max(float(self.pb_low[pair]), middle))


def _hist_quantile(
    counts: NDArray[np.int64], q: float, total: int, edge: float, width: float
) -> float:
    """The ``q`` quantile (numpy's linear definition) from an under/bins/over histogram."""
    h = q * (total - 1)
    cum = np.cumsum(counts)
    k = int(np.searchsorted(cum, math.floor(h) + 1))
    before = float(cum[k - 1]) if k > 0 else 0.0
    inside = float(counts[k])
    if k == 0:
        return edge
    if k == len(counts) - 1:
        return edge + width * (len(counts) - 2)
    frac = (h - before + 0.5) / inside if inside else 0.5
    return edge + width * (k - 1 + min(1.0, max(0.0, frac)))
