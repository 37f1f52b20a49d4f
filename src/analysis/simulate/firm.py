"""The simulated firm: argument checks, the parts on independent random streams, the truth.

:func:`simulate_service_firm` checks its arguments (declared once, with
:func:`analysis.checks.validate_params`), draws customers, transactions, the
retention data (complaints, loyalty programme, categories, referrals), survey
and campaign from child streams of one seed, and returns a :class:`ServiceFirm`
with every parameter used in its :class:`~analysis.simulate.ServiceTruth`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from analysis.checks import DEFAULT_SEED, Interval, Options, rng_from, validate_params, shown
from analysis.errors import ParameterError
from analysis.simulate.campaign import campaign_parameters, simulate_campaign
from analysis.simulate.retention import RETENTION_NOTES, retention_parameters, simulate_retention_data
from analysis.simulate.customers import (
    ACQUISITION_COST_CV,
    DEFAULT_ACQUISITION_COST,
    DEFAULT_CHANNEL_MIX,
    DEFAULT_COST_TO_SERVE,
    DEFAULT_REGIONS,
    simulate_customers,
)
from analysis.simulate.survey import DEFAULT_DRIVER_WEIGHTS, simulate_survey, survey_parameters, survey_truth
from analysis.simulate.transactions import DEFAULT_BGNBD, DEFAULT_GAMMA_GAMMA, simulate_transactions
from analysis.simulate.truth import ARMS, DIMENSIONS, BGNBDParams, GammaGammaParams, ServiceTruth
from analysis.window import parse_date

__all__ = ["ServiceFirm", "simulate_service_firm"]


@dataclass(frozen=True)
class ServiceFirm:
    """One simulated firm: six canonical tables and the truth behind them.

    Attributes
    ----------
    customers : DataFrame
        ``customer_id``, ``acquisition_date``, ``acquisition_channel``,
        ``acquisition_cost`` (per customer), ``cost_to_serve`` (per order),
        ``region``, ``referred_by`` (the referrer's ``customer_id``; missing =
        not referred; only with retention data).
    transactions : DataFrame
        ``customer_id``, ``date``, ``amount``, ``channel`` (purchase channel),
        ``order_id``, ``category`` (only with retention data); sorted by date
        and customer.
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
    complaints : DataFrame or None
        ``complaint_id``, ``customer_id``, ``order_id`` (the order complained
        about), ``date``, ``channel`` (the order's purchase channel),
        ``category``, ``resolution`` ("good"/"poor"; missing = not resolved by
        the end of the data), ``resolved_date``, ``compensation``,
        ``satisfaction_after``; None without retention data.
    memberships : DataFrame or None
        Loyalty programme tier spells: ``customer_id``, ``start_date``,
        ``end_date`` (missing = still in this tier at the end of the data),
        ``tier``, ``points_earned``, ``points_redeemed``, ``discounts``; None
        without retention data.

    Examples
    --------
    >>> from analysis.simulate import simulate_service_firm
    >>> firm = simulate_service_firm(300, seed=3)
    >>> firm.tables()["channel_outcomes"] is firm.campaign
    True
    """

    customers: pd.DataFrame
    transactions: pd.DataFrame
    survey: pd.DataFrame
    campaign: pd.DataFrame
    truth: ServiceTruth
    complaints: pd.DataFrame | None = None
    memberships: pd.DataFrame | None = None

    def tables(self) -> dict[str, pd.DataFrame]:
        """The canonical tables by name: transactions, customers, survey, channel_outcomes,
        and (with retention data) complaints and memberships.

        Examples
        --------
        >>> list(simulate_service_firm(300, seed=3).tables())
        ['transactions', 'customers', 'survey', 'channel_outcomes', 'complaints', 'memberships']
        >>> list(simulate_service_firm(300, seed=3, retention_data=False).tables())
        ['transactions', 'customers', 'survey', 'channel_outcomes']
        """
        out = {
            "transactions": self.transactions,
            "customers": self.customers,
            "survey": self.survey,
            "channel_outcomes": self.campaign,
        }
        if self.complaints is not None:
            out["complaints"] = self.complaints
        if self.memberships is not None:
            out["memberships"] = self.memberships
        return out


# ------------------------------------------------- checks of the per-channel contents
# (the arguments' types and ranges are declared once, on simulate_service_firm)
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
            raise ParameterError(f"bgnbd[{channel!r}].{key} must be > 0; got {shown(val)}.")
    return prm


def _as_gg(value: Any, channel: str) -> GammaGammaParams:
    prm = value if isinstance(value, GammaGammaParams) else GammaGammaParams(**dict(value))
    for key in ("p", "q", "v"):
        val = getattr(prm, key)
        if not (np.isfinite(val) and val > 0):
            raise ParameterError(f"gamma_gamma[{channel!r}].{key} must be > 0; got {shown(val)}.")
    if prm.q <= 1:
        raise ParameterError(
            f"gamma_gamma[{channel!r}].q must be > 1 so that mean spend p*v/(q-1) exists; got {prm.q}."
        )
    return prm


def _dimension_values(value: dict | None, name: str) -> dict[str, float]:
    if value is None:
        return {}
    unknown = sorted(set(value) - set(DIMENSIONS))
    if unknown:
        raise ParameterError(f"{name} has unknown dimension(s) {unknown}; the dimensions are {list(DIMENSIONS)}.")
    out = {str(d): float(v) for d, v in value.items()}
    bad = {d: v for d, v in out.items() if not (np.isfinite(v) and 1.0 <= v <= 7.0)}
    if bad:
        raise ParameterError(f"{name} must lie on the 1-7 rating scale; got {bad}.")
    return out


_LOYALTY_KEYS = ("loyalty_spend_effect", "loyalty_join_coef", "programme_cost_per_member_month")


def _loyalty_overrides(value: dict | None, defaults: dict[str, Any]) -> dict[str, Any]:
    if value is None:
        return {}
    unknown = sorted(set(value) - set(_LOYALTY_KEYS))
    if unknown:
        raise ParameterError(f"loyalty has unknown key(s) {unknown}; it takes {list(_LOYALTY_KEYS)}.")
    out: dict[str, Any] = {}
    if "loyalty_spend_effect" in value:
        effect = float(value["loyalty_spend_effect"])
        if not (np.isfinite(effect) and effect > -1.0):
            raise ParameterError(f"loyalty['loyalty_spend_effect'] must be > -1 (a ratio 1 + effect > 0); "
                                 f"got {shown(effect)}.")
        out["loyalty_spend_effect"] = effect
    if "programme_cost_per_member_month" in value:
        cost = float(value["programme_cost_per_member_month"])
        if not (np.isfinite(cost) and cost >= 0):
            raise ParameterError(f"loyalty['programme_cost_per_member_month'] must be >= 0; got {shown(cost)}.")
        out["programme_cost_per_member_month"] = cost
    if "loyalty_join_coef" in value:
        coef = dict(defaults["loyalty_join_coef"])
        extra = sorted(set(value["loyalty_join_coef"]) - set(coef))
        if extra:
            raise ParameterError(f"loyalty['loyalty_join_coef'] has unknown key(s) {extra}; it takes {sorted(coef)}.")
        coef.update({k: float(v) for k, v in value["loyalty_join_coef"].items()})
        if not all(np.isfinite(v) for v in coef.values()):
            raise ParameterError(f"loyalty['loyalty_join_coef'] must be finite numbers; got {coef}.")
        out["loyalty_join_coef"] = coef
    return out


@validate_params({
    "n_customers": [Interval(int, 10, None, closed="left")],
    "years": [Interval(float, 0.1, 50, closed="both")],
    "seed": ["seed"],
    "channel_mix": [dict, None],
    "bgnbd": [dict, None],
    "gamma_gamma": [dict, None],
    "acquisition_cost": [dict, None],
    "cost_to_serve": [dict, None],
    "acquisition_share": [Interval(float, 0, 1, closed="right")],
    "purchase_channel_stickiness": [Interval(float, 0, 1, closed="both")],
    "n_survey": [Interval(int, 10, None, closed="left"), None],
    "driver_weights": [dict, None],
    "campaign_fraction": [Interval(float, 0, 1, closed="right")],
    "date_resolution": [Options(("D", "h", "min", "s"))],
    "retention_data": [bool],
    "perception_means": [dict, None],
    "expectation_means": [dict, None],
    "loyalty": [dict, None],
})
def simulate_service_firm(
    n_customers: int = 5000,
    *,
    start: str | pd.Timestamp = "2023-01-01",
    years: float = 2.0,
    seed: int | np.random.Generator = DEFAULT_SEED,
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
    retention_data: bool = True,
    perception_means: dict[str, float] | None = None,
    expectation_means: dict[str, float] | None = None,
    loyalty: dict[str, Any] | None = None,
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
    seed : int or numpy.random.Generator, default analysis.checks.DEFAULT_SEED
        Randomness; the same int gives identical tables (the bundled
        ``service_demo`` study uses 20240601). Each part (customers,
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
    retention_data : bool, default True
        Draw complaints, the loyalty programme, categories and referrals (on a
        fifth random stream, before the campaign). False gives the four tables
        exactly as a firm without them: no order removed after a complaint, no
        member amounts raised, no ``category`` or ``referred_by``, no
        ``complaints`` or ``memberships``.
    perception_means, expectation_means : dict, optional
        SERVQUAL dimension -> mean of the latent perception (expectation) on the
        1-7 scale; updates the defaults (perceptions tangibles 5.0, reliability
        4.6, responsiveness 4.5, assurance 4.9, empathy 4.7; expectations 5.2,
        6.0, 5.6, 5.6, 5.3). The class study's firm uses them to plant one
        dimension whose expectations outrun its performance.
    loyalty : dict, optional
        Loyalty programme truth to change, by its :class:`ServiceTruth` name:
        ``loyalty_spend_effect`` (default 0.10), ``loyalty_join_coef`` (keys
        ``intercept``, ``log_aov``, ``log_orders``; updates the defaults) and
        ``programme_cost_per_member_month`` (default 1.5).

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
    n_customers = int(n_customers)
    if n_survey is None:
        n_survey = min(n_customers, max(50, int(round(0.24 * n_customers))))
    if n_survey > n_customers:
        raise ParameterError(
            f"The 'n_survey' parameter of simulate_service_firm must be an int in the range "
            f"[10, n_customers = {n_customers}]. Got {shown(n_survey)} instead."
        )
    start_ts = parse_date(start, "start")

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
    means = {name: _dimension_values(value, name) for name, value in
             (("perception_means", perception_means), ("expectation_means", expectation_means))}

    rng = rng_from(seed)
    seed_int = None if isinstance(seed, np.random.Generator) else int(seed)
    rng_cust, rng_tx, rng_survey, rng_campaign, rng_retention = rng.spawn(5)
    n_days = int(np.floor(365.25 * years + 0.5))
    observation_end = start_ts + pd.Timedelta(days=n_days - 1)
    campaign_date = observation_end + pd.Timedelta(days=1)
    baseline = "store" if "store" in channels else channels[0]

    customers, ch_idx, acq_days = simulate_customers(
        rng_cust, n_customers, channels, mix, DEFAULT_REGIONS, start_ts, n_days,
        acquisition_share, acq, ACQUISITION_COST_CV, cts,
    )
    transactions = simulate_transactions(
        rng_tx, customers, ch_idx, acq_days, channels, mix, bg, gg, n_days,
        purchase_channel_stickiness, start_ts, date_resolution,
    )

    retention_t = retention_parameters(channels)
    retention_t.update(_loyalty_overrides(loyalty, retention_t))
    launch = start_ts + pd.Timedelta(days=max(1, int(np.floor(acquisition_share * n_days))))
    extra: dict[str, pd.DataFrame] = {}
    if retention_data:
        extra = simulate_retention_data(rng_retention, customers, transactions, start_ts, launch,
                                        observation_end, retention_t)
        customers, transactions = extra.pop("customers"), extra.pop("transactions")

    survey_t = survey_parameters(channels, weights)
    for name, value in means.items():
        survey_t[name].update(value)
    survey = simulate_survey(rng_survey, customers, ch_idx, channels, n_survey, survey_t)
    item_rel, construct_rel, plim = survey_truth(
        DIMENSIONS, survey_t["n_items"], survey_t["latent_sd"], survey_t["latent_corr"],
        survey_t["item_noise_sd"], survey_t["perception_channel_shift"], mix, weights,
    )

    campaign_t = campaign_parameters(campaign_fraction)
    campaign, recent_share = simulate_campaign(
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
        acquisition_cost_cv=ACQUISITION_COST_CV,
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
        retention_data=bool(retention_data),
        loyalty_launch=launch,
        **retention_t,  # complaints, loyalty programme, categories, referrals, targets
        notes=(
            "BG/NBD parameters are in weeks; the process runs from midnight of the acquisition "
            "day to the end of observation_end; dates are floored to date_resolution.",
            "cost_to_serve is per order; acquisition_cost ~ Gamma(mean = channel value, CV 0.25).",
            "Amounts are Gamma-Gamma draws rounded to cents (minimum 0.01), first purchase included.",
            "Survey churned is a follow-up outcome, not reflected in the transaction log.",
            "expected_ols_weights ignore clipping of items and outcome to the scale.",
            *(RETENTION_NOTES if retention_data else ()),
        ),
    )
    return ServiceFirm(customers=customers, transactions=transactions, survey=survey,
                       campaign=campaign, truth=truth, **extra)
