"""Findings and checks of the key-account section of notebook 01.

Every number a sentence uses is a :class:`~analysis.findings.Cite` of a table the
notebook writes:

``key_account_settings``     :func:`analysis.findings.segmentation.settings_table` of the section's knobs
                             (``window_days``, ``overdue_factor``, ``concentration_limit``)
``key_account_summary``      ``KeyAccounts.summary()``
``key_account_weights``      ``KeyAccounts.weights``
``key_account_sensitivity``  :func:`analysis.segmentation.weight_sensitivity`
``key_account_portfolio``    :func:`analysis.segmentation.portfolio_summary`
``key_account_profiles``     :func:`analysis.segmentation.key_account_profiles`

Examples
--------
>>> import pandas as pd
>>> summary = pd.DataFrame({"customers": [50], "key_accounts": [5], "key_value_share": [0.62],
...                         "top_account_share": [0.2]}, index=pd.Index(["value"], name="statistic"))
>>> from analysis.findings.segmentation import settings_table
>>> settings = settings_table(concentration_limit=0.5)
>>> concentration_check(summary, settings, what="revenue").status
'warn'
"""

from __future__ import annotations

import pandas as pd

from analysis.findings.core import Check, Cite, Finding
from analysis.messages import escape_markdown, msg
from analysis.segmentation.key_accounts import QUADRANTS

__all__ = ["SETTINGS", "SUMMARY", "WEIGHTS", "SENSITIVITY", "PORTFOLIO", "PROFILES", "skip_reason",
           "skipped_check", "identification_findings", "sensitivity_findings", "portfolio_finding",
           "profile_findings", "concentration_check", "history_check", "cut_check", "key_account_checks"]

SETTINGS, SUMMARY, WEIGHTS = "key_account_settings", "key_account_summary", "key_account_weights"
SENSITIVITY, PORTFOLIO, PROFILES = "key_account_sensitivity", "key_account_portfolio", "key_account_profiles"
#: the findings the key-account checks weaken
_FINDINGS = ("key_accounts", "key_account_portfolio")


def _cell(df: pd.DataFrame, table: str, row, column: str) -> Cite:
    value = df.loc[row, column]
    return Cite(value if isinstance(value, str) else float(value), table=table, column=column, row=row)


def skipped_check(reason: str, *, language: str | None = None) -> Check:
    """``not_run``: why the key-account section cannot run here (``no_log``, ``on_disk``, ``no_window``).

    Examples
    --------
    >>> skipped_check("no_log").text()[:40]
    'Key accounts were not identified: they n'
    """
    return Check("key_accounts_skipped", "data_quality", "not_run", f"key_accounts.check.skipped.{reason}")


def skip_reason(transactions, observation_end) -> str | None:
    """Why key accounts cannot be drawn from *transactions* (None: they can).

    Examples
    --------
    >>> skip_reason(None, None)
    'no_log'
    """
    if transactions is None:
        return "no_log"
    if not isinstance(transactions, pd.DataFrame):
        return "on_disk"
    return "no_window" if observation_end is None else None


