"""Tests of analysis.simulate: the synthetic firm's data must match its own truth.

Tolerances: every statistical comparison allows 4 standard errors of the realized
statistic (two-sided, so a correct generator fails a given check with probability
about 6e-5; with the fixed seeds the outcome is deterministic anyway), computed
from the data the way the comment at each test says. Expected values are computed
here from the truth's primitive parameters with formulas or a Monte Carlo written
independently of the generator (event by event, not order statistics), never by
calling the code under test.
"""

from __future__ import annotations

import json
import time

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

from analysis.errors import ParameterError
from analysis.schemas import (
    validate_channel_outcomes,
    validate_customers,
    validate_survey,
    validate_transactions,
)
from analysis.simulate import ARMS, CHANNELS, DIMENSIONS, BGNBDParams, simulate_service_firm

Z = 4.0  # standard errors allowed in every statistical check


@pytest.fixture(scope="module")
def firm():
    return simulate_service_firm()  # the default size and seed


@pytest.fixture(scope="module")
def big_survey_firm():
    # a large survey so that driver weights are estimated to ~0.01
    return simulate_service_firm(12000, n_survey=10000, seed=11)


def _t_weeks(customers: pd.DataFrame, truth) -> pd.Series:
    """Observation length in weeks: acquisition midnight to the end of observation_end."""
    end = truth.observation_end + pd.Timedelta(days=1)
    return (end - customers["acquisition_date"]).dt.days / 7.0


def _rating_columns(survey: pd.DataFrame) -> list[str]:
    return [c for c in survey.columns if c.startswith(("perc_", "exp_"))]


# --------------------------------------------------------------------- shape
def test_tables_pass_the_validators_unchanged(firm):
    pd.testing.assert_frame_equal(validate_transactions(firm.transactions), firm.transactions)
    pd.testing.assert_frame_equal(validate_customers(firm.customers), firm.customers)
    pd.testing.assert_frame_equal(
        validate_channel_outcomes(firm.campaign, binary_columns=["visit", "conversion"],
                                  continuous_columns=["spend", "cost_per_contact"]),
        firm.campaign,
    )
    survey = validate_survey(
        firm.survey, rating_columns=_rating_columns(firm.survey),
        outcome_columns=["overall_satisfaction", "loyalty_intent"], group_columns=["channel"],
    )
    validate_survey(survey, outcome_columns=["recommend"], outcome_scale=(0, 10))
    assert set(firm.tables()) == {"transactions", "customers", "survey", "channel_outcomes"}
    assert firm.tables()["channel_outcomes"] is firm.campaign


def test_columns_and_sizes(firm):
    t = firm.truth
    assert list(firm.transactions.columns) == ["customer_id", "date", "amount", "channel", "order_id"]
    assert list(firm.customers.columns) == [
        "customer_id", "acquisition_date", "acquisition_channel", "acquisition_cost",
        "cost_to_serve", "region",
    ]
    item_cols = [f"{kind}_{d}_{k}" for kind in ("perc", "exp") for d in DIMENSIONS
                 for k in range(1, t.n_items[d] + 1)]
    assert list(firm.survey.columns) == ["respondent_id", "customer_id", "channel", *item_cols,
                                         "overall_satisfaction", "recommend", "loyalty_intent",
                                         "churned"]
    assert list(firm.campaign.columns) == [
        "customer_id", "channel", "visit", "conversion", "spend", "cost_per_contact",
        "acquisition_channel", "region", "tenure_days", "n_orders", "past_spend", "recency_days",
        "recency_group", "contact_date",
    ]
    assert len(firm.customers) == 5000 and firm.customers["customer_id"].is_unique
    assert len(firm.survey) == 1200 and firm.survey["customer_id"].is_unique
    assert len(firm.campaign) == 5000
    assert firm.transactions["order_id"].is_unique
    assert firm.transactions["date"].dtype == "datetime64[ns]"
    assert set(firm.campaign["channel"]) == set(ARMS)
    assert firm.survey[item_cols + ["overall_satisfaction", "loyalty_intent"]].stack().between(1, 7).all()
    assert firm.survey["recommend"].between(0, 10).all()
    assert set(firm.survey["churned"]) == {0, 1}


