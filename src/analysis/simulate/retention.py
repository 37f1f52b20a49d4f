"""The retention data of the firm: complaints, the loyalty programme, categories, referrals, targets.

Runs on the firm's fifth random stream, after the base transactions are drawn
and before the campaign (which reads the final log), in this order: complaints
(remove the orders of customers who leave after one), the loyalty programme
(raise member orders' amounts), categories, referrals. Each part draws from its
own child of the stream. See :mod:`analysis.simulate`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from analysis.simulate.categories import category_parameters, simulate_categories
from analysis.simulate.complaints import complaint_parameters, simulate_complaints
from analysis.simulate.loyalty import loyalty_parameters, simulate_loyalty
from analysis.simulate.referrals import referral_parameters, simulate_referrals

__all__ = ["DEFAULT_TARGETS", "RETENTION_NOTES", "retention_parameters", "simulate_retention_data"]

#: the bundled study's scorecard targets, by KPI name (see ServiceTruth.targets); chosen so that,
#: with quarterly rates, the seed-20240601 firm meets some, misses some and cannot tell one
DEFAULT_TARGETS: dict[str, float] = {
    "retention_rate": 0.50,          # share of a quarter's buyers who buy again the next quarter
    "churn_rate": 0.40,              # 1 - retention_rate
    "satisfaction_index": 60.0,      # 0-100
    "complaint_rate": 25.0,          # complaints per 1,000 orders
    "complaints_per_customer": 0.15,  # share of customers who complained
    "value_added_sales": 15000.0,    # money, latest full quarter
    "cross_sell_rate": 0.60,         # share of customers buying >= 2 categories
    "referral_rate": 0.10,           # share of new customers who were referred
}


#: one line per mechanism: what each known effect means and on which scale
RETENTION_NOTES: tuple[str, ...] = (
    "Complaints: an order leads to a complaint on its day with probability complaint_rate[purchase "
    "channel]; after a complaint resolved r the customer leaves for good with probability "
    "recovery_leave_prob[r], so the true risk ratio of a repurchase within h days (any h) after an "
    "order with a complaint resolved r vs an order without complaint, same history, is "
    "recovery_repurchase_ratio[r] = 1 - recovery_leave_prob[r]; no recovery paradox (a complaint "
    "never raises repurchase); a complaint resolved after observation_end has no resolution.",
    "Loyalty programme: join propensity is a logit in standardised log average order value and log "
    "order count before loyalty_launch (self-selection: the naive member/non-member spend ratio is "
    "biased upwards); the true effect on spend per order while a member is the ratio "
    "1 + loyalty_spend_effect, log(1 + loyalty_spend_effect) on the log-amount scale; amounts are "
    "before point discounts. Joining selects on pre-launch spend itself, so a plain before/after or "
    "unweighted difference-in-differences is pulled towards 0 by regression to the mean; weighting or "
    "matching on the pre-launch history removes the bias (it is the only confounder).",
    "Memberships: months in the programme ~ shifted-beta-geometric(membership_sbg), calendar months "
    "from the join day (a customer's first order on or after the launch); a tier starts the day "
    "after the order whose cumulative member spend crosses its threshold; points_earned = sum of "
    "floor(amount * points_per_currency), points_redeemed = floor(redemption_share * earned), "
    "discounts = redeemed * point_value, per spell.",
    "Categories: each customer's preferences ~ Dirichlet(category_concentration * category_shares); "
    "categories do not change amounts or timing; value_added_categories are value-added services.",
    "Referrals: referred_by is a customer acquired earlier, drawn with probability proportional to "
    "her purchases before the referred customer's acquisition; referral changes no behaviour.",
    "targets are the bundled study's scorecard targets (a management choice, not a property of the "
    "firm).",
)


def retention_parameters(channels: tuple[str, ...]) -> dict[str, Any]:
    """Every true parameter of the retention data, named as the ServiceTruth fields."""
    complaints = complaint_parameters(channels)
    leave = complaints["recovery_leave_prob"]
    return {
        **complaints,
        "recovery_repurchase_ratio": {r: round(1.0 - p, 12) for r, p in leave.items()},
        **loyalty_parameters(),
        **category_parameters(),
        **referral_parameters(),
        "targets": dict(DEFAULT_TARGETS),
    }


def simulate_retention_data(rng: np.random.Generator, customers: pd.DataFrame, tx: pd.DataFrame,
                            start: pd.Timestamp, launch: pd.Timestamp,
                            observation_end: pd.Timestamp, t: dict[str, Any]) -> dict[str, pd.DataFrame]:
    """Complaints, memberships, and the transactions and customers with their new columns."""
    rng_complaints, rng_loyalty, rng_categories, rng_referrals = rng.spawn(4)
    ids = customers["customer_id"].to_numpy(dtype=object)
    tx, complaints = simulate_complaints(rng_complaints, tx, observation_end, t)
    tx, memberships = simulate_loyalty(rng_loyalty, ids, tx, launch, observation_end, t)
    tx = tx.copy()
    tx["category"] = simulate_categories(rng_categories, ids, tx, t)
    customers = customers.copy()
    customers["referred_by"] = simulate_referrals(rng_referrals, customers, tx, start, t)
    return {"transactions": tx, "customers": customers, "complaints": complaints,
            "memberships": memberships}
