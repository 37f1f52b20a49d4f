"""The KPI scorecard (analysis.retention.scorecard): verdicts on constructed intervals in both directions, the
KPI values against direct pandas computations, the satisfaction index against a hand computation and the trend
against statsmodels OLS (issue 15, item 4)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

from analysis.errors import DataValidationError, ParameterError
from analysis.retention.scorecard import (KPIS, churn_from_retention, cross_sell_series, kpi_inputs, kpi_trend,
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
    series = pd.DataFrame({"estimate": [0.8, 0.81, 0.83, 0.82]})
    card = scorecard({"retention_rate": rate, "churn_rate": churn_from_retention(rate)},
                     {"retention_rate": 0.85, "churn_rate": 0.21}, {"retention_rate": series})
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


def _rates():
    periods = ["2024-01", "2024-02", "2024-03", "2024-04"]
    est = np.tile([0.60, 0.62, 0.65, 0.66], 2)
    return pd.DataFrame({"estimate": est, "ci_low": est - 0.05, "ci_high": est + 0.04, "churn_rate": 1 - est},
                        index=pd.MultiIndex.from_product([["all", "web"], periods], names=["group", "period"]))


def _complaint_periods():
    return pd.DataFrame({"per_1000_orders": [30.0, 28.0, 26.0, 25.0], "per_1000_low": [20.0, 19.0, 17.0, 16.0],
                         "per_1000_high": [42.0, 40.0, 37.0, 36.0], "share_complained": [0.05, 0.04, 0.04, 0.03],
                         "share_low": [0.03] * 4, "share_high": [0.07] * 4, "full": [True, True, True, False]},
                        index=pd.Index(["2024Q1", "2024Q2", "2024Q3", "2024Q4"], name="group"))


def test_kpi_inputs_take_each_sections_table():
    rates = _rates()
    retention = pd.DataFrame({"estimate": [0.66], "ci_low": [0.61], "ci_high": [0.70], "period": ["2024-04"]},
                             index=pd.Index(["retention_rate"], name="kpi"))
    complaint = pd.DataFrame({"estimate": [31.0], "ci_low": [21.0], "ci_high": [43.0], "period": ["all"]},
                             index=pd.Index(["complaint_rate"], name="kpi"))
    values, series = kpi_inputs(retention=retention, rates=rates, complaint=complaint,
                                complaint_periods=_complaint_periods())
    assert values["complaint_rate"]["estimate"].iloc[0] == 31.0  # the complaints section's KPI wins
    per_customer = values["complaints_per_customer"].iloc[0]  # the latest FULL period (Q3), not Q4
    assert (per_customer["estimate"], per_customer["period"]) == (0.04, "2024Q3")
    churn = series["churn_rate"]
    np.testing.assert_allclose(churn["estimate"], 1 - rates.loc["all", "estimate"].to_numpy())
    np.testing.assert_allclose(churn["ci_low"], 1 - rates.loc["all", "ci_high"].to_numpy())
    card = scorecard(values, {"complaint_rate": 50.0, "churn_rate": 0.32}, series)
    assert card.loc["complaint_rate", "verdict"] == "met" and card.loc["churn_rate", "verdict"] == "cannot tell"
    assert card.loc["retention_rate", "trend"] == pytest.approx(np.polyfit(np.arange(4), [0.60, 0.62, 0.65, 0.66], 1)[0])
    assert card.loc["retention_rate", "trend_note"] == "" and card.loc["satisfaction_index", "trend_note"] == "no data"
    assert card.loc["complaint_rate", "n_periods"] == 3  # Q4 is not over


def test_a_kpi_without_dates_or_enough_periods_says_so():
    sat = pd.DataFrame({"estimate": [70.0], "ci_low": [68.0], "ci_high": [72.0]}, index=["satisfaction_index"])
    short = pd.DataFrame({"estimate": [0.1, 0.2], "ci_low": [0.0, 0.1], "ci_high": [0.2, 0.3], "full": True})
    values, series = kpi_inputs(satisfaction=sat, referrals=short)
    card = scorecard(values, {"satisfaction_index": 65}, series)
    assert card.loc["satisfaction_index", ["verdict", "trend_note"]].tolist() == ["met", "no dates"]
    assert card.loc["referral_rate", ["verdict", "trend_note"]].tolist() == ["no target", "too few periods"]


def test_cross_sell_series_accumulates():
    tx = pd.DataFrame({"customer_id": list("aabbc"), "category": list("xyxxz"),
                       "date": pd.to_datetime(["2024-01-03", "2024-03-01", "2024-01-09", "2024-02-01", "2024-02-10"])})
    s = cross_sell_series(tx, period="month", observation_end=pd.Timestamp("2024-03-31"))
    assert s["customers"].tolist() == [2, 3, 3] and s["cross_buyers"].tolist() == [0, 0, 1]
    direct = tx.groupby("customer_id")["category"].nunique()
    assert latest_kpi(s, "cross_sell_rate")["estimate"].iloc[0] == pytest.approx((direct >= 2).mean())
    low, high = proportion_confint(s["cross_buyers"], s["customers"], method="wilson")
    np.testing.assert_allclose(s["ci_low"], low, atol=1e-12)
    np.testing.assert_allclose(s["ci_high"], high, atol=1e-12)


def test_cross_sell_without_dates_uses_the_overall_rate():
    overall = pd.DataFrame({"estimate": [0.4], "ci_low": [0.3], "ci_high": [0.5]}, index=["cross_sell_rate"])
    values, series = kpi_inputs(cross_sell_overall=overall)
    card = scorecard(values, {"cross_sell_rate": 0.2}, series)
    assert card.loc["cross_sell_rate", ["verdict", "trend_note"]].tolist() == ["met", "no dates"]
    dated = pd.DataFrame({"estimate": [0.1], "ci_low": [0.05], "ci_high": [0.2], "full": [True]}, index=["2024Q1"])
    assert kpi_inputs(cross_sell=dated, cross_sell_overall=overall)[0]["cross_sell_rate"]["estimate"].iloc[0] == 0.1


def test_retention_rates_without_an_overall_group_give_no_series():
    rates = _rates().drop(index="all", level="group")
    assert "retention_rate" not in kpi_inputs(rates=rates)[1]
    assert kpi_inputs(rates=_rates().reset_index(level="group", drop=True))[1] == {}


def test_survey_scale_follows_notebook_03s_settings():
    from analysis.retention import survey_scale

    settings = {"scale": [1, 5], "pls_outcome_scale": {"overall_satisfaction": [1, 7]}}
    assert survey_scale(settings, "overall_satisfaction") == (1.0, 7.0)
    assert survey_scale(settings, "recommend") == (1.0, 5.0)
    assert survey_scale({"pls_outcome_scale": None}, "x") is None and survey_scale(None, "x") is None
