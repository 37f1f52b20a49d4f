"""Referrals: which customers were referred, and by whom.

A share ``referral_share`` of the customers acquired on or after day
``referral_start_day`` of the window were referred by a customer acquired
before them; the referrer is drawn with probability proportional to her number
of purchases up to the referred customer's acquisition day (active customers
refer more). See :mod:`analysis.simulate`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

__all__ = ["referral_parameters", "simulate_referrals"]


def referral_parameters() -> dict[str, Any]:
    """The referrals' true parameters."""
    return {"referral_share": 0.15, "referral_start_day": 61}


def simulate_referrals(rng: np.random.Generator, customers: pd.DataFrame, tx: pd.DataFrame,
                       start: pd.Timestamp, t: dict[str, Any]) -> pd.Series:
    """``referred_by`` per customer (missing = not referred), aligned with ``customers``."""
    n = len(customers)
    acq_day = (customers["acquisition_date"] - start).dt.days.to_numpy()
    referred = (acq_day >= t["referral_start_day"]) & (rng.random(n) < t["referral_share"])
    u = rng.random(n)
    ids = customers["customer_id"].to_numpy(dtype=object)
    code = pd.Index(ids).get_indexer(tx["customer_id"])
    tx_day = (tx["date"].dt.normalize() - start).dt.days.to_numpy()
    out = np.full(n, None, dtype=object)
    for day in np.unique(acq_day[referred]):
        counts = np.bincount(code[tx_day < day], minlength=n).astype(float)
        counts[acq_day >= day] = 0.0  # only customers acquired before
        total = counts.sum()
        who = np.flatnonzero(referred & (acq_day == day))
        if total <= 0:
            continue
        out[who] = ids[np.searchsorted(np.cumsum(counts) / total, u[who], side="right").clip(0, n - 1)]
    return pd.Series(pd.array(out, dtype="str"), index=customers.index, name="referred_by")
