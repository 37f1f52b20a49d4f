"""Findings of a segmentation: every number a sentence cites recomputed by hand.

References: small hand-made tables whose shares, counts and rule disagreements
are worked out in the comments; the scoring-rule disagreement against a direct
comparison of the two scorings.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.errors import ParameterError
from analysis.segmentation import (
    abc_limits,
    bullet_list,
    channel_sentence,
    concentration,
    one_to_one_classes,
    one_to_one_findings,
    rules_differ_sentence,
    score_rule_differences,
    score_values,
    segmentation_findings,
    tier_findings,
    tier_summary,
    value_tiers,
)


def test_tier_findings_cite_the_tier_table_and_the_computed_limits():
    v = pd.Series([100.0, 50, 10, 5, 5, 4, 3, 2, 1, 1], index=[f"c{i}" for i in range(10)])
    lines = tier_findings(concentration(v), abc_limits(v), tier_summary(value_tiers(v)), top=0.2)
    # top 2 of 10 bring 150 / 181
    assert lines[0] == f"The top 20% of customers bring {150 / 181:.1%} of revenue."
    # A: 100 + 50 = 150 < 0.8 * 181 = 144.8? no: 150 >= 144.8, the crossing customer (c1) is in A
    assert lines[2] == f"Tier A holds 2 customers (20.0%) who bring {150 / 181:.1%} of revenue."
    # computed limits worked by hand in test_tiers: n_a = 2, n_c = 7
    assert lines[3] == (f"The computed ABC limits (Ultsch and Lötsch) put 2 customers (20.0%) in A, bringing "
                        f"{150 / 181:.1%} of revenue, and 7 customers (70.0%) in C.")
    assert "Gini coefficient of revenue" in lines[1]
    with pytest.raises(ParameterError, match="The 'top' parameter of tier_findings"):
        tier_findings(concentration(v), abc_limits(v), tier_summary(value_tiers(v)), top=2.0)


def test_one_to_one_findings_count_the_flags_and_append_notes():
    idx = pd.Index(list("abcd"), name="customer_id")
    t = pd.DataFrame({"monetary": [40.0, 30.0, 20.0, 10.0]}, index=idx)
    cust = pd.DataFrame({"customer_id": list(idx), "potential_value": [40.0, 90.0, 20.0, 60.0],
                         "cost_to_serve": [1.0, 35.0, 1.0, 1.0]})
    lines = one_to_one_findings(one_to_one_classes(t, cust, top_share=0.5), top=0.5, what="margin")
    # top half by value: a, b; gaps b 60, d 50 -> b, d growable; below zero: b (30 - 35)
    assert lines == [
        "2 customers are flagged most valuable (top 50% by margin).",
        "2 customers are most growable (largest gap between potential and current value).",
        "1 customers (25.0%) are below zero: their margin does not cover their cost to serve.",
    ]
    bare = one_to_one_findings(one_to_one_classes(t, None, top_share=0.25), top=0.25)
    assert len(bare) == 3 and "'potential_value'" in bare[1] and "'cost_to_serve'" in bare[2]


def test_score_rule_differences_equal_a_direct_comparison():
    rng = np.random.default_rng(4)
    t = pd.DataFrame({"recency_days": rng.integers(0, 400, 300), "frequency": rng.geometric(0.5, 300),
                      "monetary": rng.gamma(2.0, 30.0, 300).round(0)})
    got = score_rule_differences(t, 5)
    for c, col in (("r", "recency_days"), ("f", "frequency"), ("m", "monetary")):
        a = np.asarray(score_values(t[col], 5, higher_is_better=c != "r"))
        b = np.asarray(score_values(t[col], 5, method="rfm_r", higher_is_better=c != "r"))
        assert got[c] == pytest.approx(float(np.mean(a != b)))
    assert rules_differ_sentence({"r": 0.1, "f": 0.0, "m": 0.025}).endswith(
        "to 10.0% of customers on recency, 0.0% on frequency and 2.5% on monetary value.")
    with pytest.raises(ParameterError, match="The 'bins' parameter of score_rule_differences"):
        score_rule_differences(t, 1)


def test_segmentation_findings_cite_the_summary_shares():
    s = pd.DataFrame({"customer_share": [0.7, 0.3], "revenue_share": [0.2, 0.8]},
                     index=pd.Index(["Lost", "Champions"], name="segment"))
    stages = pd.DataFrame({"stage": ["lost", "lost", "at_risk", "new"]})
    f = segmentation_findings(s, concentration([1.0, 1.0, 2.0, 6.0]), top=0.25, stages=stages, lost_days=200)
    assert f["largest_segment"] == ("The largest RFM segment is Lost with 70% of customers and 20% of revenue; "
                                    "the segment bringing most revenue is Champions: 80% of revenue from 30% "
                                    "of customers.")
    assert f["stages"] == ("50% of customers are lapsed or lost (no purchase for more than 200 days) and 25% "
                           "are at risk.")
    assert "clusters" not in f


def test_channel_sentence_and_bullets():
    assert channel_sentence(0.2).endswith("channel mix differs between clusters (table below).")
    assert channel_sentence(0.0).startswith("Clusters and acquisition channels agree with an adjusted Rand "
                                            "index of 0.00")
    assert "no `acquisition_channel` column" in channel_sentence(None)
    assert bullet_list(["a", "b"]) == "- a\n- b"
