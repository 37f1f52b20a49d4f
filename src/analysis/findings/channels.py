"""Findings and checks of the channel comparison (notebook 04), built from the tables it writes.

Every sentence is a :class:`~analysis.findings.Finding` whose numbers are
:class:`~analysis.findings.Cite`\\ s of a table the notebook writes under the name
given here (``table=``), so :func:`~analysis.findings.verify_outputs` can recompute
each from the CSV; every assumption check that ran is a
:class:`~analysis.findings.Check` naming the findings its failure weakens. The
words come from the catalog (``messages/channels.py``); names from the data are
shown through ``label`` (the study's display labels, ``Study.label``) and escaped
for Markdown. Differences of rates are stated in percentage points, money in the
study's currency (``currency``, ``Study.currency_name()``), and a campaign arm or a
channel is called profitable only when the interval of its profit says so
(``verdict``, :func:`analysis.channels.profit_verdict`).

A few small tables the sentences cite are made here from result objects
(:func:`rates_test_table`, :func:`spend_tests_table`, :func:`spend_groups_table`, :func:`horizon_table`,
:func:`params_table`); the notebook writes them beside the result tables.

Examples
--------
>>> import pandas as pd
>>> from analysis.channels import compare_rates
>>> df = pd.DataFrame({"channel": ["web"] * 50 + ["store"] * 50,
...                    "bought": [1] * 20 + [0] * 30 + [1] * 10 + [0] * 40})
>>> res = compare_rates(df, "channel", "bought")
>>> test = rates_test_table(res)
>>> rates_finding(res, table="rates_bought", test_table=test, test_name="rates_bought_test").text()[:52]
'bought: rates range from 20.00% (store) to 40.00% (w'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from analysis.channels import AdjustedComparison, RateComparison, SpendComparison
from analysis.findings.core import Check, Cite, Finding
from analysis.messages import escape_markdown, join_words, msg

__all__ = [
    "slug", "rates_test_table", "rates_finding", "rates_checks", "spend_tests_table", "spend_groups_table", "spend_findings",
    "lift_findings", "power_checks", "incremental_findings", "roi_checks", "adjusted_findings", "adjusted_checks",
    "balance_check", "economics_findings", "horizon_table", "lifetime_findings", "horizon_check", "params_table",
    "clv_errors_check", "lifecycle_table", "lifecycle_finding", "skipped_check", "attribution_skipped",
    "usable_columns", "economics_skip", "spend_skip", "ATTRIBUTION_RULES", "attribution_shares_table", "attribution_findings", "attribution_checks",
]

Label = Callable[[object], str]
#: an absolute standardized mean difference above this is a covariate imbalance (Austin 2009)
SMD_LIMIT = 0.1
#: the chi-square test wants every expected count at least this large (Cochran)
MIN_EXPECTED = 5.0
#: a Markov share interval wider than this (share of all conversions) cannot rank channels this close
SHARE_WIDTH_LIMIT = 0.05
#: above this share of conversions from one-touch journeys, the rules can hardly disagree
SINGLE_TOUCH_LIMIT = 0.5
#: parameters of notebook 04 that list columns: None (or "") gives an empty list
LIST_PARAMETERS = ("binary_outcomes", "covariates")


def _underscores(name: object) -> str:
    return str(name).replace("_", " ")


def _word(label: Label | None, name: object) -> str:
    return escape_markdown((label or _underscores)(name))


def slug(name: object) -> str:
    """A safe key / table-name part for *name* (letters, digits, ``_``, ``-``).

    Examples
    --------
    >>> slug("No E-Mail")
    'No_E-Mail'
    """
    return re.sub(r"[^A-Za-z0-9_-]+", "_", str(name)).strip("_")[:60] or "x"


def _cite(df: pd.DataFrame, table: str, column: str, row) -> Cite:
    return Cite(df.loc[row, column], table=table, column=column, row=row)


def _finite(df: pd.DataFrame, row, *columns: str) -> bool:
    return all(c in df.columns and pd.notna(df.loc[row, c]) and np.isfinite(float(df.loc[row, c])) for c in columns)


# --- rates -----------------------------------------------------------------------------------------------------

def rates_test_table(result: RateComparison) -> pd.DataFrame:
    """The chi-square test of a :class:`~analysis.channels.RateComparison` with what its sentence and
    checks cite: ``n_significant`` and ``n_pairs`` (pairwise differences), ``n_zero_event`` (groups
    with no event or only events) and ``min_expected`` (the smallest expected count)."""
    g = result.groups
    zero = int(((g["successes"] == 0) | (g["successes"] == g["n"])).sum())
    return result.omnibus.assign(n_significant=int(result.pairwise["significant"].sum()),
                                 n_pairs=len(result.pairwise), n_zero_event=zero)


def rates_finding(result: RateComparison, *, table: str, test_table: pd.DataFrame, test_name: str,
                  label: Label | None = None, language: str | None = None) -> Finding:
    """Range of the rates (``table``: the groups), the chi-square test and how many pairs differ."""
    g, row = result.groups, test_table.index[0]
    low, high = g["rate"].idxmin(), g["rate"].idxmax()
    return Finding(f"rates_{slug(result.outcome)}", "channels.text.rates",
                   checks=[f"zero_events_{slug(result.outcome)}", f"small_groups_{slug(result.outcome)}"],
                   outcome=_word(label, result.outcome), low=_word(label, low), high=_word(label, high),
                   low_rate=_cite(g, table, "rate", low), high_rate=_cite(g, table, "rate", high),
                   p=_cite(test_table, test_name, "p_value", row), v=_cite(test_table, test_name, "cramers_v", row),
                   n_sig=_cite(test_table, test_name, "n_significant", row),
                   n_pairs=_cite(test_table, test_name, "n_pairs", row), correction=result.correction)


def rates_checks(result: RateComparison, *, table: str, test_table: pd.DataFrame, test_name: str,
                 affects: Sequence[str] = (), label: Label | None = None,
                 language: str | None = None) -> list[Check]:
    """Zero-event groups (``separation``: a rate of 0 or 1 has no spread; a regression on it separates)
    and expected counts below 5 (``small_groups``: the chi-square p-value is then unreliable)."""
    o, row, g = slug(result.outcome), test_table.index[0], result.groups
    zero = [str(k) for k in g.index[(g["successes"] == 0) | (g["successes"] == g["n"])]]
    affects = [f"rates_{o}", *affects]
    n_zero = _cite(test_table, test_name, "n_zero_event", row)
    sep = (Check(f"zero_events_{o}", "separation", "warn", "channels.check.zero_events", affects=affects,
                 outcome=_word(label, result.outcome), n=n_zero, groups=join_words(_word(label, z) for z in zero))
           if zero else
           Check(f"zero_events_{o}", "separation", "pass", "channels.check.zero_events_pass", affects=affects,
                 outcome=_word(label, result.outcome), n=n_zero))
    small = float(test_table.loc[row, "min_expected"]) < MIN_EXPECTED
    expected = _cite(test_table, test_name, "min_expected", row)
    size = Check(f"small_groups_{o}", "small_groups", "warn" if small else "pass",
                 "channels.check.small_groups" if small else "channels.check.small_groups_pass", affects=affects,
                 outcome=_word(label, result.outcome), expected=expected)
    return [sep, size]


# --- spend -----------------------------------------------------------------------------------------------------

_PARTS = ("buyers", "per_customer")


def _parts(result: SpendComparison):
    return zip(_PARTS, (result.among_buyers, result.per_customer))


def spend_tests_table(result: SpendComparison) -> pd.DataFrame:
    """The two spend tests (``buyers``, ``per_customer``): test, p-value, effect sizes, significant pairs,
    and the checks behind the choice of test (``levene_p``, ``max_abs_skewness``)."""
    rows = {}
    for name, part in _parts(result):
        o, a = part.omnibus.iloc[0], part.assumptions.iloc[0]
        rows[name] = {"test": part.test, "posthoc": part.posthoc, "p_value": o["p_value"],
                      "eta_squared": o["eta_squared"], "omega_squared": o["omega_squared"],
                      "n_significant": int(part.pairwise["significant"].sum()), "n_pairs": len(part.pairwise),
                      "levene_p": a["levene_p"], "max_abs_skewness": a["max_abs_skewness"]}
    out = pd.DataFrame.from_dict(rows, orient="index")
    out.index.name = "population"
    return out


def spend_groups_table(result: SpendComparison) -> pd.DataFrame:
    """Each channel's spend among buyers and per customer (``n``, mean, skewness, Cochran's minimum n),
    indexed by (``population``, channel)."""
    return pd.concat({name: part.groups for name, part in _parts(result)}, names=["population"])


def _choice(name: str, part, method: str, tests: pd.DataFrame, tests_name: str, groups: pd.DataFrame,
            groups_name: str, label: Label | None) -> Finding | None:
    """Why the test was chosen, read from the result (test used, constant and skewed groups) and cited
    (None when the variance test behind the choice has no p-value)."""
    key = f"spend_{name}_choice"
    if method != "auto":
        return Finding(key, "channels.reason.requested", test=part.test, method=method)
    if part.test.endswith("ANOVA"):
        if not _finite(tests, name, "levene_p"):
            return None
        kind = "welch" if part.test.startswith("Welch") else "anova"
        return Finding(key, f"channels.reason.{kind}", p=_cite(tests, tests_name, "levene_p", name),
                       alpha=f"{part.alpha}")
    constant = [g for g in part.groups.index if part.groups.loc[g, "sd"] <= 0]
    if constant:
        return Finding(key, "channels.reason.constant", groups=join_words(_word(label, g) for g in constant))
    first = part.assumptions.iloc[0]["skewed_groups"][0]
    return Finding(key, "channels.reason.skewed", group=_word(label, first),
                   skewness=_cite(tests, tests_name, "max_abs_skewness", name),
                   n=_cite(groups, groups_name, "n", (name, first)),
                   min_n=_cite(groups, groups_name, "cochran_min_n", (name, first)))


def spend_findings(result: SpendComparison, outcome: str, *, tests: pd.DataFrame, tests_name: str,
                   groups: pd.DataFrame, groups_name: str, summary_name: str, method: str = "auto",
                   label: Label | None = None, language: str | None = None) -> list[Finding]:
    """Per population (buyers, per customer): why the test was chosen (``method``: as given to
    :func:`~analysis.channels.compare_spend`) and its result; then the split of
    spend per customer into buyer share x spend per buyer. When every contact spent something (no
    zeros) the split is not stated (a buyer share of 100 % says nothing) and the sentence says so."""
    out = []
    for name, part in _parts(result):
        what = msg(f"channels.label.{name}", language=language, outcome=_word(label, outcome))
        out.append(Finding(f"spend_{name}", "channels.text.means", outcome=what, test=part.test,
                           posthoc=part.posthoc, alpha=f"{part.alpha:.0%}",
                           p=_cite(tests, tests_name, "p_value", name),
                           eta2=_cite(tests, tests_name, "eta_squared", name),
                           omega2=_cite(tests, tests_name, "omega_squared", name),
                           n_sig=_cite(tests, tests_name, "n_significant", name),
                           n_pairs=_cite(tests, tests_name, "n_pairs", name)))
        out += [f for f in [_choice(name, part, method, tests, tests_name, groups, groups_name, label)] if f is not None]
    s = result.summary()
    best, worst = s["spend_per_customer"].idxmax(), s["spend_per_customer"].idxmin()
    words = dict(best=_word(label, best), worst=_word(label, worst), outcome=_word(label, outcome))
    if (s["buyer_share"] >= 1).all():
        out.append(Finding("spend_split", "channels.text.spend_no_zeros", **words,
                           share=Cite(1.0, table=summary_name, column="buyer_share", agg="min"),
                           best_spend=_cite(s, summary_name, "spend_per_customer", best)))
    else:
        out.append(Finding("spend_split", "channels.text.spend_split", **words,
                           best_spend=_cite(s, summary_name, "spend_per_customer", best),
                           best_share=_cite(s, summary_name, "buyer_share", best),
                           worst_share=_cite(s, summary_name, "buyer_share", worst),
                           best_buyer=_cite(s, summary_name, "spend_per_buyer", best),
                           worst_buyer=_cite(s, summary_name, "spend_per_buyer", worst)))
    return out


# --- campaign lift, power, profit ------------------------------------------------------------------------------

def lift_findings(lift: pd.DataFrame, mde: pd.DataFrame, *, table: str, mde_name: str, outcome: str,
                  control: object, alpha: float = 0.05, power: float = 0.8, label: Label | None = None,
                  language: str | None = None) -> list[Finding]:
    """For each arm of a binary lift table (with ``*_pp`` columns, :func:`analysis.channels.points`):
    its lift in percentage points with the interval, and the minimum detectable lift
    (:func:`analysis.channels.mde_table`, in points)."""
    out = []
    for i, r in lift.iterrows():
        arm, key = r["arm"], f"{slug(outcome)}_{slug(r['arm'])}"
        words = dict(arm=_word(label, arm), control=_word(label, control), outcome=_word(label, outcome))
        out.append(Finding(f"lift_{key}", "channels.text.lift", checks=["covariate_balance"], **words,
                           treat=_cite(lift, table, "mean", i), ctrl=_cite(lift, table, "mean_control", i),
                           lift_pp=_cite(lift, table, "estimate_pp", i), lo_pp=_cite(lift, table, "ci_low_pp", i),
                           hi_pp=_cite(lift, table, "ci_high_pp", i), rel=_cite(lift, table, "rel_lift", i)))
        out.append(Finding(f"mde_{key}", "channels.text.mde", **words, checks=[f"power_{key}"],
                           alpha=f"{alpha:.0%}", power=f"{power:.0%}",
                           mde_pp=_cite(mde, mde_name, "mde_pp", arm)))
    return out


def power_checks(mde: pd.DataFrame, *, mde_name: str, outcome: str, control: object, alpha: float = 0.05,
                 power: float = 0.8, label: Label | None = None, language: str | None = None) -> list[Check]:
    """Per arm: a lift that is not significant with a minimum detectable lift above the observed one
    is unknown, not zero (``warn``); otherwise ``pass``."""
    out = []
    for arm, r in mde.iterrows():
        key = f"{slug(outcome)}_{slug(arm)}"
        weak = not bool(r["significant"])
        out.append(Check(f"power_{key}", "power", "warn" if weak else "pass",
                         "channels.check.power" if weak else "channels.check.power_pass",
                         affects=[f"lift_{key}", f"mde_{key}"], arm=_word(label, arm), control=_word(label, control),
                         outcome=_word(label, outcome),
                         alpha=f"{alpha:.0%}", power=f"{power:.0%}", mde_pp=_cite(mde, mde_name, "mde_pp", arm),
                         lift_pp=_cite(mde, mde_name, "lift_pp", arm)))
    return out


def incremental_findings(inc: pd.DataFrame, *, table: str, control: object, currency: str,
                         label: Label | None = None, language: str | None = None) -> list[Finding]:
    """For each arm of :func:`analysis.channels.incremental_revenue`: its incremental profit per contact
    with the interval and what the interval says (``verdict``); ROI is stated as a number only for
    an arm whose profit interval lies above zero, otherwise only its interval."""
    out = []
    for i, r in inc.iterrows():
        verdict = r["verdict"]
        has_roi = _finite(inc, i, "roi", "roi_ci_low", "roi_ci_high")
        key = f"channels.text.profit_{verdict}" + ("" if has_roi else "_no_cost")
        fields = dict(arm=_word(label, r["arm"]), control=_word(label, control), currency=currency,
                      profit=_cite(inc, table, "incremental_profit", i), lo=_cite(inc, table, "profit_ci_low", i),
                      hi=_cite(inc, table, "profit_ci_high", i), inc=_cite(inc, table, "estimate", i),
                      margin=_cite(inc, table, "margin_on_revenue", i))
        if has_roi:
            fields.update(roi=_cite(inc, table, "roi", i), roi_lo=_cite(inc, table, "roi_ci_low", i),
                          roi_hi=_cite(inc, table, "roi_ci_high", i))
        out.append(Finding(f"profit_{slug(r['arm'])}", key, checks=[f"roi_{slug(r['arm'])}"], **fields))
    return out


def roi_checks(inc: pd.DataFrame, *, table: str, label: Label | None = None,
               language: str | None = None) -> list[Check]:
    """Per arm (``sample_size``): does the profit interval exclude zero? When it spans zero the sample
    cannot tell whether the arm pays, and no ROI is stated as a number."""
    out = []
    for i, r in inc.iterrows():
        spans = r["verdict"] == "uncertain"
        out.append(Check(f"roi_{slug(r['arm'])}", "sample_size", "warn" if spans else "pass",
                         "channels.check.roi_spans_zero" if spans else "channels.check.roi_pass",
                         affects=[f"profit_{slug(r['arm'])}"], arm=_word(label, r["arm"]),
                         lo=_cite(inc, table, "profit_ci_low", i), hi=_cite(inc, table, "profit_ci_high", i)))
    return out


# --- adjusted comparison, balance ------------------------------------------------------------------------------

def adjusted_findings(result: AdjustedComparison, outcome: str, *, table: str, effects: pd.DataFrame | None = None,
                      binary: bool, currency: str = "", label: Label | None = None,
                      language: str | None = None) -> list[Finding]:
    """For each group: its unadjusted and adjusted difference from the reference with the interval;
    for a rate in percentage points (``effects``, the table as written, needs the ``*_pp`` columns of
    :func:`analysis.channels.points`), else in *currency*. A group whose adjusted estimate was
    withheld (no finite estimate) gets no sentence."""
    e = result.effects if effects is None else effects
    suffix = "_pp" if binary else ""
    covariates = join_words(_word(label, c) for c in result.covariates)
    out = []
    for i, r in e.iterrows():
        cols = [f"{c}{suffix}" for c in ("unadjusted", "estimate", "ci_low", "ci_high")]
        if not _finite(e, i, *cols):
            continue
        raw, adj, lo, hi = (_cite(e, table, c, i) for c in cols)
        out.append(Finding(f"adjusted_{slug(outcome)}_{slug(r['group'])}",
                           "channels.text.adjusted_pp" if binary else "channels.text.adjusted",
                           checks=["covariate_balance", f"separation_{slug(outcome)}"],
                           group=_word(label, r["group"]), reference=_word(label, result.reference),
                           outcome=_word(label, outcome), covariates=covariates, currency=currency,
                           raw=raw, adj=adj, lo=lo, hi=hi))
        if r["unadjusted_ci_low"] * r["unadjusted_ci_high"] > 0:  # a raw difference to survive or vanish
            holds = r["ci_low"] * r["ci_high"] > 0
            unit = msg("channels.unit.pp", language=language) if binary else currency
            out.append(Finding(f"adjusted_{slug(outcome)}_{slug(r['group'])}_verdict",
                               "channels.text.adjusted_survives" if holds else "channels.text.adjusted_vanishes",
                               checks=["covariate_balance", f"separation_{slug(outcome)}"],
                               group=_word(label, r["group"]), reference=_word(label, result.reference),
                               outcome=_word(label, outcome), unit=unit, raw=raw, adj=adj, lo=lo, hi=hi))
    return out


def adjusted_checks(result: AdjustedComparison, outcome: str, *, table: str, label: Label | None = None,
                    language: str | None = None) -> list[Check]:
    """Separation in the adjusted regression (the ``separation`` column of the effects, when the
    comparison reports one): ``warn`` naming the groups and the method used."""
    e = result.effects
    if "separation" not in e.columns:
        return []
    flagged = e.index[e["separation"].astype(str).str.lower().isin(["none", "false", "", "nan"]) == False]  # noqa: E712
    affects = [f"adjusted_{slug(outcome)}_{slug(g)}" for g in e["group"]]
    n = Cite(len(flagged), table=table, column="estimate", agg="count",  # a numeric column: rows are counted
             where={"separation": sorted({str(v) for v in e.loc[flagged, "separation"]})})
    if not len(flagged):
        return [Check(f"separation_{slug(outcome)}", "separation", "pass", "channels.check.separation_pass",
                      affects=affects, outcome=_word(label, outcome), n=n)]
    methods = "; ".join(msg(f"channels.method.{m}", language=language)
                        for m in sorted({str(m) for m in e.loc[flagged, "method"]}))
    return [Check(f"separation_{slug(outcome)}", "separation", "warn", "channels.check.separation",
                  affects=affects, outcome=_word(label, outcome), n=n, method=methods,
                  groups=join_words(_word(label, g) for g in e.loc[flagged, "group"]))]


def _covariate(row: pd.Series, label: Label | None, language: str | None) -> str:
    if not row["value"] or pd.isna(row["value"]):
        return _word(label, row["covariate"])
    return msg("channels.label.level", language=language, covariate=_word(label, row["covariate"]),
               value=escape_markdown(row["value"]))


def balance_check(balance: pd.DataFrame, *, table: str, control: object, affects: Sequence[str] = (),
                  label: Label | None = None, language: str | None = None) -> Check:
    """Covariate balance between the arms (``overlap``): the largest |standardized difference| of
    :func:`analysis.channels.covariate_balance`; above 0.1 the arms differ in customer mix."""
    worst = balance["abs_smd"].idxmax()
    words = dict(covariate=_covariate(balance.loc[worst], label, language),
                 arm=_word(label, balance.loc[worst, "arm"]), control=_word(label, control))
    if not np.isfinite(balance.loc[worst, "abs_smd"]):
        return Check("covariate_balance", "overlap", "warn", "channels.check.no_overlap", affects=affects, **words)
    largest = Cite(balance.loc[worst, "abs_smd"], table=table, column="abs_smd", agg="max")
    bad = balance.loc[worst, "abs_smd"] > SMD_LIMIT
    return Check("covariate_balance", "overlap", "warn" if bad else "pass",
                 "channels.check.balance" if bad else "channels.check.balance_pass", affects=affects,
                 smd=largest, limit=f"{SMD_LIMIT}", **words)


# --- economics -------------------------------------------------------------------------------------------------

def economics_findings(eco: pd.DataFrame, *, table: str, currency: str, max_months: int = 24,
                       label: Label | None = None, language: str | None = None) -> list[Finding]:
    """Best and worst first-year value-to-cost ratio with what the ROI interval says of the worst
    (``verdict``), then each channel's payback month."""
    best, worst = eco.index[0], eco.index[-1]
    verdict = eco.loc[worst, "verdict"] if "verdict" in eco.columns else "uncertain"
    out = [Finding("economics", f"channels.text.economics_{verdict}", best=_word(label, best),
                   worst=_word(label, worst), currency=currency,
                   best_ratio=_cite(eco, table, "value_to_cost", best),
                   best_value=_cite(eco, table, "first_year_value", best), best_cac=_cite(eco, table, "cac", best),
                   worst_ratio=_cite(eco, table, "value_to_cost", worst))]
    for channel, r in eco.iterrows():
        if pd.notna(r["payback_months"]):
            out.append(Finding(f"payback_{slug(channel)}", "channels.text.payback", channel=_word(label, channel),
                               months=_cite(eco, table, "payback_months", channel)))
        else:
            out.append(Finding(f"payback_{slug(channel)}", "channels.text.no_payback",
                               channel=_word(label, channel), months=str(max_months)))
    return out


