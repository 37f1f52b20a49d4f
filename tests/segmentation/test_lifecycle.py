"""Lifecycle stages and the stage-by-segment table.

References: hand-made customers at each rule's boundary (recency one day either
side of the at-risk and lost limits, tenure at the new limit, frequency at the
loyal limit) and counts of the cross table by hand.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.errors import ParameterError
from analysis.segmentation import lifecycle_stages, stage_by_segment


def test_lifecycle_rules_at_their_boundaries():
    t = pd.DataFrame({
        "recency_days": [366, 365, 181, 180, 30, 30, 30, 30],
        "frequency":    [9,   9,   9,   9,   1,  1,  4,  3],
        "tenure_days":  [900, 900, 900, 900, 90, 91, 400, 400],
    })
    assert lifecycle_stages(t)["stage"].tolist() == [
        "lost", "at_risk", "at_risk", "loyal", "new", "active", "loyal", "active"]
    custom = lifecycle_stages(t, {"lost_days": 200, "loyal_purchases": 3})["stage"].tolist()
    assert custom[1] == "lost" and custom[7] == "loyal"
    with pytest.raises(ParameterError, match="new_days <= at_risk_days < lost_days"):
        lifecycle_stages(t, {"at_risk_days": 400})
    with pytest.raises(ParameterError, match="Unknown lifecycle rule"):
        lifecycle_stages(t, {"lapsed_days": 10})
    stages = lifecycle_stages(t)
    cross = stage_by_segment(stages["stage"], pd.Series(list("xxyyxxyy")))
    assert cross.loc["Total", "Total"] == 8
    assert cross.loc["at_risk", "x"] == 1 and cross.loc["at_risk", "y"] == 1


def test_lifecycle_rule_values_have_one_message_form():
    t = pd.DataFrame({"recency_days": [1], "frequency": [1], "tenure_days": [1]})
    with pytest.raises(ParameterError, match=r"^The 'lost_days' parameter of lifecycle_stages must be an int in "
                                             r"the range \[1, inf\)\. Got 0 instead\.$"):
        lifecycle_stages(t, {"lost_days": 0})
    with pytest.raises(ParameterError, match="The 'new_days' parameter of lifecycle_stages must be an int"):
        lifecycle_stages(t, {"new_days": 9.5})
    with pytest.raises(ParameterError, match="The 'rules' parameter of lifecycle_stages"):
        lifecycle_stages(t, [("lost_days", 10)])


def test_notebook_01_takes_the_lifecycle_from_the_study():
    # issue 13 case 14: one lifecycle definition, the study's; notebook 01 used to carry its own
    # stage_rules dict (lapsed = 365 days while 04 said 90). Its parameter now defaults to None =
    # the study's `lifecycle:`, and the same rules name the RFM segments and the stages.
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "notebooks" / "01_segmentation.ipynb"
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    params = next(c for c in cells if "parameters" in c["metadata"].get("tags", []))
    namespace: dict = {}
    exec("".join(params["source"]), namespace)  # the parameters cell is plain assignments
    assert namespace["stage_rules"] is None
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    assert "this_study.lifecycle if stage_rules is None else" in code
    assert "lifecycle=lifecycle)" in code and "lifecycle_stages(table, lifecycle)" in code
