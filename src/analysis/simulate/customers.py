"""Customers and their acquisition: channel, day, region, acquisition cost and cost to serve.

Each customer is acquired through one channel on a day drawn uniformly from the
first ``acquisition_share`` of the observation window and gets a ``region``
(descriptive only). ``acquisition_cost`` is Gamma distributed with the
channel's mean and a coefficient of variation of 0.25; ``cost_to_serve`` is the
channel's cost of one order.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.simulate._common import ids

__all__ = [
    "DEFAULT_CHANNEL_MIX",
    "DEFAULT_ACQUISITION_COST",
    "DEFAULT_COST_TO_SERVE",
    "DEFAULT_REGIONS",
    "ACQUISITION_COST_CV",
    "simulate_customers",
]

DEFAULT_CHANNEL_MIX: dict[str, float] = {
    "store": 0.30, "web": 0.28, "app": 0.20, "phone": 0.12, "partner": 0.10,
}
DEFAULT_ACQUISITION_COST: dict[str, float] = {
    "store": 40.0, "web": 25.0, "app": 18.0, "phone": 55.0, "partner": 30.0,
}
DEFAULT_COST_TO_SERVE: dict[str, float] = {  # per order
    "store": 6.0, "web": 2.5, "app": 1.5, "phone": 8.0, "partner": 4.0,
}
DEFAULT_REGIONS: dict[str, float] = {"north": 0.3, "south": 0.25, "east": 0.25, "west": 0.2}

#: coefficient of variation of the acquisition cost within a channel
ACQUISITION_COST_CV = 0.25


def simulate_customers(rng, n, channels, mix, regions, start, n_days, acq_share, acq_cost, cv,
                       cost_to_serve):
    """Draw the customers table; returns it with each customer's channel index and acquisition day."""
    ch_idx = rng.choice(len(channels), size=n, p=[mix[c] for c in channels])
    acq_days = rng.integers(0, max(1, int(np.floor(acq_share * n_days))), size=n)
    region_names = list(regions)
    region = rng.choice(len(region_names), size=n, p=[regions[r] for r in region_names])
    means = np.array([acq_cost[c] for c in channels])[ch_idx]
    shape = 1.0 / cv**2
    cost = np.round(rng.gamma(shape, means / shape), 2)
    order = np.lexsort((ch_idx, acq_days))  # ids follow acquisition order
    ch_idx, acq_days, region, cost = ch_idx[order], acq_days[order], region[order], cost[order]
    ch_names = np.array(channels, dtype=object)
    customers = pd.DataFrame(
        {
            "customer_id": pd.array(ids("C", n), dtype="str"),
            "acquisition_date": (start + pd.to_timedelta(acq_days, unit="D")).astype("datetime64[ns]"),
            "acquisition_channel": pd.array(ch_names[ch_idx], dtype="str"),
            "acquisition_cost": cost.astype("float64"),
            "cost_to_serve": np.array([cost_to_serve[c] for c in channels], dtype="float64")[ch_idx],
            "region": pd.array(np.array(region_names, dtype=object)[region], dtype="str"),
        }
    )
    return customers, ch_idx, acq_days

