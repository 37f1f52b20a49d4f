"""Notebook 04's exercises, checked against independent computations: rates and lifts by groupby, standardized
differences from means and variances, the adjusted comparison as a logistic regression fitted by Newton's
method and standardized over all contacts (g-computation), channel economics from the transactions."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.course import exercise
from analysis.course.channels import BALANCE_COVARIATE, CHANGED_MARGIN, SINGLE_COVARIATES
from tests.course.conftest import OTHER_SEEDS

SEEDS = (None, *OTHER_SEEDS)
CONTROL = "control"
COVARIATES = ("lifecycle_stage", "tenure_days", "past_spend")


def _outcomes(data) -> pd.DataFrame:
    from analysis.channels import with_lifecycle_stage

    return with_lifecycle_stage(data.tables["channel_outcomes"], data.study.lifecycle)


def _adjusted(outcomes: pd.DataFrame, covariates) -> pd.Series:
    """Each arm's adjusted visit difference from control (points): logistic regression by Newton's method on the
    channel and the covariates, then every contact's predicted visit as if in the arm minus as if in control."""
    arms = sorted(set(outcomes["channel"]) - {CONTROL})
    parts = []
    for c in covariates:
        col = outcomes[c]
        if pd.api.types.is_numeric_dtype(col):
            parts.append(((col - col.mean()) / col.std()).to_frame(c))
        else:
            parts.append(pd.get_dummies(col.astype(str), prefix=c, drop_first=True, dtype=float))
    x_cov = pd.concat(parts, axis=1).to_numpy(float) if parts else np.empty((len(outcomes), 0))

    def design(channel: pd.Series) -> np.ndarray:
        dummies = np.column_stack([(channel == a).to_numpy(float) for a in arms])
        return np.column_stack([np.ones(len(channel)), dummies, x_cov])

    x, y = design(outcomes["channel"]), outcomes["visit"].to_numpy(float)
    beta = np.zeros(x.shape[1])
    for _ in range(50):
        prob = 1 / (1 + np.exp(-x @ beta))
        step = np.linalg.solve(x.T @ (x * (prob * (1 - prob))[:, None]), x.T @ (y - prob))
        beta += step
        if np.abs(step).max() < 1e-12:
            break

    def mean_visit(arm: str) -> float:
        return float((1 / (1 + np.exp(-design(pd.Series(arm, index=outcomes.index)) @ beta))).mean())

    return pd.Series({a: 100 * (mean_visit(a) - mean_visit(CONTROL)) for a in arms})


def _smd(outcomes: pd.DataFrame, covariate: str, value=None) -> pd.Series:
    x = outcomes[covariate] if value is None else (outcomes[covariate].astype(str) == value).astype(float)
    c = x[outcomes["channel"] == CONTROL]
    return pd.Series({a: (x[outcomes["channel"] == a].mean() - c.mean())
                      / np.sqrt((x[outcomes["channel"] == a].var() + c.var()) / 2)
                      for a in sorted(set(outcomes["channel"]) - {CONTROL})})


def _max_abs_smd(outcomes: pd.DataFrame) -> float:
    values = [_smd(outcomes, "tenure_days").abs().max(), _smd(outcomes, "past_spend").abs().max()]
    values += [_smd(outcomes, "lifecycle_stage", v).abs().max() for v in outcomes["lifecycle_stage"].unique()]
    return float(max(values))


def _roi(data, margin: float) -> pd.Series:
    """First-year ROI per acquisition channel: mean first-year value of the customers observed a whole year
    (margin x amount - cost to serve, per order, within 365 days of acquisition) over the mean CAC, minus 1."""
    customers, tx = data.tables["customers"], data.tables["transactions"]
    end = tx["date"].max().normalize() + pd.Timedelta(days=1)
    acquired = customers.set_index("customer_id")["acquisition_date"].dt.normalize()
    merged = tx.join(customers.set_index("customer_id")["cost_to_serve"], on="customer_id")
    merged = merged[(merged["date"] - merged["customer_id"].map(acquired)) < pd.Timedelta(days=365)]
    value = (margin * merged["amount"] - merged["cost_to_serve"]).groupby(merged["customer_id"]).sum()
    table = customers.assign(value=customers["customer_id"].map(value).fillna(0.0),
                             eligible=(end - customers["acquisition_date"].dt.normalize()) >= pd.Timedelta(days=365))
    cac = table.groupby("acquisition_channel")["acquisition_cost"].mean()
    first_year = table[table["eligible"]].groupby("acquisition_channel")["value"].mean()
    return first_year / cac - 1


@pytest.mark.parametrize("seed", SEEDS)
def test_answers_equal_a_students_computation(seed, class_data):
    data = class_data(seed)
    outcomes = _outcomes(data)
    rates = outcomes.groupby("channel")["visit"].mean()
    assert exercise("04.1").solve(data).answer == {"channel": rates.idxmax(),
                                                   "rate": pytest.approx(rates.max(), abs=5e-5)}

    lift = {a: 100 * (rates[a] - rates[CONTROL]) for a in rates.index if a != CONTROL}
    assert exercise("04.2").solve(data).answer == {a: pytest.approx(v, abs=0.005) for a, v in lift.items()}

    adjusted = _adjusted(outcomes, COVARIATES)
    leader = rates.drop(index=CONTROL).idxmax()
    assert exercise("04.3").solve(data).answer == {"best_adjusted": adjusted.idxmax(),
                                                   "leader_adjusted": pytest.approx(adjusted[leader], abs=0.006)}

    smd = _smd(outcomes, BALANCE_COVARIATE)
    balance = exercise("04.4").solve(data)
    assert balance.answer == {a: pytest.approx(v, abs=5e-5) for a, v in smd.items()}
    assert abs(balance.facts["smd"]) == pytest.approx(_max_abs_smd(outcomes))

    alone = {c: _adjusted(outcomes, (c,))[leader] for c in SINGLE_COVARIATES}
    assert exercise("04.5").solve(data).answer == {c: pytest.approx(v, abs=0.006) for c, v in alone.items()}

    roi = _roi(data, 0.30)
    assert exercise("04.6").solve(data).answer == {"channel": roi.idxmax(), "roi": pytest.approx(roi.max(), abs=5e-5)}
    assert exercise("04.7").solve(data).answer == (_roi(data, CHANGED_MARGIN) > 0).to_dict()


@pytest.mark.parametrize("seed", SEEDS)
def test_the_randomized_firm_by_hand(seed, class_data):
    from analysis.course.channels import OTHER_STUDY

    data = class_data(seed)
    answer = exercise("04.8").solve(data).answer
    outcomes = _outcomes(data.other_study(OTHER_STUDY))
    rates = outcomes.groupby("channel")["visit"].mean().drop(index=CONTROL)
    assert answer == {"best_raw": rates.idxmax(), "best_adjusted": _adjusted(outcomes, COVARIATES).idxmax(),
                      "max_abs_smd": pytest.approx(_max_abs_smd(outcomes), abs=5e-5)}


def test_the_planted_channel_is_found(class_data):
    # the class firm's truth (its plan): the channel that looks best, the one truly better, the true effects
    from analysis.simulate.classroom import simulate_class_firm

    data = class_data(None)
    plan = simulate_class_firm(seed=data.seed, n_customers=len(data.tables["customers"])).plan
    story = exercise("04.3").solve(data)
    assert story.facts["leader"] == plan.channel
    assert story.answer["best_adjusted"] == plan.rival
    assert story.facts["ci_low"] <= 100 * plan.true_visit_effects[plan.channel] <= story.facts["ci_high"]
