"""The PLS-PM estimation (Lohmöller's algorithm as R plspm 0.4.x runs it): outer weights, scores,
paths, loadings, total effects and the unidimensionality of each block."""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["total_effects_from_paths"]


def total_effects_from_paths(paths: pd.DataFrame) -> pd.DataFrame:
    """Total effects ``(I - B)^-1 - I`` of a recursive model's direct paths.

    Parameters
    ----------
    paths : DataFrame
        Square matrix of direct effects, rows = from, columns = to.

    Returns
    -------
    DataFrame
        Same shape: the total effect of the row construct on the column construct
        (the sum, over every directed path, of the products of its coefficients).

    Examples
    --------
    >>> b = pd.DataFrame([[0, 0.5, 0.1], [0, 0, 0.4], [0, 0, 0]], index=list("abc"), columns=list("abc"))
    >>> round(float(total_effects_from_paths(b).loc["a", "c"]), 10)  # 0.1 + 0.5 * 0.4
    0.3
    """
    b = paths.to_numpy(dtype=float)
    k = b.shape[0]
    total = np.linalg.solve(np.eye(k) - b.T, np.eye(k)).T - np.eye(k)
    total[np.abs(total) < 1e-15] = 0.0
    return pd.DataFrame(total, index=paths.index, columns=paths.columns)

def _treat(mv: np.ndarray, scaled: bool) -> np.ndarray:
    x = mv - mv.mean(axis=0)
    if scaled:
        x = x / x.std(axis=0)  # divisor n, as plspm
    return x


def _pop_sd(y: np.ndarray) -> np.ndarray:
    return y.std(axis=0)


def _inner_weights(y: np.ndarray, a: np.ndarray, scheme: str) -> np.ndarray:
    """E[i, k]: weight of construct i's outer estimate in construct k's inner estimate."""
    adj = a + a.T
    if scheme in ("centroid", "factorial"):
        c = np.corrcoef(y, rowvar=False)
        return np.sign(c * adj) if scheme == "centroid" else c * adj
    k = a.shape[0]
    e = np.zeros((k, k))
    c = np.corrcoef(y, rowvar=False)
    for j in range(k):
        pred = np.flatnonzero(a[:, j])
        if pred.size:
            e[pred, j] = np.linalg.lstsq(y[:, pred], y[:, j], rcond=None)[0]
        succ = np.flatnonzero(a[j, :])
        if succ.size:
            e[succ, j] = c[j, succ]
    return e


def _outer_weights(x: np.ndarray, odm: np.ndarray, blocks: list[np.ndarray], modes: list[str],
                   a: np.ndarray, scheme: str, tol: float, max_iter: int) -> tuple[np.ndarray, int, bool]:
    """Lohmöller's iteration as in R plspm's get_weights; returns W (items x constructs)."""
    n = x.shape[0]
    sdv = np.sqrt((n - 1) / n)
    w = odm / _pop_sd(x @ odm)
    w_old = w.sum(axis=1)
    it = 1
    while True:
        y = x @ w
        y = (y - y.mean(axis=0)) / y.std(axis=0, ddof=1) * sdv
        z = y @ _inner_weights(y, a, scheme)
        for j, idx in enumerate(blocks):
            if modes[j] == "A":
                w[idx, j] = z[:, j] @ x[:, idx] / n
            else:
                w[idx, j] = np.linalg.lstsq(x[:, idx], z[:, j], rcond=None)[0]
        w_new = w.sum(axis=1)
        dif = float(np.sum((np.abs(w_old) - np.abs(w_new)) ** 2))
        if dif < tol or it == max_iter:
            break
        w_old = w_new
        it += 1
    converged = it < max_iter
    w = w / _pop_sd(x @ w)
    return w, it, converged


def _estimate(mv: np.ndarray, spec: dict) -> dict:
    """Every estimate of the model on one data matrix (used by fit and each bootstrap replicate)."""
    blocks, modes, a = spec["blocks"], spec["modes"], spec["a"]
    odm = spec["odm"]
    x = _treat(mv, spec["scaled"])
    w, n_iter, converged = _outer_weights(x, odm.copy(), blocks, modes, a, spec["scheme"], spec["tol"],
                                          spec["max_iter"])
    lv = x @ w
    xc = x - x.mean(axis=0)
    lc = lv - lv.mean(axis=0)
    cross = (xc.T @ lc) / np.sqrt(np.outer((xc**2).sum(axis=0), (lc**2).sum(axis=0)))
    sign = np.sign((np.sign(cross) * odm).sum(axis=0))
    sign[sign == 0] = -1
    anchored = spec["anchor"] >= 0  # an anchor item loads positively on its construct
    sign[anchored] = np.where(cross[spec["anchor"][anchored], np.flatnonzero(anchored)] < 0, -1.0, 1.0)
    lv, w, cross = lv * sign, w * sign, cross * sign
    k = a.shape[0]
    b = np.zeros((k, k))
    r2 = np.zeros(k)
    for j in range(k):
        pred = np.flatnonzero(a[:, j])
        if pred.size:
            design = np.column_stack([np.ones(len(lv)), lv[:, pred]])
            coef = np.linalg.lstsq(design, lv[:, j], rcond=None)[0]
            b[pred, j] = coef[1:]
            resid = lv[:, j] - design @ coef
            r2[j] = 1 - resid @ resid / np.sum((lv[:, j] - lv[:, j].mean()) ** 2)
    total = np.linalg.solve(np.eye(k) - b.T, np.eye(k)).T - np.eye(k)
    loadings = (cross * odm).sum(axis=1)
    return {"w": w, "lv": lv, "b": b, "r2": r2, "total": total, "loadings": loadings, "cross": cross,
            "n_iter": n_iter, "converged": converged}


def _unidimensionality(mv: np.ndarray, blocks: list[np.ndarray], modes: list[str]) -> np.ndarray:
    """Cronbach's alpha, Dillon-Goldstein's rho and the first two eigenvalues per block (as plspm)."""
    out = np.zeros((len(blocks), 4))
    for j, idx in enumerate(blocks):
        p = idx.size
        if p == 1:
            out[j] = [1.0, 1.0, 1.0, 0.0]
            continue
        r = np.corrcoef(mv[:, idx], rowvar=False)
        eigval, eigvec = np.linalg.eigh(r)
        eig1, eig2 = eigval[-1], eigval[-2]
        if modes[j] == "A":
            alpha = max(0.0, p / (p - 1) * (r.sum() - p) / r.sum())
            load = eigvec[:, -1] * np.sqrt(eig1)  # correlations of the items with the first component
            num = load.sum() ** 2
            rho = num / (num + p - np.sum(load**2))
        else:
            alpha = rho = np.nan
        out[j] = [alpha, rho, eig1, eig2]
    return out
