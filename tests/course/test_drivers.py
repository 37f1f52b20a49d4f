"""Notebook 03's exercises, checked against independent computations: the student's route by hand with
pandas and numpy (construct scores as item means, Cronbach's alpha from variances, LMG as the Shapley value
of R² over every subset of attributes by least squares, a logistic regression by Newton's method)."""

from __future__ import annotations

from itertools import combinations
from math import factorial

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from analysis.course import exercise
from analysis.course.drivers import CHANGED_OUTCOME, GAP_DIMENSION
from tests.course.conftest import OTHER_SEEDS

SEEDS = (None, *OTHER_SEEDS)
DIMENSIONS = ("tangibles", "reliability", "responsiveness", "assurance", "empathy")


def _scores(survey: pd.DataFrame, prefix: str = "perc_") -> pd.DataFrame:
    """Each respondent's mean over a dimension's items."""
    return pd.DataFrame({d: survey.filter(regex=rf"^{prefix}{d}_\d+$").mean(axis=1) for d in DIMENSIONS})


def _r2(x: np.ndarray, y: np.ndarray) -> float:
    design = np.column_stack([np.ones(len(y)), x])
    coef, *_ = np.linalg.lstsq(design, y, rcond=None)
    resid = y - design @ coef
    return 1 - resid @ resid / ((y - y.mean()) @ (y - y.mean()))


def _lmg(scores: pd.DataFrame, y: pd.Series) -> pd.Series:
    """LMG by brute force: each attribute's gain in R², averaged over every order of entering (Shapley)."""
    names = list(scores.columns)
    p = len(names)
    r2 = {(): 0.0}
    for k in range(1, p + 1):
        for subset in combinations(range(p), k):
            r2[subset] = _r2(scores.iloc[:, list(subset)].to_numpy(), y.to_numpy(float))
    out = {}
    for j in range(p):
        total = 0.0
        for subset, value in r2.items():
            if j in subset:
                continue
            k = len(subset)
            weight = factorial(k) * factorial(p - k - 1) / factorial(p)
            total += weight * (r2[tuple(sorted((*subset, j)))] - value)
        out[names[j]] = total
    return pd.Series(out)


def _logit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Maximum-likelihood logistic regression by Newton's method (intercept first)."""
    design = np.column_stack([np.ones(len(y)), x])
    beta = np.zeros(design.shape[1])
    for _ in range(50):
        prob = 1 / (1 + np.exp(-design @ beta))
        step = np.linalg.solve(design.T @ (design * (prob * (1 - prob))[:, None]), design.T @ (y - prob))
        beta += step
        if np.abs(step).max() < 1e-12:
            break
    return beta


def _gaps(survey: pd.DataFrame) -> pd.Series:
    return (_scores(survey, "perc_") - _scores(survey, "exp_")).mean()


@pytest.mark.parametrize("seed", SEEDS)
def test_answers_equal_a_students_computation(seed, class_data):
    data = class_data(seed)
    survey = data.tables["survey"]
    scores = _scores(survey)

    alphas = {}
    for d in DIMENSIONS:
        items = survey.filter(regex=rf"^perc_{d}_\d+$")
        k = items.shape[1]
        alphas[d] = k / (k - 1) * (1 - items.var().sum() / items.sum(axis=1).var())
    low = min(alphas, key=alphas.get)
    assert exercise("03.1").solve(data).answer == {"construct": low, "alpha": pytest.approx(alphas[low], abs=5e-5)}

    lmg = _lmg(scores, survey["overall_satisfaction"])
    share = lmg / lmg.sum()
    assert exercise("03.2").solve(data).answer == {"driver": share.idxmax(), "share": pytest.approx(share.max(), abs=5e-5)}

    beta = pd.Series(_logit(scores.to_numpy(), survey["churned"].to_numpy(float))[1:], index=DIMENSIONS)
    assert exercise("03.3").solve(data).answer == {"driver": beta.idxmin(),
                                                   "odds_ratio": pytest.approx(np.exp(beta.min()), abs=5e-5)}

    gaps = _gaps(survey)
    solution = exercise("03.4").solve(data)
    assert solution.answer == {"dimension": gaps.idxmin(), "gap": pytest.approx(gaps.min(), abs=5e-5)}
    assert solution.facts["rank"] == int(share.rank(ascending=False)[gaps.idxmin()])

    assert exercise("03.5").solve(data).answer == pytest.approx(gaps[GAP_DIMENSION], abs=5e-5)

    index = exercise("03.6").solve(data).answer
    assert index["satisfaction"] == pytest.approx((survey["overall_satisfaction"].mean() - 1) / 6 * 100, abs=0.005)

    lmg = _lmg(scores, survey[CHANGED_OUTCOME])
    r2 = _r2(scores.to_numpy(), survey[CHANGED_OUTCOME].to_numpy(float))
    assert lmg.sum() == pytest.approx(r2)  # the shares divide R² exactly
    assert exercise("03.7").solve(data).answer == {"driver": lmg.idxmax(), "r2": pytest.approx(r2, abs=5e-5)}


def test_loyalty_index_is_the_weighted_mean_of_its_items_on_0_100(class_data):
    # the route of the question: each item on 0-100 by its own scale, weighted by the table's weights
    from analysis.course.drivers import _index

    data = class_data(None)
    survey = data.tables["survey"]
    _, weights = _index(data)
    mine = weights[weights["construct"] == "loyalty"]["weight"]
    assert mine.sum() == pytest.approx(1.0)
    on_100 = {"recommend": survey["recommend"].mean() / 10 * 100,
              "loyalty_intent": (survey["loyalty_intent"].mean() - 1) / 6 * 100}
    by_hand = sum(mine[item] * on_100[item] for item in on_100)
    assert exercise("03.6").solve(data).answer["loyalty"] == pytest.approx(by_hand, abs=0.005)
    assert min(on_100.values()) <= by_hand <= max(on_100.values())


@pytest.mark.parametrize("seed", SEEDS)
def test_the_other_firm_by_hand(seed, class_data):
    data = class_data(seed)
    answer = exercise("03.8").solve(data).answer
    from analysis.course.drivers import OTHER_STUDY

    survey = data.other_study(OTHER_STUDY).tables["survey"]
    diff = _scores(survey, "perc_") - _scores(survey, "exp_")
    n = len(diff)
    upper = diff.mean() + stats.t.ppf(0.975, n - 1) * diff.std() / np.sqrt(n)  # paired t interval's upper end
    lmg = _lmg(_scores(survey), survey["overall_satisfaction"])
    assert answer == {"dimension": diff.mean().idxmin(), "n_below": int((upper < 0).sum()), "driver": lmg.idxmax()}


def test_the_planted_shortfall_is_found(class_data):
    # the class firm's truth (its plan): the dimension whose expectations outrun perceptions, and by how much
    from analysis.simulate.classroom import simulate_class_firm

    data = class_data(None)
    plan = simulate_class_firm(seed=data.seed, n_customers=len(data.tables["customers"])).plan
    story = exercise("03.4").solve(data)
    assert story.answer["dimension"] == plan.gap_dimension
    assert story.facts["gap"] == pytest.approx(plan.true_gaps[plan.gap_dimension], abs=0.25)
