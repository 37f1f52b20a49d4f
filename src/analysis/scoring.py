"""Score every customer in chunks and stream the scores to Parquet.

Millions of customers do not fit comfortably in one pandas frame once a dozen
forecast columns are added, and the models' predictions are per-customer
formulas, so :func:`score_customers` reads the summary (a DataFrame or a
Parquet file/folder written by :func:`analysis.summary.summary_to_parquet`) in
chunks, computes P(alive), expected purchases, expected spend and CLV with the
fitted models of :mod:`analysis.clv`, and RFM scores and segments against cut
points computed once over *all* customers, and appends each chunk to one
Parquet file. Memory is bounded by the chunk size.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from analysis.checks import shown
from analysis.errors import DataValidationError, ParameterError

__all__ = ["score_customers", "rfm_cut_points"]

_RFM = {"r": "recency_days", "f": "n_periods", "m": "total_amount"}


def _dataset(summary) -> ds.Dataset:
    if isinstance(summary, pd.DataFrame):
        frame = summary.reset_index() if "customer_id" not in summary.columns else summary
        return ds.dataset(pa.Table.from_pandas(frame, preserve_index=False))
    path = Path(summary)
    if not path.exists():
        raise ParameterError(f"The summary {path} does not exist; write it with summary_to_parquet first.")
    return ds.dataset(path, format="parquet")


def rfm_cut_points(summary, bins: int = 5) -> dict[str, np.ndarray]:
    """Quantile cut points of recency days, purchase periods and total spend over all customers.

    The cut points are the sample quantiles at 1/bins, ..., (bins-1)/bins with
    linear interpolation (numpy's default, R type 7): the ``"quantile"`` rule of
    :func:`analysis.segmentation.score_values`. For a Parquet summary they are
    computed by DuckDB (``quantile_cont``, exact) without loading the file.

    Parameters
    ----------
    summary : DataFrame or path
        Summary with the RFM columns of ``summary_to_parquet(..., rfm_columns=True)``.
    bins : int
        Number of score levels.

    Returns
    -------
    dict
        ``{"r": edges, "f": edges, "m": edges}`` (arrays of ``bins - 1`` floats).

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"recency_days": [1, 2, 3, 4, 5], "n_periods": [1, 1, 2, 3, 9],
    ...                   "total_amount": [5.0, 6.0, 7.0, 8.0, 9.0]})
    >>> rfm_cut_points(s, bins=2)["f"].tolist()
    [2.0]
    """
    if not isinstance(bins, (int, np.integer)) or not 2 <= bins <= 20:
        raise ParameterError(f"bins must be an int from 2 to 20; got {shown(bins)}.")
    probs = np.arange(1, bins) / bins
    if isinstance(summary, pd.DataFrame):
        missing = [c for c in _RFM.values() if c not in summary.columns]
        if missing:
            raise DataValidationError(
                f"The summary lacks the RFM column(s) {missing}; write it with "
                "summary_to_parquet(..., rfm_columns=True)."
            )
        return {k: np.quantile(summary[c].to_numpy(dtype=float), probs) for k, c in _RFM.items()}
    from analysis.customerdata.duckdb_engine import column_quantiles

    dataset = _dataset(summary)
    missing = [c for c in _RFM.values() if c not in dataset.schema.names]
    if missing:
        raise DataValidationError(
            f"The summary {summary} lacks the RFM column(s) {missing}; write it with "
            "summary_to_parquet(..., rfm_columns=True)."
        )
    row = column_quantiles(dataset, _RFM.values(), probs)
    return {k: np.asarray(v, dtype=float) for k, v in zip(_RFM, row)}


def _scores(values: np.ndarray, edges: np.ndarray, bins: int, higher_is_better: bool, constant: bool) -> np.ndarray:
    if constant:
        return np.full(len(values), (bins + 1) // 2, dtype=np.int64)
    raw = 1 + np.searchsorted(edges, values, side="left").astype(np.int64)
    return raw if higher_is_better else bins + 1 - raw


def score_customers(
    summary,
    path: str | Path,
    *,
    model=None,
    spend_model=None,
    spend: float | None = None,
    horizon: float = 52.0,
    time_unit: str = "W",
    discount_rate: float = 0.10,
    margin: float = 1.0,
    steps: int = 12,
    rfm_bins: int | None = 5,
    segment_rules=None,
    chunk_size: int = 500_000,
    progress: bool = True,
) -> Path:
    """Score every customer of a summary in chunks and write the scores to one Parquet file.

    Parameters
    ----------
    summary : DataFrame or path
        Customer summary (``customer_id``, ``frequency``, ``recency``, ``T``,
        ``monetary_value``; for RFM also ``n_periods``, ``total_amount``,
        ``recency_days``), as a DataFrame or the Parquet file/folder written by
        :func:`analysis.summary.summary_to_parquet` with ``rfm_columns=True``.
    path : str or Path
        Output Parquet file (its folder must exist).
    model : BetaGeo, ModifiedBetaGeo or ParetoNBD, optional
        Fitted transaction model: adds ``p_alive`` and ``expected_purchases``
        (over ``horizon``), and with ``spend_model`` or ``spend`` also
        ``expected_spend`` and ``clv`` as :func:`analysis.clv.customer_lifetime_value`
        computes them (point values, no intervals).
    spend_model : GammaGamma, optional
        Fitted spend model.
    spend : float, optional
        Spend per purchase when there is no spend model.
    horizon, time_unit, discount_rate, margin, steps
        As in :func:`analysis.clv.customer_lifetime_value`.
    rfm_bins : int or None
        Adds ``r_score``, ``f_score``, ``m_score`` (1 = worst) against cut points
        over all customers (:func:`rfm_cut_points`) and ``segment`` from
        ``segment_rules`` (default rules of :mod:`analysis.segmentation`).
        None: no RFM columns. A summary without the RFM columns is an error
        unless ``rfm_bins=None``, so a missing column never passes silently.
    segment_rules : DataFrame or list of dict, optional
        Rule table for :func:`analysis.segmentation.assign_segments`.
    chunk_size : int
        Customers per chunk (memory grows with it).
    progress : bool
        Show a tqdm progress bar (customers scored).

    Returns
    -------
    Path
        ``path``, with one row per customer in the summary's order: ``customer_id``
        and the score columns above.

    Examples
    --------
    >>> import pandas as pd, tempfile, pathlib
    >>> from analysis.clv import BetaGeo
    >>> bg = BetaGeo.from_params({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426})
    >>> s = pd.DataFrame({"frequency": [0, 2], "recency": [0.0, 30.43], "T": [38.86, 38.86],
    ...                   "monetary_value": [0.0, 22.35]}, index=pd.Index(["a", "b"], name="customer_id"))
    >>> out = score_customers(s, pathlib.Path(tempfile.mkdtemp()) / "scores.parquet", model=bg,
    ...                       rfm_bins=None, progress=False)
    >>> pd.read_parquet(out)["p_alive"].round(3).tolist()
    [1.0, 0.727]
    """
    from tqdm.auto import tqdm

    path = Path(path)
    if not path.parent.is_dir():
        raise ParameterError(f"The folder {path.parent} for the scores does not exist; create it first.")
    if not isinstance(chunk_size, (int, np.integer)) or chunk_size < 1:
        raise ParameterError(f"chunk_size must be a positive int; got {shown(chunk_size)}.")
    if model is None and rfm_bins is None:
        raise ParameterError("Nothing to score: give a fitted model, or rfm_bins for RFM segments.")
    if (spend_model is not None or spend is not None) and model is None:
        raise ParameterError("CLV needs a transaction model (model=...) besides the spend.")
    if spend_model is not None and spend is not None:
        raise ParameterError("Give spend_model or spend, not both.")
    dataset = _dataset(summary)
    names = dataset.schema.names
    if "customer_id" not in names:
        raise DataValidationError(f"The summary has no customer_id column; it has {names}.")
    needed = ["customer_id"]
    if model is not None:
        needed += ["frequency", "recency", "T"] + (["monetary_value"] if spend_model is not None else [])
    edges = constant = None
    if rfm_bins is not None:
        from analysis.segmentation import assign_segments

        edges = rfm_cut_points(summary if isinstance(summary, pd.DataFrame) else Path(summary), rfm_bins)
        constant = {k: bool(e[0] == e[-1]) and _is_constant(dataset, _RFM[k]) for k, e in edges.items()}
        needed += list(_RFM.values())
    missing = [c for c in dict.fromkeys(needed) if c not in names]
    if missing:
        raise DataValidationError(f"The summary lacks column(s) {missing} needed for these scores; it has {names}.")
    total = dataset.count_rows()
    writer = None
    try:
        with tqdm(total=total, unit="customers", disable=not progress, desc="scoring") as bar:
            for batch in dataset.to_batches(columns=list(dict.fromkeys(needed)), batch_size=int(chunk_size)):
                if batch.num_rows == 0:
                    continue
                chunk = batch.to_pandas()
                out = pd.DataFrame({"customer_id": chunk["customer_id"].astype(str)})
                if model is not None:
                    data = chunk.set_index("customer_id")
                    if spend_model is not None or spend is not None:
                        from analysis.clv import customer_lifetime_value

                        clv = customer_lifetime_value(
                            model, data, spend_model=spend_model, spend=spend, horizon=horizon,
                            time_unit=time_unit, discount_rate=discount_rate, margin=margin, steps=steps,
                            interval=None,
                        )
                        for col in ("p_alive", "expected_purchases", "expected_spend", "clv"):
                            out[col] = clv[col].to_numpy()
                    else:
                        out["p_alive"] = model.prob_alive(data).to_numpy()
                        out["expected_purchases"] = model.predict_purchases(horizon, data).to_numpy()
                if edges is not None:
                    for key, higher in (("r", False), ("f", True), ("m", True)):
                        values = chunk[_RFM[key]].to_numpy(dtype=float)
                        out[f"{key}_score"] = _scores(values, edges[key], rfm_bins, higher, constant[key])
                    out["segment"] = assign_segments(out, segment_rules, bins=rfm_bins).astype(str).to_numpy()
                table = pa.Table.from_pandas(out, preserve_index=False)
                if writer is None:
                    writer = pq.ParquetWriter(path, table.schema)
                writer.write_table(table.cast(writer.schema))
                bar.update(batch.num_rows)
    finally:
        if writer is not None:
            writer.close()
    if writer is None:
        raise DataValidationError("The summary has no rows to score.")
    return path


def _is_constant(dataset: ds.Dataset, column: str) -> bool:
    import pyarrow.compute as pc

    values = dataset.to_table(columns=[column])[column]
    bounds = pc.min_max(values)
    return bounds["min"].as_py() == bounds["max"].as_py()