def identification_findings(summary: pd.DataFrame, weights: pd.DataFrame, *, what: str,
                            currency: str | None = None, wallet_column: str | None = None,
                            share_column: str | None = None, language: str | None = None) -> list[Finding]:
    """Who the key accounts are worth, how the score is weighed, and what growth means here.

    Parameters
    ----------
    summary, weights : DataFrame
        The written ``key_account_summary`` and ``key_account_weights`` tables.
    what : {"revenue", "margin", "purchases"}
        ``KeyAccounts.what``.
    currency : str, optional
        The study's currency name (escaped for Markdown by the caller's ``escape_markdown``).
    wallet_column, share_column : str, optional
        The parameters naming the share-of-wallet columns (to say which one is missing).

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"key_accounts": [2], "key_value_share": [0.5], "window_days": [365],
    ...                   "key_value": [50.0], "total_value": [100.0]}, index=pd.Index(["value"], name="statistic"))
    >>> w = pd.DataFrame({"used": [2 / 3, 1 / 3, 0.0], "available": [True, True, False],
    ...                   "source": ["window", "change", ""]},
    ...                  index=pd.Index(["value", "growth", "share_of_wallet"], name="component"))
    >>> [f.text() for f in identification_findings(s, w, what="revenue", currency="USD", wallet_column="wallet")][0]
    'The 2 key accounts (the customers with the highest key-account score) bring 50.0% of the revenue of the last 365 days: 50.00 of 100.00 USD.'
    """
    s = lambda column: _cell(summary, SUMMARY, "value", column)  # noqa: E731
    w = lambda row: _cell(weights, WEIGHTS, row, "used")  # noqa: E731
    what_label = msg(f"segmentation.what.{what}", language=language)
    fields = {"k": s("key_accounts"), "share": s("key_value_share"), "days": s("window_days"),
              "key_value": s("key_value"), "total_value": s("total_value")}
    if what != "purchases":
        fields.update(what=what_label, unit=currency or "")
    found = [Finding("key_accounts", "key_accounts.finding.identified" + ("_counts" if what == "purchases" else ""),
                     checks=("key_account_concentration", "key_account_cut"), **fields)]
    if bool(weights.loc["share_of_wallet", "available"]):
        found.append(Finding("key_account_weights", "key_accounts.finding.weights", value=w("value"),
                             growth=w("growth"), share_of_wallet=w("share_of_wallet")))
    elif (wallet_column or share_column) and what != "purchases":
        found.append(Finding("key_account_weights", "key_accounts.finding.weights_no_wallet",
                             wallet=escape_markdown(wallet_column or share_column), value=w("value"),
                             growth=w("growth")))
    else:
        found.append(Finding("key_account_weights", "key_accounts.finding.weights_wallet_off", value=w("value"),
                             growth=w("growth")))
    source = str(weights.loc["growth", "source"])
    if source == "change":
        found.append(Finding("key_account_growth", "key_accounts.finding.growth_change", what=what_label,
                             days=s("window_days"), checks=("key_account_history",)))
    else:
        found.append(Finding("key_account_growth", "key_accounts.finding.growth_potential",
                             column=escape_markdown(source), days=s("window_days")))
    return found


def sensitivity_findings(sensitivity: pd.DataFrame, *, language: str | None = None) -> list[Finding]:
    """How many key accounts stay on the list under each single component, and under equal weights.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"key_accounts": [20, 20], "overlap": [16, 19], "overlap_share": [0.8, 0.95]},
    ...                  index=pd.Index(["value", "equal"], name="weighting"))
    >>> [f.text() for f in sensitivity_findings(t)][0]
    'Ranked by current value alone, 16 of the 20 key accounts would still be on the list (80%).'
    """
    found = []
    for name in sensitivity.index:
        fields = {"overlap": _cell(sensitivity, SENSITIVITY, name, "overlap"),
                  "k": _cell(sensitivity, SENSITIVITY, name, "key_accounts"),
                  "share": _cell(sensitivity, SENSITIVITY, name, "overlap_share")}
        if name == "equal":
            found.append(Finding("key_account_sensitivity_equal", "key_accounts.finding.sensitivity_equal", **fields))
        else:
            found.append(Finding(f"key_account_sensitivity_{name}", "key_accounts.finding.sensitivity",
                                 weighting=msg(f"key_accounts.component.{name}", language=language), **fields))
    return found


