"""Tests for analysis.io: reading files, column mapping, atomic writes, checksums.

Fixture files are made in ``tmp_path`` at run time. The CDNOW counts and totals are
checked against the published cohort size (23,570 customers; 2,357 in the 1-in-10
sample) and against a brute-force pass over the raw text lines.
"""

from __future__ import annotations

import hashlib
import math
import os
import stat
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.errors import InputFileError, ParameterError, StudyConfigError
from analysis.io import (
    apply_column_mapping,
    atomic_write,
    read_cdnow,
    read_table,
    sha256_file,
    write_bytes_atomic,
    write_csv_atomic,
    write_text_atomic,
)

CHINESE_CSV = "客户编号,下单日期,金额,渠道\n00012,2024-03-01,12.5,线上\n00013,2024-03-02,8,门店\n"


def expect_chinese(df: pd.DataFrame) -> None:
    assert df.columns.tolist() == ["客户编号", "下单日期", "金额", "渠道"]
    assert df["客户编号"].tolist() == ["00012", "00013"]  # zero-padded ids stay text
    assert df["金额"].tolist() == [12.5, 8.0]
    assert df["渠道"].tolist() == ["线上", "门店"]


def fingerprint(path: Path) -> tuple[str, int, int]:
    st = path.stat()
    return hashlib.sha256(path.read_bytes()).hexdigest(), st.st_mtime_ns, st.st_size


# --------------------------------------------------------------------------- #
# encodings
# --------------------------------------------------------------------------- #
def test_utf8_with_chinese_names_and_values(tmp_path):
    f = tmp_path / "orders.csv"
    f.write_bytes(CHINESE_CSV.encode("utf-8"))
    expect_chinese(read_table(f))


def test_utf8_bom_does_not_reach_first_column(tmp_path):
    f = tmp_path / "orders.csv"
    f.write_bytes(CHINESE_CSV.encode("utf-8-sig"))
    assert f.read_bytes()[:3] == b"\xef\xbb\xbf"
    df = read_table(f)
    expect_chinese(df)
    assert not df.columns[0].startswith("\ufeff")
    # an explicit utf-8 (which pandas may not strip the mark for) gives the same names
    assert read_table(f, encoding="utf-8").columns[0] == "客户编号"


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "auto"])
def test_gbk_read_with_encoding(tmp_path, encoding):
    f = tmp_path / "orders.csv"
    f.write_bytes(CHINESE_CSV.encode("gbk"))
    expect_chinese(read_table(f, encoding=encoding))


def test_gbk_without_encoding_is_a_clear_error(tmp_path):
    f = tmp_path / "订单.csv"
    f.write_bytes(CHINESE_CSV.encode("gbk"))
    before = fingerprint(f)
    with pytest.raises(InputFileError) as info:
        read_table(f)
    message = str(info.value)
    assert str(f) in message
    assert "is not UTF-8 text" in message
    assert 'encoding="gb18030"' in message
    assert not isinstance(info.value, UnicodeDecodeError)  # the package's error, not the codec's
    assert fingerprint(f) == before


def test_western_excel_export_suggests_cp1252_and_auto_reads_it(tmp_path):
    f = tmp_path / "kunden.csv"
    f.write_bytes("name,city\nMüller,Köln\nRenée,Orléans\n".encode("cp1252"))
    with pytest.raises(InputFileError, match='encoding="cp1252"'):
        read_table(f)
    assert read_table(f, encoding="auto")["city"].tolist() == ["Köln", "Orléans"]


def test_compressed_csv(tmp_path):
    import gzip

    good = tmp_path / "orders.csv.gz"
    good.write_bytes(gzip.compress(CHINESE_CSV.encode("utf-8")))
    expect_chinese(read_table(good))
    gbk = tmp_path / "gbk.csv.gz"
    gbk.write_bytes(gzip.compress(CHINESE_CSV.encode("gbk")))
    with pytest.raises(InputFileError, match='encoding="gb18030"'):
        read_table(gbk)
    expect_chinese(read_table(gbk, encoding="gb18030"))


def test_unknown_encoding_name(tmp_path):
    f = tmp_path / "a.csv"
    f.write_text("a\n1\n")
    with pytest.raises(ParameterError, match="Unknown encoding 'gbk2'"):
        read_table(f, encoding="gbk2")


# --------------------------------------------------------------------------- #
# formats
# --------------------------------------------------------------------------- #
def test_types_inferred_but_zero_padded_ids_kept(tmp_path):
    f = tmp_path / "t.csv"
    f.write_text("id,n,x,flag,d,empty\n007,1,1.5,True,2024-03-01,\n010,2,,False,2024-03-02,\n")
    df = read_table(f)
    assert df["id"].tolist() == ["007", "010"]
    assert df["n"].dtype == np.int64
    assert df["x"].dtype == np.float64 and np.isnan(df["x"].iloc[1])
    assert df["flag"].tolist() == [True, False]
    assert df["d"].tolist() == ["2024-03-01", "2024-03-02"]  # dates are parsed by schemas, not here
    assert df["empty"].isna().all()


