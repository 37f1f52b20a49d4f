"""BG/NBD with static covariates (see :mod:`analysis.clv.covariates`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from analysis.clv.bgnbd import BetaGeo
from analysis.clv.covariates.base import _CovariateModel
from analysis.errors import ParameterError

__all__ = ["BetaGeoCovariates"]


class BetaGeoCovariates(_CovariateModel):
    """BG/NBD with static covariates on purchase and drop-out (CLVTools' parametrisation).

    ``alpha_i = alpha exp(-gamma_trans' z_i)``, ``a_i = a exp(gamma_life' z_i)``,
    ``b_i = b exp(gamma_life' z_i)``; see :mod:`analysis.clv.covariates` for coding and
    estimation.

    Parameters
    ----------
    trans_covariates : list of str
        Columns acting on the purchase process (``alpha``).
    life_covariates : list of str
        Columns acting on the drop-out process (``a`` and ``b``).
    categorical : list of str
        Numeric columns to code as categorical (non-numeric ones always are).
    reference : mapping
        Column -> reference level (default: the first level).
    life_ab : {"shared", "separate"}
        ``"shared"`` (default, CLVTools): one coefficient per covariate scales
        both ``a`` and ``b`` (``life[...]``), so covariates change the spread of
        the drop-out probability but not its mean ``a/(a+b)``. ``"separate"``
        (as PyMC-Marketing's ``dropout_coefficient_a``/``_b``):
        ``a_i = a exp(gamma_a' z_i)``, ``b_i = b exp(gamma_b' z_i)``, coefficients
        ``life_a[...]`` and ``life_b[...]``; the mean drop-out probability can
        then differ between customers.
    columns : mapping, optional
        Names of ``frequency``, ``recency``, ``T`` when they differ.
    max_iter : int
        Optimiser iterations.

    Attributes
    ----------
    params_ : Series
        ``r, alpha, a, b``, then ``trans[...]`` and ``life[...]`` coefficients.
    loglik_ : float
        Maximised log-likelihood (``plain_loglik_``: the model without covariates).
    converged_ : bool
        Largest gradient component of the mean log-likelihood below 1e-4.
    profiles_ : DataFrame
        Distinct covariate profiles in the fitted data with their customer counts
        (empty with numeric covariates).
    at_boundary_ : list of str
        Parameters that ran to an extreme value (coefficient beyond +/-10, base
        parameter outside 1e-6..1e6); a warning says so.

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.clv import BetaGeoCovariates
    >>> prof = pd.DataFrame({"channel": ["store", "web", "app"] * 1000, "T": 52.0})
    >>> truth = {"r": 0.7, "alpha": 6.0, "a": 1.0, "b": 3.0, "trans[channel=store]": -0.3,
    ...          "trans[channel=web]": 0.2, "life[channel=store]": 0.5, "life[channel=web]": 0.0}
    >>> settings = dict(trans_covariates=["channel"], life_covariates=["channel"])
    >>> sim = BetaGeoCovariates.from_params(truth, prof, **settings).simulate(prof, seed=3)
    >>> m = BetaGeoCovariates(**settings).fit(sim)
    >>> m.converged_, list(m.params_.index[4:6])
    (True, ['trans[channel=store]', 'trans[channel=web]'])
    """

    _plain = BetaGeo
    _base_names = ("r", "alpha", "a", "b")
    _scaled = {"alpha": ("trans", -1.0), "a": ("life", 1.0), "b": ("life", 1.0)}
    _scaled_separate = {"alpha": ("trans", -1.0), "a": ("life_a", 1.0), "b": ("life_b", 1.0)}

    def __init__(
        self,
        *,
        trans_covariates: Sequence[str] = (),
        life_covariates: Sequence[str] = (),
        categorical: Sequence[str] = (),
        reference: Mapping[str, Any] | None = None,
        life_ab: str = "shared",
        columns: Mapping[str, str] | None = None,
        max_iter: int = 2000,
    ) -> None:
        super().__init__(trans_covariates=trans_covariates, life_covariates=life_covariates,
                         categorical=categorical, reference=reference, columns=columns, max_iter=max_iter)
        self.life_ab = life_ab

    def _check_settings(self) -> None:
        super()._check_settings()
        if self.life_ab not in ("shared", "separate"):
            raise ParameterError(f"life_ab must be 'shared' (CLVTools) or 'separate' (PyMC-Marketing); got {self.life_ab!r}.")

    def _scaling(self) -> dict[str, tuple[str, float]]:
        return self._scaled_separate if getattr(self, "life_ab", "shared") == "separate" else self._scaled
