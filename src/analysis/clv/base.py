"""Shared machinery of the buy-till-you-die models: input checks, maximum likelihood, uncertainty.

Every model keeps its parameters positive by optimising their logarithms. The fit
minimises the weighted mean negative log-likelihood with L-BFGS-B (analytic gradient
where the model has one, central finite differences otherwise) from documented
starting values, polishes with Nelder-Mead when L-BFGS-B stops without meeting its
tolerance, and records convergence in ``converged_`` (a warning is issued when the
optimiser did not converge: no fixed seed can hide it, as the starts are fixed).

Speed: identical rows are merged into weights before fitting (hash- or count-based),
models evaluate their likelihood and gradient on distinct values (``_fast_loglik``:
gamma-function terms once per distinct frequency, no pandas inside the objective),
and BLAS is limited to one thread during fits, as waking OpenBLAS threads for each
small dot product made fits several times slower. The Nelder-Mead polish only runs
when L-BFGS-B stops without a small gradient.

Uncertainty: the observed information matrix is the Hessian of the negative
log-likelihood on the log-parameter scale, computed by central finite differences of
the analytic gradient (or, without one, second-order central differences of the
log-likelihood) with relative step 1e-4. Its inverse is the covariance of the log
parameters; the delta method gives the covariance of the parameters
(``cov = D cov_log D`` with ``D = diag(params)``; at the maximum the gradient
vanishes, so this equals the inverse of the natural-scale Hessian). Standard errors
in :meth:`summary` are on the natural scale; the 95% intervals are
``exp(log(estimate) +/- 1.96 se_log)``, which stay positive and are the usual choice
for scale and shape parameters.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from scipy import optimize, stats
from threadpoolctl import ThreadpoolController

from analysis.errors import AnalysisWarning, DataValidationError, NotFittedError, ParameterError

__all__ = ["BaseFitter", "as_generator", "check_summary_columns"]

Z95 = float(stats.norm.ppf(0.975))
_THREADPOOLS: list[ThreadpoolController] = []


def _single_threaded_blas():
    """Context limiting BLAS to one thread (the controller is built once: scanning the
    loaded libraries costs milliseconds)."""
    if not _THREADPOOLS:
        _THREADPOOLS.append(ThreadpoolController())
    return _THREADPOOLS[0].limit(limits=1, user_api="blas")


def as_generator(seed: int | np.random.Generator | None) -> np.random.Generator:
    """A numpy Generator from an int seed (or the Generator itself).

    Examples
    --------
    >>> bool(as_generator(1).integers(10) == as_generator(1).integers(10))
    True
    """
    if isinstance(seed, np.random.Generator):
        return seed
    if seed is None or isinstance(seed, (int, np.integer)):
        return np.random.default_rng(seed)
    raise ParameterError(f"seed must be an int or a numpy Generator; got {type(seed).__name__}.")


def _row_list(mask: np.ndarray, values: np.ndarray, index: pd.Index) -> str:
    bad = np.flatnonzero(mask)[:5]
    return ", ".join(f"{index[i]!r}: {values[i]!r}" for i in bad)


def check_summary_columns(
    data: pd.DataFrame | Mapping[str, Any],
    columns: Mapping[str, str],
    *,
    integer: Sequence[str] = (),
    positive: Sequence[str] = (),
    nonnegative: Sequence[str] = (),
) -> dict[str, np.ndarray]:
    """Pull the model's columns out of ``data`` as float arrays, checking each rule.

    Parameters
    ----------
    data : DataFrame or mapping of arrays
        The customer summary.
    columns : mapping
        Canonical name -> column name in ``data``.
    integer, positive, nonnegative : sequences of canonical names
        Rules to check: whole numbers, > 0, >= 0.

    Returns
    -------
    dict
        Canonical name -> 1-d float array.

    Raises
    ------
    DataValidationError
        Naming the column, the rule, how many rows break it and the first few.

    Examples
    --------
    >>> d = check_summary_columns({"x": [0, 2]}, {"frequency": "x"}, integer=["frequency"])
    >>> d["frequency"].tolist()
    [0.0, 2.0]
    """
    frame = data if isinstance(data, pd.DataFrame) else pd.DataFrame(dict(data))
    missing = [col for col in columns.values() if col not in frame.columns]
    if missing:
        raise DataValidationError(
            f"The summary lacks column(s) {missing}; it has {list(frame.columns)}. Build it "
            "with analysis.summary.customer_summary or pass columns={...} to the model."
        )
    out: dict[str, np.ndarray] = {}
    for name, col in columns.items():
        try:
            values = pd.to_numeric(frame[col]).to_numpy(dtype=float, na_value=np.nan)
        except (TypeError, ValueError) as exc:
            raise DataValidationError(f"Column {col!r} ({name}) must be numeric.") from exc
        rules = [("missing or infinite", ~np.isfinite(values))]
        if name in integer:
            rules.append(("not a whole number", np.isfinite(values) & (values != np.round(values))))
        if name in positive:
            rules.append(("not > 0", values <= 0))
        if name in nonnegative:
            rules.append(("negative", values < 0))
        for rule, mask in rules:
            if mask.any():
                raise DataValidationError(
                    f"Column {col!r} ({name}): {int(mask.sum())} row(s) {rule}; first rows "
                    f"{_row_list(mask, values, frame.index)}."
                )
        out[name] = values
    return out


def _codes(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes and the distinct values of a float array (``values == uniques[codes]``).

    Small whole numbers (such as purchase counts) are their own codes (the distinct
    values then include unused ones); anything else is hashed (pandas.factorize,
    first-appearance order).
    """
    if len(values) and values.dtype.kind == "f":
        lo, hi = float(values.min()), float(values.max())
        if lo >= 0 and hi < 2**20 and np.array_equal(values, np.floor(values)):
            codes = values.astype(np.int64)
            return codes, np.arange(int(hi) + 1, dtype=float)
    codes, uniques = pd.factorize(values, sort=False, use_na_sentinel=False)
    return codes.astype(np.int64, copy=False), np.asarray(uniques, dtype=float)