@pytest.mark.parametrize("suffix", [".tsv", ".txt"])
def test_tab_separated(tmp_path, suffix):
    f = tmp_path / f"t{suffix}"
    f.write_text("customer_id\tamount\n00001\t3.5\n00002\t4\n", encoding="utf-8")
    df = read_table(f)
    assert df.columns.tolist() == ["customer_id", "amount"]
    assert df["customer_id"].tolist() == ["00001", "00002"]


def test_explicit_format_and_separator(tmp_path):
    f = tmp_path / "data.dat"
    f.write_text("a;b\n1;x\n")
    assert read_table(f, format="csv", sep=";").to_dict("list") == {"a": [1], "b": ["x"]}


def test_semicolon_file_read_as_comma_says_so(tmp_path):
    f = tmp_path / "s.csv"
    f.write_text("a;b\n1;2\n")
    with pytest.raises(InputFileError, match="looks separated by ';': pass sep=';'"):
        read_table(f)


def test_parquet_round_trip(tmp_path):
    df = pd.DataFrame({"customer_id": ["001", "002"], "date": pd.to_datetime(["2024-01-01", "2024-02-01"]),
                       "amount": [1.5, 2.5], "渠道": ["线上", "门店"]})
    f = tmp_path / "t.parquet"
    df.to_parquet(f)
    out = read_table(f)
    assert out["customer_id"].tolist() == ["001", "002"]
    assert out["date"].tolist() == df["date"].tolist()
    assert out["渠道"].tolist() == ["线上", "门店"]
    g = tmp_path / "t.pq"
    df.to_parquet(g)
    assert len(read_table(g)) == 2


def test_broken_parquet(tmp_path):
    f = tmp_path / "t.parquet"
    f.write_bytes(b"this is not parquet")
    with pytest.raises(InputFileError, match="not a readable Parquet file") as info:
        read_table(f)
    assert info.value.__cause__ is not None  # chained, not swallowed


def test_excel_sheets(tmp_path):
    f = tmp_path / "book.xlsx"
    with pd.ExcelWriter(f, engine="openpyxl") as writer:
        pd.DataFrame({"a": [1, 2]}).to_excel(writer, sheet_name="Intro", index=False)
        pd.DataFrame({"客户": ["张三", "李四"], "金额": [1.5, 2.0]}).to_excel(writer, sheet_name="订单", index=False)
    assert read_table(f)["a"].tolist() == [1, 2]
    orders = read_table(f, sheet="订单")
    assert orders.to_dict("list") == {"客户": ["张三", "李四"], "金额": [1.5, 2.0]}
    assert read_table(f, sheet=1).columns.tolist() == ["客户", "金额"]
    with pytest.raises(InputFileError, match="no sheet 'Orders'; its sheets are 'Intro', '订单'"):
        read_table(f, sheet="Orders")
    with pytest.raises(InputFileError, match="out of range"):
        read_table(f, sheet=5)


def test_broken_excel(tmp_path):
    f = tmp_path / "book.xlsx"
    f.write_bytes(b"PK not really a zip")
    with pytest.raises(InputFileError, match="not a readable Excel workbook"):
        read_table(f)


# --------------------------------------------------------------------------- #
# bad files
# --------------------------------------------------------------------------- #
def test_missing_file(tmp_path):
    (tmp_path / "orders.csv").write_text("a\n1\n")
    with pytest.raises(InputFileError, match="File not found: .*order.csv.*similar names.*orders.csv"):
        read_table(tmp_path / "order.csv")


def test_directory(tmp_path):
    with pytest.raises(InputFileError, match="is a folder, not a file"):
        read_table(tmp_path)


def test_zero_byte_file(tmp_path):
    f = tmp_path / "e.csv"
    f.write_bytes(b"")
    with pytest.raises(InputFileError, match=r"is empty \(0 bytes\)"):
        read_table(f)


def test_header_only_file(tmp_path):
    f = tmp_path / "h.csv"
    f.write_text("customer_id,date,amount\n")
    with pytest.raises(InputFileError, match="has a header but no data rows.*'customer_id', 'date', 'amount'"):
        read_table(f)


def test_blank_file(tmp_path):
    f = tmp_path / "b.csv"
    f.write_text("\n  \n")
    with pytest.raises(InputFileError, match="no data"):
        read_table(f)