def horizon_table(weeks: float, clv_weeks: float) -> pd.DataFrame:
    """The two valuation horizons, in weeks: this notebook's and notebook 02's."""
    return pd.DataFrame({"horizon_weeks": [float(weeks), float(clv_weeks)]},
                        index=pd.Index(["04_channel_comparison", "02_clv"], name="notebook"))


def lifetime_findings(life: pd.DataFrame, eco: pd.DataFrame | None, *, table: str, horizons: pd.DataFrame,
                      horizons_name: str, currency: str, label: Label | None = None,
                      language: str | None = None) -> list[Finding]:
    """Lifetime value / CAC of the best and worst channel (interval, parts, P(best)); whether the
    ranking differs from the first-year one; the horizon against notebook 02's; the bound on what
    parameter uncertainty adds (left out when unknown)."""
    best, worst = life.index[0], life.index[-1]
    weeks = _cite(horizons, horizons_name, "horizon_weeks", "04_channel_comparison")
    clv_weeks = _cite(horizons, horizons_name, "horizon_weeks", "02_clv")
    same_horizon = weeks.value == clv_weeks.value
    checks = ["clv_standard_errors", "horizon"]
    out = [Finding("horizon", "channels.text.horizon_same" if same_horizon else "channels.text.horizon_differs",
                   checks=["horizon"], weeks=weeks, clv_weeks=clv_weeks)]
    interval = _finite(life, best, "value_to_cost_ci_low", "value_to_cost_ci_high", "p_best")
    fields = dict(best=_word(label, best), worst=_word(label, worst), currency=currency, weeks=weeks,
                  ratio=_cite(life, table, "value_to_cost", best),
                  to_date=_cite(life, table, "value_to_date", best),
                  residual=_cite(life, table, "residual_value", best), cac=_cite(life, table, "cac", best),
                  worst_ratio=_cite(life, table, "value_to_cost", worst))
    if interval:
        fields.update(lo=_cite(life, table, "value_to_cost_ci_low", best),
                      hi=_cite(life, table, "value_to_cost_ci_high", best), p_best=_cite(life, table, "p_best", best))
    out.append(Finding("lifetime", "channels.text.lifetime" if interval else "channels.text.lifetime_no_interval",
                       checks=checks, **fields))
    if eco is not None and len(eco):
        same = list(life.index) == list(eco.index)
        out.append(Finding("lifetime_ranking", "channels.text.lifetime_same" if same else
                           "channels.text.lifetime_changed", checks=checks, best=_word(label, best),
                           first_year_best=_word(label, eco.index[0]), weeks=weeks))
    bound = life["residual_param_se_bound"].max()
    if np.isfinite(bound):
        out.append(Finding("lifetime_note", "channels.text.lifetime_note", checks=checks, currency=currency,
                           bound=Cite(bound, table=table, column="residual_param_se_bound", agg="max")))
    return out


