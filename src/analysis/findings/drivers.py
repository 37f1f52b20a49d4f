"""Findings and checks of the satisfaction-drivers analysis (notebook 03).

Each builder takes a table exactly as the notebook writes it (``out.table(name, df)``)
and returns a :class:`~analysis.findings.Finding` or :class:`~analysis.findings.Check`
whose every number cites a cell of that table (or of another written table named
in the call), so :func:`~analysis.findings.verify_outputs` can recompute it. Names
of attributes and outcomes are shown through ``label`` (the study's display label,
default the name) and escaped for Markdown.

Small settings and totals a sentence needs (the confidence level, the alpha floor,
the respondent count) are cited from a one-column table built by :func:`facts`.

Examples
--------
>>> import pandas as pd
>>> rel = pd.DataFrame({"alpha": [0.85, 0.62], "reliable": [True, False]},
...                    index=pd.Index(["speed", "staff"], name="construct"))
>>> settings = facts(alpha_threshold=0.7)
>>> reliability_finding(rel, settings).text()
"1 of 2 constructs reach Cronbach's alpha 0.7 or more (lowest: staff, alpha 0.62)."
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from analysis.findings.core import Check, Cite, Finding
from analysis.messages import escape_markdown, join_words, msg

__all__ = [
    "agreement_check", "collinearity_check", "effects_finding", "facts", "gap_finding", "indirect_check", "group_finding", "improve_findings",
    "index_finding", "index_group_finding", "index_scales_check", "index_weights_check", "ipma_finding", "loyalty_checks", "loyalty_fit", "loyalty_finding", "note", "pls_finding", "regression_finding", "reliability_check",
    "reliability_finding", "residuals_check", "sample_size_check", "significance", "small_groups_check",
    "stated_findings", "survey_finding", "top_driver_finding",
]

Label = Callable[[str], str]


def _name(label: Label | None, name: object) -> str:
    return escape_markdown(label(str(name)) if label is not None else str(name))


def facts(**values: object) -> pd.DataFrame:
    """A one-column table (index ``fact``, column ``value``) of settings or totals a sentence cites.

    Examples
    --------
    >>> facts(level=0.95, respondents=1200)["value"].tolist()
    [0.95, 1200]
    """
    return pd.DataFrame({"value": pd.Series(list(values.values()), dtype=object).to_numpy()},
                        index=pd.Index(list(values), name="fact"))


def _fact(table: pd.DataFrame, name: str, row: str) -> Cite:
    return Cite(table.loc[row, "value"], table=name, column="value", row=row)


def note(check: Check) -> str:
    """What a failed check says, for the page right next to the table it concerns; ``""`` when it passed.

    Examples
    --------
    >>> rel = pd.DataFrame({"alpha": [0.62], "reliable": [False]}, index=pd.Index(["staff"], name="construct"))
    >>> note(reliability_check(rel, facts(alpha_threshold=0.7)))[:50]
    '**Check warns (scale reliability):** 1 of 1 constr'
    """
    if not check.failed:
        return ""
    kind = msg(f"findings.kind.{check.kind}")
    return msg("findings.weakened_note", label=msg(f"findings.status.{check.status}.label", kind=kind), text=check.text())


def significance(summary: pd.DataFrame, alpha: float) -> pd.DataFrame:
    """``summary`` (an estimate table) with ``significant``: ``p_value < alpha``.

    Examples
    --------
    >>> significance(pd.DataFrame({"p_value": [0.01, 0.2]}, index=["a", "b"]), 0.05)["significant"].tolist()
    [True, False]
    """
    return summary.assign(significant=summary["p_value"] < alpha)


def survey_finding(size: pd.DataFrame, drivers, *, label: Label | None = None,
                   table: str = "survey_size") -> Finding:
    """How many respondents the survey has, how many the models use, and the drivers."""
    return Finding("survey", "drivers.finding.survey", n=_fact(size, table, "respondents"),
                   n_used=_fact(size, table, "respondents_used"),
                   drivers=join_words(_name(label, d) for d in drivers))


def _lowest(rel: pd.DataFrame, table: str, label: Label | None) -> dict:
    low = rel["alpha"].idxmin()
    return {"low_name": _name(label, low), "low_alpha": Cite(rel.loc[low, "alpha"], table=table, column="alpha", row=low)}


def reliability_finding(rel: pd.DataFrame, settings: pd.DataFrame, *, label: Label | None = None,
                        table: str = "reliability", settings_table: str = "settings") -> Finding:
    """How many constructs reach the alpha floor, and the lowest alpha."""
    return Finding("reliability", "drivers.finding.reliability", checks=["reliability"],
                   n_ok=Cite(int(rel["reliable"].sum()), table=table, column="alpha", agg="count",
                             where={"reliable": True}),
                   n=Cite(len(rel), table=table, column="alpha", agg="count"),
                   threshold=_fact(settings, settings_table, "alpha_threshold"), **_lowest(rel, table, label))


def reliability_check(rel: pd.DataFrame, settings: pd.DataFrame, *, affects=(), label: Label | None = None,
                      table: str = "reliability", settings_table: str = "settings") -> Check:
    """Scale reliability: ``warn`` when any construct's alpha is below the floor."""
    n_low = int((~rel["reliable"]).sum())
    return Check("reliability", "reliability", "warn" if n_low else "pass",
                 f"drivers.check.reliability_{'warn' if n_low else 'pass'}", affects=affects,
                 n_low=Cite(n_low, table=table, column="alpha", agg="count", where={"reliable": False}),
                 n=Cite(len(rel), table=table, column="alpha", agg="count"),
                 threshold=_fact(settings, settings_table, "alpha_threshold"), **_lowest(rel, table, label))


