"""The economics of retention, computed from the data: what a kept customer is worth, what a lost one
costs, and when a retention programme pays (客户保留成本, 客户流失成本).

With a margin ``m`` per active customer per period, a retention rate ``r`` (the share of active
customers still active next period) and a discount rate ``d`` per period, a customer active now is
expected to bring (margin of this period included, Gupta and Lehmann 2003)

    ``value = sum_{t>=0} m r^t / (1 + d)^t = m (1 + d) / (1 + d - r)``.

A customer who churns now loses the value she would have had from next period on,
``cost of churn = value / (1 + d) = m / (1 + d - r)``. A programme that costs ``c`` per active
customer per period and raises retention by ``delta`` keeps ``delta`` more customers per customer
and period, so it spends ``c / delta`` per customer kept (*retention cost per customer kept*); it
pays when each customer is worth more under it, ``value(m - c, r + delta) >= value(m, r)``, i.e.
when ``delta`` reaches the *break-even improvement* ``(1 + d - r) c / m``. The base of ``N`` active
customers is worth ``N x value``. Intervals are each quantity's smallest and largest value as ``r``
runs over its interval (on a grid of 201 points: the programme's value need not be monotone in ``r``).

Checked against brute-force sums and a simulation of customers (tests/retention/test_economics.py).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.checks import Interval, check_params
from analysis.errors import ParameterError

__all__ = ["customer_value", "per_period_rate", "retention_economics", "retention_scenarios"]

_RATE = [Interval(float, 0, 1, closed="both")]


def per_period_rate(annual_rate: float, periods_per_year: float) -> float:
    """An annual discount rate as the equivalent rate per period: ``(1 + d)^(1/k) - 1``.

    Examples
    --------
    >>> round(per_period_rate(0.10, 4), 6)
    0.024114
    """
    check_params({"annual_rate": [Interval(float, 0, None, closed="left")],
                  "periods_per_year": [Interval(float, 0, None, closed="neither")]},
                 {"annual_rate": annual_rate, "periods_per_year": periods_per_year}, "per_period_rate")
    return float((1 + annual_rate) ** (1 / periods_per_year) - 1)


def customer_value(margin, retention, discount_rate: float):
    """Expected discounted margin of a customer active now, ``m (1 + d) / (1 + d - r)``.

    Parameters
    ----------
    margin : number or array
        Margin per active customer per period.
    retention : number or array in [0, 1]
        Retention rate per period.
    discount_rate : float
        Discount rate per period (> 0 when ``retention`` may be 1).

    Examples
    --------
    >>> round(customer_value(100.0, 0.8, 0.1), 4)  # 100 + 80/1.1 + 64/1.21 + ...
    366.6667
    """
    r = np.asarray(retention, dtype=float)
    if (r < 0).any() or (r > 1).any() or discount_rate < 0 or ((1 + discount_rate - r) <= 0).any():
        raise ParameterError(f"retention must lie in [0, 1] and the discount rate above 1 - retention for a finite "
                             f"value; got retention {r.tolist()} and discount rate {discount_rate}.")
    value = np.asarray(margin, dtype=float) * (1 + discount_rate) / (1 + discount_rate - r)
    return float(value) if value.ndim == 0 else value


def _row(m: float, r: float, d: float, n: int, cost: float, effect: float) -> dict[str, float]:
    value = customer_value(m, r, d)
    kept = customer_value(m - cost, min(r + effect, 1.0), d)
    return {"customer_value": value, "base_value": n * value, "cost_of_churn": value / (1 + d),
            "retention_cost_per_kept": cost / effect if effect > 0 else np.nan,
            "break_even_improvement": (1 + d - r) * cost / m if m > 0 else np.nan,
            "programme_value_per_customer": kept - value, "programme_value_base": n * (kept - value)}


def retention_economics(*, margin: float, retention: float, ci_low: float, ci_high: float, discount_rate: float,
                        n_customers: int, programme_cost: float, programme_effect: float) -> pd.DataFrame:
    """What a customer, the base, a churn and a retention programme are worth.

    Parameters
    ----------
    margin : float
        Margin per active customer per period (``m``).
    retention, ci_low, ci_high : float
        Retention rate per period and its interval.
    discount_rate : float
        Discount rate per period.
    n_customers : int
        Active customers in the base (``N``).
    programme_cost : float
        Cost of the programme per active customer per period (``c``).
    programme_effect : float
        Retention improvement the programme is expected to bring (``delta``, a share: 0.02 = 2 points).

    Returns
    -------
    DataFrame
        Indexed by ``quantity``: first the inputs (``margin``, ``retention``, ``discount_rate``,
        ``n_customers``, ``programme_cost``, ``programme_effect``), then ``customer_value``, ``base_value``, ``cost_of_churn``,
        ``retention_cost_per_kept`` (``c / delta``), ``break_even_improvement`` (a share),
        ``programme_value_per_customer`` and ``programme_value_base`` (value with the programme
        minus value without, per customer and for the base); columns ``estimate``, ``ci_low``,
        ``ci_high`` (over the retention rate's interval), ``pays`` (the programme's value is
        above 0 over the whole interval; "yes", "no" or "unclear", on every row).

    Examples
    --------
    >>> e = retention_economics(margin=100.0, retention=0.8, ci_low=0.75, ci_high=0.85, discount_rate=0.1,
    ...                         n_customers=1000, programme_cost=5.0, programme_effect=0.02)
    >>> e.loc["break_even_improvement", "estimate"].round(4), e.loc["retention_cost_per_kept", "estimate"]
    (np.float64(0.015), np.float64(250.0))
    """
    check_params({"retention": _RATE, "ci_low": _RATE, "ci_high": _RATE, "programme_effect": _RATE,
                  "margin": [Interval(float, 0, None, closed="neither")],
                  "discount_rate": [Interval(float, 0, None, closed="neither")],
                  "programme_cost": [Interval(float, 0, None, closed="left")],
                  "n_customers": [Interval(int, 0, None, closed="left")]},
                 {"retention": retention, "ci_low": ci_low, "ci_high": ci_high, "programme_effect": programme_effect,
                  "margin": margin, "discount_rate": discount_rate, "programme_cost": programme_cost,
                  "n_customers": n_customers}, "retention_economics")
    grid = np.linspace(min(ci_low, ci_high), max(ci_low, ci_high), 201)  # the programme's value need not be monotone
    over = pd.DataFrame([_row(margin, r, discount_rate, n_customers, programme_cost, programme_effect) for r in grid])
    out = pd.DataFrame({"estimate": _row(margin, retention, discount_rate, n_customers, programme_cost,
                                         programme_effect), "ci_low": over.min(), "ci_high": over.max()})
    inputs = pd.DataFrame({"estimate": [margin, retention, discount_rate, n_customers, programme_cost, programme_effect],
                           "ci_low": [margin, ci_low, discount_rate, n_customers, programme_cost, programme_effect],
                           "ci_high": [margin, ci_high, discount_rate, n_customers, programme_cost, programme_effect]},
                          index=["margin", "retention", "discount_rate", "n_customers", "programme_cost",
                                 "programme_effect"])
    out = pd.concat([inputs.astype(float), out]).rename_axis("quantity")
    gain = out.loc["programme_value_per_customer"]
    out["pays"] = "yes" if gain["ci_low"] > 0 else ("no" if gain["ci_high"] < 0 else "unclear")
    return out


def retention_scenarios(*, margin: float, retention: float, discount_rate: float, n_customers: int,
                        points=(1, 2, 3, 4, 5)) -> pd.DataFrame:
    """Value of the customer base if retention were higher by a few percentage points.

    Returns
    -------
    DataFrame
        Indexed by ``points`` (0 and each of ``points``; improvements that would pass 100 % are
        left out): ``retention``, ``customer_value``, ``base_value``, ``gain`` (over today's base
        value) and ``gain_share`` (gain / today's base value).

    Examples
    --------
    >>> s = retention_scenarios(margin=100.0, retention=0.8, discount_rate=0.1, n_customers=10, points=[5])
    >>> s["gain_share"].round(4).tolist()  # (1.1 - 0.8) / (1.1 - 0.85) - 1
    [0.0, 0.2]
    """
    steps = [0, *[int(p) for p in points]]
    rates = {p: retention + p / 100 for p in steps if retention + p / 100 <= 1}
    value = customer_value(margin, np.array(list(rates.values())), discount_rate)
    out = pd.DataFrame({"retention": list(rates.values()), "customer_value": value, "base_value": n_customers * value},
                       index=pd.Index(list(rates), name="points"))
    out["gain"] = out["base_value"] - out["base_value"].iloc[0]
    out["gain_share"] = out["gain"] / out["base_value"].iloc[0]
    return out
