"""Service-marketing and customer-management analyses behind the notebook suite.

Modules: ``schemas`` (data contracts), ``io`` (files), ``datasets`` (bundled and
downloadable data), ``simulate`` (a synthetic service firm with known truth),
``summary`` (per-customer summaries), ``plots`` (figures) and ``report`` (the
papermill runner and report site).
"""

from analysis.errors import AnalysisError, AnalysisWarning

__all__ = ["AnalysisError", "AnalysisWarning", "__version__"]
__version__ = "0.1.0"
