"""The :class:`PLSPathModel`: settings, fit, the tables of its estimates and its bootstrap."""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from scipy import stats

from analysis.checks import DEFAULT_SEED, Interval, check_alpha, check_is_fitted, check_params, rng_from
from analysis.drivers._data import prepare
from analysis.drivers.pls.bootstrap import bootstrap_tables
from analysis.drivers.pls.estimation import _estimate, _treat, _unidimensionality
from analysis.drivers.pls.spec import PARAMETER_CONSTRAINTS, _topological, model_spec
from analysis.errors import AnalysisWarning, DataValidationError
from analysis.messages import msg
from analysis.results import ResultMixin, order_estimate_columns

__all__ = ["PLSPathModel"]


class PLSPathModel(ResultMixin):
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
    anchors : mapping, optional
        ``{construct: item}``: the sign of each named construct is fixed so that
        its anchor item loads positively. Without an anchor a construct takes the
        sign most of its items agree with (plspm's rule; a tie, as in a two-item
        block whose items correlate in opposite directions, flips it negative).

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
        One row per path (index ``from``, ``to``): ``estimate``, ``std_error``,
        ``ci_low``, ``ci_high`` (NaN: see :meth:`bootstrap`), ``p_value``, ``t``
        (OLS of the scores, as plspm's ``inner_model``).
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
        Filled by :meth:`bootstrap`: ``paths``, ``total_effects`` (index ``from``,
        ``to``), ``effects`` (index ``from``, ``to``, ``effect``: ``direct``,
        ``indirect``, ``total`` of every pair linked by a directed path; a direct or
        indirect effect the model rules out is not listed; ``excludes_zero`` says
        whether its interval leaves out 0), ``loadings``, ``weights`` (index ``item``, plus ``construct``) and
        ``r2`` (index ``construct``), each with ``estimate``, ``std_error``,
        ``ci_low``, ``ci_high``, ``p_value`` (NaN) and ``boot_mean``; ``info``.

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
                 scheme: str = "centroid", scaled: bool = True, max_iter: int = 100, tol: float = 1e-6,
                 anchors: Mapping[str, str] | None = None) -> None:
        self.paths = paths
        self.blocks = blocks
        self.modes = modes
        self.scheme = scheme
        self.scaled = scaled
        self.max_iter = max_iter
        self.tol = tol
        self.anchors = anchors
        self.bootstrap_ = None

    _parameter_constraints = PARAMETER_CONSTRAINTS

    def _spec(self) -> dict:
        return model_spec(self.paths, self.blocks, self.modes, self.scheme, self.scaled, self.max_iter, self.tol,
                          self.anchors)

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
                              "p_value": 2 * stats.t.sf(abs(t[p]), df_resid), "t": t[p]})
        self.inner_model_ = order_estimate_columns(pd.DataFrame(inner).set_index(["from", "to"]))
        cidx = pd.Index(cons, name="construct")
        summ = []
        for j, idx in enumerate(spec["blocks"]):
            c = comm[idx]
            summ.append({"type": msg(f"labels.construct.{'endogenous' if a[:, j].any() else 'exogenous'}"),
                         "mode": spec["modes"][j],
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
    def bootstrap(self, n_boot: int = 500, *, seed: int | np.random.Generator = DEFAULT_SEED,
                  alpha: float = 0.05) -> PLSPathModel:
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
        seed : int or Generator, default analysis.checks.DEFAULT_SEED
            Same seed, same intervals.
        alpha : float, default 0.05
            One minus the coverage of the percentile intervals.

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
        ['estimate', 'std_error', 'ci_low', 'ci_high', 'p_value', 'boot_mean']
        """
        check_is_fitted(self, "path_coefficients_")
        check_params({"n_boot": [Interval(int, 50, None, closed="left")]}, {"n_boot": n_boot}, "bootstrap")
        alpha = check_alpha(alpha, "bootstrap")
        self.bootstrap_ = bootstrap_tables(self, int(n_boot), rng_from(seed), alpha)
        return self

    # ----------------------------------------------------------------- summary
    def summary(self) -> pd.DataFrame:
        """Estimates of the structural model in one tidy table.

        Returns
        -------
        DataFrame
            Indexed by ``kind``, ``from``, ``to``: one row per path coefficient
            (``kind="path"``), total effect (``"total_effect"``, pairs linked by a
            directed path) and R² (``"r2"``, ``from`` empty), with the columns
            ``estimate``, ``std_error``, ``ci_low``, ``ci_high``, ``p_value``: after
            :meth:`bootstrap` the bootstrap standard errors and percentile intervals
            (plus ``boot_mean``); before it, paths carry the OLS ``std_error``,
            ``p_value`` and ``t`` of the inner regressions (which ignore that the
            scores are estimated) and the rest is NaN.

        Examples
        --------
        >>> rng = np.random.default_rng(4)
        >>> f = rng.normal(size=(200, 1))
        >>> df = pd.DataFrame(np.hstack([f + rng.normal(size=(200, 2)), f + rng.normal(size=(200, 2))]),
        ...                   columns=["a1", "a2", "b1", "b2"])
        >>> m = PLSPathModel({"A": "B"}, {"A": ["a1", "a2"], "B": ["b1", "b2"]}).fit(df)
        >>> m.summary().index.get_level_values("kind").tolist()
        ['path', 'total_effect', 'r2']
        >>> list(m.summary().columns)
        ['estimate', 'std_error', 'ci_low', 'ci_high', 'p_value', 't']
        """
        check_is_fitted(self, "path_coefficients_")
        b = self.bootstrap_
        if b is None:
            paths = self.inner_model_
            totals = self.effects_.set_index(["from", "to"])[["total"]].rename(columns={"total": "estimate"})
            r2 = self.r2_.rename("estimate").to_frame()
        else:
            paths, totals, r2 = b["paths"], b["total_effects"], b["r2"]
        r2 = r2.set_index(pd.MultiIndex.from_arrays([[""] * len(r2), list(r2.index)], names=["from", "to"]))
        out = pd.concat({"path": paths, "total_effect": totals, "r2": r2}, names=["kind"])
        return order_estimate_columns(out)


def _numeric_values(data: pd.DataFrame, columns: Sequence[str]) -> np.ndarray:
    """Columns as a float array (non-numbers become NaN; ``prepare`` has already rejected them)."""
    return np.column_stack([pd.to_numeric(data[c], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
                            for c in columns])
