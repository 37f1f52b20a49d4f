"""Checking fitted CLV models against a known truth (synthetic data), and channel effects.

:func:`parameter_recovery` fits BG/NBD to each acquisition channel's customers and
sets the estimates beside the channel's true parameters; :func:`channel_effects`
fits one BG/NBD model with the acquisition channel as a static covariate and,
given the truth, sets each estimated channel effect beside the true difference
from the reference channel, with whether the interval covers it.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from analysis.checks import Interval, validate_params
from analysis.clv.bgnbd import BetaGeo
from analysis.clv.covariates import BetaGeoCovariates

__all__ = ["parameter_recovery", "channel_effects"]


@validate_params({"data": ["frame"], "channel": [pd.Series], "alpha": [Interval(float, 0, 0.5, closed="neither")]})
def parameter_recovery(data: pd.DataFrame, channel: pd.Series, truth: Any, *, alpha: float = 0.05) -> pd.DataFrame:
    """BG/NBD fitted per channel beside the channel's true parameters.

    Parameters
    ----------
    data : DataFrame
        Customer summary (``frequency``, ``recency``, ``T``) indexed by customer.
    channel : Series
        Acquisition channel per customer (indexed by customer id).
    truth : object
        The data set's truth, with ``bgnbd``: channel -> true parameters (attributes
        ``r``, ``alpha``, ``a``, ``b``), as :class:`analysis.simulate.ServiceTruth`.
    alpha : float, default 0.05
        One minus the confidence level of the intervals.

    Returns
    -------
    DataFrame
        One row per channel and parameter: ``parameter``, ``channel``, ``true`` and
        the summary columns ``estimate``, ``std_error``, ``ci_low``, ``ci_high``,
        ``p_value``.
    """
    rows = []
    for ch, true in truth.bgnbd.items():
        ids = channel.index[channel == ch]
        s = BetaGeo().fit(data.loc[data.index.isin(ids)]).summary(alpha=alpha)
        for name in s.index:
            rows.append({"parameter": name, "channel": ch, "true": getattr(true, name), **s.loc[name].to_dict()})
    return pd.DataFrame(rows)


@validate_params({"data": ["frame"], "channel": [pd.Series], "alpha": [Interval(float, 0, 0.5, closed="neither")]})
def channel_effects(data: pd.DataFrame, channel: pd.Series, truth: Any = None, *,
                    alpha: float = 0.05) -> tuple[pd.DataFrame, BetaGeoCovariates, str]:
    """Acquisition-channel effects from one BG/NBD model with the channel as covariate.

    The reference channel is the largest. Each effect row has the summary columns
    (``estimate``, ``std_error``, ``ci_low``, ``ci_high``, ``p_value``, ``process``,
    ``multiplier``) and ``channel``; with ``truth``, also ``true`` (the channel's true
    coefficient minus the reference's) and ``covered`` (inside the interval).

    Parameters
    ----------
    data : DataFrame
        Customer summary indexed by customer.
    channel : Series
        Acquisition channel per customer; customers without one are left out.
    truth : object, optional
        The data set's truth with ``bgnbd_covariates()`` -> DataFrame with
        ``channel``, ``gamma_trans``, ``gamma_life``.
    alpha : float, default 0.05
        One minus the confidence level of the intervals.

    Returns
    -------
    effects : DataFrame
    model : BetaGeoCovariates
        The fitted model (``loglik_``, ``plain_loglik_``).
    reference : str
        The reference channel.
    """
    by_channel = data.join(channel.rename("acquisition_channel")).dropna()
    reference = by_channel["acquisition_channel"].value_counts().index[0]  # the largest channel
    model = BetaGeoCovariates(trans_covariates=["acquisition_channel"], life_covariates=["acquisition_channel"],
                              reference={"acquisition_channel": reference}).fit(by_channel)
    effects = model.summary(alpha=alpha).query("process != 'both'").copy()
    effects.insert(effects.columns.get_loc("process") + 1, "channel",
                   [name.split("=", 1)[1].rstrip("]") for name in effects.index])
    if truth is not None:
        true_cov = truth.bgnbd_covariates().set_index("channel")
        col = {"trans": "gamma_trans", "life": "gamma_life"}
        effects["true"] = [true_cov.loc[ch, col[p]] - true_cov.loc[reference, col[p]]
                           for p, ch in zip(effects["process"], effects["channel"])]
        effects["covered"] = effects["true"].between(effects["ci_low"], effects["ci_high"])
    return effects, model, reference
