"""Purchases: the BG/NBD process (weeks) and Gamma-Gamma spend, per acquisition channel.

The first purchase happens on the acquisition day; repeat purchases follow a
Poisson process with a Gamma-distributed rate until the customer drops out
(probability ``p ~ Beta(a, b)`` after each repeat purchase). Amounts are
Gamma-Gamma draws rounded to cents. See :mod:`analysis.simulate` for the details.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.simulate._common import ids
from analysis.simulate.truth import BGNBDParams, GammaGammaParams

__all__ = ["DEFAULT_BGNBD", "DEFAULT_GAMMA_GAMMA", "simulate_transactions"]

# r common; a and b scaled by one factor per channel: CLVTools' covariate form holds exactly.
DEFAULT_BGNBD: dict[str, BGNBDParams] = {
    "store": BGNBDParams(r=0.75, alpha=6.0, a=1.2, b=3.6),
    "web": BGNBDParams(r=0.75, alpha=7.5, a=0.9, b=2.7),
    "app": BGNBDParams(r=0.75, alpha=4.0, a=1.8, b=5.4),
    "phone": BGNBDParams(r=0.75, alpha=9.0, a=1.5, b=4.5),
    "partner": BGNBDParams(r=0.75, alpha=12.0, a=0.6, b=1.8),
}
DEFAULT_GAMMA_GAMMA: dict[str, GammaGammaParams] = {
    "store": GammaGammaParams(p=6.0, q=4.0, v=30.0),      # mean 60
    "web": GammaGammaParams(p=5.0, q=4.0, v=30.0),        # mean 50
    "app": GammaGammaParams(p=4.0, q=5.0, v=35.0),        # mean 35
    "phone": GammaGammaParams(p=6.0, q=5.0, v=50.0),      # mean 75
    "partner": GammaGammaParams(p=5.0, q=4.5, v=31.5),    # mean 45
}


def simulate_transactions(rng, customers, ch_idx, acq_days, channels, mix, bgnbd, gg, n_days,
                          stickiness, start, resolution):
    """Draw the transaction log (sorted by time and customer, with order ids)."""
    n = len(customers)
    r = np.array([bgnbd[c].r for c in channels])[ch_idx]
    alpha = np.array([bgnbd[c].alpha for c in channels])[ch_idx]
    a = np.array([bgnbd[c].a for c in channels])[ch_idx]
    b = np.array([bgnbd[c].b for c in channels])[ch_idx]
    lam = rng.gamma(r, 1.0 / alpha)  # per week
    p = rng.beta(a, b)
    horizon_w = (n_days - acq_days) / 7.0  # weeks from acquisition midnight to end of last day
    n_events = rng.poisson(lam * horizon_w)
    n_before_death = rng.geometric(np.clip(p, 1e-12, 1.0))  # repeats up to and incl. the fatal one
    k = np.minimum(n_events, n_before_death)
    # first k order statistics of n_events uniforms on (0, horizon): the Poisson process's first k
    owner = np.repeat(np.arange(n), n_events)
    u = rng.random(owner.size) * horizon_w[owner]
    order = np.lexsort((u, owner))
    owner, u = owner[order], u[order]
    starts = np.repeat(np.cumsum(n_events) - n_events, n_events)
    rank = np.arange(owner.size) - starts
    keep = rank < k[owner]
    rep_owner, rep_weeks = owner[keep], u[keep]

    all_owner = np.concatenate([np.arange(n), rep_owner])
    offset_days = np.concatenate([np.zeros(n), rep_weeks * 7.0])
    first = np.concatenate([np.ones(n, bool), np.zeros(rep_owner.size, bool)])
    # spend: nu ~ Gamma(q, rate v); amount ~ Gamma(p, rate nu)
    gp = np.array([gg[c].p for c in channels])[ch_idx]
    gq = np.array([gg[c].q for c in channels])[ch_idx]
    gv = np.array([gg[c].v for c in channels])[ch_idx]
    nu = rng.gamma(gq, 1.0 / gv)
    amount = rng.gamma(gp[all_owner], 1.0 / nu[all_owner])
    amount = np.maximum(np.round(amount, 2), 0.01)
    # purchase channel
    stay = rng.random(all_owner.size) < stickiness
    other = rng.choice(len(channels), size=all_owner.size, p=[mix[c] for c in channels])
    p_ch = np.where(first | stay, ch_idx[all_owner], other)

    seconds = np.round((acq_days[all_owner] + offset_days) * 86400.0).astype("int64")
    seconds = np.minimum(seconds, n_days * 86400 - 1)
    stamps = (start + pd.to_timedelta(seconds, unit="s")).floor(resolution)
    tx = pd.DataFrame(
        {
            "customer_id": customers["customer_id"].to_numpy()[all_owner],
            "date": stamps.astype("datetime64[ns]"),
            "amount": amount.astype("float64"),
            "channel": np.array(channels, dtype=object)[p_ch],
            "_seconds": seconds,
        }
    )
    tx = tx.sort_values(["_seconds", "customer_id"], kind="mergesort").reset_index(drop=True)
    tx = tx.drop(columns="_seconds")
    tx["customer_id"] = tx["customer_id"].astype("str")
    tx["channel"] = tx["channel"].astype("str")
    tx.insert(4, "order_id", pd.array(ids("O", len(tx)), dtype="str"))
    return tx
