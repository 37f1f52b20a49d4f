"""Messages of the loyalty-programme section (analysis.messages.loyalty): every key renders with the fields its
callers pass and leaves no unfilled field; every covariate, verdict, period, cost item and tier state the
section names has words."""

from __future__ import annotations

import string

import pytest

from analysis.messages import loyalty as catalog
from analysis.messages import msg
from analysis.retention import LOYALTY_COVARIATES, PROGRAMME_VERDICTS

FIELDS = {
    "limit": "0.1", "level": 0.95, "period": "quarter", "start": "2024-01-01", "end": "2024-12-31",
    "currency": "US dollars", "pct": 0.084, "lo": 0.042, "hi": 0.122, "members": 938, "controls": 1510,
    "spend": 174331.2, "margin": 4067.0, "cost": 1731.0, "rewards": 1034.0, "liability": 696.66, "running": 0.0,
    "verdict": "pays for itself", "outstanding": 69666.0, "joined": 383, "up": 4, "down": 0, "same": 2, "left": 10,
    "smd": 0.044, "covariate": "tenure", "trimmed": 36, "ess": 687.2, "p": 0.056, "n": 5, "a": 0.084, "b": 0.093,
    "missing": "memberships table", "minimum": "20", "truth": 1.1, "naive": 1.5, "weighted": 1.084, "did": 1.093,
    "naive_covers": "misses it", "weighted_covers": "contains it", "did_covers": "contains it",
}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(catalog.MESSAGES["en"]))
def test_every_key_renders(key):
    assert key.startswith("loyalty.")
    assert _fields(catalog.MESSAGES["en"][key]) <= set(FIELDS), key
    text = msg(key, language="en", **FIELDS)
    assert text and "{" not in text and "}" not in text


def test_every_covariate_verdict_item_and_state_has_words():
    for c in LOYALTY_COVARIATES:
        assert msg(f"loyalty.covariate.{c}")
    for v in PROGRAMME_VERDICTS.values():
        assert msg(f"loyalty.verdict.{v}")
    for item in ("incremental_margin", "rewards_given", "points_liability", "running_cost"):
        assert msg(f"loyalty.item.{item}")
    for missing in ("memberships", "transactions", "amount"):
        assert msg(f"loyalty.missing.{missing}")
    assert msg("loyalty.tier.none") == "not a member"


def test_effects_read_as_signed_percentages():
    assert msg("loyalty.text.weighted", pct=0.084, lo=-0.012, hi=0.122).endswith("by +8.4% (-1.2% to +12.2%).")
