"""Rates of analysis.channels.rates against independent references.

References: statsmodels and scipy called directly, hand formulas written in a
different algebraic form and Newcombe's (1998) published example.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats
from statsmodels.stats.proportion import (
    confint_proportions_2indep,
    proportion_confint,
    proportions_ztest,
)

from analysis.channels import (
    compare_rates,
    cohens_h,
    cramers_v,
    newcombe_interval,
    ratio_interval,
    wilson_interval,
)
from analysis.errors import AnalysisWarning, DataValidationError, ParameterError


def _rates_frame(counts: dict) -> pd.DataFrame:
    parts = [pd.DataFrame({"channel": g, "y": [1] * x + [0] * (n - x)}) for g, (x, n) in counts.items()]
    return pd.concat(parts, ignore_index=True)


@pytest.mark.parametrize("n", [1, 7, 50, 1000])
def test_wilson_matches_statsmodels_and_hand_formula(n):
    x = np.arange(n + 1)
    low, high = wilson_interval(x, n, 0.05)
    sm_low, sm_high = proportion_confint(x, n, alpha=0.05, method="wilson")
    np.testing.assert_allclose(low, sm_low, atol=1e-12)
    np.testing.assert_allclose(high, sm_high, atol=1e-12)
    # Wilson (1927) in count form: (x + z^2/2 +- z sqrt(x(n-x)/n + z^2/4)) / (n + z^2)
    z = stats.norm.ppf(0.975)
    root = z * np.sqrt(x * (n - x) / n + z**2 / 4)
    np.testing.assert_allclose(low, (x + z**2 / 2 - root) / (n + z**2), atol=1e-12)
    np.testing.assert_allclose(high, (x + z**2 / 2 + root) / (n + z**2), atol=1e-12)


def test_newcombe_published_example_and_statsmodels():
    # Newcombe (1998, Stat Med 17:873) example (a): 56/70 vs 48/80, method 10: 0.0524 to 0.3339
    low, high = newcombe_interval(56, 70, 48, 80)
    assert (round(low, 4), round(high, 4)) == (0.0524, 0.3339)
    for x1, n1, x2, n2 in [(0, 10, 0, 20), (10, 10, 0, 20), (5, 1000, 9, 1000), (3, 7, 6, 9)]:
        ref = confint_proportions_2indep(x1, n1, x2, n2, method="newcomb")
        np.testing.assert_allclose(newcombe_interval(x1, n1, x2, n2), ref, atol=1e-12)


def test_ratio_interval_matches_statsmodels_log_method():
    for x1, n1, x2, n2 in [(20, 100, 10, 100), (5, 1000, 9, 1000), (30, 40, 12, 70)]:
        ratio, low, high = ratio_interval(x1, n1, x2, n2)
        ref = confint_proportions_2indep(x1, n1, x2, n2, compare="ratio", method="log")
        np.testing.assert_allclose([low, high], ref, rtol=1e-12)
        assert ratio == pytest.approx((x1 / n1) / (x2 / n2))


def test_effect_sizes_by_hand():
    # Cohen's h = phi1 - phi2 with phi = 2 asin(sqrt p) (Cohen 1988, ch. 6)
    assert cohens_h(0.5, 0.3) == pytest.approx(2 * math.asin(math.sqrt(0.5)) - 2 * math.asin(math.sqrt(0.3)))
    # For a 2x2 table Cramer's V equals |phi| = |ad - bc| / sqrt(row and column totals)
    a, b, c, d = 10, 20, 25, 5
    phi = abs(a * d - b * c) / math.sqrt((a + b) * (c + d) * (a + c) * (b + d))
    assert cramers_v([[a, b], [c, d]]) == pytest.approx(phi, rel=1e-12)


def test_compare_rates_against_scipy_statsmodels_and_holm_by_hand():
    counts = {"app": (30, 200), "store": (45, 210), "web": (70, 240)}
    res = compare_rates(_rates_frame(counts), "channel", "y")
    g = res.groups
    assert list(g.index) == ["app", "store", "web"]
    assert {"n", "rate", "ci_low", "ci_high"} <= set(g.columns)
    assert g.loc["web", "rate"] == pytest.approx(70 / 240)
    table = np.array([[x, n - x] for x, n in counts.values()])
    chi2, p, dof, _ = stats.chi2_contingency(table, correction=False)
    assert res.omnibus.loc[0, "statistic"] == pytest.approx(chi2, rel=1e-12)
    assert res.omnibus.loc[0, "p_value"] == pytest.approx(p, rel=1e-10)
    assert res.omnibus.loc[0, "df"] == dof == 2
    assert res.omnibus.loc[0, "cramers_v"] == pytest.approx(math.sqrt(chi2 / table.sum()), rel=1e-12)
    raw = []
    for _, row in res.pairwise.iterrows():
        (x1, n1), (x2, n2) = counts[row.group_a], counts[row.group_b]
        z, pz = proportions_ztest([x1, x2], [n1, n2])
        assert row.statistic == pytest.approx(z, rel=1e-10)
        assert row.p_value == pytest.approx(pz, rel=1e-10)
        raw.append(pz)
    # Holm step-down by hand: sort, multiply by (m - rank), running maximum, cap at 1
    order = np.argsort(raw)
    adj = np.empty(3)
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (3 - rank) * raw[i]))
        adj[i] = running
    np.testing.assert_allclose(res.pairwise["p_adjusted"], adj, rtol=1e-12)


def test_reference_pairs_and_all_converting_channel():
    df = _rates_frame({"control": (0, 30), "email": (30, 30), "sms": (12, 30)})
    res = compare_rates(df, "channel", "y", reference="control")
    assert res.pairwise["group_b"].eq("control").all() and len(res.pairwise) == 2
    assert res.groups.loc["email", "ci_high"] == 1.0 and res.groups.loc["control", "ci_low"] == 0.0
    row = res.pairwise.set_index("group_a").loc["email"]
    assert row["estimate"] == 1.0 and np.isnan(row["ratio"]) and np.isnan(row["ratio_ci_low"])
    ref = confint_proportions_2indep(30, 30, 0, 30, method="newcomb")
    np.testing.assert_allclose([row["ci_low"], row["ci_high"]], ref, atol=1e-12)


def test_rate_input_errors():
    df = _rates_frame({"a": (3, 10), "b": (5, 10)})
    with pytest.raises(DataValidationError, match="only 0/1"):
        compare_rates(df.assign(y=df["y"] * 2), "channel", "y")
    with pytest.raises(DataValidationError, match="at least two"):
        compare_rates(df.assign(channel="a"), "channel", "y")
    one = pd.concat([df, pd.DataFrame({"channel": ["c"], "y": [1]})], ignore_index=True)
    with pytest.raises(DataValidationError, match="'c' has 1"):
        compare_rates(one, "channel", "y")
    with pytest.raises(DataValidationError, match="lacks column"):
        compare_rates(df, "chanel", "y")
    with pytest.raises(ParameterError, match="correction"):
        compare_rates(df, "channel", "y", correction="tukey")
    with pytest.warns(AnalysisWarning, match="undefined"):
        res = compare_rates(df.assign(y=1), "channel", "y")
    assert np.isnan(res.omnibus.loc[0, "p_value"])
    with pytest.warns(AnalysisWarning, match="left out"):
        compare_rates(df.assign(y=df["y"].where(df.index != 0)), "channel", "y")




def test_result_shape_summary_omnibus_and_pairwise_columns():
    from analysis.results import ESTIMATE_COLUMNS

    counts = {"app": (30, 200), "store": (45, 210), "web": (70, 240)}
    res = compare_rates(_rates_frame(counts), "channel", "y")
    assert res.summary() is res.groups
    assert isinstance(res.omnibus, pd.DataFrame) and len(res.omnibus) == 1
    assert list(res.omnibus.columns) == ["test", "statistic", "df", "p_value", "cramers_v", "n", "min_expected",
                                         "continuity_correction"]  # issue 13 case 24 adds the last
    assert list(res.pairwise.columns[:5]) == list(ESTIMATE_COLUMNS)
    assert repr(res).startswith("RateComparison\n") and "web" in repr(res)
    for _, row in res.pairwise.iterrows():
        (x1, n1), (x2, n2) = counts[row.group_a], counts[row.group_b]
        p1, p2 = x1 / n1, x2 / n2
        assert row.estimate == pytest.approx(p1 - p2, rel=1e-12)
        # unpooled standard error of the difference, as statsmodels' Wald interval uses it
        low, high = confint_proportions_2indep(x1, n1, x2, n2, method="wald", compare="diff")
        assert row.std_error == pytest.approx((high - low) / (2 * stats.norm.ppf(0.975)), rel=1e-9)


def test_parameter_messages_have_one_form():
    df = _rates_frame({"a": (3, 10), "b": (5, 10)})
    with pytest.raises(ParameterError, match=r"The 'alpha' parameter of compare_rates must be a number in the "
                                             r"range \(0, 0.5\)\. Got 0.5 instead\."):
        compare_rates(df, "channel", "y", alpha=0.5)
    with pytest.raises(ParameterError, match=r"The 'correction' parameter of compare_rates must be one of"):
        compare_rates(df, "channel", "y", correction="sidak")
    with pytest.raises(ParameterError, match=r"The 'alpha' parameter of wilson_interval"):
        wilson_interval(3, 10, alpha=True)


def test_rows_in_messages_are_numbered_from_1_whatever_the_index():
    """Issue 14: compare_rates numbered rows from 0 (the index labels) unlike every other message."""
    df = pd.DataFrame({"channel": ["web", "web", "shop", "shop", None], "bought": [1, 2, 0, np.nan, 1]},
                      index=[0, 1, 2, 3, 4])
    with pytest.warns(AnalysisWarning, match=r"2 row\(s\) with a missing 'channel' or 'bought' were left out "
                                             r"\(rows 4, 5\)"):
        with pytest.raises(DataValidationError, match=r"1 row\(s\) hold other values \(row 2: 2\.0\)"):
            compare_rates(df, "channel", "bought")
    shifted = df.iloc[:3].set_axis([100, 101, 102]).assign(bought=["1", "yes?", 0])
    with pytest.raises(DataValidationError, match=r"must hold numbers; 1 row\(s\) do not \(row 2: 'yes\?'\)"):
        compare_rates(shifted, "channel", "bought")


def test_numeric_groups_are_named_plainly_in_messages():
    """Issue 14: groups coded as numbers were listed as [np.int64(1), ...]."""
    df = pd.DataFrame({"channel": [1, 1, 2, 2, 3, 3], "bought": [1, 0, 1, 0, 1, 0]})
    with pytest.raises(DataValidationError, match=r"groups are \[1, 2, 3\]"):
        compare_rates(df, "channel", "bought", reference=9)
    with pytest.raises(DataValidationError, match=r"too small: 3 has 1"):
        compare_rates(df.iloc[:5], "channel", "bought")
    with pytest.raises(ParameterError, match=r"leaves out group\(s\) \[3\]"):
        compare_rates(df, "channel", "bought", order=[1, 2])


def test_zero_event_group_has_exact_bounds_and_plots():
    # issue 13 case 16: the Wilson lower bound of 0 events (here of 36, 7 or 9 rows) was 2.8e-17,
    # above the rate 0, and plot_rates refused the negative whisker
    import matplotlib
    matplotlib.use("Agg")
    from analysis.plots.channels import plot_rates

    low, high = wilson_interval(np.array([0, 0, 7, 36]), np.array([36, 7, 36, 36]))
    assert low[0] == 0.0 and low[1] == 0.0 and high[3] == 1.0
    # the other bound and the interior are the closed form: 0 events -> z^2 / (n + z^2)
    z = stats.norm.isf(0.025)
    assert high[0] == pytest.approx(z**2 / (36 + z**2), rel=1e-12)
    assert low[2] == pytest.approx(proportion_confint(7, 36, method="wilson")[0], rel=1e-12)
    df = pd.DataFrame({"ch": ["a"] * 36 + ["b"] * 40, "y": [0] * 36 + [1] * 9 + [0] * 31})
    with pytest.warns(AnalysisWarning):
        res = compare_rates(df, "ch", "y")
    assert res.groups.loc["a", "ci_low"] == 0.0
    assert len(plot_rates(res).axes) == 1


def test_yates_correction_matches_r_chisq_test():
    # R: chisq.test() on mosaic's TeachingRatings gender x tenure table [[50, 145], [52, 216]]
    # printed "Pearson's Chi-squared test with Yates' continuity correction,
    # X-squared = 2.2068, df = 1, p-value = 0.1374" (tolerance: R's printed digits)
    df = pd.DataFrame({"gender": ["female"] * 195 + ["male"] * 268,
                       "tenure": [0] * 50 + [1] * 145 + [0] * 52 + [1] * 216})
    yates = compare_rates(df, "gender", "tenure", continuity_correction=True).omnibus.iloc[0]
    assert yates["statistic"] == pytest.approx(2.2068, abs=5e-5)
    assert yates["p_value"] == pytest.approx(0.1374, abs=5e-5)
    assert bool(yates["continuity_correction"])
    plain = compare_rates(df, "gender", "tenure").omnibus.iloc[0]  # default: no correction, as before
    assert not plain["continuity_correction"] and plain["statistic"] > yates["statistic"]
    assert plain["statistic"] == pytest.approx(stats.chi2_contingency([[50, 145], [52, 216]], correction=False)[0])
    # larger tables are never corrected (as in R)
    three = pd.concat([df, pd.DataFrame({"gender": ["other"] * 10, "tenure": [0, 1] * 5})])
    assert not compare_rates(three, "gender", "tenure", continuity_correction=True).omnibus.loc[0,
                                                                                             "continuity_correction"]


def test_a_yes_no_outcome_is_pointed_to_binary_columns():
    """Issue 12: a yes/no outcome ('y' = yes/no, as in the UCI bank data) failed with 'must hold numbers' and no
    hint that the table option binary_columns reads such words."""
    df = pd.DataFrame({"channel": ["cellular", "telephone"] * 3, "y": ["yes", "no", "no", "no", "yes", "no"]})
    with pytest.raises(DataValidationError, match=r"must hold numbers.*\(row 1: 'yes'.*binary_columns: \[y\]"):
        compare_rates(df, "channel", "y")
