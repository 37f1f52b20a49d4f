"""drivers.ipa and drivers.gaps: quadrant names agree with the expectation gaps the page shows.

Issue 13, case 10: on service_demo the importance-performance map called assurance, empathy
and tangibles "possible overkill" while the SERVQUAL table showed all three significantly below
expectation. The gap verdict is checked against SciPy's paired t-test (an independent
implementation): "below" exactly when the two-sided test rejects at alpha and the mean gap is
negative.
"""

from __future__ import annotations

import warnings

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from scipy import stats

from analysis.drivers import (
    driver_table,
    gap_verdicts,
    importance_performance,
    ipa_from_survey,
    servqual_gaps,
    servqual_pairs,
    survey_drivers,
)
from analysis.errors import ParameterError
from analysis.plots.drivers import plot_ipa


def _survey(n=400, seed=3):
    """Two attributes rated high but below a higher expectation, one above, one on par."""
    rng = np.random.default_rng(seed)
    out = {}
    for name, perc, exp in (("decor", 6.0, 6.6), ("staff", 5.8, 6.2), ("speed", 3.5, 3.0), ("price", 4.0, 4.0)):
        base = rng.normal(size=n)
        out[f"perc_{name}_1"] = np.clip(np.rint(perc + base + rng.normal(scale=0.5, size=n)), 1, 7)
        out[f"exp_{name}_1"] = np.clip(np.rint(exp + base + rng.normal(scale=0.5, size=n)), 1, 7)
    df = pd.DataFrame(out)
    df["overall"] = (0.1 * df["perc_decor_1"] + 0.1 * df["perc_staff_1"] + 0.6 * df["perc_speed_1"]
                     + 0.4 * df["perc_price_1"] + rng.normal(size=n))
    return df


def test_gap_verdicts_agree_with_scipy_paired_t_test():
    df = _survey()
    gaps = servqual_gaps(df, servqual_pairs(df.columns), alpha=0.05)
    verdict = gap_verdicts(gaps)
    for i, row in gaps.iterrows():
        item = row["name"] if row["level"] == "item" else row["name"] + "_1"  # one item per dimension
        t = stats.ttest_rel(df[f"perc_{item}"], df[f"exp_{item}"])
        expected = "met" if t.pvalue >= 0.05 else ("below" if t.statistic < 0 else "above")
        assert verdict[i] == expected, item


def test_an_attribute_below_expectation_is_never_overkill_or_good_work():
    df = _survey()
    constructs, drivers = survey_drivers(df, item_pattern=r"^perc_(?P<construct>.+)_\d+$")
    data = driver_table(df, constructs, drivers, ["overall"])
    gaps = servqual_gaps(df, servqual_pairs(df.columns)).query("level == 'dimension'").set_index("name")
    plain = ipa_from_survey(data, "overall", drivers, scale=(1, 7))
    assert plain.loc["decor", "quadrant"] == "possible_overkill"  # high mean rating, the old verdict
    ipa = ipa_from_survey(data, "overall", drivers, scale=(1, 7), expectation_gaps=gaps)
    assert (gap_verdicts(gaps.loc[ipa.index]) == ipa["verdict"]).all()
    below = ipa["verdict"] == "below"
    assert set(ipa.index[below]) == {"decor", "staff"}
    assert not ipa.loc[below, "quadrant"].isin(["possible_overkill", "keep_up_the_good_work"]).any()
    assert ipa.loc["speed", "verdict"] == "above" and ipa.loc["speed", "quadrant"] == "keep_up_the_good_work"
    np.testing.assert_allclose(ipa.loc[gaps.index, "gap"], gaps["estimate"])
    assert ipa.attrs["performance_basis"] == "expectation" and plain.attrs["performance_basis"] == "cut"
    pd.testing.assert_series_equal(ipa["priority"], plain.loc[ipa.index, "priority"])  # the ranking is unchanged
    with pytest.raises(ParameterError, match="no expectation gap for attribute"):
        importance_performance(pd.Series({"a": 0.5, "b": 0.5}), pd.Series({"a": 3.0, "b": 5.0}),
                               expectation_gaps=gaps)


def test_service_demo_quadrants_agree_with_its_servqual_table():
    """The issue's own case: assurance, empathy and tangibles are significantly below expectation."""
    from analysis.study import load_study

    survey = load_study("service_demo").load_tables()["survey"]
    constructs, drivers = survey_drivers(survey, item_pattern=r"^perc_(?P<construct>.+)_\d+$")
    data = driver_table(survey, constructs, drivers, ["overall_satisfaction"])
    gaps = servqual_gaps(survey, servqual_pairs(survey.columns), scale=(1, 7))
    dims = gaps.query("level == 'dimension'").set_index("name")
    assert set(dims.index[gap_verdicts(dims) == "below"]) >= {"assurance", "empathy", "tangibles"}
    ipa = ipa_from_survey(data, "overall_satisfaction", drivers, scale=(1, 7), expectation_gaps=dims)
    assert not ipa["quadrant"].isin(["possible_overkill", "keep_up_the_good_work"]).any()
    assert ipa.loc[["assurance", "empathy", "tangibles"], "quadrant"].eq("low_priority").all()


def _texts(fig):
    return {t.get_text() for t in fig.axes[0].texts}


def test_the_map_names_its_quadrants_and_shows_the_whole_scale():
    t = importance_performance(pd.Series({"a": 0.6, "b": 0.4}), pd.Series({"a": 4.6, "b": 5.1}), scale=(1, 7))
    fig = plot_ipa(t, labels=lambda name: name.upper())
    names = {"Concentrate here", "Keep up the good work", "Low priority", "Possible overkill"}
    assert names <= _texts(fig) and {"A", "B"} <= _texts(fig)
    assert fig.axes[0].get_xlim() == (1.0, 7.0)
    assert fig.axes[0].get_legend() is None
    gaps = pd.DataFrame({"estimate": [-0.5, 0.2], "ci_low": [-0.7, 0.1], "ci_high": [-0.3, 0.3]}, index=["a", "b"])
    fig = plot_ipa(importance_performance(t["importance"], t["performance"], scale=(1, 7), expectation_gaps=gaps))
    low, high = fig.axes[0].get_xlim()
    assert low < -0.7 and high > 0.3 and names <= _texts(fig)  # 0, the cut line, is on the map
    assert "expectation met" in fig.axes[0].get_xlabel()
    plt.close("all")


def test_no_library_warning_leaks_from_the_map():
    t = importance_performance(pd.Series({"a": 0.6, "b": 0.4}), pd.Series({"a": 4.6, "b": 5.1}), scale=(1, 7))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        plot_ipa(t)
    plt.close("all")
