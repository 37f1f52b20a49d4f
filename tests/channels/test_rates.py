"""Rates and continuous comparisons of analysis.channels against independent references.

References: statsmodels and scipy called directly, hand formulas written in a
different algebraic form, Newcombe's (1998) published example, the R package
userfriendlyscience / JASP Games-Howell figures on the hair-colour pain data
(as recorded in pingouin's tests), and R dunn.test figures on seaborn's
"exercise" data (as recorded in scikit-posthocs' tests).
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest
from scipy import stats
from statsmodels.stats.multicomp import pairwise_tukeyhsd
from statsmodels.stats.oneway import anova_oneway
from statsmodels.stats.proportion import (
    confint_proportions_2indep,
    proportion_confint,
    proportions_ztest,
)

from analysis.channels import (
    compare_means,
    compare_rates,
    compare_spend,
    cohens_h,
    cramers_v,
    dunn_test,
    eta_omega_squared,
    games_howell,
    hedges_g,
    newcombe_interval,
    ratio_interval,
    welch_anova,
    wilson_interval,
)
from analysis.errors import AnalysisWarning, DataValidationError, ParameterError

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


def _rates_frame(counts: dict) -> pd.DataFrame:
    parts = [pd.DataFrame({"channel": g, "y": [1] * x + [0] * (n - x)}) for g, (x, n) in counts.items()]
    return pd.concat(parts, ignore_index=True)


# ----------------------------------------------------------------------- rates
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


# ------------------------------------------------------------------ continuous
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
    assert res.omnibus.loc[0, "statistic"] == pytest.approx(stats.kruskal(*[skewed.y[skewed.g == k] for k in "abc"]).statistic)
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


# ----------------------------------------------------------------------- power
def test_power_against_statsmodels():
    from statsmodels.stats.power import NormalIndPower, TTestIndPower
    from statsmodels.stats.proportion import proportion_effectsize

    from analysis.channels import mde_means, mde_rates, sample_size_rates

    power = NormalIndPower()
    for p0, n1, n0 in [(0.10, 2000, 2000), (0.01, 20000, 10000), (0.4, 150, 300)]:
        mde = mde_rates(p0, n1, n0)
        # at the MDE statsmodels' power is 0.8 (its two-sided power adds the far tail, < 1e-6 here)
        h = proportion_effectsize(p0 + mde, p0)
        assert power.power(h, nobs1=n1, alpha=0.05, ratio=n0 / n1) == pytest.approx(0.8, abs=1e-5)
    n1, n0 = sample_size_rates(0.12, 0.10, ratio=2.0)
    ref = power.solve_power(proportion_effectsize(0.12, 0.10), alpha=0.05, power=0.8, ratio=2.0)
    assert n1 == math.ceil(ref) or n1 == math.ceil(ref) - 1  # same up to the far-tail term
    # means: large samples, the z-based MDE matches the t-test power solution closely
    d = TTestIndPower().solve_power(nobs1=5000, alpha=0.05, power=0.8, ratio=1.0)
    assert mde_means(1.0, 5000, 5000) == pytest.approx(d, rel=1e-3)
    with pytest.raises(ParameterError):
        mde_rates(0.1, 100, 100, power=1.2)
