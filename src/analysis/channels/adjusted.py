"""Adjusted channel comparisons: do differences survive differences in customer mix?

Each channel's effect is estimated by regression with the channel as a factor and
the covariates beside it, then turned into a difference on the outcome's own scale
by standardization (g-computation): predict every customer's outcome as if they
had come through channel ``g`` and as if through the reference channel, and
average. The standard error follows by the delta method from the model's
covariance matrix. With no covariates the same machinery gives the raw
difference, so unadjusted and adjusted effects sit side by side on one scale.

Models: ``"linear"`` (ANCOVA, OLS with heteroscedasticity-robust HC1 errors),
``"logistic"`` (binary outcomes), ``"two_part"`` (zero-inflated spend: a
logistic model for buying and a Gamma log-link model for spend among buyers; the
expected spend is their product). ``interact=True`` lets the channel effect vary
with every covariate (a fully interacted model), which makes the standardized
effect consistent even when effects differ across customer types.

Separation: a logistic part whose design separates the 0s from the 1s (for
example a channel where nobody converted) has no maximum-likelihood estimate; the
fit drifts to infinity and its delta-method p-value collapses towards 0. Each
logistic fit is checked first (:func:`~analysis.channels.firth.detect_separation`);
a separated one is fitted by Firth's penalized likelihood instead
(``on_separation="firth"``, the default) or its estimates are withheld (NaN,
``on_separation="withhold"``). The columns ``method`` and ``separation`` of the
effects table say what was done.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import stats
from scipy.special import expit

from analysis.channels._common import ALPHA, COLUMN, FRAME, check_columns, prepare
from analysis.channels.firth import detect_separation, firth_logit
from analysis.checks import Options, validate_params
from analysis.errors import AnalysisWarning, DataValidationError
from analysis.results import ResultMixin, order_estimate_columns

__all__ = ["AdjustedComparison", "adjusted_comparison"]

MODELS = ("auto", "linear", "logistic", "two_part")
ON_SEPARATION = ("firth", "withhold")


@dataclass(repr=False)
class AdjustedComparison(ResultMixin):
    """Result of :func:`adjusted_comparison`.

    Attributes
    ----------
    effects : DataFrame
        One row per non-reference group, in the estimate shape: the adjusted effect
        ``estimate``, ``std_error``, ``ci_low``, ``ci_high``, ``p_value``; then ``group``,
        ``reference``, the unadjusted effect ``unadjusted``, ``unadjusted_std_error``,
        ``unadjusted_ci_low``, ``unadjusted_ci_high``, ``unadjusted_p_value``, and
        ``shift`` (adjusted - unadjusted), ``method`` and ``separation`` of the adjusted
        fit and ``unadjusted_method``, ``unadjusted_separation`` of the unadjusted one.
        ``method`` is "ols" (linear model, HC1 errors), "ml" (maximum likelihood), "firth"
        (Firth's penalized likelihood, used because the logistic part is separated) or
        "withheld" (separated and ``on_separation="withhold"``: the estimate is NaN);
        for the two-part model it describes the buying (logistic) part.
        ``separation`` is "none", "quasi-complete" or "complete" for a logistic part
        (:func:`~analysis.channels.firth.detect_separation`); always "none" for the
        linear model (least squares cannot separate). Effects are differences in the mean (or rate) of the outcome.
        Also returned by :meth:`summary`.
    model : str
        The model used.
    covariates : list of str
    results : dict
        The fitted statsmodels results ("adjusted"; for two-part "adjusted_buy" and
        "adjusted_spend"); a separated logistic part is a
        :class:`~analysis.channels.firth.FirthLogit` instead, and a withheld one is absent.
        Standard errors of a Firth fit are delta-method ones from ``I(b)^-1`` at the
        penalized estimate; they stay finite under separation, but with very few events
        read the interval as approximate.
    """

    effects: pd.DataFrame
    model: str
    covariates: list[str]
    reference: object
    results: dict = field(default_factory=dict, repr=False)

    def summary(self) -> pd.DataFrame:
        """Adjusted and unadjusted effects of each group against the reference (:attr:`effects`)."""
        return self.effects


def _design(frame, group, levels, reference, covariates, interact):
    """Design matrix builder: returns a function (group label or None) -> ndarray."""
    cov_parts = []
    for c in covariates:
        col = frame[c]
        if pd.api.types.is_bool_dtype(col) or pd.api.types.is_numeric_dtype(col):
            cov_parts.append(pd.DataFrame({c: col.astype(float)}, index=frame.index))
        else:
            dummies = pd.get_dummies(col.astype(str), prefix=c, drop_first=True, dtype=float)
            cov_parts.append(dummies)
    cov = pd.concat(cov_parts, axis=1) if cov_parts else pd.DataFrame(index=frame.index)
    cov_c = (cov - cov.mean()).to_numpy(float)  # centred: main effects are at the average mix
    others = [g for g in levels if g != reference]
    labels = frame[group].to_numpy()

    def build(as_group=None):
        if as_group is None:
            dummies = np.column_stack([(labels == g).astype(float) for g in others])
        else:
            dummies = np.column_stack([np.full(len(frame), float(g == as_group)) for g in others])
        parts = [np.ones((len(frame), 1)), dummies, cov_c]
        if interact and cov_c.shape[1]:
            parts.append(np.column_stack([dummies[:, [j]] * cov_c for j in range(dummies.shape[1])]))
        return np.column_stack(parts)

    names = ["const", *[f"{group}[{g}]" for g in others], *cov.columns]
    if interact:
        names += [f"{group}[{g}]:{c}" for g in others for c in cov.columns]
    return build, names, others


def _standardized(kind, fits, build, others, reference):
    """Standardized differences vs reference and their delta-method standard errors."""
    x_ref = build(reference)
    rows = []
    for g in others:
        x_g = build(g)
        if kind == "linear":
            b, cov = fits[0].params, fits[0].cov_params()
            grad = x_g.mean(0) - x_ref.mean(0)
            est = float(grad @ b)
            var = grad @ cov @ grad
        elif kind == "logistic":
            b, cov = fits[0].params, fits[0].cov_params()
            p_g, p_r = expit(x_g @ b), expit(x_ref @ b)
            est = float(p_g.mean() - p_r.mean())
            grad = (p_g * (1 - p_g)) @ x_g / len(x_g) - (p_r * (1 - p_r)) @ x_ref / len(x_ref)
            var = grad @ cov @ grad
        else:  # two-part
            b1, c1 = fits[0].params, fits[0].cov_params()
            b2, c2 = fits[1].params, fits[1].cov_params()
            p_g, p_r = expit(x_g @ b1), expit(x_ref @ b1)
            m_g, m_r = np.exp(x_g @ b2), np.exp(x_ref @ b2)
            est = float((p_g * m_g).mean() - (p_r * m_r).mean())
            g1 = (p_g * (1 - p_g) * m_g) @ x_g / len(x_g) - (p_r * (1 - p_r) * m_r) @ x_ref / len(x_ref)
            g2 = (p_g * m_g) @ x_g / len(x_g) - (p_r * m_r) @ x_ref / len(x_ref)
            var = g1 @ c1 @ g1 + g2 @ c2 @ g2
        rows.append((g, est, float(np.sqrt(max(var, 0.0)))))
    return rows


def _logit(x, y, on_separation):
    """(fit or None, method, separation) of a logistic part, Firth's fit when it is separated."""
    import statsmodels.api as sm  # statsmodels' models load only where a comparison is adjusted

    separation = detect_separation(x, y)
    if separation == "none":
        return sm.GLM(y, x, family=sm.families.Binomial()).fit(), "ml", separation
    if on_separation == "withhold":
        return None, "withheld", separation
    return firth_logit(x, y), "firth", separation


def _fit(kind, y, x_builder, on_separation):
    """(fits, method, separation); fits is None when the estimate is withheld."""
    import statsmodels.api as sm

    x = x_builder(None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if kind == "linear":
            return [sm.OLS(y, x).fit(cov_type="HC1")], "ols", "none"
        if kind == "logistic":
            fit, method, separation = _logit(x, y, on_separation)
            return (None if fit is None else [fit]), method, separation
        first, method, separation = _logit(x, (y > 0).astype(float), on_separation)
        if first is None:
            return None, method, separation
        pos = y > 0
        second = sm.GLM(y[pos], x[pos], family=sm.families.Gamma(sm.families.links.Log())).fit()
        return [first, second], method, separation


@validate_params({"data": FRAME, "group": COLUMN, "outcome": COLUMN, "covariates": ["array-like"],
                  "model": [Options(MODELS)], "interact": [bool], "alpha": ALPHA,
                  "on_separation": [Options(ON_SEPARATION)]})
def adjusted_comparison(
    data: pd.DataFrame,
    group: str,
    outcome: str,
    covariates: Sequence[str],
    *,
    model: str = "auto",
    reference: object | None = None,
    interact: bool = False,
    alpha: float = 0.05,
    on_separation: str = "firth",
) -> AdjustedComparison:
    """Unadjusted and covariate-adjusted channel differences, side by side.

    Parameters
    ----------
    data : DataFrame
    group : str
        Channel or arm column.
    outcome : str
        Outcome column.
    covariates : sequence of str
        Customer-mix columns; numeric ones enter linearly, text ones as dummies.
    model : {"auto", "linear", "logistic", "two_part"}
        "auto": logistic for a 0/1 outcome, two-part for a non-negative outcome with
        more than 20% zeros, else linear.
    reference : optional
        Reference group (default: the first in sorted order).
    interact : bool
        Let the channel effect differ by covariate (fully interacted model).
    alpha : float
    on_separation : {"firth", "withhold"}
        What to do when a logistic part is separated (a channel with no or only
        conversions, or a covariate pattern that predicts the outcome perfectly):
        fit Firth's penalized likelihood (default; its effect and delta-method
        interval stay finite and honest) or withhold the effect (NaN, ``method``
        "withheld"). Unseparated fits are ordinary maximum likelihood either way.

    Returns
    -------
    AdjustedComparison

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(0)
    >>> loyal = rng.random(4000) < 0.5
    >>> web = rng.random(4000) < np.where(loyal, 0.8, 0.2)      # loyal customers prefer web
    >>> spend = 50 + 30 * loyal + 5 * web + rng.normal(0, 10, 4000)
    >>> df = pd.DataFrame({"channel": np.where(web, "web", "store"), "loyal": loyal, "spend": spend})
    >>> res = adjusted_comparison(df, "channel", "spend", ["loyal"], reference="store")
    >>> res.effects[["unadjusted", "estimate"]].round(0).iloc[0].tolist()
    [23.0, 5.0]
    """
    covariates = list(covariates)
    check_columns(data, [group, outcome, *covariates])
    bad_cov = data[covariates].isna().any(axis=1) if covariates else pd.Series(False, index=data.index)
    if bad_cov.any():
        warnings.warn(f"{int(bad_cov.sum())} row(s) with missing covariates were left out.",
                      AnalysisWarning, stacklevel=3)
    sub = data.loc[~bad_cov]
    y_raw = pd.to_numeric(sub[outcome], errors="coerce") if not pd.api.types.is_bool_dtype(sub[outcome]) \
        else sub[outcome].astype(float)
    if model == "auto":
        v = y_raw.dropna()
        if v.isin([0.0, 1.0]).all():
            model = "logistic"
        elif (v >= 0).all() and (v == 0).mean() > 0.2:
            model = "two_part"
        else:
            model = "linear"
    frame, levels = prepare(sub, group, outcome, kind="binary" if model == "logistic" else "continuous")
    frame = frame.join(sub[covariates]) if covariates else frame
    if model == "two_part" and (frame[outcome] < 0).any():
        raise DataValidationError(f"The two-part model needs a non-negative {outcome!r}; it has negative values.")
    if reference is None:
        reference = levels[0]
    if reference not in levels:
        raise DataValidationError(f"reference {reference!r} is not a group of {group!r}; groups are {levels}.")
    if model == "two_part":
        pos = frame.loc[frame[outcome] > 0, group].value_counts()
        few = [g for g in levels if pos.get(g, 0) < 2]
        if few:
            raise DataValidationError(f"The two-part model needs at least two buyers per group; too few in {few}.")
    y = frame[outcome].to_numpy(float)
    z = stats.norm.isf(alpha / 2)
    out = {}
    results = {}
    for label, covs in (("unadjusted", []), ("adjusted", covariates)):
        build, names, others = _design(frame, group, levels, reference, covs, interact)
        fits, method, separation = _fit(model, y, build, on_separation)
        if label == "adjusted" and fits is not None:
            if model == "two_part":
                results["adjusted_buy"], results["adjusted_spend"] = fits
            else:
                results["adjusted"] = fits[0]
        rows = (_standardized(model, fits, build, others, reference) if fits is not None
                else [(g, np.nan, np.nan) for g in others])
        for g, est, se in rows:
            row = out.setdefault(g, {"group": g, "reference": reference})
            # the adjusted effect fills the standard columns, the unadjusted one sits beside it
            prefix = "" if label == "adjusted" else "unadjusted_"
            row[f"{prefix}method"] = method
            row[f"{prefix}separation"] = separation
            row["estimate" if label == "adjusted" else "unadjusted"] = est
            row[f"{prefix}std_error"] = se
            row[f"{prefix}ci_low"] = est - z * se
            row[f"{prefix}ci_high"] = est + z * se
            row[f"{prefix}p_value"] = float(2 * stats.norm.sf(abs(est / se))) if se > 0 else np.nan
    effects = order_estimate_columns(pd.DataFrame(list(out.values())))
    effects = effects[[*effects.columns[:5], "group", "reference", "unadjusted", "unadjusted_std_error",
                       "unadjusted_ci_low", "unadjusted_ci_high", "unadjusted_p_value"]].copy()
    effects["shift"] = effects["estimate"] - effects["unadjusted"]
    flags = pd.DataFrame(list(out.values()))[["method", "separation", "unadjusted_method", "unadjusted_separation"]]
    effects = pd.concat([effects, flags.set_index(effects.index)], axis=1)
    return AdjustedComparison(effects, model, covariates, reference, results)
