"""Tests of analysis.simulate.firm: tables, reproducibility, seeds and argument checks.

Tolerances and how expected values are computed: tests/simulate_cases.py.
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
import pytest

from analysis.checks import DEFAULT_SEED
from analysis.errors import ParameterError
from analysis.schemas import (
    validate_channel_outcomes,
    validate_complaints,
    validate_customers,
    validate_memberships,
    validate_survey,
    validate_transactions,
)
from analysis.simulate import ARMS, DIMENSIONS, simulate_service_firm


def _rating_columns(survey: pd.DataFrame) -> list[str]:
    return [c for c in survey.columns if c.startswith(("perc_", "exp_"))]


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
    pd.testing.assert_frame_equal(validate_complaints(firm.complaints), firm.complaints)
    pd.testing.assert_frame_equal(validate_memberships(firm.memberships), firm.memberships)
    assert list(firm.tables()) == ["transactions", "customers", "survey", "channel_outcomes",
                                   "complaints", "memberships"]
    assert firm.tables()["channel_outcomes"] is firm.campaign


def test_columns_and_sizes(firm):
    t = firm.truth
    assert list(firm.transactions.columns) == ["customer_id", "date", "amount", "channel", "order_id",
                                               "category"]
    assert list(firm.customers.columns) == [
        "customer_id", "acquisition_date", "acquisition_channel", "acquisition_cost",
        "cost_to_serve", "region", "referred_by",
    ]
    assert list(firm.complaints.columns) == [
        "complaint_id", "customer_id", "order_id", "date", "channel", "category", "resolution",
        "resolved_date", "compensation", "satisfaction_after",
    ]
    assert list(firm.memberships.columns) == [
        "customer_id", "start_date", "end_date", "tier", "points_earned", "points_redeemed",
        "discounts",
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


def test_default_seed_is_the_package_default():
    a = simulate_service_firm(300)
    b = simulate_service_firm(300, seed=DEFAULT_SEED)
    pd.testing.assert_frame_equal(a.transactions, b.transactions)
    assert a.truth.seed == DEFAULT_SEED


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"n_customers": 5}, "The 'n_customers' parameter of simulate_service_firm must be an int in the "
                             "range [10, inf). Got 5 instead."),
        ({"n_customers": 100, "seed": None}, "The 'seed' parameter of simulate_service_firm must be an int or "
                                             "a numpy.random.Generator. Got None instead."),
        ({"n_customers": 100, "acquisition_share": 0}, "The 'acquisition_share' parameter of "
                                                       "simulate_service_firm must be a number in the range (0, 1]. "
                                                       "Got 0 instead."),
    ],
)
def test_parameter_messages_have_the_package_form(kwargs, message):
    n = kwargs.pop("n_customers")
    with pytest.raises(ParameterError) as info:
        simulate_service_firm(n, **kwargs)
    assert str(info.value) == message


def test_start_is_parsed_as_a_date():
    firm = simulate_service_firm(100, seed=1, start="2020-03-01 17:30")
    assert firm.truth.start == pd.Timestamp("2020-03-01")
    with pytest.raises(ParameterError, match="start"):
        simulate_service_firm(100, seed=1, start="not a date")


def test_bad_model_parameters_are_shown_as_written():
    """Issue 14 (case 9): the message printed np.float64(-1.0)."""
    from analysis.simulate import simulate_service_firm

    bad = {"r": np.float64(-1.0), "alpha": 1.0, "a": 1.0, "b": 1.0}
    with pytest.raises(ParameterError, match=r"must be > 0; got -1\.0\.") as err:
        simulate_service_firm(200, bgnbd={"app": bad, "web": bad, "store": bad, "phone": bad})
    assert "np." not in str(err.value)
