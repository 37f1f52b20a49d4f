"""Product and service categories of the purchases, drawn from a per-customer preference.

Each customer has category preferences ``pi ~ Dirichlet(category_concentration *
category_shares)``; each of her purchases is in category ``k`` with probability
``pi_k``. A small concentration makes customers stick to a few categories, so
categories co-occur within customers more than by chance (the basis of
cross-selling and association rules). Two of the five categories are
value-added services. See :mod:`analysis.simulate`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

__all__ = ["DEFAULT_CATEGORY_SHARES", "VALUE_ADDED_CATEGORIES", "category_parameters",
           "simulate_categories"]

DEFAULT_CATEGORY_SHARES: dict[str, float] = {
    "standard service": 0.40, "express service": 0.20, "products": 0.20,
    "support plan": 0.12, "protection plan": 0.08,
}
VALUE_ADDED_CATEGORIES: tuple[str, ...] = ("support plan", "protection plan")


def category_parameters() -> dict[str, Any]:
    """The categories' true parameters."""
    return {
        "categories": tuple(DEFAULT_CATEGORY_SHARES),
        "value_added_categories": VALUE_ADDED_CATEGORIES,
        "category_shares": dict(DEFAULT_CATEGORY_SHARES),
        "category_concentration": 2.0,
    }


def simulate_categories(rng: np.random.Generator, customer_ids: np.ndarray, tx: pd.DataFrame,
                        t: dict[str, Any]) -> pd.Series:
    """One category per transaction (a string Series aligned with ``tx``)."""
    names = list(t["category_shares"])
    shares = np.array([t["category_shares"][k] for k in names], dtype=float)
    pref = rng.dirichlet(t["category_concentration"] * shares / shares.sum(), size=len(customer_ids))
    code = pd.Index(customer_ids).get_indexer(tx["customer_id"])
    cum = np.cumsum(pref, axis=1)[code]
    u = rng.random(len(tx))[:, None]
    k = np.minimum((u > cum).sum(axis=1), len(names) - 1)
    return pd.Series(pd.array(np.array(names, dtype=object)[k], dtype="str"), index=tx.index,
                     name="category")
