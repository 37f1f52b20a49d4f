"""A synthetic service firm with known ground truth.

:func:`simulate_service_firm` draws one firm's customer base, transaction log,
satisfaction survey and randomized e-mail campaign, and its complaints, loyalty
programme, purchase categories and referrals, from generative models whose
every parameter is kept in :class:`ServiceTruth`, so each analysis of the
notebook suite (segmentation, CLV, satisfaction drivers, channel comparison,
retention and loyalty) can be checked against the values that produced the data.

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

    With the retention data (below) the final log is this process with a
    little extra drop-out (leaving after a complaint: about 3 % of orders
    complain and 5-40 % of those customers leave) and members' amounts raised
    by 10 %; the BG/NBD and Gamma-Gamma truths describe the log exactly only
    with ``retention_data=False``, which tests of those models' recovery use.

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

The retention data (a fifth random stream, ``retention_data=True``)
    Drawn after the purchases and before the campaign (which therefore sees
    the final log), in this order; each has its own child stream, so the
    customers, the purchases before these steps and the survey are the same
    draws as with ``retention_data=False``.

Complaints and service recovery
    Each order leads to a complaint, made the day of the order, with
    probability ``complaint_rate[purchase channel]`` (2-5 %). A complaint has
    a category (``complaint_categories``, Pareto-like: two categories make two
    thirds of the complaints), a resolution ``good`` or ``poor``
    (``resolution_shares``), days to resolve ``Poisson(mean_days_to_resolve[r])``,
    a compensation, paid for a share ``compensation_share[r]`` of them (0
    otherwise), ``Gamma(compensation_shape, mean compensation_mean[r])``
    and a satisfaction with the recovery ``clip(round(N(satisfaction_after_mean[r],
    satisfaction_after_sd)), 1, 7)``. A complaint resolved after
    ``observation_end`` has no resolution yet (missing), as in a real extract.
    The effect: after a complaint resolved ``r`` the customer leaves for good
    (all her later orders are removed) with probability
    ``recovery_leave_prob[r]`` (good 0.05, poor 0.40). So, for an order with a
    complaint resolved ``r`` against an order without complaint of a customer
    with the same history, the probability of a repurchase within any ``h``
    days is multiplied by exactly ``1 - recovery_leave_prob[r]``
    (``recovery_repurchase_ratio``: 0.95 and 0.60, a risk ratio). Whether an
    order complains depends only on its purchase channel, so within the
    acquisition channel (the customer's type) complaining is random. There is
    no service recovery paradox here: a complaint, however well resolved,
    never raises repurchase (meta-analyses find the paradox rarely holds for
    repurchase).

Loyalty programme: self-selection and a known effect on spend
    Launched on ``loyalty_launch``, the end of acquisition (one year after
    ``start`` by default), so every customer has a history before it. Each
    customer's join propensity is ``logit P = intercept + log_aov *
    z(log average order value) + log_orders * z(log number of orders)``, both
    computed on her orders before the launch and standardised over customers
    (``loyalty_join_coef``); a joiner joins at her first order on or after the
    launch (no such order: she never joins). Because joining favours big
    spenders, members spend much more per order than non-members even without
    the programme (the naive ratio is about 1.5). While a member, each order's
    amount is multiplied by ``1 + loyalty_spend_effect`` (0.10): the true
    effect is a ratio of 1.10 in spend per order, ``log(1.1)`` in log amount.
    Joining depends only on the pre-launch history, so weighting or matching
    on it recovers the effect; comparing a member's orders with her own
    pre-launch orders does not, because she was selected for high pre-launch
    spend (regression to the mean).
    Members earn ``floor(amount * points_per_currency)`` points per member
    order and redeem ``floor(redemption_share * earned)`` of a spell's points,
    worth ``point_value`` each (``discounts``, money, the programme's cost
    together with ``programme_cost_per_member_month``). Tiers ``base``,
    ``silver``, ``gold``: a tier starts the day after the order whose
    cumulative member spend crosses its ``tier_thresholds`` value; each tier
    is one row (spell) of ``memberships``. Members cancel month by month as a
    shifted-beta-geometric process (contractual churn): ``theta ~
    Beta(membership_sbg)`` per member, months in the programme ``~
    Geometric(theta)``, counted in calendar months from the join day; the last
    spell's ``end_date`` is her last day in the programme (missing while she
    is still a member at the end of the data). After leaving, her amounts are
    no longer raised; her purchases go on (membership and buying are separate
    processes).

Categories and value-added services
    Each customer has preferences ``pi ~ Dirichlet(category_concentration *
    category_shares)`` over five categories; each purchase's category is drawn
    from them. Two of them (``value_added_categories``: support and protection
    plans) are value-added services. A small concentration (2) makes a
    customer's purchases cluster in a few categories, so categories co-occur
    within customers (two purchases of one customer share their category with
    probability ``sum_k s_k (c s_k + 1) / (c + 1)``, 0.51, against 0.26 by
    chance). Categories change neither amounts nor timing.

Referrals
    A share ``referral_share`` of the customers acquired from day
    ``referral_start_day`` on (about two months, so that there are earlier
    customers to refer them) have ``referred_by``: an earlier customer drawn
    with probability proportional to her purchases before the referred
    customer's acquisition (active customers refer more). Being referred
    changes no behaviour.

Targets
    ``targets`` holds the bundled study's scorecard targets by KPI name, a
    management choice: with quarterly rates the default firm meets some,
    misses some and cannot be judged on one.

The package
-----------
``truth`` holds the parameter records (:class:`BGNBDParams`,
:class:`GammaGammaParams`, :class:`ServiceTruth`); ``customers``,
``transactions``, ``survey``, ``campaign``, ``complaints``, ``loyalty``,
``categories`` and ``referrals`` draw one part each (with their default
parameters); ``retention`` runs the four retention parts in order and holds the
targets; ``firm`` checks the arguments, runs the parts on independent random
streams and assembles :class:`ServiceFirm`; ``classroom`` builds the class
study's firm on it (:func:`simulate_class_firm`: four stories planted for a class
to discover, the same for every seed, their truth in :class:`ClassPlan`).

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
from analysis.simulate.classroom import ClassFirm, ClassPlan, simulate_class_firm
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
    "ClassFirm",
    "ClassPlan",
    "simulate_class_firm",
]
