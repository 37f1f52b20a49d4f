"""Complaints and service recovery: who complains, how it is resolved, and who leaves after it.

Each order leads to a complaint (made the day of the order) with the order's
purchase channel's probability; the complaint's category, resolution, days to
resolve, compensation (none for some) and satisfaction with the recovery are drawn; after a
complaint resolved ``r`` the customer leaves for good (every later order is
removed from the log) with probability ``recovery_leave_prob[r]``. See
:mod:`analysis.simulate` for the model and the known effect it implies.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from analysis.simulate._common import ids

__all__ = [
    "DEFAULT_COMPLAINT_RATE",
    "DEFAULT_COMPLAINT_CATEGORIES",
    "DEFAULT_RESOLUTION_SHARES",
    "DEFAULT_RECOVERY_LEAVE_PROB",
    "complaint_parameters",
    "simulate_complaints",
]

#: probability that an order leads to a complaint, by purchase channel
DEFAULT_COMPLAINT_RATE: dict[str, float] = {
    "store": 0.020, "web": 0.035, "app": 0.030, "phone": 0.050, "partner": 0.045,
}
#: complaint categories and their shares (Pareto-like: the first two make up 65 %)
DEFAULT_COMPLAINT_CATEGORIES: dict[str, float] = {
    "waiting time": 0.40, "billing": 0.25, "staff": 0.15, "service quality": 0.12, "other": 0.08,
}
DEFAULT_RESOLUTION_SHARES: dict[str, float] = {"good": 0.65, "poor": 0.35}
#: probability of leaving for good after a complaint, by resolution
DEFAULT_RECOVERY_LEAVE_PROB: dict[str, float] = {"good": 0.05, "poor": 0.40}


def complaint_parameters(channels: tuple[str, ...]) -> dict[str, Any]:
    """The complaints' true parameters (channels without a default rate get 0.03)."""
    return {
        "complaint_rate": {c: DEFAULT_COMPLAINT_RATE.get(c, 0.03) for c in channels},
        "complaint_categories": dict(DEFAULT_COMPLAINT_CATEGORIES),
        "resolution_shares": dict(DEFAULT_RESOLUTION_SHARES),
        "recovery_leave_prob": dict(DEFAULT_RECOVERY_LEAVE_PROB),
        "mean_days_to_resolve": {"good": 2.0, "poor": 10.0},
        "compensation_share": {"good": 0.8, "poor": 0.3},
        "compensation_mean": {"good": 15.0, "poor": 4.0},
        "compensation_shape": 2.0,
        "satisfaction_after_mean": {"good": 5.8, "poor": 2.6},
        "satisfaction_after_sd": 1.0,
    }


def _pick(rng: np.random.Generator, shares: dict[str, float], n: int) -> np.ndarray:
    names = list(shares)
    p = np.array([shares[k] for k in names], dtype=float)
    return rng.choice(len(names), size=n, p=p / p.sum())


def simulate_complaints(rng: np.random.Generator, tx: pd.DataFrame, observation_end: pd.Timestamp,
                        t: dict[str, Any]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Draw complaints on the orders of ``tx`` and remove the orders after a customer left.

    Every random number is drawn for every order (a fixed count), so the result
    is the same as walking each customer's orders in time. Returns the kept
    transactions (same columns and order) and the complaints table.
    """
    n = len(tx)
    channel = tx["channel"].to_numpy(dtype=object)
    rate = np.array([t["complaint_rate"].get(c, 0.0) for c in channel], dtype=float)
    complained = rng.random(n) < rate
    category = _pick(rng, t["complaint_categories"], n)
    resolutions = list(t["resolution_shares"])
    resolution = _pick(rng, t["resolution_shares"], n)
    leave_p = np.array([t["recovery_leave_prob"][r] for r in resolutions])[resolution]
    leaves = complained & (rng.random(n) < leave_p)
    days = rng.poisson(np.array([t["mean_days_to_resolve"][r] for r in resolutions])[resolution])
    shape = t["compensation_shape"]
    comp_mean = np.array([t["compensation_mean"][r] for r in resolutions])[resolution]
    compensation = np.round(rng.gamma(shape, comp_mean / shape), 2)
    sat_mean = np.array([t["satisfaction_after_mean"][r] for r in resolutions])[resolution]
    satisfaction = np.clip(np.round(rng.normal(sat_mean, t["satisfaction_after_sd"])), 1, 7)
    paid = rng.random(n) < np.array([t["compensation_share"][r] for r in resolutions])[resolution]
    compensation = np.where(paid, compensation, 0.0)

    # the log is sorted by time: a customer's first leaving order cuts her later orders
    customer = tx["customer_id"].to_numpy(dtype=object)
    pos = np.arange(n)
    cut = pd.Series(pos[leaves]).groupby(customer[leaves], sort=False).min()
    cut_pos = pd.Series(customer).map(cut).to_numpy(dtype=float)
    keep = np.isnan(cut_pos) | (pos <= cut_pos)

    rows = complained & keep
    day = tx["date"].to_numpy()[rows].astype("datetime64[D]").astype("datetime64[ns]")
    resolved = day + days[rows].astype("timedelta64[D]")
    open_ = resolved > np.datetime64(observation_end.normalize().to_datetime64())
    res_names = np.array(resolutions, dtype=object)[resolution[rows]]
    res_names[open_] = None  # resolved after the end of the data: not resolved yet
    complaints = pd.DataFrame(
        {
            "complaint_id": pd.array(ids("K", int(rows.sum())), dtype="str"),
            "customer_id": pd.array(customer[rows], dtype="str"),
            "order_id": pd.array(tx["order_id"].to_numpy(dtype=object)[rows], dtype="str"),
            "date": pd.Series(day, dtype="datetime64[ns]"),
            "channel": pd.array(channel[rows], dtype="str"),
            "category": pd.array(np.array(list(t["complaint_categories"]), dtype=object)[category[rows]],
                                 dtype="str"),
            "resolution": pd.array(res_names, dtype="str"),
            "resolved_date": pd.Series(np.where(open_, np.datetime64("NaT"), resolved),
                                       dtype="datetime64[ns]"),
            "compensation": np.where(open_, np.nan, compensation[rows]).astype("float64"),
            "satisfaction_after": np.where(open_, np.nan, satisfaction[rows]).astype("float64"),
        }
    )
    return tx.loc[keep].reset_index(drop=True), complaints
