"""The conda environment file and pyproject.toml must name the same packages,
and constraints.txt must pin every one of them."""

from __future__ import annotations

import re
import tomllib

import yaml

# conda-forge names that differ from PyPI names
_CONDA_TO_PYPI = {"pyyaml": "pyyaml"}


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ;]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _pyproject(project_root) -> set[str]:
    meta = tomllib.loads((project_root / "pyproject.toml").read_text())["project"]
    reqs = meta["dependencies"] + [r for extra in meta["optional-dependencies"].values() for r in extra]
    return {_name(r) for r in reqs}


def test_environment_yml_names_the_same_packages(project_root):
    env = yaml.safe_load((project_root / "environment.yml").read_text())
    conda = {_CONDA_TO_PYPI.get(_name(d), _name(d)) for d in env["dependencies"] if isinstance(d, str)}
    conda -= {"python", "pip"}
    pyproject = _pyproject(project_root)
    assert conda == pyproject, (
        f"only in environment.yml: {sorted(conda - pyproject)}; "
        f"only in pyproject.toml: {sorted(pyproject - conda)}"
    )


def test_constraints_pin_every_dependency(project_root):
    pins = {}
    for line in (project_root / "constraints.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            pins[_name(name)] = version
    unpinned = sorted(p for p in _pyproject(project_root) if p not in pins)
    assert not unpinned, f"add exact versions for {unpinned} to constraints.txt (make constraints)"
