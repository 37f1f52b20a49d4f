"""Customer lifetime value: buy-till-you-die models fitted by maximum likelihood.

Non-contractual, continuous time: :class:`BetaGeo` (BG/NBD), :class:`ModifiedBetaGeo`
(MBG/NBD), :class:`ParetoNBD`; with static covariates
:class:`BetaGeoCovariates` and :class:`ParetoNBDCovariates`. Spend: :class:`GammaGamma`. Discrete opportunities:
:class:`BetaGeoBetaBinom` (BG/BB). Contractual: :class:`ShiftedBetaGeometric` (sBG).
Value and validation: :func:`customer_lifetime_value` and the helpers in
:mod:`analysis.clv.value` and :mod:`analysis.clv.validation`; checks against a known
truth and channel effects in :mod:`analysis.clv.recovery`; who each fit leaves out (and why) in
:mod:`analysis.clv.sample`; a log without amounts (purchase counts only) in :mod:`analysis.clv.counts`. Notebook 02's sentences are built in :mod:`analysis.findings.clv`. Every model's ``summary(alpha=0.05)`` has the package's
estimate columns (``estimate, std_error, ci_low, ci_high, p_value``).
"""

from analysis.clv.bgbb import BetaGeoBetaBinom
from analysis.clv.bgnbd import BetaGeo, ModifiedBetaGeo
from analysis.clv.counts import (
    SPEND_BASES, TRANSACTION_MODELS, check_forecast_settings, forecast_table, has_amounts, purchase_forecast, spend_basis, transaction_models,
)
from analysis.clv.covariates import BetaGeoCovariates, ParetoNBDCovariates
from analysis.clv.gammagamma import GammaGamma
from analysis.clv.paretonbd import ParetoNBD
from analysis.clv.recovery import channel_effects, parameter_recovery
from analysis.clv.sample import exclusions, fitting_sample
from analysis.clv.sbg import ShiftedBetaGeometric
from analysis.clv.validation import (
    compare_models, error_measures, frequency_fit, holdout_by_frequency, holdout_window, parameter_table, tracking,
    tracking_conventions,
)
from analysis.clv.value import (
    churn_risk, customer_lifetime_value, value_by_group, value_concentration, win_back_rule, win_back_status, win_back_targets,
)

__all__ = [
    "SPEND_BASES",
    "TRANSACTION_MODELS",
    "BetaGeo",
    "BetaGeoBetaBinom",
    "BetaGeoCovariates",
    "GammaGamma",
    "ModifiedBetaGeo",
    "ParetoNBD",
    "ParetoNBDCovariates",
    "ShiftedBetaGeometric",
    "channel_effects",
    "check_forecast_settings",
    "churn_risk",
    "compare_models",
    "customer_lifetime_value",
    "error_measures",
    "exclusions",
    "forecast_table",
    "fitting_sample",
    "frequency_fit",
    "has_amounts",
    "holdout_by_frequency",
    "holdout_window",
    "parameter_recovery",
    "parameter_table",
    "purchase_forecast",
    "spend_basis",
    "tracking",
    "tracking_conventions",
    "transaction_models",
    "value_by_group",
    "value_concentration",
    "win_back_rule",
    "win_back_status",
    "win_back_targets",
]