def horizon_check(horizons: pd.DataFrame, *, horizons_name: str, language: str | None = None) -> Check:
    """``consistency``: does this notebook value customers over notebook 02's horizon? When a study sets
    them apart, the two notebooks' rankings can differ and neither page is wrong."""
    weeks = _cite(horizons, horizons_name, "horizon_weeks", "04_channel_comparison")
    clv_weeks = _cite(horizons, horizons_name, "horizon_weeks", "02_clv")
    same = weeks.value == clv_weeks.value
    return Check("horizon", "consistency", "pass" if same else "warn",
                 "channels.check.horizon_pass" if same else "channels.check.horizon",
                 affects=["horizon", "lifetime", "lifetime_ranking"], weeks=weeks, clv_weeks=clv_weeks)


def params_table(params: pd.DataFrame) -> pd.DataFrame:
    """``ChannelCLV.params`` with ``std_error_finite`` (is the parameter's standard error a number?)."""
    return params.assign(std_error_finite=np.isfinite(params["std_error"].to_numpy(float)))


def clv_errors_check(params: pd.DataFrame, *, table: str, language: str | None = None) -> Check:
    """``convergence``: every fitted BG/NBD and Gamma-Gamma parameter has a finite standard error
    (a missing one means the fit's information matrix is singular: the model is not identified on
    that channel's data and its intervals are not to be trusted)."""
    missing = int((~params["std_error_finite"]).sum())
    n = Cite(len(params), table=table, column="std_error", agg="count")
    bad = Cite(missing, table=table, column="std_error", agg="count", where={"std_error_finite": False})
    return Check("clv_standard_errors", "convergence", "warn" if missing else "pass",
                 "channels.check.clv_errors" if missing else "channels.check.clv_errors_pass",
                 affects=["lifetime", "lifetime_ranking", "lifetime_note"], n=n, missing=bad)