def regression_finding(reg: pd.DataFrame, diagnostics: pd.DataFrame, settings: pd.DataFrame, *, outcome: str,
                       label: Label | None = None, table: str = "regression",
                       diagnostics_table: str = "regression_diagnostics",
                       settings_table: str = "settings") -> Finding:
    """R² of the key-driver regression and the reading of its largest coefficient.

    ``reg`` is ``significance(KeyDriverRegression.summary(), alpha)``; ``diagnostics`` its
    ``diagnostics().to_frame("value")``.
    """
    terms = reg.drop(index="const", errors="ignore")
    top = terms["std_coef"].abs().idxmax()
    cell = {k: Cite(terms.loc[top, c], table=table, column=c, row=top)
            for k, c in (("estimate", "estimate"), ("low", "ci_low"), ("high", "ci_high"))}
    n = Cite(int(diagnostics.loc["n", "value"]), table=diagnostics_table, column="value", row="n")
    return Finding("regression", "drivers.finding.regression", checks=["collinearity", "sample_size"],
                   r2=_fact(diagnostics, diagnostics_table, "r2"), n=n,
                   outcome=_name(label, outcome), top=_name(label, top), **cell,
                   n_sig=Cite(int(terms["significant"].sum()), table=table, column="estimate", agg="count",
                              where={"significant": True, "term": [str(t) for t in terms.index]}),
                   k=Cite(len(terms), table=table, column="estimate", agg="count",
                          where={"term": [str(t) for t in terms.index]}),
                   level=_fact(settings, settings_table, "level"))


def collinearity_check(reg: pd.DataFrame, settings: pd.DataFrame, *, affects=("regression",),
                       table: str = "regression", settings_table: str = "settings") -> Check:
    """Collinearity of the attributes: ``warn`` when the largest VIF exceeds the threshold."""
    max_vif = float(reg["vif"].max())
    bad = max_vif > float(settings.loc["vif_threshold", "value"])
    return Check("collinearity", "collinearity", "warn" if bad else "pass",
                 f"drivers.check.collinearity_{'warn' if bad else 'pass'}", affects=affects,
                 max_vif=Cite(max_vif, table=table, column="vif", agg="max"),
                 threshold=_fact(settings, settings_table, "vif_threshold"))


