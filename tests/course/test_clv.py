"""Notebook 02's exercises, checked by the student's route: the formula by hand, counts and sorts with pandas.

The per-customer value table is rebuilt by running the workbook's starter code (so
the starter is checked too); P(alive) comes from BG/NBD's closed form; the
discounted total from a fine numerical sum of the model's expected purchases.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import clv
from analysis.course import Workbook, exercise
from analysis.course.clv import CHANGED_RISK_THRESHOLD, SILENT_WEEKS
from tests.course.conftest import OTHER_SEEDS

SEEDS = (None, *OTHER_SEEDS)


@pytest.fixture(scope="module")
def student():
    """``student(seed)``: the namespace after running exercise 02.6's starter code in a workbook of that seed."""
    made: dict = {}

    def run(seed):
        if seed not in made:
            namespace = {"wb": Workbook("02", seed=seed), "pd": pd}
            exec(exercise("02.6").starter, namespace)
            made[seed] = namespace
        return made[seed]

    return run


def _rmse(model, cal: pd.DataFrame) -> float:
    assert cal["duration_holdout"].nunique() == 1  # every customer's holdout period is the same here
    predicted = model.predict_purchases(float(cal["duration_holdout"].iloc[0]), cal).to_numpy()
    return float(np.sqrt(np.mean((cal["frequency_holdout"].to_numpy() - predicted) ** 2)))


def _p_alive(r, alpha, a, b, x, t_x, T) -> float:
    """BG/NBD's P(alive) (Fader, Hardie and Lee 2005, eq. 13) for x > 0."""
    return 1.0 / (1.0 + a / (b + x - 1) * ((alpha + T) / (alpha + t_x)) ** (r + x))


@pytest.mark.parametrize("seed", SEEDS)
def test_model_choice_and_p_alive_by_hand(seed, student):
    ns = student(seed)
    cal, models = ns["cal"], ns["models"]
    fits = {name: m().fit(clv.fitting_sample(cal)) for name, m in models.items()}
    errors = {name: _rmse(model, cal) for name, model in fits.items()}
    best = exercise("02.1").solve(ns["wb"].data).answer
    assert best["model"] == min(errors, key=errors.get)
    assert best["rmse"] == pytest.approx(errors[best["model"]], abs=5e-5)
    # 02.2: the closed form with the estimates as the table shows them (4 decimals) and unrounded
    who = cal[(cal["frequency"] >= 2) & (cal["T"] - cal["recency"] > SILENT_WEEKS)].sort_index().index[0]
    x, t_x, T = cal.loc[who, ["frequency", "recency", "T"]]
    table = clv.parameter_table({"BetaGeo": fits["BetaGeo"]}).round(4).loc["BetaGeo", "estimate"]
    answer = exercise("02.2").solve(ns["wb"].data).answer
    assert answer == pytest.approx(_p_alive(*(fits["BetaGeo"].params_[k] for k in ("r", "alpha", "a", "b")),
                                            x, t_x, T), abs=5e-5)
    assert answer == pytest.approx(_p_alive(*(table[k] for k in ("r", "alpha", "a", "b")), x, t_x, T), abs=5e-4)


