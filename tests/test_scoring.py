"""Chunked scoring equals scoring everyone at once with the CLV and segmentation functions.

The chunked path is checked against :func:`analysis.clv.customer_lifetime_value` and
:func:`analysis.segmentation.rfm` run on the whole CDNOW master log in memory
(independent code: the RFM table there comes from the raw transactions, here from
the summary's RFM columns computed in DuckDB, and the cut points there from numpy,
here from DuckDB's quantile_cont). Chunks are small (3000 customers) so the 23,570
customers span eight chunks and any chunk-local statistic would show.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.clv import BetaGeo, GammaGamma, customer_lifetime_value
from analysis.datasets import load_cdnow
from analysis.scoring import rfm_cut_points, score_customers
from analysis.errors import DataValidationError, ParameterError
from analysis.segmentation import rfm
from analysis.summary import customer_summary, summary_to_parquet

END = "1998-06-30"


@pytest.fixture(scope="module")
def fitted():
    tx = load_cdnow()
    summary = customer_summary(tx, END)
    bg = BetaGeo().fit(summary)
    repeat = summary[(summary["frequency"] > 0) & (summary["monetary_value"] > 0)]
    gg = GammaGamma().fit(repeat)
    return tx, summary, bg, gg


def test_chunked_scores_equal_whole_table_scores(fitted, tmp_path):
    tx, summary, bg, gg = fitted
    source = summary_to_parquet(tx, tmp_path / "summary.parquet", END, rfm_columns=True, engine="duckdb")
    out = score_customers(source, tmp_path / "scores.parquet", model=bg, spend_model=gg,
                          horizon=52, chunk_size=3000, progress=False)
    got = pd.read_parquet(out).set_index("customer_id")
    assert len(got) == len(summary) == 23570
    got = got.loc[summary.index.astype(str)]
    ref = customer_lifetime_value(bg, summary, spend_model=gg, horizon=52, interval=None)
    for col in ("p_alive", "expected_purchases", "expected_spend", "clv"):
        np.testing.assert_allclose(got[col].to_numpy(), ref[col].to_numpy(), rtol=1e-10, err_msg=col)
    table = rfm(tx, END)
    table.index = table.index.astype(str)
    table = table.loc[got.index]
    for col in ("r_score", "f_score", "m_score"):
        assert (got[col].to_numpy() == table[col].to_numpy()).all(), col
    assert (got["segment"].to_numpy() == table["segment"].astype(str).to_numpy()).all()


def test_cut_points_from_duckdb_equal_numpy(fitted, tmp_path):
    tx, *_ = fitted
    path = summary_to_parquet(tx, tmp_path / "s.parquet", END, rfm_columns=True)
    frame = pd.read_parquet(path)
    a, b = rfm_cut_points(path, 5), rfm_cut_points(frame, 5)
    for key in "rfm":
        np.testing.assert_allclose(a[key], b[key], rtol=1e-12)


def test_model_only_and_errors(fitted, tmp_path):
    tx, summary, bg, _ = fitted
    out = score_customers(summary.head(500), tmp_path / "m.parquet", model=bg, rfm_bins=None,
                          chunk_size=128, progress=False)
    got = pd.read_parquet(out)
    np.testing.assert_allclose(got["p_alive"], bg.prob_alive(summary.head(500)).to_numpy(), rtol=1e-12)
    assert list(got.columns) == ["customer_id", "p_alive", "expected_purchases"]
    with pytest.raises(DataValidationError, match="rfm_columns=True"):
        score_customers(summary, tmp_path / "x.parquet", model=bg)
    with pytest.raises(ParameterError, match="Nothing to score"):
        score_customers(summary, tmp_path / "x.parquet", rfm_bins=None)
    with pytest.raises(ParameterError, match="does not exist"):
        score_customers(summary, tmp_path / "nowhere" / "x.parquet", model=bg, rfm_bins=None)


def test_bins_out_of_range_are_shown_as_written():
    """Issue 14 (case 9): the message printed np.int64(30)."""
    summary = pd.DataFrame({"recency": [1.0, 2.0], "frequency": [1.0, 3.0], "monetary_value": [5.0, 9.0]})
    with pytest.raises(ParameterError, match=r"got 30\.$"):
        rfm_cut_points(summary, bins=np.int64(30))
