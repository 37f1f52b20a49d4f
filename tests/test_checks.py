"""analysis.checks: the one parameter check and the one way a value is shown in a message.

Issue 14 (case 9): messages printed ``np.float64(0.5)`` and ``np.int64(30)``; every
message now shows a value as the user wrote it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.checks import Interval, check_params, plain, shown, shown_names
from analysis.errors import ParameterError


@pytest.mark.parametrize(("value", "expected"), [
    (np.float64(0.5), 0.5),
    (np.int64(7), 7),
    (np.bool_(True), True),
    ((np.int64(1), np.float32(2.5)), (1, 2.5)),
    ([np.int64(1), "a"], [1, "a"]),
    (pd.Timestamp("2024-01-31"), "2024-01-31"),
    (pd.Timestamp("2024-01-31 10:30"), "2024-01-31T10:30:00"),
    ("text", "text"),
])
def test_plain_turns_numpy_and_pandas_scalars_into_what_the_user_wrote(value, expected):
    got = plain(value)
    assert got == expected and type(got) is type(expected)


def test_shown_never_prints_a_numpy_repr_and_stays_short():
    assert shown(np.float64(0.5)) == "0.5"
    assert shown([np.int64(3), np.int64(4)]) == "[3, 4]"
    assert shown(pd.Series([1, 2])) == "a Series"
    assert len(shown("x" * 500)) == 80


def test_check_params_message_shows_numpy_values_plainly():
    with pytest.raises(ParameterError) as err:
        check_params({"share": [Interval(float, 0, 0.4, closed="both")]}, {"share": np.float64(0.5)}, "f")
    assert str(err.value).endswith("Got 0.5 instead.")
    assert "np." not in str(err.value)


def test_shown_names_quotes_names_as_repr():
    assert shown_names([]) == "" and shown_names(["a", 1]) == "'a', '1'"