def residuals_check(diagnostics: pd.DataFrame, settings: pd.DataFrame, *, table: str = "regression_diagnostics"
                    ) -> Check:
    """Residual variance of the regression (Breusch-Pagan); robust errors make it a pass either way."""
    p = float(diagnostics.loc["breusch_pagan_p", "value"])
    hetero = p < 1 - float(settings.loc["level", "value"])
    return Check("regression_residuals", "model_fit", "pass",
                 f"drivers.check.residuals_{'hetero' if hetero else 'ok'}",
                 bp_p=_fact(diagnostics, table, "breusch_pagan_p"))


def sample_size_check(size: pd.DataFrame, settings: pd.DataFrame, *, affects=(), table: str = "survey_size",
                      settings_table: str = "settings") -> Check:
    """Respondents per attribute against the usual floor (``settings`` row ``per_attribute_needed``)."""
    low = float(size.loc["respondents_per_driver", "value"]) < float(settings.loc["per_attribute_needed", "value"])
    return Check("sample_size", "sample_size", "warn" if low else "pass",
                 f"drivers.check.sample_size_{'warn' if low else 'pass'}", affects=affects,
                 n=_fact(size, table, "respondents_used"), k=_fact(size, table, "drivers"),
                 per=_fact(size, table, "respondents_per_driver"),
                 need=_fact(settings, settings_table, "per_attribute_needed"))


def small_groups_check(by_group: pd.DataFrame, size: pd.DataFrame, settings: pd.DataFrame, *, group: str,
                       label: Label | None = None, affects=("group_test",), table: str = "regression_by_group",
                       settings_table: str = "settings") -> Check:
    """The smallest group's respondents against the per-attribute floor (written ``regression_by_group``)."""
    n_min = int(by_group["n"].min())
    need = float(settings.loc["per_attribute_needed", "value"]) * float(size.loc["drivers", "value"])
    low = n_min < need
    return Check("small_groups", "small_groups", "warn" if low else "pass",
                 f"drivers.check.small_groups_{'warn' if low else 'pass'}", affects=affects,
                 group=_name(label, group), n_min=Cite(n_min, table=table, column="n", agg="min"),
                 need=_fact(settings, settings_table, "per_attribute_needed"))


def group_finding(test: pd.DataFrame, settings: pd.DataFrame, *, group: str, label: Label | None = None,
                  table: str = "group_test") -> Finding:
    """Whether the attribute effects differ between groups (the robust Wald test)."""
    row = test.index[0]
    differ = float(test.loc[row, "p_value"]) < 1 - float(settings.loc["level", "value"])
    return Finding("group_test", f"drivers.finding.group_test_{'differ' if differ else 'same'}",
                   checks=["small_groups"], group=_name(label, group),
                   **{k: Cite(test.loc[row, c], table=table, column=c, row=row)
                      for k, c in (("stat", "stat"), ("df", "df"), ("p", "p_value"))})


def top_driver_finding(importance: pd.DataFrame, settings: pd.DataFrame, *, outcome: str,
                       label: Label | None = None, table: str = "relative_importance",
                       settings_table: str = "settings") -> Finding:
    """The strongest driver by share of R², with its interval and how sure its first rank is."""
    top = importance["share"].idxmax()
    sure = int(importance.loc[top, "rank_high"]) == 1
    cells = {k: Cite(importance.loc[top, c], table=table, column=c, row=top)
             for k, c in (("share", "share"), ("low", "share_low"), ("high", "share_high"),
                          ("rank_low", "rank_low"), ("rank_high", "rank_high"))}
    return Finding("top_driver", "drivers.finding.top_driver" + ("" if sure else "_uncertain"),
                   checks=["sample_size", "reliability"], top=_name(label, top), outcome=_name(label, outcome),
                   level=_fact(settings, settings_table, "level"), **cells)


def _clearest(loyal: pd.DataFrame) -> str:
    terms = loyal.drop(index="const", errors="ignore")
    return terms["p_value"].idxmin()


def _odds(loyal: pd.DataFrame, term: str, table: str, suffix: str = "") -> dict:
    return {f"odds_ratio{suffix}": Cite(loyal.loc[term, "odds_ratio"], table=table, column="odds_ratio", row=term),
            f"p{suffix}": Cite(loyal.loc[term, "p_value"], table=table, column="p_value", row=term)}


