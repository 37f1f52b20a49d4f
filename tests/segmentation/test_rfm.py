"""RFM values, scores and segments against independent computations.

References: a direct per-customer loop over a hand-made log (values); a
hand-written type-7 quantile and the definition "1 + number of cut points below
the value" (quantile rule); ``pandas.qcut`` where it can run; R's ``rfm``
package rule worked by hand on small tied data (comments show the arithmetic).
All comparisons are exact (integers) or to 1e-9 (sums of floats).
"""

from __future__ import annotations

import itertools
import warnings

import numpy as np
import pandas as pd
import pytest

from analysis.errors import AnalysisWarning, DataValidationError, ParameterError
from analysis.segmentation import (
    assign_segments,
    default_segment_rules,
    r_package_segment_rules,
    rfm,
    rfm_heatmap_table,
    rfm_values,
    score_values,
    segment_summary,
)


def _log(seed: int = 0, n_customers: int = 60, n_rows: int = 500) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    ids = rng.integers(0, n_customers, n_rows)
    days = rng.integers(0, 120, n_rows)
    return pd.DataFrame({
        "customer_id": pd.array([f"c{i:03d}" for i in ids], dtype="string"),
        "date": pd.Timestamp("2024-01-01") + pd.to_timedelta(days, unit="D")
        + pd.to_timedelta(rng.integers(0, 86400, n_rows), unit="s"),
        "amount": rng.gamma(2.0, 20.0, n_rows).round(2),
    })


def _type7(x: list[float], p: float) -> float:
    """R's default quantile, written out: h = (n-1)p, interpolate between order statistics."""
    s = sorted(x)
    h = (len(s) - 1) * p
    lo = int(h // 1)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (h - lo) * (s[hi] - s[lo])


def test_values_match_a_direct_loop_over_the_log():
    tx = _log()
    observation_end = pd.Timestamp("2024-03-15")
    got = rfm_values(tx, observation_end)
    expected = {}
    for row in tx.itertuples(index=False):
        if row.date.normalize() > observation_end:
            continue  # purchases after observation_end are ignored
        e = expected.setdefault(row.customer_id, {"days": set(), "amount": 0.0})
        e["days"].add(row.date.normalize())
        e["amount"] += row.amount
    assert sorted(expected) == got.index.tolist()
    for cid, e in expected.items():
        assert got.loc[cid, "frequency"] == len(e["days"])
        assert got.loc[cid, "monetary"] == pytest.approx(e["amount"], abs=1e-9)
        assert got.loc[cid, "recency_days"] == (observation_end - max(e["days"])).days
        assert got.loc[cid, "tenure_days"] == (observation_end - min(e["days"])).days
    rows = rfm_values(tx, observation_end, frequency="transactions")["frequency"]
    direct = tx[tx["date"].dt.normalize() <= observation_end].groupby("customer_id").size()
    assert rows.to_dict() == direct.to_dict()


def test_quantile_rule_equals_qcut_on_untied_data():
    x = np.random.default_rng(1).lognormal(3, 1, 537)
    for bins in (3, 5, 10):
        expected = pd.qcut(x, bins, labels=False) + 1
        assert (score_values(x, bins) == expected).all()


def test_quantile_rule_on_ties_follows_its_definition_where_qcut_refuses():
    rng = np.random.default_rng(2)
    x = rng.choice([1, 1, 1, 1, 1, 2, 2, 3, 4, 9], size=300).astype(float)  # heavy ties
    with pytest.raises(ValueError, match="Bin edges must be unique"):
        pd.qcut(x, 5, labels=False)
    edges = [_type7(list(x), k / 5) for k in range(1, 5)]
    expected = [1 + sum(e < v for e in edges) for v in x]
    got = score_values(x, 5)
    assert got.tolist() == expected
    for v in np.unique(x):  # equal values never split
        assert len(set(got[x == v])) == 1


def test_r_rule_reproduced_by_hand_on_tied_frequencies():
    # n = 10 sorted frequencies; type-7 quantiles at 0.2..0.8 (h = 9p):
    #   p=.2: h=1.8 -> 1 + .8*(1-1) = 1      p=.4: h=3.6 -> 1 + .6*(2-1) = 1.6
    #   p=.6: h=5.4 -> 2 + .4*(3-2) = 2.4    p=.8: h=7.2 -> 5 + .2*(8-5) = 5.6
    # R adds 1: breaks 2, 2.6, 3.4, 6.6; bins [1,2) [2,2.6) [2.6,3.4) [3.4,6.6) [6.6,14)
    f = [1, 1, 1, 1, 2, 2, 3, 5, 8, 13]
    assert score_values(f, 5, method="rfm_r").tolist() == [1, 1, 1, 1, 2, 2, 3, 4, 5, 5]
    # quantile rule: 1 + number of cut points (1, 1.6, 2.4, 5.6) strictly below
    assert score_values(f, 5).tolist() == [1, 1, 1, 1, 3, 3, 4, 4, 5, 5]


def test_r_rule_reproduced_by_hand_on_tied_recency():
    # quantiles 4, 5, 18, 36 -> R breaks 5, 6, 19, 37; interval i gets score 6 - i:
    # [0,5)->5 [5,6)->4 [6,19)->3 [19,37)->2 [37,91)->1
    rec = [0, 0, 5, 5, 5, 10, 30, 30, 60, 90]
    assert score_values(rec, 5, method="rfm_r", higher_is_better=False).tolist() == [
        5, 5, 4, 4, 4, 3, 2, 2, 1, 1]


def test_r_rule_on_continuous_values_shifts_cut_points_by_one_unit():
    # untied money amounts: R's +1 moves a value just above a quantile down a score
    m = [10.0, 20.0, 30.0, 40.0, 50.0, 60.0]  # quantile at .5 is 35; R break 36
    assert score_values(m, 2, method="rfm_r").tolist() == [1, 1, 1, 2, 2, 2]
    # with 31 in 4th place the median is 30 + .5 * (31 - 30) = 30.5, R's break 31.5:
    # 31 lies above the median (quantile rule: score 2) but below R's break (score 1)
    assert score_values([10.0, 20.0, 30.0, 31.0, 50.0, 60.0], 2, method="rfm_r").tolist() == [
        1, 1, 1, 1, 2, 2]
    assert score_values([10.0, 20.0, 30.0, 31.0, 50.0, 60.0], 2).tolist() == [1, 1, 1, 2, 2, 2]


def test_rank_first_gives_equal_groups_and_breaks_ties_by_customer_order():
    x = np.array([5, 5, 5, 5, 1, 1, 9, 9, 9, 9], dtype=float)
    got = score_values(x, 5, method="rank_first")
    assert np.bincount(got)[1:].tolist() == [2, 2, 2, 2, 2]
    order = sorted(range(len(x)), key=lambda i: (x[i], i))  # brute force: value, then position
    assert [got[i] for i in order] == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]


