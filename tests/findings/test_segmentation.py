"""Findings and checks of notebook 01: every number a sentence cites recomputed by hand, every
judgement (no cluster structure, criteria disagree, names against the lifecycle) from the cited values.

References: small hand-made tables whose shares and counts are worked out in the
comments; the k picks of the two bundled studies reported in issue 13 (gap rule:
service_demo 1, CDNOW 3; the other criteria 2); a round trip through
ReportOutputs and verify_outputs, which recomputes each cited value from the
written CSV files.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.findings import findings_markdown, verify_outputs
from analysis.findings.segmentation import (
    channel_finding,
    channel_table,
    cluster_structure,
    concentration_table,
    data_finding,
    one_to_one_findings,
    rules_differ_finding,
    segment_findings,
    segment_name_check,
    settings_table,
    small_segments_check,
    stability_findings,
    stage_finding,
    stage_table,
    tier_findings,
)
from analysis.overview import transaction_overview
from analysis.report import ReportOutputs
from analysis.segmentation import (
    abc_limits,
    concentration,
    lifecycle_stages,
    one_to_one_classes,
    rfm,
    score_rule_differences,
    segment_lifecycle_table,
    segment_summary,
    tier_summary,
    value_tiers,
)


def _picks(ks: dict[str, int], chosen: str = "silhouette") -> pd.DataFrame:
    out = pd.DataFrame({"k": pd.Series(ks, dtype="int64")}).rename_axis("criterion")
    out["chosen"] = out.index == chosen
    return out


def _used(k: int) -> pd.DataFrame:
    return pd.DataFrame({"chosen": [i == k for i in range(1, 9)]}, index=pd.Index(range(1, 9), name="k"))


def test_tier_findings_cite_the_tier_table_and_the_computed_limits():
    v = pd.Series([100.0, 50, 10, 5, 5, 4, 3, 2, 1, 1], index=[f"c{i}" for i in range(10)])
    c = concentration_table(concentration(v), abc_limits(v), 0.2)
    lines = [f.text() for f in tier_findings(c, tier_summary(value_tiers(v)))]
    # top 2 of 10 bring 150 / 181
    assert lines[0] == f"The top 20% of customers bring {150 / 181:.1%} of revenue."
    # A: 100 + 50 = 150 < 0.8 * 181 = 144.8? no: 150 >= 144.8, the crossing customer (c1) is in A
    assert lines[2] == f"Tier A holds 2 customers (20.0%) who bring {150 / 181:.1%} of revenue."
    # computed limits worked by hand in test_tiers: n_a = 2, n_c = 7
    assert lines[3] == (f"The computed ABC limits (Ultsch and Lötsch) put 2 customers (20.0%) in A, bringing "
                        f"{150 / 181:.1%} of revenue, and 7 customers (70.0%) in C.")
    assert "Gini coefficient of revenue" in lines[1]


def test_one_to_one_findings_count_the_flags_and_name_the_missing_columns():
    idx = pd.Index(list("abcd"), name="customer_id")
    t = pd.DataFrame({"monetary": [40.0, 30.0, 20.0, 10.0]}, index=idx)
    cust = pd.DataFrame({"customer_id": list(idx), "potential_value": [40.0, 90.0, 20.0, 60.0],
                         "cost_to_serve": [1.0, 35.0, 1.0, 1.0]})
    settings = settings_table(one_to_one_share=0.5)
    lines = [f.text() for f in one_to_one_findings(one_to_one_classes(t, cust, top_share=0.5).summary(),
                                                     settings, what="margin")]
    # top half by value: a, b; gaps b 60, d 50 -> b, d growable; below zero: b (30 - 35)
    assert lines == [
        "2 customers are flagged most valuable (top 50% by margin).",
        "2 customers are most growable (largest gap between potential and current value).",
        "1 customers (25.0%) are below zero: their margin does not cover their cost to serve.",
    ]
    bare = one_to_one_findings(one_to_one_classes(t, None, top_share=0.25).summary(), settings)
    # the column names come from the user's parameters: escaped for Markdown
    assert len(bare) == 3 and "column potential\\_value with" in bare[1].text()
    assert "column cost\\_to\\_serve with" in bare[2].text()


def test_segment_and_stage_findings_cite_the_summary_shares():
    s = pd.DataFrame({"customers": [7, 3], "customer_share": [0.7, 0.3], "revenue_share": [0.2, 0.8]},
                     index=pd.Index(["Lost", "Champions"], name="segment"))
    assert segment_findings(s)[0].text() == (
        "The largest RFM segment is Lost with 70% of customers and 20% of revenue; the segment bringing most "
        "revenue is Champions: 80% of revenue from 30% of customers.")
    t = pd.DataFrame({"recency_days": [300, 250, 100, 5], "frequency": [1, 2, 1, 1],
                      "tenure_days": [300, 300, 200, 5]})
    stages = lifecycle_stages(t, {"new_days": 30, "at_risk_days": 90, "lost_days": 200, "loyal_purchases": 4})
    found = stage_finding(stage_table(stages), settings_table(at_risk_days=90, lost_days=200))
    # 300 and 250 > 200: lost (2 of 4); 100 > 90: at risk (1 of 4)
    assert found.text() == ("50% of customers are lapsed or lost (no purchase for more than 200 days) and 25% "
                            "are at risk (no purchase for more than 90 days).")


def test_channel_finding_reads_the_adjusted_rand_index():
    assert channel_finding(channel_table(0.2)).text().endswith("channel mix differs between clusters (table below).")
    assert channel_finding(channel_table(0.0)).text().startswith(
        "Clusters and acquisition channels agree with an adjusted Rand index of 0.00")
    assert "no `acquisition_channel` column" in channel_finding(None).text()


def test_rules_differ_finding_cites_the_score_rules_table():
    d = pd.DataFrame({"share_differing": [0.1, 0.0, 0.025]},
                     index=pd.Index(["recency", "frequency", "monetary"], name="score"))
    assert rules_differ_finding(d).text().endswith(
        "to 10.0% of customers on recency, 0.0% on frequency and 2.5% on monetary value.")


# issue 13 case 1 ---------------------------------------------------------------------------------

def test_gap_rule_of_one_fails_the_structure_check_and_the_finding_says_no_segments():
    # service_demo (issue 13): silhouette, Calinski-Harabasz and Davies-Bouldin pick 2, the gap rule 1
    finding, check = cluster_structure(_picks({"silhouette": 2, "calinski_harabasz": 2, "davies_bouldin": 2,
                                               "gap": 1}), _used(2), method="k-means")
    assert check.status == "fail" and check.kind == "cluster_structure"
    assert finding.text().startswith("The gap statistic finds no cluster structure")
    assert "picks k = 1, one continuous cloud" in finding.text()
    assert "are a cut of that cloud for description, not segments" in finding.text()
    assert "highly stable" not in finding.text()
    # the failed check is shown under the finding it weakens
    page = findings_markdown([finding], [check])
    assert "**Check failed (cluster structure):** The gap statistic's rule picks k = 1" in page


def test_disagreeing_criteria_warn_and_agreeing_ones_pass():
    # CDNOW (issue 13): the gap rule picks 3, the other criteria 2
    finding, check = cluster_structure(_picks({"silhouette": 2, "calinski_harabasz": 2, "davies_bouldin": 2,
                                               "gap": 3}), _used(2), method="k-means")
    assert check.status == "warn"
    assert finding.text().startswith("The criteria disagree on the number of clusters: they pick k = 2 to 3, "
                                     "the gap rule k = 3 (table k_picks).")
    assert "(the gap rule: k = 3)" in check.text()
    finding, check = cluster_structure(_picks({"silhouette": 2, "davies_bouldin": 4}), _used(2), method="k-means")
    assert check.status == "warn" and finding.text().startswith(
        "The criteria disagree on the number of clusters: they pick k = 2 to 4 (table k_picks).")
    finding, check = cluster_structure(_picks({"silhouette": 3, "davies_bouldin": 3, "gap": 3}), _used(3),
                                       method="k-means")
    assert check.status == "pass" and finding.text().startswith("All 3 criteria, the gap rule included, pick k = 3")
    finding, check = cluster_structure(_picks({"silhouette": 3, "davies_bouldin": 3}), _used(3), method="k-means")
    assert check.status == "warn" and "was not computed" in check.text()


def test_stability_finding_counts_the_readings_and_warns_on_doubtful_clusters():
    s = pd.DataFrame({"mean_jaccard": [0.9, 0.8, 0.7, 0.4],
                      "reading": ["highly stable", "stable", "doubtful", "dissolved"]},
                     index=pd.Index([1, 2, 3, 4], name="cluster"))
    finding, check = stability_findings(s)
    assert finding.text() == ("2 of 4 clusters are stable (mean bootstrap Jaccard >= 0.75), 1 doubtful and 1 "
                              "not to be trusted.")
    assert check.status == "warn" and check.text().startswith("2 of 4 clusters have a mean bootstrap Jaccard "
                                                              "below 0.75 (lowest 0.40)")
    assert stability_findings(s.iloc[:2])[1].status == "pass"


# issue 13 case 2 ---------------------------------------------------------------------------------

def test_names_check_passes_with_lifecycle_names_and_warns_with_score_names():
    names = pd.DataFrame({"customers": [227, 2420], "conflicts": [0, 0], "score_map_customers": [857, 732],
                          "score_map_conflicts": [630, 0], "at_risk": [503, 0], "lost": [127, 732],
                          "stages_allowed": ["active loyal", "lost"]},
                         index=pd.Index(["Loyal", "Lost"], name="segment"))
    settings = settings_table(at_risk_days=180, lost_days=365)
    check = segment_name_check(names, settings)
    assert check.status == "pass" and check.kind == "consistency"
    assert "127 of the 857 customers the score map calls Loyal have not bought for more than 365 days" in check.text()
    names["conflicts"] = [5, 0]
    assert segment_name_check(names, settings).status == "warn"
    names["stages_allowed"] = ""  # custom rules without stages: nothing to check, and the page says so
    assert segment_name_check(names, settings).status == "not_run"
    small = small_segments_check(pd.DataFrame({"customers": [40, 31]}, index=["A", "B"]),
                                 settings_table(min_segment_size=30))
    assert small.status == "pass" and small.text() == "The smallest RFM segment, B, has 31 customers, at least 30."


def test_written_tables_hold_every_cited_value(tmp_path):
    tx = pd.DataFrame({"customer_id": list("aabbbbcdde"),
                       "date": pd.to_datetime(["2023-01-05", "2023-03-01", "2023-06-01", "2023-08-01",
                                               "2023-10-01", "2023-12-01", "2023-12-20", "2022-06-01",
                                               "2023-11-15", "2023-02-01"]),
                       "amount": [10.0, 20.0, 5.0, 7.5, 12.25, 3.0, 40.0, 8.0, 9.0, 1.5]})
    lifecycle = {"new_days": 30, "at_risk_days": 180, "lost_days": 365, "loyal_purchases": 4}
    table = rfm(tx, "2023-12-31", lifecycle=lifecycle)
    stages = lifecycle_stages(table, lifecycle)
    out = ReportOutputs(tmp_path)
    settings = out.table("settings", settings_table(top_share=0.2, min_segment_size=2, **lifecycle))
    summary = out.table("rfm_segments", segment_summary(table))
    conc = concentration(table["monetary"])
    c = out.table("concentration", concentration_table(conc, abc_limits(table["monetary"]), 0.2).round(4))
    tiers = out.table("value_tiers", tier_summary(value_tiers(table["monetary"])).round(4))
    found = [data_finding("Toy <b>", out.table("transaction_overview", transaction_overview(tx))),
             rules_differ_finding(out.table("score_rules", score_rule_differences(table).round(4))),
             *segment_findings(summary), *tier_findings(c, tiers),
             stage_finding(out.table("lifecycle_stages", stage_table(stages)), settings)]
    checks = [segment_name_check(out.table("segment_lifecycle", segment_lifecycle_table(table, stages)), settings),
              small_segments_check(summary, settings)]
    for f in found:
        out.finding(f)
    for check in checks:
        out.check(check)
    assert verify_outputs(tmp_path) == []
    assert found[0].text().startswith("**Toy \\<b\\>**: 10 transactions of 5 customers, 2022-06-01 to")
    assert checks[0].status == "pass"


def test_no_structure_sentence_names_a_span_only_when_the_other_criteria_differ():
    finding, check = cluster_structure(_picks({"silhouette": 2, "calinski_harabasz": 4, "gap": 1}), _used(2),
                                       method="k-means")
    assert "The other criteria pick k = 2 to 4 only because" in finding.text()
    finding, check = cluster_structure(_picks({"silhouette": 2, "calinski_harabasz": 2, "gap": 1}), _used(2),
                                       method="k-means")
    assert "The other criteria all pick k = 2 only because" in finding.text()
    assert "(the other criteria all pick k = 2 because they cannot pick one)" in check.text()


# --------------------------------------------------------------------------- issue 12
def test_count_only_and_customer_level_findings_cite_their_tables(tmp_path):
    import numpy as np

    from analysis.findings.segmentation import data_finding, one_to_one_findings, rules_differ_finding, segment_findings
    from analysis.segmentation import (customer_overview, one_to_one_classes, rfm_from_customers,
                                       score_rule_differences, segment_summary)

    rng = np.random.default_rng(5)
    customers = pd.DataFrame({"customer_id": [f"c{i}" for i in range(200)],
                              "recency_days": rng.integers(0, 400, 200), "frequency": rng.integers(1, 12, 200)})
    table = rfm_from_customers(customers)
    overview = customer_overview(customers)
    data = data_finding("Visits", overview)
    assert data.fields["customers"].value == 200 and "spent" not in data.text()
    differences = score_rule_differences(table)
    assert list(differences.index) == ["recency", "frequency"]
    assert "on monetary value" not in rules_differ_finding(differences).text()
    summary = segment_summary(table)
    [largest] = segment_findings(summary)
    assert "revenue" not in largest.text() and "purchases" in largest.text()
    assert largest.fields["revenue_share"].column == "purchase_share"
    oto = one_to_one_classes(table, customers, value_column="frequency", potential_column=None, cost_column=None)
    settings = settings_table(one_to_one_share=0.1)
    found = {f.key: f for f in one_to_one_findings(oto.summary(), settings, what="purchases",
                                                   potential_column=None, cost_column=None)}
    assert "top 10% by purchases" in found["most_valuable"].text()
    assert "null" in found["most_growable_missing"].text()
    assert "no money" in found["below_zero_missing"].text()
    assert found["most_valuable"].fields["most_valuable"].value == 20  # 10% of 200, by hand
