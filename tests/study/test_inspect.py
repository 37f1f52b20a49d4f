"""study.inspect: how a file is read, what each column holds, missing-value codes, grain and table.

Each case is a small file written here whose truth is known by construction
(the encoding it was saved in, the separator used, the codes planted).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.errors import InputFileError
from analysis.study.inspect import inspect_file, name_words


def _write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def test_name_words_split_camel_case_and_punctuation():
    assert name_words("NumWebPurchases") == ["num", "web", "purchases"]
    assert name_words("customer_id") == ["customer", "id"]
    assert name_words("emp.var.rate") == ["emp", "var", "rate"]
    assert name_words("ID") == ["id"]


@pytest.mark.parametrize("encoding, expected", [("utf-8", None), ("utf-8-sig", None), ("gb18030", "gb18030")])
def test_encoding_is_detected_and_a_byte_order_mark_never_reaches_a_column_name(tmp_path, encoding, expected):
    f = _write(tmp_path / "客户.csv", "客户编号,日期,金额\n1,2024-01-02,12.5\n1,2024-02-03,8\n2,2024-01-05,3\n",
               encoding)
    p = inspect_file(f)
    assert p.encoding == expected
    assert [c.name for c in p.columns] == ["客户编号", "日期", "金额"]
    assert [c.kind for c in p.columns] == ["id", "date", "money"]
    assert p.table == "transactions"


@pytest.mark.parametrize("sep", [",", ";", "\t", "|"])
def test_the_separator_is_the_one_the_header_holds(tmp_path, sep):
    rows = ["id", "q1", "q2", "q3"], *[[str(i), str(1 + i % 5), str(1 + (i * 3) % 5), str(5 - i % 5)] for i in range(1, 30)]
    f = _write(tmp_path / "survey.csv", "\n".join(sep.join(r) for r in rows) + "\n")
    p = inspect_file(f)
    assert p.sep == (None if sep == "," else sep)
    assert p.table == "survey" and [c.kind for c in p.columns] == ["id", "rating", "rating", "rating"]


def test_a_tab_separated_txt_file_needs_no_sep(tmp_path):
    f = _write(tmp_path / "log.txt", "cust\tday\n1\t2024-01-02\n1\t2024-01-09\n2\t2024-01-03\n")
    p = inspect_file(f)
    assert (p.format, p.sep, p.table) == ("tsv", None, "transactions")


def test_the_cdnow_layout_is_recognised(tmp_path):
    f = _write(tmp_path / "log.txt", " 00001 19970101  1   11.77\n 00002 19970112  1   12.00\n 00002 19970112  5   77.00\n")
    p = inspect_file(f)
    assert p.format == "cdnow"
    assert {c.name: c.kind for c in p.columns} == {"customer_id": "id", "date": "date", "quantity": "count",
                                                  "amount": "money"}


@pytest.mark.parametrize("scale", [(1, 5), (1, 7), (0, 10), (1, 10)])
def test_whole_numbers_on_a_usual_scale_are_ratings(tmp_path, scale):
    rng = np.random.default_rng(1)
    lo, hi = scale
    df = pd.DataFrame({f"q{i}": rng.integers(lo, hi + 1, 200) for i in range(1, 5)})
    df.insert(0, "respondent", [f"r{i}" for i in range(200)])
    df.to_csv(tmp_path / "s.csv", index=False)
    p = inspect_file(tmp_path / "s.csv")
    ratings = p.of_kind("rating")
    assert len(ratings) == 4 and p.table == "survey"
    assert min(c.low for c in ratings) >= lo and max(c.high for c in ratings) <= hi


def test_column_kinds(tmp_path):
    n = 300
    rng = np.random.default_rng(2)
    df = pd.DataFrame({
        "customer_id": [f"C{i:04d}" for i in range(n)],
        "signup_date": pd.date_range("2023-01-01", periods=n, freq="D").strftime("%Y-%m-%d"),
        "total_spend": rng.gamma(2, 30, n).round(2),
        "num_orders": rng.poisson(3, n),
        "churned": rng.choice(["yes", "no"], n),
        "region": rng.choice(["north", "south", "east"], n),
        "comment": [f"free text answer number {i}" for i in range(n)],
        "score": rng.normal(0, 1, n),
    })
    df.to_csv(tmp_path / "c.csv", index=False)
    p = inspect_file(tmp_path / "c.csv")
    assert {c.name: c.kind for c in p.columns} == {
        "customer_id": "id", "signup_date": "date", "total_spend": "money", "num_orders": "count",
        "churned": "binary", "region": "category", "comment": "text", "score": "number"}
    assert p.grain == "customer" and p.table == "customers"


def test_missing_value_codes_are_found_where_they_look_like_codes(tmp_path):
    n = 200
    df = pd.DataFrame({
        "pdays": [999] * 150 + list(range(50)),           # 999 far above every other value: a code
        "children": [-1] * 10 + [i % 4 for i in range(190)],  # -1 in a column of counts: a code
        "job": ["unknown"] * 7 + ["admin", "services"] * 96 + ["admin"],
        "amount": [999] + [float(v) for v in np.linspace(10, 2500, n - 1)],  # 999 among values up to 2500: a value
        "change": [-1] + [float(v) for v in np.linspace(-3, 3, n - 1)],      # -1 among other negatives: a value
    })
    df.to_csv(tmp_path / "b.csv", index=False)
    p = inspect_file(tmp_path / "b.csv")
    codes = {c.name: (c.missing_codes, c.code_rows) for c in p.columns}
    assert codes["pdays"] == ((999,), 150)
    assert codes["children"] == ((-1,), 10)
    assert codes["job"] == (("unknown",), 7)
    assert codes["amount"] == ((), 0) and codes["change"] == ((), 0)
    assert p.column("pdays").high == 49  # the range without the code


@pytest.mark.parametrize("dates, order", [
    (["31/01/2024", "01/02/2024", "15/03/2024"], "%d/%m/%Y"),   # 31 and 15 can only be days
    (["01-31-2024", "02-01-2024", "03-15-2024"], "%m-%d-%Y"),   # 31 and 15 second: month first
    (["01/02/2024", "03/04/2024", "05/06/2024"], "unknown"),    # every value reads both ways
    (["2024-01-31", "2024-02-01", "2024-03-15"], None),         # ISO: no question
])
def test_the_order_of_day_and_month_is_read_from_the_data(tmp_path, dates, order):
    f = _write(tmp_path / "t.csv", "cust,date\n" + "".join(f"{i % 2},{d}\n" for i, d in enumerate(dates)))
    assert inspect_file(f).column("date").date_order == order


def test_grain_repeated_ids_with_a_date_is_a_transaction_log(tmp_path):
    f = _write(tmp_path / "t.csv", "client,when,value\na,2024-01-01,5\na,2024-01-03,6\nb,2024-01-02,7\n")
    assert inspect_file(f).grain == "transaction"
    f = _write(tmp_path / "c.csv", "client,joined,value\na,2024-01-01,5\nb,2024-01-03,6\nc,2024-01-02,7\n")
    assert inspect_file(f).grain == "customer"


def test_journeys_of_channels_make_a_paths_table(tmp_path):
    f = _write(tmp_path / "p.csv", "journey;conv;nonconv\nseo > email;2;3\nemail;0;4\nseo > seo > tv;1;0\n")
    p = inspect_file(f)
    assert p.table == "paths" and p.column("journey").separator == " > "
    assert p.column("journey").share == pytest.approx(2 / 3)


def test_excel_sheets_are_listed_and_each_can_be_profiled(tmp_path):
    f = tmp_path / "book.xlsx"
    with pd.ExcelWriter(f) as writer:
        pd.DataFrame({"cust": ["a", "a", "b"], "date": ["2024-01-01", "2024-01-05", "2024-01-02"],
                      "amount": [3.5, 4.0, 9.25]}).to_excel(writer, sheet_name="Orders", index=False)
        pd.DataFrame({"cust": ["a", "b"], "segment_name": ["x", "y"]}).to_excel(writer, sheet_name="Clients",
                                                                                  index=False)
    p = inspect_file(f)
    assert p.sheets == ("Orders", "Clients") and p.sheet == "Orders" and p.table == "transactions"
    assert inspect_file(f, sheet="Clients").table == "customers"


def test_parquet_keeps_its_types(tmp_path):
    f = tmp_path / "orders.parquet"
    pd.DataFrame({"customer_id": ["a", "a", "b"], "ordered_at": pd.to_datetime(["2024-01-01", "2024-01-03", "2024-01-02"]),
                  "revenue": [1.5, 2.0, 3.25]}).to_parquet(f)
    p = inspect_file(f)
    assert (p.format, p.encoding, p.sep) == ("parquet", None, None)
    assert [c.kind for c in p.columns] == ["id", "date", "money"] and p.table == "transactions"
    assert p.column("ordered_at").example == "2024-01-01"


def test_an_unreadable_file_is_an_analysis_error(tmp_path):
    with pytest.raises(InputFileError, match="not found"):
        inspect_file(tmp_path / "missing.csv")
    with pytest.raises(InputFileError, match="empty"):
        inspect_file(_write(tmp_path / "empty.csv", ""))


# --------------------------------------------------------------------------- #
# issue 15: complaints logs and loyalty-programme memberships
# --------------------------------------------------------------------------- #
def _log(rows: int, header: str, row) -> str:
    return header + "\n" + "".join(row(i) + "\n" for i in range(rows))


@pytest.mark.parametrize(("name", "header", "row"), [
    ("tickets.csv", "ticket_id,customer,opened,closed,resolution",
     lambda i: f"T{i},c{i % 7},2024-01-{i % 28 + 1:02d},2024-02-{i % 28 + 1:02d},{'good' if i % 3 else 'poor'}"),
    ("export.csv", "cust,date,issue_type,compensation",
     lambda i: f"c{i % 9},2024-03-{i % 28 + 1:02d},{'delay' if i % 2 else 'billing'},{i % 4}"),
    ("complaints.csv", "cust,date,kind", lambda i: f"c{i % 9},2024-03-{i % 28 + 1:02d},{'ab'[i % 2]}"),
])
def test_a_complaints_log_is_recognised(tmp_path, name, header, row):
    p = inspect_file(_write(tmp_path / name, _log(40, header, row)))
    assert (p.table, p.grain) == ("complaints", "complaint")


@pytest.mark.parametrize(("name", "header", "row"), [
    ("m.csv", "member_id,tier,start,end",
     lambda i: f"m{i % 12},{['base', 'silver', 'gold'][i % 3]},2024-01-{i % 28 + 1:02d},"),
    ("m.csv", "customer,joined,points",
     lambda i: f"c{i % 12},2024-02-{i % 28 + 1:02d},{i * 10}"),
    ("memberships.csv", "cust,start_date,end_date", lambda i: f"c{i},2024-02-{i % 28 + 1:02d},"),
])
def test_a_membership_file_is_recognised(tmp_path, name, header, row):
    p = inspect_file(_write(tmp_path / name, _log(40, header, row)))
    assert (p.table, p.grain) == ("memberships", "spell")


@pytest.mark.parametrize(("header", "row", "table"), [
    # an invoice's issue date, a purchase log with points earned, a customer table's complaint flag
    ("cust,issue_date,amount", lambda i: f"c{i % 9},2024-03-{i % 28 + 1:02d},{i + 0.5}", "transactions"),
    ("cust,date,amount,points", lambda i: f"c{i % 9},2024-03-{i % 28 + 1:02d},{i + 0.5},{i}", "transactions"),
    ("customer_id,signup_date,tier,spend", lambda i: f"c{i},2024-03-{i % 28 + 1:02d},{'ab'[i % 2]},{i + 0.5}",
     "customers"),
    ("ID,Dt_Customer,MntWines,Complain", lambda i: f"{i},2013-03-{i % 28 + 1:02d},{i * 3},{i % 2}", "customers"),
])
def test_look_alikes_of_complaints_and_memberships_keep_their_table(tmp_path, header, row, table):
    assert inspect_file(_write(tmp_path / "data.csv", _log(40, header, row))).table == table