def lifecycle_table(rules) -> pd.DataFrame:
    """The lifecycle rules the contacts' stages follow (``rule`` -> ``value``), for the sentence to cite."""
    return pd.DataFrame({"value": [int(v) for v in rules.values()]}, index=pd.Index(list(rules), name="rule"))


def lifecycle_finding(table: pd.DataFrame, *, name: str, language: str | None = None) -> Finding:
    """Which lifecycle definition the contacts' stages follow (the study's, as in notebook 01)."""
    return Finding("lifecycle", "channels.text.lifecycle",
                   **{rule: _cite(table, name, "value", rule) for rule in
                      ("new_days", "at_risk_days", "lost_days", "loyal_purchases")})


def skipped_check(table: str, *, language: str | None = None) -> Check:
    """``not_run`` (``data_quality``): the study has no *table*, so the analyses that need it did not run."""
    return Check(f"skipped_{slug(table)}", "data_quality", "not_run", "channels.check.skipped",
                 table=escape_markdown(table))


def attribution_skipped(language: str | None = None) -> str:
    """Why the attribution section shows nothing: the study has no ``paths`` table (nor ``paths_file``)."""
    return msg("channels.text.attribution_skipped", language=language)


def usable_columns(frame: pd.DataFrame | None, *, table: str = "channel_outcomes",
                   **parameters) -> tuple[dict, list[Check]]:
    """Parameters naming columns of *frame*, with ``""`` read as None and absent columns dropped.

    Each parameter is a column name, a list of them, or None. A name the table lacks
    (a default that does not fit this study; the runner refuses a *given* one) is
    dropped, and a ``not_run`` check says which part is skipped and what to write
    instead. Returns ``(parameters, checks)``; with no *frame* the parameters come back
    unchanged (the page has nothing to compare).

    Examples
    --------
    >>> import pandas as pd
    >>> kept, gaps = usable_columns(pd.DataFrame({"y": [1]}), outcome="y", covariates=["age", "y"], cost="")
    >>> kept, [g.key for g in gaps]
    ({'outcome': 'y', 'covariates': ['y'], 'cost': None}, ['absent_covariates'])
    """
    kept, checks = {}, []
    for name, value in parameters.items():
        many = isinstance(value, (list, tuple)) or name in LIST_PARAMETERS  # None -> [] for these
        names = [v for v in (value if isinstance(value, (list, tuple)) else [value]) if v not in (None, "")]
        absent = [v for v in names if frame is not None and v not in frame.columns]
        present = [v for v in names if v not in absent]
        kept[name] = present if many else (present[0] if present else None)
        if absent:
            checks.append(Check(f"absent_{slug(name)}", "data_quality", "not_run", "channels.check.absent_columns",
                                parameter=name, columns=", ".join(escape_markdown(str(a)) for a in absent),
                                table=table))
    return kept, checks


