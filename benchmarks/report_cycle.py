"""Time the whole report cycle: every notebook of both bundled studies, one after another and side by side.

Each measurement is ``analysis run --force --study service_demo --study cdnow --jobs J [--lang L]``
in a fresh process into a fresh reports folder, as a scheduled regeneration runs it, after one
untimed warm-up run (so the environment is warm: files cached, kernel installed, bytecode
compiled). It records the wall time, the CPU time of the run and its kernels, each notebook's
own duration from the manifests and the load average before and after (the machine is shared:
compare within one run). The sites of ``--jobs 1`` and ``--jobs 2`` are then compared: every
CSV table, figure and findings file must be byte-identical.

Run::

    .venv/bin/python benchmarks/report_cycle.py                  # en: --jobs 1 and 2; all: --jobs 1 and 2
    .venv/bin/python benchmarks/report_cycle.py --langs en --repeat 3

Results: ``benchmarks/results/report_cycle.{json,md}``. This script's job is to report, so it prints.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"
STUDIES = ("service_demo", "cdnow")
GOAL_SECONDS = 45.0  # issue 18: both bundled studies, one language, --force, warm, 2 cores


def run_cycle(reports: Path, jobs: int, lang: str | None, fork: bool = True) -> dict:
    """One ``analysis run`` in a child process: wall and CPU seconds, per-notebook durations."""
    args = [sys.executable, "-m", "analysis", "run", "--force", "--jobs", str(jobs), "--reports-dir", str(reports)]
    if not fork:
        args.append("--fresh-kernels")
    for study in STUDIES:
        args += ["--study", study]
    if lang:
        args += ["--lang", lang]
    load_before = os.getloadavg()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"analysis run failed ({done.returncode}):\n{done.stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"jobs": jobs, "lang": lang or "en", "kernels": "forked" if fork else "fresh", "seconds": round(wall, 2), "cpu_seconds": round(cpu, 2),
            "load_before": [round(x, 2) for x in load_before], "load_after": [round(x, 2) for x in os.getloadavg()],
            "notebooks": _durations(reports)}


def _durations(reports: Path) -> dict[str, float]:
    out = {}
    for manifest in sorted(reports.rglob("manifest.json")):
        data = json.loads(manifest.read_text(encoding="utf-8"))
        edition = manifest.parent.parent.relative_to(reports).as_posix()
        for nb, entry in (data.get("notebooks") or {}).items():
            key = f"{'' if edition == '.' else edition + '/'}{data.get('study')}/{nb}"
            out[key] = entry.get("duration_s")
    return out


def _outputs(reports: Path) -> dict[str, str]:
    """SHA-256 of every table, figure and findings file of a reports folder."""
    return {p.relative_to(reports).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(reports.rglob("*"))
            if p.is_file() and (p.suffix in (".csv", ".png") or p.name == "findings.json")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--langs", nargs="+", default=["en", "all"], help="editions: en, all (en and zh)")
    parser.add_argument("--jobs", nargs="+", type=int, default=[1, 2])
    parser.add_argument("--repeat", type=int, default=1, help="runs per setting (the median is reported)")
    parser.add_argument("--no-warmup", action="store_true")
    parser.add_argument("--fresh", action="store_true",
                        help="also run English with fresh kernels (--fresh-kernels) at each --jobs")
    options = parser.parse_args()

    settings = [(lang, jobs, True) for lang in options.langs for jobs in options.jobs]
    if options.fresh:
        settings = [("en", jobs, False) for jobs in options.jobs] + settings
    runs, identical = [], {}
    with tempfile.TemporaryDirectory(prefix="report_cycle_") as tmp:
        if not options.no_warmup:
            print("warm-up run ...", flush=True)
            run_cycle(Path(tmp) / "warmup", max(options.jobs), "en")
        sites: dict[str, list] = {}
        for lang, jobs, fork in settings:
            for i in range(options.repeat):
                folder = Path(tmp) / f"{lang}-jobs{jobs}-{'forked' if fork else 'fresh'}-{i}"
                result = run_cycle(folder, jobs, None if lang == "en" else lang, fork)
                runs.append(result)
                if i == 0:
                    sites.setdefault(lang, []).append(_outputs(folder))
                print(f"{lang} --jobs {jobs} {result['kernels']}: {result['seconds']:.1f} s wall, "
                      f"{result['cpu_seconds']:.1f} s CPU, load {result['load_before'][0]} -> {result['load_after'][0]}",
                      flush=True)
        for lang, outputs in sites.items():
            first, *others = outputs
            identical[lang] = {"files": len(first), "runs": len(outputs),
                               "identical": all(site == first for site in others)}
    facts = {"machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()},
             "studies": list(STUDIES), "runs": runs, "outputs_identical_across_jobs": identical}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "report_cycle.json").write_text(json.dumps(facts, indent=1) + "\n", encoding="utf-8")
    (RESULTS / "report_cycle.md").write_text(_markdown(facts), encoding="utf-8")
    print((RESULTS / "report_cycle.md").read_text(encoding="utf-8"))


def _median(values: list[float]) -> float:
    values = sorted(values)
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


def _markdown(facts: dict) -> str:
    runs = facts["runs"]
    lines = ["# The report cycle: both bundled studies, every notebook", "",
             f"Machine: {facts['machine']['cpus']} CPUs, Python {facts['machine']['python']}. "
             "`analysis run --force` in a fresh process after a warm-up run; seconds are wall time (median of the "
             "runs of a setting), CPU is the run's process and its kernels together. Load averages (1 minute) "
             "before and after each run: the machine is shared, so compare within this run.", "",
             "| editions | notebooks | --jobs | kernels | seconds | CPU seconds | load before -> after |",
             "| --- | ---: | ---: | --- | ---: | ---: | --- |"]
    settings = list(dict.fromkeys((r["lang"], r["jobs"], r["kernels"]) for r in runs))
    for lang, jobs, kernels in settings:
        same = [r for r in runs if (r["lang"], r["jobs"], r["kernels"]) == (lang, jobs, kernels)]
        loads = ", ".join(f"{r['load_before'][0]} -> {r['load_after'][0]}" for r in same)
        lines.append(f"| {'English' if lang == 'en' else 'English and Chinese'} | {len(same[0]['notebooks'])} | {jobs} "
                     f"| {kernels} | {_median([r['seconds'] for r in same]):.1f} "
                     f"| {_median([r['cpu_seconds'] for r in same]):.1f} | {loads} |")
    en_parallel = [r["seconds"] for r in runs if r["lang"] == "en" and r["jobs"] == 2 and r["kernels"] == "forked"]
    if en_parallel:
        met = "met" if _median(en_parallel) < GOAL_SECONDS else "NOT met"
        lines += ["", f"Goal (issue 18): one language, both studies, under {GOAL_SECONDS:.0f} s on 2 cores: "
                      f"{_median(en_parallel):.1f} s with --jobs 2, {met}."]
    lines += ["", "Tables, figures and findings of every setting of an edition (SHA-256 of every file):", ""]
    for lang, same in facts["outputs_identical_across_jobs"].items():
        lines.append(f"- {lang}: {same['files']} files in each of {same['runs']} settings, "
                     f"{'identical' if same['identical'] else 'DIFFERENT'}")
    lines += ["", "## Each notebook (seconds, from the manifests; the last run of each setting)", "",
              "| notebook | " + " | ".join(f"{lang} --jobs {jobs} {kernels}" for lang, jobs, kernels in settings) + " |",
              "| --- |" + " ---: |" * len(settings)]
    last = {s: [r for r in runs if (r["lang"], r["jobs"], r["kernels"]) == s][-1]["notebooks"] for s in settings}
    for nb in sorted({nb for durations in last.values() for nb in durations}):
        cells = " | ".join(f"{last[s][nb]:.1f}" if last[s].get(nb) is not None else "" for s in settings)
        lines.append(f"| {nb} | {cells} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
