"""Findings and checks of the loyalty-programme section (analysis.findings.loyalty): every cited number is
found again in the written tables (verify_outputs), the balance check fails above |SMD| 0.1, the overlap,
pre-trend and agreement checks read their thresholds, and a study without memberships or amounts is told why."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.findings import loyalty as floy
from analysis.findings import verify_outputs
from analysis.report import ReportOutputs
from analysis.retention import (programme_covariates, did_effect, migration_matrix, programme_economics,
                                programme_sample, propensity_weighting, tier_migration)


def _firm(n=600, seed=2):
    """A small firm: heavier pre-launch buyers join more often; members' orders are 20 % larger."""
    rng = np.random.default_rng(seed)
    rows, spells = [], []
    launch = pd.Timestamp("2024-01-01")
    for i in range(n):
        level = rng.lognormal(3.5, 0.4)
        days = np.sort(rng.choice(730, size=rng.integers(3, 12), replace=False))
        dates = pd.Timestamp("2023-01-01") + pd.to_timedelta(days, "D")
        pre = dates < launch
        join = pre.any() and (~pre).any() and rng.random() < 1 / (1 + np.exp(-(np.log(level) - 3.5) * 3))
        first_post = dates[~pre].min() if (~pre).any() else None
        for d in dates:
            member = join and d >= first_post
            rows.append((f"c{i}", d, round(level * rng.lognormal(0, 0.3) * (1.2 if member else 1.0), 2)))
        if join:
            spells.append((f"c{i}", first_post, pd.NaT, "base", 100.0, 40.0, 0.4))
    tx = pd.DataFrame(rows, columns=["customer_id", "date", "amount"])
    m = pd.DataFrame(spells, columns=["customer_id", "start_date", "end_date", "tier", "points_earned",
                                      "points_redeemed", "discounts"])
    up = m.iloc[::3].copy()
    up["start_date"] = up["start_date"] + pd.Timedelta(days=30)
    up["tier"] = "silver"
    m.loc[up.index, "end_date"] = up["start_date"].to_numpy() - np.timedelta64(1, "D")
    return tx, pd.concat([m, up], ignore_index=True)


def test_every_cited_number_is_in_the_written_tables(tmp_path):
    tx, m = _firm()
    out = ReportOutputs(tmp_path)
    sample = out.table("loyalty_sample", programme_sample(tx, m))
    assert floy.too_few_check(sample, table="loyalty_sample") is None
    w = propensity_weighting(sample, "member", "spend_per_order", programme_covariates(sample), n_bootstrap=30, seed=1)
    effects = out.table("loyalty_effects", w.effects)
    balance = out.table("loyalty_balance", w.balance)
    for f in floy.effect_findings(effects, table="loyalty_effects"):
        out.finding(f)
    out.check(floy.balance_check(balance, table="loyalty_balance"))
    out.check(floy.overlap_check(effects, table="loyalty_effects"))
    did = did_effect(tx, m, weights=w.scores["weight"], period="quarter")
    did_table, event = out.table("loyalty_did", did.effects), out.table("loyalty_event", did.event)
    out.finding(floy.did_finding(did_table, table="loyalty_did", period="quarter"))
    out.check(floy.pretrend_check(event, table="loyalty_event", period="quarter"))
    out.check(floy.agreement_check(effects, did_table, effects_table="loyalty_effects", did_table="loyalty_did"))
    known = out.table("loyalty_truth", floy.truth_table(effects, did_table, 1.2))
    out.finding(floy.truth_finding(known, table="loyalty_truth"))
    dr = effects.loc["doubly_robust"]
    eco = out.table("loyalty_economics", programme_economics(
        tx, m, ratio=dr["ratio"], ratio_low=dr["ratio_ci_low"], ratio_high=dr["ratio_ci_high"], gross_margin=0.3,
        cost_per_member_month=1.0))
    for f in floy.economics_findings(eco, table="loyalty_economics", currency="euros"):
        out.finding(f)
    mig = out.table("loyalty_migration", tier_migration(m, end="2024-12-31"), index=False)
    moves = out.table("loyalty_moves", floy.moves_table(mig))
    out.finding(floy.migration_finding(moves, table="loyalty_moves"))
    assert verify_outputs(tmp_path) == []
    texts = {k: v["text"] for k, v in out.records["findings"].items()}
    assert set(texts) >= {"loyalty_naive", "loyalty_weighted", "loyalty_did", "loyalty_economics", "loyalty_migration",
                          "loyalty_truth", "loyalty_liability"}
    assert "euros" in texts["loyalty_economics"] and "\\{" not in texts["loyalty_economics"]
    assert migration_matrix(mig).to_numpy().sum() == mig["n"].sum()


