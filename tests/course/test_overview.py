"""Notebook 00's exercises, checked against independent pandas computations (the routes a student takes)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.course import exercise
from tests.course.conftest import OTHER_SEEDS


@pytest.mark.parametrize("seed", (None, *OTHER_SEEDS))
def test_answers_equal_a_students_pandas(seed, class_data):
    data = class_data(seed)
    tx = data.tables["transactions"]
    purchases = tx.groupby("customer_id").size()
    assert exercise("00.1").solve(data).answer == tx["customer_id"].nunique()
    assert exercise("00.2").solve(data).answer == pytest.approx((purchases == 1).mean(), abs=5e-5)
    by_hand = exercise("00.3").solve(data).answer
    assert by_hand["revenue"] == pytest.approx(tx["amount"].sum(), abs=0.005)
    assert by_hand["mean_amount"] == pytest.approx(tx["amount"].mean(), abs=5e-5)
    monthly = tx.groupby(tx["date"].dt.to_period("M"))["amount"].sum()
    assert exercise("00.4").solve(data).answer == str(monthly.idxmax())
    end = tx["date"].max().normalize() - pd.Timedelta(days=90)
    assert exercise("00.6").solve(data).answer == int((tx["date"].dt.normalize() > end).sum())


def test_missing_values_by_hand(class_data):
    data = class_data(None)
    counts = {(name, column): int(table[column].isna().sum()) for name, table in data.tables.items()
              for column in table.columns}
    n = max(counts.values())
    answer = exercise("00.5").solve(data).answer
    assert answer["n_missing"] == n and counts[answer["table"], answer["column"]] == n


def test_cdnow_answer_equals_the_published_cohort(class_data):
    # CDNOW's full cohort: 23,570 customers (Fader and Hardie's data notes)
    answer = exercise("00.7").solve(class_data(None)).answer
    assert answer["customers"] == 23570
