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

The package
-----------
``truth`` holds the parameter records (:class:`BGNBDParams`,
:class:`GammaGammaParams`, :class:`ServiceTruth`); ``customers``,
``transactions``, ``survey`` and ``campaign`` draw one part each (with their
default parameters); ``firm`` checks the arguments, runs the parts on
independent random streams and assembles :class:`ServiceFirm`.

Examples
--------
>>> from analysis.simulate import simulate_service_firm
>>> firm = simulate_service_firm(500, seed=1)
>>> sorted(firm.tables())
['channel_outcomes', 'complaints', 'customers', 'memberships', 'survey', 'transactions']
>>> firm.truth.gamma_gamma["store"].mean_spend
60.0
"""

from analysis.simulate.firm import ServiceFirm, simulate_service_firm
from analysis.simulate.truth import ARMS, CHANNELS, DIMENSIONS, BGNBDParams, GammaGammaParams, ServiceTruth

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
