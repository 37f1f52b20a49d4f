"""The exercises of notebook 02 (customer lifetime value): model choice, P(alive), discounting, win-back, value.

Words: catalog ``exercises_clv``. Each ``solve`` computes the answer with the
functions and parameters notebook 02 uses (its parameters cell, then the class
study's), on the student's firm (:class:`ClassData`), in the notebook's order and
with its rounding, so a ``read`` answer is what the student's page shows.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from analysis.course.exercise import ClassData, Exercise, Solution

__all__ = ["EXERCISES", "CHANGED_DISCOUNT_RATE", "CHANGED_RISK_THRESHOLD", "SILENT_WEEKS"]

_CATALOG = "exercises_clv"
_NOTEBOOK = "02_clv"

#: exercise 02.3: no discounting
CHANGED_DISCOUNT_RATE = 0.0
#: exercise 02.4: a customer is slipping away below this P(alive)
CHANGED_RISK_THRESHOLD = 0.3
#: exercise 02.2: the customer is silent for more than this many weeks at the calibration end
SILENT_WEEKS = 20


def _study_parameters(study, notebook: str) -> dict[str, Any]:
    """*notebook*'s parameters for another study: the notebook's defaults, then that study's (not the class study's)."""
    from pathlib import Path

    from analysis.report import read_parameters
    from analysis.study import find_project_root

    path = find_project_root(Path(__file__).parent) / "notebooks" / f"{notebook}.ipynb"
    return {**{name: p.default for name, p in read_parameters(path).items()}, **study.notebook_parameters(notebook)}


def _model_fits(data: ClassData, study=None, notebook_parameters: dict | None = None) -> dict[str, Any]:
    """Notebook 02's window, summaries, calibration fits and model comparison (its cells 6, 12 and 15)."""
    from analysis import clv
    from analysis.customerdata import resolve_window
    from analysis.summary import calibration_holdout_summary, customer_summary

    study = data.study if study is None else study
    p = data.parameters(_NOTEBOOK) if notebook_parameters is None else notebook_parameters
    tx = (data.tables if study is data.study else data.memo("cdnow", study.load_tables))["transactions"]
    window = resolve_window(tx, study.window.override(observation_end=p["observation_end"],
                                                       calibration_end=p["calibration_end"],
                                                       holdout_length=p["holdout_length"], time_unit=p["time_unit"]))
    cal_end, obs_end = window.holdout_end(), window.observation_end
    cal = calibration_holdout_summary(tx, cal_end, obs_end, time_unit=window.time_unit)
    models = clv.transaction_models(p["models"])
    fits = {name: model_class().fit(clv.fitting_sample(cal)) for name, model_class in models.items()}
    comparison = clv.compare_models(fits, cal).round(4)
    return {"p": p, "tx": tx, "window": window, "cal": cal, "models": models, "fits": fits,
            "comparison": comparison, "full": customer_summary(tx, obs_end, time_unit=window.time_unit)}


def _fits(data: ClassData) -> dict[str, Any]:
    return data.memo("clv.fits", lambda: _model_fits(data))


def _value(data: ClassData, discount_rate: float | None = None, risk_threshold: float | None = None) -> dict:
    """Notebook 02's value table and win-back rule (cells 23 and 24), with one parameter changed or none."""
    from analysis import clv

    run = _fits(data)
    p = run["p"]
    rate = p["discount_rate"] if discount_rate is None else discount_rate
    threshold = p["risk_threshold"] if risk_threshold is None else risk_threshold

    def spend_model():
        return data.memo("clv.spend_model", lambda: clv.GammaGamma().fit(clv.fitting_sample(run["full"], "spend")))

    def forecast():
        best = run["comparison"].index[0]
        value_model = data.memo("clv.value_model", lambda: run["models"][best]().fit(clv.fitting_sample(run["full"])))
        return clv.forecast_table(value_model, run["full"], spend_model=spend_model(), horizon=p["horizon"],
                                  time_unit=run["window"].time_unit, discount_rate=0.0 if rate is None else rate,
                                  margin=1.0 if p["margin"] is None else p["margin"])

    def compute():
        value = data.memo(f"clv.forecast.{rate}", forecast).copy()
        rule = clv.win_back_rule(value, threshold=threshold, min_p_alive=p["min_p_alive"],
                                 worth="value_if_alive").round(4)
        value["win_back_status"] = clv.win_back_status(value, rule)
        value = value.sort_values("clv", ascending=False).round(4)
        return {"value": value, "rule": rule, "targets": clv.win_back_targets(value, rule)}

    return data.memo(f"clv.value.{rate}.{threshold}", compute)


