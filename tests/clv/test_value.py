"""CLV value, churn risk and holdout validation, checked against direct computations,
simulation with known truth and the summary module's independent counts."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import clv
from analysis.errors import ParameterError

BG = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
GG = {"p": 6.25, "q": 3.74, "v": 15.44}


@pytest.fixture(scope="module")
def summary() -> pd.DataFrame:
    rng = np.random.default_rng(3)
    sim = clv.BetaGeo.from_params(BG).simulate(400, rng.uniform(20, 40, 400), seed=rng)
    spend = clv.GammaGamma.from_params(GG).simulate(sim["frequency"], seed=4)
    return sim.assign(monetary_value=spend["monetary_value"])


def test_undiscounted_value_is_purchases_times_spend(summary):
    bg = clv.BetaGeo.from_params(BG)
    gg = clv.GammaGamma.from_params(GG)
    v = clv.customer_lifetime_value(bg, summary, spend_model=gg, horizon=52, discount_rate=0.0, margin=0.4, interval=None)
    direct = 0.4 * gg.conditional_expected_spend(summary) * bg.predict_purchases(52, summary)
    np.testing.assert_allclose(v["clv"], direct, rtol=1e-12)


def test_discounting_converges_to_the_continuous_integral(summary):
    """With many steps the discrete sum approaches int exp(-delta t) dE[Y(t)], computed here by
    brute-force fine differencing."""
    bg = clv.BetaGeo.from_params(BG)
    d = summary.head(20)
    coarse = clv.customer_lifetime_value(bg, d, spend=1.0, horizon=104, discount_rate=0.2, steps=400, interval=None)["clv"]
    grid = np.linspace(0, 104, 4001)
    cum = np.column_stack([bg.predict_purchases(t, d).to_numpy() for t in grid])
    mid = (grid[1:] + grid[:-1]) / 2
    brute = np.diff(cum, axis=1) @ (1.2 ** (-mid * 7 / 365.25))
    np.testing.assert_allclose(coarse, brute, rtol=2e-3)
    undiscounted = clv.customer_lifetime_value(bg, d, spend=1.0, horizon=104, discount_rate=0.0, interval=None)["clv"]
    assert (coarse < undiscounted).all()


def test_delta_and_bootstrap_intervals_agree(summary):
    """Two independent routes to the parameter uncertainty of CLV (fitted on the simulated data)."""
    bg = clv.BetaGeo().fit(summary)
    gg = clv.GammaGamma().fit(summary)
    d = summary.head(30)
    delta = clv.customer_lifetime_value(bg, d, spend_model=gg, interval="delta")
    boot = clv.customer_lifetime_value(bg, d, spend_model=gg, interval="bootstrap", n_draws=300, seed=1)
    ok = delta["clv"] > 1
    ratio = boot.loc[ok, "clv_std_error"] / delta.loc[ok, "clv_std_error"]
    # 300 draws: bootstrap SD within ~10%; nonlinearity adds a little: accept 0.7-1.4 in the median.
    assert 0.7 < ratio.median() < 1.4
    assert (delta["clv_ci_low"] <= delta["clv"]).all() and (delta["clv"] <= delta["clv_ci_high"]).all()
    again = clv.customer_lifetime_value(bg, d, spend_model=gg, interval="bootstrap", n_draws=300, seed=1)
    pd.testing.assert_frame_equal(boot, again)


def test_churn_risk_and_groups(summary):
    bg = clv.BetaGeo.from_params(BG)
    v = clv.customer_lifetime_value(bg, summary, spend=10.0, interval=None)
    risk = clv.churn_risk(bg, summary, v, silence=13)
    repeaters = risk[summary.loc[risk.index, "frequency"] > 0]
    # A silent period can only lower P(alive) for customers with repeat purchases.
    assert (repeaters["p_alive_drop"] >= -1e-12).all() and (repeaters["p_alive_drop"] > 0).any()
    np.testing.assert_allclose(risk["value_at_risk"], risk["value_if_alive"] * (1 - risk["p_alive"]))
    groups = pd.Series(np.where(summary["frequency"] > 0, "repeat", "once"), index=summary.index, name="kind")
    table = clv.value_by_group(v, groups)
    assert table["customers"].sum() == len(summary)
    assert table["total_clv"].sum() == pytest.approx(v["clv"].sum())
    with pytest.raises(ParameterError):
        clv.customer_lifetime_value(bg, summary, interval=None)


def test_holdout_checks_against_known_truth():
    m = clv.ParetoNBD.from_params({"r": 0.6, "alpha": 8.0, "s": 0.7, "beta": 12.0})
    sim = m.simulate(20000, np.random.default_rng(2).integers(20, 41, 20000).astype(float), holdout=26, seed=5)
    sim = sim.assign(duration_holdout=26.0)
    table = clv.holdout_by_frequency(m, sim, max_frequency=4)
    for bucket, row in table.iterrows():
        rows = sim["frequency"] >= 4 if bucket == "4+" else sim["frequency"] == int(bucket)
        se = sim.loc[rows, "frequency_holdout"].std() / np.sqrt(rows.sum())
        assert abs(row["actual"] - row["predicted"]) < 4 * se
    errors = clv.error_measures(sim["frequency_holdout"], m.predict_purchases(26, sim))
    assert abs(errors["aggregate_error_pct"]) < 3
    fit = clv.frequency_fit(m, sim, max_frequency=4)
    assert fit["expected"].sum() == pytest.approx(len(sim))
    assert np.all(np.abs(fit["actual"] - fit["expected"]) < 4 * np.sqrt(fit["expected"]) + 1)


def test_tracking_is_consistent_with_the_summary():
    """Actual cumulative repeat purchases at the calibration end equal the summary's frequency
    total, and expected cumulative purchases equal sum_i E[X(T_i)] (independent code paths)."""
    from analysis.datasets import load_cdnow
    from analysis.summary import calibration_holdout_summary

    tx = load_cdnow("sample")
    cal = calibration_holdout_summary(tx, "1997-09-30", "1998-06-30", time_unit="D")
    m = clv.BetaGeo.from_params({"r": 0.243, "alpha": 4.414 * 7, "a": 0.793, "b": 2.426})  # days
    track = clv.tracking(m, tx, "1997-09-30", "1998-06-30", time_unit="D")
    at_end = track[track["period_end"] == pd.Timestamp("1997-09-30")].iloc[0]
    assert at_end["actual_cumulative"] == cal["frequency"].sum()
    assert at_end["expected_cumulative"] == pytest.approx(m.expected_purchases(cal["T"].to_numpy()).sum(), rel=1e-9)
    assert track["actual"].sum() == cal["frequency"].sum() + cal["frequency_holdout"].sum()


def test_service_demo_channel_parameters_are_recovered():
    """The synthetic firm's true BG/NBD parameters per acquisition channel lie inside the 95%
    intervals (20 intervals; at 95% coverage we allow at most 2 misses)."""
    from analysis.datasets import load_service_demo
    from analysis.summary import customer_summary

    firm = load_service_demo(n_customers=5000, seed=20240601)
    full = customer_summary(firm.transactions, firm.truth.observation_end, time_unit="W")
    channel = firm.customers.set_index("customer_id")["acquisition_channel"].astype(str)
    misses = 0
    for ch, truth in firm.truth.bgnbd.items():
        s = clv.BetaGeo().fit(full.loc[full.index.isin(channel.index[channel == ch])]).summary()
        for name in s.index:
            misses += not (s.loc[name, "ci_low"] < getattr(truth, name) < s.loc[name, "ci_high"])
    assert misses <= 2


def test_value_interval_follows_alpha(summary):
    """A 90% interval is the 95% one with z(0.95) instead of z(0.975) on the log scale."""
    from scipy import stats

    bg = clv.BetaGeo().fit(summary)
    gg = clv.GammaGamma().fit(summary)
    d = summary.head(20)
    v95 = clv.customer_lifetime_value(bg, d, spend_model=gg)
    v90 = clv.customer_lifetime_value(bg, d, spend_model=gg, alpha=0.10)
    pd.testing.assert_series_equal(v95["clv_std_error"], v90["clv_std_error"])
    ok = v95["clv"] > 0
    rel = v95.loc[ok, "clv_std_error"] / v95.loc[ok, "clv"]
    np.testing.assert_allclose(v90.loc[ok, "clv_ci_high"], v95.loc[ok, "clv"] * np.exp(stats.norm.ppf(0.95) * rel))
    assert (v90["clv_ci_high"] <= v95["clv_ci_high"]).all() and (v90["clv_ci_low"] >= v95["clv_ci_low"]).all()
    boot = clv.customer_lifetime_value(bg, d, spend_model=gg, interval="bootstrap", n_draws=50, alpha=0.2)
    assert (boot["clv_ci_low"] <= boot["clv_ci_high"]).all()


def test_value_parameters_are_checked_in_one_form(summary):
    bg = clv.BetaGeo.from_params(BG)
    with pytest.raises(ParameterError, match="The 'time_unit' parameter of customer_lifetime_value must be one of"):
        clv.customer_lifetime_value(bg, summary, spend=1.0, time_unit="fortnight")
    with pytest.raises(ParameterError, match="The 'margin' parameter of customer_lifetime_value"):
        clv.customer_lifetime_value(bg, summary, spend=1.0, margin=0)
    with pytest.raises(ParameterError, match="The 'seed' parameter"):
        clv.customer_lifetime_value(bg, summary, spend=1.0, seed=None)
    with pytest.raises(ParameterError, match="The 'silence' parameter of churn_risk"):
        clv.churn_risk(bg, summary, summary.assign(clv=1.0), silence=-1)


def test_win_back_targets_by_hand():
    v = pd.DataFrame({"p_alive": [0.2, 0.9, 0.1, 0.3, 0.45], "value_if_alive": [100.0, 90.0, 1.0, 2.0, 95.0],
                      "value_at_risk": [80.0, 9.0, 0.9, 1.4, 52.0]}, index=list("abcde"))
    # 75% quantile of value_if_alive = 95: a (100) and e (95) are valuable; b (90) is not
    rule = clv.win_back_rule(v)
    assert rule.loc["rule"].to_dict() == {"min_p_alive": 0.05, "max_p_alive": 0.5, "valuable_quantile": 0.75,
                                          "top_share": 0.25, "min_value_if_alive": 95.0}
    assert clv.win_back_targets(v, rule).index.tolist() == ["a", "e"]
    assert clv.win_back_targets(v, clv.win_back_rule(v, threshold=0.3)).index.tolist() == ["a"]


def test_gone_customers_are_not_win_back_targets():
    """Issue 13, case 5: customers with P(alive) = 0.000 and CLV = 0.000 were listed as "slipping
    away"; they are gone. A target is valuable if alive, below the threshold and not below
    min_p_alive; each customer's status comes from the same table the page shows."""
    v = pd.DataFrame({"p_alive": [0.0004, 0.2, 0.9, 0.3, 0.01, 0.049, 0.05],
                      "clv": [0.0001, 20.0, 90.0, 0.5, 0.9, 3.0, 4.0],
                      "value_if_alive": [250.0, 100.0, 100.0, 2.0, 90.0, 61.0, 80.0],
                      "value_at_risk": [249.9, 80.0, 10.0, 1.5, 89.1, 58.0, 76.0]}, index=list("abcdefg"))
    rule = clv.win_back_rule(v, valuable_quantile=0.5)  # median of value_if_alive: 90
    status = clv.win_back_status(v, rule)
    assert status.tolist() == ["probably_gone", "win_back", "active", "low_value", "probably_gone", "low_value",
                               "low_value"]
    targets = clv.win_back_targets(v, rule)
    assert targets.index.tolist() == ["b"] and (targets["p_alive"] >= 0.05).all()
    low = clv.win_back_rule(v, valuable_quantile=0.15)  # from 55.1: f (p 0.049) is gone, g (p 0.05) a target
    assert clv.win_back_status(v, low)[["f", "g"]].tolist() == ["probably_gone", "win_back"]
    with pytest.raises(ParameterError, match="min_p_alive .* must be below threshold"):
        clv.win_back_rule(v, threshold=0.05, min_p_alive=0.05)


def test_value_concentration_by_hand():
    got = clv.value_concentration(pd.Series([50.0, 30.0, 10.0, 5.0, 5.0]), shares=[0.1, 0.2, 0.5, 1.0])
    assert got["customers"].tolist() == [1, 1, 2, 5]  # floor(share * 5), at least one
    assert got["value_share"].tolist() == pytest.approx([0.5, 0.5, 0.8, 1.0])