def loyalty_finding(loyal: pd.DataFrame, fit: pd.DataFrame, settings: pd.DataFrame, *, outcome: str,
                    higher_is_better: bool, label: Label | None = None, table: str = "loyalty_model",
                    fit_table: str = "loyalty_fit", settings_table: str = "settings") -> Finding:
    """The reading of the loyalty model: its clearest effect, with the direction that is good.

    ``loyal`` is ``significance(model.summary(), alpha)``; ``fit`` the model's
    ``diagnostics().to_frame("value")``. ``higher_is_better`` says whether the outcome's
    value 1 (or a higher rating) is the good one (False for churn).
    """
    model = "ordinal" if "const" not in loyal.index else "logistic"
    term = _clearest(loyal)
    terms = [str(t) for t in loyal.index if t != "const"]
    return Finding("loyalty", f"drivers.finding.loyalty_{'good' if higher_is_better else 'bad'}",
                   checks=["loyalty_convergence", "separation", "events"],
                   model=msg(f"drivers.model.{model}"), outcome=_name(label, outcome), clearest=_name(label, term),
                   n=_fact(fit, fit_table, "n"), **_odds(loyal, term, table),
                   low=Cite(loyal.loc[term, "or_low"], table=table, column="or_low", row=term),
                   high=Cite(loyal.loc[term, "or_high"], table=table, column="or_high", row=term),
                   n_sig=Cite(int(loyal.loc[terms, "significant"].sum()), table=table, column="p_value", agg="count",
                              where={"significant": True, "term": terms}),
                   k=Cite(len(terms), table=table, column="p_value", agg="count", where={"term": terms}),
                   level=_fact(settings, settings_table, "level"))


def loyalty_checks(fit: pd.DataFrame, settings: pd.DataFrame, *, outcome: str, ordinal: bool,
                   label: Label | None = None, affects=("loyalty",), table: str = "loyalty_fit") -> list[Check]:
    """Convergence, separation and events per attribute of the loyalty model."""
    name = _name(label, outcome)
    model = msg(f"drivers.model.{'ordinal' if ordinal else 'logistic'}")
    converged = str(fit.loc["converged", "value"]) == "True"
    n_extreme = int(fit.loc["n_extreme", "value"])
    few = float(fit.loc["events_per_driver", "value"]) < float(settings.loc["events_per_attribute_needed", "value"])
    return [
        Check("loyalty_convergence", "convergence", "pass" if converged else "fail",
              f"drivers.check.loyalty_{'converged' if converged else 'not_converged'}", affects=affects,
              model=model, outcome=name, converged=Cite(converged, table=table, column="value", row="converged")),
        Check("separation", "separation", "warn" if n_extreme else "pass",
              f"drivers.check.separation_{'warn' if n_extreme else 'pass'}", affects=affects, outcome=name,
              n_extreme=_fact(fit, table, "n_extreme")),
        Check("events", "sample_size", "warn" if few else "pass", f"drivers.check.events_{'warn' if few else 'pass'}",
              affects=affects, outcome=name, n_events=_fact(fit, table, "n_events"),
              per=_fact(fit, table, "events_per_driver")),
    ]


