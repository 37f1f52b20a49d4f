"""The exercises of notebook 04 (channel comparison): rates, lift, customer mix, adjusted comparison, economics.

Words: catalog ``exercises_channels``. Each ``solve`` computes the answer with the
functions and parameters notebook 04 uses (``data.parameters("04_channel_comparison")``),
on the student's firm (:class:`ClassData`); the exercise that applies the method
elsewhere uses the bundled ``service_demo`` firm (a randomized campaign) drawn with
the student's seed. Every answer is a point estimate (no bootstrap draw moves it).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from analysis.course.exercise import ClassData, Exercise, Solution
from analysis.errors import ParameterError

__all__ = ["EXERCISES", "OUTCOME", "BALANCE_COVARIATE", "CHANGED_MARGIN", "SINGLE_COVARIATES"]

_CATALOG = "exercises_channels"
_NOTEBOOK = "04_channel_comparison"
#: the outcome the exercises compare (notebook 04's first binary outcome)
OUTCOME = "visit"
#: the covariate whose standardized difference exercise 04.4 computes by hand
BALANCE_COVARIATE = "past_spend"
#: the covariates exercise 04.5 adjusts for one at a time
SINGLE_COVARIATES = ("tenure_days", "lifecycle_stage")
#: the gross margin exercise 04.7 puts in place of the notebook's
CHANGED_MARGIN = 0.20
#: the study exercise 04.8 applies the method to (under the project's params/)
OTHER_STUDY = "service_demo.yaml"


def _setup(data: ClassData) -> dict[str, Any]:
    """Notebook 04's parameters and channel outcomes with the lifecycle stage (its cell 3), once per firm."""
    def make() -> dict[str, Any]:
        from analysis.channels import with_lifecycle_stage

        p = data.parameters(_NOTEBOOK)
        rules = {**data.study.lifecycle, **(p["stage_rules"] or {})}
        return {"p": p, "outcomes": with_lifecycle_stage(data.tables["channel_outcomes"], rules)}

    return data.memo("channels.setup", make)


def _outcome(data: ClassData) -> str:
    """The outcome the exercises compare: ``visit``, the notebook's first binary outcome (its lift and adjusted
    sections use the first one only)."""
    first = _setup(data)["p"]["binary_outcomes"][0]
    if first != OUTCOME:
        raise ParameterError(f"the exercises of notebook 04 compare {OUTCOME!r} rates, but the study makes "
                             f"{first!r} notebook 04's first binary outcome; put {OUTCOME!r} first in binary_outcomes")
    return first


def _rates(data: ClassData) -> pd.DataFrame:
    def make() -> pd.DataFrame:
        from analysis.channels import compare_rates

        s = _setup(data)
        p = s["p"]
        return compare_rates(s["outcomes"], p["channel_column"], _outcome(data), alpha=p["alpha"],
                             correction=p["correction"], continuity_correction=p["continuity_correction"]).groups

    return data.memo("channels.rates", make)


def _adjusted(data: ClassData, covariates: tuple[str, ...] | None = None) -> pd.DataFrame:
    """The notebook's table ``adjusted_<outcome>`` (indexed by channel) with *covariates* (default: its own)."""
    s = _setup(data)
    p = s["p"]
    covariates = tuple(p["covariates"]) if covariates is None else tuple(covariates)

    def make() -> pd.DataFrame:
        from analysis.channels import adjusted_comparison, points

        adj = adjusted_comparison(s["outcomes"], p["channel_column"], _outcome(data), list(covariates),
                                  reference=p["control_arm"], alpha=p["alpha"])
        return points(adj.effects, ["unadjusted", "estimate", "ci_low", "ci_high"]).set_index("group")

    return data.memo(f"channels.adjusted.{','.join(covariates)}", make)


def _balance(data: ClassData) -> pd.DataFrame:
    def make() -> pd.DataFrame:
        from analysis.channels import covariate_balance

        s = _setup(data)
        p = s["p"]
        return covariate_balance(s["outcomes"], p["channel_column"], p["covariates"], p["control_arm"])

    return data.memo("channels.balance", make)


