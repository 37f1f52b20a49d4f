"""Uncertainty of the buy-till-you-die models: observed information, covariance, summary.

The observed information matrix is the Hessian of the negative log-likelihood on
the log-parameter scale, computed by central finite differences of the analytic
gradient (or, without one, second-order central differences of the log-likelihood)
with relative step 1e-4. Its inverse is the covariance of the log parameters; the
delta method gives the covariance of the parameters (``cov = D cov_log D`` with
``D = diag(params)``; at the maximum the gradient vanishes, so this equals the
inverse of the natural-scale Hessian).

:meth:`Uncertainty.summary` reports standard errors on the natural scale and
``1 - alpha`` intervals ``exp(log(estimate) +/- z se_log)`` (:func:`log_scale_table`),
which stay positive and are the usual choice for scale and shape parameters. Their
``p_value`` is NaN: the parameters are positive by definition, so a test of
"parameter = 0" is meaningless.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import stats

from analysis.checks import DEFAULT_SEED, Interval, check_alpha, check_is_fitted, check_params, rng_from
from analysis.clv.fitting import _single_threaded_blas
from analysis.errors import AnalysisWarning
from analysis.results import estimate_table

__all__ = ["Uncertainty", "log_scale_table"]


def log_scale_table(
    index: Sequence[str] | pd.Index,
    estimate: Sequence[float] | np.ndarray,
    se_log: Sequence[float] | np.ndarray,
    *,
    alpha: float = 0.05,
    **extra,
) -> pd.DataFrame:
    """Estimate table of positive parameters whose uncertainty is known on the log scale.

    ``std_error`` is the delta-method ``estimate * se_log``; the ``1 - alpha``
    interval is ``estimate * exp(+/- z se_log)`` (always positive); ``p_value`` is
    NaN (a test of 0 is meaningless for a positive parameter).

    Examples
    --------
    >>> t = log_scale_table(["r"], [2.0], [0.1])
    >>> list(t.columns)
    ['estimate', 'std_error', 'ci_low', 'ci_high', 'p_value']
    >>> round(float(t.loc["r", "ci_high"]), 4), bool(t["p_value"].isna().all())
    (2.433, True)
    """
    alpha = check_alpha(alpha, "summary")
    est = np.asarray(estimate, dtype=float)
    se = np.asarray(se_log, dtype=float)
    z = float(stats.norm.ppf(1 - alpha / 2))
    return estimate_table(index, est, est * se, alpha=alpha, ci_low=est * np.exp(-z * se),
                          ci_high=est * np.exp(z * se), p_value=np.full(len(est), np.nan), **extra)


class Uncertainty:
    """Covariance, summary and parameter draws (mixed into :class:`~analysis.clv.base.BaseFitter`)."""

    _param_names: tuple[str, ...] = ()
    params_: pd.Series

    def _hessian_log(self) -> np.ndarray:
        """Hessian of the total negative log-likelihood in log parameters."""
        with _single_threaded_blas():
            return self._hessian_log_inner()

    def _hessian_log_inner(self) -> np.ndarray:
        collapsed, cw, total = self._fit_data
        theta = np.log(self.params_.to_numpy())
        k = len(theta)
        h = 1e-4
        H = np.empty((k, k))
        fun = getattr(self, "_fit_objective", None) or self._objective_function(collapsed, cw, total)
        if fun is not None:
            for j in range(k):
                e = np.zeros(k)
                e[j] = h
                gp = fun(theta + e)[1]
                gm = fun(theta - e)[1]
                H[:, j] = (gp - gm) / (2 * h)
            H = (H + H.T) / 2
        else:
            f = lambda t: self._objective(t, collapsed, cw, total)  # noqa: E731
            f0 = f(theta)
            for i in range(k):
                ei = np.zeros(k)
                ei[i] = h
                H[i, i] = (f(theta + ei) - 2 * f0 + f(theta - ei)) / h**2
                for j in range(i):
                    ej = np.zeros(k)
                    ej[j] = h
                    H[i, j] = H[j, i] = (
                        f(theta + ei + ej) - f(theta + ei - ej) - f(theta - ei + ej) + f(theta - ei - ej)
                    ) / (4 * h**2)
        return H * total

    @property
    def covariance_log_(self) -> np.ndarray:
        """Covariance of the log parameters (inverse observed information)."""
        check_is_fitted(self, "_fit_data")  # a model from from_params carries no information matrix
        if self._cov_cache is None:
            H = self._hessian_log()
            try:
                cov = np.linalg.inv(H)
            except np.linalg.LinAlgError:
                cov = np.full_like(H, np.nan)
            if not np.all(np.isfinite(cov)) or np.any(np.diag(cov) <= 0):
                warnings.warn(
                    f"{type(self).__name__}: the observed information is singular or not positive "
                    "definite; standard errors are not available (the model may be unidentified "
                    "on these data).",
                    AnalysisWarning,
                    stacklevel=2,
                )
                cov = np.where(np.isfinite(cov), cov, np.nan)
            self._cov_cache = cov
        return self._cov_cache

    @property
    def covariance_(self) -> pd.DataFrame:
        """Covariance matrix of the parameters (delta method from the log scale)."""
        p = self.params_.to_numpy()
        cov = self.covariance_log_ * np.outer(p, p)
        return pd.DataFrame(cov, index=self.params_.index, columns=self.params_.index)

    def summary(self, alpha: float = 0.05) -> pd.DataFrame:
        """Estimates with standard errors and ``1 - alpha`` intervals from the observed information.

        Parameters
        ----------
        alpha : float, default 0.05
            One minus the confidence level of the intervals.

        Returns
        -------
        DataFrame
            Indexed by parameter name, with columns ``estimate``, ``std_error``
            (natural scale, delta method), ``ci_low`` and ``ci_high``
            (``exp(log(estimate) +/- z se_log)``, always positive) and ``p_value``
            (NaN: every parameter is positive by definition, so testing it against
            0 is meaningless).

        Examples
        --------
        >>> from analysis.clv import ShiftedBetaGeometric
        >>> m = ShiftedBetaGeometric().fit([1000, 631, 468, 382, 326, 289, 262, 241])
        >>> m.summary().columns.tolist()
        ['estimate', 'std_error', 'ci_low', 'ci_high', 'p_value']
        """
        check_is_fitted(self)
        se_log = np.sqrt(np.diag(self.covariance_log_))
        return log_scale_table(list(self._param_names), self.params_.to_numpy(), se_log, alpha=alpha)

    def sample_params(self, n_draws: int, seed: int | np.random.Generator = DEFAULT_SEED) -> pd.DataFrame:
        """Parameter draws from the asymptotic normal distribution of the log parameters.

        Used for the parametric bootstrap of derived quantities.

        Parameters
        ----------
        n_draws : int
            Number of draws.
        seed : int or Generator
            Randomness.

        Returns
        -------
        DataFrame
            One row per draw, one column per parameter.
        """
        check_is_fitted(self)
        check_params({"n_draws": [Interval(int, 1, None, closed="left")]}, {"n_draws": n_draws}, "sample_params")
        rng = rng_from(seed)
        cov = np.nan_to_num(self.covariance_log_)
        theta = rng.multivariate_normal(np.log(self.params_.to_numpy()), cov, size=n_draws, method="eigh")
        return pd.DataFrame(np.exp(theta), columns=list(self._param_names))