def test_balance_check_fails_above_the_limit_and_names_the_covariate_in_words():
    b = pd.DataFrame({"abs_smd_after": [0.02, 0.15]}, index=pd.Index(["tenure_days", "log_aov_pre"], name="covariate"))
    c = floy.balance_check(b, table="loyalty_balance")
    assert (c.status, c.kind) == ("fail", "overlap") and "average order value before launch" in c.text()
    assert c.affects == floy.EFFECT_KEYS
    assert floy.balance_check(b.clip(upper=0.1), table="loyalty_balance").status == "pass"  # 0.1 is within


def _effects(trimmed, pct=(0.08, 0.04, 0.12)):
    return pd.DataFrame({"n_treated": [90], "n_control": [800], "n_trimmed": [trimmed], "ess_control": [300.0],
                         "percent": [pct[0]], "percent_ci_low": [pct[1]], "percent_ci_high": [pct[2]]},
                        index=["weighted"]).rename(index={"weighted": "weighted"})


def test_overlap_warns_when_more_than_a_tenth_is_trimmed():
    assert floy.overlap_check(_effects(10), table="t").status == "pass"
    assert floy.overlap_check(_effects(200), table="t").status == "warn"


def test_pretrend_uses_bonferroni_over_pre_join_periods():
    ev = pd.DataFrame({"p_value": [0.03, 0.3, np.nan, 0.5]}, index=pd.Index([-3, -2, -1, 0], name="event_time"))
    assert floy.pretrend_check(ev, table="e", period="month").status == "pass"  # 0.03 > 0.05 / 2
    ev.loc[-3, "p_value"] = 0.01
    assert floy.pretrend_check(ev, table="e", period="month").status == "warn"
    assert floy.pretrend_check(ev.loc[[-1, 0]], table="e", period="month") is None


def test_agreement_warns_when_the_intervals_do_not_overlap():
    e = _effects(0).rename(index={"weighted": "doubly_robust"})
    did = pd.DataFrame({"percent": [0.3], "percent_ci_low": [0.2], "percent_ci_high": [0.4]}, index=["membership"])
    assert floy.agreement_check(e, did, effects_table="a", did_table="b").status == "warn"
    did.loc["membership", "percent_ci_low"] = 0.1
    assert floy.agreement_check(e, did, effects_table="a", did_table="b").status == "pass"


@pytest.mark.parametrize("memberships, transactions, word", [
    (None, pd.DataFrame({"amount": [1.0]}), "memberships table"),
    (pd.DataFrame(), None, "transactions"),
    (pd.DataFrame(), pd.DataFrame({"customer_id": ["a"]}), "amounts"),
])
def test_a_study_without_what_the_section_needs_is_told_why(memberships, transactions, word):
    c = floy.skip_check(memberships, transactions)
    assert c.status == "not_run" and word in c.text()


def test_too_few_members_is_a_not_run_check():
    sample = pd.DataFrame({"member": [True] * 3 + [False] * 50})
    c = floy.too_few_check(sample, table="loyalty_sample")
    assert c.status == "not_run" and "3 and 50" in c.text()