def test_rfm_scores_segments_and_determinism():
    tx = _log(3, n_customers=200, n_rows=1500)
    a = rfm(tx, "2024-04-30")
    b = rfm(tx.sample(frac=1.0, random_state=7), "2024-04-30")  # row order must not matter
    pd.testing.assert_frame_equal(a, b)
    assert a[["r_score", "f_score", "m_score"]].isin(range(1, 6)).all().all()
    assert (a["r_score"] == score_values(a["recency_days"], 5, higher_is_better=False)).all()
    assert (a["rfm_cell"] == a["r_score"].astype(str) + a["f_score"].astype(str)
            + a["m_score"].astype(str)).all()
    # most recent customer has the best recency score
    assert a.loc[a["recency_days"].idxmin(), "r_score"] == 5


def test_default_rules_cover_every_score_cell_first_match_wins():
    cells = pd.DataFrame(list(itertools.product(range(1, 6), repeat=3)),
                         columns=["r_score", "f_score", "m_score"])
    seg = assign_segments(cells)
    assert "Other" not in set(seg)
    rules = default_segment_rules()
    for row, name in zip(cells.itertuples(index=False), seg):  # brute force first match
        first = next(r.segment for r in rules.itertuples(index=False)
                     if r.r_min <= row.r_score <= r.r_max and r.f_min <= row.f_score <= r.f_max)
        assert name == first
    assert seg[(cells.r_score == 5) & (cells.f_score == 5)].eq("Champions").all()
    assert seg[(cells.r_score == 1) & (cells.f_score == 1)].eq("Lost").all()


def test_custom_rules_r_package_rules_and_rescaling():
    cells = pd.DataFrame({"r_score": [5, 1, 3, 5], "f_score": [5, 1, 3, 5], "m_score": [5, 1, 1, 1]})
    custom = [{"segment": "Top", "r_min": 4, "r_max": 5, "f_min": 4, "f_max": 5}]
    assert assign_segments(cells, custom).tolist() == ["Top", "Other", "Other", "Top"]
    r_seg = assign_segments(cells, r_package_segment_rules())
    # R's documented table, checked row by row: (3,3,1) first fits "About To Sleep"
    # (r 2-3, f 1-3, m 1-4); (5,5,1) fits no row (Champions needs m = 5, every other
    # row with r = 5 needs f <= 3 or m >= 2) -> the package's "Others"
    assert r_seg.tolist() == ["Champions", "Lost", "About To Sleep", "Other"]
    three = pd.DataFrame({"r_score": [3, 2, 1], "f_score": [3, 2, 1], "m_score": [1, 1, 1]})
    # bins=3 maps 1,2,3 -> 1,3,5 on the default 1-5 map
    assert assign_segments(three, bins=3).tolist() == ["Champions", "Need attention", "Lost"]
    with pytest.raises(ParameterError, match="r_min..r_max"):
        assign_segments(cells, [{"segment": "x", "r_min": 4, "r_max": 2, "f_min": 1, "f_max": 5}])
    with pytest.raises(ParameterError, match="lacks column"):
        assign_segments(cells, [{"segment": "x", "r_min": 1}])


