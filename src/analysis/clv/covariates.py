"""BG/NBD and Pareto/NBD with static covariates (CLVTools' parametrisation), by maximum likelihood.

Static (time-invariant) customer covariates ``z_i`` such as the acquisition
channel, a region or a plan shift the heterogeneity scale parameters of the
purchase process and of the drop-out process, exactly as in R's CLVTools
(``SetStaticCovariates``; Fader and Hardie 2007, "Incorporating time-invariant
covariates into the Pareto/NBD and BG/NBD models"):

BG/NBD (:class:`BetaGeoCovariates`)
    ``alpha_i = alpha * exp(-gamma_trans' z_trans_i)`` (purchase),
    ``a_i = a * exp(gamma_life' z_life_i)`` and ``b_i = b * exp(gamma_life' z_life_i)``
    (drop-out; one coefficient per covariate acts on both ``a`` and ``b``, so a
    covariate moves the mean drop-out probability ``a/(a+b)`` not at all and its
    spread: a positive coefficient concentrates ``p`` around its mean).
    ``r`` is common to all customers. ``life_ab="separate"`` gives ``a`` and ``b``
    their own coefficients (``a_i = a exp(gamma_a' z)``, ``b_i = b exp(gamma_b' z)``,
    as PyMC-Marketing's BG/NBD with covariates), so the mean can move too.
Pareto/NBD (:class:`ParetoNBDCovariates`)
    ``alpha_i = alpha * exp(-gamma_trans' z_trans_i)``,
    ``beta_i = beta * exp(-gamma_life' z_life_i)``; ``r`` and ``s`` common.

So a positive ``trans`` coefficient means a higher mean purchase rate
(``r / alpha_i`` grows by ``exp(gamma)``), and in Pareto/NBD a positive ``life``
coefficient means a higher mean drop-out rate (``s / beta_i``), i.e. shorter
lifetimes. The baseline parameters ``alpha, a, b`` (``alpha, beta``) are those of
a customer with ``z = 0``: the reference level of every categorical covariate and
zero for every numeric one.

Coding of covariates. A column with a non-numeric dtype (string, object,
category, bool), or named in ``categorical``, is one-hot coded with one dummy per
level other than its reference level (treatment coding, as R's default
contrasts). The reference is ``reference[column]`` when given, otherwise the
first level: the first observed category of a pandas Categorical, else the
smallest level in sorted order (as R orders factor levels). Coefficient names are
``trans[column=level]`` and ``life[column=level]``; a numeric column enters as is,
named ``trans[column]``. Levels absent from the data used to fit raise an error at
prediction.

Estimation. The parameters are optimised as ``log r, log alpha, ...`` and the
coefficients; numeric covariates are centred and scaled internally (and the
estimates mapped back exactly), which keeps the problem well conditioned. The
start is the plain model's fit (all coefficients zero). The likelihood, its
gradient and the predictions are the plain models' own per-customer code
(:class:`~analysis.clv.BetaGeo`, :class:`~analysis.clv.ParetoNBD`), evaluated with
each customer's ``alpha_i``, ``a_i``, ``b_i`` (``beta_i``); the gradient in the
coefficients follows by the chain rule, so its cost does not grow with the number
of coefficients (Pareto/NBD's is exact except the hypergeometric parameter
derivatives, central differences with error about 1e-10). Standard errors come from the observed
information (central differences of the gradient, step 1e-4); intervals of the
positive parameters are ``exp(log(estimate) +/- 1.96 se_log)``, of the
coefficients ``estimate +/- 1.96 se``.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy import optimize

from analysis.clv.base import Z95, as_generator
from analysis.clv.bgnbd import BetaGeo
from analysis.clv.paretonbd import ParetoNBD
from analysis.errors import AnalysisWarning, DataValidationError, NotFittedError, ParameterError

__all__ = ["BetaGeoCovariates", "ParetoNBDCovariates"]

# --------------------------------------------------------------------- coding
@dataclass(frozen=True)
class _Covariate:
    """How one source column is coded: numeric (as is) or categorical (treatment dummies)."""

    column: str
    kind: str  # "numeric" or "categorical"
    levels: tuple[Any, ...] = ()  # non-reference levels (categorical)
    reference: Any = None

    @property
    def labels(self) -> list[str]:
        if self.kind == "numeric":
            return [self.column]
        return [f"{self.column}={level}" for level in self.levels]


def _first_rows(mask: np.ndarray, values: Any, index: pd.Index) -> str:
    bad = np.flatnonzero(mask)[:5]
    vals = np.asarray(values, dtype=object)
    return ", ".join(f"{index[i]!r}: {vals[i]!r}" for i in bad)


def _is_categorical(series: pd.Series) -> bool:
    return not pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series)


def _learn(frame: pd.DataFrame, column: str, categorical: set[str], reference: Mapping[str, Any]) -> _Covariate:
    series = frame[column]
    missing = series.isna().to_numpy()
    if missing.any():
        raise DataValidationError(
            f"Covariate {column!r}: {int(missing.sum())} row(s) are missing (first rows "
            f"{_first_rows(missing, series.to_numpy(dtype=object), frame.index)}). Fill them (for a "
            "categorical covariate an explicit level such as 'unknown' works) or drop those customers."
        )
    if column in categorical or _is_categorical(series):
        if isinstance(series.dtype, pd.CategoricalDtype):
            present = set(series.unique())
            levels = [c for c in series.cat.categories if c in present]
        else:
            levels = sorted(series.unique().tolist(), key=lambda v: (str(type(v)), v))
        if len(levels) < 2:
            raise DataValidationError(
                f"Covariate {column!r} is constant (every row is {levels[0]!r}); it carries no "
                "information and is not identified next to the baseline parameters. Remove it."
            )
        ref = reference.get(column, levels[0])
        if ref not in levels:
            raise ParameterError(
                f"reference[{column!r}] = {ref!r} is not a level of {column!r}; its levels are {levels}."
            )
        return _Covariate(column, "categorical", tuple(v for v in levels if v != ref), ref)
    if column in reference:
        raise ParameterError(
            f"reference[{column!r}] was given but {column!r} is numeric; list it in categorical=[...] "
            "to code it as levels."
        )
    values = pd.to_numeric(series).to_numpy(dtype=float)
    bad = ~np.isfinite(values)
    if bad.any():
        raise DataValidationError(
            f"Covariate {column!r}: {int(bad.sum())} row(s) are infinite (first rows "
            f"{_first_rows(bad, values, frame.index)})."
        )
    if np.ptp(values) == 0:
        raise DataValidationError(
            f"Covariate {column!r} is constant (every row is {values[0]!r}); it is not identified "
            "next to the baseline parameters. Remove it."
        )
    return _Covariate(column, "numeric")


def _encode(frame: pd.DataFrame, covs: Sequence[_Covariate]) -> np.ndarray:
    """Design matrix (n, k) of the coded covariates, checking missing and unseen values."""
    blocks = [np.zeros((len(frame), 0))]
    for cov in covs:
        series = frame[cov.column]
        missing = series.isna().to_numpy()
        if missing.any():
            raise DataValidationError(
                f"Covariate {cov.column!r}: {int(missing.sum())} row(s) are missing (first rows "
                f"{_first_rows(missing, series.to_numpy(dtype=object), frame.index)})."
            )
        if cov.kind == "numeric":
            try:
                values = pd.to_numeric(series).to_numpy(dtype=float)
            except (TypeError, ValueError) as exc:
                raise DataValidationError(f"Covariate {cov.column!r} was numeric when fitted; it is not now.") from exc
            bad = ~np.isfinite(values)
            if bad.any():
                raise DataValidationError(
                    f"Covariate {cov.column!r}: {int(bad.sum())} row(s) are infinite (first rows "
                    f"{_first_rows(bad, values, frame.index)})."
                )
            blocks.append(values[:, None])
            continue
        raw = series.to_numpy(dtype=object)
        known = np.isin(raw, np.array([cov.reference, *cov.levels], dtype=object))
        if not known.all():
            raise DataValidationError(
                f"Covariate {cov.column!r}: {int((~known).sum())} row(s) have a level not seen when the "
                f"model was fitted (first rows {_first_rows(~known, raw, frame.index)}); known levels "
                f"are {[cov.reference, *cov.levels]}."
            )
        blocks.append(np.column_stack([raw == level for level in cov.levels]).astype(float))
    return np.hstack(blocks)


def _check_rank(Z: np.ndarray, labels: list[str], process: str) -> None:
    """Intercept plus covariates must have full column rank; name the culprits if not."""
    if Z.shape[1] == 0:
        return
    rows = np.unique(Z, axis=0)
    X = np.column_stack([np.ones(len(rows)), rows])
    scale = np.maximum(np.abs(X).max(axis=0), 1e-300)
    Xs = X / scale
    _, sv, vt = np.linalg.svd(Xs, full_matrices=False)
    tol = max(Xs.shape) * np.finfo(float).eps * sv[0] * 1e3
    if len(sv) < X.shape[1] or sv[-1] <= tol:
        null = vt[-1]
        names = ["(intercept)", *labels]
        involved = [names[j] for j in np.flatnonzero(np.abs(null) > 1e-6)]
        raise DataValidationError(
            f"The {process} covariates are perfectly collinear: {involved} are linearly dependent "
            f"(together with the baseline parameter, the intercept), so their coefficients are not "
            f"identified. Drop one of them (or merge levels)."
        )


# ------------------------------------------------------------------ the model
class _CovariateModel:
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
        if int(self.max_iter) < 1:
            raise ParameterError(f"max_iter must be >= 1; got {self.max_iter}.")

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
        self._check_fitted(coding_only=True)
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
        center_t, scale_t = self._standardiser(self._coding_trans, Zt, w)
        center_l, scale_l = self._standardiser(self._coding_life, Zl, w)
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

    @staticmethod
    def _standardiser(coding, Z, w):
        center, scale = np.zeros(Z.shape[1]), np.ones(Z.shape[1])
        j = 0
        for cov in coding:
            k = len(cov.labels)
            if cov.kind == "numeric":
                mu = float(w @ Z[:, j]) / float(w.sum())
                sd = float(np.sqrt(w @ (Z[:, j] - mu) ** 2 / w.sum()))
                center[j], scale[j] = mu, sd if sd > 0 else 1.0
            j += k
        return center, scale

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
    def _check_fitted(self, coding_only: bool = False) -> None:
        attr = "_coding_trans" if coding_only else "params_"
        if not hasattr(self, attr):
            raise NotFittedError(f"This {type(self).__name__} is not fitted yet; call fit(data) first.")

    @property
    def covariance_theta_(self) -> pd.DataFrame:
        """Covariance of (log base parameters, coefficients): inverse observed information."""
        self._check_fitted()
        if getattr(self, "_H_s", None) is None:
            raise NotFittedError(f"{type(self).__name__}.from_params models carry no covariance; fit one.")
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

    def summary(self) -> pd.DataFrame:
        """Estimates with standard errors and 95% intervals from the observed information.

        Returns
        -------
        DataFrame
            Indexed by parameter, columns ``process`` (``both``, ``trans`` or
            ``life``), ``estimate``, ``std_error``, ``ci_lower_95``,
            ``ci_upper_95``, ``multiplier`` (``exp(coefficient)``: the factor on
            the mean purchase rate for ``trans``; on ``a`` and ``b`` (BG/NBD) or
            the mean drop-out rate (Pareto/NBD) for ``life``; empty for the base
            parameters). Base parameters: delta-method SE and interval
            ``exp(log(estimate) +/- 1.96 se_log)``; coefficients: ``estimate +/- 1.96 se``.

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
        >>> bool(s.loc["trans[channel=web]", "ci_lower_95"] < 0.4 < s.loc["trans[channel=web]", "ci_upper_95"])
        True
        """
        self._check_fitted()
        kb = len(self._base_names)
        se_theta = np.sqrt(np.diag(self.covariance_theta_.to_numpy()))
        est = self.params_.to_numpy()
        std = se_theta.copy()
        std[:kb] = est[:kb] * se_theta[:kb]
        lower = np.concatenate([est[:kb] * np.exp(-Z95 * se_theta[:kb]), est[kb:] - Z95 * se_theta[kb:]])
        upper = np.concatenate([est[:kb] * np.exp(Z95 * se_theta[:kb]), est[kb:] + Z95 * se_theta[kb:]])
        process = ["both"] * kb + [name.split("[", 1)[0] for name in self._param_names[kb:]]
        multiplier = np.concatenate([np.full(kb, np.nan), np.exp(est[kb:])])
        return pd.DataFrame(
            {"process": process, "estimate": est, "std_error": std, "ci_lower_95": lower,
             "ci_upper_95": upper, "multiplier": multiplier},
            index=pd.Index(self._param_names, name="parameter"),
        )

    def sample_params(self, n_draws: int, seed: int | np.random.Generator | None = 0) -> pd.DataFrame:
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
        rng = as_generator(seed)
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
            raise ParameterError(f"{type(self).__name__}: base parameters must be > 0; got {dict(params)}.")
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

    # ---------------------------------------------------------- predictions
    def _params_series(self, theta: np.ndarray) -> pd.Series:
        kb = len(self._base_names)
        values = np.concatenate([np.exp(theta[:kb]), theta[kb:]])
        return pd.Series(values, index=self._param_names, name="estimate")

    def _rows(self, data: pd.DataFrame):
        self._check_fitted()
        arrays = self._summary_arrays(data)
        Zt, Zl = self._designs(data)
        p = self._individual(self._theta, Zt, Zl)
        return p, arrays["frequency"], arrays["recency"], arrays["T"]

    def individual_params(self, data: pd.DataFrame) -> pd.DataFrame:
        """Each row's own model parameters implied by its covariates.

        Parameters
        ----------
        data : DataFrame
            The covariate columns (summary columns are not needed).

        Returns
        -------
        DataFrame
            One column per base parameter (``r, alpha, a, b`` or ``r, alpha, s,
            beta``), one row per row of ``data``.

        Examples
        --------
        >>> import pandas as pd
        >>> from analysis.clv import ParetoNBDCovariates
        >>> prof = pd.DataFrame({"plan": ["basic", "plus"]})
        >>> m = ParetoNBDCovariates.from_params(
        ...     {"r": 0.5, "alpha": 10, "s": 0.6, "beta": 12, "trans[plan=plus]": 0.0, "life[plan=plus]": 0.5},
        ...     prof, trans_covariates=["plan"], life_covariates=["plan"])
        >>> m.individual_params(prof)["beta"].round(3).tolist()
        [12.0, 7.278]
        """
        self._check_fitted()
        Zt, Zl = self._designs(data)
        p = self._individual(self._theta, Zt, Zl)
        n = len(data)
        return pd.DataFrame(
            {name: np.broadcast_to(v, n).astype(float) for name, v in zip(self._base_names, p)},
            index=data.index,
        )

    def predict_purchases(self, t: float, data: pd.DataFrame) -> pd.Series:
        """Conditional expected number of repeat purchases in the next ``t`` periods.

        Parameters
        ----------
        t : float
            Length of the forecast period, in the unit of ``recency`` and ``T``.
        data : DataFrame
            Customer summary with the covariate columns.

        Returns
        -------
        Series
            ``expected_purchases`` per row of ``data``.

        Examples
        --------
        >>> import pandas as pd
        >>> from analysis.clv import BetaGeoCovariates
        >>> d = pd.DataFrame({"frequency": [2, 2], "recency": [30.43] * 2, "T": [38.86] * 2,
        ...                   "channel": ["store", "web"]})
        >>> m = BetaGeoCovariates.from_params(
        ...     {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426, "trans[channel=web]": 0.0},
        ...     d, trans_covariates=["channel"])
        >>> m.predict_purchases(39, d).round(4).tolist()
        [1.226, 1.226]
        """
        t_arr = float(t)
        if not np.isfinite(t_arr) or t_arr < 0:
            raise ParameterError(f"t must be finite and >= 0; got {t!r}.")
        p, x, tx, T = self._rows(data)
        values = self._kernel()._conditional_expected(p, t_arr, x, tx, T)
        return pd.Series(np.asarray(values, dtype=float), index=data.index, name="expected_purchases")

    def prob_alive(self, data: pd.DataFrame) -> pd.Series:
        """Probability that each customer is still active at the end of observation.

        Parameters
        ----------
        data : DataFrame
            Customer summary with the covariate columns.

        Returns
        -------
        Series
            ``p_alive`` per row of ``data``.

        Examples
        --------
        >>> import pandas as pd
        >>> from analysis.clv import BetaGeoCovariates
        >>> d = pd.DataFrame({"frequency": [0, 2], "recency": [0, 30.43], "T": [38.86] * 2,
        ...                   "channel": ["store", "web"]})
        >>> m = BetaGeoCovariates.from_params(
        ...     {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426, "life[channel=web]": 0.0},
        ...     d, life_covariates=["channel"])
        >>> m.prob_alive(d).round(3).tolist()
        [1.0, 0.727]
        """
        p, x, tx, T = self._rows(data)
        return pd.Series(np.asarray(self._kernel()._prob_alive(p, x, tx, T), dtype=float), index=data.index, name="p_alive")

    def loglik(self, data: pd.DataFrame) -> pd.Series:
        """Each row's log-likelihood under the current parameters (sum it for the total).

        Parameters
        ----------
        data : DataFrame
            Customer summary with the covariate columns.

        Returns
        -------
        Series
            ``loglik`` per row of ``data``.

        Examples
        --------
        >>> import pandas as pd
        >>> from analysis.clv import BetaGeoCovariates
        >>> d = pd.DataFrame({"frequency": [0, 2], "recency": [0, 30.43], "T": [38.86] * 2, "x": [0.0, 1.0]})
        >>> m = BetaGeoCovariates.from_params({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426},
        ...                                   d, trans_covariates=["x"])
        >>> m.loglik(d).round(3).tolist()
        [-0.555, -9.459]
        """
        p, x, tx, T = self._rows(data)
        with np.errstate(all="ignore"):
            values = self._kernel()._loglik(p, {"frequency": x, "recency": tx, "T": T})
        return pd.Series(np.asarray(values, dtype=float), index=data.index, name="loglik")

    def expected_purchases(self, t: float | Sequence[float], profiles: pd.DataFrame | None = None) -> pd.DataFrame:
        """Unconditional expected repeat purchases in (0, t] of a customer just acquired, per profile.

        Parameters
        ----------
        t : float or sequence of floats
            Period lengths.
        profiles : DataFrame, optional
            Covariate profiles, one per row (default :attr:`profiles_`, the
            distinct profiles seen in the fit, when all covariates are categorical).

        Returns
        -------
        DataFrame
            One row per profile (the profile's covariate columns kept), one column
            ``expected_purchases_<t>`` per period length.

        Examples
        --------
        >>> import pandas as pd
        >>> from analysis.clv import BetaGeoCovariates
        >>> prof = pd.DataFrame({"channel": ["store", "web"]})
        >>> m = BetaGeoCovariates.from_params(
        ...     {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426, "trans[channel=web]": 0.5},
        ...     prof, trans_covariates=["channel"])
        >>> m.expected_purchases(39, prof)["expected_purchases_39"].round(3).tolist()
        [1.197, 1.654]
        """
        self._check_fitted()
        if profiles is None:
            profiles = self.profiles_
            if profiles.empty:
                raise ParameterError("Numeric covariates: pass the profiles to evaluate (a DataFrame).")
        ts = np.atleast_1d(np.asarray(t, dtype=float))
        if np.any(~np.isfinite(ts)) or np.any(ts < 0):
            raise ParameterError(f"t must be finite and >= 0; got {t!r}.")
        Zt, Zl = self._designs(profiles)
        p = self._individual(self._theta, Zt, Zl)
        used = list(dict.fromkeys(self.trans_covariates + self.life_covariates))
        out = profiles[[c for c in used if c in profiles.columns]].copy()
        for tv in ts:
            out[f"expected_purchases_{tv:g}"] = np.broadcast_to(self._kernel()._unconditional_expected(p, tv), len(profiles)).astype(float)
        return out

    def simulate(
        self,
        data: pd.DataFrame,
        *,
        T: float | np.ndarray | None = None,
        holdout: float = 0.0,
        seed: int | np.random.Generator | None = 0,
    ) -> pd.DataFrame:
        """Customers simulated from the fitted (or given) parameters and their covariates.

        Parameters
        ----------
        data : DataFrame
            One row per customer to simulate, with the covariate columns and,
            unless ``T`` is given, a ``T`` column (age at the end of calibration).
        T : float or array, optional
            Ages, overriding ``data``'s ``T`` column.
        holdout : float
            Length of a holdout period after ``T`` to simulate as well.
        seed : int or Generator
            Randomness.

        Returns
        -------
        DataFrame
            ``frequency``, ``recency``, ``T``, ``frequency_holdout``, ``alive`` and
            the covariate columns, indexed like ``data``.

        Examples
        --------
        >>> import pandas as pd
        >>> from analysis.clv import ParetoNBDCovariates
        >>> prof = pd.DataFrame({"plan": ["basic", "plus"] * 3, "T": 40.0})
        >>> m = ParetoNBDCovariates.from_params(
        ...     {"r": 0.5, "alpha": 10, "s": 0.6, "beta": 12, "life[plan=plus]": 0.5}, prof,
        ...     life_covariates=["plan"])
        >>> m.simulate(prof, seed=1).columns.tolist()
        ['frequency', 'recency', 'T', 'frequency_holdout', 'alive', 'plan']
        """
        self._check_fitted()
        if T is None:
            tcol = self.columns.get("T", "T")
            if tcol not in data.columns:
                raise DataValidationError(f"simulate needs a {tcol!r} column in data or the T argument.")
            T = data[tcol].to_numpy(dtype=float)
        ages = np.broadcast_to(np.asarray(T, dtype=float), (len(data),)).copy()
        if np.any(~np.isfinite(ages)) or np.any(ages <= 0):
            raise ParameterError("T must be finite and > 0 for every customer.")
        if not np.isfinite(holdout) or holdout < 0:
            raise ParameterError(f"holdout must be finite and >= 0; got {holdout!r}.")
        Zt, Zl = self._designs(data)
        p = self._individual(self._theta, Zt, Zl)
        sim = self._kernel()._simulate(p, as_generator(seed), ages, float(holdout))
        sim.index = data.index
        used = list(dict.fromkeys(self.trans_covariates + self.life_covariates))
        for c in used:
            sim[c] = data[c].to_numpy()
        return sim

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

    def __repr__(self) -> str:
        if hasattr(self, "params_"):
            inner = ", ".join(f"{k}={v:.4g}" for k, v in self.params_.items())
            return f"{type(self).__name__}({inner})"
        return f"{type(self).__name__}()"


class BetaGeoCovariates(_CovariateModel):
    """BG/NBD with static covariates on purchase and drop-out (CLVTools' parametrisation).

    ``alpha_i = alpha exp(-gamma_trans' z_i)``, ``a_i = a exp(gamma_life' z_i)``,
    ``b_i = b exp(gamma_life' z_i)``; see the module docstring for coding and
    estimation.

    Parameters
    ----------
    trans_covariates : list of str
        Columns acting on the purchase process (``alpha``).
    life_covariates : list of str
        Columns acting on the drop-out process (``a`` and ``b``).
    categorical : list of str
        Numeric columns to code as categorical (non-numeric ones always are).
    reference : mapping
        Column -> reference level (default: the first level).
    life_ab : {"shared", "separate"}
        ``"shared"`` (default, CLVTools): one coefficient per covariate scales
        both ``a`` and ``b`` (``life[...]``), so covariates change the spread of
        the drop-out probability but not its mean ``a/(a+b)``. ``"separate"``
        (as PyMC-Marketing's ``dropout_coefficient_a``/``_b``):
        ``a_i = a exp(gamma_a' z_i)``, ``b_i = b exp(gamma_b' z_i)``, coefficients
        ``life_a[...]`` and ``life_b[...]``; the mean drop-out probability can
        then differ between customers.
    columns : mapping, optional
        Names of ``frequency``, ``recency``, ``T`` when they differ.
    max_iter : int
        Optimiser iterations.

    Attributes
    ----------
    params_ : Series
        ``r, alpha, a, b``, then ``trans[...]`` and ``life[...]`` coefficients.
    loglik_ : float
        Maximised log-likelihood (``plain_loglik_``: the model without covariates).
    converged_ : bool
        Largest gradient component of the mean log-likelihood below 1e-4.
    profiles_ : DataFrame
        Distinct covariate profiles in the fitted data with their customer counts
        (empty with numeric covariates).
    at_boundary_ : list of str
        Parameters that ran to an extreme value (coefficient beyond +/-10, base
        parameter outside 1e-6..1e6); a warning says so.

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.clv import BetaGeoCovariates
    >>> prof = pd.DataFrame({"channel": ["store", "web", "app"] * 1000, "T": 52.0})
    >>> truth = {"r": 0.7, "alpha": 6.0, "a": 1.0, "b": 3.0, "trans[channel=store]": -0.3,
    ...          "trans[channel=web]": 0.2, "life[channel=store]": 0.5, "life[channel=web]": 0.0}
    >>> settings = dict(trans_covariates=["channel"], life_covariates=["channel"])
    >>> sim = BetaGeoCovariates.from_params(truth, prof, **settings).simulate(prof, seed=3)
    >>> m = BetaGeoCovariates(**settings).fit(sim)
    >>> m.converged_, list(m.params_.index[4:6])
    (True, ['trans[channel=store]', 'trans[channel=web]'])
    """

    _plain = BetaGeo
    _base_names = ("r", "alpha", "a", "b")
    _scaled = {"alpha": ("trans", -1.0), "a": ("life", 1.0), "b": ("life", 1.0)}
    _scaled_separate = {"alpha": ("trans", -1.0), "a": ("life_a", 1.0), "b": ("life_b", 1.0)}

    def __init__(
        self,
        *,
        trans_covariates: Sequence[str] = (),
        life_covariates: Sequence[str] = (),
        categorical: Sequence[str] = (),
        reference: Mapping[str, Any] | None = None,
        life_ab: str = "shared",
        columns: Mapping[str, str] | None = None,
        max_iter: int = 2000,
    ) -> None:
        super().__init__(trans_covariates=trans_covariates, life_covariates=life_covariates,
                         categorical=categorical, reference=reference, columns=columns, max_iter=max_iter)
        self.life_ab = life_ab

    def _check_settings(self) -> None:
        super()._check_settings()
        if self.life_ab not in ("shared", "separate"):
            raise ParameterError(f"life_ab must be 'shared' (CLVTools) or 'separate' (PyMC-Marketing); got {self.life_ab!r}.")

    def _scaling(self) -> dict[str, tuple[str, float]]:
        return self._scaled_separate if getattr(self, "life_ab", "shared") == "separate" else self._scaled


class ParetoNBDCovariates(_CovariateModel):
    """Pareto/NBD with static covariates on purchase and drop-out (CLVTools' parametrisation).

    ``alpha_i = alpha exp(-gamma_trans' z_i)``, ``beta_i = beta exp(-gamma_life' z_i)``;
    see the module docstring for coding and estimation. Parameters, attributes and
    methods as :class:`BetaGeoCovariates`, with base parameters ``r, alpha, s, beta``.

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.clv import ParetoNBDCovariates
    >>> prof = pd.DataFrame({"plan": ["basic", "plus"] * 1000, "T": 52.0})
    >>> truth = {"r": 0.6, "alpha": 8.0, "s": 0.7, "beta": 12.0, "trans[plan=plus]": 0.4,
    ...          "life[plan=plus]": -0.5}
    >>> settings = dict(trans_covariates=["plan"], life_covariates=["plan"])
    >>> sim = ParetoNBDCovariates.from_params(truth, prof, **settings).simulate(prof, seed=4)
    >>> ParetoNBDCovariates(**settings).fit(sim).converged_
    True
    """

    _plain = ParetoNBD
    _base_names = ("r", "alpha", "s", "beta")
    _scaled = {"alpha": ("trans", -1.0), "beta": ("life", -1.0)}
