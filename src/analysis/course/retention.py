"""The exercises of notebook 05 (retention and loyalty): retention and churn, the economics of keeping
customers, complaints and service recovery, the loyalty programme, cross-selling and the KPI scorecard.

Words: catalog ``exercises_retention``. Each ``solve`` computes the answer with
the functions and parameters notebook 05 uses (its defaults, then the class
study's), on the student's firm (:class:`ClassData`), so a ``read`` answer is
what the student's page shows.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pandas as pd

from analysis.course.exercise import ClassData, Exercise, Solution

__all__ = ["EXERCISES", "PERIOD", "TARGETS", "ALPHA"]

_CATALOG = "exercises_retention"
_NOTEBOOK = "05_retention_loyalty"

#: exercise 05.3: the period of retention rates the student tries (the notebook's default is a quarter)
PERIOD = "month"
#: exercise 05.9: the KPIs whose verdicts the student reads, with their targets where the study sets none
TARGETS = {"retention_rate": 0.50, "satisfaction_index": 60.0, "complaint_rate": 25.0}
#: exercise 05.9: the level the student tries (80% intervals)
ALPHA = 0.2


def _setup(data: ClassData) -> dict[str, Any]:
    """What notebook 05's first cells set up: its parameters, the lifecycle rules, the observation end."""

    def build() -> dict[str, Any]:
        from analysis.customerdata import resolve_window

        params = data.parameters(_NOTEBOOK)
        study, tx = data.study, data.tables["transactions"]
        window = resolve_window(tx, study.window.override(observation_end=params["observation_end"]))
        return {"params": params, "rules": {**study.lifecycle, **(params["stage_rules"] or {})},
                "end": window.observation_end}

    return data.memo("retention.setup", build)


