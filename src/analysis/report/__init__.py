"""Reports: what notebooks hand over (:class:`ReportOutputs`) and the runner that
executes notebooks with a study's parameters into ``reports/``.

Examples
--------
>>> from analysis.report import ReportOutputs
>>> out = ReportOutputs(None)   # interactive use: nothing is written
>>> out.records["findings"]
{}
"""

from analysis.report.outputs import ReportOutputs

__all__ = [
    "ReportOutputs",
    "RunPlan",
    "RunResult",
    "build_index",
    "check_parameters",
    "parse_cli_parameters",
    "plan_runs",
    "read_parameters",
    "render_html",
    "run_plans",
]


def __getattr__(name: str):
    """Import the runner's pieces on first use, so notebooks that only need
    ``ReportOutputs`` do not load papermill and nbconvert."""
    if name in ("RunPlan", "RunResult", "plan_runs", "run_plans"):
        from analysis.report import runner

        return getattr(runner, name)
    if name in ("check_parameters", "parse_cli_parameters", "read_parameters"):
        from analysis.report import parameters

        return getattr(parameters, name)
    if name == "build_index":
        from analysis.report.index import build_index

        return build_index
    if name == "render_html":
        from analysis.report.render import render_html

        return render_html
    raise AttributeError(f"module 'analysis.report' has no attribute {name!r}")
