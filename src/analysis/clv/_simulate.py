"""Vectorised simulation of Poisson purchasing with a cap on purchases and a death time."""

from __future__ import annotations

import numpy as np
import pandas as pd


def poisson_purchases(
    rng: np.random.Generator,
    lam: np.ndarray,
    T: np.ndarray,
    holdout: float,
    *,
    max_purchases: np.ndarray | None = None,
    death: np.ndarray | None = None,
) -> pd.DataFrame:
    """Repeat purchases at Poisson(lam) times in (0, T + holdout], stopped by a cap or a death.

    Returns frequency, recency (time of the last purchase in (0, T], 0 if none), T,
    frequency_holdout (purchases in (T, T + holdout]) and alive (still active at T).
    """
    n = len(lam)
    horizon = T + holdout
    end = horizon if death is None else np.minimum(horizon, death)
    counts = rng.poisson(lam * end)
    owner = np.repeat(np.arange(n), counts)
    times = rng.random(counts.sum()) * end[owner]
    order = np.lexsort((times, owner))
    owner, times = owner[order], times[order]
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    rank = np.arange(len(owner)) - starts[owner]
    keep = np.ones(len(owner), bool) if max_purchases is None else rank < max_purchases[owner]
    owner, times = owner[keep], times[keep]
    in_cal = times <= T[owner]
    frequency = np.bincount(owner[in_cal], minlength=n)
    recency = np.zeros(n)
    np.maximum.at(recency, owner[in_cal], times[in_cal])
    frequency_holdout = np.bincount(owner[~in_cal], minlength=n)
    alive = np.ones(n, bool)
    if max_purchases is not None:
        alive &= frequency < max_purchases
    if death is not None:
        alive &= death > T
    return pd.DataFrame(
        {
            "frequency": frequency.astype("int64"),
            "recency": recency,
            "T": T.astype(float),
            "frequency_holdout": frequency_holdout.astype("int64"),
            "alive": alive,
        }
    )


def ages(T: float | np.ndarray, n: int) -> np.ndarray:
    """Customer ages at the end of calibration as an array of length n."""
    arr = np.broadcast_to(np.asarray(T, dtype=float), (n,)).copy()
    return arr
