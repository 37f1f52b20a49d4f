"""Findings and checks of the loyalty-programme section (notebook 05), from the tables it writes.

Every sentence is a :class:`~analysis.findings.Finding` whose numbers are
:class:`~analysis.findings.Cite`\\ s of a table the notebook writes under the name given here
(``table=``); every assumption check is a :class:`~analysis.findings.Check` naming the findings its
failure weakens. Words come from ``messages/loyalty.py``. The tables are the results of
:func:`analysis.retention.propensity_weighting` (``effects``, ``balance``),
:func:`analysis.retention.did_effect` (``effects``, ``event``),
:func:`analysis.retention.programme_economics` and :func:`analysis.retention.tier_migration`.
The verdict on the programme ("pays", "does not pay", "cannot tell") is the one the economics table
holds, read from the interval of margin minus cost.

Examples
--------
>>> import pandas as pd
>>> b = pd.DataFrame({"abs_smd_after": [0.02, 0.08]}, index=pd.Index(["x", "z"], name="covariate"))
>>> balance_check(b, table="loyalty_balance").status
'pass'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from analysis.findings.core import Check, Cite, Finding
from analysis.messages import escape_markdown, msg
from analysis.retention.loyalty import SMD_LIMIT

__all__ = ["MIN_GROUP", "TRIM_LIMIT", "covariate_word", "skip_check", "too_few_check", "effect_findings",
           "balance_check", "overlap_check", "did_finding", "pretrend_check", "agreement_check",
           "economics_findings", "truth_table", "truth_finding", "MOVES", "moves_table", "migration_finding", "no_tiers_check", "EFFECT_KEYS"]

Label = Callable[[object], str]
#: fewer members (or non-members) than this with orders before and after launch: no comparison
MIN_GROUP = 20
#: a share of customers outside common support above this weakens the weighted effect
TRIM_LIMIT = 0.10
#: the keys of the effect findings (what a failed balance or overlap check weakens)
EFFECT_KEYS = ("loyalty_weighted", "loyalty_ipw")


def _cite(df: pd.DataFrame, table: str, column: str, row) -> Cite:
    return Cite(df.loc[row, column], table=table, column=column, row=row)


def covariate_word(name: object, label: Label | None = None, language: str | None = None) -> str:
    """The display name of a covariate: the catalog's words for the section's own pre-launch covariates,
    else the name through ``label`` (``column=value`` for a text covariate's level), escaped for Markdown.

    Examples
    --------
    >>> covariate_word("log_aov_pre"), covariate_word("acquisition_channel=web")
    ('average order value before launch (log)', 'acquisition\\\\_channel=web')
    """
    key = f"loyalty.covariate.{name}"
    try:
        return msg(key, language=language)
    except KeyError:
        text = str(name)
        if label is not None and "=" in text:
            column, value = text.split("=", 1)
            text = f"{label(column)}={value}"
        elif label is not None:
            text = label(text)
        return escape_markdown(text)


def skip_check(memberships: pd.DataFrame | None, transactions: pd.DataFrame | None,
               language: str | None = None) -> Check | None:
    """``not_run`` (``data_quality``) when the study lacks memberships, transactions or amounts; else None.

    Examples
    --------
    >>> skip_check(None, None).text()[:40]
    'The loyalty-programme section needs a me'
    """
    if memberships is None:
        missing = "memberships"
    elif transactions is None:
        missing = "transactions"
    elif "amount" not in transactions.columns or transactions["amount"].isna().all():
        missing = "amount"
    else:
        return None
    return Check("loyalty_skipped", "data_quality", "not_run", "loyalty.check.skipped",
                 missing=msg(f"loyalty.missing.{missing}", language=language))


def too_few_check(sample: pd.DataFrame, *, table: str) -> Check | None:
    """``not_run`` (``sample_size``) when fewer than :data:`MIN_GROUP` members or non-members are in the
    comparison (``sample``: :func:`analysis.retention.programme_sample` as written under ``table``);
    else None."""
    members = int(sample["member"].sum())
    if members >= MIN_GROUP and len(sample) - members >= MIN_GROUP:
        return None
    return Check("loyalty_too_few", "sample_size", "not_run", "loyalty.check.too_few",
                 members=Cite(members, table=table, column="member", agg="count", where={"member": "True"}),
                 controls=Cite(len(sample) - members, table=table, column="member", agg="count",
                               where={"member": "False"}),
                 minimum=f"{MIN_GROUP}")


def effect_findings(effects: pd.DataFrame, *, table: str) -> list[Finding]:
    """The naive comparison, the doubly robust weighted effect and weighting alone, as % effects with
    intervals (``effects``: :attr:`analysis.retention.WeightingResult.effects`)."""
    def pct(row):
        return {"pct": _cite(effects, table, "percent", row), "lo": _cite(effects, table, "percent_ci_low", row),
                "hi": _cite(effects, table, "percent_ci_high", row)}

    if not effects[["percent_ci_low", "percent_ci_high"]].notna().all().all():
        return []
    return [Finding("loyalty_naive", "loyalty.text.naive", **pct("naive"),
                    members=_cite(effects, table, "n_treated", "naive"),
                    controls=_cite(effects, table, "n_control", "naive")),
            Finding("loyalty_weighted", "loyalty.text.weighted", checks=["loyalty_balance", "loyalty_overlap"],
                    **pct("doubly_robust")),
            Finding("loyalty_ipw", "loyalty.text.ipw", checks=["loyalty_balance", "loyalty_overlap"],
                    **pct("weighted"))]


def balance_check(balance: pd.DataFrame, *, table: str, affects: Sequence[str] = EFFECT_KEYS,
                  label: Label | None = None, language: str | None = None) -> Check:
    """``fail`` (``overlap``) when any covariate's |SMD| after weighting exceeds :data:`SMD_LIMIT` (0.1),
    citing the largest; ``pass`` otherwise."""
    worst = balance["abs_smd_after"].idxmax()
    bad = float(balance.loc[worst, "abs_smd_after"]) > SMD_LIMIT
    return Check("loyalty_balance", "overlap", "fail" if bad else "pass",
                 f"loyalty.check.balance_{'fail' if bad else 'pass'}", affects=affects,
                 smd=_cite(balance, table, "abs_smd_after", worst),
                 covariate=covariate_word(worst, label, language), limit=f"{SMD_LIMIT}")


def overlap_check(effects: pd.DataFrame, *, table: str, affects: Sequence[str] = EFFECT_KEYS) -> Check:
    """``warn`` (``overlap``) when more than :data:`TRIM_LIMIT` of the customers lie outside common support."""
    row = "weighted"
    n = float(effects.loc[row, "n_treated"] + effects.loc[row, "n_control"] + effects.loc[row, "n_trimmed"])
    warn = float(effects.loc[row, "n_trimmed"]) > TRIM_LIMIT * n
    return Check("loyalty_overlap", "overlap", "warn" if warn else "pass",
                 f"loyalty.check.overlap_{'warn' if warn else 'pass'}", affects=affects,
                 trimmed=_cite(effects, table, "n_trimmed", row), ess=_cite(effects, table, "ess_control", row),
                 limit=f"{TRIM_LIMIT:.0%}")


def _period_word(period: str, language: str | None) -> str:
    return msg(f"loyalty.period.{period}", language=language).lower()


def did_finding(did: pd.DataFrame, *, table: str, period: str, language: str | None = None) -> Finding:
    """The difference-in-differences effect as a % change with its interval (``did``:
    :attr:`analysis.retention.DiDResult.effects`)."""
    row = "membership"
    return Finding("loyalty_did", "loyalty.text.did", checks=["loyalty_pretrend", "loyalty_agreement"],
                   pct=_cite(did, table, "percent", row), lo=_cite(did, table, "percent_ci_low", row),
                   hi=_cite(did, table, "percent_ci_high", row), members=_cite(did, table, "n_members", row),
                   period=_period_word(period, language))


def pretrend_check(event: pd.DataFrame, *, table: str, period: str, alpha: float = 0.05,
                   language: str | None = None) -> Check | None:
    """``warn`` (``model_fit``) when a pre-join event-time estimate differs from the reference
    (Bonferroni over the pre-join periods at ``alpha``); None without pre-join periods."""
    pre = event[(event.index < -1) & event["p_value"].notna()]
    if pre.empty:
        return None
    row = pre["p_value"].idxmin()
    warn = float(pre.loc[row, "p_value"]) < alpha / len(pre)
    fields = {"p": _cite(event, table, "p_value", row), "period": _period_word(period, language)}
    if warn:
        fields["n"] = Cite(len(pre), table=table, column="p_value", agg="count",
                           where={"event_time": [str(v) for v in pre.index]})
    return Check("loyalty_pretrend", "model_fit", "warn" if warn else "pass",
                 f"loyalty.check.pretrend_{'warn' if warn else 'pass'}", affects=["loyalty_did"], **fields)


def agreement_check(effects: pd.DataFrame, did: pd.DataFrame, *, effects_table: str, did_table: str) -> Check:
    """``warn`` (``consistency``) when the doubly robust weighted interval and the difference-in-differences
    interval do not overlap."""
    a, b = effects.loc["doubly_robust"], did.loc["membership"]
    apart = a["percent_ci_high"] < b["percent_ci_low"] or b["percent_ci_high"] < a["percent_ci_low"]
    return Check("loyalty_agreement", "consistency", "warn" if apart else "pass",
                 f"loyalty.check.agree_{'warn' if apart else 'pass'}", affects=["loyalty_weighted", "loyalty_did"],
                 a=_cite(effects, effects_table, "percent", "doubly_robust"),
                 b=_cite(did, did_table, "percent", "membership"))


def economics_findings(economics: pd.DataFrame, *, table: str, currency: str,
                       language: str | None = None) -> list[Finding]:
    """Incremental margin against cost with the verdict, and the points liability (``economics``:
    :func:`analysis.retention.programme_economics`)."""
    e = economics

    def c(item, column="estimate"):
        return _cite(e, table, column, item)

    verdict = str(e.loc["net", "verdict"])
    out = [Finding("loyalty_economics", "loyalty.text.economics", checks=["loyalty_balance", "loyalty_agreement"],
                   spend=c("member_spend"), margin=c("incremental_margin"), lo=c("incremental_margin", "ci_low"),
                   hi=c("incremental_margin", "ci_high"), cost=c("total_cost"), rewards=c("rewards_given"),
                   liability=c("points_liability"), running=c("running_cost"), currency=currency,
                   verdict=msg(f"loyalty.verdict.{verdict}", language=language))]
    if np.isfinite(float(e.loc["points_outstanding", "estimate"])) and e.loc["points_outstanding", "estimate"] > 0:
        out.append(Finding("loyalty_liability", "loyalty.text.liability", outstanding=c("points_outstanding"),
                           liability=c("points_liability"), currency=currency))
    return out


def truth_table(effects: pd.DataFrame, did: pd.DataFrame | None, true_ratio: float) -> pd.DataFrame:
    """Each design's ratio and interval beside a synthetic firm's true effect ratio, and whether the
    interval covers it (``effects``: the weighting effects, ``did``: the difference-in-differences effects).

    Examples
    --------
    >>> e = pd.DataFrame({"ratio": [1.4, 1.08], "ratio_ci_low": [1.3, 1.04], "ratio_ci_high": [1.5, 1.12]},
    ...                  index=["naive", "doubly_robust"])
    >>> truth_table(e, None, 1.1)["covers"].tolist()
    [False, True]
    """
    parts = [effects.loc[["naive", "doubly_robust"], ["ratio", "ratio_ci_low", "ratio_ci_high"]]]
    if did is not None:
        parts.append(did[["ratio", "ratio_ci_low", "ratio_ci_high"]].rename(index={"membership": "did"}))
    out = pd.concat(parts)
    out["true_ratio"] = float(true_ratio)
    out["covers"] = (out["ratio_ci_low"] <= true_ratio) & (true_ratio <= out["ratio_ci_high"])
    out.index.name = "design"
    return out


def truth_finding(known: pd.DataFrame, *, table: str, language: str | None = None) -> Finding:
    """Which designs' intervals cover the firm's true effect (``known``: :func:`truth_table`)."""
    def word(row):
        return msg(f"loyalty.truth.{'covers' if bool(known.loc[row, 'covers']) else 'misses'}", language=language)

    fields = {"truth": _cite(known, table, "true_ratio", "naive"), "naive": _cite(known, table, "ratio", "naive"),
              "weighted": _cite(known, table, "ratio", "doubly_robust"), "naive_covers": word("naive"),
              "weighted_covers": word("doubly_robust")}
    if "did" in known.index:
        fields.update(did=_cite(known, table, "ratio", "did"), did_covers=word("did"))
        return Finding("loyalty_truth", "loyalty.text.truth_did", **fields)
    return Finding("loyalty_truth", "loyalty.text.truth", **fields)


MOVES = ("joined", "upgrade", "downgrade", "same", "left")


def moves_table(migration: pd.DataFrame) -> pd.DataFrame:
    """Customers per kind of move (:data:`MOVES`, 0 when none) between the two days of
    :func:`analysis.retention.tier_migration`, indexed by ``move``, with ``start`` and ``end``.

    Examples
    --------
    >>> mig = pd.DataFrame({"n": [3, 1], "move": ["joined", "upgrade"], "start": ["2024-01-01"] * 2,
    ...                     "end": ["2024-12-31"] * 2})
    >>> moves_table(mig)["n"].tolist()
    [3, 1, 0, 0, 0]
    """
    n = migration.groupby("move")["n"].sum().reindex(list(MOVES)).fillna(0).astype(int)
    out = pd.DataFrame({"n": n, "start": migration["start"].iloc[0], "end": migration["end"].iloc[0]})
    out.index.name = "move"
    return out


def migration_finding(moves: pd.DataFrame, *, table: str) -> Finding:
    """Joins, upgrades, downgrades, stays and exits between the two days (``moves``: :func:`moves_table`)."""
    def c(kind):
        return _cite(moves, table, "n", kind)

    return Finding("loyalty_migration", "loyalty.text.migration", start=str(moves["start"].iloc[0]),
                   end=str(moves["end"].iloc[0]), joined=c("joined"), up=c("upgrade"), down=c("downgrade"),
                   same=c("same"), left=c("left"))


def no_tiers_check() -> Check:
    """``not_run`` (``data_quality``): the memberships table has no tier column."""
    return Check("loyalty_no_tiers", "data_quality", "not_run", "loyalty.check.no_tiers")