def test_dates_follow_the_design(firm):
    t, tx, cust = firm.truth, firm.transactions, firm.customers
    assert t.start == pd.Timestamp("2023-01-01") and t.observation_end == pd.Timestamp("2024-12-31")
    assert tx["date"].between(t.start, t.observation_end).all()
    n_days = (t.observation_end - t.start).days + 1
    acq_limit = t.start + pd.Timedelta(days=int(np.floor(0.5 * n_days)))
    assert (cust["acquisition_date"] < acq_limit).all()
    # the first purchase of every customer is on the acquisition day, in the acquisition channel
    first = tx.groupby("customer_id").first()
    merged = cust.set_index("customer_id").join(first)
    assert (merged["date"] == merged["acquisition_date"]).all()
    assert (merged["channel"] == merged["acquisition_channel"]).all()
    assert tx["date"].is_monotonic_increasing
    # cost to serve is the channel's value; costs are positive
    assert (cust["cost_to_serve"] == cust["acquisition_channel"].map(t.cost_to_serve)).all()
    assert (cust["acquisition_cost"] > 0).all() and (tx["amount"] >= 0.01).all()


def test_channel_mix_and_acquisition_cost(firm):
    t, cust = firm.truth, firm.customers
    n = len(cust)
    for ch in CHANNELS:
        share = (cust["acquisition_channel"] == ch).mean()
        se = np.sqrt(t.channel_mix[ch] * (1 - t.channel_mix[ch]) / n)  # binomial SE
        assert abs(share - t.channel_mix[ch]) < Z * se, ch
        cost = cust.loc[cust["acquisition_channel"] == ch, "acquisition_cost"]
        se = cost.std(ddof=1) / np.sqrt(len(cost))  # SE of a mean
        assert abs(cost.mean() - t.acquisition_cost[ch]) < Z * se, ch


# --------------------------------------------------------------------- spend
def test_mean_spend_per_transaction_matches_gamma_gamma(firm):
    """Pooled mean amount per channel vs p*v/(q-1).

    Transaction counts are independent of a customer's spend level, so the mean
    over transactions has expectation p*v/(q-1). SE: the ratio estimator's
    cluster-robust SE, sqrt(sum_i (S_i - m n_i)^2) / sum_i n_i, customers as
    clusters (a customer's amounts share nu).
    """
    t = firm.truth
    per = firm.transactions.groupby("customer_id")["amount"].agg(["sum", "size"])
    per = per.join(firm.customers.set_index("customer_id")["acquisition_channel"])
    for ch in CHANNELS:
        g = per[per["acquisition_channel"] == ch]
        m = g["sum"].sum() / g["size"].sum()
        se = np.sqrt(((g["sum"] - m * g["size"]) ** 2).sum()) / g["size"].sum()
        prm = t.gamma_gamma[ch]
        expected = prm.p * prm.v / (prm.q - 1)
        assert abs(m - expected) < Z * se, (ch, m, expected, se)


# ----------------------------------------------------------------- purchases
def test_share_without_repeat_matches_bgnbd_closed_form(firm):
    """Share of customers with no repeat purchase vs E_i[(alpha/(alpha+T_i))^r].

    Under the BG/NBD a customer can drop out only after a repeat purchase, so
    P(no repeat in T) is the NBD zero term. Counting rows (orders), not days.
    SE: sqrt(sum p_i (1 - p_i)) / n for independent Bernoulli outcomes.
    """
    t = firm.truth
    counts = firm.transactions.groupby("customer_id").size()
    cust = firm.customers.set_index("customer_id")
    T = _t_weeks(firm.customers, t).to_numpy()
    for ch in CHANNELS:
        mask = (cust["acquisition_channel"] == ch).to_numpy()
        prm = t.bgnbd[ch]
        p0 = (prm.alpha / (prm.alpha + T[mask])) ** prm.r
        realized = (counts.reindex(cust.index[mask]) == 1).mean()
        se = np.sqrt((p0 * (1 - p0)).sum()) / mask.sum()
        assert abs(realized - p0.mean()) < Z * se, (ch, realized, p0.mean(), se)


