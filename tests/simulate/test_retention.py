"""Tests of analysis.simulate.retention: the fifth stream leaves the old tables alone, determinism, truth.

The hashes below were computed from the code before the retention data existed
(commit 6fd7b5d, simulate_service_firm(400, seed=21, ...)): with
retention_data=False the four tables must stay byte-identical to them.
"""

from __future__ import annotations

import hashlib
import json
import time

import numpy as np
import pandas as pd
import pytest

from analysis.simulate import simulate_service_firm

#: sha256 (first 16 hex digits) of dtypes + CSV text, computed before the change
BEFORE = {
    (): {"customers": "9a348d21fbc767a7", "transactions": "f8dc78ff386514b2",
         "survey": "b113a738c1a5ca84", "campaign": "91f86ece0f362365"},
    (("date_resolution", "h"), ("years", 1.5)): {
        "customers": "25f88274529a20f6", "transactions": "4bf640bbee4475c2",
        "survey": "d65ba17cd7556f3e", "campaign": "ba33d363480a0651"},
}

#: the scorecard's KPI names (contract C5)
KPIS = {"retention_rate", "churn_rate", "satisfaction_index", "complaint_rate",
        "complaints_per_customer", "value_added_sales", "cross_sell_rate", "referral_rate"}


def _digest(df: pd.DataFrame) -> str:
    h = hashlib.sha256()
    h.update(repr(list(df.dtypes.astype(str).items())).encode())
    h.update(df.to_csv(index=False).encode())
    return h.hexdigest()[:16]


@pytest.mark.parametrize("options", list(BEFORE))
def test_without_retention_data_the_four_tables_are_byte_identical_to_before(options):
    firm = simulate_service_firm(400, seed=21, retention_data=False, **dict(options))
    got = {name: _digest(getattr(firm, name)) for name in ("customers", "transactions", "survey", "campaign")}
    assert got == BEFORE[options]
    assert firm.complaints is None and firm.memberships is None
    assert list(firm.tables()) == ["transactions", "customers", "survey", "channel_outcomes"]


def test_with_retention_data_customers_and_survey_draws_are_unchanged():
    on, off = simulate_service_firm(400, seed=21), simulate_service_firm(400, seed=21, retention_data=False)
    pd.testing.assert_frame_equal(on.customers.drop(columns="referred_by"), off.customers)
    pd.testing.assert_frame_equal(on.survey, off.survey)
    # the log only loses orders (after a complaint) and member amounts rise: same order ids otherwise
    assert set(on.transactions["order_id"]) <= set(off.transactions["order_id"])
    same = on.transactions.drop(columns=["category", "amount"]).reset_index(drop=True)
    kept = off.transactions[off.transactions["order_id"].isin(on.transactions["order_id"])]
    pd.testing.assert_frame_equal(same, kept.drop(columns="amount").reset_index(drop=True))
    assert (on.transactions["amount"].to_numpy() >= kept["amount"].to_numpy()).all()


def test_same_seed_gives_identical_bytes_and_another_seed_differs():
    a, b, c = (simulate_service_firm(800, seed=s) for s in (42, 42, 43))
    for name in a.tables():
        assert _digest(a.tables()[name]) == _digest(b.tables()[name]), name
        assert _digest(a.tables()[name]) != _digest(c.tables()[name]), name


def test_truth_records_every_mechanism_and_the_targets(firm):
    t = firm.truth
    assert t.retention_data
    assert t.recovery_repurchase_ratio == {"good": 0.95, "poor": 0.6}
    assert t.recovery_repurchase_ratio == {r: pytest.approx(1 - p) for r, p in t.recovery_leave_prob.items()}
    assert t.loyalty_launch == t.start + pd.Timedelta(days=365)  # one year: the end of acquisition
    assert firm.customers["acquisition_date"].max() < t.loyalty_launch
    assert set(t.targets) == KPIS
    for word in ("Complaints:", "Loyalty programme:", "Memberships:", "Categories:", "Referrals:", "targets"):
        assert sum(note.startswith(word) for note in t.notes) == 1, word
    json.dumps(t.as_dict())
    frame = t.to_frame()
    row = frame[(frame["parameter"] == "recovery_leave_prob") & (frame["group"] == "poor")]
    assert row["value"].item() == 0.4 and row["component"].item() == "complaints"
    assert frame.loc[frame["parameter"] == "membership_sbg", "component"].eq("loyalty").all()
    assert frame.loc[frame["parameter"] == "targets", "component"].eq("targets").all()
    assert not any(n.startswith("Complaints:") for n in simulate_service_firm(
        100, seed=1, retention_data=False).truth.notes)


def test_default_size_stays_fast():
    t0 = time.perf_counter()
    simulate_service_firm()
    assert time.perf_counter() - t0 < 3.0


@pytest.mark.parametrize("options", [
    {"n_customers": 10},
    {"n_customers": 300, "years": 0.1},
    {"n_customers": 300, "acquisition_share": 1.0},  # launch at the end: nobody can join
    {"n_customers": 300, "channel_mix": {"web": 1.0, "kiosk": 1.0}, "bgnbd": {"kiosk": {"r": 1, "alpha": 5, "a": 1, "b": 3}},
     "gamma_gamma": {"kiosk": {"p": 5, "q": 4, "v": 30}}, "acquisition_cost": {"kiosk": 20},
     "cost_to_serve": {"kiosk": 2}},
    {"n_customers": 300, "date_resolution": "s"},
])
def test_small_and_unusual_firms_still_give_valid_tables(options):
    from analysis.schemas import validate_complaints, validate_memberships

    firm = simulate_service_firm(seed=3, **options)
    for table, validate in ((firm.complaints, validate_complaints), (firm.memberships, validate_memberships)):
        if len(table):  # a table without rows is refused by validation; load_dataset leaves it out
            pd.testing.assert_frame_equal(validate(table), table)
    assert firm.transactions["category"].notna().all()
    if options.get("acquisition_share") == 1.0:
        assert firm.memberships.empty
    assert np.isfinite(firm.transactions["amount"]).all()
