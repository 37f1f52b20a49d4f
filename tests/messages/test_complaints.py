"""Messages of the complaints section (analysis.messages.complaints): every key renders with the fields its
callers pass, leaves no unfilled field, and every group and covariate the section names has words."""

from __future__ import annotations

import string

import pytest

from analysis.messages import complaints as catalog
from analysis.messages import msg
from analysis.retention.recovery import COVARIATES, GROUPS

FIELDS = {
    "period": "quarter", "level": 0.95, "days": 180, "complaints": 628, "orders": 20909, "rate": 30.0, "low": 27.7,
    "high": 32.5, "customers": 5000, "share": 0.115, "share_low": 0.106, "share_high": 0.124, "low_rate": 18.6,
    "high_rate": 47.1, "low_lo": 15.4, "low_hi": 22.2, "high_lo": 38.4, "high_hi": 57.2, "latest": "2024Q4",
    "first": "2023Q1", "first_rate": 27.2, "n": 5, "k": 4, "names": "waiting time, billing", "median": 3.0,
    "q25": 1.0, "q75": 8.0, "open": 1, "group": "web", "mean": 5.7, "total": 6815.3, "currency": "US dollars",
    "none": 0.719, "good": 0.645, "poor": 0.464, "none_rate": 0.719, "ratio": 0.92, "ratio_low": 0.84,
    "ratio_high": 1.0, "naive": 0.9, "flag": "Complain", "outcome": "Response", "smd": 0.09, "covariate": "age",
    "limit": "0.1", "failed": 3, "minimum": "10",
    **{f"{g}_{x}": 0.9 for g in ("good", "poor") for x in ("true", "est", "low", "high", "naive")},
}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(catalog.MESSAGES["en"]))
def test_every_key_renders(key):
    assert key.startswith("complaints.")
    assert _fields(catalog.MESSAGES["en"][key]) <= set(FIELDS), key
    text = msg(key, language="en", **FIELDS)
    assert text and "{" not in text and "}" not in text


def test_every_group_covariate_and_period_has_words():
    for g in (*GROUPS, "complained", "no_complaint", "all", "not_recorded"):
        assert msg(f"complaints.group.{g}")
    for c in COVARIATES:
        assert msg(f"complaints.covariate.{c}")
    assert msg("complaints.period.month") == "Month" and msg("complaints.period.quarter") == "Quarter"


def test_rates_read_with_thousands_and_one_decimal():
    text = msg("complaints.text.rate", **FIELDS)
    assert text.startswith("628 complaints were made about 20,909 orders: 30.0 per 1,000 orders (27.7 to 32.5")
