"""BG/NBD and Pareto/NBD with static covariates (CLVTools' parametrisation), by maximum likelihood.

Static (time-invariant) customer covariates ``z_i`` such as the acquisition
channel, a region or a plan shift the heterogeneity scale parameters of the
purchase process and of the drop-out process, exactly as in R's CLVTools
(``SetStaticCovariates``; Fader and Hardie 2007, "Incorporating time-invariant
covariates into the Pareto/NBD and BG/NBD models"):

BG/NBD (:class:`BetaGeoCovariates`)
    ``alpha_i = alpha * exp(-gamma_trans' z_trans_i)`` (purchase),
    ``a_i = a * exp(gamma_life' z_life_i)`` and ``b_i = b * exp(gamma_life' z_life_i)``
    (drop-out; one coefficient per covariate acts on both ``a`` and ``b``, so a
    covariate moves the mean drop-out probability ``a/(a+b)`` not at all and its
    spread: a positive coefficient concentrates ``p`` around its mean).
    ``r`` is common to all customers. ``life_ab="separate"`` gives ``a`` and ``b``
    their own coefficients (``a_i = a exp(gamma_a' z)``, ``b_i = b exp(gamma_b' z)``,
    as PyMC-Marketing's BG/NBD with covariates), so the mean can move too.
Pareto/NBD (:class:`ParetoNBDCovariates`)
    ``alpha_i = alpha * exp(-gamma_trans' z_trans_i)``,
    ``beta_i = beta * exp(-gamma_life' z_life_i)``; ``r`` and ``s`` common.

So a positive ``trans`` coefficient means a higher mean purchase rate
(``r / alpha_i`` grows by ``exp(gamma)``), and in Pareto/NBD a positive ``life``
coefficient means a higher mean drop-out rate (``s / beta_i``), i.e. shorter
lifetimes. The baseline parameters ``alpha, a, b`` (``alpha, beta``) are those of
a customer with ``z = 0``: the reference level of every categorical covariate and
zero for every numeric one.

Coding of covariates. A column with a non-numeric dtype (string, object,
category, bool), or named in ``categorical``, is one-hot coded with one dummy per
level other than its reference level (treatment coding, as R's default
contrasts). The reference is ``reference[column]`` when given, otherwise the
first level: the first observed category of a pandas Categorical, else the
smallest level in sorted order (as R orders factor levels). Coefficient names are
``trans[column=level]`` and ``life[column=level]``; a numeric column enters as is,
named ``trans[column]``. Levels absent from the data used to fit raise an error at
prediction.

Estimation. The parameters are optimised as ``log r, log alpha, ...`` and the
coefficients; numeric covariates are centred and scaled internally (and the
estimates mapped back exactly), which keeps the problem well conditioned. The
start is the plain model's fit (all coefficients zero). The likelihood, its
gradient and the predictions are the plain models' own per-customer code
(:class:`~analysis.clv.BetaGeo`, :class:`~analysis.clv.ParetoNBD`), evaluated with
each customer's ``alpha_i``, ``a_i``, ``b_i`` (``beta_i``); the gradient in the
coefficients follows by the chain rule, so its cost does not grow with the number
of coefficients (Pareto/NBD's is exact except the hypergeometric parameter
derivatives, central differences with error about 1e-10). Standard errors come from the observed
information (central differences of the gradient, step 1e-4); ``summary(alpha=0.05)``
gives ``1 - alpha`` intervals, for the positive parameters
``exp(log(estimate) +/- z se_log)`` (``p_value`` NaN: a test of 0 is meaningless),
for the coefficients ``estimate +/- z se`` with the Wald p-value of "no effect".

Modules: :mod:`~analysis.clv.covariates.coding` (coding, design matrix, rank
checks, scaling), :mod:`~analysis.clv.covariates.base` (settings,
parametrisation, likelihood, fit, uncertainty),
:mod:`~analysis.clv.covariates.predict` (predictions and simulation),
:mod:`~analysis.clv.covariates.bgnbd` and :mod:`~analysis.clv.covariates.paretonbd`
(the two models).
"""

from analysis.clv.covariates.bgnbd import BetaGeoCovariates
from analysis.clv.covariates.paretonbd import ParetoNBDCovariates

__all__ = ["BetaGeoCovariates", "ParetoNBDCovariates"]
