"""Findings and checks of notebook 04 (analysis.findings.channels).

Every number a sentence cites is read back from the sentence and compared with the
table it comes from, computed here with pandas where the table is simple; the rows
chosen (best, worst, extremes) are chosen here independently. The findings of a whole
run are written through ReportOutputs and recomputed from the CSV files by
verify_outputs. Issue 13's cases: 13 (profit and ROI with the discount, "profitable"
only when the interval says so), 15 (percentage points), 17 (no buyer share for spend
without zeros), 18 (CLV standard errors checked), 20 (attribution says why nothing
follows), 22 (display labels and the currency).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.channels import (adjusted_comparison, campaign_lift, channel_clv, channel_economics, compare_rates,
                               compare_spend, covariate_balance, incremental_revenue, lifetime_economics, mde_rates,
                               mde_table, points)
from analysis.findings import findings_markdown, verify_outputs
from analysis.findings import channels as fc
from analysis.report import ReportOutputs
from analysis.simulate import simulate_service_firm

NUMBER = re.compile(r"[+-]?\d[\d,]*\.?\d*")
ROOT = Path(__file__).resolve().parents[2]


def numbers(text: str) -> list[float]:
    return [float(n.replace(",", "")) for n in NUMBER.findall(text)]


@pytest.fixture(scope="module")
def firm():
    return simulate_service_firm(3000, seed=11)


@pytest.fixture(scope="module")
def lifts(firm):
    out = {}
    for o in ("visit", "conversion", "spend"):
        lift = campaign_lift(firm.campaign, "channel", o, "control")
        out[o] = points(lift, ["estimate", "ci_low", "ci_high"]) if o != "spend" else lift
    return out


def test_rates_sentence_cites_the_extremes_and_the_test(firm):
    res = compare_rates(firm.campaign, "channel", "visit")
    test = fc.rates_test_table(res)
    rates = firm.campaign.groupby("channel")["visit"].mean()
    text = fc.rates_finding(res, table="rates_visit", test_table=test, test_name="rates_visit_test").text()
    assert f"{100 * rates.min():.2f}% ({rates.idxmin().replace('_', ' ')})" in text
    assert f"{100 * rates.max():.2f}% ({rates.idxmax().replace('_', ' ')})" in text
    assert f"p = {res.omnibus.loc[0, 'p_value']:.3g}" in text
    assert f"V = {res.omnibus.loc[0, 'cramers_v']:.3f}" in text
    assert f"{int(res.pairwise['significant'].sum())} of {len(res.pairwise)}" in text


def test_zero_event_group_and_small_counts_are_checked():
    df = pd.DataFrame({"arm": ["a"] * 30 + ["b"] * 30 + ["c"] * 30,
                       "y": [0] * 30 + [1] * 3 + [0] * 27 + [1] * 6 + [0] * 24})
    res = compare_rates(df, "arm", "y")
    test = fc.rates_test_table(res)
    zero, small = fc.rates_checks(res, table="rates_y", test_table=test, test_name="rates_y_test")
    assert zero.status == "warn" and zero.kind == "separation" and "(a)" in zero.text()
    assert test.loc[0, "n_zero_event"] == 1
    # expected events per group: 9 / 90 * 30 = 3 < 5
    assert small.status == "warn" and "3.0" in small.text() and test.loc[0, "min_expected"] == pytest.approx(3.0)
    ok = compare_rates(pd.DataFrame({"arm": ["a"] * 40 + ["b"] * 40, "y": ([1] * 20 + [0] * 20) * 2}), "arm", "y")
    t2 = fc.rates_test_table(ok)
    assert [c.status for c in fc.rates_checks(ok, table="r", test_table=t2, test_name="t")] == ["pass", "pass"]


def test_spend_sentences(firm):
    spend = compare_spend(firm.campaign, "channel", "spend")
    tests, groups = fc.spend_tests_table(spend), fc.spend_groups_table(spend)
    found = fc.spend_findings(spend, "spend", tests=tests, tests_name="spend_tests", groups=groups,
                              groups_name="spend_groups", summary_name="spend_summary")
    texts = [f.text() for f in found]
    assert len(texts) == 5
    # why the test was chosen, as compare_means said it (its reason), now with cited numbers
    assert texts[1] == spend.among_buyers.reason.replace("'email_discount'", "'email discount'")
    assert texts[3] == spend.per_customer.reason.replace("'email_discount'", "'email discount'")
    assert texts[0].startswith("spend (buyers): " + spend.among_buyers.test)
    assert texts[2].startswith("spend (per customer): " + spend.per_customer.test)
    per_customer = firm.campaign.groupby("channel")["spend"].mean()
    best, worst = per_customer.idxmax(), per_customer.idxmin()
    buyers = firm.campaign.loc[firm.campaign["spend"] > 0].groupby("channel")["spend"].mean()
    share = (firm.campaign["spend"] > 0).groupby(firm.campaign["channel"]).mean()
    bw, ww = best.replace("_", " "), worst.replace("_", " ")
    assert texts[4].split(". ", 1)[1].startswith(f"{bw} leads on spend per customer ({per_customer[best]:.2f})")
    assert f"{100 * share[best]:.1f}% against {100 * share[worst]:.1f}% for {ww}" in texts[4]
    assert f"spend {buyers[best]:.2f} against {buyers[worst]:.2f}" in texts[4]


def test_spend_without_zeros_states_no_buyer_share():
    # case 17: every contact spent something; "buyer share 100 %" says nothing and is not stated
    rng = np.random.default_rng(3)
    df = pd.DataFrame({"arm": ["a"] * 60 + ["b"] * 60, "spend": rng.gamma(2.0, 10.0, 120) + 1})
    spend = compare_spend(df, "arm", "spend")
    found = fc.spend_findings(spend, "spend", tests=fc.spend_tests_table(spend), tests_name="spend_tests",
                              groups=fc.spend_groups_table(spend), groups_name="spend_groups",
                              summary_name="spend_summary")
    text = found[-1].text()
    assert "buyer share is" not in text and "100.0%" not in text
    assert "above zero" in text and "tells the channels nothing apart" in text
    assert found[-1].fields["share"].agg == "min"


def test_lift_sentences_in_percentage_points_and_the_mde(lifts):
    # case 15: a lift of rates reads in percentage points; the MDE is in points, said so
    lift = lifts["visit"]
    mde = mde_table(lift)
    found = fc.lift_findings(lift, mde, table="lift_visit", mde_name="mde_visit", outcome="visit", control="control")
    assert len(found) == 2 * len(lift)
    for i, (_, r) in enumerate(lift.iterrows()):
        text = found[2 * i].text()
        got = numbers(text)
        want = [100 * r["mean"], 100 * r["mean_control"], 100 * r["estimate"], 100 * r["ci_low"],
                100 * r["ci_high"], 100 * r["rel_lift"]]
        np.testing.assert_allclose(got, want, atol=0.5)  # printed to 2 decimals (relative lift: whole percent)
        assert f"{100 * r['estimate']:+.2f} percentage points" in text
        want_mde = mde_rates(r["mean_control"], int(r["n"]), int(r["n_control"]))
        assert f"about {100 * want_mde:.2f} percentage points" in found[2 * i + 1].text()


def test_power_check_warns_for_a_non_significant_arm():
    lift = pd.DataFrame({"arm": ["mail"], "n": [500], "n_control": [500], "mean_control": [0.10],
                         "estimate": [0.01], "significant": [False]})
    (check,) = fc.power_checks(mde_table(lift), mde_name="mde", outcome="visit", control="ctl")
    assert check.status == "warn" and "unknown, not absent" in check.text()
    assert f"{100 * mde_rates(0.10, 500, 500):.2f} percentage points" in check.text()


def test_profit_verdict_decides_the_words_and_roi_is_a_range_when_the_interval_spans_zero(firm):
    # case 13: the email arm's profit interval spans zero; its ROI is given as a range only
    inc = incremental_revenue(firm.campaign, "channel", "spend", "control", cost="cost_per_contact", margin=0.3,
                              discount={"email_discount": 0.10})
    found = {f.key: f for f in fc.incremental_findings(inc, table="incremental_revenue", control="control",
                                                       currency="US dollars")}
    checks = {c.key: c for c in fc.roi_checks(inc, table="incremental_revenue")}
    for _, r in inc.iterrows():
        text = found[f"profit_{r['arm']}"].text()
        spans = r["profit_ci_low"] < 0 < r["profit_ci_high"]
        assert (r["verdict"] == "uncertain") == spans
        assert ("is profitable" in text) == (r["profit_ci_low"] > 0)
        assert f"{r['profit_ci_low']:+.3f} to {r['profit_ci_high']:+.3f}" in text and "US dollars" in text
        if spans:
            assert "not settled" in text and "not as one number" in text
            assert f"ROI {r['roi']:.0%}" not in text
            assert checks[f"roi_{r['arm']}"].status == "warn"
        # the margin stated is the one on the discounted revenue
        assert f"{r['margin_on_revenue']:.1%}" in text
    assert inc.set_index("arm").loc["email_discount", "margin_on_revenue"] == pytest.approx(1 - 0.7 / 0.9)


def test_a_loss_is_called_a_loss():
    df = pd.DataFrame({"arm": ["c"] * 200 + ["t"] * 200, "spend": [0.0] * 400})
    inc = incremental_revenue(df.assign(spend=np.r_[np.zeros(200), np.tile([0.0, 1.0], 100)]), "arm", "spend",
                              "c", cost=2.0, margin=0.3)
    (f,) = fc.incremental_findings(inc, table="inc", control="c", currency="euros")
    assert inc.loc[0, "verdict"] == "loss" and f.text().startswith("t loses money against c")


def test_adjusted_sentences_in_points_for_rates(firm):
    adj = adjusted_comparison(firm.campaign, "channel", "visit", ["recency_group"], reference="control")
    effects = points(adj.effects, ["unadjusted", "estimate", "ci_low", "ci_high"])
    found = fc.adjusted_findings(adj, "visit", table="adjusted_visit", effects=effects, binary=True)
    texts = [f.text() for f in found if not f.key.endswith("_verdict")]
    for text, (_, r) in zip(texts, adj.effects.iterrows()):
        assert text.startswith(f"{r['group'].replace('_', ' ')} vs control on visit: "
                               f"{100 * r['unadjusted']:+.2f} percentage points unadjusted, "
                               f"{100 * r['estimate']:+.2f} adjusted for recency group ({100 * r['ci_low']:+.2f} to "
                               f"{100 * r['ci_high']:+.2f})")
    # the old proportion form ("+0.0910 to +0.0906") is gone
    assert not any(re.search(r"[+-]0\.\d{4}", t) for t in texts)


def test_display_labels_and_currency_replace_raw_names(firm):
    # case 22: prose uses the study's labels, never a raw name such as "email_discount"
    labels = {"email_discount": "E-mail with discount", "email": "E-mail", "control": "No e-mail"}
    inc = incremental_revenue(firm.campaign, "channel", "spend", "control", cost="cost_per_contact", margin=0.3)
    texts = [f.text() for f in fc.incremental_findings(inc, table="inc", control="control", currency="US dollars",
                                                       label=lambda n: labels.get(n, n))]
    assert all("email_discount" not in t and "US dollars" in t for t in texts)
    assert any(t.startswith("E\\-mail with discount") for t in texts)  # escaped for Markdown


def test_economics_sentence_follows_the_roi_interval(firm):
    eco = channel_economics(firm.customers, firm.transactions, margin=0.3, n_bootstrap=100, seed=1)
    found = fc.economics_findings(eco, table="economics", currency="US dollars", max_months=24)
    ratio = eco["first_year_value"] / eco["cac"]
    best, worst = ratio.idxmax(), ratio.idxmin()
    text = found[0].text()
    assert text.startswith(f"{best} has the best first-year value-to-cost ratio ({ratio[best]:.2f}")
    assert ("does not recover" in text) == (eco.loc[worst, "roi_ci_high"] < 0)
    assert ("not settled" in text) == (eco.loc[worst, "roi_ci_low"] <= 0 <= eco.loc[worst, "roi_ci_high"])
    assert len(found) == 1 + len(eco)
    for f, (channel, r) in zip(found[1:], eco.iterrows()):
        months = f"month {r['payback_months']:.0f}" if pd.notna(r["payback_months"]) else "within 24 months"
        assert f.text().startswith(channel) and months in f.text()


def test_lifetime_sentences_ranking_and_horizon():
    cust = pd.DataFrame({"customer_id": ["a", "b", "c", "d"], "acquisition_channel": ["web", "web", "shop", "shop"],
                         "acquisition_cost": [10.0, 30.0, 5.0, 5.0]})
    tx = pd.DataFrame({"customer_id": ["a", "b", "b", "c", "d"],
                       "date": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-02-01", "2024-01-05", "2024-01-06"]),
                       "amount": [20.0, 20.0, 40.0, 10.0, 30.0]})
    clv = pd.DataFrame({"clv": [6.0, 12.0, 3.0, 9.0]}, index=pd.Index(["a", "b", "c", "d"], name="customer_id"))
    life = lifetime_economics(cust, tx, clv, cost_to_serve=None, margin=0.5, observation_end="2024-12-31",
                              n_bootstrap=50)
    first_year = pd.DataFrame({"value_to_cost": [2.0, 1.0]}, index=["web", "shop"])
    same = fc.horizon_table(52, 52)
    found = {f.key: f.text() for f in fc.lifetime_findings(life, first_year, table="life", horizons=same,
                                                           horizons_name="horizons", currency="euros")}
    # shop: to date 5 + 15 -> 10, residual 6, life 16, cac 5 -> 3.2; web: 10 + 30 -> 20 + 9 = 29 / 20 = 1.45
    assert found["lifetime"].startswith("Over a lifetime (value to date plus 52 weeks of expected purchases), shop")
    assert "3.20 (" in found["lifetime"] and "from 10.0 realised and 6.0 still expected" in found["lifetime"]
    assert found["lifetime"].endswith("web returns the least (1.45).")
    assert "changes the ranking" in found["lifetime_ranking"] and "web by first-year value" in found["lifetime_ranking"]
    assert "lifetime_note" not in found  # no clv_std_error column: no bound to state
    assert "the horizon notebook 02 uses" in found["horizon"]
    assert fc.horizon_check(same, horizons_name="horizons").status == "pass"
    # case 15: a study that sets the horizons apart is told so, with both numbers
    apart = fc.horizon_table(156, 52)
    texts = {f.key: f.text() for f in fc.lifetime_findings(life, first_year.iloc[::-1], table="life", horizons=apart,
                                                           horizons_name="horizons", currency="euros")}
    assert "156 weeks here and over 52 weeks in notebook 02" in texts["horizon"]
    assert "keeps the first-year ranking" in texts["lifetime_ranking"]
    check = fc.horizon_check(apart, horizons_name="horizons")
    assert check.status == "warn" and "156" in check.text() and "52" in check.text()


def test_clv_standard_errors_are_checked():
    # case 18: every fitted parameter's standard error is finite, and the report says so (or warns)
    params = pd.DataFrame({"estimate": [1.0, 2.0, 3.0], "std_error": [0.1, np.nan, 0.3]})
    check = fc.clv_errors_check(fc.params_table(params), table="clv_params")
    assert check.status == "warn" and check.text().startswith("1 of 3")
    ok = fc.clv_errors_check(fc.params_table(params.fillna(0.2)), table="clv_params")
    assert ok.status == "pass"


def test_balance_and_separation_checks(firm):
    balance = covariate_balance(firm.campaign, "channel", ["recency_group", "past_spend"], "control")
    check = fc.balance_check(balance, table="covariate_balance", control="control")
    assert check.status == ("warn" if balance["abs_smd"].max() > 0.1 else "pass")
    skewed = firm.campaign.assign(score=np.where(firm.campaign["channel"] == "email", 1.0, 0.0))
    bad = fc.balance_check(covariate_balance(skewed, "channel", ["score"], "control"), table="b", control="control")
    assert bad.status == "warn" and "score" in bad.text()
    adj = adjusted_comparison(firm.campaign, "channel", "visit", ["recency_group"], reference="control")
    checks = fc.adjusted_checks(adj, "visit", table="adjusted_visit")
    if "separation" in adj.effects.columns:
        assert [c.status for c in checks] == ["pass"]


def test_attribution_section_says_why_nothing_follows():
    # case 20: without journey paths the section is no longer a heading followed by nothing
    text = fc.attribution_skipped()
    assert "paths_file" in text and "nothing follows" in text
    nb = json.loads((ROOT / "notebooks" / "04_channel_comparison.ipynb").read_text(encoding="utf-8"))
    cells = nb["cells"]
    at = next(i for i, c in enumerate(cells) if "".join(c["source"]).startswith("## Multi-touch attribution"))
    code = next(c for c in cells[at + 1:] if c["cell_type"] == "code")  # after the heading's Chinese twin
    assert "fc.attribution_skipped()" in "".join(code["source"])


def test_a_whole_run_verifies_against_the_written_tables(firm, tmp_path):
    """Every cite of every finding and check, written as notebook 04 writes them, is recomputed from the CSV."""
    out = ReportOutputs(tmp_path)
    camp = firm.campaign
    res = compare_rates(camp, "channel", "visit")
    test = out.table("rates_visit_test", fc.rates_test_table(res))
    out.table("rates_visit", res.groups)
    out.finding(fc.rates_finding(res, table="rates_visit", test_table=test, test_name="rates_visit_test"))
    for c in fc.rates_checks(res, table="rates_visit", test_table=test, test_name="rates_visit_test"):
        out.check(c)
    spend = compare_spend(camp, "channel", "spend")
    out.table("spend_summary", spend.summary())
    tests = out.table("spend_tests", fc.spend_tests_table(spend))
    groups = out.table("spend_groups", fc.spend_groups_table(spend))
    for f in fc.spend_findings(spend, "spend", tests=tests, tests_name="spend_tests", groups=groups,
                               groups_name="spend_groups", summary_name="spend_summary"):
        out.finding(f)
    lift = out.table("lift_visit", points(campaign_lift(camp, "channel", "visit", "control"),
                                          ["estimate", "ci_low", "ci_high"]))
    mde = out.table("mde_visit", mde_table(lift))
    for f in fc.lift_findings(lift, mde, table="lift_visit", mde_name="mde_visit", outcome="visit", control="control"):
        out.finding(f)
    for c in fc.power_checks(mde, mde_name="mde_visit", outcome="visit", control="control"):
        out.check(c)
    inc = out.table("incremental_revenue", incremental_revenue(camp, "channel", "spend", "control",
                                                               cost="cost_per_contact", margin=0.3,
                                                               discount={"email_discount": 0.1}))
    for f in fc.incremental_findings(inc, table="incremental_revenue", control="control", currency="euros"):
        out.finding(f)
    for c in fc.roi_checks(inc, table="incremental_revenue"):
        out.check(c)
    balance = out.table("covariate_balance", covariate_balance(camp, "channel", ["recency_group", "past_spend"],
                                                                "control"))
    out.check(fc.balance_check(balance, table="covariate_balance", control="control"))
    adj = adjusted_comparison(camp, "channel", "visit", ["recency_group"], reference="control")
    effects = out.table("adjusted_visit", points(adj.effects, ["unadjusted", "estimate", "ci_low", "ci_high"]))
    for f in fc.adjusted_findings(adj, "visit", table="adjusted_visit", effects=effects, binary=True):
        out.finding(f)
    for c in fc.adjusted_checks(adj, "visit", table="adjusted_visit"):
        out.check(c)
    eco = out.table("economics", channel_economics(firm.customers, firm.transactions, margin=0.3, n_bootstrap=30))
    for f in fc.economics_findings(eco, table="economics", currency="euros"):
        out.finding(f)
    fit = channel_clv(firm.customers, firm.transactions, margin=0.3)
    life = out.table("lifetime_economics", lifetime_economics(firm.customers, firm.transactions, fit.values,
                                                              margin=0.3, n_bootstrap=30))
    horizons = out.table("horizons", fc.horizon_table(52, 52))
    params = out.table("clv_params", fc.params_table(fit.params))
    out.check(fc.clv_errors_check(params, table="clv_params"))
    out.check(fc.horizon_check(horizons, horizons_name="horizons"))
    for f in fc.lifetime_findings(life, eco, table="lifetime_economics", horizons=horizons, horizons_name="horizons",
                                  currency="euros"):
        out.finding(f)
    assert len(out.records["findings"]) > 15 and len(out.records["checks"]) > 8
    assert verify_outputs(tmp_path) == []
    assert "percentage points" in out.findings_markdown() and "| --- |" in out.checks_markdown()


def test_a_zero_event_group_is_flagged_in_the_adjusted_comparison():
    # case 16's data (a group with no event): the adjusted comparison separates; the check says so and names
    # the method used instead, and the finding of that group carries the warning
    rng = np.random.default_rng(5)
    n = 200
    df = pd.DataFrame({"arm": np.repeat(["control", "email", "sms"], n), "x": rng.normal(size=3 * n)})
    df["y"] = np.where(df["arm"] == "sms", 0, (rng.random(3 * n) < 0.2).astype(int))
    adj = adjusted_comparison(df, "arm", "y", ["x"], reference="control")
    (check,) = fc.adjusted_checks(adj, "y", table="adjusted_y")
    assert check.status == "warn" and "sms" in check.text() and "Instead:" in check.text()
    effects = points(adj.effects, ["unadjusted", "estimate", "ci_low", "ci_high"])
    found = fc.adjusted_findings(adj, "y", table="adjusted_y", effects=effects, binary=True)
    flagged = [f for f in found if f.key == "adjusted_y_sms"]
    assert all("separation_y" in f.checks for f in flagged)
    assert findings_markdown(found, [check]).count("Check warns (separation / zero events)") == len(found)


def test_lifecycle_sentence_cites_the_rules_written():
    # case 14: the page says which lifecycle definition the stages follow (the study's)
    from analysis.segmentation.lifecycle import DEFAULT_STAGE_RULES

    table = fc.lifecycle_table(DEFAULT_STAGE_RULES)
    text = fc.lifecycle_finding(table, name="lifecycle_rules").text()
    assert "at risk after 180 days" in text and "lost after 365" in text and "notebook 01" in text


# --- issue 12: attribution findings, count-only logs, absent default columns --------------------------------------

def _journeys():
    # 'a' opens most journeys, 'b' closes them: last touch credits b, first touch and the chain credit a more
    return pd.DataFrame({"path": ["a > b", "a > b", "a", "b", "c > a > b", "a > c"],
                         "conversions": [30, 10, 5, 2, 8, 0], "nulls": [20, 15, 40, 30, 5, 25]})


def test_attribution_findings_cite_shares_computed_by_hand(tmp_path):
    from analysis.channels import attribute_paths

    paths = _journeys()
    result = attribute_paths(paths, n_bootstrap=50, seed=3)
    out = ReportOutputs(tmp_path)
    table = out.table("attribution", result.table)
    shares = out.table("attribution_shares", fc.attribution_shares_table(table))
    lengths = out.table("attribution_paths", result.lengths)
    # last-touch shares by hand: conversions of journeys ending in each channel / all conversions
    total = paths["conversions"].sum()
    last = paths.groupby(paths["path"].str.split(" > ").str[-1])["conversions"].sum() / total
    assert shares["last_touch"].to_dict() == pytest.approx(last.reindex(shares.index, fill_value=0).to_dict())
    assert shares[list(fc.ATTRIBUTION_RULES)].sum().to_numpy() == pytest.approx(1.0)
    found = [out.finding(f) for f in fc.attribution_findings(table, shares, table_name="attribution",
                                                              shares_name="attribution_shares")]
    checks = [out.check(c) for c in fc.attribution_checks(shares, lengths, shares_name="attribution_shares",
                                                           lengths_name="attribution_paths")]
    moved = (shares["markov"] - shares["last_touch"]).abs().idxmax()
    assert found[1].key == "attribution_shift" and found[1].text().startswith(f"{moved}'s credit")
    # one-touch conversions by hand: 'a' (5) and 'b' (2) of 55
    single = checks[0]
    assert single.key == "attribution_single_touch" and single.status == "pass"
    assert numbers(single.text())[:2] == [7, total]
    assert checks[1].key == "attribution_bootstrap" and checks[1].status in ("pass", "warn")
    assert verify_outputs(tmp_path) == []


def test_attribution_checks_warn_on_one_touch_journeys_and_without_bootstrap():
    from analysis.channels import attribute_paths

    paths = pd.DataFrame({"path": ["a", "b", "a > b"], "conversions": [50, 40, 5], "nulls": [10, 10, 10]})
    result = attribute_paths(paths, n_bootstrap=0)
    shares = fc.attribution_shares_table(result.table)
    single, boot = fc.attribution_checks(shares, result.lengths, shares_name="s", lengths_name="l")
    assert single.status == "warn" and numbers(single.text())[:2] == [90, 95]
    assert boot.status == "not_run"


def test_economics_skip_names_the_missing_money():
    # count-only logs (issue 12): economics need amounts; the reason is named, not a KeyError
    customers = pd.DataFrame({"customer_id": ["1"], "acquisition_channel": ["web"], "acquisition_cost": [10.0]})
    counts = pd.DataFrame({"customer_id": ["1"], "date": pd.to_datetime(["2024-01-01"])})
    check = fc.economics_skip(customers, counts, channel="acquisition_channel")
    assert check.status == "not_run" and "without amounts" in check.text() and "need money" in check.text()
    assert fc.economics_skip(customers, counts.assign(amount=5.0), channel="acquisition_channel") is None
    assert "customers table" in fc.economics_skip(None, counts, channel=None).text()
    assert "no transactions table" in fc.economics_skip(customers, None, channel="acquisition_channel").text()


def test_absent_default_columns_switch_their_part_off():
    frame = pd.DataFrame({"channel": ["a"], "y": [1], "age": [30]})
    kept, gaps = fc.usable_columns(frame, channel_column="channel", binary_outcomes=["visit", "y"],
                                   spend_outcome="spend", covariates=None, cost_column="", heterogeneity_by="age")
    assert kept == {"channel_column": "channel", "binary_outcomes": ["y"], "spend_outcome": None, "covariates": [],
                    "cost_column": None, "heterogeneity_by": "age"}
    assert [g.key for g in gaps] == ["absent_binary_outcomes", "absent_spend_outcome"]
    assert all(g.status == "not_run" and "set `" in g.text() for g in gaps)
    assert "visit" in gaps[0].text() and "spend" in gaps[1].text()


def test_adjusted_verdict_follows_the_adjusted_interval(firm):
    adj = adjusted_comparison(firm.campaign, "channel", "visit", ["recency_group"], reference="control")
    effects = points(adj.effects, ["unadjusted", "estimate", "ci_low", "ci_high"])
    found = fc.adjusted_findings(adj, "visit", table="adjusted_visit", effects=effects, binary=True)
    verdicts = {f.key: f for f in found if f.key.endswith("_verdict")}
    for _, r in adj.effects.iterrows():
        key = f"adjusted_visit_{fc.slug(r['group'])}_verdict"
        if r["unadjusted_ci_low"] * r["unadjusted_ci_high"] <= 0:
            assert key not in verdicts
            continue
        survives = r["ci_low"] * r["ci_high"] > 0
        assert verdicts[key].message == ("channels.text.adjusted_survives" if survives
                                          else "channels.text.adjusted_vanishes")


def test_spend_among_buyers_is_skipped_when_a_channel_has_fewer_than_two_buyers():
    # a small campaign (400 contacts of service_demo) had one buyer in two arms, and compare_spend stopped the page
    frame = pd.DataFrame({"channel": ["a"] * 5 + ["b"] * 5, "spend": [0, 0, 0, 0, 12.0, 3.0, 4.0, 0, 0, 0]})
    check = fc.spend_skip(frame, "channel", "spend")
    assert check.status == "not_run" and "a had fewer than two buyers" in check.text()
    assert fc.spend_skip(frame.assign(spend=frame["spend"] + 1), "channel", "spend") is None
