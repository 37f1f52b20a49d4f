"""Findings and checks of the key-account section (issue 15, item 2).

References: the tables are written through ReportOutputs exactly as notebook 01 writes
them, and verify_outputs recomputes every cited number from the CSV files (an independent
read-back); the counts a sentence gives are compared with direct counts of the profile
table, and each check's status with the rule in its docstring applied by hand.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.findings import verify_outputs
from analysis.findings.key_accounts import (
    cut_check,
    history_check,
    identification_findings,
    key_account_checks,
    portfolio_finding,
    profile_findings,
    sensitivity_findings,
    skip_reason,
    skipped_check,
)
from analysis.findings.segmentation import settings_table
from analysis.report import ReportOutputs
from analysis.segmentation.key_account_profiles import key_account_profiles
from analysis.segmentation.key_accounts import (
    key_account_scores,
    portfolio_quadrants,
    portfolio_summary,
    weight_sensitivity,
)


def _log() -> pd.DataFrame:
    rng = pd.Series(range(60))
    tx = pd.DataFrame({
        "customer_id": [f"c{i % 12:02d}" for i in rng],
        "date": pd.Timestamp("2023-01-05") + pd.to_timedelta((rng * 37) % 720, unit="D"),
        "amount": 10.0 + (rng * 13) % 97,
        "category": [("hair", "spa", "nails")[i % 3] for i in rng],
    })
    return tx


def _section(out: ReportOutputs, tx: pd.DataFrame, complaints=None, customers=None, **kwargs):
    """What notebook 01's three key-account cells do."""
    ka = key_account_scores(tx, customers, observation_end="2024-12-31", count=4, **kwargs)
    settings = out.table("key_account_settings", settings_table(overdue_factor=2.0, concentration_limit=0.5))
    summary = out.table("key_account_summary", ka.summary().round(4))
    weights = out.table("key_account_weights", ka.weights.round(4))
    sens = out.table("key_account_sensitivity", weight_sensitivity(ka).round(4))
    found = [out.finding(f) for f in identification_findings(summary, weights, what=ka.what, currency="USD",
                                                              wallet_column="wallet")]
    found += [out.finding(f) for f in sensitivity_findings(sens)]
    checks = [out.check(c) for c in key_account_checks(summary, settings, weights, what=ka.what)]
    quadrants = portfolio_quadrants(ka)
    portfolio = out.table("key_account_portfolio", portfolio_summary(quadrants).round(4))
    found.append(out.finding(portfolio_finding(portfolio)))
    profiles = out.table("key_account_profiles", key_account_profiles(
        tx, ka, quadrants, stages=pd.Series("at_risk", index=ka.table.index), complaints=complaints).round(4))
    found += [out.finding(f) for f in profile_findings(profiles, settings, categories="category" in tx.columns,
                                                       complaints=complaints is not None, what=ka.what)]
    return found, checks, profiles


def test_every_cited_number_is_in_the_written_tables(tmp_path):
    tx = _log()
    complaints = pd.DataFrame({"customer_id": ["c00", "c00", "c03"], "date": pd.to_datetime(["2024-01-01"] * 3)})
    out = ReportOutputs(tmp_path)
    found, checks, profiles = _section(out, tx, complaints)
    out.findings_markdown()
    assert verify_outputs(tmp_path) == []
    keys = [f.key for f in found]
    assert keys[:3] == ["key_accounts", "key_account_weights", "key_account_growth"]
    assert "key_account_complaints" in keys and "key_account_products" not in keys
    texts = {f.key: f.text() for f in found}
    assert "Share of wallet cannot be measured here: the customers table has no column `wallet`" in \
        texts["key_account_weights"]
    # the risk sentence: every key account is "at_risk" here; overdue counted directly
    n_overdue = int(profiles["overdue"].fillna(False).astype(bool).sum())
    assert texts["key_account_risk"].startswith("Key accounts at risk or lapsed by the study's lifecycle definition: 4 of 4.")
    assert texts["key_account_risk"].endswith(f"usual gap between purchases): {n_overdue}.")
    complained = complaints.loc[complaints["customer_id"].isin(profiles.index), "customer_id"].nunique()
    assert texts["key_account_complaints"].startswith(f"Key accounts that complained at least once: {complained} of 4 (")
    assert {c.key for c in checks} == {"key_account_concentration", "key_account_cut", "key_account_history"}


