"""Notebook 02's findings and checks (customer lifetime value), built from the tables it writes.

Every builder takes a table exactly as the notebook writes it (``out.table(name, df)``,
rounded) and cites its cells, so :func:`analysis.findings.verify_outputs` finds each
number the sentences use. The tables:

``clv_window``
    One row ``window``: ``calibration_end``, ``observation_end`` (dates as text),
    ``holdout_length`` (the real length in time units), ``customers``.
``model_comparison``
    :func:`analysis.clv.compare_models`, best model first.
``model_parameters``, ``value_model_parameters``
    :func:`analysis.clv.parameter_table` of the calibration fits and of the value and spend
    models fitted on all data.
``gamma_gamma_independence``
    One row ``frequency_vs_spend``: ``GammaGamma.independence_``.
``excluded_customers``
    :func:`analysis.clv.exclusions` of the calibration and the full summary, indexed by
    (``summary``, ``reason``).
``customer_value``
    Every customer's value (:func:`analysis.clv.customer_lifetime_value` with
    :func:`analysis.clv.churn_risk`'s columns and ``win_back_status``).
``value_concentration``, ``value_settings``, ``win_back_rule``, ``tracking_conventions``
    :func:`analysis.clv.value_concentration`; one row ``settings`` (``horizon``,
    ``discount_rate``, ``margin``); :func:`analysis.clv.win_back_rule`;
    :func:`analysis.clv.tracking_conventions`.
``spend_basis``
    :func:`analysis.clv.spend_basis`: whether the value is in money (the Gamma-Gamma model,
    or one amount per purchase) or the log gives purchase counts only.
``purchase_forecast``, ``forecast_settings``
    A log without amounts: :func:`analysis.clv.purchase_forecast` with ``win_back_status``, and
    one row ``settings`` (``horizon``); the at-risk rule is ``win_back_rule`` on
    ``purchases_if_alive``.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from analysis.findings.core import Check, Cite, Finding
from analysis.messages import msg

__all__ = [
    "MATERIAL_CORRELATION", "HOLDOUT_ERROR_LIMIT", "VALUE_FINDINGS", "COUNT_FINDINGS",
    "calibration_finding", "recommend_finding", "value_findings", "purchase_findings", "tracking_finding",
    "fit_checks", "independence_check", "holdout_check", "exclusion_checks", "spend_check", "check_note",
    "forecast_keys",
]

#: |Spearman rho| from which a dependence of spend on frequency is material (Cohen's "small" effect)
MATERIAL_CORRELATION = 0.1
#: significance level of the independence test
INDEPENDENCE_ALPHA = 0.05
#: |aggregate holdout error| in percent above which the forecast of the total is called off
HOLDOUT_ERROR_LIMIT = 10.0
#: the findings that rest on the value and spend models
VALUE_FINDINGS = ("base_value", "top_decile", "win_back")
#: the findings of a log without amounts, which rest on the purchase model alone
COUNT_FINDINGS = ("purchase_forecast", "at_risk")


def forecast_keys(money: bool) -> tuple[str, ...]:
    """The findings that rest on the models fitted on all data: :data:`VALUE_FINDINGS` or :data:`COUNT_FINDINGS`."""
    return VALUE_FINDINGS if money else COUNT_FINDINGS


def _cell(table: pd.DataFrame, name: str, column: str, row) -> Cite:
    return Cite(table.loc[row, column], table=name, column=column, row=row)


def calibration_finding(window: pd.DataFrame, *, unit: str, table: str = "clv_window") -> Finding:
    """The calibration cohort and the real holdout length (``clv_window``, one row ``window``).

    Examples
    --------
    >>> import pandas as pd
    >>> w = pd.DataFrame({"calibration_end": ["1997-09-30"], "observation_end": ["1998-06-30"],
    ...                   "holdout_length": [39.0], "customers": [23570]}, index=pd.Index(["window"], name="row"))
    >>> calibration_finding(w, unit="week").text()
    'Calibration: the 23,570 customers who bought for the first time by 1997-09-30; holdout from 1997-09-30 to 1998-06-30, 39.0 weeks.'
    """
    return Finding("calibration", "clv.finding.calibration", unit=unit,
                   customers=_cell(window, table, "customers", "window"),
                   cal_end=_cell(window, table, "calibration_end", "window"),
                   end=_cell(window, table, "observation_end", "window"),
                   holdout=_cell(window, table, "holdout_length", "window"))


def recommend_finding(comparison: pd.DataFrame, *, table: str = "model_comparison", money: bool = True,
                      language: str | None = None) -> Finding:
    """The model that predicted the holdout best (first row of :func:`analysis.clv.compare_models`).

    ``money=False`` (a log without amounts): the sentence says the forecasts use it, not the values.
    """
    best = comparison.index[0]
    return Finding("recommend", "clv.finding.recommend" if money else "clv.finding.recommend_counts", checks=("holdout_fit",),
                   model=msg(f"clv.model.{best}", language=language),
                   rmse=_cell(comparison, table, "rmse", best),
                   agg=_cell(comparison, table, "aggregate_error_pct", best))


def value_findings(value: pd.DataFrame, concentration: pd.DataFrame, settings: pd.DataFrame,
                   rule: pd.DataFrame, *, currency: str, unit: str, top: float = 0.1) -> list[Finding]:
    """``base_value``, ``top_decile`` and ``win_back`` from the written value tables.

    Parameters
    ----------
    value : DataFrame
        ``customer_value`` as written (``clv``, ``clv_ci_low``, ``clv_ci_high``, ``p_alive``,
        ``value_at_risk``, ``win_back_status``).
    concentration, settings, rule : DataFrame
        ``value_concentration``, ``value_settings``, ``win_back_rule`` as written.
    currency, unit : str
        Words: the study's currency name and the time unit's name.
    top : float
        The row of ``concentration`` the ``top_decile`` sentence cites.
    """
    status = value["win_back_status"]
    targets = value[status == "win_back"]

    def agg(column: str, how: str, values: pd.Series, where: dict | None = None) -> Cite:
        number = len(values) if how == "count" else getattr(values, how)()
        return Cite(number, table="customer_value", column=column, agg=how, where=where)

    base = Finding(
        "base_value", "clv.finding.base_value", currency=currency, unit=unit,
        customers=agg("clv", "count", value["clv"]), total=agg("clv", "sum", value["clv"]),
        lower=agg("clv_ci_low", "sum", value["clv_ci_low"]), upper=agg("clv_ci_high", "sum", value["clv_ci_high"]),
        horizon=_cell(settings, "value_settings", "horizon", "settings"),
        discount=_cell(settings, "value_settings", "discount_rate", "settings"),
    )
    decile = Finding(
        "top_decile", "clv.finding.top_decile",
        top=Cite(top, table="value_concentration", column="top_customers_share", row=top),
        share=_cell(concentration, "value_concentration", "value_share", top),
        alive=agg("p_alive", "mean", value["p_alive"]),
    )
    win_back = Finding(
        "win_back", "clv.finding.win_back", currency=currency,
        n_targets=agg("clv", "count", targets["clv"], {"win_back_status": "win_back"}),
        at_risk=agg("value_at_risk", "sum", targets["value_at_risk"], {"win_back_status": "win_back"}),
        n_gone=agg("clv", "count", value.loc[status == "probably_gone", "clv"], {"win_back_status": "probably_gone"}),
        cutoff=_cell(rule, "win_back_rule", "min_value_if_alive", "rule"),
        top=_cell(rule, "win_back_rule", "top_share", "rule"),
        low=_cell(rule, "win_back_rule", "min_p_alive", "rule"),
        high=_cell(rule, "win_back_rule", "max_p_alive", "rule"),
    )
    return [base, decile, win_back]


def purchase_findings(forecast: pd.DataFrame, settings: pd.DataFrame, rule: pd.DataFrame, *,
                      unit: str) -> list[Finding]:
    """``purchase_forecast`` and ``at_risk`` for a log without amounts, from the written tables.

    Parameters
    ----------
    forecast : DataFrame
        ``purchase_forecast`` as written (``expected_purchases`` with its ``_ci_low``/``_ci_high``,
        ``p_alive``, ``purchases_at_risk``, ``win_back_status``).
    settings, rule : DataFrame
        ``forecast_settings`` (one row ``settings``: ``horizon``) and ``win_back_rule`` (on
        ``purchases_if_alive``) as written.
    unit : str
        The time unit's name.

    Examples
    --------
    >>> import pandas as pd
    >>> f = pd.DataFrame({"expected_purchases": [2.0, 1.0], "expected_purchases_ci_low": [1.5, 0.5],
    ...                   "expected_purchases_ci_high": [2.5, 1.5], "p_alive": [0.9, 0.3],
    ...                   "purchases_at_risk": [0.2, 2.3], "win_back_status": ["active", "win_back"]})
    >>> s = pd.DataFrame({"horizon": [52]}, index=pd.Index(["settings"], name="row"))
    >>> r = pd.DataFrame({"min_p_alive": [0.05], "max_p_alive": [0.5], "top_share": [0.25],
    ...                   "min_purchases_if_alive": [3.0]}, index=pd.Index(["rule"], name="rule"))
    >>> purchase_findings(f, s, r, unit="week")[0].text()
    'The 2 customers are expected to make 3 purchases over the next 52 weeks (95% interval of the total 2 to 4); on average a customer is 60% likely to be still active.'
    """
    status = forecast["win_back_status"]
    targets = forecast[status == "win_back"]

    def agg(column: str, how: str, values: pd.Series, where: dict | None = None) -> Cite:
        number = len(values) if how == "count" else getattr(values, how)()
        return Cite(number, table="purchase_forecast", column=column, agg=how, where=where)

    horizon = _cell(settings, "forecast_settings", "horizon", "settings")
    base = Finding(
        "purchase_forecast", "clv.finding.purchase_forecast", unit=unit, horizon=horizon,
        customers=agg("expected_purchases", "count", forecast["expected_purchases"]),
        total=agg("expected_purchases", "sum", forecast["expected_purchases"]),
        lower=agg("expected_purchases_ci_low", "sum", forecast["expected_purchases_ci_low"]),
        upper=agg("expected_purchases_ci_high", "sum", forecast["expected_purchases_ci_high"]),
        alive=agg("p_alive", "mean", forecast["p_alive"]),
    )
    at_risk = Finding(
        "at_risk", "clv.finding.at_risk", unit=unit, horizon=horizon,
        n_targets=agg("expected_purchases", "count", targets["expected_purchases"], {"win_back_status": "win_back"}),
        lost=agg("purchases_at_risk", "sum", targets["purchases_at_risk"], {"win_back_status": "win_back"}),
        n_gone=agg("expected_purchases", "count", forecast.loc[status == "probably_gone", "expected_purchases"],
                   {"win_back_status": "probably_gone"}),
        cutoff=_cell(rule, "win_back_rule", "min_purchases_if_alive", "rule"),
        top=_cell(rule, "win_back_rule", "top_share", "rule"),
        low=_cell(rule, "win_back_rule", "min_p_alive", "rule"),
        high=_cell(rule, "win_back_rule", "max_p_alive", "rule"),
    )
    return [base, at_risk]


def spend_check(basis: pd.DataFrame, *, currency: str = "", table: str = "spend_basis") -> Check:
    """Whether the Gamma-Gamma spend model could be fitted, and if not, why (``spend_basis``, one row ``spend``).

    ``pass`` when it is fitted; ``not_run`` when the amounts are all equal (each purchase is valued at
    that amount), when the log has no amounts or no repeat purchase has one (purchase counts only).

    Examples
    --------
    >>> import pandas as pd
    >>> b = pd.DataFrame({"basis": ["constant"], "repeat_customers": [40], "distinct_spends": [1],
    ...                   "spend_per_purchase": [1.0]}, index=pd.Index(["spend"], name="row"))
    >>> c = spend_check(b, currency="EUR")
    >>> c.status, c.text()[:57]
    ('not_run', 'Every one of the 40 repeat customers spends the same 1.00')
    """
    basis_name = basis.loc["spend", "basis"]
    fields = {"n": _cell(basis, table, "repeat_customers", "spend")}
    if basis_name == "gamma_gamma":
        fields["distinct"] = _cell(basis, table, "distinct_spends", "spend")
    elif basis_name == "constant":
        fields.update(spend=_cell(basis, table, "spend_per_purchase", "spend"), currency=currency)
    else:
        fields = {}
    money = basis_name in ("gamma_gamma", "constant")
    return Check("spend_model", "model_fit", "pass" if basis_name == "gamma_gamma" else "not_run",
                 f"clv.check.spend.{basis_name}", affects=VALUE_FINDINGS if money else (), **fields)


def tracking_finding(conventions: pd.DataFrame, *, table: str = "tracking_conventions") -> Finding:
    """How much the reference tools' tracking convention differs, at the end of calibration."""
    row = "calibration_end"
    return Finding("tracking_convention", "clv.finding.tracking_convention",
                   next_day=_cell(conventions, table, "expected_cumulative_next_day", row),
                   ours=_cell(conventions, table, "expected_cumulative", row),
                   end=_cell(conventions, table, "period_end", row),
                   diff=_cell(conventions, table, "difference_pct", row))


