"""Property-based tests of the column mapping (issue 14): any frame labels, any mapping.

apply_column_mapping gives the renamed frame, or a StudyConfigError that names
the canonical key at fault (or says the mapping is not a mapping), never another
exception; a result has every mapped canonical name and leaves the input alone.
"""

from __future__ import annotations

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st
from property_cases import LABELS, bounded, frames, outcome

from analysis.errors import StudyConfigError
from analysis.io import apply_column_mapping

SOURCES = st.one_of(st.sampled_from(["CustID", "Date", "Value", "客户编号", "2024"]), LABELS,
                    st.lists(LABELS, max_size=2), st.floats())
CANONICAL = st.one_of(st.sampled_from(["customer_id", "date", "amount", "CustID"]), LABELS)
MAPPINGS = st.one_of(st.dictionaries(CANONICAL, SOURCES, max_size=4), st.lists(LABELS, max_size=2), LABELS)


@bounded(200)
@given(df=frames(st.one_of(st.sampled_from(["CustID", "Date", "Value", "客户编号", 2024, "customer_id"]), LABELS),
                 max_rows=2),
       mapping=MAPPINGS, table=st.one_of(st.none(), st.sampled_from(["transactions", "survey"])))
def test_mapping_renames_or_names_the_key(df, mapping, table):
    before = df.copy()
    result = outcome(apply_column_mapping, df, mapping, table=table)
    pd.testing.assert_frame_equal(df, before)  # never modifies its input
    if isinstance(result, pd.DataFrame):
        assert all(canonical in result.columns for canonical in mapping), (list(result.columns), mapping)
        assert len(result.columns) == len(df.columns)
    else:
        assert isinstance(result, StudyConfigError), repr(result)
        message = str(result)
        assert "must be a mapping" in message or any(
            f"  - {canonical}:" in message or f"canonical name {canonical!r}" in message for canonical in mapping
        ), message