def _brute_force_bgnbd(rng, T, r, alpha, a, b):
    """Repeat purchases of customers observed T weeks, simulated event by event."""
    n = len(T)
    lam = rng.gamma(r, 1.0 / alpha, n)
    p = rng.beta(a, b, n)
    clock = np.zeros(n)
    count = np.zeros(n, dtype=int)
    active = np.ones(n, dtype=bool)
    while active.any():
        idx = np.flatnonzero(active)
        clock[idx] += rng.exponential(1.0 / lam[idx])
        bought = clock[idx] <= T[idx]
        count[idx[bought]] += 1
        dies = rng.random(idx.size) < p[idx]
        active[idx[~bought | dies]] = False
    return count


def test_repeat_purchases_match_an_independent_monte_carlo(firm):
    """Mean repeats and P(exactly one repeat) per channel vs a brute-force simulation.

    The brute force draws 40,000 customers per channel with T resampled from the
    channel's realized observation lengths. SE of the difference:
    sqrt(se_realized^2 + se_mc^2) from the two samples' standard deviations.
    """
    t = firm.truth
    rng = np.random.default_rng(123)
    repeats = firm.transactions.groupby("customer_id").size() - 1
    cust = firm.customers.set_index("customer_id")
    T = _t_weeks(firm.customers, t).to_numpy()
    for ch in CHANNELS:
        mask = (cust["acquisition_channel"] == ch).to_numpy()
        x = repeats.reindex(cust.index[mask]).to_numpy()
        prm = t.bgnbd[ch]
        mc = _brute_force_bgnbd(rng, rng.choice(T[mask], 40000), prm.r, prm.alpha, prm.a, prm.b)
        for stat in (lambda v: v.astype(float), lambda v: (v == 1).astype(float)):
            s, m = stat(x), stat(mc)
            se = np.sqrt(s.var(ddof=1) / s.size + m.var(ddof=1) / m.size)
            assert abs(s.mean() - m.mean()) < Z * se, (ch, s.mean(), m.mean(), se)


def test_purchase_channel_stickiness(firm):
    t = firm.truth
    tx = firm.transactions.merge(firm.customers[["customer_id", "acquisition_channel"]])
    repeat = tx[tx.duplicated("customer_id", keep="first")]
    same = (repeat["channel"] == repeat["acquisition_channel"]).to_numpy()
    # P(same) = stickiness + (1 - stickiness) * mix[acquisition channel]
    p = t.purchase_channel_stickiness + (1 - t.purchase_channel_stickiness) * repeat[
        "acquisition_channel"].map(t.channel_mix).to_numpy()
    se = np.sqrt((p * (1 - p)).sum()) / len(p)  # ignores clustering: fine, draws are independent
    assert abs(same.mean() - p.mean()) < Z * se


def test_bgnbd_covariate_form_reproduces_the_channel_parameters(firm):
    t = firm.truth
    cov = t.bgnbd_covariates().set_index("channel")
    base = t.bgnbd[t.bgnbd_baseline_channel]
    assert t.bgnbd_baseline_channel == "store" and cov["exact"].all()
    for ch in CHANNELS:
        prm = t.bgnbd[ch]
        assert prm.alpha == pytest.approx(base.alpha * np.exp(-cov.loc[ch, "gamma_trans"]), rel=1e-12)
        assert prm.a == pytest.approx(base.a * np.exp(cov.loc[ch, "gamma_life"]), rel=1e-12)
        assert prm.b == pytest.approx(base.b * np.exp(cov.loc[ch, "gamma_life"]), rel=1e-12)
    other = simulate_service_firm(100, seed=1, bgnbd={"web": {"r": 1.0, "alpha": 7.5, "a": 1, "b": 3}})
    assert not other.truth.bgnbd_covariates().set_index("channel").loc["web", "exact"]
    assert other.truth.bgnbd["web"] == BGNBDParams(1.0, 7.5, 1.0, 3.0)