def fit_checks(parameters: pd.DataFrame, *, table: str, fit: str, affects: Iterable[str],
               language: str | None = None) -> list[Check]:
    """Convergence and boundary checks of every model in a :func:`analysis.clv.parameter_table`.

    Parameters
    ----------
    parameters : DataFrame
        The table as written, indexed by (``model``, ``parameter``).
    table : str
        Its name.
    fit : str
        Which fit, in words (``msg("clv.fit.calibration")``).
    affects : iterable of str
        The findings a failure weakens.
    """
    affects = tuple(affects)
    checks = []
    for model in parameters.index.get_level_values("model").unique():
        rows = parameters.xs(model, level="model")
        name = msg(f"clv.model.{model}", language=language)
        first = (model, rows.index[0])
        converged = bool(rows["converged"].iloc[0])
        checks.append(Check(
            f"convergence_{table}_{model}", "convergence", "pass" if converged else "fail",
            "clv.check.converged" if converged else "clv.check.not_converged", affects=affects,
            model=name, fit=fit, loglik=_cell(parameters, table, "loglik", first),
        ))
        extreme = [str(p) for p in rows.index[rows["at_boundary"].astype(bool)]]
        checks.append(Check(
            f"boundary_{table}_{model}", "boundary", "warn" if extreme else "pass",
            "clv.check.boundary" if extreme else "clv.check.interior", affects=affects,
            model=name, fit=fit, **({"parameters": ", ".join(extreme)} if extreme else {}),
        ))
    return checks


