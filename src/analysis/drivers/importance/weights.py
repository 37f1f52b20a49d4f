"""Cheaper decompositions of R²: Johnson's relative weights and Shapley values from sampled orderings."""

from __future__ import annotations

import numpy as np

from analysis.drivers.importance.lmg import _SINGULAR_TOL, _as_batch

__all__ = ["relative_weights_from_corr"]


def relative_weights_from_corr(corr: np.ndarray) -> np.ndarray:
    """Johnson's (2000) relative weights from a correlation matrix (outcome last).

    With ``Λ = R_xx^{1/2}`` (the correlations between the predictors and their
    closest orthonormal counterparts) and ``β = Λ⁻¹ r_xy`` (the outcome regressed on
    those counterparts), predictor ``j`` gets ``Σ_k Λ_jk² β_k²``; the weights sum to R².

    Examples
    --------
    >>> r = np.array([[1.0, 0.5, 0.6], [0.5, 1.0, 0.7], [0.6, 0.7, 1.0]])
    >>> relative_weights_from_corr(r).round(4).tolist()  # equal to LMG when p = 2
    [0.2217, 0.3517]
    """
    c, single = _as_batch(corr)
    p = c.shape[1] - 1
    rxx, rxy = c[:, :p, :p], c[:, :p, p]
    val, vec = np.linalg.eigh(rxx)
    val = np.where(val > _SINGULAR_TOL, val, np.nan)
    lam = (vec * np.sqrt(val)[:, None, :]) @ np.swapaxes(vec, 1, 2)
    beta = ((vec / np.sqrt(val)[:, None, :]) @ np.swapaxes(vec, 1, 2) @ rxy[..., None])[..., 0]
    out = (lam**2) @ (beta**2)[..., None]
    return out[0, :, 0] if single else out[..., 0]


def _shapley_sampled(c: np.ndarray, n_perm: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Shapley values of R² from random orderings: (B, p) means and Monte Carlo SEs.

    For an ordering, the last row of the Cholesky factor of the reordered correlation
    matrix (outcome last) holds the square roots of the successive R² increments.
    """
    b, q, _ = c.shape
    p = q - 1
    total = np.zeros((b, p))
    total_sq = np.zeros((b, p))
    done = 0
    step = max(1, min(n_perm, 200_000 // (q * q)))
    while done < n_perm:
        m = min(step, n_perm - done)
        perms = np.argsort(rng.random((m, p)), axis=1)
        order = np.concatenate([perms, np.full((m, 1), p)], axis=1)
        sub = c[:, order[:, :, None], order[:, None, :]]  # (b, m, q, q)
        chol = np.linalg.cholesky(sub)
        inc = chol[..., p, :p] ** 2  # increments in ordering positions
        contrib = np.empty_like(inc)
        np.put_along_axis(contrib, np.broadcast_to(perms, inc.shape), inc, axis=-1)
        total += contrib.sum(axis=1)
        total_sq += (contrib**2).sum(axis=1)
        done += m
    mean = total / n_perm
    var = np.maximum(total_sq / n_perm - mean**2, 0.0) * n_perm / max(n_perm - 1, 1)
    return mean, np.sqrt(var / n_perm)

