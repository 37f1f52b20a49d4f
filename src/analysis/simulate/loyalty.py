"""The loyalty programme: self-selected joining, +10 % spend while a member, points, tiers, sBG exits.

Launched at the end of acquisition. A customer's join propensity is a logit in
her standardised log average order value and log number of orders before the
launch (what the firm observed); a joiner joins at her first order on or after
the launch. While a member every order's amount is multiplied by
``1 + loyalty_spend_effect``; members earn points on member orders, redeem a
share of them, move up tiers by cumulative member spend, and cancel month by
month as a shifted-beta-geometric process. See :mod:`analysis.simulate`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

__all__ = ["DEFAULT_LOYALTY", "loyalty_parameters", "simulate_loyalty"]

DEFAULT_LOYALTY: dict[str, Any] = {
    # logit P(join) = intercept + aov * z(log AOV before launch) + orders * z(log orders before launch)
    "loyalty_join_coef": {"intercept": -0.5, "log_aov": 0.8, "log_orders": 0.5},
    "loyalty_spend_effect": 0.10,
    "points_per_currency": 1.0,
    "point_value": 0.01,
    "redemption_share": 0.6,
    "tiers": ("base", "silver", "gold"),
    "tier_thresholds": {"silver": 300.0, "gold": 1000.0},
    "membership_sbg": {"alpha": 0.8, "beta": 4.0},
    "programme_cost_per_member_month": 1.5,
}


def loyalty_parameters() -> dict[str, Any]:
    """The loyalty programme's true parameters (a fresh copy of the defaults)."""
    return {k: (dict(v) if isinstance(v, dict) else v) for k, v in DEFAULT_LOYALTY.items()}


def _zscore(x: np.ndarray) -> np.ndarray:
    sd = x.std()
    return (x - x.mean()) / sd if sd > 0 else np.zeros_like(x)


def _add_months(days: pd.Series, months: np.ndarray) -> pd.Series:
    out = pd.Series(pd.NaT, index=days.index, dtype="datetime64[ns]")
    for m in np.unique(months):
        sel = months == m
        out[sel] = days[sel] + pd.DateOffset(months=int(m))
    return out