def test_unknown_suffix(tmp_path):
    f = tmp_path / "orders.dat"
    f.write_text("a,b\n1,2\n")
    with pytest.raises(InputFileError, match=r"Cannot tell the format.*'\.dat'.*format="):
        read_table(f)
    with pytest.raises(ParameterError, match="Unknown format 'json'"):
        read_table(f, format="json")


def test_ragged_csv_is_wrapped(tmp_path):
    f = tmp_path / "r.csv"
    f.write_text("a,b\n1,2\n3,4,5\n")
    with pytest.raises(InputFileError, match="cannot be read as CSV.*line 3") as info:
        read_table(f)
    assert isinstance(info.value.__cause__, pd.errors.ParserError)


def test_reading_never_modifies_files(tmp_path):
    files = {}
    for name, data in {"a.csv": CHINESE_CSV.encode("utf-8-sig"), "b.csv": CHINESE_CSV.encode("gbk"),
                       "c.tsv": b"x\ty\n1\t2\n"}.items():
        (tmp_path / name).write_bytes(data)
        files[name] = fingerprint(tmp_path / name)
    read_table(tmp_path / "a.csv")
    read_table(tmp_path / "b.csv", encoding="auto")
    with pytest.raises(InputFileError):
        read_table(tmp_path / "b.csv")
    read_table(tmp_path / "c.tsv")
    assert {n: fingerprint(tmp_path / n) for n in files} == files
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(files)


# --------------------------------------------------------------------------- #
# CDNOW
# --------------------------------------------------------------------------- #
def brute_force(path: Path, amount_field: int, skip_header: bool) -> tuple[int, set[str], Decimal, int]:
    rows, ids, total, cds = 0, set(), Decimal(0), 0
    with open(path, encoding="ascii") as fh:
        for k, line in enumerate(fh):
            fields = line.split()
            if not fields or (skip_header and k == 0):
                continue
            rows += 1
            ids.add(fields[0])
            total += Decimal(fields[amount_field])
            cds += int(fields[amount_field - 1])
    return rows, ids, total, cds


@pytest.mark.parametrize(("name", "kind", "n_rows", "n_customers"), [
    ("CDNOW_master.txt", "master", 69_659, 23_570),
    ("CDNOW_sample.txt", "sample", 6_919, 2_357),
])
def test_read_cdnow_real_files(shared_data, name, kind, n_rows, n_customers):
    path = shared_data / "cdnow" / name
    before = fingerprint(path)
    df = read_cdnow(path, kind=kind)
    rows, ids, total, cds = brute_force(path, amount_field=3 if kind == "master" else 4,
                                        skip_header=kind == "master")
    # published figures (PROVENANCE.md, Fader-Hardie-Lee 2005) and the raw lines agree
    assert len(df) == rows == n_rows
    assert df["customer_id"].nunique() == len(ids) == n_customers
    assert set(df["customer_id"]) == ids  # zero-padded ids exactly as in the file
    # float sum of <70k two-decimal values: error far below a cent
    assert math.fsum(df["amount"]) == pytest.approx(float(total), abs=1e-6)
    assert int(df["quantity"].sum()) == cds
    assert df["date"].min() == pd.Timestamp("1997-01-01")
    assert df["date"].max() <= pd.Timestamp("1998-06-30")
    assert str(df["date"].dtype) == "datetime64[ns]"
    assert ("sample_id" in df.columns) == (kind == "sample")
    assert fingerprint(path) == before
    # read_table with format="cdnow" tells the layout by itself
    again = read_table(path, format="cdnow")
    pd.testing.assert_frame_equal(again, df)


def test_cdnow_sample_ids_map_one_to_one(shared_data):
    df = read_cdnow(shared_data / "cdnow" / "CDNOW_sample.txt", kind="sample")
    pairs = df[["customer_id", "sample_id"]].drop_duplicates()
    assert len(pairs) == pairs["customer_id"].nunique() == pairs["sample_id"].nunique() == 2_357


def test_cdnow_wrong_layout_and_bad_lines(tmp_path, shared_data):
    with pytest.raises(InputFileError, match="pass kind='sample'"):
        read_cdnow(shared_data / "cdnow" / "CDNOW_sample.txt")
    with pytest.raises(InputFileError, match="pass kind='master'"):
        read_cdnow(shared_data / "cdnow" / "CDNOW_master.txt", kind="sample")
    f = tmp_path / "c.txt"
    f.write_text(" customer_id  date number_of_cds  dollar_value\n 00001 19970101  1   11.77\n"
                 " 00002 19971301  1   12.00\n")
    with pytest.raises(InputFileError, match=r"1 lines have a date that is not a date written YYYYMMDD: line 3 \('19971301'\)"):
        read_cdnow(f)
    with pytest.raises(ParameterError, match="kind must be"):
        read_cdnow(f, kind="full")


