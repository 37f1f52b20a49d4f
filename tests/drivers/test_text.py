"""drivers.text: the sentences notebook 03 shows carry the numbers of the results."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.drivers import KeyDriverRegression, PLSPathModel
from analysis.drivers.text import collinearity_text, model_text, pls_text, survey_text


def test_survey_model_and_pls_sentences():
    assert survey_text(pd.DataFrame(index=range(1200)), ["speed", "staff"]) == \
        "1,200 respondents; drivers: speed, staff."
    rng = np.random.default_rng(0)
    x = rng.normal(size=(300, 2))
    df = pd.DataFrame({"a": x[:, 0], "b": x[:, 1] + 0.5 * x[:, 0], "y": x @ [1.0, 0.5] + rng.normal(size=300)})
    kdr = KeyDriverRegression().fit(df, "y", ["a", "b"])
    text = model_text(kdr)
    assert text.startswith(f"The attributes explain {kdr.r2_:.0%} of the variation in y (n = 300).")
    assert text.endswith(collinearity_text(kdr))
    f = rng.normal(size=(300, 1))
    g = 0.6 * f + rng.normal(scale=0.8, size=(300, 1))
    items = pd.DataFrame(np.hstack([f + rng.normal(scale=0.5, size=(300, 2)), g + rng.normal(scale=0.5, size=(300, 2))]),
                         columns=["a1", "a2", "b1", "b2"])
    pls = PLSPathModel({"A": "B"}, {"A": ["a1", "a2"], "B": ["b1", "b2"]}).fit(items)
    assert pls_text(pls, "B") == (f"The structural model explains {pls.r2_['B']:.0%} of the variance in B "
                                  f"(goodness of fit {pls.gof_:.2f}; n = 300).")
