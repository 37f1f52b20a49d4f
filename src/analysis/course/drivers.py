"""The exercises of notebook 03 (satisfaction drivers): surveys, SERVQUAL gaps, key drivers, the satisfaction index.

Words: catalog ``exercises_drivers``. Each ``solve`` computes the answer with the
functions and parameters notebook 03 uses (``data.parameters("03_satisfaction_drivers")``),
on the student's firm (:class:`ClassData`); the exercise that applies the method
elsewhere uses the bundled ``service_demo`` firm drawn with the student's seed.
Every answer is a point estimate (no bootstrap draw moves it).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from analysis.course.exercise import ClassData, Exercise, Solution

__all__ = ["EXERCISES", "GAP_DIMENSION", "CHANGED_OUTCOME"]

_CATALOG = "exercises_drivers"
_NOTEBOOK = "03_satisfaction_drivers"
#: the dimension whose SERVQUAL gap exercise 03.5 computes by hand
GAP_DIMENSION = "reliability"
#: the outcome exercise 03.7 puts in place of overall satisfaction
CHANGED_OUTCOME = "loyalty_intent"
#: the study exercise 03.8 applies the method to (under the project's params/)
OTHER_STUDY = "service_demo.yaml"


def _setup(data: ClassData) -> dict[str, Any]:
    """Notebook 03's survey, constructs, drivers and driver table (its cells 3 and 6), once per firm."""
    def make() -> dict[str, Any]:
        from analysis.drivers import blank_to_none, driver_table, survey_drivers

        p = data.parameters(_NOTEBOOK)
        loyalty, pattern, predictors, group, weight = blank_to_none(
            p["loyalty_outcome"], p["item_pattern"], p["predictors"], p["group"], p["weight"])
        survey = data.tables["survey"]
        constructs, drivers = survey_drivers(survey, item_pattern=pattern, predictors=predictors)
        table = driver_table(survey, constructs, drivers, [p["outcome"], loyalty, group, weight])
        return {"p": {**p, "loyalty_outcome": loyalty, "group": group, "weight": weight, "scale": tuple(p["scale"])},
                "survey": survey, "constructs": constructs, "drivers": drivers, "data": table}

    return data.memo("drivers.setup", make)


def _importance(data: ClassData, outcome: str | None = None, method: str | None = None) -> pd.DataFrame:
    """The notebook's relative-importance table (``ri.summary()``) for *outcome* (default: the notebook's)."""
    s = _setup(data)
    p = s["p"]
    outcome, method = outcome or p["outcome"], method or p["importance_method"]

    def make() -> pd.DataFrame:
        from analysis.drivers import RelativeImportance, driver_table

        table = s["data"] if outcome in s["data"].columns else driver_table(
            s["survey"], s["constructs"], s["drivers"], [outcome, p["weight"]])
        ri = RelativeImportance(method, n_boot=p["n_boot"], alpha=p["alpha"], seed=p["seed"])
        return ri.fit(table, outcome, s["drivers"], weight=p["weight"]).summary()

    return data.memo(f"drivers.importance.{outcome}.{method}", make)


def _regression(data: ClassData, outcome: str | None = None):
    """The notebook's key-driver regression (fitted) for *outcome* (default: the notebook's)."""
    s = _setup(data)
    p = s["p"]
    outcome = outcome or p["outcome"]

    def make():
        from analysis.drivers import KeyDriverRegression, driver_table

        table = s["data"] if outcome in s["data"].columns else driver_table(
            s["survey"], s["constructs"], s["drivers"], [outcome, p["weight"]])
        return KeyDriverRegression(alpha=p["alpha"], vif_threshold=p["vif_threshold"]).fit(
            table, outcome, s["drivers"], weight=p["weight"])

    return data.memo(f"drivers.regression.{outcome}", make)


