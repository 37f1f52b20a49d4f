"""clv.validation.tracking through the customer-data interface: hand counts, a log on disk equals
its DataFrame, dates and units come from analysis.window."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.clv import BetaGeo
from analysis.clv.validation import tracking
from analysis.customerdata import customer_data
from analysis.errors import ParameterError
from log_cases import CAL_END, OBS_END, edge_case_log, write_parquet_files

MODEL = BetaGeo.from_params({"r": 0.5, "alpha": 5.0, "a": 0.8, "b": 2.5})


def test_hand_counted_repeat_days():
    tx = pd.DataFrame({"customer_id": ["a", "a", "a", "b", "c"],
                       "date": pd.to_datetime(["2024-01-01", "2024-01-03", "2024-01-03", "2024-01-02",
                                               "2024-01-05"])})
    got = tracking(MODEL, tx, "2024-01-02", "2024-01-06", time_unit="D")
    assert got["actual"].tolist() == [0, 0, 1, 0, 0, 0]  # a's second day; c joined after calibration
    assert got["period_end"].iloc[-1] == pd.Timestamp("2024-01-06")
    assert got["holdout"].tolist() == [False, False, True, True, True, True]
    assert np.all(np.diff(got["expected_cumulative"]) >= 0)
    default = tracking(MODEL, tx, "2024-01-02", time_unit="D")  # default end: the last transaction (5 Jan)
    assert default["period_end"].iloc[-1] == pd.Timestamp("2024-01-05")


def test_a_log_on_disk_gives_the_frames_table(tmp_path):
    log = edge_case_log()
    write_parquet_files(log, tmp_path)
    disk = customer_data(str(tmp_path / "part-*.parquet"))
    for unit in ("D", "W"):
        pd.testing.assert_frame_equal(tracking(MODEL, log, CAL_END, OBS_END, time_unit=unit),
                                      tracking(MODEL, disk, CAL_END, OBS_END, time_unit=unit))
    summary = customer_data(log).customer_summary(OBS_END, "W", calibration_end=CAL_END)
    table = tracking(MODEL, log, CAL_END, OBS_END)
    assert table["actual"].sum() == summary["frequency"].sum() + summary["frequency_holdout"].sum()


def test_bad_settings_are_named():
    tx = pd.DataFrame({"customer_id": ["a"], "date": pd.to_datetime(["2024-01-01"])})
    with pytest.raises(ParameterError, match="time_unit must be one of 'D' \\(days\\), 'W' \\(weeks\\)"):
        tracking(MODEL, tx, "2024-01-01", time_unit="M")
    with pytest.raises(ParameterError, match="calibration_end must be a date"):
        tracking(MODEL, tx, "not a date")
    with pytest.raises(ParameterError, match="Nobody made a first purchase"):
        tracking(MODEL, tx, "2023-12-01", "2024-01-05")