def test_segment_summary_matches_groupby_and_shares_add_up():
    table = rfm(_log(4, 150, 900), "2024-04-30")
    s = segment_summary(table)
    assert s["customers"].sum() == len(table)
    assert s["customer_share"].sum() == pytest.approx(1.0)
    assert s["revenue_share"].sum() == pytest.approx(1.0)
    for name, grp in table.groupby("segment", observed=True):
        assert s.loc[name, "revenue"] == pytest.approx(grp["monetary"].sum())
        assert s.loc[name, "mean_recency_days"] == pytest.approx(grp["recency_days"].mean())
        assert s.loc[name, "revenue_per_purchase"] == pytest.approx(
            grp["monetary"].sum() / grp["frequency"].sum())
    heat = rfm_heatmap_table(table)
    r, f = table["r_score"].iloc[0], table["f_score"].iloc[0]
    cell = table[(table.r_score == r) & (table.f_score == f)]["monetary"].mean()
    assert heat.loc[r, f] == pytest.approx(cell)


def test_bad_inputs_give_clear_errors_or_documented_behaviour():
    tx = _log(5, 20, 100)
    nan = tx.copy()
    nan.loc[7, "amount"] = np.nan
    with pytest.raises(DataValidationError, match=r"'amount'.*rows? 8"):
        rfm(nan, "2024-04-30")
    with pytest.raises(ParameterError, match="No purchase falls on or before"):
        rfm(tx, "2023-01-01")
    one = tx[tx["customer_id"] == tx["customer_id"].iloc[0]]
    with pytest.raises(ParameterError, match="at least two customers"):
        rfm(one, "2024-04-30")
    counts = rfm(tx.drop(columns="amount"), "2024-04-30")  # issue 12: a count-only log scores R and F only
    assert "m_score" not in counts.columns and "monetary" not in counts.columns
    assert (counts["r_score"] == rfm(tx, "2024-04-30")["r_score"]).all()
    with pytest.raises(DataValidationError, match="lacks column"):
        rfm(tx.drop(columns="date"), "2024-04-30")
    with pytest.raises(ParameterError, match="'bins' parameter"):
        rfm(tx, "2024-04-30", bins=1)
    same = pd.DataFrame({"customer_id": ["a", "b", "c"], "date": pd.to_datetime(["2024-01-01"] * 3),
                         "amount": [5.0] * 3})
    with pytest.warns(AnalysisWarning, match="same recency"):
        out = rfm(same, "2024-01-10")
    assert set(out["r_score"]) == set(out["f_score"]) == set(out["m_score"]) == {3}


def test_r_rule_versus_quantile_rule_and_plain_qcut_on_counts():
    rng = np.random.default_rng(6)
    untied = rng.permutation(1000).astype(float) * 1000  # gaps far above R's +1 shift
    assert (score_values(untied, 5) == score_values(untied, 5, method="rfm_r")).all()
    # whole-number counts whose cut points are whole numbers: "x >= q + 1" and "x > q"
    # are the same test, so the quantile rule and R's rule agree exactly ...
    tied = rng.geometric(0.5, 1000).astype(float)
    edges = np.quantile(tied, [0.2, 0.4, 0.6, 0.8])
    assert (edges == np.round(edges)).all()
    assert (score_values(tied, 5) == score_values(tied, 5, method="rfm_r")).all()
    # ... while plain qcut (repeated edges dropped, bins renumbered) disagrees with R
    # for every customer above the lowest count: about half of them here
    qcut = pd.qcut(tied, 5, labels=False, duplicates="drop") + 1
    differ = float((qcut != score_values(tied, 5, method="rfm_r")).mean())
    assert differ == pytest.approx(float((tied > 1).mean()))
    assert differ > 0.25
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        score_values(tied, 5, method="rank_first")


def test_negative_amounts_are_refused_with_their_rows():
    """Issue 14: rfm scored a refund (-20) as a customer's monetary value without a word."""
    tx = pd.DataFrame({"customer_id": ["a", "b", "c", "d"],
                       "date": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-03-01", "2024-03-02"]),
                       "amount": [5.0, -20.0, 3.0, 4.0]})
    with pytest.raises(DataValidationError, match=r"1 negative amount\(s\): row 2 \(-20\).*drop_invalid_amounts"):
        rfm(tx, bins=2)
    assert rfm(tx[tx["amount"] >= 0], bins=2)["monetary"].min() == 3.0
