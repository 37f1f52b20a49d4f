"""The ground truth of a simulated firm: the parameter records and :class:`ServiceTruth`.

Every value that generated a :class:`~analysis.simulate.ServiceFirm` is kept
here, so each analysis can be checked against the values behind the data.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["CHANNELS", "DIMENSIONS", "ARMS", "GROUPS", "BGNBDParams", "GammaGammaParams", "ServiceTruth"]

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

@dataclass(frozen=True)
class ServiceTruth:
    """Every parameter that generated a :class:`ServiceFirm` (treat as read-only).

    Time unit of the BG/NBD parameters: weeks. Money: one currency unit.
    ``observation_end`` is the last observed day (inclusive);
    ``campaign_date`` the day after it. The retention fields (complaints,
    loyalty programme, categories, referrals, targets; each documented where it
    is declared) are filled even when ``retention_data`` is False, in which
    case no table reflects them.

    Examples
    --------
    >>> from analysis.simulate import simulate_service_firm
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
    # retention data (the fifth random stream; parameters kept even when retention_data is False)
    retention_data: bool
    #: probability that an order leads to a complaint (same day), by purchase channel
    complaint_rate: dict[str, float]
    #: complaint category -> share of complaints (Pareto-like)
    complaint_categories: dict[str, float]
    #: resolution label ("good", "poor") -> share of complaints
    resolution_shares: dict[str, float]
    #: probability of leaving for good (every later order removed) after a complaint, by resolution
    recovery_leave_prob: dict[str, float]
    #: TRUE risk ratio of "a repurchase within h days" after an order with a complaint resolved r
    #: vs an order without complaint, same history, any h: 1 - recovery_leave_prob[r]
    recovery_repurchase_ratio: dict[str, float]
    #: mean days from complaint to resolution (Poisson), by resolution
    mean_days_to_resolve: dict[str, float]
    #: share of complaints with a compensation (the others get 0), by resolution
    compensation_share: dict[str, float]
    #: mean compensation when paid (money; Gamma with shape compensation_shape), by resolution
    compensation_mean: dict[str, float]
    compensation_shape: float
    #: mean satisfaction with the recovery (1-7, rounded normal with sd satisfaction_after_sd)
    satisfaction_after_mean: dict[str, float]
    satisfaction_after_sd: float
    #: the loyalty programme's launch day (the end of acquisition)
    loyalty_launch: pd.Timestamp
    #: logit P(join) = intercept + log_aov * z(log AOV) + log_orders * z(log orders), before launch
    loyalty_join_coef: dict[str, float]
    #: member orders' amounts are multiplied by 1 + loyalty_spend_effect (ratio 1.10; log log(1.1))
    loyalty_spend_effect: float
    points_per_currency: float
    #: money per point redeemed
    point_value: float
    #: share of the points earned in a spell that are redeemed in it (floored to whole points)
    redemption_share: float
    tiers: tuple[str, ...]
    #: tier -> cumulative member spend (money) from which the tier starts (the day after)
    tier_thresholds: dict[str, float]
    #: monthly cancellation of members: theta ~ Beta(alpha, beta), months ~ Geometric(theta)
    membership_sbg: dict[str, float]
    programme_cost_per_member_month: float
    categories: tuple[str, ...]
    value_added_categories: tuple[str, ...]
    #: category -> mean share; each customer's preferences ~ Dirichlet(concentration * shares)
    category_shares: dict[str, float]
    category_concentration: float
    #: share of the customers acquired from referral_start_day on who were referred
    referral_share: float
    referral_start_day: int
    #: the bundled study's scorecard targets {kpi: target}
    targets: dict[str, float]
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
        >>> from analysis.simulate import simulate_service_firm
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
        >>> from analysis.simulate import simulate_service_firm
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
        >>> from analysis.simulate import simulate_service_firm
        >>> d = simulate_service_firm(300, seed=3).truth.as_dict()
        >>> d["bgnbd"]["store"]["alpha"], d["observation_end"]
        (6.0, '2024-12-31')
        """
        out = asdict(self)
        for key in ("start", "observation_end", "campaign_date", "loyalty_launch"):
            out[key] = getattr(self, key).strftime("%Y-%m-%d")
        for key in ("channels", "dimensions", "arms", "notes", "scale", "tiers", "categories",
                    "value_added_categories"):
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
        >>> from analysis.simulate import simulate_service_firm
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
    complaints = {
        "complaint_rate", "complaint_categories", "resolution_shares", "recovery_leave_prob",
        "recovery_repurchase_ratio", "mean_days_to_resolve", "compensation_share", "compensation_mean",
        "compensation_shape", "satisfaction_after_mean", "satisfaction_after_sd",
    }
    loyalty = {
        "loyalty_launch", "loyalty_join_coef", "loyalty_spend_effect", "points_per_currency",
        "point_value", "redemption_share", "tiers", "tier_thresholds", "membership_sbg",
        "programme_cost_per_member_month",
    }
    others = {"categories": "categories", "value_added_categories": "categories",
              "category_shares": "categories", "category_concentration": "categories",
              "referral_share": "referrals", "referral_start_day": "referrals", "targets": "targets"}
    if key in complaints:
        return "complaints"
    if key in loyalty:
        return "loyalty"
    if key in others:
        return others[key]
    if key in survey:
        return "survey"
    if key in campaign:
        return "campaign"
    if key in ("gross_margin", "acquisition_cost_cv", "cost_to_serve_unit"):
        return "economics"
    return "design"
