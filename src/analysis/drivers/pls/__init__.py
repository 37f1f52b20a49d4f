"""PLS path modelling of structural satisfaction models (ECSI / ACSI type).

A structural satisfaction model says how latent constructs - image, expectations,
perceived quality, perceived value, satisfaction, loyalty - cause one another
(the *inner* model), and how each construct is measured by a block of survey
items (the *outer* model). Partial least squares path modelling (Wold 1982;
Lohmöller 1989; Tenenhaus et al. 2005) estimates it in two stages:

1. **Outer weights by alternating least squares.** Start with equal weights;
   repeat: (a) outer estimate of each construct = standardized weighted sum of
   its items; (b) inner estimate = sum of the neighbouring constructs' outer
   estimates with *inner weights* from the scheme - ``"centroid"`` (sign of their
   correlation), ``"factorial"`` (their correlation) or ``"path"`` (regression
   coefficients for the construct's predecessors, correlations for its
   successors); (c) new outer weights - **Mode A** (reflective): covariances of
   each item with the inner estimate; **Mode B** (formative): the multiple
   regression of the inner estimate on the block's items - until the weights
   stop changing.
2. **Structural estimates.** Scores = standardized weighted sums of the items;
   path coefficients = OLS of each endogenous construct on its predecessors;
   loadings = correlations of the items with their construct's score; total
   effects = sum over all directed paths of the products of path coefficients,
   ``(I - B)^-1 - I``.

This module follows R plspm 0.4.x (Sanchez, Trinchera & Russolillo) step for step
- the same start, the same rescaling inside the loop, the same stopping rule
(``sum((|w_old| - |w_new|)^2) < tol``), the same sign fix of the scores - so it
reproduces plspm's published results on the ECSI bank survey
(``tests/drivers/pls/``).

Examples
--------
>>> import numpy as np, pandas as pd
>>> rng = np.random.default_rng(1)
>>> quality = rng.normal(size=300)
>>> sat = 0.7 * quality + rng.normal(scale=0.7, size=300)
>>> items = {f"q{i}": quality + rng.normal(scale=0.6, size=300) for i in (1, 2, 3)}
>>> items.update({f"s{i}": sat + rng.normal(scale=0.6, size=300) for i in (1, 2, 3)})
>>> df = pd.DataFrame(items)
>>> m = PLSPathModel({"QUAL": ["SAT"]}, {"QUAL": ["q1", "q2", "q3"], "SAT": ["s1", "s2", "s3"]}).fit(df)
>>> round(float(m.path_coefficients_.loc["QUAL", "SAT"]), 2)
0.62
"""

from analysis.drivers.pls.estimation import total_effects_from_paths
from analysis.drivers.pls.model import PLSPathModel
from analysis.drivers.pls.spec import MODES, SCHEMES

__all__ = ["MODES", "SCHEMES", "PLSPathModel", "total_effects_from_paths"]
