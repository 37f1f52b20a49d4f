"""The eight RFM value classes (重要价值客户 ... 一般挽留客户) against a brute-force comparison.

References: each customer's class recomputed by a plain Python loop from the
definition (R high = fewer days since the last purchase than the reference; F, M
high = above it; equal = low), with the reference computed by the standard
library's ``statistics.median`` / ``statistics.fmean``; on generated data and on
the CDNOW log read straight from its text file (not through the package's reader),
whose class counts must equal a direct pandas count.
"""

from __future__ import annotations

import statistics
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.errors import DataValidationError, ParameterError
from analysis.segmentation import (
    VALUE_CLASSES,
    rfm,
    rfm_value_classes,
    value_class_references,
    value_class_summary,
)

ROOT = Path(__file__).resolve().parents[2]
NAMES_ZH = {"important_value": "重要价值客户", "important_development": "重要发展客户",
            "important_retention": "重要保持客户", "important_win_back": "重要挽留客户",
            "general_value": "一般价值客户", "general_development": "一般发展客户",
            "general_retention": "一般保持客户", "general_win_back": "一般挽留客户"}
#: (R high, F high, M high) -> class, as COURSE.md lists the courses' eight classes
COURSE = {(True, True, True): "important_value", (True, False, True): "important_development",
          (False, True, True): "important_retention", (False, False, True): "important_win_back",
          (True, True, False): "general_value", (True, False, False): "general_development",
          (False, True, False): "general_retention", (False, False, False): "general_win_back"}


def _generated(n=500, seed=7):
    rng = np.random.default_rng(seed)
    return pd.DataFrame({"recency_days": rng.integers(0, 365, n), "frequency": rng.geometric(0.4, n),
                         "monetary": rng.gamma(2.0, 40.0, n).round(2)},
                        index=pd.Index([f"c{i}" for i in range(n)], name="customer_id"))


def _brute_force(table, reference):
    stat = statistics.median if reference == "median" else statistics.fmean
    r_ref, f_ref, m_ref = (stat([float(v) for v in table[c]]) for c in ("recency_days", "frequency", "monetary"))
    out = {}
    for cid, row in table.iterrows():
        key = (float(row["recency_days"]) < r_ref, float(row["frequency"]) > f_ref, float(row["monetary"]) > m_ref)
        out[cid] = COURSE[key]
    return out, (r_ref, f_ref, m_ref)


@pytest.mark.parametrize("reference", ["median", "mean"])
def test_classes_equal_a_brute_force_comparison_on_generated_data(reference):
    table = _generated()
    expected, refs = _brute_force(table, reference)
    got = rfm_value_classes(table, reference, language="en")
    assert got.index.equals(table.index)
    assert got["value_class"].astype(str).to_dict() == expected
    assert value_class_references(table, reference).tolist() == pytest.approx(list(refs))
    summary = value_class_summary(got, reference, language="en")
    counts = Counter(expected.values())
    assert summary["customers"].to_dict() == {c: counts.get(c, 0) for c in VALUE_CLASSES}
    revenue = {c: sum(table.loc[i, "monetary"] for i, k in expected.items() if k == c) for c in VALUE_CLASSES}
    assert summary["revenue"].to_numpy() == pytest.approx([revenue[c] for c in VALUE_CLASSES])
    assert summary["customer_share"].sum() == pytest.approx(1.0)
    assert summary["revenue_share"].sum() == pytest.approx(1.0)
    assert (summary["reference"] == reference).all()
    assert summary[["reference_recency_days", "reference_frequency", "reference_monetary"]].iloc[0].tolist() == \
        pytest.approx(list(refs))
    for c in VALUE_CLASSES:
        members = [i for i, k in expected.items() if k == c]
        if members:
            assert summary.loc[c, "mean_frequency"] == pytest.approx(table.loc[members, "frequency"].mean())
        else:
            assert np.isnan(summary.loc[c, "mean_frequency"]) and summary.loc[c, "customers"] == 0


def test_median_and_mean_differ_on_skewed_data_and_every_class_can_occur():
    table = _generated(2000, seed=3)
    median = rfm_value_classes(table, "median")["value_class"]
    mean = rfm_value_classes(table, "mean")["value_class"]
    assert set(median.astype(str)) == set(VALUE_CLASSES)  # all eight classes with enough customers
    # skewed spend: the mean lies above the median, so fewer customers are "M high" against the mean
    assert table["monetary"].mean() > table["monetary"].median()
    assert (mean.astype(str).str.startswith("important")).sum() < (median.astype(str).str.startswith("important")).sum()


