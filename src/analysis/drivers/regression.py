"""Key-driver models: OLS with robust errors and VIF, ordinal logit, logistic regression.

* :class:`KeyDriverRegression` - OLS (WLS with survey weights) of an overall rating
  on attribute ratings, heteroskedasticity-robust standard errors (HC3 by default),
  standardized coefficients, VIF for every predictor (the diagonal of the inverse
  correlation matrix of the predictors, so it does not depend on how a library
  handles the constant) and residual diagnostics. ``group`` adds a robust Wald test
  of whether the drivers differ between groups and one model per group.
* :class:`OrdinalDriverModel` - proportional-odds (ordinal) logit for Likert
  outcomes, via statsmodels' ``OrderedModel`` fitted without a constant (the
  thresholds play its role), with odds ratios.
* :class:`LogisticDriverModel` - logistic regression for a 0/1 loyalty or churn
  outcome, with odds ratios.

Examples
--------
>>> import numpy as np, pandas as pd
>>> rng = np.random.default_rng(0)
>>> df = pd.DataFrame(rng.normal(size=(200, 2)), columns=["staff", "speed"])
>>> df["overall"] = 1 + 0.8 * df["staff"] + 0.3 * df["speed"] + rng.normal(size=200)
>>> m = KeyDriverRegression().fit(df, "overall", ["staff", "speed"])
>>> m.summary().loc["staff", "estimate"].round(2)
np.float64(0.75)
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import stats
from statsmodels.miscmodels.ordinal_model import OrderedModel
from statsmodels.stats.diagnostic import het_breuschpagan

from analysis.drivers._data import (
    check_scale,
    collinearity_message,
    numeric_block,
    prepare,
    weighted_corr,
)
from analysis.checks import Interval, Options, check_is_fitted, check_params, shown
from analysis.errors import AnalysisWarning, DataValidationError, ParameterError
from analysis.messages import msg
from analysis.results import ResultMixin, estimate_table

__all__ = ["KeyDriverRegression", "LogisticDriverModel", "OrdinalDriverModel", "loyalty_model", "vif"]

COV_TYPES = ("HC0", "HC1", "HC2", "HC3", "nonrobust")


def vif(data: pd.DataFrame, predictors: Sequence[str], *, weight: str | None = None) -> pd.Series:
    """Variance inflation factors: the diagonal of the inverse correlation matrix.

    ``VIF_j = 1 / (1 - R²_j)`` with ``R²_j`` from regressing predictor ``j`` on the
    others (with an intercept). Values above 5 (some use 10) mean the predictor's
    coefficient is poorly determined because it overlaps with the others.

    Examples
    --------
    >>> df = pd.DataFrame({"a": [1, 2, 3, 4, 5, 6], "b": [2, 1, 4, 3, 6, 5], "c": [3, 1, 2, 6, 4, 5]})
    >>> vif(df, ["a", "b", "c"]).round(2).tolist()
    [4.38, 3.25, 1.79]
    """
    prep = prepare(data, list(predictors), weight=weight, role="predictor",
                   min_rows=len(predictors) + 1)
    corr = weighted_corr(prep.values, prep.weights)
    message = collinearity_message(corr, list(predictors))
    if message:
        raise DataValidationError(message)
    return pd.Series(np.diag(np.linalg.inv(corr)), index=pd.Index(list(predictors), name="predictor"),
                     name="vif")


ALPHA = [Interval(float, 0, 0.5, closed="neither")]


def _coef_table(params, bse, stat, pvalues, ci, names, stat_name, alpha) -> pd.DataFrame:
    """Coefficients in the one estimate shape (statsmodels' own intervals and p-values)."""
    return estimate_table(names, params, bse, alpha=alpha, p_value=pvalues, ci_low=ci[:, 0], ci_high=ci[:, 1],
                          index_name="term", **{stat_name: np.asarray(stat)})


class KeyDriverRegression(ResultMixin):
    """OLS key-driver regression with robust standard errors, VIF and diagnostics.

    Parameters
    ----------
    cov_type : {"HC3", "HC0", "HC1", "HC2", "nonrobust"}
        Covariance estimator of the coefficients (HC3 is the safest in small samples).
    missing : {"listwise"}
        Respondents with any missing answer among the variables are dropped (with an
        :class:`~analysis.errors.AnalysisWarning`); the count is in ``n_dropped_``.
    vif_threshold : float
        A predictor with a VIF above this raises a multicollinearity warning.
    alpha : float
        1 - confidence level of the intervals.

    Attributes
    ----------
    result_ : statsmodels RegressionResults
    r2_, adj_r2_ : float
    n_, n_dropped_ : int
    vif_ : Series
    group_test_ : DataFrame or None
        Robust Wald test that all group-by-predictor interactions are zero: one row
        (index ``test``) with ``stat``, ``df``, ``p_value``, when fitted with ``group``.

    Examples
    --------
    >>> rng = np.random.default_rng(1)
    >>> df = pd.DataFrame(rng.normal(size=(300, 2)), columns=["a", "b"])
    >>> df["y"] = 2 * df["a"] + rng.normal(size=300)
    >>> KeyDriverRegression().fit(df, "y", ["a", "b"]).summary()["std_coef"].round(2).tolist()
    [nan, 0.87, -0.01]
    """

    _parameter_constraints = {
        "cov_type": [Options(COV_TYPES)],
        "missing": [Options({"listwise"})],
        "vif_threshold": [Interval(float, 1, None, closed="left")],
        "alpha": ALPHA,
    }

    def __init__(self, cov_type: str = "HC3", *, missing: str = "listwise",
                 vif_threshold: float = 5.0, alpha: float = 0.05) -> None:
        self.cov_type = cov_type
        self.missing = missing
        self.vif_threshold = vif_threshold
        self.alpha = alpha

    def fit(self, data: pd.DataFrame, outcome: str, predictors: Sequence[str], *,
            weight: str | None = None, group: str | None = None,
            scale: tuple[float, float] | None = None) -> KeyDriverRegression:
        """Fit ``outcome ~ predictors`` (with an intercept).

        ``scale`` = (low, high) checks that every predictor rating lies on that scale.

        Examples
        --------
        >>> df = pd.DataFrame({"a": [1, 2, 3, 4, 5, 6], "b": [2, 1, 4, 3, 6, 5],
        ...                    "y": [1, 3, 2, 5, 4, 6]})
        >>> KeyDriverRegression().fit(df, "y", ["a", "b"]).n_
        6
        """
        check_params(self._parameter_constraints, vars(self), type(self).__name__)
        predictors = list(predictors)
        if outcome in predictors:
            raise ParameterError(f"outcome {outcome!r} is also listed among the predictors.")
        cols = predictors + [outcome]
        frame = data
        if group is not None:
            if group not in data.columns:
                raise DataValidationError(f"group column {group!r} not found; available: {list(data.columns)}.")
            frame = data.loc[data[group].notna()]
        prep = prepare(frame, cols, weight=weight, missing="listwise", role="rating",
                       min_rows=len(predictors) + 2)
        check_scale(numeric_block(data, predictors, "rating"), scale, "rating")
        kept = frame.loc[~frame[cols].isna().any(axis=1)]
        x, y, w = prep.values[:, :-1], prep.values[:, -1], prep.weights
        corr = weighted_corr(prep.values, w)
        message = collinearity_message(corr[:-1, :-1], predictors)
        if message:
            raise DataValidationError(message)
        self.vif_ = pd.Series(np.diag(np.linalg.inv(corr[:-1, :-1])),
                              index=pd.Index(predictors, name="predictor"), name="vif")
        high = self.vif_[self.vif_ > self.vif_threshold]
        if len(high):
            warnings.warn(
                f"multicollinearity: VIF above {self.vif_threshold:g} for "
                f"{', '.join(f'{k} ({v:.1f})' for k, v in high.items())}; their separate "
                f"coefficients are unstable - read relative importance instead, or combine "
                f"overlapping attributes into constructs.", AnalysisWarning, stacklevel=2)
        design = sm.add_constant(x, has_constant="add")
        model = sm.WLS(y, design, weights=w) if weight is not None else sm.OLS(y, design)
        self.result_ = model.fit(cov_type=self.cov_type)
        sw = w / w.sum()
        sd = np.sqrt(sw @ (prep.values - sw @ prep.values) ** 2)
        self._std = np.concatenate([[np.nan], self.result_.params[1:] * sd[:-1] / sd[-1]])
        self.names_ = ["const"] + predictors
        self.outcome_ = outcome
        self.predictors_ = predictors
        self.r2_ = float(self.result_.rsquared)
        self.adj_r2_ = float(self.result_.rsquared_adj)
        self.n_ = int(len(y))
        self.n_dropped_ = prep.n_total - prep.n_complete
        self._x, self._y, self._w = x, y, w
        self.group_test_ = None
        self._group_models: dict[str, KeyDriverRegression] = {}
        if group is not None:
            self._fit_groups(kept, outcome, predictors, weight, group, x, y, w)
        return self

    def _fit_groups(self, kept, outcome, predictors, weight, group, x, y, w) -> None:
        labels = kept[group].astype(str).to_numpy()
        levels = sorted(set(labels))
        if len(levels) < 2:
            raise DataValidationError(f"group column {group!r} has a single level {shown(levels)}; "
                                      f"nothing to compare.")
        dummies = np.column_stack([(labels == lv).astype(float) for lv in levels[1:]])
        inter = np.column_stack([dummies[:, [g]] * x for g in range(dummies.shape[1])])
        full = np.column_stack([np.ones(len(y)), x, dummies, inter])
        model = sm.WLS(y, full, weights=w) if weight is not None else sm.OLS(y, full)
        res = model.fit(cov_type=self.cov_type)
        k = 1 + x.shape[1] + dummies.shape[1]
        r = np.zeros((inter.shape[1], full.shape[1]))
        r[np.arange(inter.shape[1]), k + np.arange(inter.shape[1])] = 1.0
        test = res.wald_test(r, scalar=True, use_f=False)
        self.group_test_ = pd.DataFrame({"stat": [float(test.statistic)], "df": [int(inter.shape[1])],
                                         "p_value": [float(test.pvalue)]},
                                        index=pd.Index([msg("labels.test.group_interaction", group=group)],
                                                       name="test"))
        for lv in levels:
            sub = kept.loc[kept[group].astype(str) == lv]
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", AnalysisWarning)
                    self._group_models[lv] = KeyDriverRegression(
                        self.cov_type, vif_threshold=self.vif_threshold, alpha=self.alpha
                    ).fit(sub, outcome, predictors, weight=weight)
            except DataValidationError as err:
                warnings.warn(f"no separate model for {group} = {shown(lv)}: {err}", AnalysisWarning, stacklevel=3)
        self.group_ = group

    def summary(self) -> pd.DataFrame:
        """Coefficients: ``estimate``, ``std_error`` (robust), ``ci_low``, ``ci_high``
        (``1 - alpha`` intervals), ``p_value``, ``t``, ``std_coef`` (change in outcome
        SDs per predictor SD) and ``vif``; one row per term (index ``term``), the
        intercept first.

        Examples
        --------
        >>> df = pd.DataFrame({"a": [1, 2, 3, 4, 5, 6], "b": [2, 1, 4, 3, 6, 5],
        ...                    "y": [1, 3, 2, 5, 4, 6]})
        >>> list(KeyDriverRegression().fit(df, "y", ["a", "b"]).summary().columns)
        ['estimate', 'std_error', 'ci_low', 'ci_high', 'p_value', 't', 'std_coef', 'vif']
        """
        check_is_fitted(self, "result_")
        r = self.result_
        table = _coef_table(r.params, r.bse, r.tvalues, r.pvalues, np.asarray(r.conf_int(self.alpha)),
                            self.names_, "t", self.alpha)
        table["std_coef"] = self._std
        table["vif"] = [np.nan, *self.vif_.to_numpy()]
        return table

    def group_summary(self) -> pd.DataFrame:
        """Per-group coefficients (long format: ``group``, ``term`` and the summary columns).

        Examples
        --------
        >>> rng = np.random.default_rng(2)
        >>> df = pd.DataFrame(rng.normal(size=(200, 2)), columns=["a", "b"])
        >>> df["g"] = np.repeat(["x", "y"], 100)
        >>> df["out"] = df["a"] + rng.normal(size=200)
        >>> m = KeyDriverRegression().fit(df, "out", ["a", "b"], group="g")
        >>> sorted(m.group_summary()["group"].unique())
        ['x', 'y']
        """
        check_is_fitted(self, "result_")
        if not self._group_models:
            raise ParameterError("group_summary() needs a model fitted with group=...")
        parts = [m.summary().reset_index().assign(group=g, n=m.n_) for g, m in self._group_models.items()]
        out = pd.concat(parts, ignore_index=True)
        return out[["group", "term", *[c for c in out.columns if c not in ("group", "term")]]]

    def diagnostics(self) -> pd.Series:
        """Residual diagnostics.

        Returns
        -------
        Series
            ``r2``, ``adj_r2``, ``n``, ``residual_sd``, ``breusch_pagan_p`` (constant
            residual variance; small = heteroskedastic, which the robust errors
            handle), ``jarque_bera_p`` (normal residuals), ``skew``, ``kurtosis``,
            ``max_cooks_d`` and ``n_influential`` (Cook's distance > 4/n),
            ``max_vif``.

        Examples
        --------
        >>> rng = np.random.default_rng(3)
        >>> df = pd.DataFrame(rng.normal(size=(300, 2)), columns=["a", "b"])
        >>> df["y"] = df["a"] + rng.normal(size=300)
        >>> bool(KeyDriverRegression().fit(df, "y", ["a", "b"]).diagnostics()["breusch_pagan_p"] > 0.01)
        True
        """
        check_is_fitted(self, "result_")
        r = self.result_
        resid = np.asarray(r.resid)
        _, bp_p, _, _ = het_breuschpagan(resid, r.model.exog)
        jb = stats.jarque_bera(resid)
        infl = r.get_influence() if not isinstance(r.model, sm.WLS) or np.allclose(self._w, 1) else None
        cooks = infl.cooks_distance[0] if infl is not None else np.full(len(resid), np.nan)
        return pd.Series({
            "r2": self.r2_, "adj_r2": self.adj_r2_, "n": self.n_,
            "residual_sd": float(np.sqrt(r.scale)), "breusch_pagan_p": float(bp_p),
            "jarque_bera_p": float(jb.pvalue), "skew": float(stats.skew(resid)),
            "kurtosis": float(stats.kurtosis(resid, fisher=False)),
            "max_cooks_d": float(np.nanmax(cooks)) if infl is not None else np.nan,
            "n_influential": int(np.sum(cooks > 4 / len(resid))) if infl is not None else -1,
            "max_vif": float(self.vif_.max()),
        })

    def residuals(self) -> pd.DataFrame:
        """Fitted values and residuals of the respondents used (for residual plots).

        Examples
        --------
        >>> df = pd.DataFrame({"a": [1, 2, 3, 4, 5, 6], "y": [1, 3, 2, 5, 4, 6]})
        >>> list(KeyDriverRegression().fit(df, "y", ["a"]).residuals().columns)
        ['fitted', 'residual']
        """
        check_is_fitted(self, "result_")
        return pd.DataFrame({"fitted": self.result_.fittedvalues, "residual": self.result_.resid})


def _fit_diagnostics(n: int, n_events: int, converged: bool, probabilities: np.ndarray) -> pd.Series:
    """The diagnostics of a fitted logit: size, rarer outcome, convergence, extreme fits."""
    extreme = int(np.sum((np.asarray(probabilities) > 1 - 1e-6).any(axis=1)))
    return pd.Series({"n": int(n), "n_events": n_events, "converged": bool(converged), "n_extreme": extreme},
                     dtype=object, name="value")


def _likert_codes(y: np.ndarray, outcome: str) -> np.ndarray:
    if np.any(np.abs(y - np.round(y)) > 1e-9):
        bad = np.flatnonzero(np.abs(y - np.round(y)) > 1e-9)
        raise DataValidationError(
            f"outcome {outcome!r} must hold whole-number ratings for an ordinal model; "
            f"{bad.size} value(s) are not whole numbers (first: {y[bad[:5]].tolist()}).")
    return np.round(y).astype(int)


class OrdinalDriverModel(ResultMixin):
    """Proportional-odds (ordinal logit) model of a Likert outcome on attribute ratings.

    ``P(y <= k) = logistic(theta_k - x'beta)``: a positive coefficient shifts answers
    up the scale; ``exp(beta)`` is the odds ratio of answering above any category per
    one-point increase of the attribute. Fitted with statsmodels' ``OrderedModel``
    without a constant (the thresholds take its place). Survey weights are not
    supported by that estimator.

    Parameters
    ----------
    distr : {"logit", "probit"}
    alpha : float
        1 - confidence level.

    Attributes
    ----------
    result_ : statsmodels OrderedResults
    thresholds_ : Series
        Cut points ``theta_k`` between adjacent categories.
    categories_ : list

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> df = pd.DataFrame({"a": rng.normal(size=400)})
    >>> df["y"] = np.digitize(df["a"] + rng.logistic(size=400), [-1, 0, 1]) + 1
    >>> OrdinalDriverModel().fit(df, "y", ["a"]).summary().loc["a", "odds_ratio"].round(1)
    np.float64(3.2)
    """

    _parameter_constraints = {"distr": [Options({"logit", "probit"})], "alpha": ALPHA}

    def __init__(self, distr: str = "logit", *, alpha: float = 0.05) -> None:
        self.distr = distr
        self.alpha = alpha

    def fit(self, data: pd.DataFrame, outcome: str, predictors: Sequence[str], *,
            weight: str | None = None) -> OrdinalDriverModel:
        """Fit the model; ``outcome`` must hold whole-number ratings with >= 3 categories.

        Examples
        --------
        >>> rng = np.random.default_rng(0)
        >>> df = pd.DataFrame({"a": rng.normal(size=300)})
        >>> df["y"] = np.digitize(df["a"] + rng.logistic(size=300), [-1, 1])
        >>> OrdinalDriverModel().fit(df, "y", ["a"]).categories_
        [0, 1, 2]
        """
        check_params(self._parameter_constraints, vars(self), type(self).__name__)
        if weight is not None:
            raise ParameterError("OrdinalDriverModel does not support survey weights (statsmodels' "
                                 "OrderedModel has none); fit KeyDriverRegression with weight=... "
                                 "or drop the weights.")
        predictors = list(predictors)
        prep = prepare(data, predictors + [outcome], missing="listwise", role="rating",
                       min_rows=len(predictors) + 3)
        x, y = prep.values[:, :-1], _likert_codes(prep.values[:, -1], outcome)
        message = collinearity_message(np.corrcoef(x, rowvar=False).reshape(len(predictors), -1),
                                       predictors) if len(predictors) > 1 else None
        if message:
            raise DataValidationError(message)
        cats = sorted(set(y.tolist()))
        if len(cats) < 3:
            raise DataValidationError(
                f"outcome {outcome!r} has {len(cats)} categories {cats}; an ordinal model needs "
                f"at least 3 (use LogisticDriverModel for a 0/1 outcome).")
        endog = pd.Series(pd.Categorical(y, categories=cats, ordered=True))
        exog = pd.DataFrame(x, columns=predictors)
        model = OrderedModel(endog, exog, distr=self.distr)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            res = model.fit(method="bfgs", disp=False, maxiter=2000)
        self.result_ = res
        self._diagnostics = _fit_diagnostics(len(y), int(min(np.sum(y == c) for c in cats)),
                                             res.mle_retvals.get("converged", True), np.asarray(res.predict()))
        self.categories_ = cats
        k = len(predictors)
        params = np.asarray(res.params)
        # statsmodels stores the first threshold, then log increments
        self.thresholds_ = pd.Series(model.transform_threshold_params(params)[1:-1],
                                     index=[f"{a}|{b}" for a, b in zip(cats[:-1], cats[1:], strict=True)],
                                     name="threshold")
        self.predictors_ = predictors
        self.n_ = int(len(y))
        self._k = k
        return self

    def diagnostics(self) -> pd.Series:
        """``n``, ``n_events`` (respondents in the smallest category), ``converged`` and
        ``n_extreme`` (fitted probability of some category within 1e-6 of 1), as
        :meth:`LogisticDriverModel.diagnostics`.

        Examples
        --------
        >>> rng = np.random.default_rng(0)
        >>> df = pd.DataFrame({"a": rng.normal(size=300)})
        >>> df["y"] = np.digitize(df["a"] + rng.logistic(size=300), [-1, 1])
        >>> bool(OrdinalDriverModel().fit(df, "y", ["a"]).diagnostics()["converged"])
        True
        """
        check_is_fitted(self, "result_")
        return self._diagnostics

    def summary(self) -> pd.DataFrame:
        """Coefficients (``estimate``, ``std_error``, ``ci_low``, ``ci_high``, ``p_value``, ``z``)
        with ``odds_ratio`` and its interval (``or_low``, ``or_high``).

        Examples
        --------
        >>> rng = np.random.default_rng(0)
        >>> df = pd.DataFrame({"a": rng.normal(size=300)})
        >>> df["y"] = np.digitize(df["a"] + rng.logistic(size=300), [-1, 1])
        >>> list(OrdinalDriverModel().fit(df, "y", ["a"]).summary().columns)[-3:]
        ['odds_ratio', 'or_low', 'or_high']
        """
        check_is_fitted(self, "result_")
        r, k = self.result_, self._k
        ci = np.asarray(r.conf_int(self.alpha))[:k]
        table = _coef_table(np.asarray(r.params)[:k], np.asarray(r.bse)[:k], np.asarray(r.tvalues)[:k],
                            np.asarray(r.pvalues)[:k], ci, self.predictors_, "z", self.alpha)
        if self.distr == "logit":
            table["odds_ratio"] = np.exp(table["estimate"])
            table["or_low"], table["or_high"] = np.exp(ci[:, 0]), np.exp(ci[:, 1])
        return table


class LogisticDriverModel(ResultMixin):
    """Logistic regression of a 0/1 outcome (loyal, churned, would recommend) on ratings.

    With survey weights the coefficients are weighted (pseudo-likelihood) estimates
    with sandwich (HC0) standard errors.

    Attributes
    ----------
    result_ : statsmodels results
    n_ : int

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> df = pd.DataFrame({"a": rng.normal(size=500)})
    >>> df["churned"] = (rng.random(500) < 1 / (1 + np.exp(-(-1 + df["a"])))).astype(int)
    >>> LogisticDriverModel().fit(df, "churned", ["a"]).summary().loc["a", "odds_ratio"].round(1)
    np.float64(3.7)
    """

    _parameter_constraints = {"alpha": ALPHA}

    def __init__(self, *, alpha: float = 0.05) -> None:
        self.alpha = alpha

    def fit(self, data: pd.DataFrame, outcome: str, predictors: Sequence[str], *,
            weight: str | None = None) -> LogisticDriverModel:
        """Fit ``logit P(outcome = 1) = b0 + x'b``.

        Examples
        --------
        >>> df = pd.DataFrame({"a": [1, 2, 3, 4, 5, 6, 7, 8], "y": [0, 0, 1, 0, 1, 0, 1, 1]})
        >>> LogisticDriverModel().fit(df, "y", ["a"]).n_
        8
        """
        check_params(self._parameter_constraints, vars(self), type(self).__name__)
        predictors = list(predictors)
        prep = prepare(data, predictors + [outcome], weight=weight, missing="listwise",
                       role="rating", min_rows=len(predictors) + 2)
        x, y, w = prep.values[:, :-1], prep.values[:, -1], prep.weights
        bad = np.flatnonzero(~np.isin(y, (0.0, 1.0)))
        if bad.size:
            raise DataValidationError(
                f"outcome {outcome!r} must be 0/1 for a logistic model; {bad.size} value(s) are "
                f"not (first: {y[bad[:5]].tolist()}). Recode it (e.g. top-box = 1).")
        if y.min() == y.max():
            raise DataValidationError(f"outcome {outcome!r} is {int(y[0])} for every respondent.")
        message = collinearity_message(np.corrcoef(x, rowvar=False).reshape(len(predictors), -1),
                                       predictors) if len(predictors) > 1 else None
        if message:
            raise DataValidationError(message)
        design = sm.add_constant(x, has_constant="add")
        with warnings.catch_warnings():  # separation and non-convergence are reported by diagnostics()
            warnings.simplefilter("ignore")
            if weight is None:
                res = sm.Logit(y, design).fit(disp=False, maxiter=200)
            else:
                res = sm.GLM(y, design, family=sm.families.Binomial(), var_weights=w).fit(cov_type="HC0")
        self.result_ = res
        self.names_ = ["const"] + predictors
        self.n_ = int(len(y))
        self._diagnostics = _fit_diagnostics(
            self.n_, int(min(y.sum(), len(y) - y.sum())),
            res.mle_retvals.get("converged", True) if weight is None else res.converged,
            np.column_stack([1 - res.predict(), res.predict()]))
        return self

    def diagnostics(self) -> pd.Series:
        """How trustworthy the fit is: ``n``, ``n_events`` (respondents with the rarer
        outcome; about 10 per attribute are needed), ``converged`` and ``n_extreme``
        (respondents whose fitted probability is within 1e-6 of 0 or 1: a sign of
        separation, where some ratings predict the outcome perfectly and the odds ratios
        run off to infinity).

        Examples
        --------
        >>> df = pd.DataFrame({"a": [1, 2, 3, 4, 5, 6, 7, 8], "y": [0, 0, 1, 0, 1, 0, 1, 1]})
        >>> LogisticDriverModel().fit(df, "y", ["a"]).diagnostics()[["n", "n_events", "n_extreme"]].tolist()
        [8, 4, 0]
        """
        check_is_fitted(self, "result_")
        return self._diagnostics

    def summary(self) -> pd.DataFrame:
        """Coefficients (log-odds: ``estimate``, ``std_error``, ``ci_low``, ``ci_high``, ``p_value``,
        ``z``) with ``odds_ratio``, ``or_low`` and ``or_high``.

        Examples
        --------
        >>> df = pd.DataFrame({"a": [1, 2, 3, 4, 5, 6, 7, 8], "y": [0, 0, 1, 0, 1, 0, 1, 1]})
        >>> LogisticDriverModel().fit(df, "y", ["a"]).summary().index.tolist()
        ['const', 'a']
        """
        check_is_fitted(self, "result_")
        r = self.result_
        ci = np.asarray(r.conf_int(self.alpha))
        table = _coef_table(np.asarray(r.params), np.asarray(r.bse), np.asarray(r.tvalues),
                            np.asarray(r.pvalues), ci, self.names_, "z", self.alpha)
        table["odds_ratio"] = np.exp(table["estimate"])
        table["or_low"], table["or_high"] = np.exp(ci[:, 0]), np.exp(ci[:, 1])
        return table


def loyalty_model(data: pd.DataFrame, outcome: str, predictors: Sequence[str], *, weight: str | None = None,
                  alpha: float = 0.05) -> LogisticDriverModel | OrdinalDriverModel:
    """The loyalty model an outcome calls for, fitted: logistic for a 0/1 outcome, else ordinal logit.

    Survey weights go to the logistic model only (the ordinal estimator has none).

    Examples
    --------
    >>> df = pd.DataFrame({"a": [1, 2, 3, 4, 5, 6, 7, 8], "y": [0, 0, 1, 0, 1, 0, 1, 1]})
    >>> type(loyalty_model(df, "y", ["a"])).__name__
    'LogisticDriverModel'
    """
    values = pd.to_numeric(data[outcome], errors="coerce").dropna().unique()
    if set(values) <= {0, 1}:
        return LogisticDriverModel(alpha=alpha).fit(data, outcome, predictors, weight=weight)
    return OrdinalDriverModel(alpha=alpha).fit(data, outcome, predictors)