def independence_check(independence: pd.DataFrame, *, table: str = "gamma_gamma_independence",
                       affects: Iterable[str] = VALUE_FINDINGS) -> Check:
    """The Gamma-Gamma independence assumption: frequency vs mean spend among repeat customers.

    ``warn`` when the Spearman correlation is material (``|rho| >=``
    :data:`MATERIAL_CORRELATION`) and significant (``p <`` 0.05): with thousands of repeat
    customers a negligible correlation is significant, and with a handful a large one is not.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"pearson_r": [0.11], "pearson_p": [1e-32], "spearman_rho": [0.21],
    ...                   "spearman_p": [2.5e-116], "n": [11515]}, index=pd.Index(["frequency_vs_spend"], name="pair"))
    >>> c = independence_check(t)
    >>> c.status, c.text()[:40], "+0.21 (p = 2.5e-116" in c.text()
    ('warn', 'The Gamma-Gamma spend model assumes that', True)
    """
    row = "frequency_vs_spend"
    rho, p = independence.loc[row, "spearman_rho"], independence.loc[row, "spearman_p"]
    if pd.isna(rho) or pd.isna(p):
        return Check("gamma_gamma_independence", "independence", "not_run", "clv.check.independence_not_run",
                     affects=affects)
    material = abs(rho) >= MATERIAL_CORRELATION and p < INDEPENDENCE_ALPHA
    fields = {"n": _cell(independence, table, "n", row), "rho": _cell(independence, table, "spearman_rho", row),
              "p": _cell(independence, table, "spearman_p", row), "r": _cell(independence, table, "pearson_r", row)}
    if material:
        fields["direction"] = msg("clv.direction.more" if rho > 0 else "clv.direction.less")
        return Check("gamma_gamma_independence", "independence", "warn", "clv.check.independence_warn",
                     affects=affects, **fields)
    fields["material"] = f"{MATERIAL_CORRELATION:g}"  # the rule's constant, not a number from the data
    return Check("gamma_gamma_independence", "independence", "pass", "clv.check.independence_pass",
                 affects=affects, **fields)


