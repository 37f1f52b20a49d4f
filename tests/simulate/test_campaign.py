"""Tests of analysis.simulate.campaign: arm rates and covariates against the truth and the log.

Tolerances and how expected values are computed: tests/simulate_cases.py.
"""

from __future__ import annotations

import numpy as np
import pytest
from simulate_cases import Z

from analysis.simulate import ARMS


def test_campaign_arm_rates_match_truth(firm):
    """Realized visit / conversion rates per arm and recency group vs the true rates.

    SE: binomial sqrt(p (1 - p) / n) at the true p; spend per converter: the
    sample SD / sqrt(n).
    """
    t, c = firm.truth, firm.campaign
    for arm in ARMS:
        share = (c["channel"] == arm).mean()
        assert abs(share - 1 / 3) < Z * np.sqrt(2 / 9 / len(c))
        for group in ("recent", "lapsed"):
            g = c[(c["channel"] == arm) & (c["recency_group"] == group)]
            p = t.visit_rate[arm][group]
            assert abs(g["visit"].mean() - p) < Z * np.sqrt(p * (1 - p) / len(g)), (arm, group)
        a = c[c["channel"] == arm]
        expected = t.arm_rates((a["recency_group"] == "recent").mean()).set_index("arm").loc[arm]
        for col, rate in (("visit", expected["visit_rate"]), ("conversion", expected["conversion_rate"])):
            assert abs(a[col].mean() - rate) < Z * np.sqrt(rate * (1 - rate) / len(a)), (arm, col)
        spend = a.loc[a["conversion"] == 1, "spend"]
        assert abs(spend.mean() - t.spend_mean[arm]) < Z * spend.std(ddof=1) / np.sqrt(len(spend))
        assert (a.loc[a["conversion"] == 0, "spend"] == 0).all()
        assert (a["visit"] >= a["conversion"]).all()
        assert (a["cost_per_contact"] == t.cost_per_contact[arm]).all()


def test_campaign_covariates_are_consistent_with_the_log(firm):
    t, c, tx = firm.truth, firm.campaign, firm.transactions
    per = tx.groupby("customer_id").agg(n=("amount", "size"), spend=("amount", "sum"),
                                        last=("date", "max"))
    per = per.reindex(c["customer_id"])
    assert (c["n_orders"].to_numpy() == per["n"].to_numpy()).all()
    np.testing.assert_allclose(c["past_spend"].to_numpy(), per["spend"].to_numpy(), atol=0.006)
    assert ((t.campaign_date - per["last"]).dt.days.to_numpy() == c["recency_days"].to_numpy()).all()
    assert ((c["recency_days"] <= 90) == (c["recency_group"] == "recent")).all()
    assert t.campaign_recent_share == pytest.approx((c["recency_group"] == "recent").mean())
