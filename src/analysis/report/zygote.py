"""Kernels forked from one warm process: the heavy libraries are imported once per run, not once per notebook.

Every notebook of a run imports numpy, pandas, scipy, statsmodels and scikit-learn, and its
kernel imports IPython and ipykernel: about two seconds of CPU per notebook on this project's
machine, a third of a short notebook's run, spent again by every kernel. A :class:`Zygote` is a
process started once per run that imports those libraries and then waits; each kernel is forked
from it, so it starts with them already loaded (copy-on-write memory) and otherwise as a fresh
kernel: no notebook code ever ran in the zygote, and the package itself (``analysis``, which reads
the kernel's environment) and matplotlib (which the kernel's inline backend configures) are
imported by the kernel as before.

Jupyter still manages an ordinary child process: the kernel command becomes
``python zygote.py launch SOCKET -- <kernel command>``, a small stand-in (standard library only)
that asks the zygote for a kernel with its environment, working folder and standard streams,
passes signals on to it (interrupt, terminate) and exits with its exit code; when the stand-in is
killed, the kernel notices (a pipe only the stand-in holds closes) and exits too. The zygote is
single-threaded when it forks. Where the kernel command is not this interpreter running
``ipykernel_launcher``, kernels start the ordinary way.

This file runs as a script (``serve`` and ``launch``), so neither process imports the package.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

__all__ = ["PRELOAD", "Zygote"]

#: imported once in the zygote: what every notebook's kernel imports anyway and that reads no
#: setting of the kernel's (the analysis package reads ANALYSIS_LANG; matplotlib's backend is
#: set by the kernel), so a forked kernel is the same as a fresh one
PRELOAD = ("numpy", "pandas", "scipy.stats", "scipy.optimize", "scipy.special", "statsmodels.api", "sklearn",
           "IPython", "ipykernel.kernelapp")
_SCRIPT = Path(__file__).resolve()


class Zygote:
    """The warm process of one run; :meth:`kernel_command` turns a kernel command into its stand-in.

    Use as a context manager: the zygote starts with the first kernel asked for (a run that
    reuses every notebook starts none) and stops, with any kernel it forked that still runs,
    when the block ends. If it cannot start, :attr:`ready` is False and kernels start the
    ordinary way.
    """

    def __init__(self, enabled: bool = True) -> None:
        self._folder = tempfile.mkdtemp(prefix="analysis-zygote-")
        self.socket = os.path.join(self._folder, "zygote.sock")
        self._process: subprocess.Popen | None = None
        self._lock = threading.Lock()
        self._ready: bool | None = None if enabled else False  # None: it starts with the first kernel

    def __enter__(self) -> Zygote:
        return self

    def __exit__(self, *exc) -> None:
        with self._lock:
            self._ready = False
            if self._process is not None:
                self._process.stdin.close()  # the zygote stops its kernels and exits when its stdin closes
                try:
                    self._process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self._process.kill()
                    self._process.wait()
        for name in os.listdir(self._folder):
            os.unlink(os.path.join(self._folder, name))
        os.rmdir(self._folder)

    @property
    def ready(self) -> bool:
        """Start the zygote if it has not started (it imports :data:`PRELOAD`); whether it serves."""
        with self._lock:
            if self._ready is None:
                try:
                    # JPY_PARENT_PID as Jupyter sets it for a kernel: ipykernel reads it when imported
                    self._process = subprocess.Popen([sys.executable, str(_SCRIPT), "serve", self.socket],
                                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                                     env={**os.environ, "JPY_PARENT_PID": str(os.getpid())},
                                                     start_new_session=True)  # Ctrl-C goes to the run, not here
                    self._ready = self._process.stdout.readline().strip() == "ready"
                except OSError:
                    self._ready = False
            return self._ready

    def kernel_command(self, command: list[str]) -> list[str]:
        """*command* run through the zygote, or unchanged where it is not this Python's ipykernel."""
        if len(command) < 3 or "ipykernel_launcher" not in command:
            return command
        try:
            same_python = os.path.samefile(command[0], sys.executable)
        except OSError:
            same_python = False
        if not same_python or not self.ready:
            return command
        return [sys.executable, str(_SCRIPT), "launch", self.socket, "--", *command]