def spend_skip(frame: pd.DataFrame, channel: str, outcome: str, *, language: str | None = None) -> Check | None:
    """A ``not_run`` check when a channel has fewer than two buyers (spend above zero), so spend among
    buyers cannot be compared (:func:`analysis.channels.compare_spend` needs two per group); else None."""
    buyers = (pd.to_numeric(frame[outcome], errors="coerce") > 0).groupby(frame[channel]).sum()
    few = [str(c) for c in buyers.index[buyers < 2]]
    if not few:
        return None
    return Check(f"spend_few_buyers_{slug(outcome)}", "small_groups", "not_run", "channels.check.spend_few_buyers",
                 outcome=escape_markdown(str(outcome)), groups=join_words(escape_markdown(c) for c in few))


def economics_skip(customers: pd.DataFrame | None, transactions: pd.DataFrame | None, *,
                   channel: str | None, language: str | None = None) -> Check | None:
    """Why channel economics cannot run on this study (a ``not_run`` check), or None when they can:
    they need customers with an acquisition channel and cost, and transactions with amounts (money)."""
    if customers is None or not channel or not {channel, "acquisition_cost"} <= set(customers.columns):
        reason = "customers"
    elif transactions is None:
        reason = "transactions"
    elif "amount" not in transactions.columns:
        reason = "amount"
    else:
        return None
    return Check("economics_skipped", "data_quality", "not_run", f"channels.check.economics_skipped.{reason}",
                 affects=["economics", "lifetime"], channel=escape_markdown(str(channel or "")))