def agreement_check(key: str, ranked: pd.DataFrame, loyal: pd.DataFrame, settings: pd.DataFrame, *, source: str,
                    behaviour: str, affects=(), label: Label | None = None, ranked_table: str,
                    table: str = "loyalty_model", settings_table: str = "settings") -> Check:
    """Do the improve-first list (``ranked``, by ``priority_rank``) and the loyalty model agree?

    ``pass`` when the list's first attribute is the loyalty model's clearest effect and
    significant; ``warn`` when it is the clearest effect but not significant (``weak``),
    when it is not significant and another attribute is clearer (``disagree``), or when
    another attribute is clearer (``differ``). ``source`` and ``behaviour`` are the outcomes the
    two rest on (names, shown through ``label``).
    """
    first = ranked["priority_rank"].idxmin()
    clearest = _clearest(loyal)
    significant = bool(loyal.loc[first, "significant"])
    kind = ("differ" if first != clearest else "agree") if significant else "weak" if first == clearest else "disagree"
    fields = {"first": _name(label, first), "source": _name(label, source), "behaviour": _name(label, behaviour),
              "rank": Cite(int(ranked.loc[first, "priority_rank"]), table=ranked_table, column="priority_rank",
                           row=first), **_odds(loyal, first, table)}
    if kind in ("differ", "disagree"):
        fields.update(clearest=_name(label, clearest), **_odds(loyal, clearest, table, "_clearest"))
    if kind in ("weak", "disagree"):
        fields.update(level=_fact(settings, settings_table, "level"))
    return Check(key, "consistency", "pass" if kind == "agree" else "warn", f"drivers.check.{kind}",
                 affects=affects, **fields)


def gap_finding(gaps: pd.DataFrame, *, label: Label | None = None, table: str = "servqual_gaps") -> Finding:
    """The largest shortfall against expectations and how many dimensions fall short.

    ``gaps`` is the SERVQUAL table as written: indexed by (``level``, ``name``), with ``verdict``.
    """
    dims = gaps.xs("dimension", level="level")
    name = dims["estimate"].idxmin()
    row = ("dimension", name)
    cells = {k: Cite(gaps.loc[row, c], table=table, column=c, row=row)
             for k, c in (("perception", "perception"), ("expectation", "expectation"), ("gap", "estimate"),
                          ("low", "ci_low"), ("high", "ci_high"))}
    return Finding("largest_gap", "drivers.finding.gap", name=_name(label, name), **cells,
                   n_below=Cite(int((dims["verdict"] == "below").sum()), table=table, column="estimate", agg="count",
                                where={"level": "dimension", "verdict": "below"}),
                   n=Cite(len(dims), table=table, column="estimate", agg="count", where={"level": "dimension"}))


def improve_findings(ipa: pd.DataFrame, *, label: Label | None = None, table: str = "importance_performance",
                     checks=()) -> list[Finding]:
    """The improve-first headline (weakened by ``checks``) and one line per attribute (needs the
    bootstrap columns); a line names the quadrant and, with expectations, the gap's verdict."""
    t = ipa.sort_values("priority_rank")
    first = t.index[0]

    def cell(row, column):
        return Cite(t.loc[row, column], table=table, column=column, row=row)

    then = {"names": join_words(_name(label, n) for n in t.index[1:3])} if len(t) > 1 else {}
    out = [Finding("improve_first", "drivers.finding.priority" + ("_then" if then else ""), checks=checks,
                   first=_name(label, first), share=cell(first, "importance"), performance=cell(first, "performance"),
                   p_top=cell(first, "prob_top_priority"), **then)]
    for name in t.index:
        verdict = {"verdict": msg(f"drivers.verdict.{t.loc[name, 'verdict']}")} if "verdict" in t else {}
        out.append(Finding(f"improve_{int(t.loc[name, 'priority_rank'])}",
                           "drivers.finding.improve_item" + ("" if verdict else "_plain"),
                           rank=cell(name, "priority_rank"), name=_name(label, name),
                           quadrant=msg(f"drivers.quadrant.{t.loc[name, 'quadrant']}"), **verdict,
                           **{k: cell(name, c) for k, c in (
                               ("share", "importance"), ("share_low", "importance_low"),
                               ("share_high", "importance_high"), ("performance", "performance"),
                               ("perf_low", "performance_low"), ("perf_high", "performance_high"),
                               ("rank_low", "priority_rank_low"), ("rank_high", "priority_rank_high"))}))
    return out


def pls_finding(quality: pd.DataFrame, fit: pd.DataFrame, *, target: str, label: Label | None = None,
                table: str = "pls_quality", fit_table: str = "pls_fit") -> Finding:
    """How much the PLS path model explains of ``target``, and its goodness of fit."""
    return Finding("pls", "drivers.finding.pls", target=_name(label, target),
                   r2_target=Cite(quality.loc[target, "r2"], table=table, column="r2", row=target),
                   gof=_fact(fit, fit_table, "gof"), n=_fact(fit, fit_table, "n"))