# ------------------------------------------------------------------ campaign
def test_campaign_arm_rates_match_truth(firm):
    """Realized visit / conversion rates per arm and recency group vs the true rates.

    SE: binomial sqrt(p (1 - p) / n) at the true p; spend per converter: the
    sample SD / sqrt(n).
    """
    t, c = firm.truth, firm.campaign
    for arm in ARMS:
        share = (c["channel"] == arm).mean()
        assert abs(share - 1 / 3) < Z * np.sqrt(2 / 9 / len(c))
        for group in ("recent", "lapsed"):
            g = c[(c["channel"] == arm) & (c["recency_group"] == group)]
            p = t.visit_rate[arm][group]
            assert abs(g["visit"].mean() - p) < Z * np.sqrt(p * (1 - p) / len(g)), (arm, group)
        a = c[c["channel"] == arm]
        expected = t.arm_rates((a["recency_group"] == "recent").mean()).set_index("arm").loc[arm]
        for col, rate in (("visit", expected["visit_rate"]), ("conversion", expected["conversion_rate"])):
            assert abs(a[col].mean() - rate) < Z * np.sqrt(rate * (1 - rate) / len(a)), (arm, col)
        spend = a.loc[a["conversion"] == 1, "spend"]
        assert abs(spend.mean() - t.spend_mean[arm]) < Z * spend.std(ddof=1) / np.sqrt(len(spend))
        assert (a.loc[a["conversion"] == 0, "spend"] == 0).all()
        assert (a["visit"] >= a["conversion"]).all()
        assert (a["cost_per_contact"] == t.cost_per_contact[arm]).all()


def test_campaign_covariates_are_consistent_with_the_log(firm):
    t, c, tx = firm.truth, firm.campaign, firm.transactions
    per = tx.groupby("customer_id").agg(n=("amount", "size"), spend=("amount", "sum"),
                                        last=("date", "max"))
    per = per.reindex(c["customer_id"])
    assert (c["n_orders"].to_numpy() == per["n"].to_numpy()).all()
    np.testing.assert_allclose(c["past_spend"].to_numpy(), per["spend"].to_numpy(), atol=0.006)
    assert ((t.campaign_date - per["last"]).dt.days.to_numpy() == c["recency_days"].to_numpy()).all()
    assert ((c["recency_days"] <= 90) == (c["recency_group"] == "recent")).all()
    assert t.campaign_recent_share == pytest.approx((c["recency_group"] == "recent").mean())


# -------------------------------------------------------------------- survey
def _item_means(survey: pd.DataFrame, kind: str = "perc") -> pd.DataFrame:
    return pd.DataFrame({d: survey.filter(regex=f"^{kind}_{d}_").mean(axis=1) for d in DIMENSIONS})


def _plim_weights(t) -> np.ndarray:
    """OLS limit on item means, (S + D)^-1 S w, from the truth's primitives (written here)."""
    corr = np.array(t.latent_corr)
    within = corr * t.latent_sd**2
    shifts = np.array([[t.perception_channel_shift[c].get(d, 0.0) for d in DIMENSIONS]
                       for c in t.channels])
    mix = np.array([t.channel_mix[c] for c in t.channels])
    mu = mix @ shifts
    between = sum(m * np.outer(s - mu, s - mu) for m, s in zip(mix, shifts))
    S = within + between
    D = np.diag([(t.item_noise_sd**2 + 1 / 12) / t.n_items[d] for d in DIMENSIONS])
    w = np.array([t.driver_weights[d] for d in DIMENSIONS])
    return np.linalg.solve(S + D, S @ w)


