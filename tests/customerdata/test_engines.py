"""Engine names and objects: one check, one resolution ("auto" = pandas for frames, DuckDB for files)."""

from __future__ import annotations

import pytest

from analysis.customerdata import ENGINES, DuckDBEngine, SparkEngine, resolve_engine
from analysis.customerdata.engines import check_engine
from analysis.errors import ParameterError


def test_names_resolve():
    assert ENGINES == ("auto", "pandas", "duckdb", "spark")
    assert resolve_engine("auto", is_frame=True) == "pandas" == resolve_engine("pandas")
    assert isinstance(resolve_engine("auto"), DuckDBEngine) and isinstance(resolve_engine("duckdb"), DuckDBEngine)
    assert isinstance(resolve_engine("spark"), SparkEngine)
    own = DuckDBEngine(threads=1)
    assert resolve_engine(own) is own


@pytest.mark.parametrize("bad", ["polars", None, 3, ["duckdb"]])
def test_unknown_engines_are_named(bad):
    with pytest.raises(ParameterError, match=r"engine must be one of \('auto', 'pandas', 'duckdb', 'spark'\)"):
        check_engine(bad)
    with pytest.raises(ParameterError, match="engine must be one of"):
        resolve_engine(bad)