def _effect(effects: pd.DataFrame, key: tuple, column: str, table: str) -> Cite:
    return Cite(effects.loc[key, column], table=table, column=column, row=key)


def effects_finding(effects: pd.DataFrame, settings: pd.DataFrame, *, target: str, label: Label | None = None,
                    table: str = "pls_effects", settings_table: str = "settings") -> Finding:
    """The construct with the largest total effect on ``target``, with its interval and its split into
    direct and indirect effect.

    ``effects`` is ``PLSPathModel.bootstrap_["effects"]`` (index ``from``, ``to``, ``effect``).

    Examples
    --------
    >>> idx = pd.MultiIndex.from_tuples([("Q", "L", "indirect"), ("Q", "L", "total")], names=["from", "to", "effect"])
    >>> eff = pd.DataFrame({"estimate": [0.3, 0.3], "ci_low": [0.2, 0.2], "ci_high": [0.4, 0.4]}, index=idx)
    >>> effects_finding(eff, facts(level=0.95), target="L").text()[:63]
    'Of the constructs that affect L, Q has the largest total effect'
    """
    totals = effects.xs("total", level="effect").xs(target, level="to")
    first = totals["estimate"].abs().idxmax()
    kinds = {k for f, t, k in effects.index if (f, t) == (first, target)}
    variant = "both" if {"direct", "indirect"} <= kinds else "direct" if "direct" in kinds else "indirect"
    key = (first, target, "total")
    parts = {k: _effect(effects, (first, target, k), "estimate", table) for k in ("direct", "indirect") if k in kinds}
    return Finding("pls_effects", f"drivers.finding.effects_{variant}", checks=["pls_indirect"],
                   target=_name(label, target), first=_name(label, first),
                   total=_effect(effects, key, "estimate", table), low=_effect(effects, key, "ci_low", table),
                   high=_effect(effects, key, "ci_high", table), level=_fact(settings, settings_table, "level"),
                   **parts)


def indirect_check(effects: pd.DataFrame, settings: pd.DataFrame, *, label: Label | None = None,
                   table: str = "pls_effects", settings_table: str = "settings") -> Check:
    """Indirect effects: ``warn`` when the interval of one or more includes 0 (the weakest is named).

    ``effects`` as written by notebook 03 (with ``excludes_zero``).
    """
    indirect = effects[effects.index.get_level_values("effect") == "indirect"]
    level = _fact(settings, settings_table, "level")
    if indirect.empty:
        return Check("pls_indirect", "model_fit", "not_run", "drivers.check.indirect_none", affects=["pls_effects"])
    k = Cite(len(indirect), table=table, column="estimate", agg="count", where={"effect": "indirect"})
    weak = indirect[~indirect["excludes_zero"].astype(bool)]
    if weak.empty:
        return Check("pls_indirect", "model_fit", "pass", "drivers.check.indirect_pass", affects=["pls_effects"],
                     k=k, level=level)
    key = weak["estimate"].abs().idxmax()
    return Check("pls_indirect", "model_fit", "warn", "drivers.check.indirect_warn", affects=["pls_effects"],
                 n=Cite(len(weak), table=table, column="estimate", agg="count",
                        where={"effect": "indirect", "excludes_zero": False}),
                 k=k, level=level, source=_name(label, key[0]), target=_name(label, key[1]),
                 estimate=_effect(effects, key, "estimate", table), low=_effect(effects, key, "ci_low", table),
                 high=_effect(effects, key, "ci_high", table))


