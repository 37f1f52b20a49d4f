"""The class study's firm: valid tables, and each planted story checked against the truth planted.

The stories are checked here on the tables themselves, by hand computations
(numpy and pandas), against the generating parameters; tests/course/test_stories.py
checks that the notebooks' own functions find them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import yaml

from analysis.channels import with_lifecycle_stage
from analysis.datasets import dataset_files, dataset_truth, load_dataset
from analysis.datasets.tables import _service_demo_tables
from analysis.errors import ParameterError
from analysis.simulate import DIMENSIONS, simulate_service_firm
from analysis.simulate.classroom import (
    APP_PUSH_SHARE,
    CLASS_EXPECTATION_MEANS,
    CLASS_PERCEPTION_MEANS,
    CLASS_SEED,
    ClassFirm,
    simulate_class_firm,
)
from analysis.simulate.survey import DEFAULT_EXPECTATION_MEANS, DEFAULT_PERCEPTION_MEANS
from analysis.study import load_study


@pytest.fixture(scope="module")
def firm() -> ClassFirm:
    return simulate_class_firm()  # the class study's seed and size


@pytest.fixture(scope="module")
def big() -> ClassFirm:
    # 20,000 contacts: visit rates per arm and stage to about +-0.01
    return simulate_class_firm(seed=11, n_customers=20000)


def _frame_equal(a: dict, b: dict) -> None:
    assert list(a) == list(b)
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name], check_exact=True)


# ------------------------------------------------------------------ the firm and its tables
def test_tables_validate_and_repeat(firm):
    tables = load_dataset("class_firm", seed=CLASS_SEED)  # validated canonical tables
    assert sorted(tables) == ["channel_outcomes", "complaints", "customers", "memberships", "survey",
                              "transactions"]
    _frame_equal(tables, _service_demo_tables(firm))
    assert tables["customers"].shape[0] == 3000
    assert tables["transactions"]["order_id"].is_unique
    assert tables["complaints"]["complaint_id"].is_unique
    assert set(tables["complaints"]["order_id"]) <= set(tables["transactions"]["order_id"])
    assert set(tables["memberships"]["customer_id"]) <= set(tables["customers"]["customer_id"])
    tx = tables["transactions"]
    assert tx["date"].is_monotonic_increasing


def test_seeds_give_different_firms_and_the_same_seed_the_same():
    a, b = simulate_class_firm(seed=4, n_customers=600), simulate_class_firm(seed=4, n_customers=600)
    _frame_equal(a.tables(), b.tables())
    assert a.plan == b.plan
    c = simulate_class_firm(seed=5, n_customers=600)
    assert not a.transactions["amount"].equals(c.transactions["amount"])


def test_the_class_firm_reports_no_truth_to_the_notebooks():
    assert dataset_truth("class_firm", seed=3) is None
    assert dataset_files("class_firm") == []
    study = load_study("class_study")
    assert study.data.dataset == "class_firm" and study.truth() is None


def test_the_study_text_does_not_give_the_stories_away():
    raw = yaml.safe_load(load_study("class_study").path.read_text(encoding="utf-8"))
    text = " ".join([*raw["title"].values(), *raw["description"].values()]).lower()
    for word in ("app_push", "adjust", "does not pay", "responsiveness", "at risk", "key account", "planted",
                 "story", "stories", "self-select", "不划算", "响应性", "风险"):
        assert word not in text


@pytest.mark.parametrize("bad, match", [
    (dict(n_customers=100), "n_customers"),
    (dict(seed="x"), "seed"),
])
def test_bad_arguments(bad, match):
    with pytest.raises(ParameterError, match=match):
        simulate_class_firm(**bad)


@pytest.mark.parametrize("bad, match", [
    (dict(perception_means={"speed": 5.0}), "unknown dimension"),
    (dict(expectation_means={"empathy": 9.0}), "1-7"),
    (dict(loyalty={"effect": 0.1}), "unknown key"),
    (dict(loyalty={"loyalty_spend_effect": -1.5}), "> -1"),
    (dict(loyalty={"loyalty_join_coef": {"slope": 1.0}}), "unknown key"),
    (dict(loyalty={"programme_cost_per_member_month": -1.0}), ">= 0"),
])
def test_bad_firm_knobs(bad, match):
    with pytest.raises(ParameterError, match=match):
        simulate_service_firm(300, seed=1, **bad)


def test_firm_knobs_at_their_defaults_change_nothing():
    # the new arguments draw no randomness: given their default values, every table is the same
    plain = simulate_service_firm(800, seed=3)
    same = simulate_service_firm(800, seed=3, perception_means=dict(DEFAULT_PERCEPTION_MEANS),
                                 expectation_means=dict(DEFAULT_EXPECTATION_MEANS),
                                 loyalty={"loyalty_spend_effect": 0.10, "programme_cost_per_member_month": 1.5,
                                          "loyalty_join_coef": {"log_aov": 0.8}})
    _frame_equal(plain.tables(), same.tables())
    assert plain.truth == same.truth


# ------------------------------------------------------------------ story 2: the loyalty programme
def test_loyalty_spend_effect_raises_member_orders_exactly():
    # the knob the class firm sets to 0: with 0.5 every member order is 1.5 times the one with 0
    none = simulate_service_firm(1500, seed=8, loyalty={"loyalty_spend_effect": 0.0})
    half = simulate_service_firm(1500, seed=8, loyalty={"loyalty_spend_effect": 0.5})
    # joining depends on the history before the launch only: the same members either way
    assert set(none.memberships["customer_id"]) == set(half.memberships["customer_id"])
    a, b = none.transactions, half.transactions
    assert (a["order_id"].to_numpy() == b["order_id"].to_numpy()).all()
    raised = b["amount"].to_numpy() != a["amount"].to_numpy()
    ratio = b["amount"].to_numpy()[raised] / a["amount"].to_numpy()[raised]
    assert raised.sum() > 300
    assert np.allclose(ratio, 1.5, atol=0.01 / a["amount"].to_numpy()[raised].min() + 1e-9)
    members = set(none.memberships["customer_id"])
    assert set(a.loc[raised, "customer_id"]) <= members


def test_members_look_better_though_the_programme_does_nothing(firm):
    assert firm.truth.loyalty_spend_effect == 0.0 == firm.plan.loyalty_spend_effect
    assert firm.truth.programme_cost_per_member_month == 3.0
    # self-selection: after the launch members' orders are far larger than non-members' (by hand)
    tx, launch = firm.transactions, firm.truth.loyalty_launch
    post = tx[tx["date"] >= launch]
    member = post["customer_id"].isin(set(firm.memberships["customer_id"]))
    aov = post.groupby(member)["amount"].mean()
    assert aov[True] / aov[False] > 1.3
    # ... and already were before it: the programme did not make them so
    pre = tx[tx["date"] < launch]
    pre_aov = pre.groupby(pre["customer_id"].isin(set(firm.memberships["customer_id"])))["amount"].mean()
    assert pre_aov[True] / pre_aov[False] > 1.3


# ------------------------------------------------------------------ story 3: the SERVQUAL gap
def test_generating_gap_of_one_dimension_only(firm):
    truth = firm.truth
    assert truth.perception_means == CLASS_PERCEPTION_MEANS
    assert truth.expectation_means == CLASS_EXPECTATION_MEANS
    gaps = {d: truth.perception_means[d] - truth.expectation_means[d] for d in DIMENSIONS}
    assert gaps == pytest.approx(firm.plan.true_gaps)
    worst = min(gaps, key=gaps.get)
    assert worst == firm.plan.gap_dimension == "responsiveness"
    assert gaps[worst] <= -1.5
    assert all(abs(g) <= 0.11 for d, g in gaps.items() if d != worst)
    assert max(truth.driver_weights, key=truth.driver_weights.get) == worst  # the first to fix


def test_observed_item_means_follow_the_generating_means(firm):
    s = firm.survey
    for d in DIMENSIONS:
        perc = s.filter(regex=f"^perc_{d}_\\d+$").to_numpy(float).mean()
        exp = s.filter(regex=f"^exp_{d}_\\d+$").to_numpy(float).mean()
        # perception means carry the channel shifts (a few tenths at most); rounding and clipping to 1-7
        shift = sum(firm.truth.channel_mix[c] * firm.truth.perception_channel_shift[c].get(d, 0.0)
                    for c in firm.truth.channels)
        assert perc == pytest.approx(firm.truth.perception_means[d] + shift, abs=0.15)
        assert exp == pytest.approx(firm.truth.expectation_means[d], abs=0.15)


# ------------------------------------------------------------------ story 1: the targeted campaign
def test_campaign_is_targeted_by_lifecycle_stage(big):
    c = with_lifecycle_stage(big.campaign)  # notebook 04's stage, with the default rules
    share = pd.crosstab(c["lifecycle_stage"], c["channel"], normalize="index")
    # control is a random quarter in every stage; the push goes mostly to active and loyal customers
    assert np.allclose(share["control"], 0.25, atol=0.03)
    for stage, p in APP_PUSH_SHARE.items():
        if stage in share.index and (c["lifecycle_stage"] == stage).sum() > 500:
            assert share.loc[stage, "app_push"] == pytest.approx(0.75 * p, abs=0.04)


def test_targeting_uses_notebook_04s_default_lifecycle_rules(big):
    from analysis.segmentation.lifecycle import DEFAULT_STAGE_RULES
    from analysis.simulate.classroom import STAGE_RULES, _stage

    assert STAGE_RULES == DEFAULT_STAGE_RULES  # a copy: simulate sits below segmentation
    c = big.campaign
    mine = _stage(c["recency_days"].to_numpy(), c["n_orders"].to_numpy(), c["tenure_days"].to_numpy())
    assert (mine == with_lifecycle_stage(c)["lifecycle_stage"].to_numpy()).all()


def test_visit_rates_by_arm_and_stage_match_the_truth(big):
    c = with_lifecycle_stage(big.campaign)
    for (stage, arm), g in c.groupby(["lifecycle_stage", "channel"]):
        if len(g) < 200:
            continue
        p = big.truth.visit_rate[arm][stage]
        se = np.sqrt(p * (1 - p) / len(g))
        assert abs(g["visit"].mean() - p) < 4 * se, (stage, arm)


def test_push_looks_best_raw_but_email_is_better_within_stages(big):
    c = with_lifecycle_stage(big.campaign)
    raw = c.groupby("channel")["visit"].mean()
    assert raw.idxmax() == big.plan.channel == "app_push"
    assert raw["app_push"] - raw["email"] > 0.05
    # within each stage (a stratified difference, weighted by the stage's contacts) e-mail wins
    rates = c.groupby(["lifecycle_stage", "channel"])["visit"].mean().unstack()
    weights = c["lifecycle_stage"].value_counts(normalize=True).reindex(rates.index)
    within = ((rates["email"] - rates["app_push"]) * weights).sum()
    assert within > 0.02
    effects = big.plan.true_visit_effects
    assert effects["email"] > effects["app_push"] > 0


# ------------------------------------------------------------------ story 4: the key account
def test_key_account_grows_then_stops_after_a_poor_complaint(firm):
    key, end = firm.plan.key_account, firm.truth.observation_end
    own = firm.transactions[firm.transactions["customer_id"] == key]
    assert own["date"].max() == firm.plan.key_account_last_order
    assert 185 <= (end - own["date"].max()).days <= 210
    year = pd.Timedelta(days=365)
    window = firm.transactions[firm.transactions["date"] > end - year].groupby("customer_id")["amount"].sum()
    assert window.idxmax() == key  # the highest spend of the last year, months of silence included
    before = own[(own["date"] > end - 2 * year) & (own["date"] <= end - year)]["amount"].sum()
    assert window[key] > before
    gaps = own["date"].drop_duplicates().diff().dt.days.dropna()
    assert (end - own["date"].max()).days > 10 * gaps.median()  # long overdue
    k = firm.complaints.set_index("complaint_id").loc[firm.plan.key_account_complaint]
    assert k["customer_id"] == key and k["resolution"] == "poor"
    assert k["order_id"] == own.loc[own["date"].idxmax(), "order_id"]
    assert (firm.complaints["customer_id"] == key).sum() == 1


def test_key_account_membership_follows_its_orders(firm):
    key, launch = firm.plan.key_account, firm.truth.loyalty_launch
    own = firm.transactions[firm.transactions["customer_id"] == key]
    spells = firm.memberships[firm.memberships["customer_id"] == key].sort_values("start_date")
    assert spells["start_date"].iloc[0] == own.loc[own["date"] >= launch, "date"].min()  # joins at its first order
    assert spells["tier"].iloc[-1] == "gold"
    # points earned: floor(amount) per member order, summed over all its spells
    last = spells["end_date"].max() if spells["end_date"].notna().all() else end_of(firm)
    member = own[(own["date"] >= spells["start_date"].iloc[0]) & (own["date"] <= last)]
    assert spells["points_earned"].sum() == np.floor(member["amount"]).sum()


def end_of(firm):
    return firm.truth.observation_end
