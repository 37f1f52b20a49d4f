"""A synthetic service firm with known ground truth.

:func:`simulate_service_firm` draws one firm's customer base, transaction log,
satisfaction survey and randomized e-mail campaign from generative models whose
every parameter is kept in :class:`ServiceTruth`, so each analysis of the
notebook suite (segmentation, CLV, satisfaction drivers, channel comparison) can
be checked against the values that produced the data.

The models
----------
Customers and channels
    Each customer is acquired through one channel (``store``, ``web``, ``app``,
    ``phone``, ``partner``; mix ``channel_mix``) on a day drawn uniformly from
    the first ``acquisition_share`` of the observation window, and gets a
    ``region`` (descriptive only: it has no effect on anything).
    ``acquisition_cost`` (currency per acquired customer) is Gamma distributed
    with the channel's mean and a coefficient of variation of 0.25;
    ``cost_to_serve`` is the channel's cost of serving one order (currency per
    order, constant within a channel).

Purchases: BG/NBD (Fader, Hardie and Lee 2005), in weeks
    The first purchase happens on the acquisition day. Per customer
    ``lambda ~ Gamma(shape=r, rate=alpha)`` (purchases per week while alive) and
    ``p ~ Beta(a, b)``; purchase times form a Poisson process with rate lambda,
    and after each *repeat* purchase the customer drops out for good with
    probability p. ``(r, alpha, a, b)`` are set per acquisition channel. The
    process runs in continuous time from midnight of the acquisition day to the
    end of ``observation_end`` (inclusive); the dates are then floored to
    ``date_resolution`` (days by default), so a day-level summary sees a ``T``
    one day shorter and merges the (rare) purchases made on the same day.

    Covariate form. With the default parameters ``r`` is common to all channels
    and every channel's parameters are the baseline channel's scaled as in
    CLVTools' BG/NBD with static covariates (one dummy per non-baseline channel
    ``z_c``): ``alpha_c = alpha_0 * exp(-gamma_trans_c)``,
    ``a_c = a_0 * exp(gamma_life_c)`` and ``b_c = b_0 * exp(gamma_life_c)``.
    :meth:`ServiceTruth.bgnbd_covariates` returns these coefficients (and says
    whether the truth is exactly of that form, which user-supplied parameters
    need not be).

Spend: Gamma-Gamma (Fader, Hardie and Lee 2005 note; Colombo and Jiang 1999)
    Per customer ``nu ~ Gamma(shape=q, rate=v)``; each transaction's amount is
    ``Gamma(shape=p, rate=nu)`` (the first purchase too), rounded to cents with
    a floor of 0.01. ``(p, q, v)`` are set per acquisition channel; the mean
    spend per transaction over customers is ``p * v / (q - 1)``. Spend is
    independent of the purchase process, as the Gamma-Gamma model assumes.
    Repeat purchases use the acquisition channel with probability
    ``purchase_channel_stickiness`` and otherwise a channel drawn from the mix
    (the purchase channel has no effect on amounts).

Survey: SERVQUAL perceptions and expectations
    A simple random sample of ``n_survey`` customers. Latent perception scores
    ``eta`` (one per dimension: tangibles, reliability, responsiveness,
    assurance, empathy) are multivariate normal, on the 1-7 rating scale's
    units, with means ``perception_means`` plus the respondent's acquisition
    channel's ``perception_channel_shift``, standard deviation
    ``latent_sd`` and correlations ``latent_corr``. Each item is
    ``clip(round(eta_d + e), 1, 7)`` with ``e ~ N(0, item_noise_sd)``.
    Expectations are generated the same way, independent of perceptions.
    ``overall_satisfaction = clip(round(sat_intercept + sum_d w_d (eta_d - mean_d)
    + u), 1, 7)`` with ``u ~ N(0, sat_noise_sd)`` and ``mean_d`` the overall
    perception means (driver weights ``w`` in truth). ``recommend`` (0-10) and
    ``loyalty_intent`` (1-7) are rounded, clipped linear functions of the latent
    satisfaction; ``churned`` (churn within a year of the survey, a survey
    follow-up that is *not* reflected in the transaction log) is Bernoulli with
    ``logit P = churn_intercept + churn_slope * (overall_satisfaction - 4)``,
    a logistic regression on the *observed* rating, so it is recovered without
    attenuation.

    Regressing overall satisfaction on item means attenuates the weights,
    because item means measure ``eta`` with error (item noise plus rounding,
    about 1/12 in variance). The truth holds the construct means' reliability
    and the weights that OLS converges to, ``(S + D)^-1 S w`` with ``S`` the
    latent covariance (including between-channel shifts) and ``D`` the
    error variance of the item means; clipping of items and of the outcome
    lowers them a little further (a few hundredths at the defaults).

Campaign: a randomized e-mail test the day after the observation window
    A random ``campaign_fraction`` of customers is assigned to the arms
    ``control`` (no e-mail), ``email`` and ``email_discount`` (e-mail with a
    10% discount code) with probabilities ``campaign_arm_shares``. Within two
    weeks a contact visits with probability ``visit_rate[arm][group]`` where
    group is ``recent`` (last purchase within ``recency_threshold_days``) or
    ``lapsed`` (the heterogeneous lift), converts given a visit with
    probability ``conversion_given_visit[arm]`` and then spends
    ``Gamma(shape=spend_shape, mean=spend_mean[arm])``. The cost per contact
    is ``cost_per_contact[arm]``.

Examples
--------
>>> firm = simulate_service_firm(500, seed=1)
>>> sorted(firm.tables())
['channel_outcomes', 'customers', 'survey', 'transactions']
>>> firm.truth.gamma_gamma["store"].mean_spend
60.0
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from analysis.errors import ParameterError

__all__ = [
    "CHANNELS",
    "DIMENSIONS",
    "ARMS",
    "BGNBDParams",
    "GammaGammaParams",
    "ServiceTruth",
    "ServiceFirm",
    "simulate_service_firm",
]

CHANNELS: tuple[str, ...] = ("store", "web", "app", "phone", "partner")
DIMENSIONS: tuple[str, ...] = ("tangibles", "reliability", "responsiveness", "assurance", "empathy")
ARMS: tuple[str, ...] = ("control", "email", "email_discount")
GROUPS: tuple[str, ...] = ("recent", "lapsed")


@dataclass(frozen=True)
class BGNBDParams:
    """BG/NBD parameters of one channel (time unit: weeks).

    ``lambda ~ Gamma(shape=r, rate=alpha)``; ``p ~ Beta(a, b)``.

    Examples
    --------
    >>> BGNBDParams(r=0.75, alpha=6.0, a=1.0, b=4.0).mean_p
    0.2
    """

    r: float
    alpha: float
    a: float
    b: float

    @property
    def mean_lambda(self) -> float:
        """Mean purchase rate per week while alive, ``r / alpha``."""
        return self.r / self.alpha

    @property
    def mean_p(self) -> float:
        """Mean drop-out probability after a repeat purchase, ``a / (a + b)``."""
        return self.a / (self.a + self.b)

    def p_no_repeat(self, t_weeks: Any) -> Any:
        """P(no repeat purchase within ``t_weeks`` of acquisition) = (alpha / (alpha + t))**r.

        Examples
        --------
        >>> BGNBDParams(r=1.0, alpha=4.0, a=1.0, b=3.0).p_no_repeat(4.0)
        0.5
        """
        t = np.asarray(t_weeks, dtype=float)
        out = (self.alpha / (self.alpha + t)) ** self.r
        return float(out) if out.ndim == 0 else out


@dataclass(frozen=True)
class GammaGammaParams:
    """Gamma-Gamma spend parameters of one channel.

    ``nu ~ Gamma(shape=q, rate=v)`` per customer; each amount ``~ Gamma(shape=p, rate=nu)``.

    Examples
    --------
    >>> GammaGammaParams(p=6.0, q=4.0, v=30.0).mean_spend
    60.0
    """

    p: float
    q: float
    v: float

    @property
    def mean_spend(self) -> float:
        """Mean amount per transaction over customers, ``p * v / (q - 1)`` (needs q > 1)."""
        return self.p * self.v / (self.q - 1.0)


DEFAULT_CHANNEL_MIX: dict[str, float] = {
    "store": 0.30, "web": 0.28, "app": 0.20, "phone": 0.12, "partner": 0.10,
}
# r common; a and b scaled by one factor per channel: CLVTools' covariate form holds exactly.
DEFAULT_BGNBD: dict[str, BGNBDParams] = {
    "store": BGNBDParams(r=0.75, alpha=6.0, a=1.2, b=3.6),
    "web": BGNBDParams(r=0.75, alpha=7.5, a=0.9, b=2.7),
    "app": BGNBDParams(r=0.75, alpha=4.0, a=1.8, b=5.4),
    "phone": BGNBDParams(r=0.75, alpha=9.0, a=1.5, b=4.5),
    "partner": BGNBDParams(r=0.75, alpha=12.0, a=0.6, b=1.8),
}
DEFAULT_GAMMA_GAMMA: dict[str, GammaGammaParams] = {
    "store": GammaGammaParams(p=6.0, q=4.0, v=30.0),      # mean 60
    "web": GammaGammaParams(p=5.0, q=4.0, v=30.0),        # mean 50
    "app": GammaGammaParams(p=4.0, q=5.0, v=35.0),        # mean 35
    "phone": GammaGammaParams(p=6.0, q=5.0, v=50.0),      # mean 75
    "partner": GammaGammaParams(p=5.0, q=4.5, v=31.5),    # mean 45
}
DEFAULT_ACQUISITION_COST: dict[str, float] = {
    "store": 40.0, "web": 25.0, "app": 18.0, "phone": 55.0, "partner": 30.0,
}
DEFAULT_COST_TO_SERVE: dict[str, float] = {  # per order
    "store": 6.0, "web": 2.5, "app": 1.5, "phone": 8.0, "partner": 4.0,
}
DEFAULT_REGIONS: dict[str, float] = {"north": 0.3, "south": 0.25, "east": 0.25, "west": 0.2}

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

DEFAULT_VISIT_RATE: dict[str, dict[str, float]] = {
    "control": {"recent": 0.12, "lapsed": 0.05},
    "email": {"recent": 0.20, "lapsed": 0.07},
    "email_discount": {"recent": 0.26, "lapsed": 0.12},
}
DEFAULT_CONVERSION_GIVEN_VISIT: dict[str, float] = {
    "control": 0.25, "email": 0.25, "email_discount": 0.35,
}
DEFAULT_SPEND_MEAN: dict[str, float] = {"control": 60.0, "email": 60.0, "email_discount": 52.0}
DEFAULT_COST_PER_CONTACT: dict[str, float] = {"control": 0.0, "email": 0.05, "email_discount": 0.05}


@dataclass(frozen=True)
class ServiceTruth:
    """Every parameter that generated a :class:`ServiceFirm` (treat as read-only).

    Time unit of the BG/NBD parameters: weeks. Money: one currency unit.
    ``observation_end`` is the last observed day (inclusive);
    ``campaign_date`` the day after it.

    Examples
    --------
    >>> truth = simulate_service_firm(300, seed=3).truth
    >>> truth.bgnbd["app"].alpha
    4.0
    >>> truth.to_frame().columns.tolist()
    ['component', 'parameter', 'group', 'value']
    """

    seed: int | None
    n_customers: int
    start: pd.Timestamp
    observation_end: pd.Timestamp
    years: float
    acquisition_share: float
    date_resolution: str
    time_unit: str
    channels: tuple[str, ...]
    channel_mix: dict[str, float]
    regions: dict[str, float]
    bgnbd: dict[str, BGNBDParams]
    bgnbd_baseline_channel: str
    gamma_gamma: dict[str, GammaGammaParams]
    acquisition_cost: dict[str, float]
    acquisition_cost_cv: float
    cost_to_serve: dict[str, float]
    cost_to_serve_unit: str
    gross_margin: float
    purchase_channel_stickiness: float
    # survey
    n_survey: int
    dimensions: tuple[str, ...]
    n_items: dict[str, int]
    scale: tuple[int, int]
    perception_means: dict[str, float]
    perception_channel_shift: dict[str, dict[str, float]]
    expectation_means: dict[str, float]
    latent_sd: float
    expectation_sd: float
    latent_corr: tuple[tuple[float, ...], ...]
    item_noise_sd: float
    driver_weights: dict[str, float]
    sat_intercept: float
    sat_noise_sd: float
    recommend_intercept: float
    recommend_slope: float
    recommend_noise_sd: float
    loyalty_intercept: float
    loyalty_slope: float
    loyalty_noise_sd: float
    churn_intercept: float
    churn_slope: float
    churn_centre: float
    item_reliability: dict[str, float]
    construct_reliability: dict[str, float]
    expected_ols_weights: dict[str, float]
    # campaign
    arms: tuple[str, ...]
    campaign_date: pd.Timestamp
    campaign_fraction: float
    campaign_arm_shares: dict[str, float]
    recency_threshold_days: int
    visit_rate: dict[str, dict[str, float]]
    conversion_given_visit: dict[str, float]
    spend_mean: dict[str, float]
    spend_shape: float
    cost_per_contact: dict[str, float]
    campaign_recent_share: float
    notes: tuple[str, ...] = field(default=())

    # ------------------------------------------------------------------ helpers
    def arm_rates(self, recent_share: float | None = None) -> pd.DataFrame:
        """True per-arm visit and conversion rates and spend per contact.

        Parameters
        ----------
        recent_share : float, optional
            Share of ``recent`` contacts to average the two groups with; default
            the realized share among the contacted customers.

        Returns
        -------
        DataFrame
            One row per arm: ``arm``, ``visit_rate``, ``conversion_rate``,
            ``spend_per_contact``, ``spend_per_conversion``, ``cost_per_contact``.

        Examples
        --------
        >>> truth = simulate_service_firm(300, seed=3).truth
        >>> float(truth.arm_rates(0.5).loc[0, "visit_rate"])
        0.085
        """
        share = self.campaign_recent_share if recent_share is None else float(recent_share)
        rows = []
        for arm in self.arms:
            visit = share * self.visit_rate[arm]["recent"] + (1 - share) * self.visit_rate[arm]["lapsed"]
            conv = visit * self.conversion_given_visit[arm]
            rows.append(
                {
                    "arm": arm,
                    "visit_rate": round(visit, 12),
                    "conversion_rate": round(conv, 12),
                    "spend_per_contact": round(conv * self.spend_mean[arm], 12),
                    "spend_per_conversion": self.spend_mean[arm],
                    "cost_per_contact": self.cost_per_contact[arm],
                }
            )
        return pd.DataFrame(rows)

    def bgnbd_covariates(self) -> pd.DataFrame:
        """True per-channel effects in the covariate BG/NBD form (CLVTools' parametrisation).

        With channel dummies ``z`` (baseline :attr:`bgnbd_baseline_channel`):
        ``alpha_i = alpha_0 exp(-gamma_trans' z_i)``, ``a_i = a_0 exp(gamma_life' z_i)``,
        ``b_i = b_0 exp(gamma_life' z_i)``. ``gamma_life_a`` and ``gamma_life_b``
        are the exact log-ratios of ``a`` and ``b``; they are equal (and equal
        ``gamma_life``) when the truth is exactly of CLVTools' form
        (``exact`` column, which also requires a common ``r``).

        Returns
        -------
        DataFrame
            One row per channel: ``channel``, ``r``, ``alpha``, ``a``, ``b``,
            ``gamma_trans``, ``gamma_life_a``, ``gamma_life_b``, ``gamma_life``
            (their mean), ``exact`` (bool).

        Examples
        --------
        >>> cov = simulate_service_firm(300, seed=3).truth.bgnbd_covariates()
        >>> bool(cov["exact"].all())
        True
        """
        base = self.bgnbd[self.bgnbd_baseline_channel]
        rows = []
        for ch in self.channels:
            prm = self.bgnbd[ch]
            ga = float(np.log(prm.a / base.a))
            gb = float(np.log(prm.b / base.b))
            rows.append(
                {
                    "channel": ch,
                    "r": prm.r,
                    "alpha": prm.alpha,
                    "a": prm.a,
                    "b": prm.b,
                    "gamma_trans": float(-np.log(prm.alpha / base.alpha)),
                    "gamma_life_a": ga,
                    "gamma_life_b": gb,
                    "gamma_life": (ga + gb) / 2.0,
                    "exact": bool(np.isclose(ga, gb, atol=1e-12) and np.isclose(prm.r, base.r)),
                }
            )
        return pd.DataFrame(rows)

    def as_dict(self) -> dict[str, Any]:
        """Every field as plain Python values (JSON-serialisable; dates as ISO strings).

        Examples
        --------
        >>> d = simulate_service_firm(300, seed=3).truth.as_dict()
        >>> d["bgnbd"]["store"]["alpha"], d["observation_end"]
        (6.0, '2024-12-31')
        """
        out = asdict(self)
        for key in ("start", "observation_end", "campaign_date"):
            out[key] = getattr(self, key).strftime("%Y-%m-%d")
        for key in ("channels", "dimensions", "arms", "notes", "scale"):
            out[key] = list(out[key])
        out["latent_corr"] = [list(row) for row in self.latent_corr]
        return out

    def to_frame(self) -> pd.DataFrame:
        """The truth as a long table: ``component``, ``parameter``, ``group``, ``value``.

        Scalars have an empty ``group``; per-channel, per-dimension and per-arm
        values have the channel, dimension or arm (``arm/group`` for visit rates).
        ``value`` holds Python objects (numbers or strings).

        Examples
        --------
        >>> f = simulate_service_firm(300, seed=3).truth.to_frame()
        >>> f.query("parameter == 'alpha' and group == 'app'")["value"].item()
        4.0
        """
        rows: list[tuple[str, str, str, Any]] = []
        d = self.as_dict()
        component = {
            "bgnbd": "bgnbd", "gamma_gamma": "gamma_gamma", "acquisition_cost": "economics",
            "cost_to_serve": "economics", "channel_mix": "customers", "regions": "customers",
        }
        for key, value in d.items():
            comp = component.get(key, _component_of(key))
            if key in ("bgnbd", "gamma_gamma"):
                for ch, prm in value.items():
                    for name, val in prm.items():
                        rows.append((comp, name, ch, val))
            elif key in ("visit_rate", "perception_channel_shift"):
                for outer, inner in value.items():
                    for name, val in inner.items():
                        rows.append((comp, key, f"{outer}/{name}", val))
            elif key == "latent_corr":
                for i, di in enumerate(self.dimensions):
                    for j, dj in enumerate(self.dimensions):
                        if j > i:
                            rows.append((comp, key, f"{di}/{dj}", value[i][j]))
            elif isinstance(value, dict):
                for name, val in value.items():
                    rows.append((comp, key, str(name), val))
            elif key == "notes":
                for i, note in enumerate(value, start=1):
                    rows.append((comp, key, str(i), note))
            elif isinstance(value, list):
                rows.append((comp, key, "", ", ".join(str(v) for v in value)))
            else:
                rows.append((comp, key, "", value))
        return pd.DataFrame(rows, columns=["component", "parameter", "group", "value"], dtype=object)


def _component_of(key: str) -> str:
    survey = {
        "n_survey", "dimensions", "n_items", "scale", "perception_means", "expectation_means",
        "latent_sd", "expectation_sd", "latent_corr", "item_noise_sd", "driver_weights",
        "sat_intercept", "sat_noise_sd", "recommend_intercept", "recommend_slope",
        "recommend_noise_sd", "loyalty_intercept", "loyalty_slope", "loyalty_noise_sd",
        "churn_intercept", "churn_slope", "churn_centre", "item_reliability",
        "construct_reliability", "expected_ols_weights",
    }
    campaign = {
        "arms", "campaign_date", "campaign_fraction", "campaign_arm_shares",
        "recency_threshold_days", "visit_rate", "conversion_given_visit", "spend_mean", "spend_shape",
        "cost_per_contact", "campaign_recent_share",
    }
    if key in survey:
        return "survey"
    if key in campaign:
        return "campaign"
    if key in ("gross_margin", "acquisition_cost_cv", "cost_to_serve_unit"):
        return "economics"
    return "design"


@dataclass(frozen=True)
class ServiceFirm:
    """One simulated firm: four canonical tables and the truth behind them.

    Attributes
    ----------
    customers : DataFrame
        ``customer_id``, ``acquisition_date``, ``acquisition_channel``,
        ``acquisition_cost`` (per customer), ``cost_to_serve`` (per order),
        ``region``.
    transactions : DataFrame
        ``customer_id``, ``date``, ``amount``, ``channel`` (purchase channel),
        ``order_id``; sorted by date and customer.
    survey : DataFrame
        ``respondent_id``, ``customer_id``, ``channel``, ``perc_<dim>_<k>``,
        ``exp_<dim>_<k>``, ``overall_satisfaction``, ``recommend``,
        ``loyalty_intent``, ``churned``.
    campaign : DataFrame
        ``customer_id``, ``channel`` (the arm), ``visit``, ``conversion``,
        ``spend``, ``cost_per_contact``, ``acquisition_channel``, ``region``,
        ``tenure_days``, ``n_orders``, ``past_spend``, ``recency_days``,
        ``recency_group``, ``contact_date``.
    truth : ServiceTruth

    Examples
    --------
    >>> firm = simulate_service_firm(300, seed=3)
    >>> firm.tables()["channel_outcomes"] is firm.campaign
    True
    """

    customers: pd.DataFrame
    transactions: pd.DataFrame
    survey: pd.DataFrame
    campaign: pd.DataFrame
    truth: ServiceTruth

    def tables(self) -> dict[str, pd.DataFrame]:
        """The canonical tables by name: transactions, customers, survey, channel_outcomes.

        Examples
        --------
        >>> list(simulate_service_firm(300, seed=3).tables())
        ['transactions', 'customers', 'survey', 'channel_outcomes']
        """
        return {
            "transactions": self.transactions,
            "customers": self.customers,
            "survey": self.survey,
            "channel_outcomes": self.campaign,
        }


# ---------------------------------------------------------------------- checks
def _check_mix(mix: dict[str, float], name: str) -> dict[str, float]:
    if not isinstance(mix, dict) or not mix:
        raise ParameterError(f"{name} must be a non-empty dict of name -> share; got {mix!r}.")
    bad = {k: v for k, v in mix.items() if not np.isfinite(v) or v < 0}
    if bad:
        raise ParameterError(f"{name} shares must be finite and >= 0; got {bad}.")
    total = float(sum(mix.values()))
    if total <= 0:
        raise ParameterError(f"{name} shares must not all be 0; got {mix}.")
    return {str(k): float(v) / total for k, v in mix.items()}


def _per_channel(value: dict | None, default: dict, channels: tuple[str, ...], name: str) -> dict:
    source = default if value is None else {**default, **value}
    missing = [c for c in channels if c not in source]
    if missing:
        raise ParameterError(
            f"{name} has no entry for channel(s) {missing}; give them, e.g. "
            f"{name}={{{missing[0]!r}: ...}}."
        )
    return {c: source[c] for c in channels}


def _as_bgnbd(value: Any, channel: str) -> BGNBDParams:
    prm = value if isinstance(value, BGNBDParams) else BGNBDParams(**dict(value))
    for key in ("r", "alpha", "a", "b"):
        val = getattr(prm, key)
        if not (np.isfinite(val) and val > 0):
            raise ParameterError(f"bgnbd[{channel!r}].{key} must be > 0; got {val!r}.")
    return prm


def _as_gg(value: Any, channel: str) -> GammaGammaParams:
    prm = value if isinstance(value, GammaGammaParams) else GammaGammaParams(**dict(value))
    for key in ("p", "q", "v"):
        val = getattr(prm, key)
        if not (np.isfinite(val) and val > 0):
            raise ParameterError(f"gamma_gamma[{channel!r}].{key} must be > 0; got {val!r}.")
    if prm.q <= 1:
        raise ParameterError(
            f"gamma_gamma[{channel!r}].q must be > 1 so that mean spend p*v/(q-1) exists; got {prm.q}."
        )
    return prm


def _rng(seed: int | np.random.Generator | None) -> tuple[np.random.Generator, int | None]:
    if isinstance(seed, np.random.Generator):
        return seed, None
    if seed is None or isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
        raise ParameterError(
            f"seed must be an int or a numpy Generator (for reproducible data); got {seed!r}."
        )
    return np.random.default_rng(int(seed)), int(seed)


def _ids(prefix: str, n: int) -> np.ndarray:
    width = max(5, len(str(n)))
    return np.array([f"{prefix}{i:0{width}d}" for i in range(1, n + 1)], dtype=object)


# ---------------------------------------------------------------------- parts
def _simulate_customers(rng, n, channels, mix, regions, start, n_days, acq_share, acq_cost, cv,
                        cost_to_serve):
    ch_idx = rng.choice(len(channels), size=n, p=[mix[c] for c in channels])
    acq_days = rng.integers(0, max(1, int(np.floor(acq_share * n_days))), size=n)
    region_names = list(regions)
    region = rng.choice(len(region_names), size=n, p=[regions[r] for r in region_names])
    means = np.array([acq_cost[c] for c in channels])[ch_idx]
    shape = 1.0 / cv**2
    cost = np.round(rng.gamma(shape, means / shape), 2)
    order = np.lexsort((ch_idx, acq_days))  # ids follow acquisition order
    ch_idx, acq_days, region, cost = ch_idx[order], acq_days[order], region[order], cost[order]
    ch_names = np.array(channels, dtype=object)
    customers = pd.DataFrame(
        {
            "customer_id": pd.array(_ids("C", n), dtype="str"),
            "acquisition_date": (start + pd.to_timedelta(acq_days, unit="D")).astype("datetime64[ns]"),
            "acquisition_channel": pd.array(ch_names[ch_idx], dtype="str"),
            "acquisition_cost": cost.astype("float64"),
            "cost_to_serve": np.array([cost_to_serve[c] for c in channels], dtype="float64")[ch_idx],
            "region": pd.array(np.array(region_names, dtype=object)[region], dtype="str"),
        }
    )
    return customers, ch_idx, acq_days


def _simulate_transactions(rng, customers, ch_idx, acq_days, channels, mix, bgnbd, gg, n_days,
                           stickiness, start, resolution):
    n = len(customers)
    r = np.array([bgnbd[c].r for c in channels])[ch_idx]
    alpha = np.array([bgnbd[c].alpha for c in channels])[ch_idx]
    a = np.array([bgnbd[c].a for c in channels])[ch_idx]
    b = np.array([bgnbd[c].b for c in channels])[ch_idx]
    lam = rng.gamma(r, 1.0 / alpha)  # per week
    p = rng.beta(a, b)
    horizon_w = (n_days - acq_days) / 7.0  # weeks from acquisition midnight to end of last day
    n_events = rng.poisson(lam * horizon_w)
    n_before_death = rng.geometric(np.clip(p, 1e-12, 1.0))  # repeats up to and incl. the fatal one
    k = np.minimum(n_events, n_before_death)
    # first k order statistics of n_events uniforms on (0, horizon): the Poisson process's first k
    owner = np.repeat(np.arange(n), n_events)
    u = rng.random(owner.size) * horizon_w[owner]
    order = np.lexsort((u, owner))
    owner, u = owner[order], u[order]
    starts = np.repeat(np.cumsum(n_events) - n_events, n_events)
    rank = np.arange(owner.size) - starts
    keep = rank < k[owner]
    rep_owner, rep_weeks = owner[keep], u[keep]

    all_owner = np.concatenate([np.arange(n), rep_owner])
    offset_days = np.concatenate([np.zeros(n), rep_weeks * 7.0])
    first = np.concatenate([np.ones(n, bool), np.zeros(rep_owner.size, bool)])
    # spend: nu ~ Gamma(q, rate v); amount ~ Gamma(p, rate nu)
    gp = np.array([gg[c].p for c in channels])[ch_idx]
    gq = np.array([gg[c].q for c in channels])[ch_idx]
    gv = np.array([gg[c].v for c in channels])[ch_idx]
    nu = rng.gamma(gq, 1.0 / gv)
    amount = rng.gamma(gp[all_owner], 1.0 / nu[all_owner])
    amount = np.maximum(np.round(amount, 2), 0.01)
    # purchase channel
    stay = rng.random(all_owner.size) < stickiness
    other = rng.choice(len(channels), size=all_owner.size, p=[mix[c] for c in channels])
    p_ch = np.where(first | stay, ch_idx[all_owner], other)

    seconds = np.round((acq_days[all_owner] + offset_days) * 86400.0).astype("int64")
    seconds = np.minimum(seconds, n_days * 86400 - 1)
    stamps = (start + pd.to_timedelta(seconds, unit="s")).floor(resolution)
    tx = pd.DataFrame(
        {
            "customer_id": customers["customer_id"].to_numpy()[all_owner],
            "date": stamps.astype("datetime64[ns]"),
            "amount": amount.astype("float64"),
            "channel": np.array(channels, dtype=object)[p_ch],
            "_seconds": seconds,
        }
    )
    tx = tx.sort_values(["_seconds", "customer_id"], kind="mergesort").reset_index(drop=True)
    tx = tx.drop(columns="_seconds")
    tx["customer_id"] = tx["customer_id"].astype("str")
    tx["channel"] = tx["channel"].astype("str")
    tx.insert(4, "order_id", pd.array(_ids("O", len(tx)), dtype="str"))
    return tx


def _survey_truth(dimensions, n_items, latent_sd, corr, item_noise_sd, shifts, mix, weights):
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


def _simulate_survey(rng, customers, ch_idx, channels, n_survey, t: dict):
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
        "respondent_id": pd.array(_ids("R", n_survey), dtype="str"),
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


def _simulate_campaign(rng, customers, transactions, campaign_date, t: dict):
    n = len(customers)
    n_contact = int(round(t["campaign_fraction"] * n))
    pick = np.sort(rng.choice(n, size=n_contact, replace=False))
    arms = list(t["arm_shares"])
    arm_idx = rng.choice(len(arms), size=n_contact, p=[t["arm_shares"][a] for a in arms])
    agg = transactions.groupby("customer_id", sort=False).agg(
        n_orders=("amount", "size"), past_spend=("amount", "sum"), last=("date", "max")
    )
    cust = customers.iloc[pick].reset_index(drop=True)
    stats = agg.reindex(cust["customer_id"])
    tenure = ((campaign_date - cust["acquisition_date"]).dt.days).to_numpy("int64")
    recency = ((campaign_date - stats["last"].dt.normalize()).dt.days).to_numpy("int64")
    recent = recency <= t["recency_threshold_days"]
    arm_names = np.array(arms, dtype=object)[arm_idx]
    p_visit = np.array([t["visit_rate"][a]["recent" if rc else "lapsed"]
                        for a, rc in zip(arm_names, recent)], dtype=float)
    visit = rng.random(n_contact) < p_visit
    p_conv = np.array([t["conversion_given_visit"][a] for a in arms])[arm_idx]
    conversion = visit & (rng.random(n_contact) < p_conv)
    mean = np.array([t["spend_mean"][a] for a in arms])[arm_idx]
    spend = rng.gamma(t["spend_shape"], mean / t["spend_shape"])
    spend = np.where(conversion, np.maximum(np.round(spend, 2), 0.01), 0.0)
    out = pd.DataFrame(
        {
            "customer_id": pd.array(cust["customer_id"].to_numpy(), dtype="str"),
            "channel": pd.array(arm_names, dtype="str"),
            "visit": visit.astype("int64"),
            "conversion": conversion.astype("int64"),
            "spend": spend.astype("float64"),
            "cost_per_contact": np.array([t["cost_per_contact"][a] for a in arms],
                                         dtype="float64")[arm_idx],
            "acquisition_channel": pd.array(cust["acquisition_channel"].to_numpy(), dtype="str"),
            "region": pd.array(cust["region"].to_numpy(), dtype="str"),
            "tenure_days": tenure,
            "n_orders": stats["n_orders"].to_numpy("int64"),
            "past_spend": np.round(stats["past_spend"].to_numpy("float64"), 2),
            "recency_days": recency,
            "recency_group": pd.array(np.where(recent, "recent", "lapsed").astype(object), dtype="str"),
            "contact_date": pd.Series(campaign_date, index=range(n_contact)).astype("datetime64[ns]"),
        }
    )
    return out, float(recent.mean()) if n_contact else float("nan")


# ---------------------------------------------------------------------- main
def simulate_service_firm(
    n_customers: int = 5000,
    *,
    start: str | pd.Timestamp = "2023-01-01",
    years: float = 2.0,
    seed: int | np.random.Generator = 20240601,
    channel_mix: dict[str, float] | None = None,
    bgnbd: dict[str, BGNBDParams | dict[str, float]] | None = None,
    gamma_gamma: dict[str, GammaGammaParams | dict[str, float]] | None = None,
    acquisition_cost: dict[str, float] | None = None,
    cost_to_serve: dict[str, float] | None = None,
    acquisition_share: float = 0.5,
    purchase_channel_stickiness: float = 0.8,
    n_survey: int | None = None,
    driver_weights: dict[str, float] | None = None,
    campaign_fraction: float = 1.0,
    date_resolution: str = "D",
) -> ServiceFirm:
    """Simulate a service firm's customers, purchases, survey and campaign with known truth.

    See the module docstring for the generative models; every parameter used is
    returned in ``firm.truth``.

    Parameters
    ----------
    n_customers : int
        Number of customers acquired (>= 10).
    start : date-like
        First day of the observation window.
    years : float
        Length of the window in years (365.25 days each, rounded to whole days).
    seed : int or numpy.random.Generator
        Randomness; the same int gives identical tables. Each part (customers,
        transactions, survey, campaign) draws from its own child stream, so
        changing, say, ``n_survey`` leaves the transactions unchanged.
    channel_mix : dict, optional
        Acquisition channel -> share (normalised to sum 1). Default
        store 0.30, web 0.28, app 0.20, phone 0.12, partner 0.10. New channel
        names need entries in ``bgnbd``, ``gamma_gamma``, ``acquisition_cost``
        and ``cost_to_serve``.
    bgnbd : dict, optional
        Channel -> :class:`BGNBDParams` or dict(r, alpha, a, b), weeks; updates
        the defaults.
    gamma_gamma : dict, optional
        Channel -> :class:`GammaGammaParams` or dict(p, q, v); q > 1.
    acquisition_cost : dict, optional
        Channel -> mean acquisition cost per customer.
    cost_to_serve : dict, optional
        Channel -> cost of serving one order.
    acquisition_share : float
        Customers are acquired uniformly over the first ``acquisition_share`` of
        the window (0 < share <= 1).
    purchase_channel_stickiness : float
        Probability that a repeat purchase uses the acquisition channel.
    n_survey : int, optional
        Survey respondents (sampled from the customers without replacement);
        default ``min(n_customers, max(50, round(0.24 * n_customers)))``
        (1,200 at 5,000 customers).
    driver_weights : dict, optional
        SERVQUAL dimension -> true weight of its latent perception in overall
        satisfaction. Default tangibles 0.05, reliability 0.50, responsiveness
        0.35, assurance 0.25, empathy 0.15.
    campaign_fraction : float
        Share of customers randomized in the campaign (0 < fraction <= 1).
    date_resolution : {"D", "h", "min", "s"}
        Transaction dates are floored to this resolution.

    Returns
    -------
    ServiceFirm
        ``customers``, ``transactions``, ``survey``, ``campaign`` and ``truth``.

    Raises
    ------
    ParameterError
        For out-of-range sizes, shares or parameters, or a channel without
        parameters.

    Examples
    --------
    >>> firm = simulate_service_firm(1000, seed=7)
    >>> firm.customers.shape[0], firm.survey.shape[0]
    (1000, 240)
    >>> firm.transactions["date"].min() >= firm.truth.start
    True
    """
    if isinstance(n_customers, bool) or not isinstance(n_customers, (int, np.integer)) or n_customers < 10:
        raise ParameterError(f"n_customers must be an int >= 10; got {n_customers!r}.")
    n_customers = int(n_customers)
    if not (isinstance(years, (int, float)) and np.isfinite(years) and 0.1 <= years <= 50):
        raise ParameterError(f"years must be a number between 0.1 and 50; got {years!r}.")
    if not (0 < acquisition_share <= 1):
        raise ParameterError(f"acquisition_share must be in (0, 1]; got {acquisition_share!r}.")
    if not (0 <= purchase_channel_stickiness <= 1):
        raise ParameterError(
            f"purchase_channel_stickiness must be in [0, 1]; got {purchase_channel_stickiness!r}."
        )
    if not (0 < campaign_fraction <= 1):
        raise ParameterError(f"campaign_fraction must be in (0, 1]; got {campaign_fraction!r}.")
    if date_resolution not in ("D", "h", "min", "s"):
        raise ParameterError(
            f"date_resolution must be one of 'D', 'h', 'min', 's'; got {date_resolution!r}."
        )
    if n_survey is None:
        n_survey = min(n_customers, max(50, int(round(0.24 * n_customers))))
    if isinstance(n_survey, bool) or not isinstance(n_survey, (int, np.integer)) or not (
        10 <= n_survey <= n_customers
    ):
        raise ParameterError(
            f"n_survey must be an int between 10 and n_customers ({n_customers}); got {n_survey!r}."
        )
    try:
        start_ts = pd.Timestamp(start).normalize()
    except (TypeError, ValueError) as exc:
        raise ParameterError(f"start must be a date such as '2023-01-01'; got {start!r}.") from exc
    if start_ts is pd.NaT or start_ts.tzinfo is not None:
        raise ParameterError(f"start must be a tz-naive date such as '2023-01-01'; got {start!r}.")

    mix = _check_mix(DEFAULT_CHANNEL_MIX if channel_mix is None else channel_mix, "channel_mix")
    mix = {c: s for c, s in mix.items() if s > 0} or mix
    channels = tuple(mix)
    bg = {c: _as_bgnbd(v, c) for c, v in _per_channel(bgnbd, DEFAULT_BGNBD, channels, "bgnbd").items()}
    gg = {c: _as_gg(v, c) for c, v in _per_channel(gamma_gamma, DEFAULT_GAMMA_GAMMA, channels,
                                                  "gamma_gamma").items()}
    acq = {c: float(v) for c, v in _per_channel(acquisition_cost, DEFAULT_ACQUISITION_COST,
                                                channels, "acquisition_cost").items()}
    cts = {c: float(v) for c, v in _per_channel(cost_to_serve, DEFAULT_COST_TO_SERVE, channels,
                                                "cost_to_serve").items()}
    for name, values in (("acquisition_cost", acq), ("cost_to_serve", cts)):
        bad = {c: v for c, v in values.items() if not (np.isfinite(v) and v >= 0)}
        if bad:
            raise ParameterError(f"{name} must be >= 0 for every channel; got {bad}.")
    weights = dict(DEFAULT_DRIVER_WEIGHTS if driver_weights is None else driver_weights)
    if sorted(weights) != sorted(DIMENSIONS):
        raise ParameterError(
            f"driver_weights must have exactly the keys {list(DIMENSIONS)}; got {sorted(weights)}."
        )
    weights = {d: float(weights[d]) for d in DIMENSIONS}

    rng, seed_int = _rng(seed)
    rng_cust, rng_tx, rng_survey, rng_campaign = rng.spawn(4)
    n_days = int(np.floor(365.25 * years + 0.5))
    observation_end = start_ts + pd.Timedelta(days=n_days - 1)
    campaign_date = observation_end + pd.Timedelta(days=1)
    baseline = "store" if "store" in channels else channels[0]

    customers, ch_idx, acq_days = _simulate_customers(
        rng_cust, n_customers, channels, mix, DEFAULT_REGIONS, start_ts, n_days,
        acquisition_share, acq, 0.25, cts,
    )
    transactions = _simulate_transactions(
        rng_tx, customers, ch_idx, acq_days, channels, mix, bg, gg, n_days,
        purchase_channel_stickiness, start_ts, date_resolution,
    )

    survey_t: dict[str, Any] = {
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
    survey = _simulate_survey(rng_survey, customers, ch_idx, channels, n_survey, survey_t)
    item_rel, construct_rel, plim = _survey_truth(
        DIMENSIONS, survey_t["n_items"], survey_t["latent_sd"], survey_t["latent_corr"],
        survey_t["item_noise_sd"], survey_t["perception_channel_shift"], mix, weights,
    )

    campaign_t: dict[str, Any] = {
        "campaign_fraction": float(campaign_fraction),
        "arm_shares": {a: 1.0 / len(ARMS) for a in ARMS},
        "recency_threshold_days": 90,
        "visit_rate": {a: dict(v) for a, v in DEFAULT_VISIT_RATE.items()},
        "conversion_given_visit": dict(DEFAULT_CONVERSION_GIVEN_VISIT),
        "spend_mean": dict(DEFAULT_SPEND_MEAN),
        "spend_shape": 4.0,
        "cost_per_contact": dict(DEFAULT_COST_PER_CONTACT),
    }
    campaign, recent_share = _simulate_campaign(
        rng_campaign, customers, transactions, campaign_date, campaign_t
    )

    truth = ServiceTruth(
        seed=seed_int,
        n_customers=n_customers,
        start=start_ts,
        observation_end=observation_end,
        years=float(years),
        acquisition_share=float(acquisition_share),
        date_resolution=date_resolution,
        time_unit="week",
        channels=channels,
        channel_mix=mix,
        regions=dict(DEFAULT_REGIONS),
        bgnbd=bg,
        bgnbd_baseline_channel=baseline,
        gamma_gamma=gg,
        acquisition_cost=acq,
        acquisition_cost_cv=0.25,
        cost_to_serve=cts,
        cost_to_serve_unit="per order",
        gross_margin=0.30,
        purchase_channel_stickiness=float(purchase_channel_stickiness),
        n_survey=int(n_survey),
        **survey_t,  # the survey's true parameters, named as in ServiceTruth
        item_reliability=item_rel,
        construct_reliability=construct_rel,
        expected_ols_weights=plim,
        arms=ARMS,
        campaign_date=campaign_date,
        campaign_fraction=campaign_t["campaign_fraction"],
        campaign_arm_shares=campaign_t["arm_shares"],
        recency_threshold_days=campaign_t["recency_threshold_days"],
        visit_rate=campaign_t["visit_rate"],
        conversion_given_visit=campaign_t["conversion_given_visit"],
        spend_mean=campaign_t["spend_mean"],
        spend_shape=campaign_t["spend_shape"],
        cost_per_contact=campaign_t["cost_per_contact"],
        campaign_recent_share=recent_share,
        notes=(
            "BG/NBD parameters are in weeks; the process runs from midnight of the acquisition "
            "day to the end of observation_end; dates are floored to date_resolution.",
            "cost_to_serve is per order; acquisition_cost ~ Gamma(mean = channel value, CV 0.25).",
            "Amounts are Gamma-Gamma draws rounded to cents (minimum 0.01), first purchase included.",
            "Survey churned is a follow-up outcome, not reflected in the transaction log.",
            "expected_ols_weights ignore clipping of items and outcome to the scale.",
        ),
    )
    return ServiceFirm(customers=customers, transactions=transactions, survey=survey,
                       campaign=campaign, truth=truth)
