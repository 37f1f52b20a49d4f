"""Findings and checks of the data overview (notebook 00).

Every number cites the tables notebook 00 writes: ``transaction_overview``
(indexed by ``metric``, column ``value``) and ``suspicious_values`` (indexed by
``check``: ``n_rows``, ``share_rows``, ``setting``, ``policy``, ``decided``, ``rows_removed``;
see :func:`analysis.overview.cleaning_summary`).

Examples
--------
>>> import pandas as pd
>>> from analysis.overview import cleaning_summary, suspicious_values, transaction_overview
>>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"],
...                    "date": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-01-05"]),
...                    "amount": [10.0, 0.0, 20.0]})
>>> cleaning = cleaning_summary(suspicious_values(tx), {"zero_amounts": "keep"})
>>> [f.text() for f in overview_findings(transaction_overview(tx), cleaning, currency="euros")][::2]
['2 customers made 3 transactions worth 30 euros between 2024-01-01 and 2024-02-01.', 'Rows flagged as zero or negative amount: 1 (33.33% of all rows). The study keeps them (cleaning: zero_amounts: keep), so every notebook models them as they are; set zero_amounts: drop in the study to remove them.']
"""

from __future__ import annotations

import pandas as pd

from analysis.findings.core import Check, Cite, Finding
from analysis.messages import escape_markdown, msg

__all__ = ["overview_findings", "overview_checks", "attribute_finding", "missing_codes_check",
           "preparation_finding", "attribute_table_name"]

OVERVIEW, FLAGS, CODES, PREPARATION = "transaction_overview", "suspicious_values", "missing_code_suspects", "preparation"


def attribute_table_name(table: str) -> str:
    """The name of the written profile of one canonical table (``attributes_<table>``)."""
    return f"attributes_{table}"


def _metric(overview: pd.DataFrame, name: str) -> Cite:
    value = overview.loc[name, "value"]
    return Cite(value if isinstance(value, str) else float(value), table=OVERVIEW, column="value", row=name)


def _flag(cleaning: pd.DataFrame, check: str, column: str) -> Cite:
    return Cite(cleaning.loc[check, column], table=FLAGS, column=column, row=check)


def _flag_fields(cleaning: pd.DataFrame, check: str, language: str | None) -> dict:
    return {"n": _flag(cleaning, check, "n_rows"), "share": _flag(cleaning, check, "share_rows"),
            "description": msg(f"overview.check.{check}", language=language),
            "setting": str(cleaning.loc[check, "setting"])}


def overview_findings(overview: pd.DataFrame, cleaning: pd.DataFrame, *, currency: str,
                      language: str | None = None) -> list[Finding]:
    """The headline findings of notebook 00.

    Parameters
    ----------
    overview : DataFrame
        :func:`analysis.overview.transaction_overview` output.
    cleaning : DataFrame
        :func:`analysis.overview.cleaning_summary` output (the flagged rows and the policy).
    currency : str
        How money is named (``Study.currency_name()``).
    language : str, optional
        Catalog language.

    Returns
    -------
    list of Finding
        ``scope``, ``repeat``, then one ``flagged_<check>`` per check that flagged
        rows (saying what the cleaning policy does with them), or ``quality_clean``.
    """
    scope = (Finding("scope", "overview.finding.scope", customers=_metric(overview, "customers"),
                     transactions=_metric(overview, "transactions"), revenue=_metric(overview, "revenue"),
                     currency=currency, first=_metric(overview, "first_date"), last=_metric(overview, "last_date"))
             if "revenue" in overview.index else  # a count-only log: counts and dates, no money
             Finding("scope", "overview.finding.scope_counts", customers=_metric(overview, "customers"),
                     transactions=_metric(overview, "transactions"), days=_metric(overview, "purchase_days"),
                     first=_metric(overview, "first_date"), last=_metric(overview, "last_date")))
    found = [
        scope,
        Finding("repeat", "overview.finding.once", share_once=_metric(overview, "share_one_time_buyers"),
                median_purchases=_metric(overview, "median_purchases_per_customer"),
                p90_purchases=_metric(overview, "p90_purchases_per_customer")),
    ]
    flagged = [c for c in cleaning.index if cleaning.loc[c, "n_rows"] > 0]
    for check in flagged:
        policy = cleaning.loc[check, "policy"]
        found.append(Finding(f"flagged_{check}", f"overview.finding.flagged.{policy}",
                             checks=[f"rows_{check}"], **_flag_fields(cleaning, check, language)))
    if not flagged:
        found.append(Finding("quality_clean", "overview.finding.quality_clean"))
    return found