# --- attribution -----------------------------------------------------------------------------------------------

ATTRIBUTION_RULES = ("first_touch", "last_touch", "linear", "time_decay", "markov")


def attribution_shares_table(table: pd.DataFrame) -> pd.DataFrame:
    """Each rule's and the Markov chain's share of all conversions per channel, the Markov share's
    bootstrap interval and its width, and ``markov_minus_last_touch_pp`` (percentage points), sorted
    by the Markov share."""
    shares = table[list(ATTRIBUTION_RULES)] / table[list(ATTRIBUTION_RULES)].sum()
    shares["markov_minus_last_touch_pp"] = 100 * (shares["markov"] - shares["last_touch"])
    if "share_ci_low" in table.columns:
        shares = shares.assign(share_ci_low=table["share_ci_low"], share_ci_high=table["share_ci_high"],
                               share_ci_width=table["share_ci_high"] - table["share_ci_low"])
    return shares.sort_values("markov", ascending=False, kind="mergesort")


def attribution_findings(table: pd.DataFrame, shares: pd.DataFrame, *, table_name: str, shares_name: str,
                         label: Label | None = None, language: str | None = None) -> list[Finding]:
    """The channel the Markov chain credits most (conversions, share, removal effect), and the channel
    whose share moves most between last touch (the default of most reporting tools) and the chain."""
    top = shares.index[0]
    moved = shares["markov_minus_last_touch_pp"].abs().idxmax()
    checks = ["attribution_single_touch", "attribution_bootstrap"]
    return [
        Finding("attribution_top", "channels.text.attribution_top", checks=checks, channel=_word(label, top),
                conversions=_cite(table, table_name, "markov", top), share=_cite(shares, shares_name, "markov", top),
                removal=_cite(table, table_name, "removal_effect", top)),
        Finding("attribution_shift", "channels.text.attribution_shift", checks=checks, channel=_word(label, moved),
                last=_cite(shares, shares_name, "last_touch", moved),
                markov=_cite(shares, shares_name, "markov", moved),
                diff_pp=_cite(shares, shares_name, "markov_minus_last_touch_pp", moved)),
    ]


