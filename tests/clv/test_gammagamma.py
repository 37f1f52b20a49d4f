"""Gamma-Gamma fitting (analysis.clv.gammagamma): Newton's method with the analytic Hessian.

The fit is checked against an independent minimisation of the density written out
here (Fader and Hardie 2013, eq. 4), the Hessian against central differences of the
analytic gradient, and the fallback to the shared L-BFGS-B path on data where the
estimates run to the edge of the parameter space.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import optimize, special

from analysis.clv import GammaGamma
from analysis.errors import AnalysisWarning

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def cdnow() -> pd.DataFrame:
    """The 2,357-customer CDNOW sample; its 946 repeat customers are the Gamma-Gamma data."""
    d = pd.read_csv(ROOT / "data" / "cdnow" / "cdnow_customers_summary_with_transactions.csv")
    return pd.DataFrame({"frequency": d["x"], "monetary_value": d["zbar"]})


def _negloglik(theta, x, z):
    """-sum log f(zbar | p, q, v, x): Gamma(px+q)/(Gamma(px)Gamma(q)) v^q x^px zbar^(px-1) / (v + x zbar)^(px+q)."""
    p, q, v = np.exp(theta)
    return -np.sum(special.gammaln(p * x + q) - special.gammaln(p * x) - special.gammaln(q) + q * np.log(v)
                   + p * x * np.log(x) + (p * x - 1) * np.log(z) - (p * x + q) * np.log(v + x * z))


def test_newton_fit_equals_a_direct_minimisation(cdnow):
    """Nelder-Mead on the density written out, polished with BFGS, from the published estimates."""
    rep = cdnow[cdnow["frequency"] > 0]
    x, z = rep["frequency"].to_numpy(float), rep["monetary_value"].to_numpy(float)
    direct = optimize.minimize(_negloglik, np.log([6.25, 3.74, 15.44]), args=(x, z), method="Nelder-Mead",
                               options={"xatol": 1e-12, "fatol": 1e-13, "maxiter": 20000, "maxfev": 40000})
    direct = optimize.minimize(_negloglik, direct.x, args=(x, z), method="BFGS", options={"gtol": 1e-9})
    gg = GammaGamma().fit(cdnow)
    assert gg.optimizer_["method"] == "Newton" and gg.converged_
    assert gg.optimizer_["max_abs_gradient"] < 1e-9
    # 1.4e-7 apart on this machine (the p-v ridge is flat; BFGS stops with a precision-loss message)
    np.testing.assert_allclose(gg.params_.to_numpy(), np.exp(direct.x), rtol=1e-6)
    assert gg.loglik_ >= -direct.fun - 1e-8


def test_analytic_hessian_matches_central_differences_of_the_gradient(cdnow):
    rep = cdnow[cdnow["frequency"] > 0]
    model = GammaGamma()
    arrays = model._data(rep)
    w = np.ones(len(rep))
    fast = model._fast_loglik(arrays, w)
    rng = np.random.default_rng(3)
    for _ in range(4):
        params = np.exp(rng.normal(0, 0.7, 3)) * np.array([6.0, 3.0, 15.0])
        h = 1e-6 * params
        numeric = np.column_stack([(fast(params + np.eye(3)[j] * h[j])[1] - fast(params - np.eye(3)[j] * h[j])[1])
                                   / (2 * h[j]) for j in range(3)])
        fast(params)
        np.testing.assert_allclose(fast.hessian(params), numeric, rtol=1e-6, atol=1e-6 * np.abs(numeric).max())


def test_hessian_after_a_call_at_other_parameters(cdnow):
    """The Hessian reuses 1/(v + x m) of the last likelihood call only when v is the same."""
    rep = cdnow[cdnow["frequency"] > 0]
    model = GammaGamma()
    fast = model._fast_loglik(model._data(rep), np.ones(len(rep)))
    a, b = np.array([6.0, 3.7, 15.0]), np.array([2.0, 5.0, 40.0])
    fast(a)
    h_a = fast.hessian(a).copy()
    fast(b)
    np.testing.assert_array_equal(fast.hessian(a), h_a)


def test_newton_is_recorded_and_agrees_with_weights(cdnow):
    """Rows repeated k times and the same rows with weight k give the same fit."""
    rep = cdnow[cdnow["frequency"] > 0].reset_index(drop=True)
    k = np.arange(len(rep)) % 3 + 1
    weighted = GammaGamma().fit(rep, weights=k)
    repeated = GammaGamma().fit(rep.loc[rep.index.repeat(k)])
    assert weighted.optimizer_["method"] == repeated.optimizer_["method"] == "Newton"
    np.testing.assert_allclose(weighted.params_.to_numpy(), repeated.params_.to_numpy(), rtol=1e-8)
    assert weighted.loglik_ == pytest.approx(repeated.loglik_, rel=1e-12)


def test_estimates_running_to_the_edge_fall_back_to_lbfgsb():
    """Spends that barely vary send p (and 1/v) to infinity: Newton gives up, the shared
    L-BFGS-B path runs and warns as before."""
    d = pd.DataFrame({"frequency": [1, 1, 2, 2] * 50, "monetary_value": [3.0, 4.0, 3.0, 4.0] * 50})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        gg = GammaGamma().fit(d)
    assert gg.optimizer_["method"].startswith("L-BFGS-B")
    assert not gg.converged_ and "p" in gg.at_boundary_
    assert any(issubclass(w.category, AnalysisWarning) and "extreme value" in str(w.message) for w in caught)
