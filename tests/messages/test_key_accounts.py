"""The key-accounts message catalog: every quadrant has a name and a strategy, sentences format
numbers as a reader expects, and an error message says what to write instead.

References: the templates are filled by hand with the numbers a reader would compute and
compared with the expected sentence.
"""

from __future__ import annotations

import pytest

from analysis.messages import msg
from analysis.messages.key_accounts import MESSAGES
from analysis.segmentation.key_accounts import COMPONENTS, QUADRANTS


def test_keys_are_prefixed_and_every_quadrant_and_component_has_words():
    assert all(key.startswith("key_accounts.") for entries in MESSAGES.values() for key in entries)
    for quadrant in QUADRANTS:
        assert msg(f"key_accounts.quadrant.{quadrant}") and len(msg(f"key_accounts.action.{quadrant}")) > 30
    for component in COMPONENTS:
        assert msg(f"key_accounts.component.{component}")


@pytest.mark.parametrize("key, fields, expected", [
    ("key_accounts.finding.identified",
     {"k": 20, "share": 0.0912, "what": "margin", "days": 365, "key_value": 11800.2, "total_value": 129100.43,
      "unit": "USD"},
     "The 20 key accounts (the customers with the highest key-account score) bring 9.1% of the margin of the "
     "last 365 days: 11,800.20 of 129,100.43 USD."),
    ("key_accounts.finding.sensitivity", {"weighting": "growth potential", "overlap": 13, "k": 20, "share": 0.65},
     "Ranked by growth potential alone, 13 of the 20 key accounts would still be on the list (65%)."),
    ("key_accounts.profile.category", {"name": "spa", "share": 0.456}, "spa (46%)"),
    ("key_accounts.check.cut.warn", {"tied": 3, "inside": 2},
     "3 customers share the score of the last key account and 2 of them made the list: the last places were "
     "decided by the tie rule (higher current value first, then customer id), not by the score."),
])
def test_sentences_format_numbers_as_a_reader_expects(key, fields, expected):
    assert msg(key, **fields) == expected


def test_error_messages_say_what_to_write_and_hold_no_brace():
    text = msg("key_accounts.error.unknown_component", unknown=["size"], components="value, growth")
    assert "e.g. value: 0.6" in text and "{" not in text
    assert "give at least value a positive weight" in msg("key_accounts.error.zero_weights")
