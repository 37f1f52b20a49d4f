"""Shifted-beta-geometric model of contract retention (Fader and Hardie 2007, 2010).

Each customer of a contractual service (a subscription, a plan) renews at the end
of every period with her own probability ``1 - theta`` and cancels with probability
``theta ~ Beta(alpha, beta)``. Survivors of a cohort, ``n_0, n_1, ..., n_T``, then
follow ``S(t) = B(alpha, beta + t) / B(alpha, beta)``, and the retention rate
``r_t = S(t)/S(t-1) = (beta + t - 1)/(alpha + beta + t - 1)`` *rises* with tenure
because the customers most likely to leave leave first.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import special

from analysis.checks import DEFAULT_SEED, Interval, check_params, rng_from
from analysis.clv.base import BaseFitter
from analysis.errors import DataValidationError

__all__ = ["ShiftedBetaGeometric"]

_bl = special.betaln


class ShiftedBetaGeometric(BaseFitter):
    """sBG model fitted by maximum likelihood to a cohort's survivor counts.

    Parameters
    ----------
    initial_params : mapping, optional
        Starting values; default ``alpha = beta = 1``.
    max_iter, tol : optimiser settings.

    Attributes
    ----------
    params_ : Series
        ``alpha, beta``.
    loglik_ : float
        Maximised log-likelihood.
    survivors_ : ndarray
        The fitted survivor counts.

    Examples
    --------
    >>> from analysis.clv import ShiftedBetaGeometric
    >>> m = ShiftedBetaGeometric().fit([1000, 631, 468, 382, 326, 289, 262, 241])
    >>> m.params_.round(3).tolist()
    [0.704, 1.182]
    """

    _param_names = ("alpha", "beta")
    _columns = ("survivors",)
    _default_start = (1.0, 1.0)

    def fit(self, survivors: Sequence[float], *, weights=None) -> ShiftedBetaGeometric:  # type: ignore[override]
        """Fit to survivor counts ``[n_0, n_1, ..., n_T]`` (``n_0`` is the cohort size).

        Parameters
        ----------
        survivors : sequence of numbers
            Customers still active at the start and after each period; must not increase.
        weights : None
            Not used (kept for a uniform signature).

        Returns
        -------
        self
        """
        counts = np.asarray(survivors, dtype=float)
        if counts.ndim != 1 or len(counts) < 2:
            raise DataValidationError(
                "survivors must be a sequence [n_0, n_1, ...] with the cohort size first and at "
                f"least one later count; got {counts.tolist()!r}."
            )
        bad = ~np.isfinite(counts) | (counts < 0)
        rising = np.flatnonzero(np.diff(counts) > 0)
        if bad.any() or len(rising) or counts[0] <= 0:
            raise DataValidationError(
                "survivors must be finite, >= 0, start above 0 and never increase; problems at "
                f"positions {sorted(set(np.flatnonzero(bad).tolist()) | set((rising + 1).tolist()))[:5]} "
                f"of {counts.tolist()}."
            )
        if counts[-1] == counts[0]:
            raise DataValidationError("Nobody churned in the survivor counts: alpha and beta cannot be estimated.")
        self.survivors_ = counts
        T = len(counts) - 1
        t = np.arange(1, T + 1, dtype=float)
        lost = counts[:-1] - counts[1:]
        # Rows: periods 1..T (churned in period t) and one row of survivors at T.
        data = {"t": np.concatenate([t, [float(T)]]), "event": np.concatenate([np.ones(T), [0.0]])}
        w = np.concatenate([lost, [counts[-1]]])
        return BaseFitter.fit(self, pd.DataFrame(data), weights=w)

    def _data(self, data):  # the frame built in fit is already clean
        return {"t": np.asarray(data["t"], float), "event": np.asarray(data["event"], float)}

    def _loglik(self, params, d):
        a, b = params
        churn = _bl(a + 1, b + d["t"] - 1) - _bl(a, b)
        survive = _bl(a, b + d["t"]) - _bl(a, b)
        return np.where(d["event"] > 0, churn, survive)

    def _loglik_grad(self, params, d):
        a, b = params
        t = d["t"]
        psi = special.digamma
        dab = psi(a + b)
        g_a_churn = psi(a + 1) - psi(a + b + t) - psi(a) + dab
        g_b_churn = psi(b + t - 1) - psi(a + b + t) - psi(b) + dab
        g_a_surv = psi(a) - psi(a + b + t) - psi(a) + dab
        g_b_surv = psi(b + t) - psi(a + b + t) - psi(b) + dab
        ev = d["event"] > 0
        return np.column_stack([np.where(ev, g_a_churn, g_a_surv), np.where(ev, g_b_churn, g_b_surv)])

    # ------------------------------------------------------------ predictions
    def survival(self, t: int | np.ndarray) -> np.ndarray:
        """S(t): share of a new cohort still active after ``t`` periods.

        Examples
        --------
        >>> from analysis.clv import ShiftedBetaGeometric
        >>> ShiftedBetaGeometric.from_params({"alpha": 1, "beta": 1}).survival([0, 1, 3]).tolist()
        [1.0, 0.5, 0.25]
        """
        a, b = self._p()
        t = np.asarray(t, dtype=float)
        return np.exp(_bl(a, b + t) - _bl(a, b))

    def retention_rate(self, t: int | np.ndarray) -> np.ndarray:
        """r_t = S(t)/S(t-1): share of those active after ``t-1`` periods who renew in period ``t``.

        Examples
        --------
        >>> from analysis.clv import ShiftedBetaGeometric
        >>> ShiftedBetaGeometric.from_params({"alpha": 1, "beta": 1}).retention_rate([1, 2]).tolist()
        [0.5, 0.6666666666666666]
        """
        a, b = self._p()
        t = np.asarray(t, dtype=float)
        return (b + t - 1) / (a + b + t - 1)

    def churn_probability(self, t: int | np.ndarray) -> np.ndarray:
        """P(T = t): probability that a new customer cancels in period ``t`` (t >= 1).

        Examples
        --------
        >>> from analysis.clv import ShiftedBetaGeometric
        >>> ShiftedBetaGeometric.from_params({"alpha": 1, "beta": 1}).churn_probability([1]).tolist()
        [0.5]
        """
        a, b = self._p()
        t = np.asarray(t, dtype=float)
        return np.exp(_bl(a + 1, b + t - 1) - _bl(a, b))

    def project(self, n_periods: int) -> pd.DataFrame:
        """Survival and retention for periods 0..``n_periods``, with the observed counts beside.

        Returns
        -------
        DataFrame
            Indexed by ``period``: ``survival``, ``retention_rate`` (NaN at 0),
            ``expected_survivors`` (cohort size x survival; cohort size 1 if the
            model was not fitted to counts) and ``observed_survivors`` (NaN beyond the data).

        Examples
        --------
        >>> from analysis.clv import ShiftedBetaGeometric
        >>> ShiftedBetaGeometric.from_params({"alpha": 1, "beta": 1}).project(2)["survival"].round(3).tolist()
        [1.0, 0.5, 0.333]
        """
        t = np.arange(int(n_periods) + 1)
        observed = getattr(self, "survivors_", None)
        size = float(observed[0]) if observed is not None else 1.0
        obs = np.full(len(t), np.nan)
        if observed is not None:
            k = min(len(observed), len(t))
            obs[:k] = observed[:k]
        retention = self.retention_rate(t).astype(float)
        retention[0] = np.nan
        return pd.DataFrame(
            {
                "survival": self.survival(t),
                "retention_rate": retention,
                "expected_survivors": size * self.survival(t),
                "observed_survivors": obs,
            },
            index=pd.Index(t, name="period"),
        )

    def discounted_expected_residual_lifetime(self, discount_rate: float, renewals: int = 0) -> float:
        """DERL: expected discounted number of future payments of an active customer.

        For a customer who has made ``renewals`` renewals and stands just before her
        next renewal decision, ``DERL = sum_{k>=0} S(renewals+1+k)/S(renewals) / (1+d)^k``
        (Fader and Hardie 2010), in closed form
        ``(beta+n)/(alpha+beta+n) * 2F1(1, beta+n+1; alpha+beta+n+1; 1/(1+d))`` with
        ``n = renewals``. Multiply by the margin per period to get the residual value.

        Examples
        --------
        >>> from analysis.clv import ShiftedBetaGeometric
        >>> m = ShiftedBetaGeometric.from_params({"alpha": 1, "beta": 1})
        >>> round(m.discounted_expected_residual_lifetime(0.1), 3)
        1.801
        """
        check_params({"discount_rate": [Interval(float, 0, None, closed="neither")],
                      "renewals": [Interval(int, 0, None, closed="left")]},
                     {"discount_rate": discount_rate, "renewals": renewals},
                     f"{type(self).__name__}.discounted_expected_residual_lifetime")
        a, b = self._p()
        n = float(renewals)
        return float((b + n) / (a + b + n) * special.hyp2f1(1, b + n + 1, a + b + n + 1, 1 / (1 + discount_rate)))

    def simulate(self, cohort_size: int, n_periods: int, *, seed: int | np.random.Generator = DEFAULT_SEED) -> np.ndarray:
        """Survivor counts ``[n_0, ..., n_T]`` of a simulated cohort.

        Examples
        --------
        >>> from analysis.clv import ShiftedBetaGeometric
        >>> ShiftedBetaGeometric.from_params({"alpha": 1, "beta": 1}).simulate(100, 3, seed=1)[0].item()
        100
        """
        check_params({"cohort_size": [Interval(int, 1, None, closed="left")],
                      "n_periods": [Interval(int, 0, None, closed="left")]},
                     {"cohort_size": cohort_size, "n_periods": n_periods}, f"{type(self).__name__}.simulate")
        a, b = self._p()
        rng = rng_from(seed)
        theta = rng.beta(a, b, int(cohort_size))
        lifetime = rng.geometric(np.clip(theta, 1e-15, 1))  # period in which the customer cancels
        return np.array([(lifetime > t).sum() for t in range(int(n_periods) + 1)])