def test_without_categories_complaints_or_money(tmp_path):
    tx = _log().drop(columns=["category", "amount"])
    out = ReportOutputs(tmp_path)
    found, _, _ = _section(out, tx)
    assert verify_outputs(tmp_path) == []
    texts = {f.key: f.text() for f in found}
    assert "made" in texts["key_accounts"] and "of the purchases" in texts["key_accounts"]
    assert "purchases per quarter are rising" in texts["key_account_trend"] and "key_account_complaints" not in texts
    assert texts["key_account_products"].startswith("The transactions carry no `category`")
    assert texts["key_account_weights"].startswith("Share of wallet is not measured")


def test_weights_sentence_with_share_of_wallet_and_growth_from_a_potential_column(tmp_path):
    tx = _log()
    ids = sorted(tx["customer_id"].unique())
    customers = pd.DataFrame({"customer_id": ids, "share": [0.1 * (i % 10) for i in range(len(ids))],
                              "expected": [500.0] * len(ids)})
    out = ReportOutputs(tmp_path)
    found, checks, _ = _section(out, tx, customers=customers, share_column="share", potential_column="expected")
    assert verify_outputs(tmp_path) == []
    texts = {f.key: f.text() for f in found}
    assert texts["key_account_weights"] == ("The score weighs current value 60%, growth potential 30% and share "
                                            "of wallet 10% (percentile ranks among the customers).")
    assert texts["key_account_growth"].startswith("Growth potential is each customer's expected spend in `expected`")
    history = next(c for c in checks if c.key == "key_account_history")
    assert history.status == "not_run"


@pytest.mark.parametrize("share, limit, status", [(0.62, 0.5, "warn"), (0.3, 0.5, "pass"), (0.5, 0.5, "pass")])
def test_concentration_check_warns_above_the_limit(share, limit, status):
    summary = pd.DataFrame({"key_accounts": [5], "key_value_share": [share], "top_account_share": [0.2],
                            "tied_at_cut": [1], "inside_at_cut": [1], "short_history": [0], "unknown_growth": [0],
                            "window_days": [365]}, index=pd.Index(["value"], name="statistic"))
    weights = pd.DataFrame({"source": ["change"]}, index=pd.Index(["growth"], name="component"))
    checks = key_account_checks(summary, settings_table(concentration_limit=limit), weights, what="revenue")
    assert [c.status for c in checks] == [status, "pass", "pass"]


def test_cut_and_history_checks_follow_their_rules():
    s = pd.DataFrame({"tied_at_cut": [5], "inside_at_cut": [2], "key_accounts": [20], "short_history": [3],
                      "unknown_growth": [1], "window_days": [365]}, index=pd.Index(["value"], name="statistic"))
    assert cut_check(s).status == "warn" and "5 customers share the score" in cut_check(s).text()
    change = pd.DataFrame({"source": ["change"]}, index=pd.Index(["growth"], name="component"))
    potential = pd.DataFrame({"source": ["expected"]}, index=pd.Index(["growth"], name="component"))
    assert history_check(s, change).status == "warn" and "3 of the 20 key accounts" in history_check(s, change).text()
    assert "1 joined too late" in history_check(s, change).text()
    assert "joined too late" not in history_check(s.assign(unknown_growth=0), change).text()
    assert history_check(s, potential).status == "not_run"
    assert history_check(s.assign(short_history=0), change).status == "pass"


def test_skip_reasons_and_sentences():
    assert skip_reason(None, None) == "no_log"
    assert skip_reason(object(), pd.Timestamp("2024-01-01")) == "on_disk"
    assert skip_reason(_log(), None) == "no_window"
    assert skip_reason(_log(), pd.Timestamp("2024-01-01")) is None
    check = skipped_check("no_log")
    assert check.status == "not_run" and "only customer-level values" in check.text()
