"""Economics of retention (analysis.retention.economics): the closed forms against brute-force sums (1e-9:
a geometric series summed to 2,000 terms, whose remainder is below 1e-12 here) and against a simulation of
customers who stay period by period with probability r (within 4 standard errors of the simulated mean)."""

from __future__ import annotations

import numpy as np
import pytest

from analysis.errors import AnalysisError
from analysis.retention import customer_value, per_period_rate, retention_economics, retention_scenarios


def _brute_value(m, r, d, terms=2000):
    return float(m * np.sum((r / (1 + d)) ** np.arange(terms)))


@pytest.mark.parametrize(("m", "r", "d"), [(100.0, 0.8, 0.1), (27.8, 0.498, 0.0241), (5.0, 0.95, 0.01)])
def test_customer_value_is_the_discounted_sum(m, r, d):
    assert customer_value(m, r, d) == pytest.approx(_brute_value(m, r, d), rel=1e-9)


def test_customer_value_against_a_simulation_of_customers():
    """Customers stay each period with probability r; the mean discounted margin over 200,000 of them."""
    rng = np.random.default_rng(5)
    m, r, d, n = 10.0, 0.7, 0.05, 200_000
    periods = rng.geometric(1 - r, n)  # periods with a margin: this one and every one she stays for
    discount = 1 / (1 + d)
    values = m * (1 - discount**periods) / (1 - discount)
    se = values.std(ddof=1) / np.sqrt(n)
    assert abs(values.mean() - customer_value(m, r, d)) < 4 * se


def test_economics_rows_against_brute_force_and_the_break_even_identity():
    m, r, d, n, c, delta = 50.0, 0.6, 0.03, 1000, 2.0, 0.03
    e = retention_economics(margin=m, retention=r, ci_low=0.55, ci_high=0.65, discount_rate=d, n_customers=n,
                            programme_cost=c, programme_effect=delta)
    value = _brute_value(m, r, d)
    assert e.loc["customer_value", "estimate"] == pytest.approx(value, rel=1e-9)
    assert e.loc["base_value", "estimate"] == pytest.approx(n * value, rel=1e-9)
    # cost of churn: the margins from next period on, discounted to now
    assert e.loc["cost_of_churn", "estimate"] == pytest.approx(sum(m * r ** (t - 1) / (1 + d) ** t
                                                                   for t in range(1, 2000)), rel=1e-9)
    assert e.loc["retention_cost_per_kept", "estimate"] == pytest.approx(c / delta)
    be = e.loc["break_even_improvement", "estimate"]
    assert _brute_value(m - c, r + be, d) == pytest.approx(value, rel=1e-9)  # break-even: no gain, no loss
    gain = _brute_value(m - c, r + delta, d) - value
    assert e.loc["programme_value_per_customer", "estimate"] == pytest.approx(gain, rel=1e-8)
    gains = [_brute_value(m - c, x + delta, d) - _brute_value(m, x, d) for x in np.linspace(0.55, 0.65, 1001)]
    assert e.loc["programme_value_per_customer", "ci_low"] == pytest.approx(min(gains), rel=1e-4)
    assert e.loc["programme_value_per_customer", "ci_high"] == pytest.approx(max(gains), rel=1e-4)
    assert e.loc["customer_value", "ci_low"] == pytest.approx(_brute_value(m, 0.55, d), rel=1e-9)
    assert e.loc["customer_value", "ci_high"] == pytest.approx(_brute_value(m, 0.65, d), rel=1e-9)
    assert e.loc["retention", ["estimate", "ci_low", "ci_high"]].tolist() == [0.6, 0.55, 0.65]
    assert set(e["pays"]) == {"yes" if delta > be else "no"}


def test_programme_verdict_respects_the_interval():
    args = dict(margin=50.0, discount_rate=0.03, n_customers=10, programme_cost=3.0, programme_effect=0.045)
    assert retention_economics(retention=0.6, ci_low=0.59, ci_high=0.61, **args)["pays"].iloc[0] == "yes"
    # break-even (1 + d - r) c / m falls with r: 0.0498 > 0.045 at r = 0.2, 0.0258 at r = 0.6
    assert retention_economics(retention=0.6, ci_low=0.2, ci_high=0.9, **args)["pays"].iloc[0] == "unclear"
    assert retention_economics(retention=0.6, ci_low=0.59, ci_high=0.61, **{**args, "programme_effect": 0.01}
                               )["pays"].iloc[0] == "no"


def test_scenarios_add_points_of_retention():
    s = retention_scenarios(margin=10.0, retention=0.97, discount_rate=0.02, n_customers=100)
    assert s.index.tolist() == [0, 1, 2, 3]  # +4 and +5 points would pass 100 %
    assert s.loc[2, "base_value"] == pytest.approx(100 * _brute_value(10.0, 0.99, 0.02, terms=20000), rel=1e-9)
    assert s.loc[0, "gain"] == 0 and (s["gain"].diff().dropna() > 0).all()


def test_per_period_rate_compounds_back_to_the_annual_rate():
    assert (1 + per_period_rate(0.1, 12)) ** 12 == pytest.approx(1.1, rel=1e-12)
    with pytest.raises(AnalysisError, match="annual_rate"):
        per_period_rate(-0.1, 4)


def test_bad_inputs_are_named():
    with pytest.raises(AnalysisError, match="retention must lie"):
        customer_value(1.0, 1.0, 0.0)
    with pytest.raises(AnalysisError, match="programme_effect"):
        retention_economics(margin=1.0, retention=0.5, ci_low=0.4, ci_high=0.6, discount_rate=0.1, n_customers=1,
                            programme_cost=1.0, programme_effect=2.0)
