"""Reliability, SERVQUAL gaps and importance-performance analysis.

References: Cronbach's formula written out by hand; R plspm's published Cronbach's
alpha for the ECSI bank survey blocks (plspm-python's test data
``satisfaction_unidim.csv``, produced by R plspm's ``unidim``); SciPy's paired
t-test; row duplication for weights; hand-placed quadrants.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from analysis.drivers import (
    construct_scores,
    cronbach_alpha,
    group_items,
    importance_performance,
    ipa_from_survey,
    item_analysis,
    performance_means,
    reliability,
    servqual_gaps,
    servqual_pairs,
)
from analysis.errors import AnalysisWarning, DataValidationError, ParameterError
from drivers_cases import read_result

# R plspm unidim(satisfaction blocks), column cronbach_alpha (plspm-python tests/data/
# satisfaction_unidim.csv). plspm computes alpha on standardized items.
PLSPM_ALPHA = {"imag": 0.830226690205339, "expe": 0.84658407892526, "qual": 0.871324954769643,
               "val": 0.835722840511797, "sat": 0.894010912676559, "loy": 0.819421641029961}


def hand_alpha(x: np.ndarray) -> float:
    k = x.shape[1]
    return k / (k - 1) * (1 - x.var(axis=0, ddof=1).sum() / x.sum(axis=1).var(ddof=1))


@pytest.fixture(scope="module")
def ecsi(shared_data):
    return pd.read_csv(shared_data / "ecsi_satisfaction" / "satisfaction.csv", index_col=0)


def test_alpha_matches_r_plspm_published_values(ecsi):
    blocks = group_items(ecsi.columns, r"^(?P<construct>[a-z]+)\d$")
    assert list(blocks) == list(PLSPM_ALPHA)
    for name, items in blocks.items():
        # same formula on the same 250 rows: agreement to rounding error
        assert cronbach_alpha(ecsi, items, standardized=True) == pytest.approx(PLSPM_ALPHA[name], abs=1e-12)
        assert cronbach_alpha(ecsi, items) == pytest.approx(hand_alpha(ecsi[items].to_numpy(float)), abs=1e-12)
    table = reliability(ecsi, blocks)
    assert table["reliable"].all()
    np.testing.assert_allclose(table["alpha_standardized"], list(PLSPM_ALPHA.values()), atol=1e-12)


def test_item_analysis_against_hand_formulas(ecsi):
    items = ["loy1", "loy2", "loy3", "loy4"]
    table = item_analysis(ecsi, items)
    x = ecsi[items].to_numpy(float)
    for j, item in enumerate(items):
        rest = np.delete(x, j, axis=1)
        assert table.loc[item, "alpha_if_dropped"] == pytest.approx(hand_alpha(rest), abs=1e-12)
        assert table.loc[item, "item_total_corr"] == pytest.approx(
            np.corrcoef(x[:, j], rest.sum(axis=1))[0, 1], abs=1e-12)
    assert table.attrs["alpha"] == pytest.approx(hand_alpha(x), abs=1e-12)


def test_unreliable_construct_is_flagged():
    rng = np.random.default_rng(0)
    df = pd.DataFrame(rng.integers(1, 8, size=(200, 3)), columns=["a", "b", "c"])  # unrelated items
    with pytest.warns(AnalysisWarning, match="unreliable construct.*noise"):
        out = reliability(df, {"noise": ["a", "b", "c"]})
    assert not out.loc["noise", "reliable"]


def test_weighted_alpha_equals_duplicated_rows(ecsi):
    w = np.random.default_rng(1).integers(1, 4, size=len(ecsi))
    items = ["sat1", "sat2", "sat3", "sat4"]
    assert cronbach_alpha(ecsi.assign(w=w), items, weight="w") == pytest.approx(
        hand_alpha(ecsi.loc[ecsi.index.repeat(w), items].to_numpy(float)), abs=1e-12)


def test_construct_scores_and_scale_check():
    df = pd.DataFrame({"a1": [1, 2, np.nan, np.nan], "a2": [3, 4, 5, np.nan], "a3": [2, 3, 5, 4]})
    s = construct_scores(df, {"a": ["a1", "a2", "a3"]}, min_answered=0.6)
    assert s["a"].tolist()[:3] == [2.0, 3.0, 5.0] and np.isnan(s["a"].iloc[3])
    with pytest.raises(DataValidationError, match=r"'a2'.*outside the declared scale 1-4.*row 3: 5"):
        item_analysis(df.fillna(1), ["a1", "a2", "a3"], scale=(1, 4))
    with pytest.raises(ParameterError, match="at least 2 items"):
        cronbach_alpha(df, ["a1"])


def test_gaps_match_scipy_paired_t_test():
    rng = np.random.default_rng(2)
    n = 150
    df = pd.DataFrame({f"perc_rel_{k}": rng.integers(2, 7, n) for k in (1, 2)}
                      | {f"exp_rel_{k}": rng.integers(4, 8, n) for k in (1, 2)}
                      | {"perc_emp_1": rng.integers(3, 8, n), "exp_emp_1": rng.integers(3, 8, n)})
    df.loc[[4, 9], "exp_rel_2"] = np.nan
    out = servqual_gaps(df, servqual_pairs(df.columns), alpha=0.1).set_index("name")
    d = (df["perc_rel_2"] - df["exp_rel_2"]).dropna()
    ref = stats.ttest_rel(df["perc_rel_2"], df["exp_rel_2"], nan_policy="omit")
    assert out.loc["rel_2", "estimate"] == pytest.approx(d.mean())
    assert out.loc["rel_2", "t"] == pytest.approx(ref.statistic)
    assert out.loc["rel_2", "p_value"] == pytest.approx(ref.pvalue)
    assert out.loc["rel_2", "n"] == n - 2
    lo, hi = ref.confidence_interval(0.9)
    assert (out.loc["rel_2", "ci_low"], out.loc["rel_2", "ci_high"]) == pytest.approx((lo, hi))
    # dimension: per-respondent mean of the available item gaps, then the paired test
    dim = pd.concat([df["perc_rel_1"] - df["exp_rel_1"], df["perc_rel_2"] - df["exp_rel_2"]], axis=1).mean(axis=1)
    assert out.loc["rel", "estimate"] == pytest.approx(dim.mean())
    assert out.loc["rel", "t"] == pytest.approx(stats.ttest_1samp(dim, 0).statistic)


def test_weighted_gaps_equal_duplicated_rows_for_the_mean():
    rng = np.random.default_rng(3)
    df = pd.DataFrame({"perc_a_1": rng.integers(1, 8, 80), "exp_a_1": rng.integers(1, 8, 80)})
    w = rng.integers(1, 4, 80)
    a = servqual_gaps(df.assign(w=w), servqual_pairs(df.columns), weight="w")
    b = servqual_gaps(df.loc[df.index.repeat(w)], servqual_pairs(df.columns))
    assert a.loc[0, "estimate"] == pytest.approx(b.loc[0, "estimate"])
    # constant weights change nothing, the linearization SE included (it reduces to s/sqrt(n))
    c = servqual_gaps(df.assign(w=2.5), servqual_pairs(df.columns), weight="w")
    u = servqual_gaps(df, servqual_pairs(df.columns))
    pd.testing.assert_frame_equal(c, u)


def test_servqual_pairs_requires_matches():
    with pytest.raises(DataValidationError, match="matching expectation"):
        servqual_pairs(["perc_a_1", "exp_b_1"])


def test_quadrants_and_priority_by_hand():
    imp = pd.DataFrame({"share": [0.4, 0.3, 0.2, 0.1]}, index=["w", "x", "y", "z"])
    perf = pd.Series({"w": 6.0, "x": 3.0, "y": 2.0, "z": 6.5})
    out = importance_performance(imp, perf, scale=(1, 7))
    assert out["quadrant"].tolist() == ["keep_up_the_good_work", "concentrate_here", "low_priority",
                                        "possible_overkill"]
    expected = np.array([0.4 * 1, 0.3 * 4, 0.2 * 5, 0.1 * 0.5]) / 6
    np.testing.assert_allclose(out["priority"], expected)
    assert out["priority_rank"].tolist() == [3, 1, 2, 4]
    fixed = importance_performance(imp, perf, importance_cut=0.35, performance_cut=4.0, scale=(1, 7))
    assert fixed.loc["x", "quadrant"] == "low_priority"
    with pytest.raises(ParameterError, match="no performance"):
        importance_performance(imp, perf.drop("z"))


def test_ipa_from_survey_is_seeded_and_ranks_the_weak_important_attribute_first():
    rng = np.random.default_rng(4)
    n = 500
    strong_weak = np.clip(np.rint(rng.normal(3.0, 1.0, n)), 1, 7)  # important, poor
    strong_good = np.clip(np.rint(rng.normal(6.0, 0.8, n)), 1, 7)  # important, good
    minor = np.clip(np.rint(rng.normal(4.0, 1.0, n)), 1, 7)
    df = pd.DataFrame({"wait": strong_weak, "staff": strong_good, "decor": minor})
    df["overall"] = 0.6 * df["wait"] + 0.6 * df["staff"] + 0.1 * df["decor"] + rng.normal(size=n)
    a = ipa_from_survey(df, "overall", ["wait", "staff", "decor"], scale=(1, 7), n_boot=200, seed=5)
    b = ipa_from_survey(df, "overall", ["wait", "staff", "decor"], scale=(1, 7), n_boot=200, seed=5)
    pd.testing.assert_frame_equal(a, b)
    assert a.index[0] == "wait" and a.loc["wait", "quadrant"] == "concentrate_here"
    assert a.loc["wait", "prob_top_priority"] > 0.95
    assert (a["priority_low"] <= a["priority"]).all() and (a["priority"] <= a["priority_high"]).all()
    perf = performance_means(df, ["wait"])
    assert perf.loc["wait", "performance"] == pytest.approx(df["wait"].mean())
    ref = stats.t.interval(0.95, n - 1, loc=df["wait"].mean(), scale=stats.sem(df["wait"]))
    assert (perf.loc["wait", "performance_low"], perf.loc["wait", "performance_high"]) == pytest.approx(ref)


def test_default_seed_alpha_and_the_estimate_columns_of_gaps_and_ipa():
    rng = np.random.default_rng(8)
    n = 300
    df = pd.DataFrame({c: np.clip(np.rint(rng.normal(4, 1, n)), 1, 7) for c in ["a", "b", "c"]})
    df["y"] = df @ [0.5, 0.3, 0.1] + rng.normal(size=n)
    first = ipa_from_survey(df, "y", ["a", "b", "c"], scale=(1, 7), n_boot=60)
    again = ipa_from_survey(df, "y", ["a", "b", "c"], scale=(1, 7), n_boot=60)
    pd.testing.assert_frame_equal(first, again)
    with pytest.raises(ParameterError, match=r"The 'seed' parameter of ipa_from_survey must be an int"):
        ipa_from_survey(df, "y", ["a", "b", "c"], n_boot=60, seed=None)
    pairs = {"a": ("a", "b")}
    gaps = servqual_gaps(df, pairs)
    assert list(gaps.columns) == ["level", "name", "dimension", "estimate", "std_error", "ci_low", "ci_high",
                                  "p_value", "perception", "expectation", "t", "n"]
    narrow = servqual_gaps(df, pairs, alpha=0.2)
    assert (narrow["ci_high"] - narrow["ci_low"] < gaps["ci_high"] - gaps["ci_low"]).all()
    with pytest.raises(ParameterError, match=r"The 'alpha' parameter of servqual_gaps"):
        servqual_gaps(df, pairs, alpha=0.95)
    with pytest.raises(ParameterError, match=r"The 'alpha' parameter of performance_means"):
        performance_means(df, ["a"], alpha=1.5)


def test_pairwise_alpha_is_raw_alpha_from_pairwise_covariances_as_pingouin_and_psych():
    """Issue 13, case 12: missing='pairwise' returned the standardized alpha (0.732165).

    Reference: pingouin's published values on its cronbach_wide_missing data, checked by pingouin
    against R psych::alpha (use="pairwise" / "complete.obs"). Tolerance 1e-9: the same formula
    (k/(k-1) (1 - trace(C)/sum(C)) on pairwise covariances), so only float rounding differs.
    """
    data = read_result("pingouin_cronbach_wide_missing.csv")
    items = list(data.columns)
    assert cronbach_alpha(data, items, missing="pairwise") == pytest.approx(0.732660835214447, abs=1e-9)
    with pytest.warns(AnalysisWarning, match="3 of 12 respondents"):
        assert cronbach_alpha(data, items) == pytest.approx(0.8016949152542373, abs=1e-9)
    standardized = cronbach_alpha(data, items, missing="pairwise", standardized=True)
    assert standardized == pytest.approx(0.732165261912011, abs=1e-9)  # the old, standardized answer
    complete = data.dropna()
    for std in (False, True):  # on complete data the two policies are the same computation
        assert cronbach_alpha(complete, items, missing="pairwise", standardized=std) == pytest.approx(
            cronbach_alpha(complete, items, standardized=std), abs=1e-12)
    table = item_analysis(data, items, missing="pairwise")
    assert table.attrs["alpha"] == pytest.approx(0.732660835214447, abs=1e-9)
    assert table.attrs["alpha_standardized"] == pytest.approx(standardized, abs=1e-12)
    cov = data.drop(columns="Q1").cov()  # alpha if Q1 is dropped, from pandas' pairwise covariances
    k = cov.shape[0]
    assert table.loc["Q1", "alpha_if_dropped"] == pytest.approx(k / (k - 1) * (1 - np.trace(cov) / cov.values.sum()),
                                                                abs=1e-9)
