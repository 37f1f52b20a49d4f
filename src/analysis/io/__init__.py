"""Reading data files, mapping column names, and writing files atomically (see :mod:`analysis.io.read`)."""

from analysis.io.read import *  # noqa: F403
from analysis.io.read import AUTO_ENCODINGS, SUFFIX_FORMATS, __all__  # noqa: F401