def _gaps(data: ClassData) -> pd.DataFrame:
    """The notebook's table ``servqual_gaps`` (with its verdicts), indexed by level and name."""
    s = _setup(data)
    p = s["p"]

    def make() -> pd.DataFrame:
        from analysis.drivers import gap_verdicts, servqual_gaps, servqual_pairs

        pairs = servqual_pairs(s["survey"].columns, perception_prefix=p["perception_prefix"],
                               expectation_prefix=p["expectation_prefix"])
        gaps = servqual_gaps(s["survey"], pairs, weight=p["weight"], alpha=p["alpha"], scale=p["scale"])
        return gaps.assign(verdict=gap_verdicts(gaps)).set_index(["level", "name"])

    return data.memo("drivers.gaps", make)


def _reliability(data: ClassData) -> Solution:
    from analysis.drivers import reliability

    s = _setup(data)
    p = s["p"]
    rel = reliability(s["survey"], s["constructs"], weight=p["weight"], threshold=p["alpha_threshold"],
                      scale=p["scale"])
    low = rel["alpha"].idxmin()
    return Solution({"construct": str(low), "alpha": round(float(rel.loc[low, "alpha"]), 6)},
                    {"construct": str(low), "alpha": float(rel.loc[low, "alpha"]),
                     "n_items": int(rel.loc[low, "n_items"]),
                     "weakest_item": str(rel.loc[low, "weakest_item"]),
                     "if_dropped": float(rel.loc[low, "best_alpha_if_dropped"]),
                     "n_reliable": int(rel["reliable"].sum()), "n_constructs": len(rel),
                     "threshold": float(p["alpha_threshold"]), "highest": float(rel["alpha"].max())})


def _top_driver(data: ClassData) -> Solution:
    importance = _importance(data)
    reg = _regression(data).summary()
    top = importance["share"].idxmax()
    second = importance["share"].drop(index=top).idxmax()
    coef = reg.loc[[d for d in _setup(data)["drivers"] if d in reg.index], "std_coef"]
    return Solution({"driver": str(top), "share": round(float(importance.loc[top, "share"]), 6)},
                    {"driver": str(top), "share": float(importance.loc[top, "share"]),
                     "r2": float(importance["estimate"].sum()), "second": str(second),
                     "second_share": float(importance.loc[second, "share"]), "coef_top": str(coef.idxmax()),
                     "smallest": str(importance["share"].idxmin()),
                     "smallest_share": float(importance["share"].min())})


def _loyalty(data: ClassData) -> Solution:
    from analysis.drivers import loyalty_model

    s = _setup(data)
    p = s["p"]
    model = loyalty_model(s["data"], p["loyalty_outcome"], s["drivers"], weight=p["weight"], alpha=p["alpha"])
    table = model.summary().loc[[d for d in s["drivers"]]]
    fit = model.diagnostics()
    low = table["odds_ratio"].idxmin()
    row = table.loc[low]
    reg = _regression(data).summary().loc[list(s["drivers"])]
    return Solution({"driver": str(low), "odds_ratio": round(float(row["odds_ratio"]), 6)},
                    {"driver": str(low), "odds_ratio": float(row["odds_ratio"]), "or_low": float(row["or_low"]),
                     "or_high": float(row["or_high"]), "p_value": float(row["p_value"]),
                     "outcome": str(p["loyalty_outcome"]), "n_events": int(fit["n_events"]), "n": int(fit["n"]),
                     "n_significant": int((table["p_value"] < p["alpha"]).sum()), "n_drivers": len(table),
                     "level": float(p["alpha"]), "n_regression": int((reg["p_value"] < p["alpha"]).sum())})


def _worst_gap(data: ClassData) -> Solution:
    dims = _gaps(data).xs("dimension", level="level").sort_values("estimate")
    worst, runner = dims.index[0], dims.index[1]
    row = dims.loc[worst]
    importance = _importance(data)
    rank = int(importance["share"].rank(ascending=False, method="min")[worst])
    return Solution({"dimension": str(worst), "gap": round(float(row["estimate"]), 6)},
                    {"dimension": str(worst), "gap": float(row["estimate"]), "ci_low": float(row["ci_low"]),
                     "ci_high": float(row["ci_high"]), "perception": float(row["perception"]),
                     "expectation": float(row["expectation"]), "runner": str(runner),
                     "runner_gap": float(dims.loc[runner, "estimate"]), "rank": rank,
                     "n_drivers": len(importance), "share": float(importance.loc[worst, "share"])})


