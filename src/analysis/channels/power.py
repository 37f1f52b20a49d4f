"""Power: the smallest difference a comparison can detect, and the sample size needed.

Normal approximations: for rates on Cohen's arcsine scale (the ``h`` effect size,
as statsmodels' ``NormalIndPower`` uses), for means on the standardized scale.
Read a non-significant result with these: "no significant difference" with a
minimum detectable difference of 5 points says nothing about a 2-point difference.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy import stats

from analysis.channels._common import ALPHA
from analysis.checks import Interval, validate_params
from analysis.errors import ParameterError

__all__ = ["mde_rates", "sample_size_rates", "mde_means", "mde_table"]

_POWER = [Interval(float, 0.5, 1.0, closed="left")]
_N = [Interval(int, 1, None, closed="left")]
_RATE = [Interval(float, 0.0, 1.0, closed="left")]


def _z(alpha: float, power: float) -> float:
    return stats.norm.isf(alpha / 2) + stats.norm.ppf(power)


@validate_params({"p0": _RATE, "n1": _N, "n0": _N, "alpha": ALPHA, "power": _POWER})
def mde_rates(p0: float, n1: int, n0: int, *, alpha: float = 0.05, power: float = 0.8) -> float:
    """Minimum detectable absolute increase over a base rate ``p0`` (two-sided test).

    Solves ``h = 2 asin(sqrt p1) - 2 asin(sqrt p0) = (z_{1-alpha/2} + z_power) sqrt(1/n1 + 1/n0)``.

    Examples
    --------
    >>> round(mde_rates(0.10, 2000, 2000), 4)
    0.0281
    """
    h = _z(alpha, power) * math.sqrt(1 / n1 + 1 / n0)
    phi = 2 * math.asin(math.sqrt(p0)) + h
    if phi >= math.pi:
        return float(1 - p0)
    return float(math.sin(phi / 2) ** 2 - p0)


@validate_params({"p1": [Interval(float, 0.0, 1.0)], "p0": [Interval(float, 0.0, 1.0)], "alpha": ALPHA,
                  "power": _POWER, "ratio": [Interval(float, 0.0, None, closed="neither")]})
def sample_size_rates(p1: float, p0: float, *, alpha: float = 0.05, power: float = 0.8, ratio: float = 1.0) -> tuple[int, int]:
    """Group sizes ``(n1, n0 = ratio * n1)`` to detect rates ``p1`` vs ``p0``.

    Examples
    --------
    >>> sample_size_rates(0.12, 0.10)
    (3835, 3835)
    """
    h = abs(2 * math.asin(math.sqrt(p1)) - 2 * math.asin(math.sqrt(p0)))
    if h == 0:
        raise ParameterError("p1 and p0 are equal; no sample size detects a zero difference.")
    n1 = (_z(alpha, power) / h) ** 2 * (1 + 1 / ratio)
    return int(math.ceil(n1)), int(math.ceil(n1 * ratio))


@validate_params({"sd": [Interval(float, 0.0, None, closed="left")], "n1": _N, "n0": _N, "alpha": ALPHA,
                  "power": _POWER})
def mde_means(sd: float, n1: int, n0: int, *, alpha: float = 0.05, power: float = 0.8) -> float:
    """Minimum detectable difference in means for a common standard deviation ``sd``.

    Examples
    --------
    >>> round(mde_means(10.0, 100, 100), 3)
    3.962
    """
    return float(_z(alpha, power) * sd * np.sqrt(1 / n1 + 1 / n0))


def mde_table(lift, *, alpha: float = 0.05, power: float = 0.8):
    """The minimum detectable lift of each arm of a binary :func:`~analysis.channels.campaign_lift` table.

    Returns
    -------
    DataFrame
        Indexed by ``arm``: ``n``, ``n_control``, ``mean_control``, ``mde`` (absolute, as a
        proportion: :func:`mde_rates` at the control rate and the two group sizes), ``mde_pp``
        (the same in percentage points), ``lift_pp`` (the observed lift in points),
        ``significant`` (from the lift table) and ``detectable`` (the observed |lift|
        reaches the MDE).

    Examples
    --------
    >>> import pandas as pd
    >>> lift = pd.DataFrame({"arm": ["mail"], "n": [2000], "n_control": [2000], "mean_control": [0.10],
    ...                      "estimate": [0.01], "significant": [False]})
    >>> mde_table(lift)["mde_pp"].round(2).tolist()
    [2.81]
    """
    rows = []
    for _, r in lift.iterrows():
        mde = mde_rates(float(r["mean_control"]), int(r["n"]), int(r["n_control"]), alpha=alpha, power=power)
        rows.append({"arm": r["arm"], "n": int(r["n"]), "n_control": int(r["n_control"]),
                     "mean_control": float(r["mean_control"]), "mde": mde, "mde_pp": 100 * mde,
                     "lift_pp": 100 * float(r["estimate"]), "significant": bool(r["significant"]),
                     "detectable": abs(float(r["estimate"])) >= mde})
    return pd.DataFrame(rows).set_index("arm")
