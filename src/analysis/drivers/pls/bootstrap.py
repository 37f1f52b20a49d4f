"""Percentile bootstrap of a fitted PLS path model: paths, direct, indirect and total effects, loadings,
weights and R²."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.drivers._data import percentile_tails
from analysis.drivers.pls.estimation import _estimate
from analysis.errors import DataValidationError
from analysis.results import order_estimate_columns

__all__ = ["bootstrap_tables"]


def _table(draws, estimate, index: pd.Index, tails: tuple[float, float], extra: dict | None = None) -> pd.DataFrame:
    """One estimate table: the full-sample estimate, bootstrap SE and percentile interval (no p-value)."""
    d = np.asarray(draws, dtype=float)
    low, high = np.quantile(d, list(tails), axis=0)
    out = pd.DataFrame({"estimate": estimate, "std_error": d.std(axis=0, ddof=1), "ci_low": low,
                        "ci_high": high, "boot_mean": d.mean(axis=0)}, index=index)
    for name, values in (extra or {}).items():
        out[name] = values
    return order_estimate_columns(out)


def _effects(effects: pd.DataFrame, a: np.ndarray, cons: list[str], directs: np.ndarray, totals: np.ndarray,
             tails) -> pd.DataFrame:
    """Direct, indirect (total minus direct) and total effect of every linked pair, each with its interval;
    a direct effect without a path and an indirect one without a route of two or more paths are left out
    (they are zero by the model, not estimates)."""
    kinds = ("direct", "indirect", "total")
    draws = np.stack([directs, totals - directs, totals], axis=2).reshape(len(directs), -1)
    index = pd.MultiIndex.from_tuples([(f, t, k) for f, t in zip(effects["from"], effects["to"], strict=True)
                                       for k in kinds], names=["from", "to", "effect"])
    table = _table(draws, effects[list(kinds)].to_numpy().reshape(-1), index, tails)
    k = len(cons)
    longer = np.linalg.solve(np.eye(k) - a.T, np.eye(k)).T - np.eye(k) - a  # number of routes of length >= 2
    pos = {c: i for i, c in enumerate(cons)}
    keep = [(kind == "total") or (a if kind == "direct" else longer)[pos[f], pos[t]] > 0.5
            for f, t, kind in table.index]
    table = table[keep]
    return table.assign(excludes_zero=(table["ci_low"] > 0) | (table["ci_high"] < 0))


def bootstrap_tables(model, n_boot: int, rng: np.random.Generator, alpha: float) -> dict:
    """Re-estimate ``model`` (fitted) on ``n_boot`` resamples of its respondents.

    Returns the ``bootstrap_`` dict of :class:`~analysis.drivers.PLSPathModel`.
    """
    spec, mv = model._spec_, model._mv
    n = mv.shape[0]
    a = spec["a"]
    cons = model.constructs_
    pi, pj = np.nonzero(a)  # by source, then target, in block order (as plspm lists them)
    effect_index = model.effects_.set_index(["from", "to"]).index
    ei = [(cons.index(f), cons.index(t)) for f, t in effect_index]
    endo = [j for j in range(len(cons)) if a[:, j].any()]
    paths, totals, directs, loads, weights, r2s = [], [], [], [], [], []
    dropped = 0
    with np.errstate(all="ignore"):
        for _ in range(n_boot):
            draw = rng.integers(0, n, size=n)
            sample = mv[draw]
            if (np.ptp(sample, axis=0) == 0).any():
                dropped += 1
                continue
            est = _estimate(sample, spec)
            if not est["converged"]:
                dropped += 1
                continue
            paths.append(est["b"][pi, pj])
            totals.append([est["total"][i, j] for i, j in ei])
            directs.append([est["b"][i, j] for i, j in ei])
            loads.append(est["loadings"])
            weights.append(est["w"].sum(axis=1))
            r2s.append(est["r2"][endo])
    if len(paths) < max(25, n_boot // 2):
        raise DataValidationError(
            f"only {len(paths)} of {n_boot} bootstrap replicates could be estimated (constant items or no "
            f"convergence in the rest); the sample is too small or too sparse for bootstrap intervals."
        )
    tails = percentile_tails(alpha)
    path_index = pd.MultiIndex.from_arrays([[cons[i] for i in pi], [cons[j] for j in pj]], names=["from", "to"])
    items = list(model.outer_model_.index)
    owner = {"construct": model.outer_model_["construct"].to_list()}
    return {
        "paths": _table(paths, model.path_coefficients_.to_numpy()[pi, pj], path_index, tails),
        "total_effects": _table(totals, model.effects_["total"].to_numpy(), effect_index, tails),
        "effects": _effects(model.effects_, a, cons, np.asarray(directs), np.asarray(totals), tails),
        "loadings": _table(loads, model.outer_loadings_.reindex(items).to_numpy(), model.outer_model_.index,
                           tails, owner),
        "weights": _table(weights, model.outer_weights_.reindex(items).to_numpy(), model.outer_model_.index,
                          tails, owner),
        "r2": _table(r2s, model.r2_.to_numpy(), model.r2_.index, tails),
        "info": pd.Series({"n_boot": int(n_boot), "n_used": len(paths), "n_dropped": dropped, "alpha": alpha}),
    }