def ipma_finding(table_df: pd.DataFrame, settings: pd.DataFrame, *, label: Label | None = None,
                 table: str = "ipma", settings_table: str = "settings", checks=()) -> Finding:
    """The construct that matters most per point of performance, and the one to improve first."""
    first = table_df["importance"].idxmax()
    priority = table_df["priority_rank"].idxmin()
    boot = "importance_low" in table_df.columns
    cells = {"gain": Cite(table_df.loc[first, "importance"], table=table, column="importance", row=first),
             "performance": Cite(table_df.loc[first, "performance"], table=table, column="performance", row=first)}
    if boot:
        cells.update(low=Cite(table_df.loc[first, "importance_low"], table=table, column="importance_low", row=first),
                     high=Cite(table_df.loc[first, "importance_high"], table=table, column="importance_high",
                               row=first), level=_fact(settings, settings_table, "level"))
    return Finding("ipma", "drivers.finding.ipma" + ("_boot" if boot else ""), checks=checks,
                   target=_name(label, table_df.attrs.get("target", "")), first=_name(label, first),
                   priority=_name(label, priority), **cells)


def _index_cell(index: pd.DataFrame, row, column: str, table: str) -> Cite:
    return Cite(index.loc[row, column], table=table, column=column, row=row)


def index_finding(index: pd.DataFrame, settings: pd.DataFrame, *, headline: str, label: Label | None = None,
                  table: str = "satisfaction_index", settings_table: str = "settings") -> Finding:
    """The 0-100 index of ``headline`` (say satisfaction) with its interval, and the highest and lowest index.

    ``index`` is ``SatisfactionIndex.summary()`` as written (index ``construct``); without the bootstrap
    (``ci_low`` NaN) the sentence has no interval.

    Examples
    --------
    >>> idx = pd.DataFrame({"estimate": [71.2, 64.0], "ci_low": [69.0, 61.5], "ci_high": [73.1, 66.2]},
    ...                    index=pd.Index(["SAT", "QUAL"], name="construct"))
    >>> index_finding(idx, facts(level=0.95), headline="SAT").text()[:60]
    'On a scale from 0 to 100, the SAT index is 71.2 (69.0 to 73.'
    """
    top, bottom = index["estimate"].idxmax(), index["estimate"].idxmin()
    cells = {"estimate": _index_cell(index, headline, "estimate", table),
             "top_value": _index_cell(index, top, "estimate", table),
             "bottom_value": _index_cell(index, bottom, "estimate", table)}
    boot = pd.notna(index.loc[headline, "ci_low"])
    if boot:
        cells.update(low=_index_cell(index, headline, "ci_low", table),
                     high=_index_cell(index, headline, "ci_high", table), level=_fact(settings, settings_table, "level"))
    return Finding("satisfaction_index", "drivers.finding.index" + ("_boot" if boot else ""),
                   checks=["index_weights", "index_scales"], headline=_name(label, headline), top=_name(label, top),
                   bottom=_name(label, bottom), **cells)


def index_group_finding(differences: pd.DataFrame, settings: pd.DataFrame, *, group: str, label: Label | None = None,
                        table: str = "satisfaction_index_differences",
                        settings_table: str = "settings") -> Finding:
    """The largest difference of a group's index from the other groups', and how many differences are clear.

    ``differences`` is ``SatisfactionIndex.differences_`` as written (index ``construct``, ``group``, with
    ``excludes_zero``).

    Examples
    --------
    >>> idx = pd.MultiIndex.from_tuples([("SAT", "a"), ("SAT", "b")], names=["construct", "group"])
    >>> d = pd.DataFrame({"estimate": [3.0, -3.0], "ci_low": [1.0, -5.0], "ci_high": [5.0, -1.0],
    ...                   "excludes_zero": [True, True]}, index=idx)
    >>> index_group_finding(d, facts(level=0.95), group="channel").text()[:62]
    'By channel, the largest difference in an index is a on SAT: +3'
    """
    key = differences["estimate"].abs().idxmax()
    n_clear = int(differences["excludes_zero"].astype(bool).sum())
    return Finding("satisfaction_index_groups", f"drivers.finding.index_group_{'clear' if n_clear else 'none'}",
                   checks=["index_weights"], group=_name(label, group), construct=_name(label, key[0]),
                   name=escape_markdown(str(key[1])),
                   **{k: _index_cell(differences, key, c, table)
                      for k, c in (("difference", "estimate"), ("low", "ci_low"), ("high", "ci_high"))},
                   n_clear=Cite(n_clear, table=table, column="estimate", agg="count", where={"excludes_zero": True}),
                   k=Cite(len(differences), table=table, column="estimate", agg="count"),
                   level=_fact(settings, settings_table, "level"))


