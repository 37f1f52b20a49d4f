"""Data contracts: the canonical tables and their validators (see :mod:`analysis.schemas.tables`)."""

from analysis.schemas.tables import *  # noqa: F403
from analysis.schemas.tables import ROW_CONVENTION, __all__, _string_dtype, missing_column_text  # noqa: F401