def holdout_check(comparison: pd.DataFrame, *, table: str = "model_comparison", money: bool = True,
                  language: str | None = None) -> Check:
    """Does the chosen model forecast the holdout total within :data:`HOLDOUT_ERROR_LIMIT` percent?

    A miss weakens the recommendation and the findings built on the forecast (:func:`forecast_keys`).
    """
    best = comparison.index[0]
    error = comparison.loc[best, "aggregate_error_pct"]
    ok = abs(error) <= HOLDOUT_ERROR_LIMIT
    words = {} if ok else {"direction": msg("clv.direction.overstate" if error > 0 else "clv.direction.understate",
                                             language=language)}
    misfit = "clv.check.holdout_misfit" if money else "clv.check.holdout_misfit_counts"
    return Check("holdout_fit", "model_fit", "pass" if ok else "warn", "clv.check.holdout_fit" if ok else misfit,
                 affects=("recommend",) + forecast_keys(money), **words,
                 model=msg(f"clv.model.{best}", language=language),
                 predicted=_cell(comparison, table, "predicted_total", best),
                 actual=_cell(comparison, table, "actual_total", best),
                 agg=_cell(comparison, table, "aggregate_error_pct", best),
                 limit=f"{HOLDOUT_ERROR_LIMIT:g}")  # the rule's constant, not a number from the data


