"""Pareto/NBD with static covariates (see :mod:`analysis.clv.covariates`)."""

from __future__ import annotations

from analysis.clv.covariates.base import _CovariateModel
from analysis.clv.paretonbd import ParetoNBD

__all__ = ["ParetoNBDCovariates"]


class ParetoNBDCovariates(_CovariateModel):
    """Pareto/NBD with static covariates on purchase and drop-out (CLVTools' parametrisation).

    ``alpha_i = alpha exp(-gamma_trans' z_i)``, ``beta_i = beta exp(-gamma_life' z_i)``;
    see :mod:`analysis.clv.covariates` for coding and estimation. Parameters, attributes and
    methods as :class:`BetaGeoCovariates`, with base parameters ``r, alpha, s, beta``.

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.clv import ParetoNBDCovariates
    >>> prof = pd.DataFrame({"plan": ["basic", "plus"] * 1000, "T": 52.0})
    >>> truth = {"r": 0.6, "alpha": 8.0, "s": 0.7, "beta": 12.0, "trans[plan=plus]": 0.4,
    ...          "life[plan=plus]": -0.5}
    >>> settings = dict(trans_covariates=["plan"], life_covariates=["plan"])
    >>> sim = ParetoNBDCovariates.from_params(truth, prof, **settings).simulate(prof, seed=4)
    >>> ParetoNBDCovariates(**settings).fit(sim).converged_
    True
    """

    _plain = ParetoNBD
    _base_names = ("r", "alpha", "s", "beta")
    _scaled = {"alpha": ("trans", -1.0), "beta": ("life", -1.0)}