def _check_spend_basis(data: ClassData) -> None:
    """The exercises on value need the Gamma-Gamma spend model, as the class study has."""
    from analysis import clv
    from analysis.errors import ParameterError

    run = _fits(data)
    basis = clv.spend_basis(run["full"], amounts=clv.has_amounts(run["tx"])).loc["spend", "basis"]
    if basis != "gamma_gamma":
        raise ParameterError(f"notebook 02's value exercises need amounts a Gamma-Gamma spend model can fit; "
                             f"this study's spend basis is {basis!r}")


def _best_model(data: ClassData) -> Solution:
    comparison = _fits(data)["comparison"]
    best, other = comparison.iloc[0], comparison.iloc[1]
    return Solution({"model": str(best.name), "rmse": float(best["rmse"])},
                    {"model": str(best.name), "rmse": float(best["rmse"]), "other": str(other.name),
                     "other_rmse": float(other["rmse"]), "actual": float(best["actual_total"]),
                     "predicted": float(best["predicted_total"]), "error": float(best["aggregate_error_pct"])})


def _silent_customer(cal: pd.DataFrame) -> str:
    """The first customer (by id) with at least two repeat purchases, silent for more than SILENT_WEEKS."""
    chosen = cal[(cal["frequency"] >= 2) & (cal["T"] - cal["recency"] > SILENT_WEEKS)]
    return str(chosen.sort_index().index[0])


def _p_alive(data: ClassData) -> Solution:
    run = _fits(data)
    cal = run["cal"]
    who = _silent_customer(cal)
    model = run["fits"]["BetaGeo"]
    p = float(model.prob_alive(cal.loc[[who]]).iloc[0])
    row = cal.loc[who]
    return Solution(round(p, 4), {"who": who, "x": int(row["frequency"]), "tx": float(row["recency"]),
                                  "T": float(row["T"]), "p": p, "silent": float(row["T"] - row["recency"])})


def _discount(data: ClassData) -> Solution:
    _check_spend_basis(data)
    before = float(_value(data)["value"]["clv"].sum())
    after = float(_value(data, discount_rate=CHANGED_DISCOUNT_RATE)["value"]["clv"].sum())
    p = _fits(data)["p"]
    return Solution({"total_clv": round(after, 2)},
                    {"before": before, "after": after, "rise": after / before - 1, "horizon": float(p["horizon"]),
                     "rate": float(p["discount_rate"] or 0.0)})


def _threshold(data: ClassData) -> Solution:
    _check_spend_basis(data)
    before, after = _value(data)["targets"], _value(data, risk_threshold=CHANGED_RISK_THRESHOLD)["targets"]
    p = _fits(data)["p"]
    return Solution(int(len(after)),
                    {"before": int(len(before)), "after": int(len(after)), "threshold": float(p["risk_threshold"]),
                     "changed": CHANGED_RISK_THRESHOLD, "min_p": float(p["min_p_alive"]),
                     "risk_before": float(before["value_at_risk"].sum()),
                     "risk_after": float(after["value_at_risk"].sum())})


def _top_target(data: ClassData) -> Solution:
    _check_spend_basis(data)
    targets = _value(data)["targets"]
    top = targets.iloc[0]
    return Solution({"customer_id": str(top.name), "value_at_risk": round(float(top["value_at_risk"]), 2)},
                    {"customer_id": str(top.name), "value_at_risk": float(top["value_at_risk"]),
                     "value_if_alive": float(top["value_if_alive"]), "clv": float(top["clv"]),
                     "p_alive": float(top["p_alive"]), "n": int(len(targets)),
                     "total": float(targets["value_at_risk"].sum())})


