"""Shared machinery of the covariate CLV models: settings, parametrisation, likelihood
(the plain model's, per customer), fitting and uncertainty (see
:mod:`analysis.clv.covariates`)."""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from scipy import optimize, stats

from analysis.checks import DEFAULT_SEED, Interval, check_alpha, check_is_fitted, check_params, rng_from
from analysis.clv.bgnbd import BetaGeo
from analysis.clv.covariates.coding import _check_rank, _encode, _learn, _standardiser
from analysis.clv.covariates.predict import _CovariatePredictions
from analysis.errors import AnalysisWarning, DataValidationError, ParameterError
from analysis.results import ResultMixin, estimate_table


class _CovariateModel(_CovariatePredictions, ResultMixin):
    """Shared machinery: coding, likelihood in theta, fitting, uncertainty, predictions."""

    _plain: type = BetaGeo
    _base_names: tuple[str, ...] = ()
    # base parameter -> (process, sign) for the scaled ones
    _scaled: dict[str, tuple[str, float]] = {}

    def __init__(
        self,
        *,
        trans_covariates: Sequence[str] = (),
        life_covariates: Sequence[str] = (),
        categorical: Sequence[str] = (),
        reference: Mapping[str, Any] | None = None,
        columns: Mapping[str, str] | None = None,
        max_iter: int = 2000,
    ) -> None:
        self.trans_covariates = [trans_covariates] if isinstance(trans_covariates, str) else list(trans_covariates)
        self.life_covariates = [life_covariates] if isinstance(life_covariates, str) else list(life_covariates)
        self.categorical = [categorical] if isinstance(categorical, str) else list(categorical)
        self.reference = dict(reference) if reference else {}
        self.columns = dict(columns) if columns else {}
        self.max_iter = max_iter

    # ------------------------------------------------------------- settings
    def _check_settings(self) -> None:
        for name in ("trans_covariates", "life_covariates", "categorical"):
            values = getattr(self, name)
            if any(not isinstance(v, str) for v in values):
                raise ParameterError(f"{type(self).__name__}: {name} must be a list of column names; got {values!r}.")
            if len(set(values)) != len(values):
                raise ParameterError(f"{type(self).__name__}: {name} lists a column twice: {values!r}.")
        used = set(self.trans_covariates) | set(self.life_covariates)
        stray = sorted((set(self.categorical) | set(self.reference)) - used)
        if stray:
            raise ParameterError(
                f"{type(self).__name__}: categorical/reference name column(s) {stray} that are not in "
                "trans_covariates or life_covariates."
            )
        check_params({"max_iter": [Interval(int, 1, None, closed="left")]}, {"max_iter": self.max_iter},
                     type(self).__name__)

    def _summary_arrays(self, data: pd.DataFrame) -> dict[str, np.ndarray]:
        if not isinstance(data, pd.DataFrame):
            raise DataValidationError(f"{type(self).__name__} needs a DataFrame; got {type(data).__name__}.")
        plain = self._plain(columns=self.columns)
        return plain._data(data)  # the plain model's column and consistency checks

    def _learn_coding(self, data: pd.DataFrame) -> None:
        used = list(dict.fromkeys(self.trans_covariates + self.life_covariates))
        missing = [c for c in used if c not in data.columns]
        if missing:
            raise DataValidationError(
                f"Covariate column(s) {missing} are not in the data; it has {list(data.columns)}. "
                "Join the customer attributes onto the summary (by customer_id) first."
            )
        cat = set(self.categorical)
        coding = {c: _learn(data, c, cat, self.reference) for c in used}
        self._coding_trans = [coding[c] for c in self.trans_covariates]
        self._coding_life = [coding[c] for c in self.life_covariates]
        self.trans_names_ = [lab for cov in self._coding_trans for lab in cov.labels]
        self.life_names_ = [lab for cov in self._coding_life for lab in cov.labels]

    def _designs(self, data: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
        check_is_fitted(self, "_coding_trans")
        used = list(dict.fromkeys(self.trans_covariates + self.life_covariates))
        missing = [c for c in used if c not in data.columns]
        if missing:
            raise DataValidationError(
                f"Covariate column(s) {missing} are not in the data; it has {list(data.columns)}."
            )
        return _encode(data, self._coding_trans), _encode(data, self._coding_life)

    # ------------------------------------------------------ parametrisation
    def _scaling(self) -> dict[str, tuple[str, float]]:
        """Base parameter -> (coefficient block, sign of the linear predictor)."""
        return self._scaled

    def _blocks(self) -> list[tuple[str, str]]:
        """Coefficient blocks in theta order: (name prefix, design "trans" or "life")."""
        used = list(dict.fromkeys(block for block, _ in self._scaling().values()))
        return [(block, "trans" if block == "trans" else "life") for block in used]

    def _block_slices(self, kt: int, kl: int) -> list[tuple[str, str, slice]]:
        start, out = len(self._base_names), []
        for block, design in self._blocks():
            k = kt if design == "trans" else kl
            out.append((block, design, slice(start, start + k)))
            start += k
        return out

    @property
    def _param_names(self) -> list[str]:
        names = {"trans": self.trans_names_, "life": self.life_names_}
        return list(self._base_names) + [f"{block}[{n}]" for block, design in self._blocks() for n in names[design]]

    def _individual(self, theta: np.ndarray, Zt: np.ndarray, Zl: np.ndarray) -> list:
        """Per-row base parameters from theta = (log base params, coefficient blocks)."""
        Z = {"trans": Zt, "life": Zl}
        lin = {block: Z[design] @ theta[sl] for block, design, sl in self._block_slices(Zt.shape[1], Zl.shape[1])}
        scaling = self._scaling()
        out = []
        for j, name in enumerate(self._base_names):
            if name in scaling:
                block, sign = scaling[name]
                out.append(np.exp(theta[j] + sign * lin[block]))
            else:
                out.append(float(np.exp(theta[j])))
        return out

    def _kernel(self):
        """The plain model, whose per-row likelihood, gradient and predictions accept
        per-customer parameter arrays: one definition serves both."""
        return self._plain()

    def _loglik_grad_log(self, p, x, tx, T):
        """Per-row log-likelihood and its derivatives in the log base parameters."""
        ll, G = self._kernel()._loglik_and_grad(p, {"frequency": x, "recency": tx, "T": T})
        return ll, G * np.column_stack([np.broadcast_to(v, len(x)) for v in p])

    def _ll_and_grad(self, theta, d):
        p = self._individual(theta, d["Zt"], d["Zl"])
        ll, G = self._loglik_grad_log(p, d["x"], d["tx"], d["T"])
        w = d["w"]
        kb = len(self._base_names)
        g = np.empty(len(theta))
        g[:kb] = w @ G
        Z = {"trans": d["Zt"], "life": d["Zl"]}
        scaling = self._scaling()
        for block, design, sl in self._block_slices(d["Zt"].shape[1], d["Zl"].shape[1]):
            acc = np.zeros(len(w))
            for j, name in enumerate(self._base_names):
                if scaling.get(name, ("", 0.0))[0] == block:
                    acc += scaling[name][1] * G[:, j]
            g[sl] = (w * acc) @ Z[design]
        return float(w @ ll), g

    def _objective(self, theta, d):
        with np.errstate(all="ignore"):
            value, g = self._ll_and_grad(theta, d)
        value, g = -value / d["total"], -g / d["total"]
        if not np.isfinite(value) or not np.all(np.isfinite(g)):
            return 1e100, np.zeros_like(theta)
        return value, g

    # ------------------------------------------------------------------ fit
    def fit(self, data: pd.DataFrame, *, weights: str | Sequence[float] | np.ndarray | None = None):
        """Fit by maximum likelihood.

        Parameters
        ----------
        data : DataFrame
            One row per customer: ``frequency``, ``recency``, ``T`` (names as in
            ``columns``) and the covariate columns.
        weights : str or array-like, optional
            Column name or array of row counts for grouped data.

        Returns
        -------
        self

        Raises
        ------
        DataValidationError
            A covariate column is missing, has missing values, is constant, or the
            covariates of one process are perfectly collinear; or the summary
            breaks the plain model's rules.
        """
        self._check_settings()
        arrays = self._summary_arrays(data)
        n = len(arrays["frequency"])
        if n == 0:
            raise DataValidationError(f"{type(self).__name__}.fit got an empty table.")
        w = BetaGeo._weights(data, weights, n)
        if float(w @ arrays["frequency"]) == 0:
            raise DataValidationError(
                f"{type(self).__name__}: no customer made a repeat purchase, so purchase rates and "
                "drop-out cannot be estimated."
            )
        self._learn_coding(data)
        Zt = _encode(data, self._coding_trans)
        Zl = _encode(data, self._coding_life)
        _check_rank(Zt, self.trans_names_, "purchase (trans)")
        self._check_levels_repeat(data, arrays["frequency"], w)
        _check_rank(Zl, self.life_names_, "drop-out (life)")
        kt, kl = Zt.shape[1], Zl.shape[1]
        # internal centring/scaling of numeric covariates (dummies untouched)
        center_t, scale_t = _standardiser(self._coding_trans, Zt, w)
        center_l, scale_l = _standardiser(self._coding_life, Zl, w)
        d = self._collapse(arrays, (Zt - center_t) / scale_t, (Zl - center_l) / scale_l, w)
        # start: the plain model's fit, coefficients zero
        frame = pd.DataFrame({"frequency": arrays["frequency"], "recency": arrays["recency"], "T": arrays["T"]})
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", AnalysisWarning)
            plain = self._plain().fit(frame, weights=w)
        n_coef = sum(kt if design == "trans" else kl for _, design in self._blocks())
        theta0 = np.concatenate([np.log(plain.params_.to_numpy()), np.zeros(n_coef)])
        self.plain_loglik_ = float(plain.loglik_)
        res = optimize.minimize(
            self._objective, theta0, args=(d,), jac=True, method="L-BFGS-B",
            options={"maxiter": int(self.max_iter), "ftol": 1e-15, "gtol": 1e-9, "maxcor": 20},
        )
        theta_s = res.x
        gnorm = float(np.max(np.abs(self._objective(theta_s, d)[1])))
        newton_steps = 0
        if gnorm > 1e-6:  # polish with a few Newton steps on the observed information
            theta_s, gnorm, newton_steps = self._newton(theta_s, d)
        # map the internal estimates back to the raw covariate scale (exactly linear)
        M = self._back_transform(center_t, scale_t, center_l, scale_l)
        theta = M @ theta_s
        H_s = self._hessian(theta_s, d) * d["total"]
        self._theta = theta
        self._M, self._H_s = M, H_s
        self._fit_data = d  # collapsed internal-scale data (for the Hessian and checks)
        self._theta_internal = theta_s
        self.params_ = self._params_series(theta)
        self.loglik_ = float(self._ll_and_grad(theta_s, d)[0])
        self.n_obs_ = float(w.sum())
        self.n_distinct_ = len(d["w"])
        self.converged_ = bool(np.isfinite(self.loglik_) and gnorm < 1e-4)
        self.optimizer_ = {
            "method": "L-BFGS-B" + (f" + {newton_steps} Newton step(s)" if newton_steps else ""),
            "start": "plain model fit, coefficients 0",
            "iterations": int(res.nit),
            "max_abs_gradient": gnorm,
            "message": str(res.message),
        }
        self.profiles_ = self._profiles(data, w)
        self._cov_cache = None
        est = self.params_.to_numpy()
        self.at_boundary_ = [
            name for name, v in zip(self._param_names, est)
            if (name in self._base_names and not 1e-6 < v < 1e6) or (name not in self._base_names and abs(v) > 10)
        ]
        if self.at_boundary_:
            warnings.warn(
                f"{type(self).__name__}: {self.at_boundary_} ran to an extreme value (a coefficient beyond "
                "+/-10 multiplies a parameter by more than 20,000): such a level or covariate range is "
                "nearly separated (e.g. hardly any repeat buyers or drop-outs); treat these estimates and "
                "their standard errors with caution, or merge sparse levels.",
                AnalysisWarning,
                stacklevel=2,
            )
        if not self.converged_:
            warnings.warn(
                f"{type(self).__name__}: the optimiser did not converge (largest gradient {gnorm:.2g}; "
                f"{res.message}). Check the covariates (a level with very few customers or no repeat "
                "buyers can run a coefficient to infinity).",
                AnalysisWarning,
                stacklevel=2,
            )
        return self

    def _check_levels_repeat(self, data: pd.DataFrame, x: np.ndarray, w: np.ndarray) -> None:
        """A purchase-process level whose customers never repeat has its MLE at -infinity."""
        for cov in self._coding_trans:
            if cov.kind != "categorical":
                continue
            raw = data[cov.column].to_numpy(dtype=object)
            for level in (cov.reference, *cov.levels):
                rows = raw == level
                if float(w[rows] @ x[rows]) == 0:
                    raise DataValidationError(
                        f"Level {level!r} of covariate {cov.column!r} ({int(rows.sum())} customers) has no "
                        "repeat purchase, so its purchase-rate effect is not identified (the estimate would "
                        "run to minus infinity). Merge it with another level or leave those customers out."
                    )

    def _back_transform(self, ct, st, cl, sl) -> np.ndarray:
        """theta_raw = M @ theta_internal for z_internal = (z - c) / s."""
        slices = self._block_slices(len(ct), len(cl))
        M = np.eye(slices[-1][2].stop if slices else len(self._base_names))
        cs = {"trans": (ct, st), "life": (cl, sl)}
        scaling = self._scaling()
        for block, design, sli in slices:
            c, s_ = cs[design]
            M[sli, sli] = np.diag(1 / s_)
            # linear predictor: gamma_s'(z - c)/s = gamma'z - gamma'c, so log base += sign * (-gamma'c)
            for j, name in enumerate(self._base_names):
                if scaling.get(name, ("", 0.0))[0] == block:
                    M[j, sli] = -scaling[name][1] * c / s_
        return M

    def _collapse(self, arrays, Zt, Zl, w) -> dict[str, Any]:
        frame = pd.DataFrame(np.column_stack([arrays["frequency"], arrays["recency"], arrays["T"], Zt, Zl]))
        frame["_w"] = w
        g = frame.groupby(list(frame.columns[:-1]), sort=False)["_w"].sum()
        g = g[g > 0]
        keys = g.index.to_frame(index=False).to_numpy(dtype=float)
        kt = Zt.shape[1]
        return {
            "x": keys[:, 0], "tx": keys[:, 1], "T": keys[:, 2],
            "Zt": keys[:, 3:3 + kt], "Zl": keys[:, 3 + kt:], "w": g.to_numpy(dtype=float),
            "total": float(g.sum()),
        }

    def _hessian(self, theta, d, h: float = 1e-4) -> np.ndarray:
        """Hessian of the mean negative log-likelihood: central differences of the gradient."""
        k = len(theta)
        H = np.empty((k, k))
        for j in range(k):
            e = np.zeros(k)
            e[j] = h
            H[:, j] = (self._objective(theta + e, d)[1] - self._objective(theta - e, d)[1]) / (2 * h)
        return (H + H.T) / 2

    def _newton(self, theta, d):
        f, g = self._objective(theta, d)
        steps = 0
        for _ in range(8):
            H = self._hessian(theta, d)
            try:
                step = np.linalg.solve(H, g)
            except np.linalg.LinAlgError:
                break
            t = 1.0
            while t > 1e-4:
                f_new, g_new = self._objective(theta - t * step, d)
                if f_new <= f + 1e-15:
                    break
                t /= 2
            else:
                break
            theta, f, g = theta - t * step, f_new, g_new
            steps += 1
            if np.max(np.abs(g)) < 1e-9:
                break
        return theta, float(np.max(np.abs(g))), steps

    def _profiles(self, data: pd.DataFrame, w: np.ndarray) -> pd.DataFrame:
        used = list(dict.fromkeys(self.trans_covariates + self.life_covariates))
        if not used:
            return pd.DataFrame({"n_customers": [float(w.sum())]})
        if any(cov.kind == "numeric" for cov in self._coding_trans + self._coding_life):
            return pd.DataFrame(columns=[*used, "n_customers"])
        frame = data[used].copy()
        frame["n_customers"] = w
        return frame.groupby(used, observed=True, sort=True)["n_customers"].sum().reset_index()

    # ---------------------------------------------------------- uncertainty
    @property
    def covariance_theta_(self) -> pd.DataFrame:
        """Covariance of (log base parameters, coefficients): inverse observed information."""
        check_is_fitted(self, "_H_s")  # a model from from_params carries no information matrix
        if self._cov_cache is None:
            try:
                cov_s = np.linalg.inv(self._H_s)
            except np.linalg.LinAlgError:
                cov_s = np.full_like(self._H_s, np.nan)
            cov = self._M @ cov_s @ self._M.T
            if not np.all(np.isfinite(cov)) or np.any(np.diag(cov) <= 0):
                warnings.warn(
                    f"{type(self).__name__}: the observed information is singular or not positive "
                    "definite; standard errors are not available (a coefficient may be unidentified).",
                    AnalysisWarning,
                    stacklevel=2,
                )
            self._cov_cache = cov
        names = self._param_names
        return pd.DataFrame(self._cov_cache, index=names, columns=names)

    @property
    def covariance_(self) -> pd.DataFrame:
        """Covariance of ``params_`` (delta method for the positive base parameters)."""
        cov = self.covariance_theta_.to_numpy()
        kb = len(self._base_names)
        jac = np.ones(len(self._theta))
        jac[:kb] = np.exp(self._theta[:kb])
        names = self._param_names
        return pd.DataFrame(cov * np.outer(jac, jac), index=names, columns=names)

    def summary(self, alpha: float = 0.05) -> pd.DataFrame:
        """Estimates with standard errors and ``1 - alpha`` intervals from the observed information.

        Parameters
        ----------
        alpha : float, default 0.05
            One minus the confidence level of the intervals.

        Returns
        -------
        DataFrame
            Indexed by parameter, columns ``estimate``, ``std_error``, ``ci_low``,
            ``ci_high``, ``p_value``, then ``process`` (``both``, ``trans`` or
            ``life``) and ``multiplier`` (``exp(coefficient)``: the factor on
            the mean purchase rate for ``trans``; on ``a`` and ``b`` (BG/NBD) or
            the mean drop-out rate (Pareto/NBD) for ``life``; empty for the base
            parameters). Base parameters: delta-method SE, interval
            ``exp(log(estimate) +/- z se_log)`` and ``p_value`` NaN (they are
            positive by definition, so a test of 0 is meaningless); coefficients:
            interval ``estimate +/- z se`` and the Wald p-value of "no effect".

        Examples
        --------
        >>> import pandas as pd
        >>> from analysis.clv import BetaGeoCovariates
        >>> profiles = pd.DataFrame({"channel": ["store", "web"] * 2000, "T": 52.0})
        >>> truth = {"r": 0.7, "alpha": 6.0, "a": 1.0, "b": 3.0,
        ...          "trans[channel=web]": 0.4, "life[channel=web]": 0.0}
        >>> sim = BetaGeoCovariates.from_params(truth, profiles, trans_covariates=["channel"],
        ...                                      life_covariates=["channel"]).simulate(profiles, seed=1)
        >>> m = BetaGeoCovariates(trans_covariates=["channel"], life_covariates=["channel"]).fit(sim)
        >>> s = m.summary()
        >>> bool(s.loc["trans[channel=web]", "ci_low"] < 0.4 < s.loc["trans[channel=web]", "ci_high"])
        True
        """
        check_is_fitted(self)
        alpha = check_alpha(alpha, f"{type(self).__name__}.summary")
        z = float(stats.norm.ppf(1 - alpha / 2))
        kb = len(self._base_names)
        se_theta = np.sqrt(np.diag(self.covariance_theta_.to_numpy()))
        est = self.params_.to_numpy()
        std = se_theta.copy()
        std[:kb] = est[:kb] * se_theta[:kb]
        lower = np.concatenate([est[:kb] * np.exp(-z * se_theta[:kb]), est[kb:] - z * se_theta[kb:]])
        upper = np.concatenate([est[:kb] * np.exp(z * se_theta[:kb]), est[kb:] + z * se_theta[kb:]])
        with np.errstate(divide="ignore", invalid="ignore"):
            wald = 2 * stats.norm.sf(np.abs(est[kb:] / se_theta[kb:]))
        p_value = np.concatenate([np.full(kb, np.nan), wald])
        process = ["both"] * kb + [name.split("[", 1)[0] for name in self._param_names[kb:]]
        multiplier = np.concatenate([np.full(kb, np.nan), np.exp(est[kb:])])
        return estimate_table(self._param_names, est, std, alpha=alpha, ci_low=lower, ci_high=upper,
                              p_value=p_value, process=process, multiplier=multiplier)

    def sample_params(self, n_draws: int, seed: int | np.random.Generator = DEFAULT_SEED) -> pd.DataFrame:
        """Parameter draws from the asymptotic normal distribution of (log base parameters, coefficients).

        Used for the parametric bootstrap of derived quantities, e.g.
        ``customer_lifetime_value(model, data, ..., interval="bootstrap")``.

        Parameters
        ----------
        n_draws : int
            Number of draws.
        seed : int or Generator
            Randomness.

        Returns
        -------
        DataFrame
            One row per draw, one column per entry of :attr:`params_`.

        Examples
        --------
        >>> import pandas as pd
        >>> from analysis.clv import BetaGeoCovariates
        >>> prof = pd.DataFrame({"channel": ["store", "web"] * 1000, "T": 52.0})
        >>> truth = {"r": 0.7, "alpha": 6.0, "a": 1.0, "b": 3.0, "trans[channel=web]": 0.4}
        >>> sim = BetaGeoCovariates.from_params(truth, prof, trans_covariates=["channel"]).simulate(prof, seed=1)
        >>> m = BetaGeoCovariates(trans_covariates=["channel"]).fit(sim)
        >>> m.sample_params(3, seed=0).shape
        (3, 5)
        """
        check_params({"n_draws": [Interval(int, 1, None, closed="left")]}, {"n_draws": n_draws}, "sample_params")
        rng = rng_from(seed)
        cov = np.nan_to_num(self.covariance_theta_.to_numpy())
        theta = rng.multivariate_normal(self._theta, cov, size=int(n_draws), method="eigh")
        kb = len(self._base_names)
        theta[:, :kb] = np.exp(theta[:, :kb])
        return pd.DataFrame(theta, columns=self._param_names)

    def _with_params(self, params: Mapping[str, float] | pd.Series | np.ndarray):
        """A shallow copy with other parameter values (named, as in ``params_``; for the bootstrap)."""
        if not isinstance(params, (Mapping, pd.Series)):
            raise ParameterError(
                f"{type(self).__name__}: the delta-method interval of customer_lifetime_value works on log "
                "parameters, which coefficients (possibly negative) are not; use interval='bootstrap'."
            )
        values = np.array([float(params[k]) for k in self._param_names])
        kb = len(self._base_names)
        if np.any(values[:kb] <= 0):
            raise ParameterError(f"{type(self).__name__}: base parameters must be > 0; got "
                                 f"{dict(zip(self._base_names, values[:kb].tolist()))}.")
        clone = object.__new__(type(self))
        clone.__dict__.update(self.__dict__)
        clone._theta = np.concatenate([np.log(values[:kb]), values[kb:]])
        clone.params_ = clone._params_series(clone._theta)
        clone._cov_cache = None
        return clone

    @property
    def covariance_log_(self) -> np.ndarray:
        """Not available: refuses the delta method of :func:`customer_lifetime_value` clearly."""
        raise ParameterError(
            f"{type(self).__name__}: use covariance_theta_ (log base parameters and coefficients); for "
            "customer_lifetime_value pass interval='bootstrap'."
        )

    def _column_map(self) -> dict[str, str]:
        return {name: self.columns.get(name, name) for name in ("frequency", "recency", "T")}

    def _params_series(self, theta: np.ndarray) -> pd.Series:
        kb = len(self._base_names)
        values = np.concatenate([np.exp(theta[:kb]), theta[kb:]])
        return pd.Series(values, index=self._param_names, name="estimate")

    @classmethod
    def from_params(cls, params: Mapping[str, float] | pd.Series, data: pd.DataFrame, **settings):
        """A model with given parameters; ``data`` fixes the covariates' coding (levels, reference).

        Parameters
        ----------
        params : mapping
            Base parameters and coefficients named as in :attr:`params_`
            (``trans[column=level]``, ``life[column]``, ...); coefficients not
            given are 0.
        data : DataFrame
            Holds the covariate columns (their levels define the dummies).
        **settings
            Constructor settings (``trans_covariates``, ``life_covariates``,
            ``categorical``, ``reference``, ``columns``).

        Returns
        -------
        model

        Examples
        --------
        >>> import pandas as pd
        >>> from analysis.clv import BetaGeoCovariates
        >>> m = BetaGeoCovariates.from_params({"r": 0.5, "alpha": 5, "a": 1, "b": 3, "trans[x]": 0.2},
        ...                                   pd.DataFrame({"x": [0.0, 1.0]}), trans_covariates=["x"])
        >>> m.params_.round(2).to_dict()
        {'r': 0.5, 'alpha': 5.0, 'a': 1.0, 'b': 3.0, 'trans[x]': 0.2}
        """
        model = cls(**settings)
        model._check_settings()
        model._learn_coding(data)
        names = model._param_names
        unknown = sorted(set(params) - set(names))
        missing = [k for k in model._base_names if k not in params]
        if unknown or missing:
            raise ParameterError(
                f"{cls.__name__}.from_params: parameters {unknown} are unknown and {missing} are missing; "
                f"the names for these covariates are {names}."
            )
        base = np.array([params[k] for k in model._base_names], dtype=float)
        if np.any(~np.isfinite(base) | (base <= 0)):
            raise ParameterError(f"{cls.__name__}: base parameters must be finite and > 0; got {dict(params)}.")
        coef = np.array([float(params.get(k, 0.0)) for k in names[len(base):]])
        model._theta = np.concatenate([np.log(base), coef])
        model.params_ = model._params_series(model._theta)
        model._H_s = None
        model._cov_cache = None
        return model

    def _repr_settings(self) -> dict[str, Any]:
        """Without a summary (a model from :meth:`from_params`), its parameters; else its settings."""
        if getattr(self, "params_", None) is not None:
            return {k: float(v) for k, v in self.params_.items()}
        return super()._repr_settings()