def portfolio_finding(portfolio: pd.DataFrame, *, split: str = "key_accounts",
                      language: str | None = None) -> Finding:
    """The key accounts per quadrant of the portfolio matrix, and where its lines are (``key_account_portfolio``).

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.segmentation.key_accounts import portfolio_summary
    >>> q = pd.DataFrame({"value": [5.0, 1.0], "growth": [1.0, 0.0], "value_threshold": 3.0,
    ...                   "growth_threshold": 0.5, "quadrant": ["strategic", "efficient"]})
    >>> portfolio_finding(portfolio_summary(q)).text()[:60]
    "In the portfolio matrix (lines at the key accounts' medians:"
    """
    fields = {}
    for q in QUADRANTS:
        fields[q] = _cell(portfolio, PORTFOLIO, q, "key_accounts")
        fields[f"{q}_name"] = escape_markdown(msg(f"key_accounts.quadrant.{q}", language=language))
    first = portfolio.index[0]
    return Finding("key_account_portfolio", "key_accounts.finding.portfolio", checks=("key_account_history",),
                   basis=msg(f"key_accounts.basis.{split}", language=language),
                   value_threshold=_cell(portfolio, PORTFOLIO, first, "value_threshold"),
                   growth_threshold=_cell(portfolio, PORTFOLIO, first, "growth_threshold"), **fields)


def _count(profiles: pd.DataFrame, column: str, values) -> Cite:
    wanted = [str(v) for v in values]
    n = int(profiles[column].astype("string").isin(wanted).sum())
    return Cite(n, table=PROFILES, column=column, agg="count", where={column: wanted})


def profile_findings(profiles: pd.DataFrame, settings: pd.DataFrame, *, categories: bool = True,
                     complaints: bool = False, what: str = "revenue") -> list[Finding]:
    """Risk, trend, complaints and products of the key accounts (``key_account_profiles``).

    Parameters
    ----------
    profiles : DataFrame
        The written ``key_account_profiles`` table.
    settings : DataFrame
        The written ``key_account_settings`` table (its ``overdue_factor``).
    categories : bool
        Whether the transactions carry ``category`` (else a sentence says the profiles cannot
        name products).
    complaints : bool
        Whether the study has a complaints table (then a sentence counts the key accounts' complaints).
    what : {"revenue", "margin", "purchases"}
        ``KeyAccounts.what`` ("purchases": the trend is in purchases per quarter).

    Examples
    --------
    >>> import pandas as pd
    >>> p = pd.DataFrame({"stage": ["loyal", "at_risk"], "overdue": [False, True],
    ...                   "trend": ["rising", "short"]}, index=pd.Index(["a", "b"], name="customer_id"))
    >>> from analysis.findings.segmentation import settings_table
    >>> [f.key for f in profile_findings(p, settings_table(overdue_factor=2.0), categories=False)]
    ['key_account_risk', 'key_account_trend', 'key_account_products']
    """
    k = Cite(len(profiles), table=PROFILES, column="stage", agg="count")
    found = [
        Finding("key_account_risk", "key_accounts.finding.risk", k=k,
                at_risk=_count(profiles, "stage", ["at_risk", "lost"]), overdue=_count(profiles, "overdue", [True]),
                factor=_cell(settings, SETTINGS, "overdue_factor", "value")),
        Finding("key_account_trend", "key_accounts.finding.trend" + ("_counts" if what == "purchases" else ""),
                rising=_count(profiles, "trend", ["rising"]),
                falling=_count(profiles, "trend", ["falling"]), short=_count(profiles, "trend", ["short"])),
    ]
    if complaints:
        found.append(Finding(
            "key_account_complaints", "key_accounts.finding.complaints", k=k,
            complained=Cite(int((profiles["complaints"] > 0).sum()), table=PROFILES, column="complaints",
                            agg="count", where={"complaints": sorted({str(int(v)) for v in profiles["complaints"]
                                                                      if pd.notna(v) and v > 0})}),
            complaints=Cite(int(profiles["complaints"].sum()), table=PROFILES, column="complaints", agg="sum")))
    if not categories:
        found.append(Finding("key_account_products", "key_accounts.finding.no_categories"))
    return found