def _economics(data: ClassData, margin: float | None = None) -> pd.DataFrame:
    """The notebook's table ``economics`` at gross margin *margin* (default: its own)."""
    p = _setup(data)["p"]
    margin = p["gross_margin"] if margin is None else margin

    def make() -> pd.DataFrame:
        from analysis.channels import channel_economics
        from analysis.customerdata import resolve_window

        tx, customers = data.tables["transactions"], data.tables["customers"]
        window = resolve_window(tx, data.study.window.override(observation_end=p["observation_end"]))
        serve = "cost_to_serve" if "cost_to_serve" in customers.columns else None
        return channel_economics(customers, tx, channel=p["acquisition_channel_column"], margin=margin,
                                 horizon_days=p["horizon_days"], cost_to_serve=serve,
                                 observation_end=window.observation_end, n_bootstrap=p["n_bootstrap"],
                                 seed=p["seed"], alpha=p["alpha"])

    return data.memo(f"channels.economics.{margin}", make)


def _covariate(row: pd.Series) -> str:
    """A row of the balance table's covariate as a reader names it: ``past_spend``, ``lifecycle_stage = lost``."""
    return f"{row['covariate']} = {row['value']}" if row["value"] else str(row["covariate"])


def _leader(data: ClassData) -> str:
    """The arm (not control) with the best raw rate."""
    rates = _rates(data)["rate"].drop(index=_setup(data)["p"]["control_arm"])
    return str(rates.idxmax())


def _best_rate(data: ClassData) -> Solution:
    rates = _rates(data)
    control = _setup(data)["p"]["control_arm"]
    best = rates["rate"].idxmax()
    worst = rates["rate"].drop(index=[best, control]).idxmin()
    return Solution({"channel": str(best), "rate": round(float(rates.loc[best, "rate"]), 6)},
                    {"channel": str(best), "rate": float(rates.loc[best, "rate"]), "n": int(rates.loc[best, "n"]),
                     "control_rate": float(rates.loc[control, "rate"]), "worst": str(worst),
                     "worst_rate": float(rates.loc[worst, "rate"]), "control": str(control)})


def _lift_by_hand(data: ClassData) -> Solution:
    from analysis.channels import campaign_lift, points

    s = _setup(data)
    p = s["p"]
    lift = campaign_lift(s["outcomes"], p["channel_column"], _outcome(data), p["control_arm"], alpha=p["alpha"],
                         correction=p["correction"])
    lift = points(lift, ["estimate", "ci_low", "ci_high"]).set_index("arm")
    best = lift["estimate_pp"].idxmax()
    return Solution({str(arm): round(float(v), 6) for arm, v in lift["estimate_pp"].items()},
                    {"best": str(best), "lift": float(lift.loc[best, "estimate_pp"]),
                     "relative": float(lift.loc[best, "rel_lift"]), "rate": float(lift.loc[best, "mean"]),
                     "control_rate": float(lift.loc[best, "mean_control"]), "control": str(p["control_arm"])})


def _adjusted_story(data: ClassData) -> Solution:
    adj = _adjusted(data)
    leader = _leader(data)
    best = adj["estimate"].idxmax()
    balance = _balance(data)
    mine = balance[balance["arm"] == leader].sort_values("abs_smd", ascending=False).iloc[0]
    row = adj.loc[leader]
    return Solution({"best_adjusted": str(best), "leader_adjusted": round(float(row["estimate_pp"]), 6)},
                    {"leader": leader, "raw": float(row["unadjusted_pp"]), "adjusted": float(row["estimate_pp"]),
                     "ci_low": float(row["ci_low_pp"]), "ci_high": float(row["ci_high_pp"]), "best": str(best),
                     "best_raw": float(adj.loc[best, "unadjusted_pp"]),
                     "best_adjusted": float(adj.loc[best, "estimate_pp"]),
                     "covariate": _covariate(mine), "smd": float(mine["smd"])})


