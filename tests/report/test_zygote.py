"""Kernels forked from a warm process (analysis.report.zygote): they start with the heavy libraries
loaded and otherwise as fresh kernels (their own environment, folder and path; nothing of the
package imported), an interrupt reaches them, and killing the stand-in Jupyter manages kills them."""

from __future__ import annotations

import json
import os
import signal
import sys
import time

import nbformat
import pytest

from analysis.report.kernels import KERNEL_NAME, KernelSet, execute_notebook
from analysis.report.zygote import PRELOAD, Zygote

pytestmark = pytest.mark.slow


def _notebook(path, *sources):
    metadata = {"kernelspec": {"name": KERNEL_NAME, "language": "python", "display_name": "Python"}}
    cells = [nbformat.v4.new_code_cell("x = None", metadata={"tags": ["parameters"]})]
    nbformat.write(nbformat.v4.new_notebook(cells=cells + [nbformat.v4.new_code_cell(s) for s in sources],
                                            metadata=metadata), path)
    return path


_PROBE = """import json, os, sys
print(json.dumps({"preloaded": sorted(m for m in %r if m in sys.modules),
                  "analysis": sorted(m for m in sys.modules if m == "analysis" or m.startswith("analysis.")),
                  "matplotlib": "matplotlib" in sys.modules,
                  "lang": os.environ.get("ANALYSIS_LANG"), "cwd": os.getcwd(), "path": sys.path,
                  "pid": os.getpid(), "ppid": os.getppid(), "sid": os.getsid(0) == os.getpid()}))"""


def _probe(tmp_path, zygote, name):
    folder = tmp_path / name
    folder.mkdir()
    source = _notebook(tmp_path / f"{name}.ipynb", _PROBE % (PRELOAD,))
    execute_notebook(source, tmp_path / f"{name}.out.ipynb", parameters={}, cwd=folder,
                     environment={"ANALYSIS_LANG": "zh"}, kernel_name=KERNEL_NAME, timeout=120, kernels=KernelSet(),
                     zygote=zygote)
    output = nbformat.read(tmp_path / f"{name}.out.ipynb", as_version=4).cells[-1].outputs[0]["text"]
    return json.loads(output), folder


def test_a_forked_kernel_has_the_libraries_and_otherwise_starts_as_a_fresh_one(tmp_path):
    fresh, fresh_folder = _probe(tmp_path, None, "fresh")
    with Zygote() as zygote:
        forked, forked_folder = _probe(tmp_path, zygote, "forked")
        again, _ = _probe(tmp_path, zygote, "again")
    assert forked["preloaded"] == sorted(PRELOAD) and fresh["preloaded"] != sorted(PRELOAD)
    for probe, folder in ((fresh, fresh_folder), (forked, forked_folder)):
        assert probe["analysis"] == [] and probe["lang"] == "zh" and probe["cwd"] == str(folder)
        assert probe["sid"]
    assert forked["path"] == fresh["path"], (forked["path"], fresh["path"])
    assert not forked["matplotlib"]
    assert forked["pid"] != again["pid"] and forked["ppid"] == again["ppid"]  # both children of the zygote


def test_killing_the_stand_in_kills_the_forked_kernel_and_the_zygote_stops_with_its_run(tmp_path):
    import subprocess

    with Zygote() as zygote:
        assert zygote.ready
        connection = tmp_path / "kernel.json"
        original = [sys.executable, "-m", "ipykernel_launcher", "-f", str(connection)]
        command = zygote.kernel_command(original)
        assert command[0] == sys.executable and command[1].endswith("zygote.py")
        assert command[2:5] == ["launch", zygote.socket, "--"] and command[5:] == original
        stand_in = subprocess.Popen(command, start_new_session=True)
        deadline = time.monotonic() + 60
        while not connection.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert connection.exists()  # the forked kernel wrote its connection file
        kernel = _kernel_pid(stand_in.pid)
        stand_in.kill()
        stand_in.wait()
        _wait_gone(kernel)
    assert zygote._process.poll() is not None  # the zygote ended with the block


def test_a_command_that_is_not_this_pythons_ipykernel_starts_the_ordinary_way():
    with Zygote() as zygote:
        assert zygote.kernel_command(["/usr/bin/other-python", "-m", "ipykernel_launcher", "-f", "c.json"]) == [
            "/usr/bin/other-python", "-m", "ipykernel_launcher", "-f", "c.json"]
        assert zygote.kernel_command(["R", "--slave"]) == ["R", "--slave"]
        assert zygote._process is None  # asked for nothing it serves: never started
    assert Zygote(enabled=False).kernel_command([sys.executable, "-m", "ipykernel_launcher"])[0] == sys.executable


def _kernel_pid(stand_in: int) -> int:
    """The forked kernel: the process whose session is its own and whose command line is the zygote's."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        for entry in os.listdir("/proc"):
            if entry.isdigit() and int(entry) != stand_in:
                try:
                    with open(f"/proc/{entry}/cmdline", "rb") as fh:
                        cmdline = fh.read().split(b"\0")
                except OSError:
                    continue
                if b"serve" in cmdline and any(part.endswith(b"zygote.py") for part in cmdline) and \
                        os.getsid(int(entry)) == int(entry) and _parent(int(entry)) != os.getpid():
                    return int(entry)
        time.sleep(0.1)
    raise AssertionError("no forked kernel found")


def _parent(pid: int) -> int:
    with open(f"/proc/{pid}/stat") as fh:
        return int(fh.read().rsplit(")", 1)[1].split()[1])


def _wait_gone(pid: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/stat") as fh:
                if fh.read().rsplit(")", 1)[1].split()[0] == "Z":
                    return  # exited, waiting to be reaped
        except FileNotFoundError:
            return
        time.sleep(0.1)
    os.kill(pid, signal.SIGKILL)
    raise AssertionError(f"kernel {pid} still runs after its stand-in was killed")
