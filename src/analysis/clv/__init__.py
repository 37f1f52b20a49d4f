"""Customer lifetime value: buy-till-you-die models fitted by maximum likelihood.

Non-contractual, continuous time: :class:`BetaGeo` (BG/NBD), :class:`ModifiedBetaGeo`
(MBG/NBD), :class:`ParetoNBD`; with static covariates
:class:`BetaGeoCovariates` and :class:`ParetoNBDCovariates`. Spend: :class:`GammaGamma`. Discrete opportunities:
:class:`BetaGeoBetaBinom` (BG/BB). Contractual: :class:`ShiftedBetaGeometric` (sBG).
Value and validation: :func:`customer_lifetime_value` and the helpers in
:mod:`analysis.clv.value` and :mod:`analysis.clv.validation`.
"""

from analysis.clv.bgbb import BetaGeoBetaBinom
from analysis.clv.bgnbd import BetaGeo, ModifiedBetaGeo
from analysis.clv.covariates import BetaGeoCovariates, ParetoNBDCovariates
from analysis.clv.gammagamma import GammaGamma
from analysis.clv.paretonbd import ParetoNBD
from analysis.clv.sbg import ShiftedBetaGeometric
from analysis.clv.validation import compare_models, error_measures, frequency_fit, holdout_by_frequency, tracking
from analysis.clv.value import churn_risk, customer_lifetime_value, value_by_group

__all__ = [
    "BetaGeo",
    "BetaGeoBetaBinom",
    "BetaGeoCovariates",
    "GammaGamma",
    "ModifiedBetaGeo",
    "ParetoNBD",
    "ParetoNBDCovariates",
    "ShiftedBetaGeometric",
    "churn_risk",
    "compare_models",
    "customer_lifetime_value",
    "error_measures",
    "frequency_fit",
    "holdout_by_frequency",
    "tracking",
    "value_by_group",
]
