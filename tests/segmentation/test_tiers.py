"""Concentration, Gini, ABC tiers, lifecycle stages and one-to-one classes.

References: the mean-difference Gini formula as a double loop; the curve and the
tiers from a plain Python loop over sorted values; the Ultsch-Lötsch limits
worked by hand on ten values; lifecycle and one-to-one rules checked on hand-made
customers. Tolerance 1e-12 for floating sums of at most a few hundred terms.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.errors import DataValidationError, ParameterError
from analysis.segmentation import (
    abc_limits,
    concentration,
    lifecycle_stages,
    one_to_one_classes,
    stage_by_segment,
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


def test_lifecycle_rules_at_their_boundaries():
    t = pd.DataFrame({
        "recency_days": [366, 365, 181, 180, 30, 30, 30, 30],
        "frequency":    [9,   9,   9,   9,   1,  1,  4,  3],
        "tenure_days":  [900, 900, 900, 900, 90, 91, 400, 400],
    })
    assert lifecycle_stages(t)["stage"].tolist() == [
        "lost", "at_risk", "at_risk", "loyal", "new", "active", "loyal", "active"]
    custom = lifecycle_stages(t, {"lost_days": 200, "loyal_purchases": 3})["stage"].tolist()
    assert custom[1] == "lost" and custom[7] == "loyal"
    with pytest.raises(ParameterError, match="new_days <= at_risk_days < lost_days"):
        lifecycle_stages(t, {"at_risk_days": 400})
    with pytest.raises(ParameterError, match="Unknown lifecycle rule"):
        lifecycle_stages(t, {"lapsed_days": 10})
    stages = lifecycle_stages(t)
    cross = stage_by_segment(stages["stage"], pd.Series(list("xxyyxxyy")))
    assert cross.loc["Total", "Total"] == 8
    assert cross.loc["at_risk", "x"] == 1 and cross.loc["at_risk", "y"] == 1


def test_one_to_one_classes_and_notes():
    idx = pd.Index([f"c{i}" for i in range(10)], name="customer_id")
    t = pd.DataFrame({"monetary": [100.0, 90, 80, 70, 60, 50, 40, 30, 20, 10]}, index=idx)
    cust = pd.DataFrame({"customer_id": list(idx),
                         "potential_value": [100.0, 300, 80, 75, 500, 55, 40, 35, 20, np.nan],
                         "cost_to_serve": [10.0, 95, 0, 0, 0, 0, 45, 0, 0, 11]})
    r = one_to_one_classes(t, cust, top_share=0.2)
    assert r.table.index[r.table["most_valuable"].to_numpy(dtype=bool)].tolist() == ["c0", "c1"]
    # gaps: c4 440, c1 210 largest
    assert r.table.index[r.table["most_growable"].fillna(False).to_numpy(dtype=bool)].tolist() == ["c1", "c4"]
    assert r.table["most_growable"].isna().tolist() == [False] * 9 + [True]
    assert r.table.index[r.table["below_zero"].to_numpy(dtype=bool)].tolist() == ["c1", "c6", "c9"]
    assert r.notes == {}
    # margin rate 0.5: c0 margin 50 > 10; c3 margin 35 > 0; c9 margin 5 < 11
    half = one_to_one_classes(t, cust, top_share=0.2, margin_rate=0.5)
    assert half.table.loc["c9", "below_zero"] and not half.table.loc["c0", "below_zero"]
    per_order = one_to_one_classes(t.assign(frequency=[1] * 9 + [2]), cust.assign(cost_to_serve=[6.0] * 10),
                                   cost_unit="order", margin_rate=0.5)
    # margins 50 .. 5; cost 6 per order, c9 has two orders: 5 - 12 < 0, c8: 10 - 6 > 0
    assert per_order.table["below_zero"].tolist() == [False] * 9 + [True]
    bare = one_to_one_classes(t, None)
    assert set(bare.notes) == {"most_growable", "below_zero"}
    assert "'potential_value'" in bare.notes["most_growable"]
    assert "'cost_to_serve'" in bare.notes["below_zero"]
    assert bare.table["below_zero"].isna().all()
    assert bare.counts().to_dict() == {"most_valuable": 1}
