"""A log without amounts, or with all amounts equal (analysis.clv.counts; issue 12, NB02 cases 1 and 3).

Before issue 12, a summary without ``monetary_value`` stopped :func:`analysis.clv.exclusions`
(DataValidationError), a log whose amounts were all 1 stopped notebook 02 in the Gamma-Gamma fit,
and a model name the notebook did not know was a bare ``KeyError``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import clv
from analysis.errors import AnalysisError, DataValidationError, ParameterError

BG = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}  # Fader, Hardie & Lee (2005), CDNOW


@pytest.fixture(scope="module")
def fitted():
    truth = clv.BetaGeo.from_params(BG)
    data = truth.simulate(2000, T=39.0, seed=3)
    return clv.BetaGeo().fit(data), data


def test_spend_basis_names_each_case():
    summary = pd.DataFrame({"frequency": [0, 2, 3, 1], "monetary_value": [0.0, 1.0, 1.0, 1.0]})
    assert clv.spend_basis(summary).loc["spend", "basis"] == "constant"
    assert clv.spend_basis(summary).loc["spend", "spend_per_purchase"] == 1.0
    assert clv.spend_basis(summary, amounts=False).loc["spend", "basis"] == "no_amounts"
    assert clv.spend_basis(summary.drop(columns="monetary_value")).loc["spend", "basis"] == "no_amounts"
    varied = summary.assign(monetary_value=[0.0, 1.0, 2.5, 4.0])
    assert clv.spend_basis(varied).loc["spend", "basis"] == "gamma_gamma"
    assert int(clv.spend_basis(varied).loc["spend", "distinct_spends"]) == 3
    free = summary.assign(monetary_value=0.0)
    assert clv.spend_basis(free).loc["spend", "basis"] == "no_repeat_spend"


def test_equal_amounts_are_the_case_gamma_gamma_cannot_fit():
    """The reason spend_basis exists: Gamma-Gamma refuses a constant mean spend (it used to stop notebook 02)."""
    summary = pd.DataFrame({"frequency": [1, 2, 3, 4], "monetary_value": [1.0] * 4})
    with pytest.raises(DataValidationError, match="same mean spend"):
        clv.GammaGamma().fit(summary)
    assert clv.spend_basis(summary).loc["spend", "basis"] == "constant"


def test_exclusions_and_fitting_sample_accept_a_summary_without_amounts():
    """Failed before issue 12: _masks demanded monetary_value."""
    summary = pd.DataFrame({"frequency": [0, 2, 1], "recency": [0.0, 5.0, 3.0], "T": [0.0, 9.0, 8.0]},
                           index=["new", "a", "b"])
    table = clv.exclusions(summary)
    assert table.index.tolist() == ["first_purchase_at_end"]  # no spend fit, no spend reason (and no spend word)
    assert int(table.loc["first_purchase_at_end", "customers"]) == 1
    assert clv.fitting_sample(summary).index.tolist() == ["a", "b"]
    with pytest.raises(DataValidationError, match="monetary_value"):
        clv.fitting_sample(summary, "spend")


def test_has_amounts():
    tx = pd.DataFrame({"customer_id": ["a"], "date": [pd.Timestamp("2024-01-01")]})
    assert not clv.has_amounts(tx)
    assert clv.has_amounts(tx.assign(amount=1.0))


def test_purchase_forecast_equals_the_closed_form_expectation(fitted):
    """Independent check: the forecast goes through the discounted-value machinery (12 steps, spend 1,
    no discounting); its total must equal the model's closed-form conditional expectation E[Y(horizon)]
    (Fader, Hardie & Lee 2005, eq. 10), to floating-point rounding (1e-10: the steps telescope exactly)."""
    model, data = fitted
    forecast = clv.purchase_forecast(model, data, horizon=52, interval=None)
    np.testing.assert_allclose(forecast["expected_purchases"], model.predict_purchases(52, data), rtol=1e-10)
    np.testing.assert_allclose(forecast["p_alive"], model.prob_alive(data), rtol=1e-12)
    alive = forecast["purchases_if_alive"] * forecast["p_alive"]
    np.testing.assert_allclose(alive, forecast["expected_purchases"], rtol=1e-10)
    np.testing.assert_allclose(forecast["purchases_at_risk"],
                               forecast["purchases_if_alive"] * (1 - forecast["p_alive"]), rtol=1e-12)
    assert not any("spend" in c or "clv" in c or "value" in c for c in forecast.columns)


def test_purchase_forecast_interval_matches_a_parametric_bootstrap(fitted):
    """The delta-method interval of the total against a brute-force parametric bootstrap (400 draws of the
    parameters from their asymptotic normal distribution on the log scale): the standard errors of a
    customer's expected purchases agree within 15% (bootstrap noise with 400 draws is about 4%; the delta
    method is a first-order approximation)."""
    model, data = fitted
    rows = data.iloc[:40]
    delta = clv.purchase_forecast(model, rows, horizon=52)
    draws = model.sample_params(400, np.random.default_rng(7))
    sims = np.column_stack([model._with_params(draws.iloc[i]).predict_purchases(52, rows).to_numpy()
                            for i in range(len(draws))])
    np.testing.assert_allclose(delta["expected_purchases_std_error"], sims.std(axis=1, ddof=1), rtol=0.15)
    assert (delta["expected_purchases_ci_low"] <= delta["expected_purchases"]).all()
    assert (delta["expected_purchases"] <= delta["expected_purchases_ci_high"]).all()


def test_forecast_table_is_money_only_with_spend(fitted):
    model, data = fitted
    counts = clv.forecast_table(model, data.iloc[:5], horizon=10)
    money = clv.forecast_table(model, data.iloc[:5], spend=2.0, horizon=10, discount_rate=0.0, margin=1.0)
    assert "clv" not in counts.columns and "purchases_at_risk" in counts.columns
    np.testing.assert_allclose(money["clv"], 2.0 * counts["expected_purchases"], rtol=1e-10)
    assert {"value_if_alive", "value_at_risk", "p_alive_if_silent"} <= set(money.columns)


def test_at_risk_rule_on_expected_purchases(fitted):
    model, data = fitted
    forecast = clv.purchase_forecast(model, data, horizon=52, interval=None)
    rule = clv.win_back_rule(forecast, threshold=0.5, min_p_alive=0.05, worth="purchases_if_alive")
    assert "min_purchases_if_alive" in rule.columns and "min_value_if_alive" not in rule.columns
    status = clv.win_back_status(forecast, rule)
    targets = clv.win_back_targets(forecast, rule)
    # by hand: slipping away, not gone, frequent if alive
    cutoff = forecast["purchases_if_alive"].quantile(0.75)
    hand = forecast[(forecast["p_alive"] >= 0.05) & (forecast["p_alive"] < 0.5)
                    & (forecast["purchases_if_alive"] >= cutoff)]
    assert set(targets.index) == set(hand.index) == set(status.index[status == "win_back"])
    assert targets["purchases_at_risk"].is_monotonic_decreasing


@pytest.mark.parametrize("names", [None, ["BetaGeo"], "ParetoNBD", ["ModifiedBetaGeo", "BetaGeo"]])
def test_transaction_models_accepts_one_or_more(names):
    chosen = clv.transaction_models(names)
    assert chosen and all(issubclass(c, (clv.BetaGeo, clv.ParetoNBD)) for c in chosen.values())


@pytest.mark.parametrize(("names", "words"), [([], "at least one"), (["BG/NBD"], "not a transaction model"),
                                              (["BetaGeo", "BetaGeo"], "twice"), (3, "at least one")])
def test_transaction_models_refuses_with_the_names_allowed(names, words):
    """Failed before issue 12: the notebook looked names up in a dict (KeyError) and [] failed later."""
    with pytest.raises(ParameterError, match=words) as info:
        clv.transaction_models(names)
    assert "BetaGeo" in str(info.value) and isinstance(info.value, AnalysisError)


@pytest.mark.parametrize(("threshold", "min_p_alive"), [(0.0, 0.0), (1.5, 0.05), (0.5, 0.5), (0.5, -0.1), (None, 0.05)])
def test_edge_values_of_the_risk_rule_are_clear_errors(fitted, threshold, min_p_alive):
    model, data = fitted
    forecast = clv.purchase_forecast(model, data.iloc[:50], horizon=52, interval=None)
    with pytest.raises(ParameterError):
        clv.win_back_rule(forecast, threshold=threshold, min_p_alive=min_p_alive, worth="purchases_if_alive")


def test_edge_values_of_the_risk_rule_that_are_allowed(fitted):
    """risk_threshold = 1 (every customer not certainly alive is slipping away) and min_p_alive = 0 (nobody
    is gone) are documented behaviours, not errors."""
    model, data = fitted
    forecast = clv.purchase_forecast(model, data.iloc[:50], horizon=52, interval=None)
    rule = clv.win_back_rule(forecast, threshold=1.0, min_p_alive=0.0, worth="purchases_if_alive")
    assert "probably_gone" not in set(clv.win_back_status(forecast, rule))


@pytest.mark.parametrize(("settings", "words"), [({"horizon": 0}, "'horizon'"), ({"horizon": None}, "'horizon'"),
                                                 ({"risk_threshold": 0.0}, "'risk_threshold'"),
                                                 ({"min_p_alive": 0.5}, "must be below risk_threshold"),
                                                 ({"margin": 0.0}, "'margin'"), ({"discount_rate": -0.1}, "'discount_rate'")])
def test_forecast_settings_are_checked_before_any_fit(settings, words):
    values = {"horizon": 52, "risk_threshold": 0.5, "min_p_alive": 0.05, "discount_rate": None, "margin": None}
    clv.check_forecast_settings(**values)  # None: no discounting, value in revenue (documented)
    with pytest.raises(ParameterError, match=words):
        clv.check_forecast_settings(**(values | settings))


def test_spend_basis_ignores_summation_noise():
    """DuckDB and pandas add amounts in different orders: mean spends 1e-15 apart are one spend (the notebook's
    findings must be the same for a log on disk and in memory)."""
    summary = pd.DataFrame({"frequency": [1, 2, 3], "monetary_value": [0.1 + 0.2, 0.3, 0.30000000000000004]})
    basis = clv.spend_basis(summary)
    assert basis.loc["spend", "basis"] == "constant" and int(basis.loc["spend", "distinct_spends"]) == 1
