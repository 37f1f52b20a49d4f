"""The satisfaction survey: SERVQUAL perceptions and expectations, satisfaction, loyalty, churn.

A simple random sample of customers answers; latent perceptions per dimension
are multivariate normal (shifted by acquisition channel), items are rounded and
clipped to the rating scale, and overall satisfaction is a linear function of
the latent perceptions. :func:`survey_truth` gives the reliabilities and the
weights OLS on item means converges to. See :mod:`analysis.simulate`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from analysis.simulate._common import ids
from analysis.simulate.truth import DIMENSIONS

__all__ = [
    "DEFAULT_N_ITEMS",
    "DEFAULT_PERCEPTION_MEANS",
    "DEFAULT_EXPECTATION_MEANS",
    "DEFAULT_PERCEPTION_CHANNEL_SHIFT",
    "DEFAULT_LATENT_CORR",
    "DEFAULT_DRIVER_WEIGHTS",
    "survey_parameters",
    "survey_truth",
    "simulate_survey",
]

DEFAULT_N_ITEMS: dict[str, int] = {
    "tangibles": 3, "reliability": 4, "responsiveness": 3, "assurance": 3, "empathy": 3,
}
DEFAULT_PERCEPTION_MEANS: dict[str, float] = {
    "tangibles": 5.0, "reliability": 4.6, "responsiveness": 4.5, "assurance": 4.9, "empathy": 4.7,
}
DEFAULT_EXPECTATION_MEANS: dict[str, float] = {
    "tangibles": 5.2, "reliability": 6.0, "responsiveness": 5.6, "assurance": 5.6, "empathy": 5.3,
}
DEFAULT_PERCEPTION_CHANNEL_SHIFT: dict[str, dict[str, float]] = {
    "store": {"tangibles": 0.3, "empathy": 0.2},
    "web": {"tangibles": -0.1},
    "app": {"responsiveness": 0.3, "tangibles": 0.2},
    "phone": {"empathy": 0.3, "responsiveness": -0.2},
    "partner": {"reliability": -0.3, "assurance": -0.2},
}
DEFAULT_LATENT_CORR: tuple[tuple[float, ...], ...] = (
    (1.00, 0.35, 0.30, 0.35, 0.30),
    (0.35, 1.00, 0.55, 0.50, 0.45),
    (0.30, 0.55, 1.00, 0.50, 0.50),
    (0.35, 0.50, 0.50, 1.00, 0.55),
    (0.30, 0.45, 0.50, 0.55, 1.00),
)
DEFAULT_DRIVER_WEIGHTS: dict[str, float] = {
    "tangibles": 0.05, "reliability": 0.50, "responsiveness": 0.35, "assurance": 0.25,
    "empathy": 0.15,
}


def survey_parameters(channels: tuple[str, ...], weights: dict[str, float]) -> dict[str, Any]:
    """The survey's true parameters for these channels and driver weights (named as in ServiceTruth)."""
    return {
        "dimensions": DIMENSIONS,
        "n_items": dict(DEFAULT_N_ITEMS),
        "scale": (1, 7),
        "perception_means": dict(DEFAULT_PERCEPTION_MEANS),
        "perception_channel_shift": {c: dict(DEFAULT_PERCEPTION_CHANNEL_SHIFT.get(c, {}))
                                     for c in channels},
        "expectation_means": dict(DEFAULT_EXPECTATION_MEANS),
        "latent_sd": 0.9,
        "expectation_sd": 0.7,
        "latent_corr": DEFAULT_LATENT_CORR,
        "item_noise_sd": 0.6,
        "driver_weights": weights,
        "sat_intercept": 4.8,
        "sat_noise_sd": 0.5,
        "recommend_intercept": 7.0,
        "recommend_slope": 1.5,
        "recommend_noise_sd": 1.0,
        "loyalty_intercept": 4.8,
        "loyalty_slope": 0.8,
        "loyalty_noise_sd": 0.8,
        "churn_intercept": -0.5,
        "churn_slope": -0.6,
        "churn_centre": 4.0,
    }


