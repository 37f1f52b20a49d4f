"""Shared data of the clustering tests: simulated Gaussian mixtures with known membership."""

from __future__ import annotations

import numpy as np
import pytest


def _mixture(sep: float, n: int = 120, seed: int = 0):
    rng = np.random.default_rng(seed)
    centres = np.array([[0.0, 0.0, 0.0], [sep, 0.0, 0.0], [0.0, sep, 0.0]])
    X = np.vstack([rng.normal(c, 1.0, size=(n, 3)) for c in centres])
    return X, np.repeat([0, 1, 2], n)


@pytest.fixture
def mixture():
    """``mixture(sep, n=120, seed=0)`` -> (X, truth): three spherical clusters in 3-D, centres ``sep`` sd apart."""
    return _mixture