def _concentration(data: ClassData) -> Solution:
    from analysis import clv

    _check_spend_basis(data)
    value = _value(data)["value"]["clv"]
    table = clv.value_concentration(value).round(4)
    revenue = _fits(data)["tx"].groupby("customer_id")["amount"].sum().sort_values(ascending=False)
    n = int(np.floor(0.1 * len(value)))
    return Solution(float(table.loc[0.1, "value_share"]),
                    {"share": float(table.loc[0.1, "value_share"]), "n": int(table.loc[0.1, "customers"]),
                     "share1": float(table.loc[0.01, "value_share"]),
                     "revenue": float(revenue.iloc[:n].sum() / revenue.sum())})


def _net_value(data: ClassData) -> Solution:
    from analysis import clv

    _check_spend_basis(data)
    value = _value(data)["value"]
    customers = data.tables["customers"].set_index("customer_id")
    channel = customers["acquisition_channel"].astype(str)
    by_channel = clv.value_by_group(value, channel, name="acquisition_channel").round(3)
    cac = customers["acquisition_cost"].reindex(value.index).groupby(channel.reindex(value.index)).mean()
    net = (by_channel["mean_clv"] - cac.reindex(by_channel.index)).round(2)
    best, worst = net.idxmax(), net.idxmin()
    return Solution({"channel": str(best), "net": float(net[best])},
                    {"channel": str(best), "net": float(net[best]), "clv": float(by_channel.loc[best, "mean_clv"]),
                     "cac": float(cac[best]), "worst": str(worst), "worst_net": float(net[worst]),
                     "worst_clv": float(by_channel.loc[worst, "mean_clv"]), "worst_cac": float(cac[worst]),
                     "costliest": str(cac.idxmax())})


def _cdnow(data: ClassData) -> Solution:
    from analysis.study import load_study

    def compute():
        study = load_study(data.study.path.parent / "cdnow.yaml")
        p = {**_study_parameters(study, _NOTEBOOK), "models": ["BetaGeo", "ParetoNBD"]}
        return _model_fits(data, study, p)["comparison"]

    comparison = data.memo("clv.cdnow", compute)
    better, worse = comparison.index[0], comparison.index[1]
    return Solution({"better": str(better), "rmse_bg": float(comparison.loc["BetaGeo", "rmse"]),
                     "rmse_pnbd": float(comparison.loc["ParetoNBD", "rmse"])},
                    {"better": str(better), "worse": str(worse), "rmse_better": float(comparison.loc[better, "rmse"]),
                     "rmse_worse": float(comparison.loc[worse, "rmse"]),
                     "ll_better": float(comparison.loc[better, "loglik"]),
                     "ll_worse": float(comparison.loc[worse, "loglik"]),
                     "error_better": float(comparison.loc[better, "aggregate_error_pct"]),
                     "error_worse": float(comparison.loc[worse, "aggregate_error_pct"])})


_VALUE_TABLE = (
    'from analysis import clv\n'
    'from analysis.customerdata import resolve_window\n'
    'from analysis.summary import calibration_holdout_summary, customer_summary\n\n'
    'p, tx = wb.parameters(), wb.tables["transactions"]\n'
    'window = resolve_window(tx, wb.study.window)\n'
    'cal = calibration_holdout_summary(tx, window.holdout_end(), window.observation_end, time_unit=window.time_unit)\n'
    'models = clv.transaction_models(p["models"])\n'
    'best = clv.compare_models({n: m().fit(clv.fitting_sample(cal)) for n, m in models.items()}, cal).index[0]\n'
    'full = customer_summary(tx, window.observation_end, time_unit=window.time_unit)\n'
    'value = clv.forecast_table(models[best]().fit(clv.fitting_sample(full)), full,\n'
    '                           spend_model=clv.GammaGamma().fit(clv.fitting_sample(full, "spend")),\n'
    '                           horizon=p["horizon"], time_unit=window.time_unit,\n'
    '                           discount_rate=p["discount_rate"] or 0.0, margin=p["margin"] or 1.0)\n'
    '# value: notebook 02\'s table customer_value\n'
)