def test_a_value_equal_to_the_reference_is_low():
    # medians: recency 20, frequency 2, monetary 50; customer "b" sits on all three
    t = pd.DataFrame({"recency_days": [10, 20, 30], "frequency": [3, 2, 1], "monetary": [80.0, 50.0, 10.0]},
                     index=["a", "b", "c"])
    got = rfm_value_classes(t)
    assert got.loc["b", ["r_high", "f_high", "m_high"]].tolist() == [False, False, False]
    assert got["value_class"].astype(str).tolist() == ["important_value", "general_win_back", "general_win_back"]
    # most customers bought once: the median frequency is 1, so F high = bought more than once
    once = pd.DataFrame({"recency_days": [1, 2, 3, 4], "frequency": [1, 1, 1, 5], "monetary": [1.0, 2.0, 3.0, 4.0]})
    assert rfm_value_classes(once)["f_high"].tolist() == [False, False, False, True]


def test_names_come_from_the_catalog_in_each_language():
    t = _generated(200)
    zh = rfm_value_classes(t, language="zh")
    en = rfm_value_classes(t, language="en")
    assert (zh["value_class_name"] == zh["value_class"].astype(str).map(NAMES_ZH)).all()
    assert en.loc[en["value_class"] == "important_win_back", "value_class_name"].eq("Important win-back customers").all()
    summary = value_class_summary(en, language="zh")
    assert summary["value_class_name"].tolist() == [NAMES_ZH[c] for c in VALUE_CLASSES]
    assert summary.loc["important_value", "strategy"].startswith("重点保持")


def test_errors_name_the_problem():
    t = _generated(20)
    with pytest.raises(ParameterError, match="reference"):
        rfm_value_classes(t, "mode")
    with pytest.raises(ParameterError, match="need amounts"):
        rfm_value_classes(t.drop(columns="monetary"))
    with pytest.raises(ParameterError, match="need amounts"):
        rfm_value_classes(t.assign(monetary=np.nan))
    with pytest.raises(DataValidationError, match="recency_days"):
        rfm_value_classes(t.drop(columns="recency_days"))
    with pytest.raises(DataValidationError, match="1 customer"):
        rfm_value_classes(t.assign(frequency=[np.nan] + [1] * 19))
    with pytest.raises(ParameterError, match="reference='mean'"):
        value_class_summary(rfm_value_classes(t, "median"), "mean")
    with pytest.raises(ParameterError, match="rfm_value_classes"):
        value_class_summary(t)


def test_cdnow_class_counts_equal_a_direct_count_on_the_raw_file():
    path = ROOT / "data" / "cdnow" / "CDNOW_master.txt"
    raw = pd.read_csv(path, sep=r"\s+", skiprows=1, header=None, names=["id", "date", "cds", "amount"],
                      dtype={"id": str})
    raw["date"] = pd.to_datetime(raw["date"].astype(str), format="%Y%m%d")
    end = pd.Timestamp("1998-06-30")
    g = raw.groupby("id")
    direct = pd.DataFrame({"recency_days": (end - g["date"].max()).dt.days, "frequency": g["date"].nunique(),
                           "monetary": g["amount"].sum()})
    assert len(direct) == 23570
    tx = pd.DataFrame({"customer_id": raw["id"], "date": raw["date"], "amount": raw["amount"]})
    table = rfm(tx, observation_end=end)
    for reference in ("median", "mean"):
        stat = direct.median() if reference == "median" else direct.mean()
        code = np.where(direct["monetary"] > stat["monetary"], "important", "general")
        rf = np.select([(direct["recency_days"] < stat["recency_days"]) & (direct["frequency"] > stat["frequency"]),
                        direct["recency_days"] < stat["recency_days"], direct["frequency"] > stat["frequency"]],
                       ["value", "development", "retention"], "win_back")
        expected = pd.Series([f"{a}_{b}" for a, b in zip(code, rf)]).value_counts()
        summary = value_class_summary(rfm_value_classes(table, reference), reference)
        assert summary["customers"].to_dict() == {c: int(expected.get(c, 0)) for c in VALUE_CLASSES}
        assert summary["revenue"].sum() == pytest.approx(raw["amount"].sum())
    # CDNOW: most customers bought on one day only, so against the median "F high" means a second purchase day
    assert direct["frequency"].median() == 1