def _gap_by_hand(data: ClassData) -> Solution:
    dims = _gaps(data).xs("dimension", level="level")
    items = _gaps(data).xs("item", level="level")
    row = dims.loc[GAP_DIMENSION]
    mine = items[items["dimension"] == GAP_DIMENSION]["estimate"]
    return Solution(round(float(row["estimate"]), 6),
                    {"gap": float(row["estimate"]), "perception": float(row["perception"]),
                     "expectation": float(row["expectation"]), "n": int(row["n"]), "n_items": len(mine),
                     "item_low": float(mine.min()), "item_high": float(mine.max()), "ci_low": float(row["ci_low"]),
                     "ci_high": float(row["ci_high"]),
                     "respondents": len(_setup(data)["survey"])})


def _index(data: ClassData) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Notebook 03's tables ``satisfaction_index`` and ``satisfaction_index_weights``, computed as its cells do."""
    s = _setup(data)
    p = s["p"]

    def make() -> pd.DataFrame:
        from analysis.drivers import PLSPathModel, item_scales, structural_model
        from analysis.drivers.pls.index import SatisfactionIndex

        sm = structural_model(s["constructs"], p["pls_outcomes"], paths=p["pls_paths"], blocks=p["pls_blocks"])
        pls = PLSPathModel(sm.paths, sm.blocks, modes=p["pls_modes"] or "A", scheme=p["pls_scheme"],
                           scaled=p["pls_scaled"], anchors=p["pls_anchors"]).fit(s["survey"])
        scales = item_scales(sm.drivers(), p["scale"], sm.outcomes, p["pls_outcome_scale"], s["survey"])
        si = SatisfactionIndex(scale=scales, n_boot=min(p["n_boot"], 200), alpha=p["alpha"], seed=p["seed"])
        si.fit(pls, groups=s["survey"][p["group"]] if p["group"] else None)
        return si.summary(), si.weights_

    return data.memo("drivers.index", make)


def _index_by_hand(data: ClassData) -> Solution:
    index, weights = _index(data)
    p = _setup(data)["p"]
    outcomes = list(p["pls_outcomes"])
    first, second = outcomes[0], outcomes[1]
    low, high = p["pls_outcome_scale"][p["pls_outcomes"][first][0]]
    items = weights[weights["construct"] == second]
    heavy = items["weight"].idxmax()
    return Solution({first: round(float(index.loc[first, "estimate"]), 2),
                     second: round(float(index.loc[second, "estimate"]), 2)},
                    {"satisfaction": float(index.loc[first, "estimate"]),
                     "loyalty": float(index.loc[second, "estimate"]),
                     "low": float(low), "high": float(high), "n_items": len(items), "heavy": str(heavy),
                     "heavy_weight": float(items.loc[heavy, "weight"]),
                     "lowest": str(index.drop(index=outcomes)["estimate"].idxmin()),
                     "lowest_index": float(index.drop(index=outcomes)["estimate"].min())})


def _changed_outcome(data: ClassData) -> Solution:
    importance = _importance(data, CHANGED_OUTCOME)
    before = _importance(data)
    r2 = float(_regression(data, CHANGED_OUTCOME).diagnostics()["r2"])
    r2_before = float(_regression(data).diagnostics()["r2"])
    top = importance["share"].idxmax()
    return Solution({"driver": str(top), "r2": round(r2, 6)},
                    {"driver": str(top), "share": float(importance.loc[top, "share"]), "r2": r2,
                     "r2_before": r2_before, "driver_before": str(before["share"].idxmax()),
                     "outcome": CHANGED_OUTCOME, "before": str(_setup(data)["p"]["outcome"]),
                     "n_drivers": len(importance)})


