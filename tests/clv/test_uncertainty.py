"""Uncertainty of the CLV models (analysis.clv.uncertainty): the one estimate shape and alpha.

Independent checks: the intervals are recomputed here from the covariance of the log
parameters (``exp(log(estimate) +/- z se_log)``, z from scipy for each alpha), the
standard errors from the delta method by hand, and the covariance of the log parameters
against a central-difference Hessian of the model's own log-likelihood computed here.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from analysis.clv import BetaGeo, BetaGeoCovariates, GammaGamma, ShiftedBetaGeometric
from analysis.clv.uncertainty import log_scale_table
from analysis.errors import NotFittedError, ParameterError
from analysis.results import ESTIMATE_COLUMNS

BG_TRUE = {"r": 0.6, "alpha": 6.0, "a": 0.9, "b": 2.5}
SURVIVORS = [1000, 631, 468, 382, 326, 289, 262, 241]


@pytest.fixture(scope="module")
def bg() -> BetaGeo:
    sim = BetaGeo.from_params(BG_TRUE).simulate(3000, 39.0, seed=11)
    return BetaGeo().fit(sim)


@pytest.fixture(scope="module")
def cov_model() -> BetaGeoCovariates:
    profiles = pd.DataFrame({"channel": ["store", "web"] * 1500, "T": 52.0})
    truth = {"r": 0.7, "alpha": 6.0, "a": 1.0, "b": 3.0, "trans[channel=web]": 0.4, "life[channel=web]": 0.0}
    settings = {"trans_covariates": ["channel"], "life_covariates": ["channel"]}
    sim = BetaGeoCovariates.from_params(truth, profiles, **settings).simulate(profiles, seed=2)
    return BetaGeoCovariates(**settings).fit(sim)


def test_summary_has_the_one_estimate_shape(bg):
    s = bg.summary()
    assert tuple(s.columns) == ESTIMATE_COLUMNS
    assert s.index.name == "parameter" and list(s.index) == ["r", "alpha", "a", "b"]
    assert s["p_value"].isna().all()  # positive parameters: no test of 0
    gg = GammaGamma.from_params({"p": 6.25, "q": 3.74, "v": 15.44})
    with pytest.raises(NotFittedError):  # from_params models carry no information matrix
        gg.covariance_log_


@pytest.mark.parametrize("alpha", [0.05, 0.10, 0.01])
def test_intervals_are_log_scale_at_one_minus_alpha(bg, alpha):
    s = bg.summary(alpha=alpha)
    se_log = np.sqrt(np.diag(bg.covariance_log_))
    z = stats.norm.ppf(1 - alpha / 2)
    est = bg.params_.to_numpy()
    np.testing.assert_allclose(s["ci_low"], est * np.exp(-z * se_log), rtol=1e-12)
    np.testing.assert_allclose(s["ci_high"], est * np.exp(z * se_log), rtol=1e-12)
    np.testing.assert_allclose(s["std_error"], est * se_log, rtol=1e-12)
    np.testing.assert_allclose(s["std_error"] ** 2, np.diag(bg.covariance_), rtol=1e-10)


def test_alpha_010_interval_is_narrower_and_default_is_95(bg):
    wide, narrow = bg.summary(), bg.summary(alpha=0.10)
    assert ((narrow["ci_low"] > wide["ci_low"]) & (narrow["ci_high"] < wide["ci_high"])).all()
    se_log = np.log(wide["ci_high"] / wide["estimate"]) / 1.959964
    np.testing.assert_allclose(se_log, np.sqrt(np.diag(bg.covariance_log_)), rtol=1e-6)


def test_covariance_is_inverse_of_a_brute_force_hessian():
    m = ShiftedBetaGeometric().fit(SURVIVORS)
    theta = np.log(m.params_.to_numpy())
    collapsed, _, _ = m._fit_data

    def nll(t):
        return -float(np.sum(m._loglik(np.exp(t), collapsed) * m._fit_data[1]))

    h = 1e-4
    H = np.empty((2, 2))
    for i in range(2):
        for j in range(2):
            ei, ej = np.eye(2)[i] * h, np.eye(2)[j] * h
            H[i, j] = (nll(theta + ei + ej) - nll(theta + ei - ej) - nll(theta - ei + ej) + nll(theta - ei - ej)) / (4 * h * h)
    np.testing.assert_allclose(m.covariance_log_, np.linalg.inv(H), rtol=1e-3)


@pytest.mark.parametrize("alpha", [0, 0.5, 1.2, "0.05", None])
def test_alpha_outside_0_to_half_is_refused(bg, alpha):
    with pytest.raises(ParameterError, match="The 'alpha' parameter of"):
        bg.summary(alpha=alpha)


def test_covariate_summary_shape_p_values_and_alpha(cov_model):
    s = cov_model.summary()
    assert list(s.columns) == [*ESTIMATE_COLUMNS, "process", "multiplier"]
    base = s["process"] == "both"
    assert s.loc[base, "p_value"].isna().all()
    coef = s.loc[~base]
    wald = 2 * stats.norm.sf(np.abs(coef["estimate"] / coef["std_error"]))
    np.testing.assert_allclose(coef["p_value"], wald, rtol=1e-10)
    assert s.loc["trans[channel=web]", "p_value"] < 1e-6  # a true effect of 0.4 on 3,000 customers
    narrow = cov_model.summary(alpha=0.10)
    z90, z95 = stats.norm.ppf(0.95), stats.norm.ppf(0.975)
    np.testing.assert_allclose((narrow["ci_high"] - narrow["estimate"])[~base],
                               (s["ci_high"] - s["estimate"])[~base] * z90 / z95, rtol=1e-10)
    assert ((narrow["ci_low"] > s["ci_low"]) & (narrow["ci_high"] < s["ci_high"])).all()


def test_log_scale_table():
    t = log_scale_table(["r", "s"], [2.0, 0.5], [0.1, 0.2], alpha=0.1, n=[1, 2])
    assert list(t.columns) == [*ESTIMATE_COLUMNS, "n"]
    z = stats.norm.ppf(0.95)
    np.testing.assert_allclose(t["ci_low"], [2.0 * np.exp(-0.1 * z), 0.5 * np.exp(-0.2 * z)])
    np.testing.assert_allclose(t["std_error"], [0.2, 0.1])