def overview_checks(cleaning: pd.DataFrame, *, language: str | None = None) -> list[Check]:
    """One data-quality check per kind of suspicious value.

    Passed when no row is flagged, when the flagged rows are left out of every
    analysis (cleaning policy ``drop``, or after the end of observation), or when
    the study decided to keep them (``cleaning:`` sets the rule); a warning when
    flagged rows stay in the data by default or no rule covers them (extreme
    amounts): then the spend figures built on them are weakened.
    """
    checks = []
    for check in cleaning.index:
        n, policy = int(cleaning.loc[check, "n_rows"]), cleaning.loc[check, "policy"]
        removed = policy in ("drop", "window")
        status = "pass" if n == 0 or removed or bool(cleaning.loc[check, "decided"]) else "warn"
        result = "none" if n == 0 else ("removed" if removed else ("kept_decided" if status == "pass" else "kept"))
        fields = {"description": msg(f"overview.check.{check}", language=language)}
        if n:
            fields.update(n=_flag(cleaning, check, "n_rows"), share=_flag(cleaning, check, "share_rows"))
        checks.append(Check(f"rows_{check}", "data_quality", status, f"overview.checked.{result}",
                            affects=["scope"] if status == "warn" else (), **fields))
    return checks


def attribute_finding(table: str, profile: pd.DataFrame) -> Finding:
    """How many columns a table has and which misses most values (table ``attributes_<table>``).

    Parameters
    ----------
    table : str
        The canonical table (``survey``, ``customers``, ``channel_outcomes``, ``paths``).
    profile : DataFrame
        :func:`analysis.overview.attribute_profile` of it, as written.

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.overview import attribute_profile
    >>> p = attribute_profile(pd.DataFrame({"a": [1, None], "b": ["x", "y"]}))
    >>> attribute_finding("survey", p).text()
    'The survey table has 2 columns; the one with most missing values is a: 1 (50.0%).'
    """
    name = attribute_table_name(table)
    columns = Cite(len(profile), table=name, column="n_missing", agg="count")
    worst = profile["n_missing"].idxmax() if len(profile) else None
    if worst is None or profile.loc[worst, "n_missing"] == 0:
        return Finding(f"attributes_{table}", "overview.finding.attributes_complete", table=table, columns=columns)
    return Finding(f"attributes_{table}", "overview.finding.attributes", table=table, columns=columns,
                   column=str(worst),
                   n_missing=Cite(float(profile.loc[worst, "n_missing"]), table=name, column="n_missing", row=worst),
                   share=Cite(float(profile.loc[worst, "share_missing"]), table=name, column="share_missing",
                              row=worst))


def missing_codes_check(codes: pd.DataFrame) -> Check:
    """A data-quality check: values that look like missing-value codes are still in the data.

    Warns (naming the columns and codes, table ``missing_code_suspects``) and says
    to declare ``missing_codes:`` in the study; passes when none is found.

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.overview import suspected_missing_codes
    >>> c = suspected_missing_codes({"survey": pd.DataFrame({"pdays": [999, 3, 999, 6]})})
    >>> missing_codes_check(c).status
    'warn'
    """
    if codes.empty:
        return Check("missing_codes", "data_quality", "pass", "overview.checked.codes_none")
    named = escape_markdown(", ".join(f"{row.column} ({row.code}, {row.n_rows:,})" for row in codes.itertuples()))
    by_column = codes.groupby("column", sort=False)["code"]
    example = "{" + ", ".join(f"{column}: [{', '.join(group)}]" for column, group in by_column) + "}"
    return Check("missing_codes", "data_quality", "warn", "overview.checked.codes",
                 affects=[f"attributes_{t}" for t in dict.fromkeys(codes["table"])],
                 n_codes=Cite(len(codes), table=CODES, column="n_rows", agg="count"),
                 n_rows=Cite(float(codes["n_rows"].sum()), table=CODES, column="n_rows", agg="sum"),
                 columns=named, example=example)


def preparation_finding(preparation: pd.DataFrame) -> Finding:
    """How many preparation steps the study applied and how many cells they changed (table ``preparation``).

    Examples
    --------
    >>> import pandas as pd
    >>> p = pd.DataFrame({"table": ["survey"], "step": ["missing_codes"], "column": ["pdays"], "detail": ["999"],
    ...                   "rows_before": [10], "rows_after": [10], "cells_changed": [4]})
    >>> preparation_finding(p).text()
    "The study's preparation applied 1 step(s) while loading, changing 4 cells (table preparation)."
    """
    return Finding("preparation", "overview.finding.preparation",
                   steps=Cite(len(preparation), table=PREPARATION, column="rows_before", agg="count"),
                   cells=Cite(float(preparation["cells_changed"].sum()), table=PREPARATION, column="cells_changed",
                              agg="sum"))