EXERCISES = (
    Exercise("02.1", "best_model", _CATALOG, "read", "clv", _best_model,
             'answer = {"model": None, "rmse": None}  # the first row of the table model_comparison\n',
             tolerance=0.0005),
    Exercise("02.2", "p_alive", _CATALOG, "compute", "clv", _p_alive,
             'from analysis.customerdata import resolve_window\n'
             'from analysis.summary import calibration_holdout_summary\n\n'
             'tx = wb.tables["transactions"]\n'
             'window = resolve_window(tx, wb.study.window)\n'
             'cal = calibration_holdout_summary(tx, window.holdout_end(), window.observation_end, '
             'time_unit=window.time_unit)\n'
             'silent = cal[(cal["frequency"] >= 2) & (cal["T"] - cal["recency"] > 20)].sort_index()\n'
             'who = silent.index[0]\n'
             'print(who, cal.loc[who, ["frequency", "recency", "T"]].to_dict())\n'
             'r, alpha, a, b = None, None, None, None  # BetaGeo\'s estimates in the table model_parameters\n'
             'answer = None  # P(alive) of this customer at the calibration end, by the formula\n',
             tolerance=0.0005, expect=lambda s: s.facts["x"] >= 2 and s.facts["silent"] > SILENT_WEEKS),
    Exercise("02.3", "discount", _CATALOG, "change", "clv", _discount,
             'discount_rate = 0.0  # set this in notebook 02\'s parameters cell and run it again\n'
             'answer = {"total_clv": None}  # the sum of the column clv of the table customer_value\n',
             tolerance=1.0, expect=lambda s: 0 < s.facts["rise"] < s.facts["rate"]),
    Exercise("02.4", "threshold", _CATALOG, "change", "retention", _threshold,
             'risk_threshold = 0.3  # set this in notebook 02\'s parameters cell and run it again\n'
             'answer = None  # the number of rows of the table win_back_targets\n',
             tolerance=0, expect=lambda s: s.facts["after"] < s.facts["before"]
             and s.facts["risk_after"] < s.facts["risk_before"]),
    Exercise("02.5", "top_target", _CATALOG, "read", "retention", _top_target,
             'answer = {"customer_id": None, "value_at_risk": None}  # the first row of the table win_back_targets\n',
             tolerance=0.01, expect=lambda s: s.facts["p_alive"] < 0.5 and s.facts["n"] > 0),
    Exercise("02.6", "concentration", _CATALOG, "compute", "clv", _concentration,
             _VALUE_TABLE + 'answer = None  # the share (0 to 1) of the total CLV held by the top 10% of customers\n',
             tolerance=0.0005, expect=lambda s: s.facts["share"] > s.facts["revenue"]),
    Exercise("02.7", "net_value", _CATALOG, "compute", "relationship_value", _net_value,
             _VALUE_TABLE + 'customers = wb.tables["customers"]  # acquisition_channel, acquisition_cost\n'
             'answer = {"channel": None, "net": None}  # the channel with the highest mean CLV minus mean '
             'acquisition cost\n',
             tolerance=0.01, expect=lambda s: s.facts["net"] < 0 and s.facts["worst"] == s.facts["costliest"]),
    Exercise("02.8", "cdnow", _CATALOG, "apply", "clv", _cdnow,
             'models = ["BetaGeo", "ParetoNBD"]  # run notebook 02 with study = "../params/cdnow.yaml" and these models\n'
             'answer = {"better": None, "rmse_bg": None, "rmse_pnbd": None}  # from the table model_comparison\n',
             tolerance=0.0005, expect=lambda s: s.facts["ll_better"] < s.facts["ll_worse"]
             and abs(s.facts["rmse_better"] - s.facts["rmse_worse"]) < 0.05
             and s.facts["error_better"] < 0 and s.facts["error_worse"] < 0),
)
