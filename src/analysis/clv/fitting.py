"""Maximum-likelihood fitting shared by the buy-till-you-die models.

Every model keeps its parameters positive by optimising their logarithms. The fit
minimises the weighted mean negative log-likelihood with L-BFGS-B (analytic gradient
where the model has one, central finite differences otherwise) from documented
starting values, polishes with Nelder-Mead when L-BFGS-B stops without meeting its
tolerance, and records convergence in ``converged_`` (a warning is issued when the
optimiser did not converge: no fixed seed can hide it, as the starts are fixed).

Speed: identical rows are merged into weights before fitting (hash- or count-based,
:func:`analysis.clv.inputs._collapse`), models evaluate their likelihood and gradient
on distinct values (``_fast_loglik``: gamma-function terms once per distinct
frequency, no pandas inside the objective), and BLAS is limited to one thread during
fits, as waking OpenBLAS threads for each small dot product made fits several times
slower. The Nelder-Mead polish only runs when L-BFGS-B stops without a small gradient.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from scipy import optimize
from threadpoolctl import ThreadpoolController

from analysis.clv.inputs import _collapse, check_summary_columns
from analysis.errors import AnalysisWarning, DataValidationError, ParameterError

__all__ = ["MaximumLikelihood"]

_THREADPOOLS: list[ThreadpoolController] = []


def _single_threaded_blas():
    """Context limiting BLAS to one thread (the controller is built once: scanning the
    loaded libraries costs milliseconds)."""
    if not _THREADPOOLS:
        _THREADPOOLS.append(ThreadpoolController())
    return _THREADPOOLS[0].limit(limits=1, user_api="blas")


class MaximumLikelihood:
    """Fitting by maximum likelihood (mixed into :class:`~analysis.clv.base.BaseFitter`).

    Subclasses set ``_param_names``, ``_columns`` (canonical column names) and
    implement ``_loglik(params, data) -> per-row log-likelihood``; optionally
    ``_loglik_grad(params, data) -> (n, k)`` derivatives with respect to the
    parameters, and ``_start(data, weights)`` for starting values.
    """

    _param_names: tuple[str, ...] = ()
    _columns: tuple[str, ...] = ()
    _integer: tuple[str, ...] = ()
    _positive: tuple[str, ...] = ()
    _nonnegative: tuple[str, ...] = ()
    _default_start: tuple[float, ...] = ()
    columns: dict[str, str]
    initial_params: dict[str, float] | None
    max_iter: int
    tol: float

    # ----------------------------------------------------------------- input
    def _column_map(self) -> dict[str, str]:
        unknown = sorted(set(self.columns) - set(self._columns))
        if unknown:
            raise ParameterError(
                f"{type(self).__name__}: columns keys must be among {list(self._columns)}; "
                f"got {unknown}."
            )
        return {name: self.columns.get(name, name) for name in self._columns}

    def _data(self, data: pd.DataFrame | Mapping[str, Any]) -> dict[str, np.ndarray]:
        arrays = check_summary_columns(
            data,
            self._column_map(),
            integer=self._integer,
            positive=self._positive,
            nonnegative=self._nonnegative,
        )
        self._check_data(arrays, data)
        return arrays

    def _check_data(self, arrays: dict[str, np.ndarray], data: Any) -> None:
        """Model-specific consistency rules (subclasses override)."""

    @staticmethod
    def _weights(data: Any, weights: str | Sequence[float] | np.ndarray | None, n: int) -> np.ndarray:
        if weights is None:
            return np.ones(n)
        if isinstance(weights, str):
            if not isinstance(data, pd.DataFrame) or weights not in data.columns:
                raise DataValidationError(f"weights column {weights!r} is not in the data.")
            w = pd.to_numeric(data[weights]).to_numpy(dtype=float)
        else:
            w = np.asarray(weights, dtype=float)
        if w.shape != (n,):
            raise DataValidationError(f"weights must have one value per row ({n}); got shape {w.shape}.")
        bad = ~np.isfinite(w) | (w < 0)
        if bad.any():
            raise DataValidationError(
                f"weights must be finite and >= 0; {int(bad.sum())} row(s) are not "
                f"(first positions {np.flatnonzero(bad)[:5].tolist()})."
            )
        if w.sum() <= 0:
            raise DataValidationError("weights sum to zero: nothing to fit.")
        return w

    # ----------------------------------------------------------- likelihood
    def _loglik(self, params: np.ndarray, data: dict[str, np.ndarray]) -> np.ndarray:
        raise NotImplementedError

    _loglik_grad = None  # type: ignore[assignment]

    def _start(self, data: dict[str, np.ndarray], weights: np.ndarray) -> np.ndarray:
        return np.asarray(self._default_start, dtype=float)

    def _objective(self, theta: np.ndarray, data: dict[str, np.ndarray], w: np.ndarray, total: float):
        params = np.exp(theta)
        with np.errstate(all="ignore"):
            ll = self._loglik(params, data)
        value = -float(w @ ll) / total
        return value if np.isfinite(value) else 1e100

    def _objective_grad(self, theta: np.ndarray, data: dict[str, np.ndarray], w: np.ndarray, total: float):
        params = np.exp(theta)
        with np.errstate(all="ignore"):
            ll = self._loglik(params, data)
            grad = self._loglik_grad(params, data)  # type: ignore[misc]
        value = -float(w @ ll) / total
        g = -(w @ grad) * params / total
        if not np.isfinite(value) or not np.all(np.isfinite(g)):
            return 1e100, np.zeros_like(theta)
        return value, g

    def _fast_loglik(self, data: dict[str, np.ndarray], w: np.ndarray):
        """Optional: a function ``params -> (total log-likelihood, gradient)`` for fitting.

        Models override this with an evaluation that works on the distinct values of
        the data (gamma-function terms once per distinct frequency, hypergeometric
        terms once per distinct pair) instead of per row; it must equal
        ``w @ _loglik`` and ``w @ _loglik_grad`` up to rounding.
        """
        return None

    def _objective_function(self, data: dict[str, np.ndarray], w: np.ndarray, total: float):
        """``theta -> (mean negative log-likelihood, gradient)`` in log parameters, or None
        when the model has no gradient (then finite differences are used)."""
        fast = self._fast_loglik(data, w)
        if fast is None:
            if self._loglik_grad is None:
                return None
            return lambda theta: self._objective_grad(theta, data, w, total)

        def objective(theta: np.ndarray):
            params = np.exp(theta)
            with np.errstate(all="ignore"):
                ll, grad = fast(params)
            value = -ll / total
            g = -grad * params / total
            if not np.isfinite(value) or not np.all(np.isfinite(g)):
                return 1e100, np.zeros_like(theta)
            return value, g

        objective.loglik = fast  # type: ignore[attr-defined]
        return objective

    def _minimise(self, theta0: np.ndarray, data, w, total, fun=None) -> optimize.OptimizeResult:
        args = (data, w, total)
        if fun is not None:
            res = optimize.minimize(
                fun, theta0, jac=True, method="L-BFGS-B",
                options={"maxiter": self.max_iter, "ftol": self.tol * 1e-3, "gtol": 1e-9},
            )
            grad_norm = float(np.max(np.abs(fun(res.x)[1])))
        else:
            res = optimize.minimize(
                self._objective, theta0, args=args, jac="3-point", method="L-BFGS-B",
                options={"maxiter": self.max_iter, "ftol": self.tol * 1e-3, "gtol": 1e-8},
            )
            grad_norm = self._grad_norm(res.x, args)
        if grad_norm > 1e-4 or not np.isfinite(res.fun):
            # Tolerances a mean log-likelihood of order 1-10 can resolve: with xatol 1e-10 the simplex
            # never closed along a flat ridge (Pareto/NBD with s and beta in the thousands: one class
            # firm's fit ran for 13 minutes); the evaluations are capped as well.
            polish = optimize.minimize(
                self._objective, res.x, args=args, method="Nelder-Mead",
                options={"maxiter": self.max_iter, "maxfev": 250 * len(theta0), "xatol": 1e-8, "fatol": 1e-12},
            )
            if polish.fun <= res.fun:
                res = polish
            grad_norm = self._grad_norm(res.x, args, fun)
        res.grad_norm = grad_norm
        return res

    def _grad_norm(self, theta: np.ndarray, args, fun=None) -> float:
        if fun is not None:
            return float(np.max(np.abs(fun(theta)[1])))
        if self._loglik_grad is not None:
            return float(np.max(np.abs(self._objective_grad(theta, *args)[1])))
        g = optimize.approx_fprime(theta, self._objective, 1e-7, *args)
        return float(np.max(np.abs(g)))

    # ------------------------------------------------------------------ fit
    def _fit_input(self, data, weights) -> tuple[dict[str, np.ndarray], np.ndarray]:
        """Checked model columns and row weights (subclasses add model-level rules)."""
        arrays = self._data(data)
        n = len(next(iter(arrays.values())))
        if n == 0:
            raise DataValidationError(f"{type(self).__name__}.fit got an empty table.")
        return arrays, self._weights(data, weights, n)

    def fit(
        self,
        data: pd.DataFrame | Mapping[str, Any],
        *,
        weights: str | Sequence[float] | np.ndarray | None = None,
    ):
        """Fit the model by maximum likelihood.

        Parameters
        ----------
        data : DataFrame
            One row per customer (or per group of identical customers, with
            ``weights``) holding the model's columns.
        weights : str or array-like, optional
            Column name or array of row counts for grouped data.

        Returns
        -------
        self
        """
        # Single-threaded BLAS: the many small dot products and the optimiser's vector
        # operations are several times slower when OpenBLAS wakes threads for each one
        # (much worse on a loaded machine).
        with _single_threaded_blas():
            return self._fit_arrays(data, weights)

    def _fit_arrays(self, data, weights):
        arrays, w = self._fit_input(data, weights)
        collapsed, cw = _collapse(arrays, w)
        total = float(cw.sum())
        if self.initial_params is not None:
            missing = set(self._param_names) - set(self.initial_params)
            if missing:
                raise ParameterError(f"initial_params lacks {sorted(missing)}.")
            start = np.array([self.initial_params[k] for k in self._param_names], dtype=float)
            if np.any(start <= 0):
                raise ParameterError(f"initial_params must all be > 0; got {self.initial_params}.")
        else:
            start = self._start(collapsed, cw)
        fun = self._objective_function(collapsed, cw, total)
        res = self._minimise(np.log(start), collapsed, cw, total, fun)
        params = np.exp(res.x)
        self.params_ = pd.Series(params, index=list(self._param_names), name="estimate")
        fast = getattr(fun, "loglik", None)
        with np.errstate(all="ignore"):
            self.loglik_ = float(fast(params)[0]) if fast is not None else float(cw @ self._loglik(params, collapsed))
        self.n_obs_ = total
        self.n_distinct_ = len(cw)
        self.converged_ = bool(np.isfinite(self.loglik_) and res.grad_norm < 1e-4)
        self.optimizer_ = {
            "method": "L-BFGS-B" if not hasattr(res, "final_simplex") else "L-BFGS-B + Nelder-Mead",
            "start": dict(zip(self._param_names, start.tolist())),
            "iterations": int(getattr(res, "nit", 0)),
            "max_abs_gradient": res.grad_norm,
            "message": str(res.message),
        }
        if not self.converged_:
            warnings.warn(
                f"{type(self).__name__}: the optimiser did not converge (largest gradient "
                f"{res.grad_norm:.2g} on the log scale; {res.message}). Check the data or try "
                "other initial_params.",
                AnalysisWarning,
                stacklevel=2,
            )
        extreme = [k for k, v in zip(self._param_names, params) if not 1e-6 < v < 1e6]
        self.at_boundary_ = extreme
        if extreme:
            warnings.warn(
                f"{type(self).__name__}: parameter(s) {extreme} ran to an extreme value "
                f"({', '.join(f'{k}={self.params_[k]:.3g}' for k in extreme)}): the estimate sits "
                "at the edge of the parameter space (for a shape parameter running to infinity: "
                "no evidence of heterogeneity in the data); treat these estimates and their "
                "standard errors with caution.",
                AnalysisWarning,
                stacklevel=2,
            )
        self._fit_data = (collapsed, cw, total)
        self._fit_objective = fun
        self._cov_cache: np.ndarray | None = None
        return self
