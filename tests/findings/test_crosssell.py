"""Findings and checks of notebook 05's cross-selling section (analysis.findings.crosssell): the sentences cite
the tables they come from (written through ReportOutputs and recomputed from the CSV files by verify_outputs),
the rows they name are chosen here independently, a lift within chance is never sold as a finding, and the
referral comparison says it describes (issue 15, item 1)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.findings import crosssell as fx
from analysis.findings import verify_outputs
from analysis.report import ReportOutputs
from analysis.retention import (association_rules, category_adoption, cross_sell_rate, referral_rates,
                                referral_value, top_referrers, value_added_sales)


@pytest.fixture(scope="module")
def data():
    rng = np.random.default_rng(8)
    n = 400
    ids = [f"c{i}" for i in range(n)]
    acquired = pd.Timestamp("2022-01-01") + pd.to_timedelta(rng.integers(0, 540, n), unit="D")
    customers = pd.DataFrame({"customer_id": ids, "acquisition_date": acquired,
                              "referred_by": np.where(rng.random(n) < 0.2, rng.choice(ids[:30], n), None)})
    likes_care = rng.random(n) < 0.4
    rows = []
    for cid, day, care in zip(ids, acquired, likes_care):
        for k in range(rng.integers(1, 6)):
            cat = rng.choice(["core", "care"] if care else ["core", "extra"])
            rows.append((cid, day + pd.Timedelta(days=int(40 * k)), cat, float(rng.gamma(2, 20))))
    tx = pd.DataFrame(rows, columns=["customer_id", "date", "category", "amount"])
    return customers, tx, pd.Timestamp("2023-12-31")


def test_category_and_rule_sentences_verify(tmp_path, data):
    customers, tx, end = data
    out = ReportOutputs(tmp_path)
    adoption = out.table("category_adoption", category_adoption(tx, observation_end=end))
    cross = out.table("cross_sell_rate", cross_sell_rate(tx, observation_end=end))
    found = fx.category_findings(adoption, cross, adoption_table="category_adoption", cross_table="cross_sell_rate")
    shares = tx.groupby("category")["customer_id"].nunique() / tx["customer_id"].nunique()
    assert f"most widely bought is {shares.idxmax()} ({shares.max():.1%}" in found[0].text()
    assert f"the least is {shares.idxmin()} ({shares.min():.1%})" in found[0].text()
    rules = out.table("association_rules", association_rules(tx, min_support=0.05, min_confidence=0.1))
    summary = out.table("rules_summary", fx.rules_summary(rules))
    found += fx.rule_findings(rules, summary, table="association_rules", summary_table="rules_summary",
                              basket="customer_id", min_support=0.05, min_confidence=0.1)
    checks = fx.rule_checks(summary, summary_table="rules_summary")
    for item in found:
        out.finding(item)
    for check in checks:
        out.check(check)
    assert verify_outputs(tmp_path) == []
    # care and extra are bought by different customers: their rules have lift below 1; core -> care is chance
    top = rules[rules["significant"]]
    assert found[-1].key == "top_rule"
    expected = ("crosssell.text.top_rule" if len(top) else "crosssell.text.no_lift" if rules["lift"].max() <= 1
                else "crosssell.text.no_significant_rule")
    assert found[-1].message == expected


def test_a_lift_within_chance_is_flagged():
    rules = pd.DataFrame({"antecedent": ["a", "b"], "consequent": ["b", "a"], "n_baskets": 12, "n_antecedent": 3,
                          "n_consequent": 4, "n_both": 2, "support": 2 / 12, "confidence": [2 / 3, 0.5],
                          "expected_confidence": [1 / 3, 0.25], "lift": [2.0, 2.0], "leverage": 0.08,
                          "p_value": 0.2, "p_adjusted": 0.4, "significant": False})
    summary = fx.rules_summary(rules)
    found = fx.rule_findings(rules, summary, table="r", summary_table="s", basket="customer_id", min_support=0.1,
                             min_confidence=0.1)
    assert found[1].message == "crosssell.text.no_significant_rule" and "not evidence" in found[1].text()
    check = fx.rule_checks(summary, summary_table="s")[0]
    assert (check.status, check.kind) == ("warn", "sample_size") and check.text().startswith("2 of 2 rules")
    empty = fx.rule_findings(rules.iloc[0:0], fx.rules_summary(rules.iloc[0:0]), table="r", summary_table="s",
                             basket="order_id", min_support=0.5, min_confidence=0.9)
    assert [f.message for f in empty] == ["crosssell.text.no_rules"] and "(0.5)" in empty[0].text()
    assert fx.rule_checks(fx.rules_summary(rules.assign(lift=0.8)), summary_table="s") == []


def test_value_added_and_referral_sentences_verify(tmp_path, data):
    customers, tx, end = data
    out = ReportOutputs(tmp_path)
    sales = out.table("value_added_sales", value_added_sales(tx, ["care"], period="quarter", observation_end=end))
    found = fx.value_added_finding(sales, ["care"], table="value_added_sales", currency="euros")
    last = tx[(tx["date"].dt.to_period("Q") == "2023Q4") & (tx["category"] == "care")]["amount"].sum()
    assert f"sold {last:,.0f} euros in 2023Q4" in found[0].text()
    rates = out.table("referral_rates", referral_rates(customers, tx, period="quarter", observation_end=end))
    referrers = out.table("top_referrers", top_referrers(customers))
    worth = out.table("referral_value", referral_value(customers, tx, observation_end=end, reward=5.0))
    found += fx.referral_findings(rates, referrers, worth, rates_table="referral_rates", referrers_table="top_referrers",
                                  value_table="referral_value", currency="euros")
    assert [f.key for f in found] == ["value_added_sales", "referral_rate", "top_referrer", "referral_value"]
    assert found[-1].text().startswith("Described, not a causal effect")
    checks = fx.referral_checks(worth, table="referral_value")
    assert checks[0].status == ("warn" if worth.loc["referred", "customers"] < fx.MIN_REFERRED else "pass")
    for item in found:
        out.finding(item)
    for check in checks:
        out.check(check)
    assert verify_outputs(tmp_path) == []


def test_skipped_parts_say_why(data):
    _, tx, _ = data
    assert fx.skipped_categories("product_line").status == "not_run"
    assert "set category_column" in fx.skipped_categories("product_line").text()
    assert "referred\\_by" not in fx.skipped_referrals().text() and "referred_by" in fx.skipped_referrals().text()
    assert fx.value_added_checks(tx, None)[0].status == "not_run"
    unknown = fx.value_added_checks(tx, ["care", "warranty"])[0]
    assert unknown.status == "warn" and "warranty" in unknown.text()
    assert fx.value_added_checks(tx, ["care"]) == []
    assert fx.referral_checks(None, table="x")[0].status == "not_run"
    assert "order\\_id" in fx.no_basket("order_id").text()


def test_order_basket_findings_have_their_own_keys():
    rules = pd.DataFrame({"antecedent": ["a"], "consequent": ["b"], "n_baskets": 500, "n_antecedent": 100,
                          "n_consequent": 120, "n_both": 60, "support": 0.12, "confidence": 0.6,
                          "expected_confidence": 0.24, "lift": 2.5, "leverage": 0.072, "p_value": 1e-12,
                          "p_adjusted": 1e-12, "significant": True})
    summary = fx.rules_summary(rules)
    found = fx.rule_findings(rules, summary, table="r", summary_table="s", basket="order_id", min_support=0.01,
                             min_confidence=0.1, suffix="_order_id")
    assert [f.key for f in found] == ["association_rules_order_id", "top_rule_order_id"]
    assert found[0].checks == ("rules_chance_order_id",)
    check = fx.rule_checks(summary, summary_table="s", suffix="_order_id")[0]
    assert check.key == "rules_chance_order_id" and check.status == "pass"
    assert "of the baskets holding a, 60.0% also hold b, 2.50 times the 24.0% of all baskets" in found[1].text()


def test_rules_that_all_have_a_lift_below_one_say_so():
    # two customer types that never mix categories: every rule between them has lift below 1
    tx = pd.DataFrame({"customer_id": [f"c{i}" for i in range(40) for _ in range(2)],
                       "category": [c for i in range(40) for c in (("a", "b") if i < 10 else ("a", "c") if i < 30
                                                                    else ("b", "c"))]})
    rules = association_rules(tx, min_support=0.1, min_confidence=0.1)
    assert (rules["lift"] < 1).all()
    found = fx.rule_findings(rules, fx.rules_summary(rules), table="r", summary_table="s", basket="customer_id",
                             min_support=0.1, min_confidence=0.1)
    assert found[1].message == "crosssell.text.no_lift" and found[1].text().startswith("No rule has a lift above 1")
