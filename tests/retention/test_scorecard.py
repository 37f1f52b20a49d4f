"""The KPI scorecard (analysis.retention.scorecard): verdicts on constructed intervals in both directions, the
KPI values against direct pandas computations, the trend against statsmodels OLS and the Poisson interval
against R's poisson.test (issue 15, item 4)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from scipy import stats

from analysis.errors import DataValidationError, ParameterError
from analysis.retention.scorecard import (KPIS, churn_from_retention, complaint_series, cross_sell_series, kpi_trend,
                                          kpi_verdict, latest_kpi, satisfaction_index, scorecard)


@pytest.mark.parametrize("low, high, target, direction, verdict", [
    (0.81, 0.85, 0.80, "higher", "met"),
    (0.80, 0.85, 0.80, "higher", "met"),          # a bound on the target reaches it
    (0.70, 0.79, 0.80, "higher", "not met"),
    (0.78, 0.83, 0.80, "higher", "cannot tell"),
    (2.0, 2.4, 2.5, "lower", "met"),
    (2.6, 3.0, 2.5, "lower", "not met"),
    (2.0, 3.0, 2.5, "lower", "cannot tell"),
    (2.0, 3.0, None, "lower", "no target"),
    (np.nan, np.nan, 2.5, "lower", "no data"),
])
def test_verdict_respects_the_interval(low, high, target, direction, verdict):
    assert kpi_verdict(low, high, target, direction) == verdict


def test_verdict_refuses_an_unknown_direction():
    with pytest.raises(ParameterError, match="direction must be"):
        kpi_verdict(0.1, 0.2, 0.3, "up")


def test_scorecard_rows_and_targets():
    rate = pd.DataFrame({"estimate": [0.82], "ci_low": [0.80], "ci_high": [0.84]})
    trend = kpi_trend(pd.DataFrame({"estimate": [0.8, 0.81, 0.83, 0.82]}))
    card = scorecard({"retention_rate": rate, "churn_rate": churn_from_retention(rate)},
                     {"retention_rate": 0.85, "churn_rate": 0.21}, trends={"retention_rate": trend})
    assert list(card.index) == list(KPIS)
    assert card.loc["retention_rate", "verdict"] == "not met"
    assert card.loc["churn_rate", "verdict"] == "met"  # churn 0.16-0.20 is all below 0.21
    assert card.loc["churn_rate", ["ci_low", "ci_high"]].tolist() == pytest.approx([0.16, 0.20])
    assert card.loc["referral_rate", "verdict"] == "no data"
    assert card.loc["retention_rate", "n_periods"] == 4
    with pytest.raises(ParameterError, match="unknown KPI.*retention"):
        scorecard({}, {"retension": 0.8})


def test_satisfaction_index_against_a_hand_computation():
    rng = np.random.default_rng(2)
    answers = rng.integers(1, 8, 300)
    out = satisfaction_index(pd.DataFrame({"overall_satisfaction": answers}), scale=(1, 7), alpha=0.1).iloc[0]
    score = (answers - 1) / 6 * 100
    low, high = stats.t.interval(0.9, len(score) - 1, loc=score.mean(), scale=stats.sem(score))
    assert out["estimate"] == pytest.approx(score.mean(), rel=1e-12)
    assert (out["ci_low"], out["ci_high"]) == pytest.approx((low, high), rel=1e-12)
    # the same answers on another scale give the same index (rescaling is linear)
    other = satisfaction_index(pd.DataFrame({"s": answers * 10 + 5}), column="s", scale=(15, 75)).iloc[0]
    assert other["estimate"] == pytest.approx(out["estimate"], rel=1e-12)
    assert not satisfaction_index(pd.DataFrame({"overall_satisfaction": answers}))["scale_given"].iloc[0]
    with pytest.raises(ParameterError, match="does not hold the answers"):
        satisfaction_index(pd.DataFrame({"overall_satisfaction": answers}), scale=(1, 5))
    with pytest.raises(DataValidationError, match="set by satisfaction_column"):
        satisfaction_index(pd.DataFrame({"x": answers}))


def test_trend_against_statsmodels():
    y = np.array([10.0, 12.5, 11.0, 14.0, 15.5, 15.0])
    out = kpi_trend(pd.DataFrame({"estimate": y, "full": [True] * 6}), alpha=0.1).iloc[0]
    fit = sm.OLS(y, sm.add_constant(np.arange(6.0))).fit()
    assert out["estimate"] == pytest.approx(fit.params[1], rel=1e-10)
    assert (out["ci_low"], out["ci_high"]) == pytest.approx(tuple(fit.conf_int(0.1)[1]), rel=1e-10)
    assert out["p_value"] == pytest.approx(fit.pvalues[1], rel=1e-8)
    partial = pd.DataFrame({"estimate": y, "full": [True] * 5 + [False]})
    assert kpi_trend(partial)["n_periods"].iloc[0] == 5  # the unfinished period is left out
    assert np.isnan(kpi_trend(partial.head(2))["estimate"].iloc[0])
    assert kpi_trend(None)["n_periods"].iloc[0] == 0


def test_complaint_series_and_latest_kpis_against_pandas():
    rng = np.random.default_rng(4)
    tx = pd.DataFrame({"customer_id": rng.integers(0, 80, 900).astype(str),
                       "date": pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 250, 900), unit="D")})
    co = tx.sample(40, random_state=1)[["customer_id", "date"]]
    end = pd.Timestamp("2024-08-20")
    tx, co = tx[tx["date"] <= end], co[co["date"] <= end]
    s = complaint_series(co, tx, period="month", observation_end=end)
    m, mc = tx["date"].dt.to_period("M").astype(str), co["date"].dt.to_period("M").astype(str)
    orders, comps = tx.groupby(m).size(), co.groupby(mc).size().reindex(s.index, fill_value=0)
    np.testing.assert_allclose(s["complaint_rate"], 1000 * comps / orders[s.index], rtol=1e-12)
    share = co.groupby(mc)["customer_id"].nunique().reindex(s.index, fill_value=0) / tx.groupby(m)["customer_id"].nunique()
    np.testing.assert_allclose(s["complaints_per_customer"], share[s.index], rtol=1e-12)
    latest = latest_kpi(s, "complaint_rate")
    assert latest["period"].iloc[0] == "2024-07"  # August is not over on the 20th
    assert latest["estimate"].iloc[0] == pytest.approx(1000 * comps["2024-07"] / orders["2024-07"])
    assert latest_kpi(s, "complaints_per_customer")["estimate"].iloc[0] == pytest.approx(share["2024-07"])


def test_complaint_rate_interval_matches_r_poisson_test():
    # R: poisson.test(30, 1000)$conf.int -> 0.02024087 0.04282687 (per order; qgamma(0.025, 30), qgamma(0.975, 31))
    s = pd.DataFrame({"orders": [1000], "complaints": [30], "full": [True]}, index=["2024Q1"])
    row = latest_kpi(s, "complaint_rate").iloc[0]
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((20.24087, 42.82687), abs=1e-5)
    zero = latest_kpi(s.assign(complaints=0), "complaint_rate").iloc[0]  # R: poisson.test(0, 1000): 0.000000 0.003688879
    assert (zero["ci_low"], zero["ci_high"]) == pytest.approx((0.0, 3.688879), abs=1e-6)


def test_cross_sell_series_accumulates():
    tx = pd.DataFrame({"customer_id": list("aabbc"), "category": list("xyxxz"),
                       "date": pd.to_datetime(["2024-01-03", "2024-03-01", "2024-01-09", "2024-02-01", "2024-02-10"])})
    s = cross_sell_series(tx, period="month", observation_end=pd.Timestamp("2024-03-31"))
    assert s["customers"].tolist() == [2, 3, 3] and s["cross_buyers"].tolist() == [0, 0, 1]
    direct = tx.groupby("customer_id")["category"].nunique()
    assert latest_kpi(s, "cross_sell_rate")["estimate"].iloc[0] == pytest.approx((direct >= 2).mean())
