"""Concentration, Gini and ABC tiers.

References: the mean-difference Gini formula as a double loop; the curve and the
tiers from a plain Python loop over sorted values; the Ultsch-Lötsch limits
worked by hand on ten values. Tolerance 1e-12 for floating sums of at most a few hundred terms.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.errors import DataValidationError, ParameterError
from analysis.segmentation import (
    abc_limits,
    concentration,
    tier_summary,
    top_share_statement,
    value_tiers,
)


def _gini_direct(x) -> float:
    x = list(map(float, x))
    n, mean = len(x), sum(x) / len(x)
    return sum(abs(a - b) for a in x for b in x) / (2 * n * n * mean)


@pytest.mark.parametrize("draw", ["lognormal", "exponential", "ties", "uniform"])
def test_gini_equals_the_mean_difference_formula(draw):
    rng = np.random.default_rng(11)
    x = {"lognormal": rng.lognormal(3, 1.5, 150), "exponential": rng.exponential(5, 150),
         "ties": rng.choice([0.0, 10.0, 10.0, 50.0], 150), "uniform": rng.uniform(0, 1, 150)}[draw]
    assert concentration(x).gini == pytest.approx(_gini_direct(x), abs=1e-12)


def test_gini_limits():
    assert concentration([7.0] * 20).gini == pytest.approx(0.0, abs=1e-15)
    assert concentration([0.0] * 9 + [5.0]).gini == pytest.approx(0.9)  # (n - 1) / n


def test_curve_and_top_share_match_a_loop_over_sorted_values():
    x = np.random.default_rng(12).lognormal(2, 1, 80)
    conc = concentration(x)
    s = sorted(x, reverse=True)
    for i in range(81):
        assert conc.curve.loc[i, "share_customers"] == pytest.approx(i / 80)
        assert conc.curve.loc[i, "share_value"] == pytest.approx(sum(s[:i]) / sum(s), abs=1e-12)
    assert conc.top_share(0.2) == pytest.approx(sum(s[:16]) / sum(s), abs=1e-12)
    y = conc.top_share(0.2)
    assert conc.customers_for_share(y) == pytest.approx(0.2, abs=1e-9)
    assert top_share_statement(x, 0.2) == f"The top 20% of customers bring {y:.1%} of revenue."


def test_concentration_rejects_bad_values():
    with pytest.raises(DataValidationError, match="negative"):
        concentration([1.0, -2.0])
    with pytest.raises(DataValidationError, match="missing"):
        concentration([1.0, np.nan])
    with pytest.raises(DataValidationError, match="positive total"):
        concentration([0.0, 0.0])


def test_value_share_tiers_match_a_loop():
    rng = np.random.default_rng(13)
    v = pd.Series(rng.lognormal(3, 1.2, 200), index=[f"c{i:03d}" for i in range(200)])
    got = value_tiers(v, cutoffs=(0.7, 0.9))
    total, before, expected = v.sum(), 0.0, {}
    for cid, val in sorted(v.items(), key=lambda kv: (-kv[1], kv[0])):
        expected[cid] = "A" if before < 0.7 * total else ("B" if before < 0.9 * total else "C")
        before += val
    assert got["tier"].astype(str).to_dict() == expected
    a = got[got["tier"] == "A"]
    assert a["value"].sum() / total >= 0.7 > (a["value"].sum() - a["value"].iloc[-1]) / total


def test_customer_share_tiers_and_ties_are_deterministic():
    v = pd.Series([5.0] * 10, index=list("jihgfedcba"))
    got = value_tiers(v, method="customer_share", cutoffs=(0.2, 0.5))
    assert got["tier"].value_counts().sort_index().tolist() == [2, 3, 5]
    assert got.index[:2].tolist() == ["j", "i"]  # ties keep the input (index) order
    with pytest.raises(ParameterError, match="cut-off"):
        value_tiers(v, cutoffs=(0.5,))
    with pytest.raises(ParameterError, match="increase"):
        value_tiers(v, cutoffs=(0.9, 0.5))


def test_computed_abc_limits_worked_by_hand():
    # values (sorted) 100 50 10 5 5 4 3 2 1 1, total 181, mean 18.1
    # curve yields: .5525 .8287 .8840 .9116 ...; distance^2 to (0, 1):
    #   i=1: .01 + .2003 = .2103   i=2: .04 + .0293 = .0693   i=3: .09 + .0135 = .1035
    # -> Pareto point i=2. Slopes x/mean: 5.52 2.76 .55 .28 ... -> |slope-1| least at i=3.
    # A|B = earlier = i=2. B|C: nearest to (0.3, 1): i=2 .0393, i=3 .0135, i=4 .0178 -> i=3
    lim = abc_limits([1, 5, 100, 2, 4, 10, 3, 50, 1, 5])
    assert (lim["pareto_x"], lim["break_even_x"], lim["ab_x"], lim["bc_x"]) == pytest.approx(
        (0.2, 0.3, 0.2, 0.3))
    assert (lim["n_a"], lim["n_b"], lim["n_c"]) == (2, 1, 7)
    tiers = value_tiers(pd.Series([1, 5, 100, 2, 4, 10, 3, 50, 1, 5], dtype=float), method="computed")
    assert tiers["tier"].value_counts().sort_index().tolist() == [2, 1, 7]


def test_negative_values_rank_last_in_tiers():
    v = pd.Series([100.0, -20.0, 50.0, 1.0], index=list("abcd"))
    got = value_tiers(v)
    assert got.index.tolist() == ["a", "c", "d", "b"]
    assert got.loc["b", "tier"] == "C"


def test_concentration_result_summary_repr_and_unpacking():
    conc = concentration([1.0, 1.0, 2.0, 6.0])
    gini, curve = conc  # unpacks as before
    assert gini == conc.gini and curve is conc.curve
    s = conc.summary()
    assert s.columns.tolist() == ["gini", "customers", "top_20pct_share"] and len(s) == 1
    # top 20% of 4 customers: 0.8 of the first customer's 0.6 share (linear between curve points)
    assert s.loc[0, "top_20pct_share"] == pytest.approx(0.48) and s.loc[0, "customers"] == 4
    assert repr(conc).startswith("Concentration\n") and "gini" in repr(conc)


def test_tier_summary_counts_and_shares_by_hand():
    v = pd.Series([50.0, 30.0, 10.0, 6.0, 4.0], index=list("abcde"))
    got = tier_summary(value_tiers(v))
    assert got["customers"].tolist() == [2, 2, 1]
    assert got["value"].tolist() == [80.0, 16.0, 4.0] and got["min_value"].tolist() == [30.0, 6.0, 4.0]
    assert got["customer_share"].tolist() == pytest.approx([0.4, 0.4, 0.2])
    assert got["value_share"].tolist() == pytest.approx([0.8, 0.16, 0.04])


def test_share_parameters_have_one_message_form():
    conc = concentration([1.0, 2.0])
    with pytest.raises(ParameterError, match=r"^The 'top' parameter of Concentration.top_share must be a number "
                                             r"in the range \[0, 1\]\. Got 1.5 instead\.$"):
        conc.top_share(1.5)
    with pytest.raises(ParameterError, match=r"^The 'cutoffs' parameter of value_tiers must be a number in the "
                                             r"range \(0, 1\]\. Got 0 instead\.$"):
        value_tiers(pd.Series([1.0, 2.0]), cutoffs=(0, 0.5))
    with pytest.raises(ParameterError, match="The 'method' parameter of value_tiers must be one of"):
        value_tiers(pd.Series([1.0, 2.0]), method="pareto")