def _balance_by_hand(data: ClassData) -> Solution:
    balance = _balance(data)
    mine = balance[balance["covariate"] == BALANCE_COVARIATE].set_index("arm")["smd"]
    top = balance.sort_values("abs_smd", ascending=False).iloc[0]
    return Solution({str(arm): round(float(v), 6) for arm, v in mine.items()},
                    {"leader": _leader(data), "smd_leader": float(mine[_leader(data)]),
                     "arm": str(top["arm"]), "covariate": _covariate(top), "smd": float(top["smd"]),
                     "n_over": int((balance["abs_smd"] > 0.1).sum()), "n_rows": len(balance)})


def _one_covariate(data: ClassData) -> Solution:
    leader = _leader(data)
    full = _adjusted(data).loc[leader]
    alone = {c: float(_adjusted(data, (c,)).loc[leader, "estimate_pp"]) for c in SINGLE_COVARIATES}
    return Solution({c: round(v, 6) for c, v in alone.items()},
                    {"leader": leader, "raw": float(full["unadjusted_pp"]), "full": float(full["estimate_pp"]),
                     "tenure": alone["tenure_days"], "stage": alone["lifecycle_stage"]})


def _best_roi(data: ClassData) -> Solution:
    eco = _economics(data)
    best, worst = eco["roi"].idxmax(), eco["roi"].idxmin()
    row = eco.loc[best]
    return Solution({"channel": str(best), "roi": round(float(row["roi"]), 6)},
                    {"channel": str(best), "roi": float(row["roi"]), "cac": float(row["cac"]),
                     "value": float(row["first_year_value"]), "worst": str(worst),
                     "worst_roi": float(eco.loc[worst, "roi"]), "worst_cac": float(eco.loc[worst, "cac"]),
                     "n_positive": int((eco["roi"] > 0).sum()), "n": len(eco)})


def _lower_margin(data: ClassData) -> Solution:
    before, after = _economics(data), _economics(data, CHANGED_MARGIN)
    kept = {str(c): bool(after.loc[c, "roi"] > 0) for c in sorted(after.index)}
    best = before["roi"].idxmax()
    return Solution(kept, {"n_after": sum(kept.values()), "n_before": int((before["roi"] > 0).sum()), "n": len(after),
                           "margin": CHANGED_MARGIN, "margin_before": float(_setup(data)["p"]["gross_margin"]),
                           "best": str(best), "roi_before": float(before.loc[best, "roi"]),
                           "roi_after": float(after.loc[best, "roi"])})


def _other_firm(data: ClassData) -> Solution:
    other = data.other_study(OTHER_STUDY)
    adj = _adjusted(other)
    balance = _balance(other)
    best_raw, best_adjusted = adj["unadjusted_pp"].idxmax(), adj["estimate_pp"].idxmax()
    shift = (adj["estimate_pp"] - adj["unadjusted_pp"]).abs()
    own_shift = (_adjusted(data)["estimate_pp"] - _adjusted(data)["unadjusted_pp"]).abs()
    return Solution({"best_raw": str(best_raw), "best_adjusted": str(best_adjusted),
                     "max_abs_smd": round(float(balance["abs_smd"].max()), 6)},
                    {"best_raw": str(best_raw), "best_adjusted": str(best_adjusted),
                     "raw": float(adj.loc[best_raw, "unadjusted_pp"]),
                     "adjusted": float(adj.loc[best_raw, "estimate_pp"]),
                     "max_shift": float(shift.max()), "max_abs_smd": float(balance["abs_smd"].max()),
                     "own_max_abs_smd": float(_balance(data)["abs_smd"].max()),
                     "own_shift": float(own_shift.max())})


_OUTCOMES = ('from analysis.channels import with_lifecycle_stage\n\n'
             'p = wb.parameters()\n'
             'outcomes = with_lifecycle_stage(wb.tables["channel_outcomes"], wb.study.lifecycle)  # as notebook 04\n')

