"""Continuous comparisons of analysis.channels.continuous against independent references.

References: statsmodels and scipy called directly, the R package
userfriendlyscience / JASP Games-Howell figures on the hair-colour pain data
(as recorded in pingouin's tests), and R dunn.test figures on seaborn's
"exercise" data (as recorded in scikit-posthocs' tests).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats
from statsmodels.stats.multicomp import pairwise_tukeyhsd
from statsmodels.stats.oneway import anova_oneway

from analysis.channels import (
    compare_means,
    compare_spend,
    dunn_test,
    eta_omega_squared,
    games_howell,
    hedges_g,
    welch_anova,
)
from analysis.errors import DataValidationError, ParameterError

HAIR = {  # McClave & Dietrich pain threshold by hair colour (pingouin's "anova" data set)
    "Dark Blond": [63, 57, 52, 41, 43],
    "Dark Brunette": [32, 39, 51, 30, 35],
    "Light Blond": [62, 60, 71, 55, 48],
    "Light Brunette": [42, 50, 41, 37],
}
# seaborn-data exercise.csv, pulse by kind (30 rows each, file order)
PULSE = {
    "rest": [85, 85, 88, 90, 92, 93, 97, 97, 94, 80, 82, 83, 91, 92, 91, 83, 83, 84, 87, 88, 90, 92,
             94, 95, 97, 99, 96, 100, 97, 100],
    "walking": [86, 86, 84, 93, 103, 104, 90, 92, 93, 95, 96, 100, 89, 96, 95, 84, 86, 89, 103, 109,
                90, 92, 96, 101, 97, 98, 100, 102, 104, 103],
    "running": [93, 98, 110, 98, 104, 112, 98, 105, 99, 87, 132, 120, 94, 110, 116, 95, 126, 143, 100,
                126, 140, 103, 124, 140, 94, 135, 130, 99, 111, 150],
}


def _frame(groups: dict, name="y") -> pd.DataFrame:
    return pd.DataFrame({"g": np.repeat(list(groups), [len(v) for v in groups.values()]),
                         name: np.concatenate([np.asarray(v, float) for v in groups.values()])})

def test_games_howell_matches_published_r_and_jasp():
    samples = [np.array(v, float) for v in HAIR.values()]
    gh = games_howell(samples, list(HAIR))
    # userfriendlyscience (R): |t| and df to 2 decimals; JASP p-values to 4 decimals
    assert np.abs(gh["statistic"]).round(2).tolist() == [2.47, 1.42, 1.75, 4.09, 1.11, 3.56]
    assert gh["df"].round(2).tolist() == [7.91, 7.94, 6.56, 8.0, 6.82, 6.77]
    np.testing.assert_allclose(gh["p_adjusted"], [0.1401, 0.5228, 0.3715, 0.0148, 0.6980, 0.0378], atol=6e-5)


def test_tukey_matches_statsmodels_with_opposite_sign():
    df = _frame(HAIR)
    res = compare_means(df, "g", "y", method="anova")
    ref = pairwise_tukeyhsd(df["y"], df["g"])
    # statsmodels reports group2 - group1; we report group_a - group_b
    np.testing.assert_allclose(res.pairwise["estimate"], -ref.meandiffs, atol=1e-10)
    np.testing.assert_allclose(res.pairwise["p_adjusted"], ref.pvalues, atol=1e-6)
    np.testing.assert_allclose(res.pairwise["ci_low"], -ref.confint[:, 1], atol=1e-6)
    # pingouin's published p-tukey for these data
    np.testing.assert_allclose(res.pairwise["p_adjusted"].round(3), [0.074, 0.435, 0.415, 0.004, 0.789, 0.037], atol=1e-3)


def test_welch_anova_and_effect_sizes_against_statsmodels():
    samples = [np.array(v, float) for v in HAIR.values()]
    ref = anova_oneway(samples, use_var="unequal")
    ours = welch_anova(samples)
    assert ours.loc[0, "statistic"] == pytest.approx(ref.statistic, rel=1e-10)
    assert ours.loc[0, "df2"] == pytest.approx(ref.df[1], rel=1e-10)
    assert ours.loc[0, "p_value"] == pytest.approx(ref.pvalue, rel=1e-8)
    eta2, omega2 = eta_omega_squared(samples)
    import statsmodels.formula.api as smf

    fit = smf.ols("y ~ C(g)", data=_frame(HAIR)).fit()
    assert eta2 == pytest.approx(fit.rsquared, rel=1e-10)  # one-way eta^2 is the R^2 of the factor model
    f, k, n = stats.f_oneway(*samples).statistic, 4, 19
    assert omega2 == pytest.approx((k - 1) * (f - 1) / ((k - 1) * (f - 1) + n), rel=1e-10)


def test_dunn_matches_r_dunn_test():
    samples = [np.array(PULSE[k], float) for k in ("rest", "walking", "running")]
    d = dunn_test(samples, ["rest", "walking", "running"], correction="holm")
    # scikit-posthocs test values from R (dunn.test, Holm): rest-walking, rest-running, walking-running
    np.testing.assert_allclose(d["p_adjusted"], [4.390066e-02, 9.570998e-09, 1.873208e-04], rtol=1e-5)


def test_hedges_g_against_approximate_correction():
    rng = np.random.default_rng(3)
    x, y = rng.normal(1, 2, 12), rng.normal(0, 2, 15)
    m = x.size + y.size - 2
    sp = math.sqrt(((x.size - 1) * x.var(ddof=1) + (y.size - 1) * y.var(ddof=1)) / m)
    approx = (1 - 3 / (4 * m - 1)) * (x.mean() - y.mean()) / sp  # Hedges & Olkin approximation
    assert hedges_g(x, y) == pytest.approx(approx, rel=2e-4)  # approximation error ~ 1/m^2


def test_test_choice_rules():
    rng = np.random.default_rng(11)
    equal = pd.DataFrame({"g": np.repeat(list("abc"), 60), "y": rng.normal(10, 2, 180) + np.repeat([0, 0.5, 1], 60)})
    assert compare_means(equal, "g", "y").test == "One-way ANOVA"
    unequal = equal.assign(y=equal["y"] * np.repeat([1, 1, 4], 60))
    res = compare_means(unequal, "g", "y")
    assert (res.test, res.posthoc) == ("Welch ANOVA", "Games-Howell") and "variances differ" in res.reason
    skewed = pd.DataFrame({"g": np.repeat(list("abc"), 40), "y": rng.lognormal(0, 1.5, 120)})
    res = compare_means(skewed, "g", "y")
    assert (res.test, res.posthoc) == ("Kruskal-Wallis", "Dunn") and "Cochran" in res.reason
    kruskal = stats.kruskal(*[skewed.y[skewed.g == k] for k in "abc"])
    assert res.omnibus.loc[0, "statistic"] == pytest.approx(kruskal.statistic)
    with pytest.raises(ParameterError):
        compare_means(equal, "g", "y", method="t-test")


def test_compare_spend_split_and_errors():
    rng = np.random.default_rng(5)
    n = 600
    g = np.repeat(["a", "b"], n // 2)
    buy = rng.random(n) < np.where(g == "a", 0.1, 0.2)
    spend = np.where(buy, rng.gamma(4, 10, n), 0.0)
    s = compare_spend(pd.DataFrame({"g": g, "spend": spend}), "g", "spend")
    sm = s.summary()
    np.testing.assert_allclose(sm["buyer_share"] * sm["spend_per_buyer"], sm["spend_per_customer"], rtol=1e-12)
    assert s.buyers.groups.loc["b", "rate"] == pytest.approx(buy[g == "b"].mean())
    with pytest.raises(DataValidationError, match="negative"):
        compare_spend(pd.DataFrame({"g": g, "spend": spend - 1}), "g", "spend")


def test_result_shapes_and_unadjusted_pair_p_values():
    from analysis.results import ESTIMATE_COLUMNS

    df = _frame(HAIR)
    for method in ("anova", "welch", "kruskal"):
        res = compare_means(df, "g", "y", method=method)
        assert res.summary() is res.groups
        assert isinstance(res.omnibus, pd.DataFrame) and len(res.omnibus) == 1
        assert list(res.omnibus.columns) == ["test", "statistic", "df1", "df2", "p_value", "eta_squared",
                                             "omega_squared"]
        assert list(res.pairwise.columns[:5]) == list(ESTIMATE_COLUMNS), method
        assert repr(res).startswith("MeanComparison\n")
        assert list(res.assumptions.columns) == ["levene_statistic", "levene_p", "variance_ratio", "max_abs_skewness",
                                                 "skewed_groups"] and len(res.assumptions) == 1
        assert res.assumptions.loc[0, "levene_p"] == pytest.approx(
            stats.levene(*HAIR.values(), center="median").pvalue, rel=1e-12)
    # Games-Howell: the unadjusted p-value is Welch's t-test of the pair (scipy)
    gh = compare_means(df, "g", "y", method="welch").pairwise
    for _, row in gh.iterrows():
        ref = stats.ttest_ind(HAIR[row.group_a], HAIR[row.group_b], equal_var=False)
        assert row.p_value == pytest.approx(ref.pvalue, rel=1e-9)
        assert row.estimate / row.std_error == pytest.approx(ref.statistic, rel=1e-9)
    # Tukey: the unadjusted p-value is the t-test with the pooled (all-group) variance
    tk = compare_means(df, "g", "y", method="anova").pairwise
    resid = np.concatenate([np.asarray(v, float) - np.mean(v) for v in HAIR.values()])
    dof = len(resid) - len(HAIR)
    for _, row in tk.iterrows():
        se = np.sqrt((resid**2).sum() / dof * (1 / len(HAIR[row.group_a]) + 1 / len(HAIR[row.group_b])))
        assert row.std_error == pytest.approx(se, rel=1e-12)
        assert row.p_value == pytest.approx(2 * stats.t.sf(abs(row.estimate) / se, dof), rel=1e-9)
    # Dunn: a rank test, no standard error or interval of the mean difference
    dunn = compare_means(df, "g", "y", method="kruskal").pairwise
    assert dunn[["std_error", "ci_low", "ci_high"]].isna().all().all()
    spend = compare_spend(pd.DataFrame({"g": ["a"] * 6 + ["b"] * 6, "s": [0, 0, 1, 2, 3, 4, 0, 5, 6, 7, 8, 9]}),
                          "g", "s")
    assert spend.summary() is spend.split and repr(spend).startswith("SpendComparison\n")
    assert list(welch_anova(list(HAIR.values())).columns) == ["statistic", "df1", "df2", "p_value"]


def test_negative_spend_rows_are_numbered_from_1():
    df = pd.DataFrame({"channel": ["web", "web", "shop", "shop"], "spend": [1.0, -2.5, 0.0, 1.0]},
                      index=[10, 11, 12, 13])
    with pytest.raises(DataValidationError, match=r"1 negative value\(s\) \(row 2: -2\.5\)"):
        compare_spend(df, "channel", "spend")


def test_hedges_g_offers_pingouins_approximate_correction():
    # issue 13 case 24: pingouin (convert_effsize: d * (1 - 3 / (4 * (nx + ny) - 9))) and R's
    # effsize (J = 1 - 3 / (4 df - 1)) use the approximation; "exact" stays the default
    x, y = np.array([2.0, 4.0, 7.0, 3.0, 5.0]), np.array([1.0, 2.0, 2.5, 0.5])
    d = (x.mean() - y.mean()) / math.sqrt(((4 * x.var(ddof=1)) + 3 * y.var(ddof=1)) / 7)
    assert hedges_g(x, y, correction="approximate") == pytest.approx(d * (1 - 3 / (4 * 9 - 9)), rel=1e-12)
    # exact J at m = 2 is G(1) / G(1/2) = 1 / sqrt(pi) (closed form)
    a, b = np.array([0.0, 2.0]), np.array([1.0, 5.0])
    d2 = (a.mean() - b.mean()) / math.sqrt((a.var(ddof=1) + b.var(ddof=1)) / 2)
    assert hedges_g(a, b) == pytest.approx(d2 / math.sqrt(math.pi), rel=1e-12)
    assert hedges_g(a, b) == hedges_g(a, b, correction="exact")
    df = pd.DataFrame({"g": ["p"] * 5 + ["q"] * 4, "v": np.r_[x, y]})
    res = compare_means(df, "g", "v", hedges_correction="approximate")
    assert res.hedges_correction == "approximate"
    assert res.pairwise["hedges_g"].iloc[0] == pytest.approx(d * (1 - 3 / 27), rel=1e-12)
    assert compare_means(df, "g", "v").hedges_correction == "exact"
    with pytest.raises(Exception, match="correction"):
        hedges_g(x, y, correction="hedges")