def test_cdnow_txt_without_format_points_to_cdnow(shared_data):
    with pytest.raises(InputFileError, match="format='cdnow'"):
        read_table(shared_data / "cdnow" / "CDNOW_master.txt")


# --------------------------------------------------------------------------- #
# column mapping
# --------------------------------------------------------------------------- #
def test_mapping_renames_and_keeps_others():
    raw = pd.DataFrame({"CustID": ["a"], "OrderDate": ["2024-01-01"], "Value": [3.0], "Note": ["n"]})
    before = raw.copy()
    out = apply_column_mapping(raw, {"customer_id": "CustID", "date": "OrderDate", "amount": "Value"},
                               table="transactions")
    assert out.columns.tolist() == ["customer_id", "date", "amount", "Note"]
    pd.testing.assert_frame_equal(raw, before)


def test_mapped_column_that_does_not_exist():
    raw = pd.DataFrame({"CustID": ["a"], "OrderDate": ["2024-01-01"], "Value": [3.0]})
    with pytest.raises(StudyConfigError) as info:
        apply_column_mapping(raw, {"customer_id": "CustID", "amount": "Valu"}, table="transactions")
    message = str(info.value)
    assert "transactions table" in message
    assert "amount: column 'Valu' does not exist" in message
    assert "Columns present: 'CustID', 'OrderDate', 'Value'" in message
    assert "Did you mean 'Value'?" in message


def test_mapping_numeric_headers_and_conflicts():
    raw = pd.DataFrame({2024: [1.0], "id": ["a"], "customer_id": ["b"]})
    assert apply_column_mapping(raw, {"amount": "2024"}).columns.tolist() == ["amount", "id", "customer_id"]
    with pytest.raises(StudyConfigError, match="would give two columns"):
        apply_column_mapping(raw, {"customer_id": "id"})
    with pytest.raises(StudyConfigError, match="already mapped"):
        apply_column_mapping(raw, {"customer_id": "id", "order_id": "id"})


# --------------------------------------------------------------------------- #
# atomic writes and checksums
# --------------------------------------------------------------------------- #
def test_atomic_write_failure_leaves_old_target(tmp_path):
    target = tmp_path / "report.txt"
    target.write_text("old content\n")
    with pytest.raises(RuntimeError, match="boom"):
        with atomic_write(target) as fh:
            fh.write("half of the new con")
            raise RuntimeError("boom")
    assert target.read_text() == "old content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]  # temp file removed


def test_atomic_write_failure_without_old_target(tmp_path):
    target = tmp_path / "new.bin"
    with pytest.raises(KeyError):
        with atomic_write(target, "wb") as fh:
            fh.write(b"\x00")
            raise KeyError("x")
    assert list(tmp_path.iterdir()) == []


def test_atomic_write_uses_same_folder_and_replaces(tmp_path):
    target = tmp_path / "sub" / "out.txt"
    with atomic_write(target) as fh:
        tmp = Path(fh.name)
        assert tmp.parent == target.parent and tmp != target
        fh.write("a\nb\n")
        assert not target.exists()
    assert target.read_bytes() == b"a\nb\n"  # no newline translation
    assert not tmp.exists()


def test_atomic_write_permissions(tmp_path):
    target = tmp_path / "p.txt"
    write_text_atomic(target, "x")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    os.chmod(target, 0o640)
    write_text_atomic(target, "y")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    with pytest.raises(ParameterError):
        with atomic_write(target, "a"):
            pass


def test_write_helpers(tmp_path):
    assert write_text_atomic(tmp_path / "t.txt", "满意度\n").read_bytes() == "满意度\n".encode("utf-8")
    assert write_bytes_atomic(tmp_path / "b.bin", b"\x00\xff").read_bytes() == b"\x00\xff"
    df = pd.DataFrame({"客户": ["张三", "李四"], "clv_12m": [1.5, 2.25]})
    p = write_csv_atomic(df, tmp_path / "t.csv")
    assert p.read_bytes() == "客户,clv_12m\n张三,1.5\n李四,2.25\n".encode("utf-8")
    pd.testing.assert_frame_equal(read_table(p), df)
    bom = write_csv_atomic(df, tmp_path / "excel.csv", encoding="utf-8-sig", index=True)
    assert bom.read_bytes().startswith(b"\xef\xbb\xbf,")


def test_sha256_file(tmp_path):
    f = tmp_path / "x.bin"
    data = os.urandom(3 * (1 << 20) + 17)  # spans several read chunks
    f.write_bytes(data)
    assert sha256_file(f) == hashlib.sha256(data).hexdigest()
    with pytest.raises(InputFileError, match="file not found"):
        sha256_file(tmp_path / "missing")