EXERCISES = (
    Exercise("04.1", "best_rate", _CATALOG, "read", "channels", _best_rate,
             'print(sorted(wb.tables["channel_outcomes"]["channel"].unique()))  # the names to answer with\n'
             'answer = {"channel": None, "rate": None}  # the highest visit rate: its channel, and the rate (0 to 1)\n',
             tolerance=0.0005, expect=lambda s: s.facts["channel"] != s.facts["control"]),
    Exercise("04.2", "lift_by_hand", _CATALOG, "compute", "promotion", _lift_by_hand,
             'outcomes = wb.tables["channel_outcomes"]\n'
             'rates = None  # the visit rate of each channel\n'
             'arms = sorted(set(outcomes["channel"]) - {"control"})\n'
             'answer = {arm: None for arm in arms}  # each arm\'s visit rate minus control\'s, in percentage points\n',
             tolerance=0.005),
    Exercise("04.3", "adjusted", _CATALOG, "read", "channels", _adjusted_story,
             'print(sorted(wb.tables["channel_outcomes"]["channel"].unique()))  # the names to answer with\n'
             'answer = {"best_adjusted": None, "leader_adjusted": None}  # the best channel at the same customer mix;\n'
             '# the adjusted difference from control (percentage points) of the channel with the best RAW rate\n',
             tolerance=0.005,
             expect=lambda s: (s.facts["best"] != s.facts["leader"] and s.facts["adjusted"] < s.facts["raw"] / 2
                               and abs(s.facts["smd"]) > 0.1)),
    Exercise("04.4", "balance_by_hand", _CATALOG, "compute", "channels", _balance_by_hand,
             'outcomes = wb.tables["channel_outcomes"]\n'
             'arms = sorted(set(outcomes["channel"]) - {"control"})\n'
             'answer = {arm: None for arm in arms}  # standardized difference of past_spend, arm vs control\n',
             tolerance=0.0005, expect=lambda s: s.facts["n_over"] > 0),
    Exercise("04.5", "one_covariate", _CATALOG, "change", "channels", _one_covariate,
             _OUTCOMES + '# adjusted_comparison(outcomes, "channel", "visit", [...], reference="control") from '
             'analysis.channels\n'
             'answer = {"tenure_days": None, "lifecycle_stage": None}  # the raw leader\'s adjusted difference '
             '(points) with each covariate alone\n',
             tolerance=0.005,
             expect=lambda s: (abs(s.facts["stage"] - s.facts["full"]) < abs(s.facts["tenure"] - s.facts["full"])
                               and abs(s.facts["tenure"] - s.facts["raw"]) < abs(s.facts["tenure"] - s.facts["full"]))),
    Exercise("04.6", "best_roi", _CATALOG, "read", "channels", _best_roi,
             'answer = {"channel": None, "roi": None}  # the acquisition channel with the highest first-year ROI\n',
             tolerance=0.0005),
    Exercise("04.7", "margin", _CATALOG, "change", "channels", _lower_margin,
             'channels = sorted(wb.tables["customers"]["acquisition_channel"].unique())\n'
             'answer = {channel: None for channel in channels}  # True if its first-year ROI stays above 0 at '
             'gross_margin = 0.20\n', tolerance=0,
             expect=lambda s: (s.facts["n_after"] < s.facts["n_before"]
                               and s.facts["roi_after"] < s.facts["roi_before"])),
    Exercise("04.8", "other_firm", _CATALOG, "apply", "promotion", _other_firm,
             'from analysis.course import ClassData\n\n'
             'demo = ClassData(wb.seed, study="../params/service_demo.yaml")  # the service_demo firm, with your seed\n'
             'outcomes = demo.tables["channel_outcomes"]\n'
             'print(sorted(outcomes["channel"].unique()))  # the names to answer with\n'
             'answer = {"best_raw": None, "best_adjusted": None, "max_abs_smd": None}\n', tolerance=0.0005,
             expect=lambda s: (s.facts["best_raw"] == s.facts["best_adjusted"]
                               and s.facts["max_abs_smd"] < s.facts["own_max_abs_smd"] / 2
                               and s.facts["max_shift"] < s.facts["own_shift"])),
)