def exclusion_checks(excluded: pd.DataFrame, window: pd.DataFrame, *, table: str = "excluded_customers",
                     share: float = 0.01, money: bool = True, language: str | None = None) -> list[Check]:
    """One data-quality check per fit that leaves customers out (``excluded_customers`` table).

    The transaction models are fitted on both summaries, the spend model on the full one
    only, so the calibration summary's zero-spend row is not checked. ``pass`` states the
    count (also 0); ``warn`` when more than *share* of the summary's customers are left out.

    Parameters
    ----------
    excluded : DataFrame
        :func:`analysis.clv.exclusions` of each summary, indexed by (``summary``, ``reason``)
        with ``summary`` in ``("calibration", "full")``.
    window : DataFrame
        ``clv_window`` as written (the last day of each summary).
    money : bool, default True
        Whether the page values customers in money (which findings a left-out customer weakens).
    """
    checks = []
    for (summary, reason), row in excluded.iterrows():
        if summary == "calibration" and row["model"] == "spend":
            continue
        n, total = row["customers"], row["customers_in_summary"]
        key = (summary, reason)
        fields = {"fit": msg(f"clv.fit.{summary}", language=language),
                  "n": _cell(excluded, table, "customers", key), "total": _cell(excluded, table, "customers_in_summary", key)}
        if reason == "first_purchase_at_end":
            column = "calibration_end" if summary == "calibration" else "observation_end"
            fields["end"] = _cell(window, "clv_window", column, "window")
        affects = ("recommend",) if summary == "calibration" else forecast_keys(money)
        checks.append(Check(f"excluded_{summary}_{reason}", "data_quality", "warn" if n > share * total else "pass",
                            f"clv.check.excluded.{reason}", affects=affects, **fields))
    return checks


def check_note(check: Check, language: str | None = None) -> str:
    """A check's result as a Markdown paragraph for the page, next to the table it concerns.

    Examples
    --------
    >>> c = Check("fit", "convergence", "fail", "findings.example.not_converged", model="BG/NBD")
    >>> check_note(c)
    '**Check failed (model convergence):** BG/NBD did not converge; its estimates are not a maximum of the likelihood.'
    """
    kind = msg(f"findings.kind.{check.kind}", language=language)
    status = msg(f"findings.status.{check.status}", language=language)
    label = msg(f"findings.status.{check.status}.label", language=language, kind=kind) if check.failed else \
        msg("clv.check.note", language=language, kind=kind, status=status)
    return msg("clv.check.paragraph", language=language, label=label, text=check.text(language))
