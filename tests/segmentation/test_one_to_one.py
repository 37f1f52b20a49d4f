"""One-to-one classes: most valuable, most growable and below-zero customers.

References: ten hand-made customers whose classes are worked out by hand (gaps,
margins, costs per order) in the comments.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.errors import ParameterError
from analysis.segmentation import OneToOne, one_to_one_classes


def test_one_to_one_classes_and_notes():
    idx = pd.Index([f"c{i}" for i in range(10)], name="customer_id")
    t = pd.DataFrame({"monetary": [100.0, 90, 80, 70, 60, 50, 40, 30, 20, 10]}, index=idx)
    cust = pd.DataFrame({"customer_id": list(idx),
                         "potential_value": [100.0, 300, 80, 75, 500, 55, 40, 35, 20, np.nan],
                         "cost_to_serve": [10.0, 95, 0, 0, 0, 0, 45, 0, 0, 11]})
    r = one_to_one_classes(t, cust, top_share=0.2)
    assert r.table.index[r.table["most_valuable"].to_numpy(dtype=bool)].tolist() == ["c0", "c1"]
    # gaps: c4 440, c1 210 largest
    assert r.table.index[r.table["most_growable"].fillna(False).to_numpy(dtype=bool)].tolist() == ["c1", "c4"]
    assert r.table["most_growable"].isna().tolist() == [False] * 9 + [True]
    assert r.table.index[r.table["below_zero"].to_numpy(dtype=bool)].tolist() == ["c1", "c6", "c9"]
    assert r.notes == {}
    # margin rate 0.5: c0 margin 50 > 10; c3 margin 35 > 0; c9 margin 5 < 11
    half = one_to_one_classes(t, cust, top_share=0.2, margin_rate=0.5)
    assert half.table.loc["c9", "below_zero"] and not half.table.loc["c0", "below_zero"]
    per_order = one_to_one_classes(t.assign(frequency=[1] * 9 + [2]), cust.assign(cost_to_serve=[6.0] * 10),
                                   cost_unit="order", margin_rate=0.5)
    # margins 50 .. 5; cost 6 per order, c9 has two orders: 5 - 12 < 0, c8: 10 - 6 > 0
    assert per_order.table["below_zero"].tolist() == [False] * 9 + [True]
    bare = one_to_one_classes(t, None)
    assert set(bare.notes) == {"most_growable", "below_zero"}
    assert "'potential_value'" in bare.notes["most_growable"]
    assert "'cost_to_serve'" in bare.notes["below_zero"]
    assert bare.table["below_zero"].isna().all()
    assert bare.counts().to_dict() == {"most_valuable": 1}


def test_one_to_one_summary_counts_shares_and_notes():
    idx = pd.Index(["a", "b", "c", "d"], name="customer_id")
    t = pd.DataFrame({"monetary": [40.0, 30.0, 20.0, 10.0]}, index=idx)
    cust = pd.DataFrame({"customer_id": list(idx), "cost_to_serve": [1.0, 35.0, 25.0, 1.0]})
    r = one_to_one_classes(t, cust, top_share=0.25)
    assert isinstance(r, OneToOne)
    s = r.summary()
    assert s.index.tolist() == ["most_valuable", "most_growable", "below_zero"]
    assert s.columns.tolist() == ["customers", "share", "note"]
    assert int(s.loc["most_valuable", "customers"]) == 1 and int(s.loc["below_zero", "customers"]) == 2
    assert float(s.loc["below_zero", "share"]) == 0.5
    assert pd.isna(s.loc["most_growable", "customers"]) and "'potential_value'" in s.loc["most_growable", "note"]
    assert repr(r).startswith("OneToOne\n")


def test_one_to_one_parameters_have_one_message_form():
    t = pd.DataFrame({"monetary": [1.0, 2.0]}, index=pd.Index(["a", "b"], name="customer_id"))
    with pytest.raises(ParameterError, match=r"^The 'top_share' parameter of one_to_one_classes must be a number "
                                             r"in the range \(0, 1\]\. Got 0 instead\.$"):
        one_to_one_classes(t, top_share=0)
    with pytest.raises(ParameterError, match="The 'margin_rate' parameter of one_to_one_classes must be a number"):
        one_to_one_classes(t, margin_rate=1.5)
    with pytest.raises(ParameterError, match="The 'cost_unit' parameter of one_to_one_classes must be one of "
                                             "'customer', 'order'"):
        one_to_one_classes(t, cost_unit="visit")
