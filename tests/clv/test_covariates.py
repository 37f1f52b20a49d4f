"""BG/NBD and Pareto/NBD with static covariates (analysis.clv.covariates).

Independent checks:

- Without covariates (or with every coefficient 0) the likelihood, fit and
  predictions equal the plain models' (a separate implementation), on CDNOW.
- With covariates, each customer's predictions equal the plain model's evaluated
  at that customer's parameters computed by hand from CLVTools' formulas
  (alpha_i = alpha exp(-g_trans z), a_i = a exp(g_life z), b_i = b exp(g_life z);
  Pareto/NBD beta_i = beta exp(-g_life z)): this pins the parametrisation.
- Recovery of the synthetic service firm's true channel effects (generated
  outside this module, exactly in CLVTools' BG/NBD form) and of Pareto/NBD
  coefficients from data simulated with known values.
- Gradients against central finite differences of the objective; invariance of
  the fit to the scale of a numeric covariate (the internal standardisation).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import optimize, stats

from analysis.clv import BetaGeo, BetaGeoCovariates, ParetoNBD, ParetoNBDCovariates
from analysis.datasets import load_service_demo
from analysis.errors import DataValidationError, NotFittedError, ParameterError
from analysis.summary import customer_summary

ROOT = Path(__file__).resolve().parents[2]
COLS = {"frequency": "x", "recency": "t_x"}


@pytest.fixture(scope="module")
def cdnow() -> pd.DataFrame:
    d = pd.read_csv(ROOT / "data" / "cdnow" / "cdnow_customers_summary_with_transactions.csv")
    rng = np.random.default_rng(5)
    d["group"] = pd.array(rng.choice(["g1", "g2", "g3"], len(d)), dtype="str")
    d["score"] = rng.normal(50.0, 10.0, len(d))
    return d


@pytest.fixture(scope="module")
def plain_bg(cdnow):
    return BetaGeo(columns=COLS).fit(cdnow)


@pytest.fixture(scope="module")
def plain_pnbd(cdnow):
    return ParetoNBD(columns=COLS).fit(cdnow)


# ------------------------------------------------- (a) reduces to the plain models
def test_bgnbd_without_covariates_equals_plain_fit(cdnow, plain_bg):
    m = BetaGeoCovariates(columns=COLS).fit(cdnow)
    assert m.converged_
    assert m.loglik_ == pytest.approx(plain_bg.loglik_, abs=1e-6)
    assert m.loglik_ == pytest.approx(-9582.4, abs=0.05)  # Fader, Hardie and Lee (2005)
    np.testing.assert_allclose(m.params_.to_numpy(), plain_bg.params_.to_numpy(), rtol=1e-4)
    np.testing.assert_allclose(m.summary()["std_error"], plain_bg.summary()["std_error"], rtol=1e-3)


def test_pareto_without_covariates_equals_plain_fit(cdnow, plain_pnbd):
    m = ParetoNBDCovariates(columns=COLS).fit(cdnow)
    assert m.converged_
    assert m.loglik_ == pytest.approx(plain_pnbd.loglik_, abs=1e-6)
    np.testing.assert_allclose(m.params_.to_numpy(), plain_pnbd.params_.to_numpy(), rtol=1e-4)


@pytest.mark.parametrize(("cls", "plain_name"), [(BetaGeoCovariates, "plain_bg"), (ParetoNBDCovariates, "plain_pnbd")])
def test_zero_coefficients_give_the_plain_likelihood_and_predictions(cls, plain_name, cdnow, request):
    plain = request.getfixturevalue(plain_name)
    settings = dict(trans_covariates=["group", "score"], life_covariates=["group"], columns=COLS)
    m = cls.from_params(plain.params_.to_dict(), cdnow, **settings)
    assert m.loglik(cdnow).sum() == pytest.approx(plain.loglik_, abs=1e-6)
    np.testing.assert_allclose(m.prob_alive(cdnow), plain.prob_alive(cdnow), rtol=1e-10)
    np.testing.assert_allclose(m.predict_purchases(39, cdnow), plain.predict_purchases(39, cdnow), rtol=1e-9)


def test_null_covariate_barely_improves_the_fit(cdnow, plain_bg):
    """A covariate drawn independently of behaviour: the model nests the plain one (loglik never
    lower) and the likelihood-ratio statistic follows chi2(4) under the null; we require it below
    the 0.999 quantile (18.5), a 1-in-1000 false-alarm rate for this fixed draw."""
    m = BetaGeoCovariates(trans_covariates=["group"], life_covariates=["group"], columns=COLS).fit(cdnow)
    lr = 2 * (m.loglik_ - plain_bg.loglik_)
    assert m.plain_loglik_ == pytest.approx(plain_bg.loglik_, abs=1e-6)
    assert -1e-6 <= lr < stats.chi2.ppf(0.999, 4)


# ------------------------------------------- parametrisation pinned against plain models
def _by_hand_bg(params, g_trans, g_life):
    return {"r": params["r"], "alpha": params["alpha"] * np.exp(-g_trans),
            "a": params["a"] * np.exp(g_life), "b": params["b"] * np.exp(g_life)}


def _by_hand_pnbd(params, g_trans, g_life):
    return {"r": params["r"], "alpha": params["alpha"] * np.exp(-g_trans),
            "s": params["s"], "beta": params["beta"] * np.exp(-g_life)}


@pytest.mark.parametrize(
    ("cls", "plain_cls", "base", "by_hand"),
    [
        (BetaGeoCovariates, BetaGeo, {"r": 0.24, "alpha": 4.4, "a": 0.79, "b": 2.4}, _by_hand_bg),
        (ParetoNBDCovariates, ParetoNBD, {"r": 0.55, "alpha": 10.6, "s": 0.61, "beta": 11.7}, _by_hand_pnbd),
    ],
)
def test_each_customer_is_the_plain_model_at_clvtools_parameters(cls, plain_cls, base, by_hand, cdnow):
    coefs = {"trans[group=g2]": 0.4, "trans[group=g3]": -0.3, "trans[score]": 0.01,
             "life[group=g2]": -0.5, "life[group=g3]": 0.6}
    m = cls.from_params({**base, **coefs}, cdnow, trans_covariates=["group", "score"],
                        life_covariates=["group"], columns=COLS)
    rows = cdnow.groupby("group").head(3)
    for idx, row in rows.iterrows():
        g_t = coefs.get(f"trans[group={row.group}]", 0.0) + coefs["trans[score]"] * row.score
        g_l = coefs.get(f"life[group={row.group}]", 0.0)
        one = plain_cls.from_params(by_hand(base, g_t, g_l), columns=COLS)
        frame = rows.loc[[idx]]
        assert float(m.prob_alive(frame).iloc[0]) == pytest.approx(float(one.prob_alive(frame).iloc[0]), rel=1e-10)
        assert float(m.predict_purchases(26, frame).iloc[0]) == pytest.approx(
            float(one.predict_purchases(26, frame).iloc[0]), rel=1e-9)
        assert float(m.loglik(frame).iloc[0]) == pytest.approx(
            float(one._loglik(one.params_.to_numpy(), one._data(frame))[0]), rel=1e-10)
        assert float(m.expected_purchases(52, frame).iloc[0, -1]) == pytest.approx(float(one.expected_purchases(52)), rel=1e-9)
    indiv = m.individual_params(rows)
    assert list(indiv.columns) == list(base)


# ------------------------------------------------------- (b) the synthetic firm's truth
def test_service_demo_channel_effects_are_recovered():
    """20,000 customers of the synthetic firm, whose BG/NBD parameters per acquisition channel are
    exactly of CLVTools' covariate form (truth.exact). Tolerances: every coefficient within 4 SE of
    its true value (a 4-SE miss has probability 6e-5 per coefficient) and at least 6 of the 8 inside
    their 95% intervals (binomial(8, 0.95): P(fewer than 6) = 0.6%). Base parameters of the
    reference channel: r, a, b within 4 SE; alpha within 8%, because the firm's dates are floored to
    days, which shortens T by a day and recency by half a day on average and so biases the time
    scale alpha slightly (observed +1 to +3.5 SE over seeds); the coefficients are ratios between
    channels, where this bias cancels."""
    firm = load_service_demo(n_customers=20_000, seed=2)
    truth = firm.truth
    table = truth.bgnbd_covariates().set_index("channel")
    assert bool(table["exact"].all())
    base_ch = truth.bgnbd_baseline_channel
    summ = customer_summary(firm.transactions, truth.observation_end, time_unit="W")
    summ = summ.join(firm.customers.set_index("customer_id")["acquisition_channel"])
    m = BetaGeoCovariates(trans_covariates=["acquisition_channel"], life_covariates=["acquisition_channel"],
                          reference={"acquisition_channel": base_ch}).fit(summ)
    assert m.converged_
    s = m.summary()
    z, inside = [], 0
    for ch in table.index.drop(base_ch):
        for proc, col in (("trans", "gamma_trans"), ("life", "gamma_life")):
            row = s.loc[f"{proc}[acquisition_channel={ch}]"]
            z.append((row["estimate"] - table.loc[ch, col]) / row["std_error"])
            inside += row["ci_low"] <= table.loc[ch, col] <= row["ci_high"]
    assert len(z) == 8
    assert np.max(np.abs(z)) < 4, np.round(z, 2)
    assert inside >= 6
    base = truth.bgnbd[base_ch]
    for name in ("r", "a", "b"):
        assert abs(s.loc[name, "estimate"] - getattr(base, name)) < 4 * s.loc[name, "std_error"]
    assert s.loc["alpha", "estimate"] == pytest.approx(base.alpha, rel=0.08)
    # the covariate model fits far better than one BG/NBD for everybody
    assert m.loglik_ - m.plain_loglik_ > 50


# ---------------------------------------------------- (c) Pareto/NBD simulation recovery
def test_pareto_recovers_coefficients_from_simulation():
    """4,000 customers simulated from known coefficients (a 3-level factor on both processes, a
    numeric covariate on purchase); every estimate within 4 SE of the truth (per-parameter miss
    probability 6e-5), and the true values inside the 95% intervals for at least 6 of 8."""
    rng = np.random.default_rng(12)
    n = 4000
    data = pd.DataFrame({
        "plan": pd.array(rng.choice(["basic", "plus", "pro"], n, p=[0.5, 0.3, 0.2]), dtype="str"),
        "age": rng.normal(40.0, 12.0, n),
        "T": rng.uniform(30.0, 78.0, n),
    })
    truth = {"r": 0.7, "alpha": 9.0, "s": 0.8, "beta": 14.0, "trans[plan=plus]": 0.5,
             "trans[plan=pro]": -0.4, "trans[age]": 0.015, "life[plan=plus]": -0.7, "life[plan=pro]": 0.6}
    settings = dict(trans_covariates=["plan", "age"], life_covariates=["plan"])
    sim = ParetoNBDCovariates.from_params(truth, data, **settings).simulate(data, seed=3)
    m = ParetoNBDCovariates(**settings).fit(sim)
    assert m.converged_
    s = m.summary()
    true = pd.Series(truth)[s.index]
    z = (s["estimate"] - true) / s["std_error"]
    assert np.max(np.abs(z)) < 4, z.round(2).to_dict()
    inside = ((s["ci_low"] <= true) & (true <= s["ci_high"])).sum()
    assert inside >= 6


def test_simulation_is_reproducible_and_keeps_covariates():
    data = pd.DataFrame({"plan": ["a", "b"] * 50, "T": 30.0})
    m = BetaGeoCovariates.from_params({"r": 0.5, "alpha": 5.0, "a": 1.0, "b": 3.0, "life[plan=b]": 0.3},
                                      data, life_covariates=["plan"])
    one, two = m.simulate(data, seed=9), m.simulate(data, seed=9)
    pd.testing.assert_frame_equal(one, two)
    assert one["plan"].tolist() == data["plan"].tolist()
    assert (one["recency"] <= one["T"]).all()


# ----------------------------------------------------------------- (d) gradients
@pytest.mark.parametrize("cls", [BetaGeoCovariates, ParetoNBDCovariates])
def test_gradient_matches_finite_differences(cls, cdnow):
    """Gradients of the mean negative log-likelihood (the plain models' per-row gradients with
    per-customer parameters, chain rule to the coefficients; Pareto/NBD's hypergeometric parameter
    derivatives are themselves differences, error ~1e-10) vs central differences of the objective itself, at a point away from the
    optimum. Tolerance 1e-6 absolute: differences with step 1e-6 are accurate to about 1e-9."""
    m = cls(trans_covariates=["group", "score"], life_covariates=["group"], columns=COLS).fit(cdnow.head(800))
    d = m._fit_data
    theta = m._theta_internal + np.linspace(-0.2, 0.2, len(m._theta_internal))
    grad = m._objective(theta, d)[1]
    numeric = optimize.approx_fprime(theta, lambda t: m._objective(t, d)[0], 1e-6)
    fd = np.array([(m._objective(theta + e, d)[0] - m._objective(theta - e, d)[0]) / 2e-6
                   for e in np.eye(len(theta)) * 1e-6])
    np.testing.assert_allclose(grad, fd, atol=1e-6)
    assert np.max(np.abs(grad - numeric)) < 1e-4  # one-sided differences, coarser


def test_numeric_covariate_scale_does_not_change_the_fit(cdnow):
    """z -> 1000 z + 5 must leave the likelihood unchanged and divide the coefficient and its SE by 1000."""
    settings = dict(trans_covariates=["score"], life_covariates=["score"], columns=COLS)
    a = BetaGeoCovariates(**settings).fit(cdnow)
    other = cdnow.assign(score=cdnow["score"] * 1000 + 5)
    b = BetaGeoCovariates(**settings).fit(other)
    assert b.loglik_ == pytest.approx(a.loglik_, abs=1e-6)
    sa, sb = a.summary(), b.summary()
    for name in ("trans[score]", "life[score]"):
        assert sb.loc[name, "estimate"] * 1000 == pytest.approx(sa.loc[name, "estimate"], rel=1e-4, abs=1e-7)
        assert sb.loc[name, "std_error"] * 1000 == pytest.approx(sa.loc[name, "std_error"], rel=1e-3)
    np.testing.assert_allclose(b.prob_alive(other), a.prob_alive(cdnow), rtol=1e-5)


# ----------------------------------------------------------------- (e) clear errors
def _small(n=200):
    rng = np.random.default_rng(1)
    sim = BetaGeo.from_params({"r": 0.5, "alpha": 5.0, "a": 1.0, "b": 3.0}).simulate(n, 40.0, seed=1)
    sim["channel"] = pd.array(rng.choice(["web", "store"], n), dtype="str")
    sim["spend"] = rng.normal(size=n)
    return sim


def test_missing_covariate_column_is_named():
    with pytest.raises(DataValidationError, match="'region'.*not in the data"):
        BetaGeoCovariates(trans_covariates=["region"]).fit(_small())


@pytest.mark.parametrize(("column", "value"), [("channel", "web"), ("spend", 1.5)])
def test_constant_covariate_is_refused(column, value):
    data = _small().assign(**{column: value})
    with pytest.raises(DataValidationError, match=f"{column!r} is constant"):
        BetaGeoCovariates(life_covariates=[column]).fit(data)


def test_collinear_covariates_are_named():
    data = _small()
    data["spend2"] = 2 * data["spend"] + 1
    with pytest.raises(DataValidationError, match=r"collinear: \['\(intercept\)', 'spend', 'spend2'\]"):
        BetaGeoCovariates(trans_covariates=["spend", "spend2"]).fit(data)
    data["is_web"] = (data["channel"] == "web").astype(float)
    with pytest.raises(DataValidationError, match="drop-out.*collinear.*'channel=web', 'is_web'"):
        BetaGeoCovariates(life_covariates=["channel", "is_web"]).fit(data)


def test_missing_values_are_counted_with_rows():
    data = _small()
    data.loc[[3, 7], "spend"] = np.nan
    with pytest.raises(DataValidationError, match=r"'spend': 2 row\(s\) are missing \(first rows 3: nan, 7: nan\)"):
        ParetoNBDCovariates(trans_covariates=["spend"]).fit(data)
    data = _small()
    data.loc[5, "channel"] = None
    with pytest.raises(DataValidationError, match=r"'channel': 1 row\(s\) are missing"):
        BetaGeoCovariates(trans_covariates=["channel"]).fit(data)


def test_unseen_level_bad_reference_and_not_fitted():
    data = _small()
    with pytest.raises(NotFittedError):
        BetaGeoCovariates(trans_covariates=["channel"]).prob_alive(data)
    with pytest.raises(ParameterError, match="reference.*'phone' is not a level"):
        BetaGeoCovariates(trans_covariates=["channel"], reference={"channel": "phone"}).fit(data)
    m = BetaGeoCovariates(trans_covariates=["channel"], reference={"channel": "web"}).fit(data)
    assert list(m.params_.index) == ["r", "alpha", "a", "b", "trans[channel=store]"]
    with pytest.raises(DataValidationError, match="level not seen"):
        m.prob_alive(data.assign(channel="phone"))
    with pytest.raises(ParameterError, match="unknown"):
        BetaGeoCovariates.from_params({"r": 1, "alpha": 1, "a": 1, "b": 1, "trans[x]": 1}, data,
                                      trans_covariates=["channel"])


# ----------------------------------------------------------------- value functions
def test_customer_value_works_with_covariate_models(cdnow, plain_bg):
    """Point values equal the plain model's when the coefficients are 0 (an independent model);
    the bootstrap interval runs from sample_params and brackets the point value; the delta method,
    which needs all-positive parameters, is refused with a message naming the alternative."""
    from analysis.clv import churn_risk, customer_lifetime_value

    data = cdnow.head(300).rename(columns={v: k for k, v in COLS.items()})
    m = BetaGeoCovariates.from_params(plain_bg.params_.to_dict(), data, trans_covariates=["group"])
    plain = BetaGeo.from_params(plain_bg.params_.to_dict())
    v_cov = customer_lifetime_value(m, data, spend=30.0, interval=None)
    v_plain = customer_lifetime_value(plain, data, spend=30.0, interval=None)
    np.testing.assert_allclose(v_cov["clv"], v_plain["clv"], rtol=1e-9)
    np.testing.assert_allclose(churn_risk(m, data, v_cov)["value_at_risk"],
                               churn_risk(plain, data, v_plain)["value_at_risk"], rtol=1e-9)
    fitted = BetaGeoCovariates(trans_covariates=["group"], life_covariates=["group"], columns=COLS).fit(cdnow)
    small = cdnow[cdnow["x"] > 0].head(20)
    boot = customer_lifetime_value(fitted, small, spend=30.0, interval="bootstrap", n_draws=40, seed=1)
    assert (boot["clv_ci_low"] <= boot["clv"]).all() and (boot["clv"] <= boot["clv_ci_high"]).all()
    assert (boot["clv_ci_high"] > boot["clv_ci_low"]).all()
    with pytest.raises(ParameterError, match="interval='bootstrap'"), np.errstate(invalid="ignore"):
        customer_lifetime_value(fitted, small, spend=30.0, interval="delta")


# ------------------------------------------------------- separate a/b coefficients (PyMC-Marketing)
def test_separate_life_coefficients_pin_a_and_b_and_nest_shared(cdnow):
    """life_ab='separate': a_i = a exp(g_a z), b_i = b exp(g_b z), checked per customer against the plain
    model at hand-computed parameters; equal coefficients reproduce the shared (CLVTools) model."""
    base = {"r": 0.24, "alpha": 4.4, "a": 0.79, "b": 2.4}
    sep = BetaGeoCovariates.from_params({**base, "life_a[group=g2]": 0.5, "life_b[group=g2]": -0.4}, cdnow,
                                        life_covariates=["group"], life_ab="separate", columns=COLS)
    row = cdnow[cdnow["group"] == "g2"].head(1)
    one = BetaGeo.from_params({**base, "a": 0.79 * np.exp(0.5), "b": 2.4 * np.exp(-0.4)}, columns=COLS)
    assert float(sep.prob_alive(row).iloc[0]) == pytest.approx(float(one.prob_alive(row).iloc[0]), rel=1e-10)
    same = BetaGeoCovariates.from_params({**base, "life_a[group=g2]": 0.3, "life_b[group=g2]": 0.3}, cdnow,
                                         life_covariates=["group"], life_ab="separate", columns=COLS)
    shared = BetaGeoCovariates.from_params({**base, "life[group=g2]": 0.3}, cdnow, life_covariates=["group"], columns=COLS)
    assert same.loglik(cdnow).sum() == pytest.approx(shared.loglik(cdnow).sum(), abs=1e-8)
    d = BetaGeoCovariates(life_covariates=["group"], life_ab="separate", columns=COLS).fit(cdnow.head(600))
    theta = d._theta_internal + 0.1
    fd = np.array([(d._objective(theta + e, d._fit_data)[0] - d._objective(theta - e, d._fit_data)[0]) / 2e-6
                   for e in np.eye(len(theta)) * 1e-6])
    np.testing.assert_allclose(d._objective(theta, d._fit_data)[1], fd, atol=1e-6)
    with pytest.raises(ParameterError, match="life_ab"):
        BetaGeoCovariates(life_covariates=["group"], life_ab="both", columns=COLS).fit(cdnow)


def test_separate_life_coefficients_are_recovered():
    """6,000 simulated customers, a 3-level factor with different effects on a and b (so the mean
    drop-out probability differs by level): every estimate within 4 SE of the truth."""
    rng = np.random.default_rng(4)
    prof = pd.DataFrame({"ch": pd.array(rng.choice(["s", "w", "a"], 6000), dtype="str"), "T": rng.uniform(30, 100, 6000)})
    truth = {"r": 0.7, "alpha": 6.0, "a": 1.0, "b": 3.0, "trans[ch=s]": 0.3, "trans[ch=w]": -0.2,
             "life_a[ch=s]": 0.5, "life_a[ch=w]": -0.4, "life_b[ch=s]": -0.3, "life_b[ch=w]": 0.2}
    settings = dict(trans_covariates=["ch"], life_covariates=["ch"], life_ab="separate", reference={"ch": "a"})
    sim = BetaGeoCovariates.from_params(truth, prof, **settings).simulate(prof, seed=5)
    m = BetaGeoCovariates(**settings).fit(sim)
    assert m.converged_
    s = m.summary()
    z = (s["estimate"] - pd.Series(truth)[s.index]) / s["std_error"]
    assert np.max(np.abs(z)) < 4, z.round(2).to_dict()
    # the shared model is nested: it cannot fit better
    shared = BetaGeoCovariates(trans_covariates=["ch"], life_covariates=["ch"], reference={"ch": "a"}).fit(sim)
    assert m.loglik_ >= shared.loglik_ - 1e-6


def test_separated_levels_are_refused_or_flagged():
    """A purchase-process level without any repeat buyer has its MLE at -infinity: refused before
    fitting. On the drop-out side the same level drives the coefficient far out: flagged with a
    warning and listed in at_boundary_ (the fit itself is not wrong, the estimate is just unbounded)."""
    from analysis.errors import AnalysisWarning

    data = _small(1000)
    data["ch"] = pd.array(np.where(np.arange(1000) < 900, "a", "b"), dtype="str")
    data.loc[data["ch"] == "b", ["frequency", "recency"]] = 0
    with pytest.raises(DataValidationError, match="Level 'b' of covariate 'ch' \\(100 customers\\) has no repeat"):
        ParetoNBDCovariates(trans_covariates=["ch"]).fit(data)
    with pytest.warns(AnalysisWarning, match="extreme value"):
        m = ParetoNBDCovariates(life_covariates=["ch"]).fit(data)
    assert m.at_boundary_ == ["life[ch=b]"]