def test_driver_regression_recovers_the_weights(big_survey_firm):
    """OLS of overall satisfaction on perception item means.

    Expected: the attenuated limit (S + D)^-1 S w (D = item noise + rounding
    variance / items), recomputed here. Tolerance: 4 HC1 standard errors plus
    0.01 for the clipping of items and outcome to 1..7, which the limit ignores
    (a 300,000-respondent run put that bias below 0.005 for every weight).
    The estimated order of importance must equal the true order.
    """
    t, s = big_survey_firm.truth, big_survey_firm.survey
    X = sm.add_constant(_item_means(s))
    fit = sm.OLS(s["overall_satisfaction"].astype(float), X).fit(cov_type="HC1")
    plim = _plim_weights(t)
    np.testing.assert_allclose([t.expected_ols_weights[d] for d in DIMENSIONS], plim, rtol=1e-10)
    for d, expected in zip(DIMENSIONS, plim):
        assert abs(fit.params[d] - expected) < Z * fit.bse[d] + 0.01, (d, fit.params[d], expected)
    true_order = sorted(DIMENSIONS, key=t.driver_weights.get)
    assert sorted(DIMENSIONS, key=fit.params.get) == true_order
    assert true_order[0] == "tangibles" and true_order[-1] == "reliability"


def test_default_survey_identifies_the_top_and_bottom_driver(firm):
    s = firm.survey
    fit = sm.OLS(s["overall_satisfaction"].astype(float), sm.add_constant(_item_means(s))).fit()
    w = fit.params.drop("const")
    assert w.idxmax() == "reliability" and w.idxmin() == "tangibles"


def test_scale_reliability_matches_cronbach_alpha(big_survey_firm):
    """Cronbach's alpha of each perception scale vs the truth's construct reliability.

    Items are parallel (equal loadings and noise), so alpha equals the reliability
    of the item mean. Tolerance 0.02: alpha's SE at n = 10,000 is about 0.003 and
    the rounding-as-uniform-noise approximation is within 0.005 of a 300,000 run.
    """
    t, s = big_survey_firm.truth, big_survey_firm.survey
    for d in DIMENSIONS:
        items = s.filter(regex=f"^perc_{d}_")
        k = items.shape[1]
        alpha = k / (k - 1) * (1 - items.var(ddof=1).sum() / items.sum(axis=1).var(ddof=1))
        assert abs(alpha - t.construct_reliability[d]) < 0.02, (d, alpha)
        assert 0.8 < alpha < 0.95


def test_churn_follows_the_logistic_model(big_survey_firm):
    """Logit of churned on the observed overall rating recovers the true coefficients (4 SE)."""
    t, s = big_survey_firm.truth, big_survey_firm.survey
    X = sm.add_constant(s["overall_satisfaction"].astype(float) - t.churn_centre)
    fit = sm.Logit(s["churned"].astype(float), X).fit(disp=0)
    assert abs(fit.params["const"] - t.churn_intercept) < Z * fit.bse["const"]
    assert abs(fit.params["overall_satisfaction"] - t.churn_slope) < Z * fit.bse["overall_satisfaction"]


def test_loyalty_and_recommend_rise_with_satisfaction(big_survey_firm):
    s = big_survey_firm.survey
    by = s.groupby("overall_satisfaction")[["recommend", "loyalty_intent"]].mean()
    middle = by.loc[3:6]
    assert middle["recommend"].is_monotonic_increasing
    assert middle["loyalty_intent"].is_monotonic_increasing


def test_perception_gaps_have_the_true_sign_and_order(big_survey_firm):
    """Expectations exceed perceptions for every dimension; reliability has the largest gap.

    Exact gap sizes are not compared: expectation items near 7 are clipped.
    """
    s = big_survey_firm.survey
    gap = _item_means(s, "perc").mean() - _item_means(s, "exp").mean()
    assert (gap < 0).all() and gap.idxmin() == "reliability"


def test_perceptions_shift_by_channel(big_survey_firm):
    t, s = big_survey_firm.truth, big_survey_firm.survey
    means = _item_means(s).groupby(s["channel"]).mean()
    resp = means["responsiveness"]
    # app +0.3, phone -0.2 relative to the others' 0 on responsiveness; SE of a group mean < 0.04
    assert resp["app"] - resp["store"] == pytest.approx(0.3, abs=Z * 0.05)
    assert resp["phone"] - resp["store"] == pytest.approx(-0.2, abs=Z * 0.05)
    assert t.perception_channel_shift["app"]["responsiveness"] == 0.3


