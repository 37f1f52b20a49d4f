"""The randomized e-mail campaign the day after the observation window.

Contacts are assigned to the arms ``control``, ``email`` and ``email_discount``;
visit rates differ between recent and lapsed customers (the heterogeneous lift),
conversion given a visit and spend differ by arm. See :mod:`analysis.simulate`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from analysis.simulate.truth import ARMS

__all__ = [
    "DEFAULT_VISIT_RATE",
    "DEFAULT_CONVERSION_GIVEN_VISIT",
    "DEFAULT_SPEND_MEAN",
    "DEFAULT_COST_PER_CONTACT",
    "campaign_parameters",
    "simulate_campaign",
]

DEFAULT_VISIT_RATE: dict[str, dict[str, float]] = {
    "control": {"recent": 0.12, "lapsed": 0.05},
    "email": {"recent": 0.20, "lapsed": 0.07},
    "email_discount": {"recent": 0.26, "lapsed": 0.12},
}
DEFAULT_CONVERSION_GIVEN_VISIT: dict[str, float] = {
    "control": 0.25, "email": 0.25, "email_discount": 0.35,
}
DEFAULT_SPEND_MEAN: dict[str, float] = {"control": 60.0, "email": 60.0, "email_discount": 52.0}
DEFAULT_COST_PER_CONTACT: dict[str, float] = {"control": 0.0, "email": 0.05, "email_discount": 0.05}


def campaign_parameters(campaign_fraction: float) -> dict[str, Any]:
    """The campaign's true parameters (arm shares, rates, spend, costs)."""
    return {
        "campaign_fraction": float(campaign_fraction),
        "arm_shares": {a: 1.0 / len(ARMS) for a in ARMS},
        "recency_threshold_days": 90,
        "visit_rate": {a: dict(v) for a, v in DEFAULT_VISIT_RATE.items()},
        "conversion_given_visit": dict(DEFAULT_CONVERSION_GIVEN_VISIT),
        "spend_mean": dict(DEFAULT_SPEND_MEAN),
        "spend_shape": 4.0,
        "cost_per_contact": dict(DEFAULT_COST_PER_CONTACT),
    }


def simulate_campaign(rng, customers, transactions, campaign_date, t: dict):
    """Draw the campaign table; returns it with the realised share of recent contacts."""
    n = len(customers)
    n_contact = int(round(t["campaign_fraction"] * n))
    pick = np.sort(rng.choice(n, size=n_contact, replace=False))
    arms = list(t["arm_shares"])
    arm_idx = rng.choice(len(arms), size=n_contact, p=[t["arm_shares"][a] for a in arms])
    agg = transactions.groupby("customer_id", sort=False).agg(
        n_orders=("amount", "size"), past_spend=("amount", "sum"), last=("date", "max")
    )
    cust = customers.iloc[pick].reset_index(drop=True)
    stats = agg.reindex(cust["customer_id"])
    tenure = ((campaign_date - cust["acquisition_date"]).dt.days).to_numpy("int64")
    recency = ((campaign_date - stats["last"].dt.normalize()).dt.days).to_numpy("int64")
    recent = recency <= t["recency_threshold_days"]
    arm_names = np.array(arms, dtype=object)[arm_idx]
    p_visit = np.array([t["visit_rate"][a]["recent" if rc else "lapsed"]
                        for a, rc in zip(arm_names, recent)], dtype=float)
    visit = rng.random(n_contact) < p_visit
    p_conv = np.array([t["conversion_given_visit"][a] for a in arms])[arm_idx]
    conversion = visit & (rng.random(n_contact) < p_conv)
    mean = np.array([t["spend_mean"][a] for a in arms])[arm_idx]
    spend = rng.gamma(t["spend_shape"], mean / t["spend_shape"])
    spend = np.where(conversion, np.maximum(np.round(spend, 2), 0.01), 0.0)
    out = pd.DataFrame(
        {
            "customer_id": pd.array(cust["customer_id"].to_numpy(), dtype="str"),
            "channel": pd.array(arm_names, dtype="str"),
            "visit": visit.astype("int64"),
            "conversion": conversion.astype("int64"),
            "spend": spend.astype("float64"),
            "cost_per_contact": np.array([t["cost_per_contact"][a] for a in arms],
                                         dtype="float64")[arm_idx],
            "acquisition_channel": pd.array(cust["acquisition_channel"].to_numpy(), dtype="str"),
            "region": pd.array(cust["region"].to_numpy(), dtype="str"),
            "tenure_days": tenure,
            "n_orders": stats["n_orders"].to_numpy("int64"),
            "past_spend": np.round(stats["past_spend"].to_numpy("float64"), 2),
            "recency_days": recency,
            "recency_group": pd.array(np.where(recent, "recent", "lapsed").astype(object), dtype="str"),
            "contact_date": pd.Series(campaign_date, index=range(n_contact)).astype("datetime64[ns]"),
        }
    )
    return out, float(recent.mean()) if n_contact else float("nan")

