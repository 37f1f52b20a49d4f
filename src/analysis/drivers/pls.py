"""PLS path modelling of structural satisfaction models (ECSI / ACSI type).

A structural satisfaction model says how latent constructs - image, expectations,
perceived quality, perceived value, satisfaction, loyalty - cause one another
(the *inner* model), and how each construct is measured by a block of survey
items (the *outer* model). Partial least squares path modelling (Wold 1982;
Lohmöller 1989; Tenenhaus et al. 2005) estimates it in two stages:

1. **Outer weights by alternating least squares.** Start with equal weights;
   repeat: (a) outer estimate of each construct = standardized weighted sum of
   its items; (b) inner estimate = sum of the neighbouring constructs' outer
   estimates with *inner weights* from the scheme - ``"centroid"`` (sign of their
   correlation), ``"factorial"`` (their correlation) or ``"path"`` (regression
   coefficients for the construct's predecessors, correlations for its
   successors); (c) new outer weights - **Mode A** (reflective): covariances of
   each item with the inner estimate; **Mode B** (formative): the multiple
   regression of the inner estimate on the block's items - until the weights
   stop changing.
2. **Structural estimates.** Scores = standardized weighted sums of the items;
   path coefficients = OLS of each endogenous construct on its predecessors;
   loadings = correlations of the items with their construct's score; total
   effects = sum over all directed paths of the products of path coefficients,
   ``(I - B)^-1 - I``.

This module follows R plspm 0.4.x (Sanchez, Trinchera & Russolillo) step for step
- the same start, the same rescaling inside the loop, the same stopping rule
(``sum((|w_old| - |w_new|)^2) < tol``), the same sign fix of the scores - so it
reproduces plspm's published results on the ECSI bank survey
(``tests/drivers/test_pls.py``).

Examples
--------
>>> import numpy as np, pandas as pd
>>> rng = np.random.default_rng(1)
>>> quality = rng.normal(size=300)
>>> sat = 0.7 * quality + rng.normal(scale=0.7, size=300)
>>> items = {f"q{i}": quality + rng.normal(scale=0.6, size=300) for i in (1, 2, 3)}
>>> items.update({f"s{i}": sat + rng.normal(scale=0.6, size=300) for i in (1, 2, 3)})
>>> df = pd.DataFrame(items)
>>> m = PLSPathModel({"QUAL": ["SAT"]}, {"QUAL": ["q1", "q2", "q3"], "SAT": ["s1", "s2", "s3"]}).fit(df)
>>> round(float(m.path_coefficients_.loc["QUAL", "SAT"]), 2)
0.62
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from scipy import stats

from analysis.drivers._data import prepare
from analysis.errors import AnalysisWarning, DataValidationError, NotFittedError, ParameterError

__all__ = ["SCHEMES", "PLSPathModel", "total_effects_from_paths"]

SCHEMES = ("centroid", "factorial", "path")
MODES = ("A", "B")


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


# --------------------------------------------------------------------------- spec


def _normalise_paths(paths, constructs: list[str]) -> np.ndarray:
    """Adjacency matrix A[from, to] = 1 from a mapping or a list of (from, to) pairs."""
    if isinstance(paths, Mapping):
        pairs = []
        for src, targets in paths.items():
            if isinstance(targets, str):
                targets = [targets]
            pairs.extend((src, t) for t in targets)
    else:
        pairs = [tuple(p) for p in paths]
        bad = [p for p in pairs if len(p) != 2]
        if bad:
            raise ParameterError(f"paths must be (from, to) pairs; got {bad[:3]}.")
    if not pairs:
        raise ParameterError("paths is empty: name at least one structural path, e.g. {'QUAL': ['SAT']}.")
    index = {c: i for i, c in enumerate(constructs)}
    unknown = sorted({c for p in pairs for c in p if c not in index})
    if unknown:
        raise ParameterError(
            f"path construct(s) {unknown} have no item block; blocks are defined for {constructs}. "
            f"Add their items to `blocks` or fix the names in `paths`."
        )
    a = np.zeros((len(constructs), len(constructs)))
    for src, dst in pairs:
        if src == dst:
            raise ParameterError(f"path {src!r} -> {dst!r} points a construct at itself.")
        a[index[src], index[dst]] = 1.0
    if (a * a.T).any():
        i, j = np.argwhere(a * a.T)[0]
        raise ParameterError(
            f"paths {constructs[i]!r} -> {constructs[j]!r} and back form a loop; PLS path models "
            f"must be recursive (no feedback loops)."
        )
    # acyclic: nilpotent adjacency
    if np.linalg.matrix_power(a, len(constructs)).any():
        raise ParameterError("paths contain a directed cycle; PLS path models must be recursive.")
    isolated = [c for i, c in enumerate(constructs) if not a[i].any() and not a[:, i].any()]
    if isolated:
        raise ParameterError(
            f"construct(s) {isolated} have a block but take part in no path; connect them or drop their block."
        )
    return a


def _topological(a: np.ndarray) -> list[int]:
    order, remaining = [], set(range(len(a)))
    while remaining:
        ready = [j for j in sorted(remaining) if not any(a[i, j] for i in remaining)]
        order.extend(ready)
        remaining -= set(ready)
    return order


# ------------------------------------------------------------------------- kernel


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


# -------------------------------------------------------------------------- model


class PLSPathModel:
    """PLS path model (PLS-PM / PLS-SEM) of constructs measured by item blocks.

    Parameters
    ----------
    paths : mapping or sequence of pairs
        The structural (inner) model: ``{"IMAG": ["EXPE", "SAT"], ...}`` (cause ->
        effects) or ``[("IMAG", "EXPE"), ...]``. It must be recursive (no loops).
    blocks : mapping
        Items measuring each construct, ``{"IMAG": ["imag1", ...], ...}``. An item
        belongs to one block only. The order of the keys is the order of the
        constructs in every output.
    modes : "A", "B" or mapping, default "A"
        Outer model per construct: ``"A"`` reflective (items reflect the construct;
        weights are covariances), ``"B"`` formative (items form it; weights are
        multiple-regression coefficients). A mapping may name only the Mode B ones.
    scheme : {"centroid", "factorial", "path"}, default "centroid"
        Inner weighting scheme.
    scaled : bool, default True
        Standardize the items (divisor n) before estimation; ``False`` only
        centres them, so items with more spread get more say (plspm's
        ``scaled = FALSE``). Scores are standardized either way.
    max_iter : int, default 100
        Iteration limit of the outer-weight loop (plspm's ``maxiter``).
    tol : float, default 1e-6
        Convergence tolerance on the sum of squared changes in the absolute
        outer weights (plspm's ``tol``).

    Attributes
    ----------
    constructs_ : list of str
    path_coefficients_ : DataFrame
        Square, rows = from, columns = to; zero where there is no path.
    r2_, r2_adj_ : Series
        R² (and adjusted R²) of each endogenous construct.
    outer_weights_, outer_loadings_ : Series
        Per item (index ``item``); weights apply to the treated items (standardized
        when ``scaled``) and give scores of unit variance (divisor n).
    outer_model_ : DataFrame
        Per item: ``construct``, ``weight``, ``loading``, ``communality``,
        ``redundancy``.
    crossloadings_ : DataFrame
        Correlation of every item with every construct score.
    total_effects_ : DataFrame
        Square, rows = from, columns = to.
    effects_ : DataFrame
        ``from``, ``to``, ``direct``, ``indirect``, ``total`` for every pair linked
        by a directed path.
    inner_model_ : DataFrame
        One row per path: ``from``, ``to``, ``estimate``, ``std_error``, ``t``,
        ``p_value`` (OLS of the scores, as plspm's ``inner_model``).
    inner_summary_ : DataFrame
        Per construct: ``type``, ``mode``, ``r2`` (0 for exogenous, as plspm),
        ``block_communality``, ``mean_redundancy``, ``ave`` (Mode A only).
    unidimensionality_ : DataFrame
        Per construct: ``mode``, ``n_items``, ``cronbach_alpha`` (standardized),
        ``dillon_goldstein_rho``, ``eig_1st``, ``eig_2nd`` (NaN alpha/rho for Mode B).
    scores_ : DataFrame
        Standardized construct scores, indexed like the rows used.
    gof_ : float
        Goodness of fit: sqrt(mean communality of items in multi-item blocks x
        mean R² of the endogenous constructs) (Tenenhaus et al. 2004).
    n_iter_, converged_, n_obs_ : int, bool, int
    bootstrap_ : dict of DataFrame or None
        Filled by :meth:`bootstrap`: ``paths``, ``total_effects``, ``loadings``,
        ``weights``, ``r2`` with ``estimate``, ``boot_mean``, ``std_error``,
        ``ci_low``, ``ci_high``.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> f = rng.normal(size=(400, 1))
    >>> g = 0.6 * f + rng.normal(scale=0.8, size=(400, 1))
    >>> df = pd.DataFrame(np.hstack([f + rng.normal(scale=0.5, size=(400, 2)),
    ...                              g + rng.normal(scale=0.5, size=(400, 2))]), columns=["a1", "a2", "b1", "b2"])
    >>> m = PLSPathModel([("A", "B")], {"A": ["a1", "a2"], "B": ["b1", "b2"]}).fit(df)
    >>> m.r2_.round(2).to_dict()
    {'B': 0.31}
    """

    def __init__(self, paths, blocks: Mapping[str, Sequence[str]], *, modes: str | Mapping[str, str] = "A",
                 scheme: str = "centroid", scaled: bool = True, max_iter: int = 100, tol: float = 1e-6) -> None:
        self.paths = paths
        self.blocks = blocks
        self.modes = modes
        self.scheme = scheme
        self.scaled = scaled
        self.max_iter = max_iter
        self.tol = tol
        self.bootstrap_ = None

    # ------------------------------------------------------------------ checks
    def _spec(self) -> dict:
        if not isinstance(self.blocks, Mapping) or not self.blocks:
            raise ParameterError("blocks must be a non-empty mapping {construct: [item, ...]}.")
        constructs = [str(c) for c in self.blocks]
        items: list[str] = []
        owner: dict[str, str] = {}
        for c, its in self.blocks.items():
            its = [its] if isinstance(its, str) else list(its)
            if not its:
                raise ParameterError(f"block {c!r} has no items.")
            for it in its:
                if it in owner:
                    raise ParameterError(f"item {it!r} is in blocks {owner[it]!r} and {c!r}; an item measures one "
                                         f"construct only.")
                owner[it] = c
            items.extend(its)
        if self.scheme not in SCHEMES:
            raise ParameterError(f"The 'scheme' parameter of PLSPathModel must be one of {SCHEMES}; "
                                 f"got {self.scheme!r}.")
        if isinstance(self.modes, str):
            modes = [self.modes] * len(constructs)
        elif isinstance(self.modes, Mapping):
            unknown = [c for c in self.modes if c not in self.blocks]
            if unknown:
                raise ParameterError(f"modes names construct(s) {unknown} that have no block; blocks: {constructs}.")
            modes = [self.modes.get(c, "A") for c in constructs]
        else:
            raise ParameterError("modes must be 'A', 'B' or a mapping {construct: 'A' | 'B'}.")
        bad = sorted({m for m in modes if m not in MODES})
        if bad:
            raise ParameterError(f"The 'modes' parameter of PLSPathModel takes 'A' or 'B'; got {bad}.")
        if not (isinstance(self.max_iter, int | np.integer) and self.max_iter >= 2):
            raise ParameterError(f"The 'max_iter' parameter of PLSPathModel must be an int >= 2; "
                                 f"got {self.max_iter!r}.")
        if not (isinstance(self.tol, float | int) and 0 < self.tol < 1):
            raise ParameterError(f"The 'tol' parameter of PLSPathModel must be a float in (0, 1); got {self.tol!r}.")
        a = _normalise_paths(self.paths, constructs)
        sizes = [len([b] if isinstance(b, str) else list(b)) for b in self.blocks.values()]
        starts = np.cumsum([0] + sizes)
        blocks = [np.arange(starts[j], starts[j + 1]) for j in range(len(constructs))]
        odm = np.zeros((len(items), len(constructs)))
        for j, idx in enumerate(blocks):
            odm[idx, j] = 1.0
        return {"constructs": constructs, "items": items, "owner": owner, "modes": modes, "a": a,
                "blocks": blocks, "odm": odm, "scheme": self.scheme, "scaled": bool(self.scaled),
                "tol": float(self.tol), "max_iter": int(self.max_iter)}

    def _check_fitted(self) -> None:
        if not hasattr(self, "path_coefficients_"):
            raise NotFittedError("This PLSPathModel is not fitted yet; call fit(data) first.")

    # --------------------------------------------------------------------- fit
    def fit(self, data: pd.DataFrame) -> PLSPathModel:
        """Estimate the model on a survey (one row per respondent).

        Rows with a missing answer in any item are dropped (listwise) with an
        :class:`~analysis.errors.AnalysisWarning`; a constant item is an error.

        Parameters
        ----------
        data : DataFrame
            Holds every item named in ``blocks`` (numeric).

        Returns
        -------
        PLSPathModel
            ``self``, fitted.

        Examples
        --------
        >>> rng = np.random.default_rng(2)
        >>> f = rng.normal(size=(200, 1))
        >>> df = pd.DataFrame(np.hstack([f + rng.normal(size=(200, 2)), f + rng.normal(size=(200, 2))]),
        ...                   columns=["a1", "a2", "b1", "b2"])
        >>> PLSPathModel({"A": "B"}, {"A": ["a1", "a2"], "B": ["b1", "b2"]}).fit(df).converged_
        True
        """
        spec = self._spec()
        prep = prepare(data, spec["items"], role="item", min_rows=max(len(spec["items"]) // 2 + 3, 10))
        mv = prep.values
        rows = data.index[~np.isnan(_numeric_values(data, spec["items"])).any(axis=1)]
        for j, idx in enumerate(spec["blocks"]):
            if spec["modes"][j] == "B" and idx.size > 1:
                sv = np.linalg.svd(_treat(mv[:, idx], True), compute_uv=False)
                if sv[-1] < 1e-8 * sv[0]:
                    raise DataValidationError(
                        f"the Mode B block {spec['constructs'][j]!r} has perfectly collinear items "
                        f"{[spec['items'][i] for i in idx]}; drop one or use Mode A."
                    )
        est = _estimate(mv, spec)
        if not est["converged"]:
            warnings.warn(
                f"PLS outer weights did not converge in {self.max_iter} iterations (tol {self.tol:g}); "
                f"raise max_iter or check the blocks (a construct whose items do not correlate).",
                AnalysisWarning, stacklevel=2)
        self._spec_ = spec
        self._mv = mv
        self._set_results(est, spec, rows)
        self.bootstrap_ = None
        return self

    def _set_results(self, est: dict, spec: dict, rows) -> None:
        cons, items, a = spec["constructs"], spec["items"], spec["a"]
        n = est["lv"].shape[0]
        owner = [spec["owner"][i] for i in items]
        self.constructs_ = list(cons)
        self.n_obs_ = int(n)
        self.n_iter_ = int(est["n_iter"])
        self.converged_ = bool(est["converged"])
        self.path_coefficients_ = pd.DataFrame(est["b"], index=pd.Index(cons, name="from"),
                                               columns=pd.Index(cons, name="to"))
        endo = [j for j in range(len(cons)) if a[:, j].any()]
        self.r2_ = pd.Series(est["r2"][endo], index=pd.Index([cons[j] for j in endo], name="construct"), name="r2")
        n_pred = a.sum(axis=0)[endo]
        self.r2_adj_ = (1 - (1 - self.r2_) * (n - 1) / (n - n_pred - 1)).rename("r2_adj")
        item_index = pd.Index(items, name="item")
        self.outer_weights_ = pd.Series(est["w"].sum(axis=1), index=item_index, name="weight")
        self.outer_loadings_ = pd.Series(est["loadings"], index=item_index, name="loading")
        r2_item = (spec["odm"] * est["r2"]).sum(axis=1)
        comm = est["loadings"] ** 2
        self.outer_model_ = pd.DataFrame({"construct": owner, "weight": self.outer_weights_,
                                          "loading": self.outer_loadings_, "communality": comm,
                                          "redundancy": comm * r2_item}, index=item_index)
        self.crossloadings_ = pd.DataFrame(est["cross"], index=item_index, columns=pd.Index(cons, name="construct"))
        self.total_effects_ = pd.DataFrame(est["total"], index=self.path_coefficients_.index,
                                           columns=self.path_coefficients_.columns)
        order = _topological(a)
        reach = np.linalg.solve(np.eye(len(cons)) - a.T, np.eye(len(cons))).T - np.eye(len(cons))
        eff = []
        for i in order:
            for j in order:
                if reach[i, j] > 0.5:
                    eff.append({"from": cons[i], "to": cons[j], "direct": est["b"][i, j],
                                "indirect": est["total"][i, j] - est["b"][i, j], "total": est["total"][i, j]})
        self.effects_ = pd.DataFrame(eff)
        lv = est["lv"]
        inner = []
        for j in endo:
            pred = np.flatnonzero(a[:, j])
            design = np.column_stack([np.ones(n), lv[:, pred]])
            coef, *_ = np.linalg.lstsq(design, lv[:, j], rcond=None)
            resid = lv[:, j] - design @ coef
            df_resid = n - design.shape[1]
            cov = resid @ resid / df_resid * np.linalg.inv(design.T @ design)
            se = np.sqrt(np.diag(cov))[1:]
            t = coef[1:] / se
            for p, i in enumerate(pred):
                inner.append({"from": cons[i], "to": cons[j], "estimate": coef[1 + p], "std_error": se[p],
                              "t": t[p], "p_value": 2 * stats.t.sf(abs(t[p]), df_resid)})
        self.inner_model_ = pd.DataFrame(inner)
        cidx = pd.Index(cons, name="construct")
        summ = []
        for j, idx in enumerate(spec["blocks"]):
            c = comm[idx]
            summ.append({"type": "Endogenous" if a[:, j].any() else "Exogenous", "mode": spec["modes"][j],
                         "r2": est["r2"][j], "block_communality": c.mean(),
                         "mean_redundancy": (c * est["r2"][j]).mean(),
                         "ave": c.sum() / (c.sum() + (1 - c).sum()) if spec["modes"][j] == "A" else np.nan})
        self.inner_summary_ = pd.DataFrame(summ, index=cidx)
        uni = _unidimensionality(self._mv, spec["blocks"], spec["modes"])
        self.unidimensionality_ = pd.DataFrame(
            {"mode": spec["modes"], "n_items": [idx.size for idx in spec["blocks"]],
             "cronbach_alpha": uni[:, 0], "dillon_goldstein_rho": uni[:, 1], "eig_1st": uni[:, 2],
             "eig_2nd": uni[:, 3]}, index=cidx)
        self.scores_ = pd.DataFrame(lv, index=rows, columns=cidx)
        multi = np.concatenate([idx for idx in spec["blocks"] if idx.size > 1]) if any(
            idx.size > 1 for idx in spec["blocks"]) else np.array([], dtype=int)
        self.gof_ = float(np.sqrt(comm[multi].mean() * est["r2"][endo].mean())) if multi.size else float("nan")

    # --------------------------------------------------------------- bootstrap
    def bootstrap(self, n_boot: int = 500, *, seed: int | np.random.Generator | None = None,
                  ci: float = 0.95) -> PLSPathModel:
        """Percentile bootstrap intervals for paths, total effects, loadings, weights and R².

        Each replicate resamples respondents with replacement and re-runs the whole
        estimation (treatment of the items included). Each construct's sign is fixed
        as in the full-sample fit (most of its items correlate positively with it),
        so replicates do not flip. Replicates whose iteration does not converge are
        dropped and counted in ``bootstrap_["info"]``.

        Parameters
        ----------
        n_boot : int, default 500
            Number of replicates (at least 50).
        seed : int or Generator, optional
            Same seed, same intervals.
        ci : float, default 0.95
            Coverage of the percentile intervals.

        Returns
        -------
        PLSPathModel
            ``self``, with ``bootstrap_`` filled (see the class docstring).

        Examples
        --------
        >>> rng = np.random.default_rng(3)
        >>> f = rng.normal(size=(150, 1))
        >>> g = 0.5 * f + rng.normal(size=(150, 1))
        >>> df = pd.DataFrame(np.hstack([f + rng.normal(scale=.5, size=(150, 2)),
        ...                              g + rng.normal(scale=.5, size=(150, 2))]), columns=["a1", "a2", "b1", "b2"])
        >>> m = PLSPathModel({"A": "B"}, {"A": ["a1", "a2"], "B": ["b1", "b2"]}).fit(df).bootstrap(100, seed=1)
        >>> list(m.bootstrap_["paths"].columns)
        ['from', 'to', 'estimate', 'boot_mean', 'std_error', 'ci_low', 'ci_high']
        """
        self._check_fitted()
        if not (isinstance(n_boot, int | np.integer) and n_boot >= 50):
            raise ParameterError(f"n_boot must be an int >= 50; got {n_boot!r}.")
        if not 0 < ci < 1:
            raise ParameterError(f"ci must be in (0, 1); got {ci!r}.")
        rng = np.random.default_rng(seed)
        spec, mv = self._spec_, self._mv
        n = mv.shape[0]
        a = spec["a"]
        pi, pj = np.nonzero(a)  # by source, then target, in block order (as plspm lists them)
        ei = [(self.constructs_.index(f), self.constructs_.index(t)) for f, t in
              zip(self.effects_["from"], self.effects_["to"], strict=True)]
        endo = [j for j in range(len(self.constructs_)) if a[:, j].any()]
        paths, totals, loads, weights, r2s = [], [], [], [], []
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
                loads.append(est["loadings"])
                weights.append(est["w"].sum(axis=1))
                r2s.append(est["r2"][endo])
        if len(paths) < max(25, n_boot // 2):
            raise DataValidationError(
                f"only {len(paths)} of {n_boot} bootstrap replicates could be estimated (constant items or no "
                f"convergence in the rest); the sample is too small or too sparse for bootstrap intervals."
            )
        lo_q, hi_q = (1 - ci) / 2, 1 - (1 - ci) / 2

        def table(draws, est, keys: pd.DataFrame) -> pd.DataFrame:
            d = np.asarray(draws, dtype=float)
            out = keys.copy()
            out["estimate"] = est
            out["boot_mean"] = d.mean(axis=0)
            out["std_error"] = d.std(axis=0, ddof=1)
            out["ci_low"], out["ci_high"] = np.quantile(d, [lo_q, hi_q], axis=0)
            return out

        cons = self.constructs_
        pkeys = pd.DataFrame({"from": [cons[i] for i in pi], "to": [cons[j] for j in pj]})
        items = list(self.outer_model_.index)
        ikeys = pd.DataFrame({"construct": self.outer_model_["construct"].to_list()}, index=self.outer_model_.index)
        self.bootstrap_ = {
            "paths": table(paths, self.path_coefficients_.to_numpy()[pi, pj], pkeys),
            "total_effects": table(totals, self.effects_["total"].to_numpy(), self.effects_[["from", "to"]].copy()),
            "loadings": table(loads, self.outer_loadings_.reindex(items).to_numpy(), ikeys),
            "weights": table(weights, self.outer_weights_.reindex(items).to_numpy(), ikeys),
            "r2": table(r2s, self.r2_.to_numpy(), pd.DataFrame(index=self.r2_.index)),
            "info": pd.Series({"n_boot": int(n_boot), "n_used": len(paths), "n_dropped": dropped, "ci": ci}),
        }
        return self

    # ----------------------------------------------------------------- summary
    def summary(self) -> pd.DataFrame:
        """Estimates of the structural model in one tidy table.

        Returns
        -------
        DataFrame
            One row per path coefficient (``kind="path"``), total effect
            (``"total_effect"``, pairs linked by a directed path) and R²
            (``"r2"``), with columns ``kind``, ``from``, ``to``, ``estimate`` and,
            after :meth:`bootstrap`, ``std_error``, ``ci_low``, ``ci_high``
            (bootstrap); before it, paths carry the OLS ``std_error`` and ``p_value``
            of the inner regressions (which ignore that the scores are estimated).

        Examples
        --------
        >>> rng = np.random.default_rng(4)
        >>> f = rng.normal(size=(200, 1))
        >>> df = pd.DataFrame(np.hstack([f + rng.normal(size=(200, 2)), f + rng.normal(size=(200, 2))]),
        ...                   columns=["a1", "a2", "b1", "b2"])
        >>> m = PLSPathModel({"A": "B"}, {"A": ["a1", "a2"], "B": ["b1", "b2"]}).fit(df)
        >>> m.summary()["kind"].tolist()
        ['path', 'total_effect', 'r2']
        """
        self._check_fitted()
        b = self.bootstrap_
        if b is None:
            p = self.inner_model_.rename(columns={"t": "t_value"}).assign(kind="path")
        else:
            p = b["paths"].assign(kind="path")
        te = (b["total_effects"] if b is not None else self.effects_[["from", "to", "total"]]
              .rename(columns={"total": "estimate"})).assign(kind="total_effect")
        r2 = (b["r2"].rename_axis("to").reset_index() if b is not None else
              self.r2_.rename("estimate").rename_axis("to").reset_index()).assign(kind="r2", **{"from": ""})
        out = pd.concat([p, te, r2], ignore_index=True)
        cols = ["kind", "from", "to", "estimate"] + [c for c in ("std_error", "ci_low", "ci_high", "p_value")
                                                     if c in out.columns]
        return out[cols]


def _numeric_values(data: pd.DataFrame, columns: Sequence[str]) -> np.ndarray:
    """Columns as a float array (non-numbers become NaN; ``prepare`` has already rejected them)."""
    return np.column_stack([pd.to_numeric(data[c], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
                            for c in columns])
