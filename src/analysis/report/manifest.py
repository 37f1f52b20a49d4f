"""The manifest of a study's reports: what ran, on which data and code, and how it went.

``reports/<study>/manifest.json`` holds the study's name, title, file and observation
window (as the study file sets it; each notebook's page says the dates it used), and one
entry per notebook (the last run of it): status, UTC start time, duration,
injected parameters, input files with SHA-256, package versions, Python version,
git commit, outputs (tables, figures, findings) and, for a failure, the error and
the failing cell, plus ``last_good`` (the entry of the last successful run, whose
report files are kept).
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

__all__ = [
    "KEY_PACKAGES",
    "MANIFEST_NAME",
    "code_sha256",
    "environment",
    "file_records",
    "run_fingerprint",
    "read_manifest",
    "study_record",
    "utc_now",
    "write_manifest",
]

MANIFEST_NAME = "manifest.json"
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
) -> dict[str, Any]:
    """What a notebook's results depend on, and one SHA-256 over all of it.

    Two runs with the same ``sha256`` executed the same notebook file with the same
    study file, input files (by content), parameters, package code, Python and key
    package versions; the runner then reuses the first run's results.

    Examples
    --------
    >>> fp = run_fingerprint(notebook_sha256="a", study_sha256="b", input_files=[],
    ...                      parameters={"top_n": 5}, code="c", environment={})
    >>> sorted(fp)[:3], len(fp["sha256"])
    (['code_sha256', 'input_sha256', 'notebook_sha256'], 64)
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
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return {**parts, "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}


def study_record(study: Any) -> dict[str, Any]:
    """The manifest's description of a study: name, title, description, file and window.

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
        "title": study.title,
        "description": study.description,
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
