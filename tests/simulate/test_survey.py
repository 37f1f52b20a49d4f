"""Tests of analysis.simulate.survey: driver weights, reliabilities, churn and gaps against the truth.

Tolerances and how expected values are computed: tests/simulate_cases.py.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from simulate_cases import Z

from analysis.simulate import DIMENSIONS


def _item_means(survey: pd.DataFrame, kind: str = "perc") -> pd.DataFrame:
    return pd.DataFrame({d: survey.filter(regex=f"^{kind}_{d}_").mean(axis=1) for d in DIMENSIONS})


def _plim_weights(t) -> np.ndarray:
    """OLS limit on item means, (S + D)^-1 S w, from the truth's primitives (written here)."""
    corr = np.array(t.latent_corr)
    within = corr * t.latent_sd**2
    shifts = np.array([[t.perception_channel_shift[c].get(d, 0.0) for d in DIMENSIONS]
                       for c in t.channels])
    mix = np.array([t.channel_mix[c] for c in t.channels])
    mu = mix @ shifts
    between = sum(m * np.outer(s - mu, s - mu) for m, s in zip(mix, shifts))
    S = within + between
    D = np.diag([(t.item_noise_sd**2 + 1 / 12) / t.n_items[d] for d in DIMENSIONS])
    w = np.array([t.driver_weights[d] for d in DIMENSIONS])
    return np.linalg.solve(S + D, S @ w)


def test_driver_regression_recovers_the_weights(big_survey_firm):
    """OLS of overall satisfaction on perception item means.

    Expected: the attenuated limit (S + D)^-1 S w (D = item noise + rounding
    variance / items), recomputed here. Tolerance: 4 HC1 standard errors plus
    0.01 for the clipping of items and outcome to 1..7, which the limit ignores
    (a 300,000-respondent run put that bias below 0.005 for every weight).
    The estimated order of importance must equal the true order.
    """
    t, s = big_survey_firm.truth, big_survey_firm.survey
    X = sm.add_constant(_item_means(s))
    fit = sm.OLS(s["overall_satisfaction"].astype(float), X).fit(cov_type="HC1")
    plim = _plim_weights(t)
    np.testing.assert_allclose([t.expected_ols_weights[d] for d in DIMENSIONS], plim, rtol=1e-10)
    for d, expected in zip(DIMENSIONS, plim):
        assert abs(fit.params[d] - expected) < Z * fit.bse[d] + 0.01, (d, fit.params[d], expected)
    true_order = sorted(DIMENSIONS, key=t.driver_weights.get)
    assert sorted(DIMENSIONS, key=fit.params.get) == true_order
    assert true_order[0] == "tangibles" and true_order[-1] == "reliability"


def test_default_survey_identifies_the_top_and_bottom_driver(firm):
    s = firm.survey
    fit = sm.OLS(s["overall_satisfaction"].astype(float), sm.add_constant(_item_means(s))).fit()
    w = fit.params.drop("const")
    assert w.idxmax() == "reliability" and w.idxmin() == "tangibles"


def test_scale_reliability_matches_cronbach_alpha(big_survey_firm):
    """Cronbach's alpha of each perception scale vs the truth's construct reliability.

    Items are parallel (equal loadings and noise), so alpha equals the reliability
    of the item mean. Tolerance 0.02: alpha's SE at n = 10,000 is about 0.003 and
    the rounding-as-uniform-noise approximation is within 0.005 of a 300,000 run.
    """
    t, s = big_survey_firm.truth, big_survey_firm.survey
    for d in DIMENSIONS:
        items = s.filter(regex=f"^perc_{d}_")
        k = items.shape[1]
        alpha = k / (k - 1) * (1 - items.var(ddof=1).sum() / items.sum(axis=1).var(ddof=1))
        assert abs(alpha - t.construct_reliability[d]) < 0.02, (d, alpha)
        assert 0.8 < alpha < 0.95


def test_churn_follows_the_logistic_model(big_survey_firm):
    """Logit of churned on the observed overall rating recovers the true coefficients (4 SE)."""
    t, s = big_survey_firm.truth, big_survey_firm.survey
    X = sm.add_constant(s["overall_satisfaction"].astype(float) - t.churn_centre)
    fit = sm.Logit(s["churned"].astype(float), X).fit(disp=0)
    assert abs(fit.params["const"] - t.churn_intercept) < Z * fit.bse["const"]
    assert abs(fit.params["overall_satisfaction"] - t.churn_slope) < Z * fit.bse["overall_satisfaction"]


def test_loyalty_and_recommend_rise_with_satisfaction(big_survey_firm):
    s = big_survey_firm.survey
    by = s.groupby("overall_satisfaction")[["recommend", "loyalty_intent"]].mean()
    middle = by.loc[3:6]
    assert middle["recommend"].is_monotonic_increasing
    assert middle["loyalty_intent"].is_monotonic_increasing


def test_perception_gaps_have_the_true_sign_and_order(big_survey_firm):
    """Expectations exceed perceptions for every dimension; reliability has the largest gap.

    Exact gap sizes are not compared: expectation items near 7 are clipped.
    """
    s = big_survey_firm.survey
    gap = _item_means(s, "perc").mean() - _item_means(s, "exp").mean()
    assert (gap < 0).all() and gap.idxmin() == "reliability"


def test_perceptions_shift_by_channel(big_survey_firm):
    t, s = big_survey_firm.truth, big_survey_firm.survey
    means = _item_means(s).groupby(s["channel"]).mean()
    resp = means["responsiveness"]
    # app +0.3, phone -0.2 relative to the others' 0 on responsiveness; SE of a group mean < 0.04
    assert resp["app"] - resp["store"] == pytest.approx(0.3, abs=Z * 0.05)
    assert resp["phone"] - resp["store"] == pytest.approx(-0.2, abs=Z * 0.05)
    assert t.perception_channel_shift["app"]["responsiveness"] == 0.3
