"""Findings and checks of the complaints and service-recovery section (notebook 05), from the tables it writes.

Every sentence is a :class:`~analysis.findings.Finding` whose numbers are
:class:`~analysis.findings.Cite`\\ s of a table the notebook writes under the name given here
(``table=``); every assumption check is a :class:`~analysis.findings.Check` naming the findings its
failure weakens. Words come from ``messages/complaints.py``; names from the data go through
``label`` (the study's display labels) and are escaped for Markdown. The service-recovery verdict
("paradox", "no paradox", "cannot tell") is read from the interval of the adjusted risk ratio of a
complaint resolved well against no complaint.

Examples
--------
>>> import pandas as pd
>>> r = pd.DataFrame({"complaints": [30], "orders": [1000], "customers": [400], "complainers": [28],
...                   "per_1000_orders": [30.0], "per_1000_low": [20.2], "per_1000_high": [42.8],
...                   "share_complained": [0.07], "share_low": [0.049], "share_high": [0.099], "unlinked": [0]},
...                  index=pd.Index(["all"], name="group"))
>>> [f.key for f in rate_findings(r, table="complaint_rates")]
['complaint_rate', 'zero_complaints']
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from analysis.findings.channels import adjusted_findings, slug
from analysis.findings.core import Check, Cite, Finding
from analysis.retention.recovery import MIN_EVENTS
from analysis.messages import escape_markdown, join_words, msg

__all__ = ["SMD_LIMIT", "MIN_COMPLAINTS", "MIN_RECOVERY_ORDERS", "rate_findings", "unlinked_check",
           "channel_findings", "trend_finding", "pareto_finding", "resolution_findings", "satisfaction_findings",
           "compensation_finding", "recovery_findings", "recovery_checks", "recovery_skipped_check", "truth_table",
           "truth_finding", "flag_findings", "flag_checks",
           "skipped_check", "no_orders_check", "group_word"]

Label = Callable[[object], str]
#: an absolute standardised mean difference above this is an imbalance (Austin 2009)
SMD_LIMIT = 0.1
#: a group with fewer complaints than this has a wide rate interval
MIN_COMPLAINTS = 10
#: a recovery group with fewer eligible orders than this gives a wide ratio interval
MIN_RECOVERY_ORDERS = 100


def _cite(df: pd.DataFrame, table: str, column: str, row) -> Cite:
    return Cite(df.loc[row, column], table=table, column=column, row=row)


def _finite(df: pd.DataFrame, row, *columns: str) -> bool:
    return all(c in df.columns and pd.notna(df.loc[row, c]) and np.isfinite(float(df.loc[row, c])) for c in columns)


def group_word(name: object, label: Label | None = None, language: str | None = None, *, markdown: bool = True) -> str:
    """The display name of a group: the catalog's words for the section's own groups ("none", "good",
    "poor", "all", "not recorded", "complained", "no_complaint"), else the data's value through
    ``label``, escaped for Markdown (``markdown=False``: as it is, for a figure).

    Examples
    --------
    >>> group_word("good"), group_word("web*")
    ('complaint resolved well', 'web\\\\*')
    """
    key = f"complaints.group.{str(name).replace(' ', '_')}"
    if str(name) in ("none", "good", "poor", "all", "not recorded", "complained", "no_complaint"):
        return msg(key, language=language)
    text = label(str(name)) if label else str(name)
    return escape_markdown(text) if markdown else text


# --- rates -------------------------------------------------------------------------------------------------

def rate_findings(rates: pd.DataFrame, *, table: str, language: str | None = None) -> list[Finding]:
    """The overall rate per 1,000 orders and share of customers who complained (``rates``: the ``"all"``
    row of :func:`~analysis.retention.complaints.complaint_rates`), then what it says of a zero-complaint goal."""
    row = rates.index[0]
    c = {name: _cite(rates, table, col, row) for name, col in (
        ("complaints", "complaints"), ("orders", "orders"), ("rate", "per_1000_orders"), ("low", "per_1000_low"),
        ("high", "per_1000_high"), ("customers", "customers"), ("share", "share_complained"),
        ("share_low", "share_low"), ("share_high", "share_high"))}
    out = [Finding("complaint_rate", "complaints.text.rate", checks=["complaints_unlinked"], **c)]
    if rates.loc[row, "complaints"] > 0:
        out.append(Finding("zero_complaints", "complaints.text.zero_goal", low=c["low"], high=c["high"]))
    else:
        out.append(Finding("zero_complaints", "complaints.text.zero_goal_met", orders=c["orders"], high=c["high"]))
    return out


def unlinked_check(rates: pd.DataFrame, *, table: str) -> Check:
    """``data_quality``: complaints with no order before them, left out of the rates per order."""
    row = rates.index[0]
    n = int(rates.loc[row, "unlinked"])
    if n:
        return Check("complaints_unlinked", "data_quality", "warn", "complaints.check.unlinked",
                     affects=["complaint_rate"], n=_cite(rates, table, "unlinked", row))
    return Check("complaints_unlinked", "data_quality", "pass", "complaints.check.unlinked_pass")


def _few_check(key: str, rates: pd.DataFrame, *, table: str, affects: Sequence[str], label: Label | None) -> Check:
    shown = rates.loc[rates["orders"] > 0]
    smallest = shown["complaints"].idxmin()
    few = shown.loc[smallest, "complaints"] < MIN_COMPLAINTS
    if few:
        return Check(key, "small_groups", "warn", "complaints.check.few_complaints", affects=affects,
                     group=group_word(smallest, label), n=_cite(rates, table, "complaints", smallest))
    return Check(key, "small_groups", "pass", "complaints.check.few_complaints_pass", affects=affects,
                 n=Cite(int(shown["complaints"].min()), table=table, column="complaints", agg="min"))


def channel_findings(rates: pd.DataFrame, *, table: str, label: Label | None = None,
                     language: str | None = None) -> tuple[list[Finding], list[Check]]:
    """Lowest and highest complaint rate by purchase channel and whether their intervals overlap; the
    ``small_groups`` check of the channel with the fewest complaints."""
    shown = rates.loc[rates["orders"] > 0]
    if len(shown) < 2:
        return [], []
    low, high = shown["per_1000_orders"].idxmin(), shown["per_1000_orders"].idxmax()
    apart = rates.loc[low, "per_1000_high"] < rates.loc[high, "per_1000_low"]
    f = Finding("complaints_by_channel", "complaints.text.channels_apart" if apart else "complaints.text.channels_overlap",
                checks=["complaints_channel_size"], low=group_word(low, label, language),
                high=group_word(high, label, language),
                low_rate=_cite(rates, table, "per_1000_orders", low), low_lo=_cite(rates, table, "per_1000_low", low),
                low_hi=_cite(rates, table, "per_1000_high", low), high_rate=_cite(rates, table, "per_1000_orders", high),
                high_lo=_cite(rates, table, "per_1000_low", high), high_hi=_cite(rates, table, "per_1000_high", high))
    check = _few_check("complaints_channel_size", rates, table=table, affects=[f.key], label=label)
    return [f], [check]


def trend_finding(rates: pd.DataFrame, *, table: str, period: str, language: str | None = None) -> Finding | None:
    """The latest full period's rate with its interval against the first period's (None without a full period
    other than the first)."""
    full = rates.loc[rates["full"].astype(bool) & (rates["orders"] > 0)]
    if len(full) < 2:
        return None
    first, latest = full.index[0], full.index[-1]
    return Finding("complaints_trend", "complaints.text.trend", period=msg(f"complaints.period.{period}",
                   language=language).lower(), latest=escape_markdown(latest), first=escape_markdown(first),
                   rate=_cite(rates, table, "per_1000_orders", latest), low=_cite(rates, table, "per_1000_low", latest),
                   high=_cite(rates, table, "per_1000_high", latest),
                   first_rate=_cite(rates, table, "per_1000_orders", first))


def pareto_finding(categories: pd.DataFrame, *, table: str, label: Label | None = None,
                   language: str | None = None) -> Finding:
    """How many categories make up most complaints (the ``vital_few`` of the Pareto table)."""
    vital = categories.loc[categories["vital_few"].astype(bool)]
    last = vital.index[-1]
    return Finding("complaint_categories", "complaints.text.pareto",
                   n=Cite(len(categories), table=table, column="complaints", agg="count"),
                   k=Cite(len(vital), table=table, column="complaints", agg="count", where={"vital_few": "True"}),
                   names=join_words(group_word(c, label, language) for c in vital.index),
                   share=_cite(categories, table, "cumulative_share", last))


# --- resolution and recovery outcomes ----------------------------------------------------------------------

def resolution_findings(times: pd.DataFrame, *, table: str) -> tuple[list[Finding], list[Check]]:
    """Kaplan-Meier quartiles of the days to resolution (``times``:
    :func:`~analysis.retention.complaints.resolution_times`) and the ``data_quality`` check of open complaints."""
    n_open, n = int(times["open"].iloc[0]), int(times["complaints"].iloc[0])
    first = times.index[0]
    check = (Check("complaints_open", "data_quality", "warn", "complaints.check.resolution_open",
                   affects=["resolution_time"], open=_cite(times, table, "open", first),
                   n=_cite(times, table, "complaints", first))
             if n_open else Check("complaints_open", "data_quality", "pass", "complaints.check.resolution_open_pass"))
    if n == 0 or not _finite(times, "median", "estimate") or not _finite(times, "q25", "estimate"):
        return [], [check]
    common = dict(median=_cite(times, table, "estimate", "median"), q25=_cite(times, table, "estimate", "q25"),
                  open=_cite(times, table, "open", first))
    if _finite(times, "q75", "estimate") and _finite(times, "median", "ci_low", "ci_high"):
        if times.loc["median", "ci_low"] == times.loc["median", "ci_high"]:
            f = Finding("resolution_time", "complaints.text.resolution_day", checks=["complaints_open"],
                        q75=_cite(times, table, "estimate", "q75"), **common)
        else:
            f = Finding("resolution_time", "complaints.text.resolution", checks=["complaints_open"],
                        low=_cite(times, table, "ci_low", "median"), high=_cite(times, table, "ci_high", "median"),
                        q75=_cite(times, table, "estimate", "q75"), **common)
    else:
        f = Finding("resolution_time", "complaints.text.resolution_open", checks=["complaints_open"], **common)
    return [f], [check]


def satisfaction_findings(means: pd.DataFrame, *, table: str, label: Label | None = None,
                          language: str | None = None) -> list[Finding]:
    """Mean satisfaction after recovery per resolution group with its interval (groups of fewer than two
    ratings are left out)."""
    out = []
    for g in means.index:
        if not _finite(means, g, "estimate", "ci_low", "ci_high"):
            continue
        out.append(Finding(f"satisfaction_after_{slug(g)}", "complaints.text.satisfaction",
                           group=group_word(g, label, language), mean=_cite(means, table, "estimate", g),
                           low=_cite(means, table, "ci_low", g), high=_cite(means, table, "ci_high", g),
                           n=_cite(means, table, "n", g)))
    return out


def compensation_finding(means: pd.DataFrame, *, table: str, currency: str) -> Finding | None:
    """Total and mean compensation over all complaints (the ``"all"`` row)."""
    if "all" not in means.index or not _finite(means, "all", "estimate", "ci_low", "ci_high"):
        return None
    return Finding("compensation", "complaints.text.compensation", currency=currency,
                   total=_cite(means, table, "total", "all"), mean=_cite(means, table, "estimate", "all"),
                   low=_cite(means, table, "ci_low", "all"), high=_cite(means, table, "ci_high", "all"),
                   share=_cite(means, table, "share_positive", "all"))


# --- service recovery --------------------------------------------------------------------------------------

def recovery_findings(rates: pd.DataFrame, effects: pd.DataFrame, *, rates_table: str, effects_table: str,
                      days: int, language: str | None = None) -> list[Finding]:
    """The naive repurchase rates, each complaint group's adjusted rate and risk ratio against no complaint,
    and the service-recovery-paradox verdict from the interval of the "good" ratio."""
    checks = ["recovery_balance", "recovery_bootstrap", "recovery_size"]
    out = [Finding("recovery_naive", "complaints.text.recovery_naive", checks=checks, days=f"{days}",
                   **{g: _cite(rates, rates_table, "naive", g) for g in ("none", "good", "poor")})]
    for g in ("good", "poor"):
        row = f"{g}_ratio"
        if not _finite(effects, row, "estimate", "ci_low", "ci_high") or not _finite(rates, g, "ci_low", "ci_high"):
            continue
        out.append(Finding(f"recovery_{g}", "complaints.text.recovery_ratio", checks=checks,
                           group=group_word(g, language=language).capitalize(), days=f"{days}",
                           rate=_cite(rates, rates_table, "estimate", g), low=_cite(rates, rates_table, "ci_low", g),
                           high=_cite(rates, rates_table, "ci_high", g),
                           none_rate=_cite(rates, rates_table, "estimate", "none"),
                           ratio=_cite(effects, effects_table, "estimate", row),
                           ratio_low=_cite(effects, effects_table, "ci_low", row),
                           ratio_high=_cite(effects, effects_table, "ci_high", row),
                           naive=_cite(effects, effects_table, "naive", row)))
    if _finite(effects, "good_ratio", "estimate", "ci_low", "ci_high"):
        e = effects.loc["good_ratio"]
        key = ("complaints.text.paradox" if e["ci_low"] > 1 else "complaints.text.no_paradox" if e["ci_high"] < 1
               else "complaints.text.paradox_unclear")
        out.append(Finding("recovery_paradox", key, checks=checks,
                           ratio=_cite(effects, effects_table, "estimate", "good_ratio"),
                           low=_cite(effects, effects_table, "ci_low", "good_ratio"),
                           high=_cite(effects, effects_table, "ci_high", "good_ratio")))
    if _finite(effects, "poor_ratio", "estimate", "ci_low", "ci_high") and \
            effects.loc["poor_ratio", "ci_high"] < effects.loc["good_ratio", "estimate"]:
        out.append(Finding("recovery_poor_cost", "complaints.text.poor_recovery", checks=checks,
                           ratio=_cite(effects, effects_table, "estimate", "poor_ratio"),
                           low=_cite(effects, effects_table, "ci_low", "poor_ratio"),
                           high=_cite(effects, effects_table, "ci_high", "poor_ratio"),
                           good=_cite(effects, effects_table, "estimate", "good_ratio")))
    return out


def recovery_checks(rates: pd.DataFrame, balance: pd.DataFrame, bootstrap: pd.DataFrame, *, rates_table: str,
                    balance_table: str, bootstrap_table: str, language: str | None = None) -> list[Check]:
    """Balance of the customer history between complaint groups and no complaint (``overlap``: the largest
    absolute standardised difference of ``balance``, :func:`analysis.channels.covariate_balance`'s table), bootstrap
    failures (``convergence``) and the size of the smallest group (``sample_size``)."""
    affects = ["recovery_naive", "recovery_good", "recovery_poor", "recovery_paradox", "recovery_poor_cost"]
    worst = balance["abs_smd"].idxmax()
    covariate = msg(f"complaints.covariate.{balance.loc[worst, 'covariate']}", language=language)
    if not np.isfinite(balance.loc[worst, "abs_smd"]):
        out = [Check("recovery_balance", "overlap", "warn", "complaints.check.recovery_no_overlap", affects=affects,
                     covariate=covariate)]
    else:
        bad = balance.loc[worst, "abs_smd"] > SMD_LIMIT
        out = [Check("recovery_balance", "overlap", "warn" if bad else "pass",
                     "complaints.check.recovery_balance" if bad else "complaints.check.recovery_balance_pass",
                     affects=affects, covariate=covariate, limit=f"{SMD_LIMIT}",
                     smd=Cite(balance.loc[worst, "abs_smd"], table=balance_table, column="abs_smd", agg="max"))]
    b = bootstrap.index[0]
    failed = int(bootstrap.loc[b, "n_failed"])
    n = _cite(bootstrap, bootstrap_table, "n_bootstrap", b)
    out.append(Check("recovery_bootstrap", "convergence", "warn", "complaints.check.bootstrap", affects=affects,
                     failed=_cite(bootstrap, bootstrap_table, "n_failed", b), n=n) if failed else
               Check("recovery_bootstrap", "convergence", "pass", "complaints.check.bootstrap_pass", affects=affects,
                     n=n))
    smallest = rates["orders"].idxmin()
    few = rates.loc[smallest, "orders"] < MIN_RECOVERY_ORDERS
    out.append(Check("recovery_size", "sample_size", "warn" if few else "pass",
                     "complaints.check.recovery_events" if few else "complaints.check.recovery_events_pass",
                     affects=affects, group=group_word(smallest, language=language),
                     n=_cite(rates, rates_table, "orders", smallest)))
    return out


def truth_table(effects: pd.DataFrame, truth: dict) -> pd.DataFrame:
    """The adjusted and naive risk ratios beside the known true ones of a synthetic firm
    (``truth``: ``ServiceTruth.recovery_repurchase_ratio``, ``{"good": 0.95, "poor": 0.6}``).

    Returns
    -------
    DataFrame
        Indexed by ``recovery`` ("good", "poor"): ``true_ratio``, ``estimate``, ``ci_low``, ``ci_high``,
        ``naive``, ``naive_ci_low``, ``naive_ci_high``, ``covered`` (the adjusted interval holds the truth) and
        ``naive_covered``.

    Examples
    --------
    >>> e = pd.DataFrame({"estimate": [0.93], "ci_low": [0.88], "ci_high": [0.98], "naive": [1.2],
    ...                   "naive_ci_low": [1.1], "naive_ci_high": [1.3]}, index=["good_ratio"])
    >>> truth_table(e, {"good": 0.95})[["true_ratio", "covered", "naive_covered"]].values.tolist()
    [[0.95, True, False]]
    """
    rows = {}
    for g in ("good", "poor"):
        if g not in truth or f"{g}_ratio" not in effects.index:
            continue
        e = effects.loc[f"{g}_ratio"]
        rows[g] = {"true_ratio": float(truth[g]), **{c: e[c] for c in ("estimate", "ci_low", "ci_high", "naive",
                                                                       "naive_ci_low", "naive_ci_high")},
                   "covered": bool(e["ci_low"] <= truth[g] <= e["ci_high"]),
                   "naive_covered": bool(e["naive_ci_low"] <= truth[g] <= e["naive_ci_high"])}
    out = pd.DataFrame.from_dict(rows, orient="index")
    out.index.name = "recovery"
    return out


def truth_finding(known: pd.DataFrame, *, table: str) -> Finding | None:
    """Recovered against true risk ratios on a synthetic firm: whether the adjusted intervals hold the truth."""
    if not {"good", "poor"} <= set(known.index):
        return None
    covered = bool(known["covered"].astype(bool).all())
    return Finding("recovery_truth", "complaints.text.truth_covered" if covered else "complaints.text.truth_missed",
                   **{f"{g}_{name}": _cite(known, table, col, g) for g in ("good", "poor") for name, col in (
                       ("true", "true_ratio"), ("est", "estimate"), ("low", "ci_low"), ("high", "ci_high"),
                       ("naive", "naive"))})


# --- customer-level flag (no dates) ------------------------------------------------------------------------

def flag_findings(share: pd.DataFrame, effects: pd.DataFrame | None, comparison, *, flag: str, outcome: str | None,
                  share_table: str, effects_table: str, binary: bool, unit: str | None = None,
                  label: Label | None = None, language: str | None = None) -> list[Finding]:
    """The share of customers flagged as complainers, then the outcome compared (unadjusted and adjusted,
    :func:`analysis.findings.channels.adjusted_findings`; ``effects`` as written, with the ``*_pp`` columns of
    :func:`analysis.channels.points` for a 0/1 outcome, in percentage points; a number in ``unit``, default the
    outcome's own label, e.g. "days since the last purchase") and the sentence that it is an association (only the
    share when ``comparison`` is None: no outcome was given)."""
    row = share.index[0]
    out = [Finding("complaint_flag_share", "complaints.text.flag_share", flag=escape_markdown((label or str)(flag)),
                   k=_cite(share, share_table, "complainers", row), n=_cite(share, share_table, "customers", row),
                   share=_cite(share, share_table, "estimate", row), low=_cite(share, share_table, "ci_low", row),
                   high=_cite(share, share_table, "ci_high", row))]

    def word(name: object) -> str:  # the groups in the catalog's words; columns through the study's labels
        if str(name) in ("complained", "no_complaint"):
            return msg(f"complaints.group.{name}", language=language)
        return (label or str)(str(name))

    if comparison is None:
        return out
    out += adjusted_findings(comparison, outcome, table=effects_table, effects=effects, binary=binary,
                             currency=unit or escape_markdown(word(outcome)), label=word, language=language)
    out.append(Finding("complaint_flag_association", "complaints.text.flag_association",
                       outcome=escape_markdown((label or str)(outcome))))
    return out


def flag_checks(balance: pd.DataFrame, *, table: str, affects: Sequence[str] = (), label: Label | None = None,
                language: str | None = None) -> list[Check]:
    """Balance of prior value between complainers and the others (``overlap``;
    :func:`analysis.channels.covariate_balance`'s table): warn above :data:`SMD_LIMIT` or without overlap."""
    if balance.empty:
        return []
    worst = balance["abs_smd"].idxmax()
    covariate = escape_markdown((label or str)(str(balance.loc[worst, "covariate"])))
    if not np.isfinite(balance.loc[worst, "abs_smd"]):
        return [Check("complaint_flag_balance", "overlap", "warn", "complaints.check.flag_no_overlap",
                      affects=affects, covariate=covariate)]
    bad = balance.loc[worst, "abs_smd"] > SMD_LIMIT
    return [Check("complaint_flag_balance", "overlap", "warn" if bad else "pass",
                  "complaints.check.flag_balance" if bad else "complaints.check.flag_balance_pass", affects=affects,
                  covariate=covariate, limit=f"{SMD_LIMIT}",
                  smd=Cite(balance.loc[worst, "abs_smd"], table=table, column="abs_smd", agg="max"))]


def recovery_skipped_check(counts: pd.DataFrame, *, table: str, language: str | None = None) -> Check:
    """``not_run`` (``sample_size``): a recovery group has too few eligible orders with or without a repurchase
    (``counts``: :func:`analysis.retention.recovery.recovery_counts`), so the comparison did not run."""
    thin = counts.loc[~counts["enough"].astype(bool)]
    g = thin.index[0]
    fewest = "repurchases" if thin.loc[g, "repurchases"] <= thin.loc[g, "no_repurchase"] else "no_repurchase"
    return Check("recovery_skipped", "sample_size", "not_run", f"complaints.check.recovery_small_{fewest}",
                 group=group_word(g, language=language), n=_cite(counts, table, fewest, g),
                 minimum=f"{MIN_EVENTS}")


def skipped_check(language: str | None = None) -> Check:
    """``not_run``: neither a complaints table nor a complaint flag, so the section did not run."""
    return Check("complaints_skipped", "data_quality", "not_run", "complaints.check.skipped")


def no_orders_check(language: str | None = None) -> Check:
    """``not_run``: complaints without transactions, so no rates per order and no recovery comparison."""
    return Check("complaints_no_orders", "data_quality", "not_run", "complaints.check.no_orders")
