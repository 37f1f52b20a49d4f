"""The one interface of analysis.customerdata: a DataFrame and the same rows kept on disk as
Parquet files answer every question identically (CDNOW and the hand-made edge cases)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.customerdata import CustomerData, FrameData, TransactionLog, customer_data
from analysis.datasets import load_cdnow
from analysis.errors import ParameterError
from analysis.window import Window
from log_cases import CAL_END, OBS_END, assert_same, edge_case_log, write_parquet_files

CASES = {"edge_cases": (edge_case_log, CAL_END, OBS_END), "cdnow": (load_cdnow, "1997-09-30", "1998-06-30")}


@pytest.fixture(scope="module", params=sorted(CASES))
def pair(request, tmp_path_factory):
    load, cal_end, obs_end = CASES[request.param]
    frame = load()
    folder = tmp_path_factory.mktemp(request.param)
    write_parquet_files(frame, folder)
    return customer_data(frame), customer_data(str(folder / "part-*.parquet")), cal_end, obs_end


def test_both_kinds_are_customer_data(pair):
    frame, log, _, _ = pair
    assert isinstance(frame, FrameData) and isinstance(log, TransactionLog)
    assert isinstance(frame, CustomerData) and isinstance(log, CustomerData)
    assert (frame.is_on_disk, log.is_on_disk) == (False, True)


def test_profile_and_last_day_agree(pair):
    frame, log, _, _ = pair
    assert frame.profile() == log.profile()
    assert frame.last_day() == log.last_day() == log.profile()["last_day"]
    assert frame.profile()["customers"] == frame.frame["customer_id"].nunique()


def test_daily_counts_agree_and_add_up(pair):
    frame, log, _, _ = pair
    a, b = frame.daily_counts(), log.daily_counts()
    pd.testing.assert_frame_equal(a, b, check_exact=False, rtol=1e-12)
    assert a["transactions"].sum() == len(frame.frame)
    assert np.isclose(a["revenue"].sum(), frame.frame["amount"].sum())


@pytest.mark.parametrize("time_unit", ["D", "W"])
def test_customer_summaries_agree(pair, time_unit):
    frame, log, cal_end, obs_end = pair
    assert_same(frame.customer_summary(obs_end, time_unit), log.customer_summary(obs_end, time_unit))
    assert_same(frame.customer_summary(obs_end, time_unit, calibration_end=cal_end),
                log.customer_summary(obs_end, time_unit, calibration_end=cal_end))
    assert_same(frame.customer_summary(time_unit=time_unit), log.customer_summary(time_unit=time_unit))


def test_rfm_values_agree(pair):
    frame, log, _, obs_end = pair
    pd.testing.assert_frame_equal(frame.rfm_values(obs_end), log.rfm_values(obs_end), check_exact=False, rtol=1e-12)
    pd.testing.assert_frame_equal(frame.rfm_values(), log.rfm_values(), check_exact=False, rtol=1e-12)


def test_cohort_counts_agree_and_match_the_summary(pair):
    frame, log, cal_end, obs_end = pair
    cal, obs = pd.Timestamp(cal_end), pd.Timestamp(obs_end)
    a, b = frame.cohort_counts(cal, obs), log.cohort_counts(cal, obs)
    pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True))
    summary = frame.customer_summary(obs_end, "D", calibration_end=cal_end)
    assert a["n_first"].sum() == len(summary)  # every cohort customer has one first day
    repeat_days = a["n_repeat"].sum()
    assert repeat_days == summary["frequency"].sum() + summary["frequency_holdout"].sum()


def test_overview_questions_agree(pair):
    frame, log, _, obs_end = pair
    pd.testing.assert_frame_equal(frame.purchase_distribution(), log.purchase_distribution())
    a, b = frame.overview_values(), log.overview_values()
    assert a.keys() == b.keys()
    for key in a:
        assert a[key] == pytest.approx(b[key], rel=1e-12) if isinstance(a[key], float) else a[key] == b[key], key
    pd.testing.assert_frame_equal(frame.monthly(), log.monthly(), check_exact=False, rtol=1e-12,
                                  check_names=False, check_index_type=False)
    top_a, top_b = frame.top_customers(5), log.top_customers(5)
    assert top_a["revenue"].tolist() == pytest.approx(top_b["revenue"].tolist(), rel=1e-12)
    checks_a, checks_b = frame.suspicious(pd.Timestamp(obs_end)), log.suspicious(pd.Timestamp(obs_end))
    assert [(r["check"], r["n_rows"], r["total"]) for r in checks_a] == [
        (r["check"], r["n_rows"], r["total"]) for r in checks_b]


def test_samples_are_the_same_customers_for_both_kinds(pair):
    frame, log, _, _ = pair
    a, b = frame.sample_transactions(50, seed=3), log.sample_transactions(50, seed=3)
    pd.testing.assert_frame_equal(a, b)
    assert a["customer_id"].nunique() == min(50, frame.frame["customer_id"].nunique())
    every = frame.frame[frame.frame["customer_id"].isin(a["customer_id"].unique())]
    assert len(a) == len(every)  # every purchase of a drawn customer
    assert not a.equals(frame.sample_transactions(50, seed=4))


def test_resolve_window_agrees(pair):
    frame, log, _, obs_end = pair
    assert frame.resolve_window(Window()) == log.resolve_window(Window())
    assert frame.resolve_window(Window()).observation_end_source == "data"
    fixed = Window(observation_end=obs_end, observation_end_source="study")
    assert frame.resolve_window(fixed) is fixed


def test_the_same_bad_settings_are_refused_by_both(pair):
    frame, log, _, _ = pair
    for data in (frame, log):
        with pytest.raises(ParameterError, match="frequency"):
            data.rfm_values(frequency="rows")
        with pytest.raises(ParameterError, match="time_unit"):
            data.customer_summary(time_unit="Q")
        with pytest.raises(ParameterError, match="n_customers"):
            data.sample_transactions(0)


def test_sample_size_and_seed_errors_show_numpy_values_plainly():
    """Issue 14: several messages printed np.float64(...)."""
    data = customer_data(pd.DataFrame({"customer_id": ["a"], "date": pd.to_datetime(["2024-01-01"]),
                                       "amount": [1.0]}))
    with pytest.raises(ParameterError, match=r"n_customers must be a positive int; got 2\.5\.$"):
        data.sample_transactions(np.float64(2.5))
    with pytest.raises(ParameterError, match=r"seed must be an int or a numpy Generator; got 1\.5\.$"):
        data.sample_transactions(2, seed=np.float64(1.5))
