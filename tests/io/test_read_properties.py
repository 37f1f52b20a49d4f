"""Property-based tests of read_table (issue 14): any bytes, text in any encoding, any suffix and options.

read_table gives a DataFrame or an InputFileError/ParameterError (AnalysisErrors)
that names the file or the option, never another exception, and an error never
copies the file's rows (a secret in a data row never reaches the message; the
CDNOW reader quotes the one field that breaks a rule, as the validators do).
"""

from __future__ import annotations

import gzip
import itertools

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st
from property_cases import SECRET, bounded, contents, outcome

from analysis.errors import ParameterError
from analysis.io import read_table

SUFFIXES = st.sampled_from([".csv", ".tsv", ".txt", ".csv.gz", ".parquet", ".xlsx", ".dat", ""])
_names = itertools.count()


@bounded(200)
@given(data=contents(), suffix=SUFFIXES,
       encoding=st.one_of(st.none(), st.sampled_from(["auto", "gb18030", "utf-16", "nonsense", ""])),
       sep=st.one_of(st.none(), st.sampled_from([";", "\t", "||", "\\s+", ""])),
       fmt=st.one_of(st.none(), st.sampled_from(["csv", "tsv", "parquet", "excel", "cdnow", "json"])))
def test_read_table_reads_or_explains(tmp_path, data, suffix, encoding, sep, fmt):
    path = tmp_path / f"f{next(_names)}{suffix}"
    path.write_bytes(gzip.compress(data, mtime=0) if suffix.endswith(".gz") else data)
    result = outcome(read_table, path, encoding=encoding, sep=sep, format=fmt)
    if isinstance(result, pd.DataFrame):
        return
    message = str(result)
    assert isinstance(result, ParameterError) or str(path) in message, message
    assert len(message) < 1500, message  # never a copy of the file
    if fmt != "cdnow":  # column names may be quoted, rows never (CDNOW's checks quote the bad field of a line)
        assert SECRET not in message, message