def concentration_check(summary: pd.DataFrame, settings: pd.DataFrame, *, what: str,
                        language: str | None = None) -> Check:
    """Concentration risk: do the key accounts bring more than ``concentration_limit`` of the window's value?"""
    share = _cell(summary, SUMMARY, "value", "key_value_share")
    limit = _cell(settings, SETTINGS, "concentration_limit", "value")
    status = "warn" if share.value > limit.value else "pass"
    return Check("key_account_concentration", "small_groups", status, f"key_accounts.check.concentration.{status}",
                 affects=_FINDINGS, share=share, top=_cell(summary, SUMMARY, "value", "top_account_share"),
                 limit=limit, what=msg(f"segmentation.what.{what}", language=language))


def history_check(summary: pd.DataFrame, weights: pd.DataFrame) -> Check:
    """Short history: key accounts that were customers for only part of the previous window (growth scaled
    or not measured).

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"key_accounts": [20], "short_history": [3], "unknown_growth": [1], "window_days": [365]},
    ...                  index=pd.Index(["value"], name="statistic"))
    >>> w = pd.DataFrame({"source": ["change"]}, index=pd.Index(["growth"], name="component"))
    >>> history_check(s, w).status
    'warn'
    """
    affects = ("key_account_growth", "key_account_portfolio")
    if str(weights.loc["growth", "source"]) != "change":
        return Check("key_account_history", "data_quality", "not_run", "key_accounts.check.history.not_run",
                     affects=affects)
    short = _cell(summary, SUMMARY, "value", "short_history")
    days = _cell(summary, SUMMARY, "value", "window_days")
    if short.value == 0:
        return Check("key_account_history", "data_quality", "pass", "key_accounts.check.history.pass",
                     affects=affects, days=days)
    fields = {"short": short, "k": _cell(summary, SUMMARY, "value", "key_accounts"), "days": days}
    unknown = _cell(summary, SUMMARY, "value", "unknown_growth")
    if unknown.value:
        fields["unknown"] = unknown
    return Check("key_account_history", "data_quality", "warn",
                 "key_accounts.check.history.warn" + ("" if unknown.value else "_measured"), affects=affects,
                 **fields)


def cut_check(summary: pd.DataFrame) -> Check:
    """Ties at the cut: does the list's last place split customers with the same score?

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"tied_at_cut": [3], "inside_at_cut": [1]}, index=pd.Index(["value"], name="statistic"))
    >>> cut_check(s).status
    'warn'
    """
    tied = _cell(summary, SUMMARY, "value", "tied_at_cut")
    inside = _cell(summary, SUMMARY, "value", "inside_at_cut")
    if tied.value <= inside.value:
        return Check("key_account_cut", "boundary", "pass", "key_accounts.check.cut.pass", affects=("key_accounts",))
    return Check("key_account_cut", "boundary", "warn", "key_accounts.check.cut.warn", affects=("key_accounts",),
                 tied=tied, inside=inside)


def key_account_checks(summary: pd.DataFrame, settings: pd.DataFrame, weights: pd.DataFrame, *, what: str,
                       language: str | None = None) -> list[Check]:
    """The section's checks: :func:`concentration_check`, :func:`cut_check` and :func:`history_check`.

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.findings.segmentation import settings_table
    >>> s = pd.DataFrame({"key_accounts": [20], "key_value_share": [0.1], "top_account_share": [0.01],
    ...                   "tied_at_cut": [1], "inside_at_cut": [1], "short_history": [0], "window_days": [365]},
    ...                  index=pd.Index(["value"], name="statistic"))
    >>> w = pd.DataFrame({"source": ["change"]}, index=pd.Index(["growth"], name="component"))
    >>> [c.status for c in key_account_checks(s, settings_table(concentration_limit=0.5), w, what="revenue")]
    ['pass', 'pass', 'pass']
    """
    return [concentration_check(summary, settings, what=what, language=language), cut_check(summary),
            history_check(summary, weights)]