def _serve(path: str) -> None:
    """Import :data:`PRELOAD`, then fork a kernel for each request until stdin closes."""
    import importlib
    import selectors

    sys.path.pop(0)  # this script's folder (ipykernel_launcher drops the first entry too; IPython adds "")
    for name in PRELOAD:
        importlib.import_module(name)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(16)
    children: dict[int, socket.socket] = {}
    events = selectors.DefaultSelector()
    events.register(server, selectors.EVENT_READ, "request")
    events.register(sys.stdin, selectors.EVENT_READ, "stop")
    print("ready", flush=True)
    while True:
        for key, _ in events.select(timeout=0.2):
            if key.data == "stop":
                for pid in children:
                    _kill(pid)
                return
            conn, _ = server.accept()
            request, fds = _receive(conn)
            pid = os.fork()
            if pid == 0:
                events.close()
                server.close()
                for other in [conn, *children.values()]:
                    other.close()
                _become_kernel(request, fds)
            for fd in fds:
                os.close(fd)
            conn.sendall(f"{pid}\n".encode())
            children[pid] = conn
        while children:  # tell each stand-in how its kernel ended
            pid, status = os.waitpid(-1, os.WNOHANG)
            if pid == 0:
                break
            conn = children.pop(pid, None)
            if conn is not None:
                try:
                    conn.sendall(f"exit {os.waitstatus_to_exitcode(status)}\n".encode())
                except OSError:
                    pass
                conn.close()


def _receive(conn: socket.socket) -> tuple[dict, list[int]]:
    data, fds, _, _ = socket.recv_fds(conn, 1 << 16, 4)
    while not data.endswith(b"\n"):
        more = conn.recv(1 << 16)
        if not more:
            break
        data += more
    return json.loads(data), list(fds)


def _become_kernel(request: dict, fds: list[int]) -> None:
    """In the forked child: take the stand-in's streams, environment and folder, run the kernel."""
    status = 1
    try:
        os.setsid()
        stdin, stdout, stderr, life = fds
        for fd, target in ((stdin, 0), (stdout, 1), (stderr, 2)):
            os.dup2(fd, target)
            os.close(fd)
        os.environ.clear()
        os.environ.update(request["env"])
        os.chdir(request["cwd"])
        # pandas chose display.max_columns when the zygote imported it: 0 (fit the terminal) outside
        # a kernel, 20 in one; this process is a kernel
        sys.modules["pandas"].set_option("display.max_columns", 20)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)

        def die_with_stand_in() -> None:
            while os.read(life, 1):
                pass
            os._exit(1)  # the stand-in is gone (killed): so is this kernel

        threading.Thread(target=die_with_stand_in, daemon=True).start()
        sys.argv = [sys.argv[0], *request["args"]]
        from ipykernel.kernelapp import IPKernelApp

        IPKernelApp.launch_instance(argv=request["args"])
        status = 0
    except SystemExit as exc:
        status = exc.code if isinstance(exc.code, int) else 0
    except BaseException:  # noqa: BLE001 - the kernel's own failure: say it where the kernel's output goes
        import traceback

        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)


def _launch(path: str, command: list[str]) -> int:
    """The stand-in: ask the zygote for a kernel, pass signals on, exit with its code."""
    args = command[command.index("ipykernel_launcher") + 1:]
    read_end, write_end = os.pipe()
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        conn.connect(path)
        request = {"args": args, "env": dict(os.environ), "cwd": os.getcwd()}
        socket.send_fds(conn, [json.dumps(request).encode() + b"\n"], [0, 1, 2, read_end])
    except OSError:  # no zygote: run the kernel command itself
        os.close(read_end)
        os.close(write_end)
        return subprocess.call(command)
    os.close(read_end)
    replies = conn.makefile("r")
    pid = int(replies.readline())
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT, signal.SIGHUP):
        signal.signal(signum, lambda number, frame: _signal(pid, number))
    while True:
        line = replies.readline()
        if not line:  # the zygote is gone
            _kill(pid)
            return 1
        if line.startswith("exit "):
            return int(line.split()[1])


def _signal(pid: int, signum: int) -> None:
    try:
        os.kill(pid, signum)
    except ProcessLookupError:
        pass


def _kill(pid: int) -> None:
    _signal(pid, signal.SIGKILL)


if __name__ == "__main__":
    if sys.argv[1] == "serve":
        _serve(sys.argv[2])
    elif sys.argv[1] == "launch":
        sys.exit(_launch(sys.argv[2], sys.argv[sys.argv.index("--") + 1:]))
