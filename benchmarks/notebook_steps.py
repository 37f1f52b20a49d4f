"""What one notebook run costs, step by step: kernel start, imports, analysis, rendering.

Two measurements, written to benchmarks/results/notebook_steps.json and .md:

``steps`` (default): one notebook of one study (default ``02_clv`` on
``params/service_demo.yaml``), executed as :mod:`analysis.report.runner` executes it
(the study's parameters planned by :func:`analysis.report.plan.plan_runs`, the
edition's narrative, papermill's injected-parameters cell, the ``service-analytics``
kernel started with the runner's arguments and environment, nbclient executing the
cells), but timed step by step; repeated ``--repeat`` times (median):

- kernel start: the kernel manager and client are created, the kernel is started
  and the client waits until it is ready;
- imports: every import statement of the notebook (from all its cells), run first
  as one cell, so the notebook's own cells then find them loaded;
- analysis: every code cell of the notebook, timed per cell (wall clock at the
  client and, from the kernel's message timestamps, inside the kernel);
- rendering: :func:`analysis.report.render.render_html` on the executed notebook,
  first in the process (it loads nbconvert) and again;
- the whole ``analysis run --force --fresh-kernels`` of that notebook (a fresh process,
  a scratch reports folder, ``-X importtime`` on the runner's own process) for
  comparison, and the same run with the runner's default kernels forked from a warm
  process: what the run costs beyond the steps is the runner's imports, planning and
  pre-run checks, fingerprints, manifest and index.

papermill, until the runner asked it not to, wrote the notebook when every cell started
and ended; one write after each cell is timed between cells and doubled, for the record.

Besides, ``python -X importtime -c "<the notebook's imports>"`` in a fresh process
attributes the import time to libraries (self time summed per top-level package),
and the kernel reports which heavy libraries were loaded after the imports and
after the run (a library first loaded during the analysis was imported lazily).

``imports``: the import statements of every notebook, run in a fresh Python
(``-X importtime``) against this tree's ``src`` and, with ``--baseline REV``,
against ``git archive REV src`` extracted to a scratch folder, interleaved, median
of ``--repeat``: the before/after of lazy imports.

Usage::

    .venv/bin/python benchmarks/notebook_steps.py                       # steps of 02_clv on service_demo
    .venv/bin/python benchmarks/notebook_steps.py --notebook 03_satisfaction_drivers --study cdnow
    .venv/bin/python benchmarks/notebook_steps.py imports --baseline HEAD~3

Times are wall clock on a shared machine: the load average is recorded with every
repetition; compare within one run.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
PYTHON = ROOT / ".venv" / "bin" / "python"
NOTEBOOKS = ("00_data_overview", "01_segmentation", "02_clv", "03_satisfaction_drivers", "04_channel_comparison",
             "05_retention_loyalty")
#: the libraries whose loading is reported (top-level package names)
HEAVY = ("scipy", "statsmodels", "sklearn", "pandas", "numpy", "matplotlib", "seaborn", "duckdb", "pyarrow",
         "pandera", "pyspark", "formulaic", "nbformat", "nbconvert", "jinja2", "openpyxl", "polars", "opencc",
         "narwhals", "pydantic", "yaml")
#: the `analysis run` process itself: what it imports before planning (the analyses run in the kernel)
RUNNER = "the `analysis` command's process"
RUNNER_IMPORTS = "import analysis.report.cli\nimport analysis.report.runner\nimport analysis.report.requirements\n" \
                 "import analysis.study"
#: what a library that no longer loads would cost, measured as an import on top of the notebook's imports
INCREMENT = {"sklearn": "sklearn.cluster, sklearn.mixture, sklearn.metrics", "formulaic": "statsmodels.api",
             "scipy": "scipy.stats"}
VERSIONS = ("ipykernel", "jupyter_client", "nbclient", "papermill", "nbconvert", "pandas", "numpy", "scipy",
            "statsmodels", "scikit-learn", "matplotlib", "seaborn", "duckdb", "pandera", "pyspark")
#: modules of those libraries worth naming on their own (the library's top level may be cheap)
PARTS = ("scipy.stats", "scipy.optimize", "statsmodels.api", "matplotlib.pyplot", "sklearn.cluster", "pyspark.pandas",
         "pandera.pandas", "pyarrow.parquet")
PROBE = ("import sys as _s, json as _j; print(_j.dumps(sorted(set(_s.modules) & set(%r))))" % (HEAVY + PARTS,))


def load() -> tuple[float, float, float]:
    return tuple(round(x, 2) for x in os.getloadavg())


def notebook_imports(path: Path) -> list[str]:
    """Every top-level import statement of the notebook's code cells, in order."""
    import nbformat

    found = []
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type != "code":
            continue
        for node in ast.parse(cell.source).body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                found.append(ast.get_source_segment(cell.source, node))
    return found