# ------------------------------------------------------------- reproducibility
def test_same_seed_same_tables_and_different_seed_differs():
    a = simulate_service_firm(800, seed=42)
    b = simulate_service_firm(800, seed=42)
    for name, table in a.tables().items():
        pd.testing.assert_frame_equal(table, b.tables()[name], obj=name)
    assert a.truth.as_dict() == b.truth.as_dict()
    c = simulate_service_firm(800, seed=43)
    assert not a.transactions.equals(c.transactions)
    assert not a.survey.equals(c.survey)
    assert not a.campaign.equals(c.campaign)


def test_generator_seed_and_independent_streams():
    a = simulate_service_firm(600, seed=np.random.default_rng(5))
    b = simulate_service_firm(600, seed=np.random.default_rng(5))
    pd.testing.assert_frame_equal(a.transactions, b.transactions)
    assert a.truth.seed is None
    # the survey size draws from its own stream: the purchase log does not change
    c = simulate_service_firm(600, seed=9, n_survey=100)
    d = simulate_service_firm(600, seed=9, n_survey=300)
    pd.testing.assert_frame_equal(c.transactions, d.transactions)
    assert len(d.survey) == 300


def test_default_size_runs_in_a_few_seconds():
    t0 = time.perf_counter()
    simulate_service_firm()
    assert time.perf_counter() - t0 < 5.0


def test_date_resolution_seconds_keeps_times():
    firm = simulate_service_firm(300, seed=2, date_resolution="s")
    times = firm.transactions["date"]
    assert (times != times.dt.normalize()).any()
    assert times.max() <= firm.truth.observation_end + pd.Timedelta(days=1)


# ---------------------------------------------------------------------- truth
def test_truth_exports(firm):
    t = firm.truth
    d = t.as_dict()
    json.dumps(d)  # plain values only
    assert d["seed"] == 20240601 and d["n_customers"] == 5000
    assert d["gamma_gamma"]["phone"] == {"p": 6.0, "q": 5.0, "v": 50.0}
    frame = t.to_frame()
    assert list(frame.columns) == ["component", "parameter", "group", "value"]
    row = frame[(frame["parameter"] == "alpha") & (frame["group"] == "partner")]
    assert row["value"].item() == 12.0 and row["component"].item() == "bgnbd"
    row = frame[(frame["parameter"] == "visit_rate") & (frame["group"] == "email/recent")]
    assert row["value"].item() == 0.2 and row["component"].item() == "campaign"
    assert t.gamma_gamma["app"].mean_spend == pytest.approx(35.0)
    with pytest.raises(AttributeError):
        t.seed = 1  # frozen


@pytest.mark.parametrize(
    "kwargs, words",
    [
        ({"n_customers": 5}, "n_customers"),
        ({"n_customers": 100, "n_survey": 200}, "n_survey"),
        ({"n_customers": 100, "channel_mix": {"store": 1, "kiosk": 1}}, "kiosk"),
        ({"n_customers": 100, "seed": "abc"}, "seed"),
        ({"n_customers": 100, "gamma_gamma": {"web": {"p": 1, "q": 0.5, "v": 1}}}, "q must be > 1"),
        ({"n_customers": 100, "years": 0}, "years"),
        ({"n_customers": 100, "date_resolution": "W"}, "date_resolution"),
        ({"n_customers": 100, "driver_weights": {"reliability": 1.0}}, "driver_weights"),
    ],
)
def test_bad_parameters_are_explained(kwargs, words):
    n = kwargs.pop("n_customers")
    with pytest.raises(ParameterError, match=words):
        simulate_service_firm(n, **kwargs)


def test_custom_channel_mix_restricts_channels():
    firm = simulate_service_firm(400, seed=4, channel_mix={"web": 1.0, "app": 1.0})
    assert set(firm.customers["acquisition_channel"]) == {"web", "app"}
    assert firm.truth.channels == ("web", "app") and firm.truth.bgnbd_baseline_channel == "web"