def _other_firm(data: ClassData) -> Solution:
    other = data.other_study(OTHER_STUDY)
    gaps = _gaps(other).xs("dimension", level="level").sort_values("estimate")
    own = _gaps(data).xs("dimension", level="level")
    worst = gaps.index[0]
    top = _importance(other)["share"].idxmax()
    n_below = int((gaps["verdict"] == "below").sum())
    return Solution({"dimension": str(worst), "n_below": n_below, "driver": str(top)},
                    {"dimension": str(worst), "gap": float(gaps.loc[worst, "estimate"]), "n_below": n_below,
                     "n": len(gaps), "driver": str(top), "share": float(_importance(other).loc[top, "share"]),
                     "own_dimension": str(own["estimate"].idxmin()),
                     "own_n_below": int((own["verdict"] == "below").sum()),
                     "own_driver": str(_importance(data)["share"].idxmax()),
                     "respondents": len(other.tables["survey"])})


_SETUP = ('from analysis.drivers import driver_table, survey_drivers\n\n'
          'p = wb.parameters()\n'
          'survey = wb.tables["survey"]\n'
          'constructs, drivers = survey_drivers(survey, item_pattern=p["item_pattern"])\n'
          'data = driver_table(survey, constructs, drivers, [p["outcome"], p["loyalty_outcome"], p["group"]])\n')

EXERCISES = (
    Exercise("03.1", "reliability", _CATALOG, "read", "satisfaction", _reliability,
             'answer = {"construct": None, "alpha": None}  # the lowest Cronbach\'s alpha: its scale, and the alpha\n',
             tolerance=0.0005, expect=lambda s: s.facts["if_dropped"] < s.facts["alpha"]),
    Exercise("03.2", "top_driver", _CATALOG, "read", "satisfaction", _top_driver,
             'answer = {"driver": None, "share": None}  # the attribute with the largest share of R² (0 to 1)\n',
             tolerance=0.0005),
    Exercise("03.3", "loyalty", _CATALOG, "read", "loyalty", _loyalty,
             'answer = {"driver": None, "odds_ratio": None}  # the attribute with the lowest odds ratio of churn\n',
             tolerance=0.0005, expect=lambda s: s.facts["n_significant"] < s.facts["n_regression"]),
    Exercise("03.4", "shortfall", _CATALOG, "read", "satisfaction", _worst_gap,
             'answer = {"dimension": None, "gap": None}  # the dimension with the most negative gap, and the gap\n',
             tolerance=0.0005,
             expect=lambda s: s.facts["ci_high"] < 0 and s.facts["gap"] <= s.facts["runner_gap"] - 0.5),
    Exercise("03.5", "gap_by_hand", _CATALOG, "compute", "service_quality", _gap_by_hand,
             'survey = wb.tables["survey"]\n'
             'perception = survey.filter(regex=r"^perc_reliability_\\d+$")\n'
             'expectation = survey.filter(regex=r"^exp_reliability_\\d+$")\n'
             'answer = None  # the mean over respondents of (their mean perception - their mean expectation)\n',
             tolerance=0.0005,
             expect=lambda s: s.facts["n"] == s.facts["respondents"]),
    Exercise("03.6", "index_by_hand", _CATALOG, "compute", "satisfaction_index", _index_by_hand,
             'survey = wb.tables["survey"]\n'
             'satisfaction = None  # (mean overall_satisfaction - 1) / (7 - 1) * 100\n'
             'loyalty = None  # the weighted mean of recommend and loyalty_intent, each on 0-100 first\n'
             'answer = {"satisfaction": satisfaction, "loyalty": loyalty}\n', tolerance=0.01),
    Exercise("03.7", "outcome", _CATALOG, "change", "loyalty", _changed_outcome,
             _SETUP + '# run the key-driver regression and the relative importance with outcome "loyalty_intent"\n'
             'answer = {"driver": None, "r2": None}  # the top driver of loyalty_intent, and the regression\'s R²\n',
             tolerance=0.0005, expect=lambda s: s.facts["r2"] < s.facts["r2_before"]),
    Exercise("03.8", "other_firm", _CATALOG, "apply", "service_quality", _other_firm,
             'from analysis.course import ClassData\n\n'
             'demo = ClassData(wb.seed, study="../params/service_demo.yaml")  # the service_demo firm, with your seed\n'
             'survey = demo.tables["survey"]\n'
             'answer = {"dimension": None, "n_below": None, "driver": None}  # most negative gap; how many '
             'dimensions are significantly below; top driver\n', tolerance=0),
)