def index_weights_check(index: pd.DataFrame, *, label: Label | None = None, table: str = "satisfaction_index",
                        affects=("satisfaction_index", "satisfaction_index_groups")) -> Check:
    """Negative unstandardized weights: ``warn`` when a construct has one (its index is no weighted mean)."""
    n_items = int(index["negative_weights"].sum())
    if not n_items:
        return Check("index_weights", "model_fit", "pass", "drivers.check.index_weights_pass", affects=affects,
                     k=Cite(len(index), table=table, column="estimate", agg="count"))
    worst = index["negative_weights"].idxmax()
    return Check("index_weights", "model_fit", "warn", "drivers.check.index_weights_warn", affects=affects,
                 n_items=Cite(n_items, table=table, column="negative_weights", agg="sum"),
                 n=Cite(int((index["negative_weights"] > 0).sum()), table=table, column="estimate", agg="count",
                        where={"negative_weights": [str(v) for v in index["negative_weights"].unique() if v > 0]}),
                 name=_name(label, worst))


def index_scales_check(index: pd.DataFrame, *, label: Label | None = None, table: str = "satisfaction_index",
                       affects=("satisfaction_index",)) -> Check:
    """Rating scales within a block: ``warn`` when a construct's items use different scales."""
    mixed = index.index[~index["same_scale"].astype(bool)]
    k = Cite(len(index), table=table, column="estimate", agg="count")
    if mixed.empty:
        return Check("index_scales", "data_quality", "pass", "drivers.check.index_scales_pass", affects=affects, k=k)
    return Check("index_scales", "data_quality", "warn", "drivers.check.index_scales_warn", affects=affects, k=k,
                 n=Cite(len(mixed), table=table, column="estimate", agg="count", where={"same_scale": False}),
                 names=join_words(_name(label, c) for c in mixed))


def stated_findings(sv: pd.DataFrame, fit: pd.DataFrame, *, outcome: str, label: Label | None = None,
                    table: str = "stated_vs_derived", fit_table: str = "stated_fit") -> list[Finding]:
    """Agreement of stated and derived importance (close for rho >= 0.7, partial from 0.3), then
    the hidden drivers and basic expectations, each a sentence of its own."""
    rho = float(fit.loc["spearman_rho", "value"])
    level = "strong" if rho >= 0.7 else "moderate" if rho >= 0.3 else "weak"
    out = [Finding("stated_vs_derived", "drivers.finding.stated", outcome=_name(label, outcome),
                   agreement=msg(f"drivers.agreement.{level}"), rho=_fact(fit, fit_table, "spearman_rho"),
                   n=Cite(len(sv), table=table, column="derived_rank", agg="count"))]
    for cls, key in (("hidden_driver", "stated_hidden"), ("basic_expectation", "stated_basic")):
        names = [_name(label, i) for i in sv.index[sv["class"] == cls]]
        if names:
            out.append(Finding(key, f"drivers.finding.{key}", outcome=_name(label, outcome), names=join_words(names)))
    return out



def loyalty_fit(diagnostics: pd.Series, n_drivers: int) -> pd.DataFrame:
    """The loyalty model's diagnostics as the table :func:`loyalty_checks` cites (``loyalty_fit``),
    with ``events_per_driver`` (respondents with the rarer outcome per attribute).

    Examples
    --------
    >>> d = pd.Series({"n": 100, "n_events": 30, "converged": True, "n_extreme": 0}, dtype=object)
    >>> loyalty_fit(d, 3).loc["events_per_driver", "value"]
    10.0
    """
    out = diagnostics.to_frame("value")
    out.loc["events_per_driver", "value"] = float(diagnostics["n_events"]) / n_drivers
    out.index.name = "fact"
    return out