@pytest.mark.parametrize("seed", SEEDS)
def test_value_answers_by_hand(seed, student):
    ns = student(seed)
    value, data = ns["value"], ns["wb"].data
    # 02.6: the top 10% of customers' share of the total CLV, by sorting
    ranked = value["clv"].sort_values(ascending=False)
    top = int(0.1 * len(ranked))
    assert exercise("02.6").solve(data).answer == pytest.approx(ranked.iloc[:top].sum() / ranked.sum(), abs=5e-4)
    # 02.4 and 02.5: the win-back rule applied by hand: 5% <= P(alive) < threshold, value if alive in the top quarter
    valuable = value["value_if_alive"] >= value["value_if_alive"].quantile(0.75)
    p = value["p_alive"]
    changed = valuable & (p >= 0.05) & (p < CHANGED_RISK_THRESHOLD)
    assert exercise("02.4").solve(data).answer == int(changed.sum())
    targets = value[valuable & (p >= 0.05) & (p < 0.5)]
    at_risk = targets["value_if_alive"] - targets["clv"]
    assert exercise("02.5").solve(data).answer == {"customer_id": at_risk.idxmax(),
                                                   "value_at_risk": pytest.approx(at_risk.max(), abs=0.01)}
    # 02.7: mean CLV minus mean acquisition cost per channel, by groupby
    customers = data.tables["customers"].set_index("customer_id")
    per = pd.DataFrame({"clv": value["clv"], "cac": customers["acquisition_cost"].reindex(value.index),
                        "channel": customers["acquisition_channel"].reindex(value.index)}).groupby("channel").mean()
    net = per["clv"] - per["cac"]
    assert exercise("02.7").solve(data).answer == {"channel": net.idxmax(), "net": pytest.approx(net.max(), abs=0.01)}


@pytest.mark.parametrize("seed", SEEDS)
def test_discounting_by_a_fine_sum(seed, student):
    ns = student(seed)
    value, full, p, data = ns["value"], ns["full"], ns["p"], ns["wb"].data
    model = ns["models"][ns["best"]]().fit(clv.fitting_sample(full))
    # without discounting: margin x expected spend x expected purchases over the horizon
    margin, rate = p["margin"] or 1.0, p["discount_rate"] or 0.0
    undiscounted = float((margin * value["expected_spend"] * value["expected_purchases"]).sum())
    assert exercise("02.3").solve(data).answer["total_clv"] == pytest.approx(undiscounted, rel=1e-4)
    # with 10% a year: each week's expected purchases discounted at mid-week, (1 + d) ** -(t / 52.18)
    weeks = np.linspace(0.0, p["horizon"], 4 * int(p["horizon"]) + 1)  # quarter weeks
    cumulative = np.column_stack([model.predict_purchases(float(t), full).to_numpy() for t in weeks])
    factor = (1 + rate) ** (-((weeks[1:] + weeks[:-1]) / 2) * 7 / 365.25)
    discounted = (np.diff(cumulative, axis=1) * factor).sum(axis=1)
    by_hand = float((margin * value["expected_spend"].reindex(full.index).to_numpy() * discounted).sum())
    facts = exercise("02.3").solve(data).facts
    # the package discounts each of its 12 steps' purchases at the step's end: more than the mid-week sum, by
    # less than one step (4.3 weeks) of discount, 1 - 1.1 ** -(52 / 12 * 7 / 365.25) = 0.8% (measured: 0.4%)
    one_step = 1 - (1 + rate) ** -(p["horizon"] / 12 * 7 / 365.25)
    assert by_hand * (1 - one_step) <= facts["before"] < by_hand
    assert facts["before"] == pytest.approx(value["clv"].sum(), rel=1e-5)


def test_cdnow_comparison_by_hand(class_data):
    from analysis.customerdata import resolve_window
    from analysis.study import load_study
    from analysis.summary import calibration_holdout_summary

    study = load_study(class_data(None).study.path.parent / "cdnow.yaml")
    tx = study.load_tables()["transactions"]
    window = resolve_window(tx, study.window)
    assert window.holdout_end() == pd.Timestamp("1997-09-30")  # the classic 39-week calibration period
    cal = calibration_holdout_summary(tx, window.holdout_end(), window.observation_end, time_unit="W")
    errors = {name: _rmse(clv.transaction_models([name])[name]().fit(clv.fitting_sample(cal)), cal)
              for name in ("BetaGeo", "ParetoNBD")}
    answer = exercise("02.8").solve(class_data(None)).answer
    assert answer["better"] == min(errors, key=errors.get)
    assert answer["rmse_bg"] == pytest.approx(errors["BetaGeo"], abs=5e-5)
    assert answer["rmse_pnbd"] == pytest.approx(errors["ParetoNBD"], abs=5e-5)
