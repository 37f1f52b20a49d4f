"""Survival (analysis.retention.survival): Kaplan-Meier against a hand computation with ties and censoring
(1e-10: exact arithmetic, only rounding differs) and against statsmodels' SurvfuncRight; the log-rank test
against a brute-force count; lifetimes against their definitions; the sBG forecast against simulations with
known parameters and against the synthetic firm's true membership_sbg."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats
from statsmodels.duration.survfunc import SurvfuncRight

from analysis.clv import ShiftedBetaGeometric
from analysis.errors import AnalysisError
from analysis.retention import (customer_lifetimes, kaplan_meier, kaplan_meier_by_group, lifetime_groups,
                                lifetime_summary, logrank_test, median_by_group, median_lifetime,
                                membership_lifetimes, sbg_forecast)
from analysis.simulate import simulate_service_firm

# ties (three at 2, two at 4, two at 6) and censoring (at 2, 3, 5 and 6)
T = [1, 2, 2, 2, 3, 4, 4, 5, 6, 6]
E = [True, True, False, True, False, True, True, False, True, False]


def test_kaplan_meier_by_hand_with_ties_and_censoring():
    km = kaplan_meier(T, E, alpha=0.05)
    # by hand: S(1) = 9/10, S(2) = 9/10 * 7/9, S(4) = ... * 3/5, S(6) = ... * 1/2
    s = {1: 0.9, 2: 0.7, 3: 0.7, 4: 0.42, 5: 0.42, 6: 0.21}
    green = {1: 1 / 90, 2: 1 / 90 + 2 / 63, 3: 1 / 90 + 2 / 63, 4: 1 / 90 + 2 / 63 + 2 / 15,
             5: 1 / 90 + 2 / 63 + 2 / 15, 6: 1 / 90 + 2 / 63 + 2 / 15 + 1 / 2}
    assert km.index.tolist() == [1, 2, 3, 4, 5, 6]
    assert km["at_risk"].tolist() == [10, 9, 6, 5, 3, 2]
    assert km["events"].tolist() == [1, 2, 0, 2, 0, 1]
    assert km["censored"].tolist() == [0, 1, 1, 0, 1, 1]
    z = stats.norm.isf(0.025)
    for t in s:
        assert km.loc[t, "estimate"] == pytest.approx(s[t], abs=1e-10)
        assert km.loc[t, "std_error"] == pytest.approx(s[t] * np.sqrt(green[t]), abs=1e-10)
        w = z * np.sqrt(green[t]) / abs(np.log(s[t]))
        assert km.loc[t, "ci_low"] == pytest.approx(s[t] ** np.exp(w), abs=1e-10)
        assert km.loc[t, "ci_high"] == pytest.approx(s[t] ** np.exp(-w), abs=1e-10)


def test_kaplan_meier_agrees_with_statsmodels():
    rng = np.random.default_rng(3)
    t = rng.integers(0, 40, 300)
    e = rng.random(300) < 0.6
    km = kaplan_meier(t, e)
    sf = SurvfuncRight(t.astype(float), e.astype(float))
    ours = km.loc[km["events"] > 0]
    assert ours.index.to_numpy(dtype=float) == pytest.approx(sf.surv_times, abs=0)
    assert ours["estimate"].to_numpy() == pytest.approx(sf.surv_prob, abs=1e-12)
    finite = np.isfinite(sf.surv_prob_se)
    assert ours["std_error"].to_numpy()[finite] == pytest.approx(sf.surv_prob_se[finite], abs=1e-12)


def test_median_lifetime_reads_the_curve_and_its_bands():
    km = kaplan_meier(T, E)
    med = median_lifetime(km)
    assert med.loc["median", "estimate"] == 4  # S(3) = 0.7 > 0.5 >= S(4) = 0.42
    assert med.loc["median", "at_risk"] == 5
    assert med.loc["median", "ci_low"] == km.index[km["ci_low"] <= 0.5][0]
    assert np.isnan(med.loc["median", "ci_high"])  # the upper band never falls to one half
    open_curve = median_lifetime(kaplan_meier([1, 2, 3, 4], [True, False, False, False]))
    assert not open_curve.loc["median", "reached"] and np.isnan(open_curve.loc["median", "estimate"])


def _logrank_by_hand(t, e, g):
    """Two-group log-rank chi-square: sum over event times of (observed - expected) in group 1, squared, over
    the hypergeometric variance."""
    t, e, g = map(np.asarray, (t, e, g))
    o_minus_e = var = 0.0
    for time in np.unique(t[e]):
        at_risk = t >= time
        n, n1 = at_risk.sum(), (at_risk & (g == 1)).sum()
        d = ((t == time) & e).sum()
        d1 = ((t == time) & e & (g == 1)).sum()
        o_minus_e += d1 - d * n1 / n
        var += d * (n1 / n) * (1 - n1 / n) * (n - d) / (n - 1) if n > 1 else 0.0
    return o_minus_e ** 2 / var


def test_logrank_matches_a_brute_force_count():
    rng = np.random.default_rng(7)
    t = np.concatenate([rng.integers(1, 30, 60), rng.integers(5, 45, 60)])
    e = rng.random(120) < 0.7
    g = np.repeat([0, 1], 60)
    lt = pd.DataFrame({"duration_days": t, "churned": e}, index=[f"c{i}" for i in range(120)])
    res = logrank_test(lt, pd.Series(g, index=lt.index))
    chi2 = _logrank_by_hand(t, e, g)
    assert res.loc["logrank", "statistic"] == pytest.approx(chi2, rel=1e-9)
    assert res.loc["logrank", "p_value"] == pytest.approx(stats.chi2.sf(chi2, 1), rel=1e-9)
    one = logrank_test(lt, pd.Series("x", index=lt.index))
    assert np.isnan(one.loc["logrank", "p_value"])
    curves = kaplan_meier_by_group(lt, pd.Series(g, index=lt.index))
    assert set(curves.index.get_level_values("group")) == {"0", "1"}
    medians = median_by_group(curves)
    for level in (0, 1):  # each group's median from its own curve
        own = median_lifetime(kaplan_meier(t[g == level], e[g == level]))
        assert medians.loc[str(level), "estimate"] == own.loc["median", "estimate"]
        assert medians.loc[str(level), "customers"] == 60 and medians.loc[str(level), "churned"] == e[g == level].sum()


def test_customer_lifetimes_follow_the_definition():
    tx = pd.DataFrame({"customer_id": ["a", "a", "b", "b", "c", "d"],
                       "date": pd.to_datetime(["2024-01-01", "2024-03-01", "2024-01-15", "2024-11-20", "2024-02-01",
                                               "2024-11-01"])})
    lt = customer_lifetimes(tx, observation_end="2024-12-31", churn_days=90)
    horizon = pd.Timestamp("2024-12-31") - pd.Timedelta(days=90)  # 2024-10-02
    assert lt.index.tolist() == ["a", "b", "c"]  # d acquired after the horizon: cannot be judged
    assert lt.loc["a", "churned"] and lt.loc["a", "duration_days"] == 60
    assert not lt.loc["b", "churned"] and lt.loc["b", "duration_days"] == (horizon - pd.Timestamp("2024-01-15")).days
    assert lt.loc["c", "churned"] and lt.loc["c", "duration_days"] == 0
    s = lifetime_summary(lt, 4)
    assert s.loc["all"].to_dict() == pytest.approx({"customers": 4, "judged": 3, "excluded": 1, "churned": 2,
                                                    "censored": 1, "censored_share": 1 / 3,
                                                    "never_returned_share": 1 / 3})
    name, groups = lifetime_groups(lt, None, column=None, period="quarter")
    assert name == "cohort" and groups.tolist() == ["2024Q1"] * 3
    many = pd.DataFrame({"first_purchase": pd.date_range("2020-01-01", periods=30, freq="MS")})
    assert lifetime_groups(many, None, column=None, period="month")[1].nunique() == 3  # yearly cohorts
    customers = pd.DataFrame({"customer_id": list("abcdefghijklm"), "channel": ["web", "store"] * 6 + ["web"],
                              "zip": [f"{i:05d}" for i in range(13)]})
    assert lifetime_groups(lt, customers, column="channel")[1][["a", "b", "c"]].tolist() == ["web", "store", "web"]
    with pytest.raises(AnalysisError, match="survival_by names the column 'zip' with 13 groups"):
        lifetime_groups(lt, customers, column="zip")
    with pytest.raises(AnalysisError, match="churn_days"):
        customer_lifetimes(tx, observation_end="2024-12-31", churn_days=0)


def test_membership_lifetimes_in_whole_months():
    m = pd.DataFrame({"customer_id": ["a", "b", "b", "c"],
                      "start_date": pd.to_datetime(["2024-01-10", "2024-02-01", "2024-04-01", "2024-05-05"]),
                      "end_date": pd.to_datetime(["2024-04-09", "2024-03-31", "2024-06-30", None])})
    lt = membership_lifetimes(m, observation_end="2024-12-31")
    assert lt.loc["a", "left"] and lt.loc["a", "periods"] == 3  # 10 Jan + 3 months - 1 day, as the firm writes it
    assert lt.loc["b", "left"] and lt.loc["b", "periods"] == 5  # joined 1 Feb (first spell), left 30 Jun
    assert not lt.loc["c", "left"] and lt.loc["c", "periods"] == 7  # 240 days in: 7 whole months observed
    assert lt["observed_periods"].tolist() == [11, 10, 7]


def _simulated_members(alpha, beta, n, periods, seed):
    counts = ShiftedBetaGeometric.from_params({"alpha": alpha, "beta": beta}).simulate(n, periods, seed=seed)
    left_at = np.repeat(np.arange(1, periods + 1), -np.diff(counts))
    return pd.DataFrame({"periods": np.concatenate([left_at, np.full(counts[-1], periods)]),
                         "left": np.arange(n) < len(left_at), "observed_periods": periods})


def test_sbg_forecast_recovers_known_parameters_and_tracks_the_holdout():
    """4,000 simulated members, 18 months, fitted on 8: the true (alpha, beta) lie in the 95 % intervals
    (a 1-in-20 failure at worst for a fixed seed, so deterministic here) and the forecast stays within 0.02
    of the observed survival (sampling error of a share near 0.3 with n = 4,000 is about 0.007)."""
    members = _simulated_members(0.8, 4.0, 4000, 18, seed=11)
    model, curve = sbg_forecast(members, fit_periods=8)
    summary = model.summary(alpha=0.05)
    for name, truth in {"alpha": 0.8, "beta": 4.0}.items():
        assert summary.loc[name, "ci_low"] <= truth <= summary.loc[name, "ci_high"]
    assert curve["calibration"].sum() == 9 and curve["error"].abs().max() < 0.02
    with pytest.raises(AnalysisError, match="sbg_fit_periods"):
        sbg_forecast(members, fit_periods=30)


def test_sbg_on_the_synthetic_firm_recovers_its_true_membership_sbg():
    """The firm's members leave month by month as an sBG with truth.membership_sbg; fitted on their first
    6 months (staggered joins, censored members), the true parameters lie in the 95 % intervals and the
    forecast follows the observed curve within 0.05 (the notebook's check limit)."""
    firm = simulate_service_firm(5000, seed=20240601)
    tables = firm.tables()
    end = tables["transactions"]["date"].max().normalize()
    model, curve = sbg_forecast(membership_lifetimes(tables["memberships"], observation_end=end), fit_periods=6)
    summary = model.summary(alpha=0.05)
    for name, truth in firm.truth.membership_sbg.items():
        assert summary.loc[name, "ci_low"] <= truth <= summary.loc[name, "ci_high"], (name, summary)
    assert curve["error"].abs().max() < 0.05
    true_curve = ShiftedBetaGeometric.from_params(firm.truth.membership_sbg).survival(curve.index.to_numpy())
    assert np.abs(curve["observed"].to_numpy() - true_curve).max() < 0.05


def test_lifetime_censoring_leaves_kaplan_meier_unbiased_on_a_simulated_base():
    """3,000 customers acquired over two years buy every 30 days for an exponential lifetime (mean 200 days);
    their true lifetime, first to last purchase, is 30 x floor(L / 30). With the end three years after the
    start and churn_days = 90 (longer than any gap, so every churn is seen), the Kaplan-Meier curve from
    customer_lifetimes recovers P(lifetime > t) = exp(-30 (floor(t / 30) + 1) / 200) within 4 standard
    errors at every 30 days up to a year (staggered acquisition censors the recent customers early)."""
    rng = np.random.default_rng(2024)
    n, start = 3000, pd.Timestamp("2021-01-01")
    first = start + pd.to_timedelta(rng.integers(0, 730, n), unit="D")
    purchases = np.floor(rng.exponential(200, n) / 30).astype(int)  # repeat purchases before leaving
    rows = [(f"c{i}", first[i] + pd.Timedelta(days=30 * k)) for i in range(n) for k in range(purchases[i] + 1)]
    tx = pd.DataFrame(rows, columns=["customer_id", "date"])
    end = start + pd.Timedelta(days=3 * 365)
    tx = tx[tx["date"] <= end]
    km = kaplan_meier(*customer_lifetimes(tx, observation_end=end, churn_days=90)[["duration_days", "churned"]]
                      .to_numpy().T)
    for t in range(0, 361, 30):
        row = km.loc[km.index[km.index <= t][-1]]
        truth = np.exp(-30 * (t // 30 + 1) / 200)
        assert abs(row["estimate"] - truth) < 4 * row["std_error"], (t, row["estimate"], truth)
