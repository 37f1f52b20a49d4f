"""The manifest of a study's reports: what ran, on which data and code, and how it went.

``reports/<study>/manifest.json`` holds the study's name, title, file and observation
window (as the study file sets it; each notebook's page says the dates it used), and one
entry per notebook (the last run of it): status, UTC start time, duration,
injected parameters, input files with SHA-256, package versions, Python version,
git commit, outputs (tables, figures, findings), the run date its notebooks saw
(``run_date``) and the run that wrote it (``run``), and, for a failure or an
interruption (status ``"failed"`` or ``"interrupted"``), the error and the failing
cell, plus ``last_good`` (the entry of the last successful run, whose report files
are kept). A notebook whose inputs the study does not have is ``"skipped"``, with the
``reason`` (see :mod:`analysis.report.requirements`); a run stopped by the pre-run
check (bad data, a column the table lacks) is ``"failed"`` with that error, no cell and
``"before_run": true``.

Entries are read, changed and written by one run at a time (the runner holds the
reports folder's lock) and the file is replaced atomically, so no entry is lost.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import platform
import subprocess
import sys
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path
from typing import Any

from analysis.findings import verify_outputs

__all__ = [
    "INTERRUPTED",
    "SKIPPED",
    "KEY_PACKAGES",
    "MANIFEST_NAME",
    "code_sha256",
    "collect_outputs",
    "environment",
    "file_records",
    "last_good",
    "run_fingerprint",
    "read_manifest",
    "study_record",
    "utc_now",
    "write_entry",
    "write_manifest",
]

MANIFEST_NAME = "manifest.json"
INTERRUPTED = "interrupted"  # the status of a notebook stopped by Ctrl-C (besides "ok" and "failed")
SKIPPED = "skipped"  # a notebook whose inputs the study does not have; its entry's "reason" says which
SCHEMA_VERSION = 1
KEY_PACKAGES = (
    "service-analytics", "numpy", "pandas", "scipy", "statsmodels", "scikit-learn", "matplotlib",
    "seaborn", "pandera", "pyarrow", "papermill", "nbconvert", "ipykernel",
)


def utc_now() -> str:
    """The current UTC time as ISO 8601 text, to the second.

    Examples
    --------
    >>> utc_now().endswith("+00:00")
    True
    """
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def environment(project_dir: str | Path | None = None) -> dict[str, Any]:
    """Python version, platform, key package versions and the project's git commit.

    The commit is None where git or the repository is absent; ``git_dirty`` says
    whether tracked files had uncommitted changes.

    Examples
    --------
    >>> sorted(environment())[:3]
    ['git_commit', 'git_dirty', 'packages']
    """
    packages = {}
    for name in KEY_PACKAGES:
        try:
            packages[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            packages[name] = None
    commit = _git(project_dir, "rev-parse", "HEAD")
    status = _git(project_dir, "status", "--porcelain", "--untracked-files=no") if commit else None
    return {
        "git_commit": commit,
        "git_dirty": bool(status) if commit else None,
        "packages": packages,
        "platform": platform.platform(),
        "python": sys.version.split()[0],
    }


def _git(cwd: str | Path | None, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=10, check=True)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip()


def file_records(paths: Iterable[str | Path]) -> list[dict[str, Any]]:
    """``{"path", "bytes", "sha256"}`` for each file (None values for a missing file).

    Examples
    --------
    >>> file_records([])
    []
    """
    from analysis.io import sha256_file

    records = []
    for path in paths:
        path = Path(path)
        exists = path.is_file()
        records.append({
            "path": str(path),
            "bytes": path.stat().st_size if exists else None,
            "sha256": sha256_file(path) if exists else None,
        })
    return records


def code_sha256(package_dir: str | Path | None = None) -> str:
    """SHA-256 over the package's Python files (relative path and bytes of every
    ``*.py`` under *package_dir*, in sorted order): it changes whenever any code a
    notebook can call changes.

    Parameters
    ----------
    package_dir : str or Path, optional
        Default: the installed ``analysis`` package.

    Examples
    --------
    >>> len(code_sha256())
    64
    """
    root = Path(package_dir) if package_dir is not None else Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def run_fingerprint(
    *,
    notebook_sha256: str | None,
    study_sha256: str | None,
    input_files: list[dict[str, Any]],
    parameters: dict[str, Any],
    code: str,
    environment: dict[str, Any],
    run_date: str | None = None,
    language: str = "en",
) -> dict[str, Any]:
    """What a notebook's results depend on, and one SHA-256 over all of it.

    Two runs with the same ``sha256`` executed the same notebook file with the same
    study file, input files (by content), parameters, package code, Python and key
    package versions; the runner then reuses the first run's results. *run_date*
    (``YYYY-MM-DD``) is part of it when given: the runner passes it for a study whose
    results depend on the day they are made (one that drops rows dated after it).
    *language* is part of it for an edition other than English (the narrative and
    every generated word differ).

    Examples
    --------
    >>> fp = run_fingerprint(notebook_sha256="a", study_sha256="b", input_files=[],
    ...                      parameters={"top_n": 5}, code="c", environment={})
    >>> sorted(fp)[:3], len(fp["sha256"])
    (['code_sha256', 'input_sha256', 'notebook_sha256'], 64)
    >>> run_fingerprint(notebook_sha256="a", study_sha256="b", input_files=[], parameters={}, code="c",
    ...                 environment={}, run_date="2024-06-30")["run_date"]
    '2024-06-30'
    """
    parts = {
        "notebook_sha256": notebook_sha256,
        "study_sha256": study_sha256,
        "input_sha256": [f.get("sha256") for f in input_files],
        "parameters": parameters,
        "code_sha256": code,
        "python": environment.get("python"),
        "packages": environment.get("packages"),
    }
    if run_date is not None:  # absent otherwise, so other studies' fingerprints stay as they were
        parts["run_date"] = run_date
    if language != "en":
        parts["language"] = language
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return {**parts, "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}


def study_record(study: Any, language: str = "en") -> dict[str, Any]:
    """The manifest's description of a study: name, title, description (in the edition's *language*),
    file and window.

    ``window`` is the study's :class:`analysis.window.Window` as plain values
    (``Window.as_dict()``): ``observation_end`` None means "the day of the last
    transaction in the data".

    Examples
    --------
    >>> from analysis.study import load_study
    >>> study_record(load_study("cdnow"))["window"]["calibration_end"]  # doctest: +SKIP
    '1997-09-30'
    """
    return {
        "study": study.name,
        "title": study.text_in(language),
        "description": study.text_in(language, "description"),
        "study_file": str(study.path),
        "window": study.window.as_dict(),
    }


def read_manifest(study_dir: str | Path) -> dict[str, Any] | None:
    """The manifest in *study_dir*, or None if absent or unreadable.

    Examples
    --------
    >>> read_manifest("/nonexistent") is None
    True
    """
    path = Path(study_dir) / MANIFEST_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def write_manifest(study_dir: str | Path, manifest: dict[str, Any]) -> Path:
    """Write *manifest* to ``<study_dir>/manifest.json`` atomically.

    Examples
    --------
    >>> write_manifest("reports/cdnow", {"study": "cdnow", "notebooks": {}})  # doctest: +SKIP
    PosixPath('reports/cdnow/manifest.json')
    """
    from analysis.io import write_text_atomic

    path = Path(study_dir) / MANIFEST_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    manifest = {"schema": SCHEMA_VERSION, **manifest}
    write_text_atomic(path, json.dumps(manifest, indent=2, ensure_ascii=False, default=str) + "\n")
    return path


def write_entry(study_dir: str | Path, record: dict[str, Any], notebook: str, entry: dict[str, Any]) -> Path:
    """Set one notebook's entry in the study's manifest, keeping every other entry.

    Reads the manifest, replaces the entry of *notebook*, refreshes the study's
    *record* (:func:`study_record`) and writes it atomically; call it while holding
    the reports folder's lock (:func:`analysis.report.lock.reports_lock`).

    Examples
    --------
    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> _ = write_entry(folder, {"study": "x"}, "b", {"status": "ok"})
    >>> _ = write_entry(folder, {"study": "x"}, "a", {"status": "failed"})
    >>> sorted(read_manifest(folder)["notebooks"])
    ['a', 'b']
    """
    manifest = read_manifest(study_dir) or {}
    notebooks = dict(manifest.get("notebooks") or {})
    notebooks[notebook] = entry
    return write_manifest(study_dir, {**record, "updated": utc_now(), "notebooks": dict(sorted(notebooks.items()))})


def last_good(previous: dict[str, Any] | None) -> dict[str, Any] | None:
    """The last successful entry behind *previous*: itself if it was ok, else the one it kept.

    Examples
    --------
    >>> last_good({"status": "failed", "last_good": {"status": "ok", "html": "a.html"}})
    {'status': 'ok', 'html': 'a.html'}
    >>> last_good(None) is None
    True
    """
    if not previous:
        return None
    good = previous if previous.get("status") == "ok" else previous.get("last_good")
    return {k: v for k, v in good.items() if k != "last_good"} if good else None


def collect_outputs(out_dir: str | Path, notebook: str) -> dict[str, Any]:
    """The tables, figures, findings and checks a notebook recorded in ``<out_dir>/outputs.json``,
    with paths relative to the study's folder (``<notebook>/tables/x.csv``), and
    ``citation_problems``: each cited value that its written table does not hold
    (:func:`analysis.findings.verify_outputs`; empty when all agree).

    Examples
    --------
    >>> collect_outputs("/nonexistent", "00_data_overview")
    {'tables': {}, 'figures': {}, 'findings': {}, 'checks': {}, 'citation_problems': []}
    """
    try:
        records = json.loads((Path(out_dir) / "outputs.json").read_text(encoding="utf-8"))
        problems = verify_outputs(out_dir)
    except (OSError, ValueError):
        records, problems = {}, []
    prefix = lambda rec: {k: (f"{notebook}/{v}" if k == "path" and v else v) for k, v in rec.items()}  # noqa: E731
    return {
        "tables": {n: prefix(r) for n, r in records.get("tables", {}).items()},
        "figures": {n: prefix(r) for n, r in records.get("figures", {}).items()},
        "findings": dict(records.get("findings", {})),
        "checks": dict(records.get("checks", {})),
        "citation_problems": problems,
    }
