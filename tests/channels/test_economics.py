"""Channel economics against the synthetic firm's true acquisition costs and the
BG/NBD + Gamma-Gamma expected first-year revenue (by numerical integration), and a
hand-built payback example."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import integrate, stats

from analysis.channels import channel_economics, customer_value
from analysis.errors import DataValidationError, ParameterError
from analysis.simulate import simulate_service_firm

Z = 4.0  # within 4 standard errors of the truth


@pytest.fixture(scope="module")
def firm():
    return simulate_service_firm(8000, seed=11)


def _expected_repeats(prm, t_weeks: float) -> float:
    """BG/NBD E[X(t)] = E_p[(1 - (alpha / (alpha + p t))^r) / p], p ~ Beta(a, b) (lambda integrated out)."""
    f = lambda p: (1 - (prm.alpha / (prm.alpha + p * t_weeks)) ** prm.r) / p * stats.beta.pdf(p, prm.a, prm.b)
    return integrate.quad(f, 0, 1, limit=200)[0]


def test_cac_and_first_year_revenue_recover_truth(firm):
    truth = firm.truth
    eco = channel_economics(firm.customers, firm.transactions, margin=truth.gross_margin, n_bootstrap=0)
    table, _ = customer_value(firm.customers, firm.transactions, margin=truth.gross_margin)
    for ch in truth.channels:
        sub = table[table["channel"] == ch]
        se_cac = sub["acquisition_cost"].std() / np.sqrt(len(sub))
        assert abs(eco.loc[ch, "cac"] - truth.acquisition_cost[ch]) < Z * se_cac, ch
        el = sub[sub["eligible"]]
        want = truth.gamma_gamma[ch].mean_spend * (1 + _expected_repeats(truth.bgnbd[ch], 365 / 7))
        se = el["revenue_horizon"].std() / np.sqrt(len(el))
        assert abs(eco.loc[ch, "first_year_revenue"] - want) < Z * se, (ch, eco.loc[ch, "first_year_revenue"], want)
        # value = margin x revenue - cost to serve x orders, customer by customer
        np.testing.assert_allclose(
            el["value_horizon"],
            truth.gross_margin * el["revenue_horizon"] - truth.cost_to_serve[ch] * el["orders_horizon"], atol=1e-9)
    assert list(eco.index) == list(eco.sort_values("value_to_cost", ascending=False).index)
    np.testing.assert_allclose(eco["roi"], eco["first_year_value"] / eco["cac"] - 1, rtol=1e-12)


def test_payback_by_hand_and_bootstrap_reproducible():
    cust = pd.DataFrame({"customer_id": ["a", "b", "c", "d"], "acquisition_channel": ["web", "web", "shop", "shop"],
                         "acquisition_cost": [20.0, 20.0, 5.0, 5.0],
                         "acquisition_date": pd.to_datetime(["2024-01-01"] * 4)})
    tx = pd.DataFrame({"customer_id": ["a", "a", "b", "c", "d"],
                       "date": pd.to_datetime(["2024-01-01", "2024-04-15", "2024-02-10", "2024-01-02", "2024-01-03"]),
                       "amount": [10.0, 20.0, 10.0, 10.0, 0.0]})
    eco = channel_economics(cust, tx, cost_to_serve=None, observation_end="2025-12-31", n_bootstrap=50, seed=1)
    # web: cumulative mean value by month: 5 (m1), 10 (m2), 10 (m3), 20 (m4) -> pays back its 20 in month 4
    assert eco.loc["web", "payback_months"] == 4
    # shop: mean 5 in month 1 reaches cac 5 -> month 1
    assert eco.loc["shop", "payback_months"] == 1
    assert eco.loc["web", "first_year_value"] == 20.0 and eco.loc["web", "roi"] == 0.0
    again = channel_economics(cust, tx, cost_to_serve=None, observation_end="2025-12-31", n_bootstrap=50, seed=1)
    pd.testing.assert_frame_equal(eco, again)


def test_economics_bad_input(firm):
    cust = firm.customers.copy()
    cust.loc[cust.index[:2], "acquisition_cost"] = -1.0
    with pytest.raises(DataValidationError, match="acquisition_cost"):
        channel_economics(cust, firm.transactions, n_bootstrap=0)
    with pytest.raises(ParameterError, match="margin"):
        channel_economics(firm.customers, firm.transactions, margin=30, n_bootstrap=0)


def test_observation_end_is_parsed_once_and_defaults_to_the_last_transaction(firm):
    from analysis.channels.economics import observation_cutoff

    tx = firm.transactions
    last = tx["date"].max()
    default, _ = customer_value(firm.customers, tx, margin=0.3)
    explicit, _ = customer_value(firm.customers, tx, margin=0.3, observation_end=last.strftime("%Y-%m-%d"))
    pd.testing.assert_frame_equal(default, explicit)
    assert observation_cutoff(None, tx) == last.normalize()
    # a time of day or a zone does not move the day (analysis.window.parse_date)
    assert observation_cutoff("2024-06-30 23:59", tx) == pd.Timestamp("2024-06-30")
    assert observation_cutoff("2024-06-30T23:30:00+00:00", tx) == pd.Timestamp("2024-06-30")
    with pytest.raises(ParameterError, match="observation_end must be a date"):
        customer_value(firm.customers, tx, observation_end="end of June")


def test_default_seed_and_parameter_messages(firm):
    from analysis.checks import DEFAULT_SEED

    kw = dict(margin=0.3, n_bootstrap=20)
    pd.testing.assert_frame_equal(channel_economics(firm.customers, firm.transactions, **kw),
                                  channel_economics(firm.customers, firm.transactions, seed=DEFAULT_SEED, **kw))
    with pytest.raises(ParameterError, match=r"The 'seed' parameter of channel_economics must be an int or a "
                                             r"numpy.random.Generator. Got None instead."):
        channel_economics(firm.customers, firm.transactions, seed=None, **kw)
    with pytest.raises(ParameterError, match=r"The 'n_bootstrap' parameter of channel_economics must be an int in "
                                             r"the range \[0, inf\)"):
        channel_economics(firm.customers, firm.transactions, margin=0.3, n_bootstrap=-1)


def test_bootstrap_standard_errors_and_the_estimate_shape(firm):
    from analysis.channels import economics_estimates
    from analysis.results import ESTIMATE_COLUMNS

    eco = channel_economics(firm.customers, firm.transactions, margin=0.3, n_bootstrap=300, seed=5)
    cust = firm.customers
    for ch, r in eco.iterrows():
        costs = cust.loc[cust["acquisition_channel"] == ch, "acquisition_cost"]
        # the bootstrap standard error of a mean is close to sd / sqrt(n) (Monte Carlo error ~ 1/sqrt(2 * 300))
        assert r["cac_std_error"] == pytest.approx(costs.std(ddof=0) / np.sqrt(len(costs)), rel=0.15), ch
        # and the percentile interval of a near-normal mean is about +/- 1.96 of them wide
        assert r["cac_ci_high"] - r["cac_ci_low"] == pytest.approx(2 * 1.96 * r["cac_std_error"], rel=0.2), ch
    long = economics_estimates(eco)
    assert list(long.columns) == list(ESTIMATE_COLUMNS)
    assert long.index.names == ["channel", "measure"]
    assert list(long.index.get_level_values("measure").unique()) == ["cac", "first_year_value", "roi",
                                                                     "payback_months"]
    for (ch, measure), row in long.iterrows():
        assert row["estimate"] == eco.loc[ch, measure]
        assert row["ci_low"] == eco.loc[ch, f"{measure}_ci_low"] or np.isnan(row["ci_low"])
    assert long.loc[(eco.index[0], "payback_months"), "std_error"] != long.loc[(eco.index[0], "payback_months"),
                                                                                "std_error"]  # NaN: censored
    assert long["p_value"].isna().all()


def test_bad_costs_are_named_by_rows_numbered_from_1(firm):
    customers = firm.customers.copy()
    customers.loc[customers.index[[2, 6]], "acquisition_cost"] = -1.0
    with pytest.raises(DataValidationError, match=r"'acquisition_cost' needs a non-negative cost for every customer; "
                                                  r"row 3: -1\.0, row 7: -1\.0 break it"):
        customer_value(customers, firm.transactions)


def test_verdict_follows_the_roi_interval(firm):
    # issue 13, case 13: a channel "recovers its CAC" only when its whole first-year ROI interval is above zero
    from analysis.channels import profit_verdict

    eco = channel_economics(firm.customers, firm.transactions, margin=0.3, n_bootstrap=60, seed=3)
    for _, r in eco.iterrows():
        want = "profitable" if r["roi_ci_low"] > 0 else "loss" if r["roi_ci_high"] < 0 else "uncertain"
        assert r["verdict"] == want
    assert profit_verdict(-0.1, 0.2) == "uncertain" and profit_verdict(float("nan"), float("nan")) == "uncertain"
    assert (channel_economics(firm.customers, firm.transactions, margin=0.3, n_bootstrap=0)["verdict"]
            == "uncertain").all()
