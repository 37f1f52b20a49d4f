"""Settings and strategies shared by the property-based tests of the input side (hypothesis).

Every property test runs derandomized (the examples follow from the test's code,
so a run in CI is the run on this machine) with no example database, no
per-example deadline (2 shared cores) and a bounded number of examples: the
whole set takes well under 30 seconds.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable
from typing import Any

import pandas as pd
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from analysis.errors import AnalysisError


def bounded(max_examples: int) -> settings:
    """Deterministic, bounded settings for one property test."""
    return settings(max_examples=max_examples, derandomize=True, database=None, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                           HealthCheck.data_too_large, HealthCheck.filter_too_much])


#: texts that parsers and validators treat specially
AWKWARD_TEXT = st.sampled_from([
    "", " ", "NA", "n/a", "null", "None", "nan", "NaN", "inf", "-inf", "1e400", "-0", "0x10", "1,5", "1.000,50",
    "TRUE", "yes", "Y", "２０２４-０３-０１", "１２", "٣", "2024-03-01", "2024-3-1 10:30", "2024-03-01T10:00:00+02:00",
    "2024-02-30", "0000-00-00", "9999-12-31", "13/01/2023", "01/13/2023", "03/03/2024", "01-02-03", "31.12.2023",
    "20240301", "2024/03/01", "2024年3月1日", "March 1, 2024", "31 Dec 2023", "Dec", "45352", "45352.5", "1/1/1",
    "00042", "\x00", "\ufeff", "<script>alert(1)</script>", "a\nb", "'; DROP TABLE x;--",
])
HUGE_INTS = st.sampled_from([2**63 - 1, 2**63, -(2**63), 2**64, 10**30, -(10**30)])
CELLS = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**40), 2**40), HUGE_INTS,
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=12), AWKWARD_TEXT,
    st.dates(min_value=dt.date(1, 1, 1)), st.datetimes(min_value=dt.datetime(1, 1, 1)),
    st.just(pd.NaT), st.just(pd.Timestamp("2024-03-01", tz="Asia/Shanghai")),
)
#: column contents: all of one kind (as a file reader gives them) or mixed
KINDS: dict[str, st.SearchStrategy[Any]] = {
    "mixed": CELLS,
    "text": st.one_of(st.text(max_size=12), AWKWARD_TEXT),
    "int": st.one_of(st.integers(-(2**40), 2**40), HUGE_INTS),
    "float": st.floats(allow_nan=True, allow_infinity=True),
    "date": st.one_of(AWKWARD_TEXT, st.datetimes(min_value=dt.datetime(1600, 1, 1), max_value=dt.datetime(2300, 1, 1))),
}
#: what a canonical column should hold, so that some frames pass validation and the checks behind it run
CLEAN: dict[Any, st.SearchStrategy[Any]] = {
    **dict.fromkeys(["customer_id", "respondent_id", "order_id"], st.text("abc123", min_size=1, max_size=4)),
    **dict.fromkeys(["date", "acquisition_date"], st.dates(dt.date(2000, 1, 1), dt.date(2023, 12, 31)).map(str)),
    **dict.fromkeys(["amount", "acquisition_cost", "cost_to_serve", "spend", "w"], st.floats(0, 1e6)),
    **dict.fromkeys(["q1", "q2", "sat"], st.integers(1, 7)),
    **dict.fromkeys(["channel", "arm", "acquisition_channel", "segment"], st.sampled_from(["web", "store", "网店"])),
    "quantity": st.integers(0, 5), "converted": st.sampled_from([0, 1, "yes", "no", True]),
}
LABELS = st.one_of(st.text(max_size=8), st.integers(-3, 3), st.just(None), st.just(float("nan")))


@st.composite
def frames(draw: Callable, names: st.SearchStrategy[Any], *, required: tuple[str, ...] = (),
           max_rows: int = 6) -> pd.DataFrame:
    """A DataFrame with the *required* columns (each missing one time in ten), more drawn from *names*
    (duplicates possible), and cells of any kind."""
    columns = [name for name in required if draw(st.integers(0, 9))] + draw(st.lists(names, max_size=4))
    n = draw(st.integers(0, max_rows))
    data = []
    for column in columns:
        kind = draw(st.sampled_from(["clean"] * 8 + sorted(KINDS)))  # clean: what the column should hold
        cells = CLEAN.get(column, CELLS) if kind == "clean" else KINDS[kind]
        values = draw(st.lists(cells, min_size=n, max_size=n))
        series = pd.Series(values, dtype=object)
        if draw(st.booleans()):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                series = series.infer_objects()
        data.append(series.reset_index(drop=True))
    frame = pd.concat(data, axis=1) if data else pd.DataFrame(index=range(n))
    frame.columns = pd.Index(columns, dtype=object) if columns else frame.columns
    return frame


def outcome(func: Callable, *args: Any, **kwargs: Any) -> Any:
    """``func(*args, **kwargs)``, or the AnalysisError it raised; any other exception fails the test."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return func(*args, **kwargs)
        except AnalysisError as exc:
            return exc


SECRET = "SECRET-4711"
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030", "cp1252"])
CELL_TEXT = st.one_of(AWKWARD_TEXT, st.text(max_size=8), st.sampled_from(['"', '""', "a,b", ";", "\t", "\r\n"]))


@st.composite
def contents(draw: Callable) -> bytes:
    """A data file's bytes: any bytes, or delimited text (a plain header, then rows of any text holding
    :data:`SECRET`) in some encoding."""
    if draw(st.booleans()):
        return draw(st.binary(max_size=300))
    sep = draw(st.sampled_from([",", ";", "\t", "|", " "]))
    header = sep.join(draw(st.lists(st.text("abcXYZ_-.客户编号", min_size=1, max_size=8), min_size=1, max_size=4)))
    rows = [sep.join(draw(st.lists(st.one_of(CELL_TEXT, st.just(SECRET)), min_size=1, max_size=5)))
            for _ in range(draw(st.integers(0, 4)))]
    text = "\n".join([header, *rows]) + draw(st.sampled_from(["", "\n", "\r\n"]))
    try:
        return text.encode(draw(ENCODINGS))
    except UnicodeEncodeError:
        return text.encode("utf-8", errors="surrogatepass")
