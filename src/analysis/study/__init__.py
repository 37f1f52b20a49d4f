"""Studies: one YAML file per study says which data to analyse, its observation
window, and how to run the notebooks.

:mod:`analysis.study.config` reads and checks a study file (:func:`load_study`,
:class:`Study`); :mod:`analysis.study.data` checks its ``data:`` section (with the data
preparation it declares, :mod:`analysis.prepare`);
:mod:`analysis.study.headers` reads a data file's column names to check a column
mapping before any notebook starts.

Examples
--------
>>> from analysis.study import load_study
>>> load_study("service_demo").window.time_unit  # doctest: +SKIP
'W'
"""

from analysis.study.config import Study, find_project_root, load_study
from analysis.study.data import DataSpec, TableSpec, suggest
from analysis.prepare import StudyTables

__all__ = ["DataSpec", "Study", "StudyTables", "TableSpec", "find_project_root", "load_study", "suggest"]
