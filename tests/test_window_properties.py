"""Property-based tests of the one date parser of parameters, analysis.window.parse_date (issue 14).

Any value a user can write as a parameter (text, numbers, NaN, inf, huge
integers, dates, time zones) gives midnight of a day or a ParameterError that
names the parameter, never another exception.
"""

from __future__ import annotations

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st
from property_cases import AWKWARD_TEXT, CELLS, bounded, outcome

from analysis.errors import ParameterError
from analysis.window import parse_date

ZONES = st.sampled_from(["UTC", "Asia/Shanghai", "America/Los_Angeles", "Pacific/Kiritimati", "Mars/Base", ""])


@bounded(200)
@given(value=st.one_of(CELLS, AWKWARD_TEXT, st.text(max_size=30), st.lists(CELLS, max_size=2)), timezone=ZONES)
def test_parse_date_gives_a_day_or_names_the_parameter(value, timezone):
    result = outcome(parse_date, value, "observation_end", timezone=timezone)
    if isinstance(result, pd.Timestamp):
        assert result.tzinfo is None and result == result.normalize()
    else:
        assert isinstance(result, ParameterError) and ("observation_end" in str(result) or "timezone" in str(result)), \
            str(result)