def _rates(data: ClassData) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The period retention table and its latest rate (the notebook's ``rates`` and ``retention_kpi``)."""

    def build():
        from analysis.retention import period_retention, retention_rate_kpi

        s = _setup(data)
        rates = period_retention(data.tables["transactions"], period=s["params"]["period"], observation_end=s["end"],
                                 alpha=s["params"]["alpha"])
        return rates, retention_rate_kpi(rates)

    return data.memo("retention.rates", build)


def _latest(data: ClassData) -> Solution:
    rates, kpi = _rates(data)
    row = kpi.iloc[0]
    last = rates.iloc[-1]
    return Solution({"period": str(row["period"]), "retention_rate": round(float(row["estimate"]), 4)},
                    {"period": str(row["period"]), "rate": float(row["estimate"]), "churn": 1 - float(row["estimate"]),
                     "active": int(last["active"]), "retained": int(last["retained"]),
                     "low": float(row["ci_low"]), "high": float(row["ci_high"])})


def _cohort(data: ClassData) -> Solution:
    from analysis.retention import cohort_matrix

    s = _setup(data)
    matrix = cohort_matrix(data.tables["transactions"], period=s["params"]["period"], observation_end=s["end"])
    first = matrix.index.get_level_values("cohort")[0]
    row = matrix.loc[first]
    return Solution(round(float(row.loc[4, "rate"]), 4),
                    {"cohort": str(first), "size": int(row.loc[0, "cohort_size"]), "active": int(row.loc[4, "active"]),
                     "rate": float(row.loc[4, "rate"]), "rate1": float(row.loc[1, "rate"]),
                     "unit": s["params"]["period"]})


def _churn_days(data: ClassData) -> int:
    """The survival section's churn window: ``churn_days``, else the lifecycle rules' ``lost_days``."""
    s = _setup(data)
    return int(s["params"]["churn_days"] or s["rules"]["lost_days"])


def _lifetimes(data: ClassData, churn_days: int) -> dict[str, Any]:
    """The survival section's sample and median lifetime with *churn_days*."""
    from analysis.retention import customer_lifetimes, kaplan_meier, lifetime_summary, median_lifetime

    s, tx = _setup(data), data.tables["transactions"]
    lifetimes = customer_lifetimes(tx, observation_end=s["end"], churn_days=churn_days)
    curve = kaplan_meier(lifetimes["duration_days"], lifetimes["churned"], alpha=s["params"]["alpha"])
    sample = lifetime_summary(lifetimes, tx["customer_id"].nunique()).iloc[0]
    return {"median": int(median_lifetime(curve)["estimate"].iloc[0]), "churned": int(sample["churned"]),
            "judged": int(sample["judged"]), "never": float(sample["never_returned_share"])}


def _monthly(data: ClassData) -> Solution:
    from analysis.retention import period_retention, retention_rate_kpi

    s, (_, kpi) = _setup(data), _rates(data)
    monthly = retention_rate_kpi(period_retention(data.tables["transactions"], period=PERIOD, observation_end=s["end"],
                                                  alpha=s["params"]["alpha"])).iloc[0]
    rate, before = float(monthly["estimate"]), kpi.iloc[0]
    return Solution({"period": str(monthly["period"]), "retention_rate": round(rate, 4)},
                    {"period": str(monthly["period"]), "rate": rate, "churn": 1 - rate,
                     "active": int(monthly["active"]),
                     "before_period": str(before["period"]), "before": float(before["estimate"]),
                     "before_churn": 1 - float(before["estimate"]), "unit": s["params"]["period"]})


def _economics(data: ClassData) -> Solution:
    from analysis.retention import PERIOD_DAYS, margin_per_active, per_period_rate, retention_economics

    s, (_, kpi) = _setup(data), _rates(data)
    p, row = s["params"], kpi.iloc[0]
    margin = margin_per_active(data.tables["transactions"], period=p["period"], observation_end=s["end"],
                               gross_margin=p["gross_margin"])
    m = float(margin["margin_per_active"].iloc[0])
    d = per_period_rate(p["annual_discount_rate"], 365.25 / PERIOD_DAYS[p["period"]])
    cost = p["retention_programme_cost"] if p["retention_programme_cost"] is not None else \
        p["retention_programme_cost_share"] * m
    eco = retention_economics(margin=m, retention=row["estimate"], discount_rate=d,
                              n_customers=int(margin["active"].iloc[0]), ci_low=row["ci_low"], ci_high=row["ci_high"],
                              programme_cost=cost, programme_effect=p["retention_programme_effect"])["estimate"]
    return Solution(round(float(eco["cost_of_churn"]), 2),
                    {"margin": m, "retention": float(row["estimate"]), "discount": float(d),
                     "cost_of_churn": float(eco["cost_of_churn"]), "value": float(eco["customer_value"]),
                     "cost": float(cost), "per_kept": float(eco["retention_cost_per_kept"]),
                     "effect": float(p["retention_programme_effect"]),
                     "effect_points": 100 * float(p["retention_programme_effect"]),
                     "break_even": float(eco["break_even_improvement"]),
                     "break_even_points": 100 * float(eco["break_even_improvement"])})


def _complaints(data: ClassData) -> Solution:
    from analysis.retention import complaint_categories, complaint_rates

    s = _setup(data)
    tables = data.tables
    rates = complaint_rates(tables["complaints"], tables["transactions"], end=s["end"],
                            alpha=s["params"]["alpha"]).iloc[0]
    categories = complaint_categories(tables["complaints"])
    vital = categories[categories["vital_few"].astype(bool)]
    top = str(categories.index[0])
    return Solution({"per_1000_orders": round(float(rates["per_1000_orders"]), 1), "top_category": top},
                    {"complaints": int(rates["complaints"]), "orders": int(rates["orders"]),
                     "rate": float(rates["per_1000_orders"]), "low": float(rates["per_1000_low"]),
                     "high": float(rates["per_1000_high"]), "top": top,
                     "top_share": float(categories["share"].iloc[0]), "n_vital": len(vital),
                     "n_categories": len(categories), "vital_share": float(vital["cumulative_share"].iloc[-1])})


def _recovery(data: ClassData) -> Solution:
    from analysis.retention import recovery_comparison, recovery_orders

    s = _setup(data)
    p, tables = s["params"], data.tables
    orders = recovery_orders(tables["transactions"], tables["complaints"], end=s["end"],
                             repurchase_days=p["repurchase_days"], good_resolutions=p["good_resolutions"])
    result = recovery_comparison(orders, n_bootstrap=p["n_bootstrap"], alpha=p["alpha"], seed=p["seed"])
    rates, effects = result.rates, result.effects
    facts = {"days": int(p["repurchase_days"]), "none_rate": float(rates.loc["none", "estimate"]),
             "good_rate": float(rates.loc["good", "estimate"]), "poor_rate": float(rates.loc["poor", "estimate"]),
             "n_good": int(rates.loc["good", "orders"]), "n_poor": int(rates.loc["poor", "orders"])}
    for name in ("good", "poor"):
        row = effects.loc[f"{name}_ratio"]
        facts |= {name: float(row["estimate"]), f"{name}_low": float(row["ci_low"]),
                  f"{name}_high": float(row["ci_high"])}
    return Solution({"good_ratio": round(facts["good"], 3), "poor_ratio": round(facts["poor"], 3)}, facts)


def _loyalty(data: ClassData) -> Solution:
    def build() -> Solution:
        from analysis.retention import programme_covariates, programme_economics, programme_sample, propensity_weighting

        s = _setup(data)
        p, tables = s["params"], data.tables
        tx, memberships = tables["transactions"], tables["memberships"]
        sample = programme_sample(tx, memberships, tables.get("customers"), launch_date=p["launch_date"],
                                  observation_end=s["end"])
        weighting = propensity_weighting(sample, "member", "spend_per_order",
                                         programme_covariates(sample, p["loyalty_covariates"]), alpha=p["alpha"],
                                         n_bootstrap=p["n_bootstrap"], seed=p["seed"])
        effects = weighting.effects
        dr, naive = effects.loc["doubly_robust"], effects.loc["naive"]
        eco = programme_economics(tx, memberships, ratio=float(dr["ratio"]), ratio_low=float(dr["ratio_ci_low"]),
                                  ratio_high=float(dr["ratio_ci_high"]), gross_margin=p["gross_margin"],
                                  point_value=p["point_value"], cost_per_member_month=p["cost_per_member_month"],
                                  launch_date=p["launch_date"], observation_end=s["end"])
        net = eco.loc["net"]
        before = sample.groupby("member")[["aov_pre", "n_orders_pre"]].mean()  # the history before the launch
        return Solution({"naive": round(float(naive["ratio"]), 3), "doubly_robust": round(float(dr["ratio"]), 3)},
                        {"naive": float(naive["ratio"]), "dr": float(dr["ratio"]), "dr_low": float(dr["ratio_ci_low"]),
                         "dr_high": float(dr["ratio_ci_high"]), "members": int(naive["n_treated"]),
                         "others": int(naive["n_control"]),
                         "incremental": float(eco.loc["incremental_margin", "estimate"]),
                         "cost": float(eco.loc["total_cost", "estimate"]), "net": float(net["estimate"]),
                         "net_low": float(net["ci_low"]), "net_high": float(net["ci_high"]),
                         "aov_members": float(before.loc[True, "aov_pre"]),
                         "aov_others": float(before.loc[False, "aov_pre"]),
                         "orders_members": float(before.loc[True, "n_orders_pre"]),
                         "orders_others": float(before.loc[False, "n_orders_pre"])})

    return data.memo("retention.loyalty", build)


def _cross_sell(data: ClassData) -> Solution:
    from analysis.retention import category_adoption, cross_sell_rate

    s = _setup(data)
    p = s["params"]
    names = dict(category=p["category_column"], observation_end=s["end"], alpha=p["alpha"])
    cross = cross_sell_rate(data.tables["transactions"], **names).iloc[0]
    adoption = category_adoption(data.tables["transactions"], **names)
    return Solution(round(float(cross["estimate"]), 4),
                    {"rate": float(cross["estimate"]), "cross": int(cross["cross_buyers"]),
                     "customers": int(cross["customers"]), "top": str(adoption.index[0]),
                     "top_adoption": float(adoption["estimate"].iloc[0]), "last": str(adoption.index[-1]),
                     "last_adoption": float(adoption["estimate"].iloc[-1])})


def _card(data: ClassData, alpha: float) -> pd.DataFrame:
    """The scorecard's rows of :data:`TARGETS` (the study's targets where it sets them) at level *alpha*."""
    from analysis.retention import (complaint_kpi, complaint_rates, kpi_inputs, period_retention, retention_rate_kpi,
                                    satisfaction_index, scorecard, survey_scale)

    s = _setup(data)
    p, tables, end = s["params"], data.tables, s["end"]
    tx, complaints = tables["transactions"], tables["complaints"]
    rates = period_retention(tx, period=p["period"], observation_end=end, alpha=alpha)
    column = p["satisfaction_column"]
    scale = p["satisfaction_scale"] or survey_scale(data.study.notebook_parameters("03_satisfaction_drivers"), column)
    satisfaction = satisfaction_index(tables["survey"], column=column, scale=scale, alpha=alpha)
    overall = complaint_rates(complaints, tx, end=end, alpha=alpha)
    periods = complaint_rates(complaints, tx, by=p["period"], end=end, alpha=alpha)
    values, series = kpi_inputs(retention=retention_rate_kpi(rates), rates=rates,
                                complaint=complaint_kpi(overall, by_period=periods), complaint_periods=periods,
                                satisfaction=satisfaction)
    return scorecard(values, _targets(data), series, alpha=alpha).loc[list(TARGETS)]


def _targets(data: ClassData) -> dict[str, float]:
    study = _setup(data)["params"]["targets"] or {}
    return {k: float(study.get(k, v)) for k, v in TARGETS.items()}


def _scorecard(data: ClassData) -> Solution:
    alpha = float(_setup(data)["params"]["alpha"])
    cards = {"": _card(data, alpha), "80": _card(data, ALPHA)}
    facts: dict[str, Any] = {"alpha": alpha, "period": str(cards[""].loc["complaint_rate", "period"])}
    for kpi_name, short in zip(TARGETS, ("retention", "satisfaction", "complaints")):
        facts[f"{short}_target"] = _targets(data)[kpi_name]
        for suffix, card in cards.items():
            row = card.loc[kpi_name]
            facts |= {f"{short}{suffix}": float(row["estimate"]), f"{short}_low{suffix}": float(row["ci_low"]),
                      f"{short}_high{suffix}": float(row["ci_high"])}
    return Solution({k: str(cards["80"].loc[k, "verdict"]) for k in TARGETS}, facts)


@lru_cache(maxsize=2)
def _other_study(path: str) -> ClassData:
    """Another study's data (CDNOW), loaded once however many seeds use it."""
    return ClassData(study=path)


def _cdnow(data: ClassData) -> Solution:
    from analysis.study import find_project_root

    cdnow = _other_study(str(find_project_root(data.study.path.parent) / "params" / "cdnow.yaml"))
    rate, lifetimes = _latest(cdnow).facts, _lifetimes(cdnow, _churn_days(cdnow))
    s = _setup(data)
    own = _lifetimes(data, _churn_days(data))
    return Solution({"retention_rate": round(rate["rate"], 4), "never_returned_share": round(lifetimes["never"], 4)},
                    {"period": rate["period"], "rate": rate["rate"], "never": lifetimes["never"],
                     "median": lifetimes["median"], "own_rate": _latest(data).facts["rate"], "own_never": own["never"],
                     "own_median": own["median"], "unit": _setup(cdnow)["params"]["period"],
                     "own_unit": s["params"]["period"]})


EXERCISES = (
    Exercise("05.1", "latest", _CATALOG, "read", "retention", _latest,
             'answer = {"period": None, "retention_rate": None}  # the latest rated period (as the table writes it, '
             'e.g. "2024Q1") and its retention rate (0 to 1)\n', tolerance=0.001),
    Exercise("05.2", "cohort", _CATALOG, "compute", "retention", _cohort,
             'tx = wb.tables["transactions"]\n'
             'cohort = tx.groupby("customer_id")["date"].min().dt.to_period("Q")  # each customer\'s first quarter\n'
             'answer = None  # the share (0 to 1) of the first cohort who bought in the 4th quarter after the first\n',
             tolerance=0.0005,
             expect=lambda s: (s.facts["unit"] == "quarter" and s.facts["rate"] < s.facts["rate1"]
                               and 1 - s.facts["rate1"] > s.facts["rate1"] - s.facts["rate"])),
    Exercise("05.3", "monthly", _CATALOG, "change", "retention", _monthly,
             f'# run notebook 05 with period = "{PERIOD}" (or call period_retention here)\n'
             'answer = {"period": None, "retention_rate": None}  # the latest rated month and its retention rate\n',
             tolerance=0.001, expect=lambda s: s.facts["unit"] == "quarter" and s.facts["rate"] < s.facts["before"]),
    Exercise("05.4", "economics", _CATALOG, "compute", "retention", _economics,
             'm = None  # gross margin per active customer per period (table margin_per_active)\n'
             'r = None  # the latest retention rate\n'
             'd = 1.10 ** (1 / 4) - 1  # the quarterly discount rate of an annual 10%\n'
             'answer = None  # the cost of churn m / (1 + d - r)\n', tolerance=0.05,
             expect=lambda s: s.facts["break_even"] > s.facts["effect"]),
    Exercise("05.5", "complaints", _CATALOG, "read", "complaints", _complaints,
             'answer = {"per_1000_orders": None, "top_category": None}  # complaints per 1,000 orders, and the '
             'largest complaint category\n', tolerance=0.05,
             expect=lambda s: s.facts["n_vital"] < s.facts["n_categories"]),
    Exercise("05.6", "recovery", _CATALOG, "read", "complaints", _recovery,
             'answer = {"good_ratio": None, "poor_ratio": None}  # the adjusted risk ratios of good and poor '
             'recovery against no complaint\n', tolerance=0.001,
             expect=lambda s: s.facts["good_low"] <= 1 and s.facts["poor_high"] < 1),
    Exercise("05.7", "loyalty", _CATALOG, "read", "loyalty", _loyalty,
             'answer = {"naive": None, "doubly_robust": None}  # members\' spend per order as a ratio of '
             'non-members\': naive and doubly robust\n', tolerance=0.001,
             expect=lambda s: (s.facts["naive"] > 1.2 and abs(s.facts["dr"] - 1) < 0.1 and s.facts["net_high"] < 0
                               and s.facts["aov_members"] > s.facts["aov_others"]
                               and s.facts["orders_members"] > s.facts["orders_others"])),
    Exercise("05.8", "cross_sell", _CATALOG, "compute", "cross_selling", _cross_sell,
             'tx = wb.tables["transactions"]\n'
             'per_customer = None  # the number of different categories each customer bought\n'
             'answer = None  # the share (0 to 1) of customers who bought from two or more categories\n',
             tolerance=0.0005),
    Exercise("05.9", "targets", _CATALOG, "change", "targets", _scorecard,
             f'kpis = {list(TARGETS)!r}\n'
             f'# run notebook 05 with alpha = {ALPHA} and read the scorecard\n'
             'answer = {kpi: None for kpi in kpis}  # each KPI\'s verdict as the scorecard writes it\n',
             tolerance=0, expect=lambda s: s.facts["alpha"] == 0.05),
    Exercise("05.10", "cdnow", _CATALOG, "apply", "retention", _cdnow,
             'from analysis.study import load_study\n\n'
             'cdnow = load_study("../params/cdnow.yaml").load_tables()\n'
             'answer = {"retention_rate": None, "never_returned_share": None}\n', tolerance=0.001,
             expect=lambda s: (s.facts["never"] > max(0.5, s.facts["own_never"]) and s.facts["unit"] == "month"
                               and s.facts["own_unit"] != "month" and s.facts["median"] < s.facts["own_median"])),
)
