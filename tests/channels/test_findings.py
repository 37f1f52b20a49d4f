"""Sentences of notebook 04 (analysis.channels.findings): every number a sentence cites is
read back from the sentence and compared with the table it comes from, computed here
with pandas where the table is simple; the rows chosen (best, worst, top arm, largest
shift) are chosen here independently."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from analysis.channels import (adjusted_comparison, adjusted_texts, campaign_lift, channel_economics,
                               channel_findings, compare_rates, compare_spend, economics_texts, incremental_revenue,
                               lifetime_economics, lifetime_texts, lift_texts, mde_rates, numbered, rates_text,
                               spend_texts)
from analysis.simulate import simulate_service_firm

NUMBER = re.compile(r"[+-]?\d[\d,]*\.?\d*")


def numbers(text: str) -> list[float]:
    return [float(n.replace(",", "")) for n in NUMBER.findall(text)]


@pytest.fixture(scope="module")
def firm():
    return simulate_service_firm(3000, seed=11)


@pytest.fixture(scope="module")
def lifts(firm):
    return {o: campaign_lift(firm.campaign, "channel", o, "control") for o in ("visit", "conversion", "spend")}


def test_rates_sentence_cites_the_extremes_and_the_test(firm):
    res = compare_rates(firm.campaign, "channel", "visit")
    rates = firm.campaign.groupby("channel")["visit"].mean()
    text = rates_text(res)
    assert f"{100 * rates.min():.2f}% ({rates.idxmin()})" in text
    assert f"{100 * rates.max():.2f}% ({rates.idxmax()})" in text
    assert f"p = {res.omnibus.loc[0, 'p_value']:.3g}" in text
    assert f"V = {res.omnibus.loc[0, 'cramers_v']:.3f}" in text
    assert f"{int(res.pairwise['significant'].sum())} of {len(res.pairwise)}" in text


def test_spend_sentences(firm):
    spend = compare_spend(firm.campaign, "channel", "spend")
    texts = spend_texts(spend, "spend")
    assert len(texts) == 3
    assert texts[0].startswith("spend (buyers): " + spend.among_buyers.test)
    assert texts[1].startswith("spend (per customer): " + spend.per_customer.test)
    per_customer = firm.campaign.groupby("channel")["spend"].mean()
    best, worst = per_customer.idxmax(), per_customer.idxmin()
    buyers = firm.campaign.loc[firm.campaign["spend"] > 0].groupby("channel")["spend"].mean()
    share = (firm.campaign["spend"] > 0).groupby(firm.campaign["channel"]).mean()
    assert texts[2].split(". ", 1)[1].startswith(f"{best} leads on spend per customer ({per_customer[best]:.2f})")
    assert f"{100 * share[best]:.1f}% against {100 * share[worst]:.1f}% for {worst}" in texts[2]
    assert f"spend {buyers[best]:.2f} against {buyers[worst]:.2f}" in texts[2]


def test_lift_sentences_cite_the_lift_table_and_the_mde(lifts):
    lift = lifts["visit"]
    texts = lift_texts(lift, "control", "visit")
    assert len(texts) == 2 * len(lift)
    for i, (_, r) in enumerate(lift.iterrows()):
        got = numbers(texts[2 * i])
        want = [100 * r["mean"], 100 * r["mean_control"], 100 * r["estimate"], 100 * r["ci_low"],
                100 * r["ci_high"], 100 * r["rel_lift"]]
        np.testing.assert_allclose(got, want, atol=0.5)  # printed to 2 decimals (relative lift: whole percent)
        mde = mde_rates(r["mean_control"], int(r["n"]), int(r["n_control"]))
        assert f"about {100 * mde:.2f}%" in texts[2 * i + 1] and r["arm"] in texts[2 * i + 1]


def test_adjusted_sentences(firm):
    adj = adjusted_comparison(firm.campaign, "channel", "visit", ["recency_group"], reference="control")
    texts = adjusted_texts(adj, "visit")
    for text, (_, r) in zip(texts, adj.effects.iterrows()):
        assert text.startswith(f"{r['group']} vs control on visit: {r['unadjusted']:+.4f} unadjusted, "
                               f"{r['estimate']:+.4f} adjusted for recency_group ({r['ci_low']:+.4f} to "
                               f"{r['ci_high']:+.4f})")


def test_economics_sentences_and_findings(firm):
    eco = channel_economics(firm.customers, firm.transactions, margin=0.3, n_bootstrap=0)
    texts = economics_texts(eco, max_months=24)
    ratio = eco["first_year_value"] / eco["cac"]
    best, worst = ratio.idxmax(), ratio.idxmin()
    assert texts[0].startswith(f"{best} has the best value-to-cost ratio ({ratio[best]:.2f}")
    assert texts[0].endswith(f"{worst} the worst ({ratio[worst]:.2f}).")
    assert len(texts) == 1 + len(eco)
    for text, (channel, r) in zip(texts[1:], eco.iterrows()):
        months = f"month {r['payback_months']:.0f}" if pd.notna(r["payback_months"]) else "within 24 months"
        assert text.startswith(channel) and months in text
    found = channel_findings(economics=eco)
    assert list(found) == ["economics"]
    assert found["economics"].startswith(best) and f"{ratio[best]:.2f}" in found["economics"]
    assert ("does not recover" in found["economics"]) == (ratio.min() < 1)


def test_headline_findings_cite_the_tables(firm, lifts):
    inc = incremental_revenue(firm.campaign, "channel", "spend", "control", cost="cost_per_contact", margin=0.3)
    adj = adjusted_comparison(firm.campaign, "channel", "visit", ["recency_group"], reference="control")
    found = channel_findings(incremental=inc, lifts=lifts, lift_outcome="conversion", control="control",
                             adjusted={"visit": adj})
    assert list(found) == ["lift", "adjusted"]
    top = inc.loc[inc["total_incremental_profit"].idxmax()]
    row = lifts["conversion"].set_index("arm").loc[top["arm"]]
    text = found["lift"]
    assert text.startswith(f"The most profitable campaign arm, {top['arm']},")
    np.testing.assert_allclose(numbers(text.split(",", 1)[1]),
                               [100 * row["estimate"], 100 * row["ci_low"], 100 * row["ci_high"], top["estimate"],
                                top["total_incremental_revenue"]], atol=0.5)
    moved = adj.effects.loc[(adj.effects["estimate"] - adj.effects["unadjusted"]).abs().idxmax()]
    assert found["adjusted"] == (f"Adjusting for customer mix moves the {moved['group']} effect on visit from "
                                 f"{moved['unadjusted']:+.4f} to {moved['estimate']:+.4f}.")
    assert numbered(list(found.values())).startswith("1. The most profitable")
    assert channel_findings() == {}


def test_lifetime_sentences_and_ranking_change():
    cust = pd.DataFrame({"customer_id": ["a", "b", "c", "d"], "acquisition_channel": ["web", "web", "shop", "shop"],
                         "acquisition_cost": [10.0, 30.0, 5.0, 5.0]})
    tx = pd.DataFrame({"customer_id": ["a", "b", "b", "c", "d"],
                       "date": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-02-01", "2024-01-05", "2024-01-06"]),
                       "amount": [20.0, 20.0, 40.0, 10.0, 30.0]})
    clv = pd.DataFrame({"clv": [6.0, 12.0, 3.0, 9.0]}, index=pd.Index(["a", "b", "c", "d"], name="customer_id"))
    life = lifetime_economics(cust, tx, clv, cost_to_serve=None, margin=0.5, observation_end="2024-12-31",
                              n_bootstrap=50)
    # shop: to date 5 + 15 -> 10, residual 6, life 16, cac 5 -> 3.2; web: 10 + 30 -> 20 + 9 = 29 / 20 = 1.45
    (text,) = lifetime_texts(life, horizon_weeks=156)  # no clv_std_error column: no bound to state
    assert text.startswith("Over a lifetime (value to date plus the next 3 years expected), shop returns the most")
    assert "3.20 (" in text and "from 10.0 realised and 6.0 still expected per customer against a CAC of 5.0" in text
    assert text.endswith("web returns the least (1.45).")
    with_bound = lifetime_texts(life.assign(residual_param_se_bound=[0.5, 1.25]), horizon_weeks=156)
    assert with_bound[1].endswith("adds at most 1.2 to the standard error of a channel's mean expected value.")
    first_year = pd.DataFrame({"value_to_cost": [2.0, 1.0]}, index=["web", "shop"])
    found = channel_findings(economics=first_year, lifetime=life)
    assert "changes the ranking" in found["lifetime"] and "first by first-year value: web" in found["lifetime"]
    same = channel_findings(economics=first_year.iloc[::-1], lifetime=life)["lifetime"]
    assert "the ranking is the same" in same and f"{life.loc['shop', 'value_to_cost_ci_low']:.2f}" in same
