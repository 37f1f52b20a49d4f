"""Each preparation step against a direct pandas computation, on small frames and on the UCI bank data."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.errors import AnalysisError, DataValidationError
from analysis.prepare import STEP_COLUMNS, parse_preparation, prepare_table
from analysis.schemas import SOURCE_ROWS

BANK = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "bank_marketing" / "bank-additional.csv"


def prepared(frame: pd.DataFrame, **raw):
    prep = parse_preparation(raw, where="s.yaml", key="data.survey", header=list(frame.columns))
    return prepare_table(frame, prep, "survey")


@pytest.fixture()
def survey() -> pd.DataFrame:
    return pd.DataFrame({
        "sat1": [7, 9, 999, 4, 6], "sat2": [8.0, np.nan, 5.0, 4.0, 6.0], "sat3": [6, 9, 5, -1, 6],
        "y": ["yes", "no", " Yes", None, "no"], "age": [17, 25, 44, 65, 119],
        "job": ["admin.", "Unknown", "services", "unknown ", "999"],
        "web": [3, 1, 2, 0, np.nan], "store": [1, 4, 2, 0, np.nan],
    })


def test_nothing_declared_gives_the_frame_itself(survey):
    out, steps = prepared(survey)
    assert out is survey and steps == []


def test_missing_codes_match_as_numbers_and_as_text(survey):
    before = survey.copy()
    out, steps = prepared(survey, missing_codes=["unknown", 999, "-1"])
    assert out["sat1"].isna().tolist() == [False, False, True, False, False]
    assert out["sat3"].isna().tolist() == [False, False, False, True, False]
    # text codes ignore case and spaces; the number 999 also matches the text "999"
    assert out["job"].isna().tolist() == [False, True, False, True, True]
    pd.testing.assert_frame_equal(survey, before)  # the input is not changed
    counts = {s["column"]: s["cells_changed"] for s in steps}
    direct = {c: int((survey[c].astype(str).str.strip().str.lower().isin(["unknown", "999", "-1"])).sum())
              for c in ("sat1", "sat3", "job")}
    assert counts == direct
    assert all(set(s) == set(STEP_COLUMNS) and s["step"] == "missing_codes" for s in steps)


def test_codes_per_column_and_numbers_left_as_text_become_numbers():
    frame = pd.DataFrame({"rating": ["5", "NA", "3"], "other": ["NA", "x", "y"]})
    out, steps = prepared(frame, missing_codes={"rating": ["NA"]})
    assert out["rating"].tolist()[::2] == [5, 3] and pd.api.types.is_numeric_dtype(out["rating"])
    assert out["other"].tolist() == ["NA", "x", "y"]
    assert [(s["column"], s["cells_changed"]) for s in steps] == [("rating", 1)]


def test_codes_that_match_nothing_are_reported_once():
    _, steps = prepared(pd.DataFrame({"a": [1, 2]}), missing_codes=[999])
    assert [(s["column"], s["cells_changed"]) for s in steps] == [("(every column)", 0)]


@pytest.mark.parametrize("kind", ["mean", "sum", "min", "max"])
def test_row_wise_kinds_need_every_item_unless_min_items(survey, kind):
    items = survey[["sat1", "sat2", "sat3"]].astype(float)
    out, _ = prepared(survey, derive={"s": {kind: ["sat1", "sat2", "sat3"]}})
    expected = getattr(items, kind)(axis=1).where(items.notna().all(axis=1))
    pd.testing.assert_series_equal(out["s"], expected, check_names=False)
    out, steps = prepared(survey, derive={"s": {kind: ["sat1", "sat2", "sat3"], "min_items": 2}})
    expected = getattr(items, kind)(axis=1, skipna=True).where(items.notna().sum(axis=1) >= 2)
    pd.testing.assert_series_equal(out["s"], expected, check_names=False)
    assert steps[0]["cells_changed"] == int(expected.notna().sum())


def test_a_row_wise_column_holding_text_names_the_rows(survey):
    with pytest.raises(DataValidationError) as info:
        prepared(survey, derive={"s": {"mean": ["sat1", "job"]}})
    message = str(info.value)
    assert message.startswith("data.survey.derive.s: column 'job' must hold numbers, but 4 rows hold text")
    assert "rows 1, 2, 3, 4, counting from 1" in message and "missing_codes" in message


def test_recode_maps_values_and_keeps_missing_missing(survey):
    out, _ = prepared(survey, derive={"subscribed": {"recode": "y", "map": {"yes": 1, "no": 0}}})
    expected = survey["y"].str.strip().str.lower().map({"yes": 1, "no": 0})
    pd.testing.assert_series_equal(out["subscribed"], expected, check_names=False)
    out, _ = prepared(survey, derive={"g": {"recode": "job", "map": {"admin.": "office"}, "other": "field"}})
    assert out["g"].tolist() == ["office", "field", "field", "field", "field"]


def test_recode_of_numbers_written_any_way():
    out, _ = prepared(pd.DataFrame({"q": [1, 2.0, 3, None]}), derive={"r": {"recode": "q", "map": {"1": "low",
                                                                                                    2: "mid", 3.0: "high"}}})
    assert out["r"].tolist()[:3] == ["low", "mid", "high"] and pd.isna(out["r"].iloc[3])


def test_values_a_recode_does_not_name_are_an_error_listing_them(survey):
    with pytest.raises(DataValidationError) as info:
        prepared(survey, derive={"s": {"recode": "job", "map": {"admin.": 1}}})
    message = str(info.value)
    assert "data.survey.derive.s: column 'job' has 4 values the map does not name" in message
    assert "'Unknown' (1)" in message and "other:" in message


def test_unquoted_yaml_yes_no_get_a_hint(survey):
    with pytest.raises(DataValidationError, match='write "yes": 1'):
        prepared(survey, derive={"s": {"recode": "y", "map": {True: 1, False: 0}}})
    out, _ = prepared(pd.DataFrame({"b": ["TRUE", "false"]}), derive={"s": {"recode": "b", "map": {True: 1,
                                                                                                  False: 0}}})
    assert out["s"].tolist() == [1, 0]


@pytest.mark.parametrize("right", [False, True])
def test_bins_against_pandas_cut(survey, right):
    edges = [18, 30, 45, 65, 120]
    labels = ["18-29", "30-44", "45-64", "65+"]
    out, steps = prepared(survey, derive={"g": {"bins": "age", "edges": edges, "labels": labels, "right": right}})
    expected = pd.cut(survey["age"], edges, right=right, labels=labels).astype(object)
    assert out["g"].fillna("-").tolist() == expected.astype(object).where(expected.notna(), "-").tolist()
    assert f"{int(expected.isna().sum())} values outside" in steps[0]["detail"]


def test_bins_without_labels_name_their_intervals(survey):
    out, _ = prepared(survey, derive={"g": {"bins": "age", "edges": [0, 30, 120]}})
    assert out["g"].tolist() == ["[0, 30)", "[0, 30)", "[30, 120)", "[30, 120)", "[30, 120)"]
    out, _ = prepared(survey, derive={"g": {"bins": "age", "edges": [0, 30, 120.5], "right": True}})
    assert out["g"].tolist()[:2] == ["(0, 30]", "(0, 30]"] and out["g"].iloc[4] == "(30, 120.5]"


def test_largest_gives_the_first_of_equal_values(survey):
    out, _ = prepared(survey, derive={"p": {"largest": {"web": "online", "store": "shop"}}})
    data = survey[["web", "store"]].iloc[:4]
    expected = data.idxmax(axis=1, skipna=True).map({"web": "online", "store": "shop"})  # idxmax: first maximum
    assert out["p"].tolist()[:4] == expected.tolist()[:4] == ["online", "shop", "online", "online"]
    assert pd.isna(out["p"].iloc[4])  # every value missing


def test_expr_and_later_columns_use_earlier_ones(survey):
    out, _ = prepared(survey, derive={"total": {"sum": ["web", "store"]}, "share": {"expr": "web / total"},
                                      "adult": {"expr": "age >= 18"}})
    pd.testing.assert_series_equal(out["share"], survey["web"] / (survey["web"] + survey["store"]), check_names=False)
    assert out["adult"].dtype == bool and out["adult"].tolist() == (survey["age"] >= 18).tolist()


def test_filter_keeps_true_rows_and_counts_the_missing(survey):
    out, steps = prepared(survey, missing_codes={"job": ["unknown"]}, filter="job != 'services' and age >= 18")
    # rows 2 and 4 have no job once 'unknown' is missing: the condition is missing there, and they are dropped
    assert out["age"].tolist() == [119]
    step = steps[-1]
    assert (step["step"], step["rows_before"], step["rows_after"], step["cells_changed"]) == ("filter", 5, 1, 4)
    assert "2 rows dropped as the condition is missing" in step["detail"]
    assert out.attrs[SOURCE_ROWS] == (5,)  # the kept row's number in the file, for validation messages


def test_a_filter_that_is_not_a_condition_is_refused(survey):
    with pytest.raises(AnalysisError, match="a filter must be a condition"):
        prepared(survey, filter="age + 1")


@pytest.mark.skipif(not BANK.is_file(), reason=f"the public UCI bank data are not at {BANK} (see ../shared/data)")
def test_bank_marketing_unknown_and_pdays_999_against_a_direct_count():
    raw = pd.read_csv(BANK, sep=";")
    text_columns = [c for c in raw.columns if not pd.api.types.is_numeric_dtype(raw[c].dtype)]
    out, steps = prepared(raw, missing_codes={**{c: ["unknown"] for c in text_columns}, "pdays": [999]})
    counts = {s["column"]: s["cells_changed"] for s in steps}
    direct = {c: int((raw[c] == "unknown").sum()) for c in text_columns}
    direct["pdays"] = int((raw["pdays"] == 999).sum())
    assert counts == direct
    assert direct["pdays"] > 3_900 and direct["default"] > 700  # most clients were never contacted before
    assert int(out.isna().sum().sum()) == sum(direct.values())
    assert raw.isna().sum().sum() == 0  # before: "0 missing cells"


def test_column_names_that_are_numbers_are_named_as_text():
    frame = pd.DataFrame({2023: [1, 999], 2024: [3, 4]})
    prep = parse_preparation({"missing_codes": {"2023": [999]}, "derive": {"s": {"sum": ["2023", "2024"]}}},
                             where="s.yaml", key="data.survey", header=["2023", "2024"])
    out, _ = prepare_table(frame, prep, "survey")
    assert out["s"].tolist()[0] == 4 and pd.isna(out["s"].iloc[1])
