"""Difference-in-differences of spend per order (analysis.retention.did), issue 15 item 1.

The two-way fixed-effects fit is checked against statsmodels OLS/WLS with explicit customer and
period dummies and cluster-robust errors; the effect against the synthetic firm's known truth.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

from analysis.retention import did_effect, programme_sample, propensity_weighting, twfe
from analysis.retention.loyalty import LOYALTY_COVARIATES


def _panel(seed=0, n_units=40, n_times=6):
    rng = np.random.default_rng(seed)
    rows = [(u, s) for u in range(n_units) for s in range(n_times) if rng.random() < 0.8]  # unbalanced
    unit, time = np.array(rows).T
    x = (rng.random(len(unit)) < 0.3).astype(float)
    y = rng.normal(size=n_units)[unit] + 0.3 * time + 0.5 * x + rng.normal(0, 0.5, len(unit))
    return y, x, unit, time


@pytest.mark.parametrize("weighted", [False, True])
def test_twfe_matches_statsmodels_with_dummies_and_clustered_errors(weighted):
    y, x, unit, time = _panel()
    w = np.random.default_rng(1).uniform(0.2, 3.0, len(y)) if weighted else None
    beta, vcov = twfe(y, x[:, None], unit, time, w)
    dummies = pd.get_dummies(pd.DataFrame({"u": unit.astype(str), "t": time.astype(str)}), drop_first=True,
                             dtype=float)
    design = np.column_stack([x, np.ones(len(y)), dummies.to_numpy()])
    model = sm.WLS(y, design, weights=w) if weighted else sm.OLS(y, design)
    fit = model.fit(cov_type="cluster", cov_kwds={"groups": unit})
    assert beta[0] == pytest.approx(fit.params[0], abs=1e-9)
    # statsmodels' small-sample factor counts every dummy, (N-1)/(N-K); ours counts only x (the fixed effects
    # are nested in the clusters, as Stata's xtreg, fe does): rescale, then equal to rounding
    n, k_all = len(y), design.shape[1]
    expected = fit.bse[0] * np.sqrt((n - k_all) / (n - 1))  # times (N-1)/(N-1), k = 1
    assert np.sqrt(vcov[0, 0]) == pytest.approx(expected, rel=1e-7)


def test_did_on_a_hand_made_log_is_the_difference_of_differences():
    # two customers, two months before and two after a joins: a's log spend rises by log(2), b's by log(1.1)
    tx = pd.DataFrame({"customer_id": ["a"] * 4 + ["b"] * 4,
                       "date": pd.to_datetime(["2024-01-05", "2024-02-05", "2024-03-05", "2024-04-05"] * 2),
                       "amount": [10.0, 10.0, 20.0, 20.0, 10.0, 10.0, 11.0, 11.0]})
    m = pd.DataFrame({"customer_id": ["a"], "start_date": pd.to_datetime(["2024-03-01"])})
    res = did_effect(tx, m, period="month")
    assert res.effects.loc["membership", "estimate"] == pytest.approx(np.log(2) - np.log(1.1), abs=1e-9)
    assert res.effects.loc["membership", "ratio"] == pytest.approx(2 / 1.1, abs=1e-9)
    assert res.event.loc[-1, "estimate"] == 0.0
    assert int(res.effects.loc["membership", "n_members"]) == 1


def test_weighted_did_recovers_the_firms_true_effect():
    from analysis.simulate import simulate_service_firm

    f = simulate_service_firm()
    t = f.tables()
    if "memberships" not in t:
        pytest.skip("the synthetic firm has no loyalty programme yet")
    truth = 1 + f.truth.loyalty_spend_effect
    s = programme_sample(t["transactions"], t["memberships"], t["customers"])
    w = propensity_weighting(s, "member", "spend_per_order", list(LOYALTY_COVARIATES), n_bootstrap=0).scores["weight"]
    res = did_effect(t["transactions"], t["memberships"], weights=w, period="month").effects.loc["membership"]
    # members joined after a good spell (selected on pre-launch spend); reweighted non-members regress to
    # the mean as much, so the 95 % interval covers the truth (1.10)
    assert res["ratio_ci_low"] < truth < res["ratio_ci_high"]
    assert res["weighted"]
