"""Messages about a file quote its column names, shortened (checks.shown_names), and never the rest of it (issue 14, case 7)."""

from __future__ import annotations

import pytest
from study_project import TINY_STUDY, make_project, write_study

from analysis.errors import InputFileError, StudyConfigError
from analysis.io import read_table
from analysis.study import load_study

SECRET_LINE = "root:x:0:0:root:/root:/bin/bash;token=4711"


def test_a_file_read_as_one_column_is_not_copied_into_the_message(tmp_path):
    f = tmp_path / "passwd.csv"
    f.write_text(SECRET_LINE + "\ndaemon:x:1:1;y\n", encoding="utf-8")
    with pytest.raises(InputFileError) as info:
        read_table(f)
    message = str(info.value)
    assert "holds no ',' but 1 ';'; it looks separated by ';': pass sep=';'" in message
    assert "root:x" not in message and "4711" not in message


def test_the_study_check_of_one_column_does_not_copy_it_either(tmp_path):
    project = make_project(tmp_path / "proj")
    (project / "data" / "orders.csv").write_text(SECRET_LINE + "\n1;2\n", encoding="utf-8")
    with pytest.raises(StudyConfigError) as info:
        load_study(write_study(project, "tiny", TINY_STUDY))
    message = str(info.value)
    assert "data.transactions.sep" in message and "add sep: ';'" in message
    assert "root:x" not in message and "4711" not in message


def test_long_headers_are_shortened_and_capped(tmp_path):
    f = tmp_path / "wide.csv"
    f.write_text(",".join(["x" * 500] + [f"c{i}" for i in range(99)]) + "\n", encoding="utf-8")
    with pytest.raises(InputFileError, match=r"has a header but no data rows") as info:
        read_table(f)
    message = str(info.value)
    assert "x" * 58 not in message and "'" + "x" * 57 + "...'" in message
    assert "'c18' and 80 more" in message and "c19" not in message  # 20 names, then a count
    project = make_project(tmp_path / "proj")
    (project / "data" / "orders.csv").write_text(f.read_text() + "1" + ",2" * 99 + "\n", encoding="utf-8")
    with pytest.raises(StudyConfigError, match=r"column 'CustID' is not in orders.csv.*c18 and 80 more\)$"):
        load_study(project / "params" / "tiny.yaml")

