"""Clustering features: input errors and the principal-component map.

"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.errors import DataValidationError, ParameterError
from analysis.segmentation import cluster_features, project_2d


def test_feature_input_errors():
    t = pd.DataFrame({"frequency": [1, 2, 3], "monetary": [1.0, np.nan, 3.0]})
    with pytest.raises(DataValidationError, match="missing"):
        cluster_features(t, ["frequency", "monetary"])
    with pytest.raises(DataValidationError, match="lacks feature"):
        cluster_features(t, ["nope"])
    with pytest.raises(DataValidationError, match="nothing to cluster"), pytest.warns(Warning):
        cluster_features(pd.DataFrame({"frequency": [2, 2, 2]}), ["frequency"])
    with pytest.raises(DataValidationError, match="negative"):
        cluster_features(pd.DataFrame({"frequency": [-1, 2, 3]}), ["frequency"])
    with pytest.raises(ParameterError, match="The 'log' parameter of cluster_features must be a bool"):
        cluster_features(t, ["frequency"], log="yes")


def test_projection_is_pca_with_fixed_signs():
    X = np.random.default_rng(3).normal(size=(50, 3)) * [3.0, 1.0, 0.2]
    p = project_2d(X)
    centred = X - X.mean(axis=0)
    # variances of the scores are the two largest eigenvalues of the covariance
    eig = np.sort(np.linalg.eigvalsh(np.cov(centred.T, ddof=0)))[::-1][:2]
    assert p.var(ddof=0).to_numpy() == pytest.approx(eig)
    # signs fixed by the loadings (largest loading positive): mirrored data, mirrored map
    assert np.allclose(project_2d(-X), -p)