def simulate_loyalty(rng: np.random.Generator, customer_ids: np.ndarray, tx: pd.DataFrame,
                     launch: pd.Timestamp, observation_end: pd.Timestamp,
                     t: dict[str, Any]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Draw who joins and when, raise member orders' amounts; return (transactions, memberships)."""
    n = len(customer_ids)
    cid = pd.Index(customer_ids)
    u_join = rng.random(n)
    sbg = t["membership_sbg"]
    theta = rng.beta(sbg["alpha"], sbg["beta"], size=n)  # monthly cancellation probability
    months = rng.geometric(np.clip(theta, 1e-12, 1.0))  # months in the programme if she joins
    # a membership longer than the data is censored anyway: cap it so that dates stay in range
    months = np.minimum(months, (observation_end - launch).days // 28 + 2)

    code = cid.get_indexer(tx["customer_id"])
    day = tx["date"].dt.normalize()
    pre = (day < launch).to_numpy()
    n_pre = np.bincount(code[pre], minlength=n).astype(float)
    spend_pre = np.bincount(code[pre], weights=tx["amount"].to_numpy()[pre], minlength=n)
    has_pre = n_pre > 0
    log_aov = np.log(np.where(has_pre, spend_pre / np.maximum(n_pre, 1), 1.0))
    log_n = np.log(np.maximum(n_pre, 1.0))
    z_aov, z_n = np.zeros(n), np.zeros(n)
    z_aov[has_pre], z_n[has_pre] = _zscore(log_aov[has_pre]), _zscore(log_n[has_pre])
    c = t["loyalty_join_coef"]
    p_join = 1.0 / (1.0 + np.exp(-(c["intercept"] + c["log_aov"] * z_aov + c["log_orders"] * z_n)))
    joiner = has_pre & (u_join < p_join)

    post = ~pre & joiner[code]
    first_post = pd.Series(day[post].to_numpy(), index=code[post]).groupby(level=0).min()
    members = first_post.index.to_numpy()
    join = pd.Series(first_post.to_numpy(), index=members, dtype="datetime64[ns]")
    last_day = _add_months(join, months[members].astype(int)) - pd.Timedelta(days=1)

    # member orders: from the join day to the last day in the programme
    join_of = join.reindex(code).to_numpy()
    last_of = last_day.reindex(code).to_numpy()
    d = day.to_numpy()
    member_order = (d >= join_of) & (d <= last_of)  # NaT compares False: non-members
    tx = tx.copy()
    raised = np.round(tx["amount"].to_numpy() * (1.0 + t["loyalty_spend_effect"]), 2)
    tx["amount"] = np.where(member_order, raised, tx["amount"].to_numpy()).astype("float64")
    memberships = _spells(tx.loc[member_order], code[member_order], join, last_day, cid,
                          observation_end, t)
    return tx, memberships


def _spells(orders: pd.DataFrame, code: np.ndarray, join: pd.Series, last_day: pd.Series,
            cid: pd.Index, observation_end: pd.Timestamp, t: dict[str, Any]) -> pd.DataFrame:
    """Tier spells: a new tier starts the day after the order that crossed its threshold."""
    thresholds = np.array(list(t["tier_thresholds"].values()), dtype=float)
    tiers = np.array(t["tiers"], dtype=object)
    o = pd.DataFrame({"m": code, "day": orders["date"].dt.normalize().to_numpy().astype("datetime64[ns]"),
                      "amount": orders["amount"].to_numpy()}).sort_values(["m", "day"], kind="mergesort")
    cum = o.groupby("m")["amount"].cumsum().to_numpy()
    level = np.searchsorted(thresholds, cum, side="right")
    before = np.concatenate([[0], level[:-1]])
    first = np.concatenate([[True], o["m"].to_numpy()[1:] != o["m"].to_numpy()[:-1]])
    before[first] = 0
    up = level > before
    starts = pd.DataFrame({
        "m": np.concatenate([join.index.to_numpy(), o["m"].to_numpy()[up]]),
        "start": np.concatenate([join.to_numpy(), o["day"].to_numpy()[up] + np.timedelta64(1, "D")]),
        "level": np.concatenate([np.zeros(len(join), int), level[up]]),
    })
    starts = starts.sort_values(["m", "start", "level"], kind="mergesort")
    starts = starts.drop_duplicates(["m", "start"], keep="last")
    # a tier starting after her last day in the programme, or after the data, never shows
    last = np.minimum(last_day.reindex(starts["m"]).to_numpy(), observation_end.normalize().to_datetime64())
    starts = starts[starts["start"].to_numpy() <= last]
    starts = starts.reset_index(drop=True)
    nxt = starts.groupby("m")["start"].shift(-1)
    end = nxt - pd.Timedelta(days=1)
    end = end.fillna(pd.Series(last_day.reindex(starts["m"]).to_numpy()))
    end = end.where(end <= observation_end.normalize())  # still in this tier at the end of the data
    # the orders of each spell: the last spell starting on or before the order's day
    starts["spell"] = np.arange(len(starts))
    o = pd.merge_asof(o.sort_values("day", kind="mergesort"),
                      starts[["m", "start", "spell"]].sort_values("start", kind="mergesort"),
                      left_on="day", right_on="start", by="m", direction="backward")
    o_spell = o["spell"].to_numpy(dtype="int64")
    points = np.floor(o["amount"].to_numpy() * t["points_per_currency"])
    earned = np.bincount(o_spell, weights=points, minlength=len(starts))
    redeemed = np.floor(earned * t["redemption_share"])
    return pd.DataFrame({
        "customer_id": pd.array(cid.to_numpy()[starts["m"].to_numpy()], dtype="str"),
        "start_date": starts["start"].to_numpy().astype("datetime64[ns]"),
        "end_date": end.to_numpy().astype("datetime64[ns]"),
        "tier": pd.array(tiers[starts["level"].to_numpy()], dtype="str"),
        "points_earned": earned.astype("float64"),
        "points_redeemed": redeemed.astype("float64"),
        "discounts": np.round(redeemed * t["point_value"], 2).astype("float64"),
    })
