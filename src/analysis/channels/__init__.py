"""Channel comparison: do channels differ in conversion, spend, value and cost, and by how much?

Modules: :mod:`~analysis.channels.rates` (binary outcomes), :mod:`~analysis.channels.continuous`
(spend, scores; assumption-driven test choice), :mod:`~analysis.channels.adjusted`
(covariate-adjusted effects beside unadjusted ones), :mod:`~analysis.channels.lift`
(campaign arms vs control), :mod:`~analysis.channels.attribution` (multi-touch paths),
:mod:`~analysis.channels.economics` (CAC, first-year value, ROI, payback),
:mod:`~analysis.channels.lifetime` (lifetime value from BG/NBD + Gamma-Gamma against CAC),
:mod:`~analysis.channels.power` (minimum detectable differences, sample sizes). The sentences
and checks of notebook 04 are built from the written tables by :mod:`analysis.findings.channels`.

Results have the package's one shape: result objects have ``summary()`` (a
DataFrame) and a ``__repr__``, omnibus tests are one-row DataFrames, and tables of
estimates start with ``estimate, std_error, ci_low, ci_high, p_value``.

Examples
--------
>>> import pandas as pd
>>> from analysis.channels import compare_rates
>>> df = pd.DataFrame({"channel": ["a"] * 4 + ["b"] * 4, "y": [1, 0, 0, 0, 1, 1, 1, 0]})
>>> compare_rates(df, "channel", "y").groups["rate"].tolist()
[0.25, 0.75]
"""

from analysis.channels.adjusted import AdjustedComparison, adjusted_comparison
from analysis.channels.attribution import (
    MarkovAttribution,
    PathAttribution,
    absorbing_conversion_probability,
    attribute_paths,
    attribution_table,
    heuristic_attribution,
    markov_attribution,
    parse_paths,
    path_lengths,
    paths_from_touches,
    read_paths,
)
from analysis.channels.continuous import (
    MeanComparison,
    SpendComparison,
    compare_means,
    compare_spend,
    dunn_test,
    eta_omega_squared,
    games_howell,
    hedges_g,
    tukey_hsd,
    welch_anova,
)
from analysis.channels.firth import SEPARATION_KINDS, FirthLogit, detect_separation, firth_logit
from analysis.channels.economics import VERDICTS, channel_economics, customer_value, economics_estimates, profit_verdict
from analysis.channels.lifetime import CLV_HORIZON, ChannelCLV, channel_clv, first_year_vs_lifetime, lifetime_economics
from analysis.channels.lift import (HeterogeneousLift, campaign_lift, covariate_balance, heterogeneous_lift,
                                   incremental_revenue, points, with_lifecycle_stage)
from analysis.channels.power import mde_means, mde_rates, mde_table, sample_size_rates
from analysis.channels.rates import (
    RateComparison,
    cohens_h,
    compare_rates,
    cramers_v,
    newcombe_interval,
    ratio_interval,
    wilson_interval,
)

__all__ = [
    "AdjustedComparison", "adjusted_comparison",
    "MarkovAttribution", "absorbing_conversion_probability", "heuristic_attribution",
    "markov_attribution", "parse_paths", "paths_from_touches", "read_paths", "attribution_table",
    "PathAttribution", "attribute_paths", "path_lengths",
    "MeanComparison", "SpendComparison", "compare_means", "compare_spend", "dunn_test",
    "eta_omega_squared", "games_howell", "hedges_g", "tukey_hsd", "welch_anova",
    "channel_economics", "customer_value", "economics_estimates", "profit_verdict", "VERDICTS",
    "CLV_HORIZON", "ChannelCLV", "channel_clv", "lifetime_economics", "first_year_vs_lifetime",
    "HeterogeneousLift", "campaign_lift", "heterogeneous_lift", "incremental_revenue", "points",
    "covariate_balance", "with_lifecycle_stage",
    "RateComparison", "cohens_h", "compare_rates", "cramers_v", "newcombe_interval",
    "ratio_interval", "wilson_interval",
    "mde_means", "mde_rates", "mde_table", "sample_size_rates",
    "FirthLogit", "detect_separation", "firth_logit", "SEPARATION_KINDS",
]
