"""CLV models against brute force and simulation with known parameters.

- Likelihoods and conditional expectations vs direct numerical integration over the
  latent rates (scipy.integrate.quad/dblquad), independent of the hypergeometric
  closed forms.
- Predictions vs Monte Carlo simulation from the same parameters: by the tower
  property, the mean of the conditional expectations (or P(alive)) within a group of
  customers defined by calibration data must equal the mean simulated holdout count
  (or alive share) in that group. Tolerance: 4 standard errors of the simulated mean.
- Parameter recovery and calibration of the observed-information standard errors.
- Analytic gradients vs central finite differences.
- Extreme inputs (hundreds of purchases, decades in days, nobody repeating).
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import integrate, optimize, special, stats

from analysis.clv import BetaGeo, BetaGeoBetaBinom, GammaGamma, ModifiedBetaGeo, ParetoNBD, ShiftedBetaGeometric
from analysis.errors import AnalysisWarning, DataValidationError, NotFittedError, ParameterError

ROOT = Path(__file__).resolve().parents[2]
BG_TRUE = {"r": 0.6, "alpha": 6.0, "a": 0.9, "b": 2.5}
PNBD_TRUE = {"r": 0.6, "alpha": 8.0, "s": 0.7, "beta": 12.0}


@pytest.fixture(scope="module")
def cdnow() -> pd.DataFrame:
    d = pd.read_csv(ROOT / "data" / "cdnow" / "cdnow_customers_summary_with_transactions.csv")
    return d.rename(columns={"x": "frequency", "t_x": "recency", "zbar": "monetary_value"})


def _frame(x, tx, T):
    return pd.DataFrame({"frequency": [x], "recency": [tx], "T": [T]})


# ------------------------------------------------------------------ brute force
def _over_p(g, a, b):
    """int_0^1 g(p) Beta(p; a, b) dp, with p = u^(1/a) to remove the p^(a-1) singularity."""
    def f(u):
        p = u ** (1 / a)
        return g(p) * np.exp((b - 1) * np.log1p(-p) - special.betaln(a, b) - np.log(a))

    return integrate.quad(f, 0, 1, limit=500, epsabs=0, epsrel=1e-11, points=[1e-8, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2])[0]


def _nbd_kernel(r, alpha, x, age):
    """int lambda^x exp(-lambda age) Gamma(lambda; r, alpha) dlambda (the gamma-function identity)."""
    return np.exp(special.gammaln(r + x) - special.gammaln(r) + r * np.log(alpha) - (r + x) * np.log(alpha + age))


@pytest.mark.parametrize(("x", "tx", "T"), [(0, 0.0, 30.0), (3, 12.5, 40.0), (1, 39.0, 39.0), (60, 300.0, 310.0)])
def test_bgnbd_likelihood_equals_integral_over_dropout(x, tx, T):
    """Individual likelihood (1-p)^x L(T) + p (1-p)^(x-1) L(t_x), integrated over p numerically."""
    r, alpha, a, b = BG_TRUE.values()
    k_T, k_tx = _nbd_kernel(r, alpha, x, T), _nbd_kernel(r, alpha, x, tx)

    def g(p):
        return (1 - p) ** x * k_T + (p * (1 - p) ** (x - 1) * k_tx if x > 0 else 0.0)

    brute = _over_p(g, a, b)
    m = BetaGeo.from_params(BG_TRUE)
    ll = m._loglik(m.params_.to_numpy(), {"frequency": np.array([x]), "recency": np.array([tx]), "T": np.array([T])})
    assert ll[0] == pytest.approx(np.log(brute), abs=1e-8)


def _pnbd_log_brute(r, alpha, s, beta, x, tx, T):
    """log L from the integral form: alive throughout + died in (t_x, T]."""
    pref = special.gammaln(r + x) - special.gammaln(r) + r * np.log(alpha) + s * np.log(beta)
    alive = -(r + x) * np.log(alpha + T) - s * np.log(beta + T)
    peak = -(r + x) * np.log(alpha + tx) - (s + 1) * np.log(beta + tx)
    f = lambda tau: np.exp(-(r + x) * np.log(alpha + tau) - (s + 1) * np.log(beta + tau) - peak)  # noqa: E731
    val, _ = integrate.quad(f, tx, T, epsabs=0, epsrel=1e-12, limit=500)
    died = np.log(s) + peak + np.log(val) if val > 0 else -np.inf
    return pref + np.logaddexp(alive, died)


@pytest.mark.parametrize(
    ("params", "x", "tx", "T"),
    [
        (PNBD_TRUE, 0, 0.0, 30.0),
        (PNBD_TRUE, 4, 20.0, 40.0),
        ({"r": 0.6, "alpha": 3.0, "s": 0.7, "beta": 40.0}, 4, 20.0, 40.0),  # alpha < beta branch
        ({"r": 0.55, "alpha": 10.58 * 7, "s": 0.61, "beta": 11.67 * 7}, 300, 14000.0, 15000.0),  # days, decades
        ({"r": 10.465, "alpha": 7.98565181e-03, "s": 3.0516, "beta": 2.820}, 500, 1.0, 37.0),  # lifetimes overflow case
        ({"r": 0.55, "alpha": 10.58, "s": 0.61, "beta": 11.67}, 133, 199.99, 200.0),
    ],
)
def test_pareto_likelihood_equals_integral(params, x, tx, T):
    m = ParetoNBD.from_params(params)
    ll = m._loglik(m.params_.to_numpy(), {"frequency": np.array([float(x)]), "recency": np.array([tx]), "T": np.array([T])})
    assert np.isfinite(ll[0])
    assert ll[0] == pytest.approx(_pnbd_log_brute(*params.values(), x, tx, T), abs=1e-7, rel=1e-9)


@pytest.mark.parametrize(("x", "tx", "T", "t"), [(2, 30.43, 38.86, 39.0), (0, 0.0, 20.0, 52.0), (200, 1190.0, 1200.0, 100.0)])
def test_bgnbd_conditional_expectation_equals_integral(x, tx, T, t):
    """E[Y(t)|data] = int over p of the alive part (lambda integrated out analytically), since
    E[purchases in t | alive, lambda, p] = (1 - exp(-lambda p t)) / p (FHL 2005, eq. 7)."""
    r, alpha, a, b = 0.243, 4.414, 0.793, 2.426
    m = BetaGeo.from_params({"r": r, "alpha": alpha, "a": a, "b": b})
    k_T = _nbd_kernel(r, alpha, x, T)

    def g(p):
        return (1 - p) ** x * k_T * -np.expm1((r + x) * (np.log(alpha + T) - np.log(alpha + T + p * t))) / p

    ll = m._loglik(m.params_.to_numpy(), {"frequency": np.array([x]), "recency": np.array([tx]), "T": np.array([T])})[0]
    expected = _over_p(g, a, b) / np.exp(ll)
    got = float(m.predict_purchases(t, _frame(x, tx, T)).iloc[0])
    assert got == pytest.approx(expected, rel=1e-8)
    if x == 200:
        assert got > 10  # a heavy, recent buyer: the test exercises the large-x regime


def test_pareto_pmf_equals_integral():
    """P(X(t)=x) closed form (Fader and Hardie 2006) vs integrating the NBD count over the lifetime."""
    r, alpha, s, beta = PNBD_TRUE.values()
    m = ParetoNBD.from_params(PNBD_TRUE)
    t = 30.0

    def nbd(x, tau):
        return stats.nbinom.pmf(x, r, alpha / (alpha + tau))

    for x in [0, 1, 5]:
        died = integrate.quad(lambda tau: s * beta**s / (beta + tau) ** (s + 1) * nbd(x, tau), 0, t, epsrel=1e-12)[0]
        brute = (beta / (beta + t)) ** s * nbd(x, t) + died
        assert float(m.prob_purchases(x, t)) == pytest.approx(brute, rel=1e-8)


def test_pmfs_sum_to_one_and_match_expectation():
    xs = np.arange(0, 400)
    for model in (BetaGeo.from_params(BG_TRUE), ModifiedBetaGeo.from_params(BG_TRUE), ParetoNBD.from_params(PNBD_TRUE)):
        for t in (5.0, 52.0):
            pmf = model.prob_purchases(xs, t)
            assert pmf.sum() == pytest.approx(1.0, abs=1e-9)
            assert (xs * pmf).sum() == pytest.approx(float(model.expected_purchases(t)), rel=1e-8)


def test_sbg_derl_equals_sum():
    m = ShiftedBetaGeometric.from_params({"alpha": 0.704, "beta": 1.182})
    d, n = 0.1, 3
    k = np.arange(0, 5000)
    brute = np.sum(m.survival(n + 1 + k) / m.survival(n) * np.exp(-k * np.log1p(d)))
    assert m.discounted_expected_residual_lifetime(d, renewals=n) == pytest.approx(brute, rel=1e-10)


def test_bgbb_pmf_and_expectation_by_enumeration():
    """BG/BB P(X(n)=x) vs summing over every death period and binomial purchases."""
    a, b, g, dl = 1.2, 0.75, 0.66, 2.8
    m = BetaGeoBetaBinom.from_params({"alpha": a, "beta": b, "gamma": g, "delta": dl})
    n = 5
    # P(alive for exactly k opportunities) = E_theta[(1-theta)^k theta] (k < n), (1-theta)^n (k = n).
    def alive_k(k):
        if k < n:
            return np.exp(special.betaln(g + 1, dl + k) - special.betaln(g, dl))
        return np.exp(special.betaln(g, dl + n) - special.betaln(g, dl))

    brute = np.zeros(n + 1)
    for k in range(n + 1):
        for x in range(k + 1):
            # Beta-binomial with k trials.
            brute[x] += alive_k(k) * np.exp(
                special.gammaln(k + 1) - special.gammaln(x + 1) - special.gammaln(k - x + 1)
                + special.betaln(a + x, b + k - x) - special.betaln(a, b)
            )
    np.testing.assert_allclose(m.prob_purchases(np.arange(n + 1), n), brute, rtol=1e-10)
    assert float(m.expected_purchases(n)) == pytest.approx((np.arange(n + 1) * brute).sum(), rel=1e-10)


# ------------------------------------------------------------------ simulation
def _tower_check(model, sim, t):
    pred = model.predict_purchases(t, sim).to_numpy()
    alive = model.prob_alive(sim).to_numpy()
    groups = np.minimum(sim["frequency"].to_numpy(), 4)
    for g in np.unique(groups):
        rows = groups == g
        y = sim["frequency_holdout"].to_numpy()[rows]
        se = y.std(ddof=1) / np.sqrt(rows.sum())
        assert abs(pred[rows].mean() - y.mean()) < 4 * se + 1e-3, (type(model).__name__, g)
        z = sim["alive"].to_numpy()[rows].astype(float)
        se_alive = max(z.std(ddof=1), 0.01) / np.sqrt(rows.sum())
        assert abs(alive[rows].mean() - z.mean()) < 4 * se_alive + 1e-3, (type(model).__name__, "alive", g)


@pytest.mark.parametrize(
    "model",
    [BetaGeo.from_params(BG_TRUE), ModifiedBetaGeo.from_params(BG_TRUE), ParetoNBD.from_params(PNBD_TRUE)],
    ids=["bgnbd", "mbgnbd", "pareto"],
)
def test_predictions_match_simulation(model):
    rng = np.random.default_rng(20240601)
    T = rng.uniform(10, 60, 60000)
    sim = model.simulate(60000, T, holdout=26.0, seed=rng)
    _tower_check(model, sim, 26.0)
    # Unconditional: customers all aged 39, the frequency distribution and mean.
    fixed = model.simulate(40000, 39.0, seed=7)
    pmf = model.prob_purchases(np.arange(6), 39.0)
    freq = fixed["frequency"].to_numpy()
    for x in range(6):
        share = (freq == x).mean()
        assert abs(share - pmf[x]) < 4 * np.sqrt(pmf[x] * (1 - pmf[x]) / len(freq)) + 1e-4
    assert abs(freq.mean() - float(model.expected_purchases(39.0))) < 4 * freq.std() / np.sqrt(len(freq))


def test_bgbb_predictions_match_simulation():
    m = BetaGeoBetaBinom.from_params({"alpha": 1.204, "beta": 0.750, "gamma": 0.657, "delta": 2.783})
    sim = m.simulate(60000, 6, holdout=5, seed=3)
    pred = m.predict_purchases(5, sim).to_numpy()
    alive = m.prob_alive(sim).to_numpy()
    key = sim["frequency"].astype(str) + "_" + sim["recency"].astype(str)
    for _, rows in sim.groupby(key).indices.items():
        if len(rows) < 500:
            continue
        y = sim["frequency_holdout"].to_numpy()[rows]
        assert abs(pred[rows].mean() - y.mean()) < 4 * y.std(ddof=1) / np.sqrt(len(rows)) + 1e-3
        z = sim["alive"].to_numpy()[rows].astype(float)
        assert abs(alive[rows].mean() - z.mean()) < 4 * max(z.std(ddof=1), 0.01) / np.sqrt(len(rows)) + 1e-3


def test_gamma_gamma_expected_spend_matches_simulation():
    gg = GammaGamma.from_params({"p": 6.0, "q": 4.0, "v": 15.0})
    sim = gg.simulate(np.repeat([1, 3, 10], 20000), seed=5)
    pred = gg.conditional_expected_spend(sim).to_numpy()
    truth = sim["true_mean_spend"].to_numpy()
    # E[true mean | x, zbar] = prediction: residuals average 0 within deciles of the prediction.
    bins = pd.qcut(pred, 10, labels=False)
    for k in range(10):
        rows = bins == k
        resid = truth[rows] - pred[rows]
        assert abs(resid.mean()) < 4 * resid.std(ddof=1) / np.sqrt(rows.sum())


@pytest.mark.parametrize(
    ("cls", "truth"),
    [(BetaGeo, BG_TRUE), (ModifiedBetaGeo, BG_TRUE), (ParetoNBD, PNBD_TRUE)],
    ids=["bgnbd", "mbgnbd", "pareto"],
)
def test_parameter_recovery(cls, truth):
    rng = np.random.default_rng(11)
    sim = cls.from_params(truth).simulate(8000, rng.uniform(20, 80, 8000), seed=rng)
    m = cls().fit(sim)
    assert m.converged_
    s = m.summary()
    for name, value in truth.items():
        se_log = np.log(s.loc[name, "ci_high"] / s.loc[name, "estimate"]) / 1.959964
        assert abs(np.log(s.loc[name, "estimate"]) - np.log(value)) < 4 * se_log, name


def test_bgbb_gamma_gamma_sbg_recovery():
    truth = {"alpha": 1.2, "beta": 0.75, "gamma": 0.66, "delta": 2.8}
    sim = BetaGeoBetaBinom.from_params(truth).simulate(20000, 8, seed=2)
    m = BetaGeoBetaBinom().fit(sim)
    s = m.summary()
    for name, value in truth.items():
        assert s.loc[name, "ci_low"] / 1.2 < value < s.loc[name, "ci_high"] * 1.2, name
    g_truth = {"p": 6.0, "q": 4.0, "v": 15.0}
    spend = GammaGamma.from_params(g_truth).simulate(np.random.default_rng(1).integers(1, 8, 5000), seed=2)
    gs = GammaGamma().fit(spend).summary()
    for name, value in g_truth.items():
        assert gs.loc[name, "ci_low"] / 1.2 < value < gs.loc[name, "ci_high"] * 1.2, name
    counts = ShiftedBetaGeometric.from_params({"alpha": 0.7, "beta": 1.2}).simulate(20000, 10, seed=3)
    ss = ShiftedBetaGeometric().fit(counts).summary()
    assert ss.loc["alpha", "ci_low"] < 0.7 < ss.loc["alpha", "ci_high"]
    assert ss.loc["beta", "ci_low"] < 1.2 < ss.loc["beta", "ci_high"]


def test_standard_errors_are_calibrated():
    """Observed-information SEs vs the spread of estimates over 24 simulated data sets."""
    gen = BetaGeo.from_params(BG_TRUE)
    estimates, ses = [], []
    for rep in range(24):
        sim = gen.simulate(1500, 52.0, seed=100 + rep)
        m = BetaGeo().fit(sim)
        estimates.append(np.log(m.params_.to_numpy()))
        ses.append(np.sqrt(np.diag(m.covariance_log_)))
    ratio = np.std(estimates, axis=0, ddof=1) / np.mean(ses, axis=0)
    # With 24 replicates the SD estimate has ~15% relative error: accept 0.6-1.6.
    assert np.all((ratio > 0.6) & (ratio < 1.6)), ratio


# -------------------------------------------------------------------- gradients
@pytest.mark.parametrize("cls", [BetaGeo, ModifiedBetaGeo, GammaGamma])
def test_analytic_gradient_matches_finite_differences(cls, cdnow):
    data = cdnow[cdnow["frequency"] > 0] if cls is GammaGamma else cdnow
    model = cls()
    arrays = model._data(data)
    rng = np.random.default_rng(4)
    for _ in range(3):
        p = np.exp(rng.normal(0, 0.7, len(cls._param_names))) * (np.array([1.5, 1.5, 15.0]) if cls is GammaGamma else 1)
        f = lambda q: model._loglik(q, arrays).sum()  # noqa: E731
        num = optimize.approx_fprime(p, f, 1e-7 * p)
        ana = model._loglik_grad(p, arrays).sum(axis=0)
        np.testing.assert_allclose(ana, num, rtol=1e-4, atol=1e-3)


@pytest.mark.parametrize("params", [(0.55, 10.58, 0.61, 11.67), (0.55, 11.67, 0.61, 10.58), (1.4, 17.0, 0.22, 95.0), (0.2, 3.0, 4.0, 2.5)])
def test_pareto_gradient_matches_central_differences(params, cdnow):
    """Pareto/NBD: exact derivatives except those of 2F1 in its parameters (central
    differences, error ~1e-10). Both hypergeometric branches (alpha >= beta and <) are
    covered. Reference: central differences of the log-likelihood, step 1e-5 relative
    (truncation error ~1e-10 relative), so rtol 1e-6 is loose for a correct gradient yet
    catches any wrong term (those change the sum by far more)."""
    model = ParetoNBD()
    heavy = pd.DataFrame({"frequency": [800, 450, 0, 3], "recency": [3600.0, 3500.0, 0.0, 10.0], "T": [3650.0] * 4})
    for data in (cdnow, heavy):
        arrays = model._data(data)
        p = np.array(params)
        f = lambda q: model._loglik(q, arrays).sum()  # noqa: E731
        num = np.array([(f(p + e) - f(p - e)) / (2 * e[i]) for i, e in enumerate(np.diag(1e-5 * p))])
        ana = model._loglik_grad(p, arrays).sum(axis=0)
        np.testing.assert_allclose(ana, num, rtol=1e-6, atol=1e-6 * np.abs(num).max())


@pytest.mark.parametrize("cls", [BetaGeo, ModifiedBetaGeo, ParetoNBD])
def test_distinct_value_likelihood_equals_per_row_sum(cls, cdnow):
    """The fitting path (terms per distinct frequency / pair, weighted sums) must equal the
    per-row log-likelihood and gradient summed with the weights, up to rounding."""
    model = cls()
    rng = np.random.default_rng(7)
    arrays = model._data(cdnow)
    w = rng.integers(0, 4, len(cdnow)).astype(float)
    fast = model._fast_loglik(arrays, w)
    for _ in range(3):
        p = np.exp(rng.normal(0, 0.7, 4)) * np.array([1, 8, 1, 8 if cls is ParetoNBD else 1])
        ll, grad = fast(p)
        assert ll == pytest.approx(float(w @ model._loglik(p, arrays)), rel=1e-12)
        np.testing.assert_allclose(grad, w @ model._loglik_grad(p, arrays), rtol=1e-9, atol=1e-9)


def test_pareto_hypergeometric_term_is_vectorised_over_parameters():
    """Per-customer alpha, beta arrays (covariate models) pick the branch element-wise and
    give the same values as scalar calls."""
    from analysis.clv.paretonbd import _log_hyp_term, _log_hyp_term_grad

    alpha = np.array([5.0, 12.0, 8.0])
    beta = np.array([9.0, 4.0, 8.0])
    x, tau = np.array([0.0, 3.0, 40.0]), np.array([0.0, 20.0, 35.0])
    vec = _log_hyp_term(0.6, alpha, 0.7, beta, x, tau)
    grads = _log_hyp_term_grad(0.6, alpha, 0.7, beta, x, tau)
    for i in range(3):
        assert vec[i] == pytest.approx(_log_hyp_term(0.6, alpha[i], 0.7, beta[i], x[i], tau[i]), rel=1e-14)
        one = _log_hyp_term_grad(0.6, alpha[i], 0.7, beta[i], x[i], tau[i])
        np.testing.assert_allclose([g[i] for g in grads], [float(g) for g in one], rtol=1e-13)


def test_sbg_gradient_matches_finite_differences():
    m = ShiftedBetaGeometric()
    d = {"t": np.array([1.0, 2.0, 5.0, 5.0]), "event": np.array([1.0, 1.0, 1.0, 0.0])}
    p = np.array([0.7, 1.3])
    num = optimize.approx_fprime(p, lambda q: m._loglik(q, d).sum(), 1e-8)
    np.testing.assert_allclose(m._loglik_grad(p, d).sum(axis=0), num, rtol=1e-5)


# --------------------------------------------------------------------- extremes
@pytest.mark.parametrize("cls", [BetaGeo, ParetoNBD])
def test_time_unit_change_rescales_exactly(cls, cdnow):
    """Fitting in days instead of weeks multiplies alpha (and beta) by 7, leaves shapes alone,
    and shifts the log-likelihood by -sum(x) log 7 (densities of event times)."""
    weeks = cls().fit(cdnow)
    days = cls().fit(cdnow.assign(recency=cdnow["recency"] * 7, T=cdnow["T"] * 7))
    decades = cls().fit(cdnow.assign(recency=cdnow["recency"] * 7 * 30, T=cdnow["T"] * 7 * 30))
    for fit, factor in ((days, 7.0), (decades, 210.0)):
        assert fit.converged_
        scale = np.array([1, factor, 1, factor if cls is ParetoNBD else 1])
        np.testing.assert_allclose(fit.params_.to_numpy() / scale, weeks.params_.to_numpy(), rtol=2e-4)
        assert fit.loglik_ == pytest.approx(weeks.loglik_ - cdnow["frequency"].sum() * np.log(factor), abs=1e-3)


def test_heavy_buyers_do_not_overflow():
    rng = np.random.default_rng(0)
    heavy = pd.DataFrame({"frequency": [800, 450, 0, 3], "recency": [3600.0, 3500.0, 0.0, 10.0], "T": [3650.0] * 4})
    for model in (BetaGeo.from_params(BG_TRUE), ModifiedBetaGeo.from_params(BG_TRUE), ParetoNBD.from_params(PNBD_TRUE)):
        pred = model.predict_purchases(365.0, heavy).to_numpy()
        alive = model.prob_alive(heavy).to_numpy()
        assert np.all(np.isfinite(pred)) and np.all((alive >= 0) & (alive <= 1))
        # A heavy, recent buyer is expected to keep buying at about her own rate.
        assert pred[0] == pytest.approx(alive[0] * 800 / 3650 * 365, rel=0.1)
    big = BetaGeo.from_params(BG_TRUE).simulate(3000, rng.uniform(20, 60, 3000), seed=1)
    big = pd.concat([big, heavy], ignore_index=True)
    for cls in (BetaGeo, ParetoNBD):
        m = cls().fit(big)
        assert m.converged_ and np.isfinite(m.loglik_)


def test_nobody_repeating_is_a_clear_error():
    d = pd.DataFrame({"frequency": [0, 0, 0], "recency": [0.0, 0.0, 0.0], "T": [10.0, 20.0, 30.0]})
    for cls in (BetaGeo, ModifiedBetaGeo, ParetoNBD):
        with pytest.raises(DataValidationError, match="no customer made a repeat purchase"):
            cls().fit(d)


def test_grouped_weights_equal_expanded_rows(cdnow):
    grouped = cdnow.groupby(["frequency", "recency", "T"], as_index=False).size()
    w = BetaGeo().fit(grouped, weights="size")
    full = BetaGeo().fit(cdnow)
    np.testing.assert_allclose(w.params_.to_numpy(), full.params_.to_numpy(), rtol=1e-6)
    assert w.loglik_ == pytest.approx(full.loglik_, abs=1e-6)


def test_input_errors_name_the_problem():
    with pytest.raises(NotFittedError):
        BetaGeo().prob_alive(_frame(1, 1.0, 2.0))
    with pytest.raises(DataValidationError, match="'recency' greater than 'T'"):
        BetaGeo().fit(pd.DataFrame({"frequency": [1, 2], "recency": [5.0, 9.0], "T": [6.0, 8.0]}))
    with pytest.raises(DataValidationError, match="not a whole number"):
        BetaGeo().fit(pd.DataFrame({"frequency": [1.5], "recency": [5.0], "T": [6.0]}))
    with pytest.raises(DataValidationError, match="lacks column"):
        BetaGeo().fit(pd.DataFrame({"x": [1], "recency": [5.0], "T": [6.0]}))
    with pytest.raises(DataValidationError, match="never increase"):
        ShiftedBetaGeometric().fit([100, 80, 90])
    with pytest.raises(ParameterError):
        BetaGeo.from_params({"r": -1, "alpha": 1, "a": 1, "b": 1})
    with pytest.raises(ParameterError, match="columns keys"):
        BetaGeo(columns={"freq": "x"}).fit(pd.DataFrame({"frequency": [1], "recency": [1.0], "T": [2.0]}))


def test_gamma_gamma_warns_when_spend_depends_on_frequency():
    rng = np.random.default_rng(2)
    x = rng.integers(1, 20, 2000)
    d = pd.DataFrame({"frequency": x, "monetary_value": 5 + 3 * x + rng.gamma(2, 2, 2000)})
    with pytest.warns(AnalysisWarning) as record:
        gg = GammaGamma().fit(d)
    messages = " ".join(str(w.message) for w in record)
    assert "correlated" in messages
    # Spend is a deterministic function of frequency plus noise: no heterogeneity in nu,
    # so q runs to infinity, and the fit says so instead of reporting nonsense silently.
    assert "extreme value" in messages and "q" in gg.at_boundary_
    assert gg.independence_["pearson_r"] > 0.3
    independent = GammaGamma.from_params({"p": 6, "q": 4, "v": 15}).simulate(x, seed=1)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        GammaGamma().fit(independent)


def test_simulation_is_reproducible():
    m = ParetoNBD.from_params(PNBD_TRUE)
    pd.testing.assert_frame_equal(m.simulate(100, 30.0, seed=9), m.simulate(100, 30.0, seed=9))


def test_gamma_gamma_independence_check_equals_scipy():
    """Our Pearson r, its two-sided p-value and Spearman's rho (average ranks for ties)
    against scipy.stats on data with many ties in both columns."""
    from analysis.clv.gammagamma import _independence

    rng = np.random.default_rng(11)
    x = rng.integers(1, 12, 400).astype(float)
    m = np.round(rng.gamma(2.0, 10.0, 400) + 0.8 * x, 0)
    ours = _independence(x, m)
    pr = stats.pearsonr(x, m)
    assert ours["pearson_r"] == pytest.approx(pr.statistic, rel=1e-12)
    assert ours["pearson_p"] == pytest.approx(pr.pvalue, rel=1e-9)
    assert ours["spearman_rho"] == pytest.approx(stats.spearmanr(x, m).statistic, rel=1e-12)


def test_gamma_gamma_spearman_p_value_equals_scipy_even_when_tiny():
    """Issue 13, case 4: the independence check has a p-value for Spearman's rho as well
    (scipy.stats.spearmanr's t approximation), and a strong dependence in a large sample
    gives a p-value far below 0.001 that is still a positive number (CDNOW: rho = 0.21,
    n = 11,515, p about 1e-116), not 0. Tolerance 1e-9 relative: the same formula, other code."""
    from analysis.clv.gammagamma import _independence

    rng = np.random.default_rng(5)
    x = rng.integers(1, 30, 11515).astype(float)
    m = np.round(rng.gamma(2.0, 10.0, 11515) * (1 + 0.03 * x), 2)
    ours = _independence(x, m)
    sp = stats.spearmanr(x, m)
    assert ours["spearman_rho"] == pytest.approx(sp.statistic, rel=1e-12)
    assert ours["spearman_p"] == pytest.approx(sp.pvalue, rel=1e-9)
    assert 0 < ours["spearman_p"] < 1e-50


def test_gamma_gamma_refuses_constant_spend_with_the_reason():
    """Issue 13, case 8: every repeat customer with the same mean spend (no variation) used to
    give a non-converged fit with NaN standard errors; now the fit refuses and names the fix."""
    d = pd.DataFrame({"frequency": [0, 1, 2, 3, 5], "monetary_value": [0.0, 25.0, 25.0, 25.0, 25.0]})
    with pytest.raises(DataValidationError, match=r"same mean spend \(25\).*spend=25"):
        GammaGamma().fit(d)