def attribution_checks(shares: pd.DataFrame, lengths: pd.DataFrame, *, shares_name: str, lengths_name: str,
                       label: Label | None = None, language: str | None = None) -> list[Check]:
    """One-touch journeys (``data_quality``: on them every rule agrees, so a large share of such
    conversions hides differences) and the width of the Markov shares' bootstrap intervals
    (``sample_size``; ``not_run`` without a bootstrap)."""
    affects = ["attribution_top", "attribution_shift"]
    single = float(lengths["conversions"].get(1, 0.0))
    total = float(lengths["conversions"].sum())
    fields = dict(single=Cite(single, table=lengths_name, column="conversions", agg="sum", where={"touches": 1}),
                  total=Cite(total, table=lengths_name, column="conversions", agg="sum"))
    many = total > 0 and single / total > SINGLE_TOUCH_LIMIT
    out = [Check("attribution_single_touch", "data_quality", "warn" if many else "pass",
                 "channels.check.single_touch" if many else "channels.check.single_touch_pass", affects=affects,
                 limit=f"{SINGLE_TOUCH_LIMIT:.0%}", **fields)]
    if "share_ci_width" not in shares.columns:
        out.append(Check("attribution_bootstrap", "sample_size", "not_run", "channels.check.bootstrap_not_run"))
        return out
    widest = shares["share_ci_width"].idxmax()
    wide = float(shares.loc[widest, "share_ci_width"]) > SHARE_WIDTH_LIMIT
    out.append(Check("attribution_bootstrap", "sample_size", "warn" if wide else "pass",
                     "channels.check.bootstrap_wide" if wide else "channels.check.bootstrap_pass", affects=affects,
                     channel=_word(label, widest), width=_cite(shares, shares_name, "share_ci_width", widest),
                     limit=f"{SHARE_WIDTH_LIMIT:.0%}"))
    return out