def survey_truth(dimensions, n_items, latent_sd, corr, item_noise_sd, shifts, mix, weights):
    """Reliabilities and the OLS probability limit of the driver weights on item means."""
    sd = latent_sd
    cov_within = np.asarray(corr) * sd**2
    shift_mat = np.array([[shifts.get(c, {}).get(d, 0.0) for d in dimensions] for c in mix])
    w_mix = np.array(list(mix.values()))
    centred = shift_mat - w_mix @ shift_mat
    cov_between = (centred * w_mix[:, None]).T @ centred
    cov_total = cov_within + cov_between
    err = item_noise_sd**2 + 1.0 / 12.0  # item noise + rounding (approximately uniform)
    item_rel = {d: float(cov_total[i, i] / (cov_total[i, i] + err)) for i, d in enumerate(dimensions)}
    d_err = np.diag([err / n_items[d] for d in dimensions])
    construct_rel = {
        d: float(cov_total[i, i] / (cov_total[i, i] + d_err[i, i])) for i, d in enumerate(dimensions)
    }
    w = np.array([weights[d] for d in dimensions])
    plim = np.linalg.solve(cov_total + d_err, cov_total @ w)
    return item_rel, construct_rel, {d: float(v) for d, v in zip(dimensions, plim)}


def simulate_survey(rng, customers, ch_idx, channels, n_survey, t: dict):
    """Draw the survey of ``n_survey`` customers with the parameters ``t`` (see :func:`survey_parameters`)."""
    dims = t["dimensions"]
    n = len(customers)
    pick = np.sort(rng.choice(n, size=n_survey, replace=False))
    ch = ch_idx[pick]
    lo, hi = t["scale"]
    cov = np.asarray(t["latent_corr"]) * t["latent_sd"] ** 2
    mean_p = np.array([t["perception_means"][d] for d in dims])
    shift = np.array([[t["perception_channel_shift"].get(c, {}).get(d, 0.0) for d in dims]
                      for c in channels])
    eta = rng.multivariate_normal(np.zeros(len(dims)), cov, size=n_survey, method="cholesky")
    eta = eta + mean_p + shift[ch]
    cov_e = np.asarray(t["latent_corr"]) * t["expectation_sd"] ** 2
    mean_e = np.array([t["expectation_means"][d] for d in dims])
    expc = rng.multivariate_normal(np.zeros(len(dims)), cov_e, size=n_survey, method="cholesky") + mean_e

    cols: dict[str, Any] = {
        "respondent_id": pd.array(ids("R", n_survey), dtype="str"),
        "customer_id": pd.array(customers["customer_id"].to_numpy()[pick], dtype="str"),
        "channel": pd.array(np.array(channels, dtype=object)[ch], dtype="str"),
    }

    def items(latent, prefix):
        for j, d in enumerate(dims):
            for k in range(1, t["n_items"][d] + 1):
                raw = latent[:, j] + rng.normal(0.0, t["item_noise_sd"], n_survey)
                cols[f"{prefix}_{d}_{k}"] = np.clip(np.rint(raw), lo, hi).astype("int64")

    items(eta, "perc")
    items(expc, "exp")
    w = np.array([t["driver_weights"][d] for d in dims])
    sat_latent = (
        t["sat_intercept"] + (eta - mean_p) @ w + rng.normal(0.0, t["sat_noise_sd"], n_survey)
    )
    overall = np.clip(np.rint(sat_latent), lo, hi).astype("int64")
    centred = sat_latent - t["sat_intercept"]
    recommend = np.clip(
        np.rint(t["recommend_intercept"] + t["recommend_slope"] * centred
                + rng.normal(0.0, t["recommend_noise_sd"], n_survey)), 0, 10).astype("int64")
    loyalty = np.clip(
        np.rint(t["loyalty_intercept"] + t["loyalty_slope"] * centred
                + rng.normal(0.0, t["loyalty_noise_sd"], n_survey)), lo, hi).astype("int64")
    logit = t["churn_intercept"] + t["churn_slope"] * (overall - t["churn_centre"])
    churned = (rng.random(n_survey) < 1.0 / (1.0 + np.exp(-logit))).astype("int64")
    cols.update(
        overall_satisfaction=overall, recommend=recommend, loyalty_intent=loyalty, churned=churned
    )
    return pd.DataFrame(cols)