def _collapse(arrays: dict[str, np.ndarray], weights: np.ndarray) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Identical rows merged into one with the summed weight (exact for the likelihood).

    Each column is coded (see :func:`_codes`), the codes are combined into one integer
    key, and rows with equal keys are summed: by counting when the key range is small
    (rows then come out in key order), otherwise by hashing (first-appearance order).
    Groups whose weights sum to zero are dropped. When one column alone has more than
    n/2 distinct values (merging could at most halve the rows, which does not repay its
    cost), rows are returned as they are (minus zero weights).
    """
    names = list(arrays)
    n = len(weights)
    key = np.zeros(n, dtype=np.int64)
    uniques: list[np.ndarray] = []
    span = 1
    for name in names:
        codes, values = _codes(arrays[name])
        if len(values) > 0.5 * n:  # merging could at most halve the rows: not worth its cost
            keep = weights > 0
            return {k: np.asarray(v, dtype=float)[keep] for k, v in arrays.items()}, weights[keep]
        size = max(len(values), 1)
        if span * size >= 2**62:  # cannot happen for realistic tables
            frame = pd.DataFrame(arrays).assign(_w=weights)
            grouped = frame.groupby(names, sort=False, observed=True)["_w"].sum()
            grouped = grouped[grouped > 0]
            keys = grouped.index.to_frame(index=False)
            return {k: keys[k].to_numpy(dtype=float) for k in names}, grouped.to_numpy(dtype=float)
        key = key * size + codes
        span *= size
        uniques.append(values)
    if span <= max(8 * n, 2**22):
        w_all = np.bincount(key, weights=weights, minlength=span)
        rest = np.flatnonzero(w_all > 0)
        w = w_all[rest]
    else:
        group, first_keys = pd.factorize(key, sort=False)
        w = np.bincount(group, weights=weights, minlength=len(first_keys))
        keep = w > 0
        rest, w = np.asarray(first_keys, dtype=np.int64)[keep], w[keep]
    out: dict[str, np.ndarray] = {}
    for name, values in zip(reversed(names), reversed(uniques)):
        size = max(len(values), 1)
        out[name] = values[rest % size]
        rest = rest // size
    return {name: out[name] for name in names}, w


class BaseFitter:
    """Maximum-likelihood fitting and its uncertainty, shared by the models.

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

    def __init__(
        self,
        *,
        columns: Mapping[str, str] | None = None,
        initial_params: Mapping[str, float] | None = None,
        max_iter: int = 2000,
        tol: float = 1e-10,
    ) -> None:
        self.columns = dict(columns) if columns else {}
        self.initial_params = dict(initial_params) if initial_params else None
        self.max_iter = max_iter
        self.tol = tol

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
            polish = optimize.minimize(
                self._objective, res.x, args=args, method="Nelder-Mead",
                options={"maxiter": self.max_iter, "xatol": 1e-10, "fatol": 1e-14},
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

    # ---------------------------------------------------------- uncertainty
    def _check_fitted(self) -> None:
        if not hasattr(self, "params_"):
            raise NotFittedError(f"This {type(self).__name__} is not fitted yet; call fit(data) first.")

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
        self._check_fitted()
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

    def summary(self) -> pd.DataFrame:
        """Estimates with standard errors and 95% intervals from the observed information.

        Returns
        -------
        DataFrame
            Indexed by parameter name, with columns ``estimate``, ``std_error``
            (natural scale, delta method), ``ci_lower_95`` and ``ci_upper_95``
            (``exp(log(estimate) +/- 1.96 se_log)``, always positive).
        """
        self._check_fitted()
        p = self.params_.to_numpy()
        se_log = np.sqrt(np.diag(self.covariance_log_))
        return pd.DataFrame(
            {
                "estimate": p,
                "std_error": p * se_log,
                "ci_lower_95": p * np.exp(-Z95 * se_log),
                "ci_upper_95": p * np.exp(Z95 * se_log),
            },
            index=pd.Index(self._param_names, name="parameter"),
        )

    def sample_params(self, n_draws: int, seed: int | np.random.Generator | None = 0) -> pd.DataFrame:
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
        self._check_fitted()
        rng = as_generator(seed)
        cov = np.nan_to_num(self.covariance_log_)
        theta = rng.multivariate_normal(np.log(self.params_.to_numpy()), cov, size=n_draws, method="eigh")
        return pd.DataFrame(np.exp(theta), columns=list(self._param_names))

    def _with_params(self, params: Mapping[str, float] | pd.Series | np.ndarray):
        """A shallow copy of this model with other parameter values (for bootstrap and delta)."""
        clone = object.__new__(type(self))
        clone.__dict__.update(self.__dict__)
        values = np.asarray([params[k] for k in self._param_names] if isinstance(params, (Mapping, pd.Series)) else params, dtype=float)
        clone.params_ = pd.Series(values, index=list(self._param_names), name="estimate")
        clone._cov_cache = None
        return clone

    def _p(self) -> np.ndarray:
        self._check_fitted()
        return self.params_.to_numpy()

    def __repr__(self) -> str:
        if hasattr(self, "params_"):
            inner = ", ".join(f"{k}={v:.4g}" for k, v in self.params_.items())
            return f"{type(self).__name__}({inner})"
        return f"{type(self).__name__}()"

    @classmethod
    def from_params(cls, params: Mapping[str, float], **settings):
        """A model with given parameter values (for simulation and what-if analysis).

        Examples
        --------
        >>> from analysis.clv import BetaGeo
        >>> BetaGeo.from_params({"r": 0.24, "alpha": 4.4, "a": 0.79, "b": 2.4})
        BetaGeo(r=0.24, alpha=4.4, a=0.79, b=2.4)
        """
        missing = set(cls._param_names) - set(params)
        if missing:
            raise ParameterError(f"{cls.__name__}.from_params needs {sorted(missing)}.")
        values = np.array([params[k] for k in cls._param_names], dtype=float)
        if np.any(~np.isfinite(values) | (values <= 0)):
            raise ParameterError(f"{cls.__name__} parameters must be finite and > 0; got {dict(params)}.")
        model = cls(**settings)
        model.params_ = pd.Series(values, index=list(cls._param_names), name="estimate")
        model._cov_cache = None
        return model