# --------------------------------------------------------------------------- importtime

def parse_importtime(text: str) -> dict:
    """Total (sum of the top-level cumulative times) and self time per top-level package, in seconds."""
    rows = []
    for line in text.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if match:
            rows.append((int(match[1]), int(match[2]), len(match[3]) // 2, match[4]))
    per_package: Counter = Counter()
    for own, _cum, _depth, name in rows:
        per_package[name.split(".")[0]] += own
    first_by = {}  # the package module whose import first loaded each heavy library
    for i, (_own, _cum, depth, name) in enumerate(rows):
        if name in HEAVY and name not in first_by:
            level, chain = depth, []
            for _o, _c, d2, n2 in rows[i + 1:]:
                if d2 < level:
                    chain.append(n2)
                    level = d2
            ours = [n for n in chain if n.startswith("analysis")]
            first_by[name] = ours[0] if ours else (chain[0] if chain else "")
    return {"total_s": sum(c for _o, c, d, _n in rows if d == 0) / 1e6,
            "packages_s": {k: v / 1e6 for k, v in per_package.most_common() if v >= 5000},  # 5 ms or more
            "heavy": sorted({name.split(".")[0] for *_t, name in rows} & set(HEAVY)),
            "first_imported_by": first_by}


def importtime(code: str, *, src: Path | None = None, cwd: Path = ROOT / "notebooks") -> dict:
    """``python -X importtime -c code`` in a fresh process (*src* first on the path): wall time and attribution."""
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    start = time.perf_counter()
    done = subprocess.run([str(PYTHON), "-X", "importtime", "-c", code], cwd=cwd, env=env, capture_output=True,
                          text=True, check=True)
    wall = time.perf_counter() - start
    return {"wall_s": wall, **parse_importtime(done.stderr)}


# --------------------------------------------------------------------------- steps

def plan_for(study_arg: str, notebook: str, language: str):
    from analysis.report.plan import plan_runs
    from analysis.study import load_study

    plans = plan_runs([load_study(study_arg)], [notebook], language=language)
    if len(plans) != 1 or plans[0].skipped or plans[0].problem:
        raise SystemExit(f"cannot plan {notebook} for {study_arg}: {plans}")
    return plans[0]


def _kernel_seconds(cell) -> float | None:
    """The cell's execution time inside the kernel, from the message timestamps nbclient records."""
    from dateutil.parser import isoparse

    timing = cell.get("metadata", {}).get("execution", {})
    if "iopub.execute_input" in timing and "shell.execute_reply" in timing:
        return (isoparse(timing["shell.execute_reply"]) - isoparse(timing["iopub.execute_input"])).total_seconds()
    return None


def _run_probe(client, code: str):
    import nbformat

    cell = nbformat.v4.new_code_cell(code)
    client.nb.cells.append(cell)
    try:
        start = time.perf_counter()
        cell = client.execute_cell(cell, len(client.nb.cells) - 1, store_history=False)
        wall = time.perf_counter() - start
    finally:
        client.nb.cells.pop()
    text = "".join(o.get("text", "") for o in cell.outputs if o.get("output_type") == "stream")
    return wall, _kernel_seconds(cell), text


def one_repetition(plan, scratch: Path, kernel_name: str) -> dict:
    """Execute the plan's notebook once, step by step, as the runner would."""
    import nbformat
    from nbclient import NotebookClient
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    from analysis.messages import LANGUAGE_VARIABLE
    from analysis.report.editions import notebook_in
    from analysis.report.render import render_html
    from analysis.window import RUN_DATE_VARIABLE, run_date

    outputs = scratch / plan.notebook
    executed, page = scratch / f"{plan.notebook}.ipynb", scratch / f"{plan.notebook}.html"
    source = scratch / f"{plan.notebook}.{plan.language}.source.ipynb"  # the edition, as the runner writes it
    nbformat.write(notebook_in(nbformat.read(plan.notebook_path, as_version=4), plan.language), source)
    injected = {"study": str(plan.study.path), "output_dir": str(outputs), **plan.parameters}
    nb = parameterize_notebook(load_notebook_node(str(source)), injected, kernel_name=kernel_name, language="python")
    os.environ[LANGUAGE_VARIABLE] = plan.language
    os.environ.setdefault(RUN_DATE_VARIABLE, run_date().date().isoformat())
    client = NotebookClient(nb, kernel_name=kernel_name, timeout=None, record_timing=True, shutdown_kernel="immediate",
                            extra_arguments=["--IPKernelApp.log_level=ERROR"],
                            resources={"metadata": {"path": str(plan.notebook_path.parent)}})
    rep: dict = {"load_start": load()}
    start = time.perf_counter()
    client.km = client.create_kernel_manager()
    client.start_new_kernel(cwd=str(plan.notebook_path.parent))
    client.start_new_kernel_client()  # waits until the kernel is ready
    rep["kernel_start_s"] = time.perf_counter() - start
    try:
        code = "\n".join(notebook_imports(plan.notebook_path))
        rep["imports_s"], rep["imports_kernel_s"], _ = _run_probe(client, code)
        rep["loaded_after_imports"] = json.loads(_run_probe(client, PROBE)[2])
        cells, saves = [], 0.0
        for index, cell in enumerate(client.nb.cells):
            if cell.cell_type != "code":
                continue
            t0 = time.perf_counter()
            cell = client.execute_cell(cell, index)
            wall = time.perf_counter() - t0
            tags = cell.metadata.get("tags", [])
            first = next((line for line in cell.source.splitlines() if line.strip() and not line.startswith("#")), "")
            cells.append({"index": index, "tags": tags, "first_line": first[:70], "wall_s": wall,
                          "kernel_s": _kernel_seconds(cell)})
            t0 = time.perf_counter()  # papermill writes the notebook at each cell's start and end
            nbformat.write(client.nb, scratch / "autosave.ipynb")
            saves += 2 * (time.perf_counter() - t0)
        rep["cells"] = cells
        rep["analysis_s"] = sum(c["wall_s"] for c in cells)
        rep["analysis_kernel_s"] = sum(c["kernel_s"] or 0.0 for c in cells)
        rep["saves_s"] = saves
        rep["loaded_after_run"] = json.loads(_run_probe(client, PROBE)[2])
    finally:
        t0 = time.perf_counter()
        client._cleanup_kernel()  # noqa: SLF001 - nbclient's own shutdown ("immediate", as the runner asks)
        rep["kernel_stop_s"] = time.perf_counter() - t0
    nbformat.write(client.nb, executed)
    for key in ("render_first_s", "render_s"):  # the first in a process loads nbconvert and the template
        t0 = time.perf_counter()
        render_html(executed, page, title=f"{plan.study.name}: {plan.notebook}", outputs_dir=outputs,
                    language=plan.language, editions=(plan.language,),
                    site_path=f"{plan.study.name}/{plan.notebook}.html")
        rep[key] = time.perf_counter() - t0
    rep["load_end"] = load()
    return rep


def repetition_in_fresh_process(args, scratch: Path) -> dict:
    """One repetition in its own Python process, as each ``analysis run`` is (nothing loaded by an earlier one)."""
    result = scratch / "repetition.json"
    subprocess.run([str(PYTHON), __file__, "_one", "--study", args.study, "--notebook", args.notebook, "--language",
                    args.language, "--kernel", args.kernel, "--out", str(result)], cwd=ROOT, check=True)
    return json.loads(result.read_text())


def whole_run(study_arg: str, notebook: str, language: str, reports: Path, extra: tuple[str, ...] = ()) -> dict:
    """``analysis run --force`` of the notebook in a fresh process, into a scratch reports folder, with
    ``-X importtime`` on the runner's own process (not its kernel): what the runner imports, and from where."""
    start, before = time.perf_counter(), load()
    done = subprocess.run([str(PYTHON), "-X", "importtime", "-m", "analysis", "run", "--study", study_arg, "--notebook",
                           notebook, "--force", "--lang", language, "--reports-dir", str(reports), *extra],
                          cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - start
    said = [line for line in done.stderr.splitlines() if not line.startswith("import time:")]
    seconds = re.search(r"\((\d+(?:\.\d+)?) ?s", "\n".join(said))
    imports = parse_importtime(done.stderr)
    return {"wall_s": wall, "returncode": done.returncode, "notebook_s": float(seconds[1]) if seconds else None,
            "imports_s": imports["total_s"], "imports_packages_s": imports["packages_s"], "stderr_tail": said[-3:],
            "load_start": before, "load_end": load()}


def versions() -> dict:
    found = {"python": platform.python_version()}
    for name in VERSIONS:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = None
    return found


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def _mean_packages(runs: list[dict]) -> dict:
    total = Counter()
    for run in runs:
        for name, seconds in run.items():
            total[name] += seconds / len(runs)
    return dict(total.most_common())


def run_steps(args) -> dict:
    plan = plan_for(args.study, args.notebook, args.language)
    code = "\n".join(notebook_imports(plan.notebook_path))
    reps, runs, forked, timed, cli = [], [], [], [], []
    with tempfile.TemporaryDirectory(prefix="notebook_steps_") as tmp:
        for i in range(args.repeat):
            scratch = Path(tmp) / f"rep{i}"
            scratch.mkdir()
            reps.append(repetition_in_fresh_process(args, scratch))
            timed.append(importtime(code))
            cli.append(importtime("import analysis.report.cli", cwd=ROOT))
            if not args.no_run:  # fresh kernels as the steps start them; and the runner's default, forked kernels
                runs.append(whole_run(args.study, args.notebook, args.language, Path(tmp) / f"reports{i}",
                                      ("--fresh-kernels",)))
                forked.append(whole_run(args.study, args.notebook, args.language, Path(tmp) / f"forked{i}"))
            print(f"repetition {i + 1}: kernel {reps[-1]['kernel_start_s']:.2f} s, imports {reps[-1]['imports_s']:.2f}"
                  f" s, analysis {reps[-1]['analysis_s']:.2f} s, render {reps[-1]['render_s']:.2f} s"
                  + (f", analysis run {runs[-1]['wall_s']:.2f} s" if runs else "")
                  + f" (load {reps[-1]['load_start'][0]} -> {reps[-1]['load_end'][0]})", file=sys.stderr)
    steps = {key: median([r[key] for r in reps]) for key in
             ("kernel_start_s", "imports_s", "imports_kernel_s", "analysis_s", "analysis_kernel_s", "saves_s",
              "kernel_stop_s", "render_first_s", "render_s")}
    steps["cli_import_s"] = median([t["wall_s"] for t in cli])
    per_cell = []
    for j, cell in enumerate(reps[0]["cells"]):
        per_cell.append({**{k: cell[k] for k in ("index", "tags", "first_line")},
                         "wall_s": median([r["cells"][j]["wall_s"] for r in reps]),
                         "kernel_s": median([r["cells"][j]["kernel_s"] for r in reps])})
    packages = Counter()
    for t in timed:
        for name, seconds in t["packages_s"].items():
            packages[name] += seconds / len(timed)
    return {
        "study": str(plan.study.path.relative_to(ROOT) if plan.study.path.is_relative_to(ROOT) else plan.study.path),
        "notebook": plan.notebook, "language": plan.language, "repeat": args.repeat, "steps": steps,
        "cells": per_cell, "repetitions": reps, "analysis_run": runs,
        "analysis_run_s": median([r["wall_s"] for r in runs]),
        "analysis_run_forked": forked, "analysis_run_forked_s": median([r["wall_s"] for r in forked]),
        "analysis_run_forked_notebook_s": median([r["notebook_s"] for r in forked]),
        "analysis_run_notebook_s": median([r["notebook_s"] for r in runs]),
        "analysis_run_imports_s": median([r["imports_s"] for r in runs]),
        "analysis_run_packages_s": _mean_packages([r["imports_packages_s"] for r in runs]),
        "importtime": {"total_s": median([t["total_s"] for t in timed]), "wall_s": median([t["wall_s"] for t in timed]),
                       "packages_s": dict(packages.most_common()), "first_imported_by": timed[0]["first_imported_by"],
                       "code": code},
        "loaded_after_imports": reps[0]["loaded_after_imports"], "loaded_after_run": reps[0]["loaded_after_run"],
        "load_start": reps[0]["load_start"], "load_end": (runs or reps)[-1]["load_end"], "versions": versions(),
    }


# --------------------------------------------------------------------------- imports before/after

def run_imports(args) -> dict:
    baseline_src = None
    tmp = tempfile.TemporaryDirectory(prefix="notebook_imports_")
    if args.baseline:
        archive = subprocess.run(["git", "archive", args.baseline, "src/analysis"], cwd=ROOT, capture_output=True,
                                 check=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp.name], input=archive, check=True)
        baseline_src = Path(tmp.name) / "src"
    result = {"baseline": args.baseline, "repeat": args.repeat, "load_start": load(), "notebooks": {}}
    for notebook in args.notebooks or (*NOTEBOOKS, RUNNER):
        code = RUNNER_IMPORTS if notebook == RUNNER else "\n".join(
            notebook_imports(ROOT / "notebooks" / f"{notebook}.ipynb"))
        now, before = [], []
        for _ in range(args.repeat):  # interleaved: both see the same load
            now.append(importtime(code, src=ROOT / "src"))
            if baseline_src is not None:
                before.append(importtime(code, src=baseline_src))
        entry = {"now": _summary(now)}
        if before:
            entry["baseline"] = _summary(before)
            gone = set(entry["baseline"]["libraries"]) - set(entry["now"]["libraries"])
            extra = [INCREMENT[name] for name in sorted(gone) if name in INCREMENT]
            if extra:  # the same cost, measured more steadily than a difference of two totals
                entry["increment_s"] = median([_increment(code, extra) for _ in range(args.repeat)])
        result["notebooks"][notebook] = entry
        print(notebook, json.dumps({k: v["total_s"] if isinstance(v, dict) else v for k, v in entry.items()}),
              file=sys.stderr)
    result["load_end"] = load()
    tmp.cleanup()
    return result


def _increment(code: str, extra: list[str]) -> float:
    """Seconds the *extra* imports add on top of *code* (their top-level cumulative import times)."""
    names = {name.strip() for group in extra for name in group.split(",")}
    done = subprocess.run([str(PYTHON), "-X", "importtime", "-c", code + "\nimport " + ", ".join(extra)],
                          cwd=ROOT / "notebooks", capture_output=True, text=True, check=True)
    total = 0
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \| (\S+)$", line)
        if match and match[2] in names:
            total += int(match[1])
    return total / 1e6


def _summary(runs: list[dict]) -> dict:
    heavy = {name for r in runs for name in r["heavy"]}
    return {"total_s": median([r["total_s"] for r in runs]), "wall_s": median([r["wall_s"] for r in runs]),
            "min_total_s": min(r["total_s"] for r in runs), "all_total_s": [r["total_s"] for r in runs],
            "libraries": sorted(heavy), "first_imported_by": runs[0]["first_imported_by"]}


# --------------------------------------------------------------------------- report

def markdown(data: dict) -> str:
    lines = ["# What a notebook run costs, step by step", "",
             "Written by `benchmarks/notebook_steps.py` (see its docstring for what each step is). Seconds, "
             "wall clock, median; the machine has 2 cores shared with other work, so absolute times vary "
             "(the load average is given with each measurement).", ""]
    steps = data.get("steps")
    if steps:
        s = steps["steps"]
        rows = [("kernel start (start, wait until ready)", s["kernel_start_s"]),
                ("imports (the notebook's import statements, in the kernel)", s["imports_s"]),
                ("analysis (every code cell)", s["analysis_s"]),
                ("kernel stop (immediate)", s["kernel_stop_s"]),
                ("rendering (`render_html`, first in the process: it loads nbconvert)", s["render_first_s"])]
        total = sum(sec for _name, sec in rows)
        lines += [f"## Steps: `{steps['notebook']}` on `{steps['study']}` ({steps['language']}), "
                  f"median of {steps['repeat']}", "",
                  f"Load average (1, 5, 15 min) {steps['load_start']} at the start, {steps['load_end']} at the end.",
                  "Each repetition runs in a fresh process, as one `analysis run` does.", "",
                  "| step | seconds | share |", "| --- | ---: | ---: |"]
        lines += [f"| {name} | {sec:.2f} | {sec / total:.0%} |" for name, sec in rows]
        lines += [f"| **sum of the steps** | **{total:.2f}** | 100% |"]
        runs = [r for r in steps.get("analysis_run", []) if r.get("notebook_s") and r.get("imports_s")]
        if runs:
            parts = {"own": median([r["imports_s"] for r in runs]), "notebook": median([r["notebook_s"] for r in runs]),
                     "rest": median([r["wall_s"] - r["imports_s"] - r["notebook_s"] for r in runs]),
                     "whole": median([r["wall_s"] for r in runs])}
            runner = ", ".join(f"{name} {sec:.2f}" for name, sec in list(steps["analysis_run_packages_s"].items())[:5])
            lines += ["", "The whole `analysis run --force --fresh-kernels` of the notebook (its own repetitions, "
                      "each split in its own run, then the median of each part):", "",
                      "| part | seconds | share |", "| --- | ---: | ---: |",
                      f"| the `analysis` process's own imports (`-X importtime`; {runner}) | {parts['own']:.2f} | "
                      f"{parts['own'] / parts['whole']:.0%} |",
                      f"| the notebook, kernel start to stop (the progress line) | {parts['notebook']:.2f} | "
                      f"{parts['notebook'] / parts['whole']:.0%} |",
                      f"| the rest: planning and pre-run checks (they read the study's tables), rendering, "
                      f"fingerprints, manifest, index | {parts['rest']:.2f} | {parts['rest'] / parts['whole']:.0%} |",
                      f"| **whole run** | **{parts['whole']:.2f}** | 100% |"]
            if steps.get("analysis_run_forked_s"):
                lines += [f"| the same run with kernels forked from a warm process (the runner's default; notebook "
                          f"{steps['analysis_run_forked_notebook_s']:.2f}) | {steps['analysis_run_forked_s']:.2f} | |"]
        lines += ["", f"papermill used to write the notebook when every cell started and ended; the runner now "
                  f"writes it once at the end: those writes would add about {s['saves_s']:.2f} s here."]
        lines += ["", f"Rendering again in the same process (nbconvert loaded): {s['render_s']:.2f} s; "
                  f"importing `analysis.report.cli` in a fresh process: {s['cli_import_s']:.2f} s. "
                  f"Inside the kernel (message timestamps): imports {s['imports_kernel_s']:.2f} s, analysis "
                  f"{s['analysis_kernel_s']:.2f} s.", "",
                  "Per repetition (kernel start, imports, analysis, kernel stop, rendering; load at start):", ""]
        for r in steps["repetitions"]:
            lines.append(f"- {r['kernel_start_s']:.2f}, {r['imports_s']:.2f}, {r['analysis_s']:.2f}, "
                         f"{r['kernel_stop_s']:.2f}, {r['render_first_s']:.2f} (load {r['load_start'][0]})")
        lines += ["", "Slowest cells (kernel time):", "", "| cell | first line | seconds |", "| ---: | --- | ---: |"]
        for cell in sorted(steps["cells"], key=lambda c: -(c["kernel_s"] or 0))[:8]:
            lines.append(f"| {cell['index']} | `{cell['first_line'].replace('|', '/')}` | {cell['kernel_s']:.2f} |")
        it = steps["importtime"]
        lines += ["", f"`python -X importtime` of the notebook's imports in a fresh process: {it['total_s']:.2f} s "
                  f"(process wall {it['wall_s']:.2f} s). Self time per top-level package (mean):", "",
                  "| package | seconds | first imported by |", "| --- | ---: | --- |"]
        for name, sec in list(it["packages_s"].items())[:15]:
            lines.append(f"| {name} | {sec:.3f} | {it['first_imported_by'].get(name, '')} |")
        late = sorted(set(steps["loaded_after_run"]) - set(steps["loaded_after_imports"]))
        lines += ["", f"Heavy libraries loaded by the imports: {', '.join(steps['loaded_after_imports'])}.",
                  f"Loaded later, during the analysis: {', '.join(late) or 'none'}."]
        lines += ["", "Versions: " + ", ".join(f"{k} {v}" for k, v in steps["versions"].items() if v), ""]
    imports = data.get("imports")
    if imports:
        base = imports.get("baseline")
        lines += ["## Import time of each notebook's imports" + (f": before (`{base}`) and after" if base else ""), "",
                  f"Fresh `python -X importtime -c \"<the notebook's import statements>\"`, median of "
                  f"{imports['repeat']}, interleaved; load average {imports['load_start']} at the start, "
                  f"{imports['load_end']} at the end. Seconds, importtime's total (the process's wall time is "
                  "in the JSON).", ""]
        head = ("| imports of | before | after | saved (median / min) | what no longer loads would add | libraries no "
                "longer imported |") if base else \
            "| notebook | imports | process | libraries |"
        if base:
            lines += ["The analysis of notebooks 01 and 04 loads what their imports no longer load (scikit-learn "
                            "when 01 fits clusters, statsmodels.api when 04 adjusts a comparison): for them the time "
                            "moves from the import cell into the analysis. The others never load it. The minimum "
                            "of the repetitions is given beside the median: the load of the machine only adds. "
                            "A difference of two totals is noisy; the column before the last is steadier: what "
                            "importing the libraries that no longer load (scikit-learn's cluster, mixture and "
                            "metrics; statsmodels.api; scipy.stats) adds on top of the imports as they are now.",
                            ""]
        lines += [head, "| --- | ---: | ---: | ---: | ---: | --- |" if base else "| --- | ---: | ---: | --- |"]
        for nb, entry in imports["notebooks"].items():
            now = entry["now"]
            if base:
                was = entry["baseline"]
                gone = sorted(set(was["libraries"]) - set(now["libraries"]))
                low_was, low_now = (e.get("min_total_s", e["total_s"]) for e in (was, now))
                lines.append(f"| {nb} | {was['total_s']:.2f} (min {low_was:.2f}) | {now['total_s']:.2f} (min "
                             f"{low_now:.2f}) | {was['total_s'] - now['total_s']:.2f} / {low_was - low_now:.2f} | "
                             f"{entry.get('increment_s', 0.0):.2f} | {', '.join(gone)} |")
            else:
                lines.append(f"| {nb} | {now['total_s']:.2f} | {now['wall_s']:.2f} | {', '.join(now['libraries'])} |")
        lines.append("")
    return "\n".join(lines)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", nargs="?", choices=("steps", "imports", "report", "_one"), default="steps")
    parser.add_argument("--study", default="params/service_demo.yaml", help="study name or YAML path")
    parser.add_argument("--notebook", default="02_clv")
    parser.add_argument("--notebooks", nargs="*", help="imports: these notebooks (default: all)")
    parser.add_argument("--language", default="en")
    parser.add_argument("--kernel", default="service-analytics")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-run", action="store_true", help="steps: skip the whole `analysis run` for comparison")
    parser.add_argument("--baseline", help="imports: a git revision whose src/analysis is measured too (before)")
    parser.add_argument("--out", type=Path, default=RESULTS / "notebook_steps", help="results path without suffix")
    args = parser.parse_args(argv)
    if args.what == "_one":  # a repetition, in the fresh process repetition_in_fresh_process started
        with tempfile.TemporaryDirectory(prefix="notebook_steps_one_") as tmp:
            rep = one_repetition(plan_for(args.study, args.notebook, args.language), Path(tmp), args.kernel)
        args.out.write_text(json.dumps(rep, default=str))
        return
    target = args.out.with_suffix(".json")
    data = json.loads(target.read_text()) if target.is_file() else {}  # each kind of measurement keeps the other
    if args.what != "report":  # "report" only writes the Markdown again from the JSON
        data[args.what] = run_steps(args) if args.what == "steps" else run_imports(args)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(data, indent=1, default=str) + "\n")
    args.out.with_suffix(".md").write_text(markdown(data))
    print(markdown(data))


if __name__ == "__main__":
    main()
