"""Shared machinery of the buy-till-you-die models: one class built from focused parts.

:class:`BaseFitter` combines

- :mod:`analysis.clv.inputs`: the summary's columns checked once, identical rows merged;
- :mod:`analysis.clv.fitting`: maximum likelihood on the log-parameter scale;
- :mod:`analysis.clv.uncertainty`: observed information, covariance, ``summary(alpha)``
  and parameter draws;

and adds the settings (declared once, checked with :func:`analysis.checks.check_params`),
models with given parameters (:meth:`BaseFitter.from_params`) and ``__repr__``
(:class:`analysis.results.ResultMixin`: the class and its summary).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from analysis.checks import DEFAULT_SEED, Interval, check_is_fitted, check_params, rng_from
from analysis.clv.fitting import MaximumLikelihood
from analysis.clv.inputs import _codes, _collapse, _row_list, check_summary_columns  # noqa: F401 - re-exported
from analysis.clv.uncertainty import Uncertainty, log_scale_table
from analysis.errors import ParameterError
from analysis.results import ResultMixin

__all__ = ["BaseFitter", "as_generator", "check_summary_columns", "log_scale_table"]

def as_generator(seed: int | np.random.Generator = DEFAULT_SEED) -> np.random.Generator:
    """A numpy Generator from an int seed (or the Generator itself): :func:`analysis.checks.rng_from`.

    Examples
    --------
    >>> bool(as_generator(1).integers(10) == as_generator(1).integers(10))
    True
    """
    return rng_from(seed)


class BaseFitter(Uncertainty, MaximumLikelihood, ResultMixin):
    """Maximum-likelihood fitting and its uncertainty, shared by the models.

    Subclasses set ``_param_names``, ``_columns`` (canonical column names) and
    implement ``_loglik(params, data) -> per-row log-likelihood``; optionally
    ``_loglik_grad(params, data) -> (n, k)`` derivatives with respect to the
    parameters, and ``_start(data, weights)`` for starting values.

    Parameters
    ----------
    columns : mapping, optional
        Canonical column name -> column name in the data.
    initial_params : mapping, optional
        Starting values of the parameters.
    max_iter : int, default 2000
        Iteration limit of the optimiser.
    tol : float, default 1e-10
        Tolerance of the optimiser.
    """

    #: constraints on the settings, declared once (see analysis.checks)
    _parameter_constraints: dict[str, list] = {
        "columns": [dict, None],
        "initial_params": [dict, None],
        "max_iter": [Interval(int, 1, None, closed="left")],
        "tol": [Interval(float, 0, None, closed="neither")],
    }

    def __init__(
        self,
        *,
        columns: Mapping[str, str] | None = None,
        initial_params: Mapping[str, float] | None = None,
        max_iter: int = 2000,
        tol: float = 1e-10,
    ) -> None:
        check_params(self._parameter_constraints,
                     {"columns": columns, "initial_params": initial_params, "max_iter": max_iter, "tol": tol},
                     type(self).__name__)
        self.columns = dict(columns) if columns else {}
        self.initial_params = dict(initial_params) if initial_params else None
        self.max_iter = max_iter
        self.tol = tol

    def _with_params(self, params: Mapping[str, float] | pd.Series | np.ndarray):
        """A shallow copy of this model with other parameter values (for bootstrap and delta)."""
        clone = object.__new__(type(self))
        clone.__dict__.update(self.__dict__)
        values = np.asarray([params[k] for k in self._param_names] if isinstance(params, (Mapping, pd.Series)) else params, dtype=float)
        clone.params_ = pd.Series(values, index=list(self._param_names), name="estimate")
        clone._cov_cache = None
        return clone

    def _p(self) -> np.ndarray:
        check_is_fitted(self)
        return self.params_.to_numpy()

    def _repr_settings(self) -> dict[str, Any]:
        """Without a summary (a model from :meth:`from_params`), its parameters; else its settings."""
        if getattr(self, "params_", None) is not None:
            return {k: float(v) for k, v in self.params_.items()}
        return super()._repr_settings()

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
