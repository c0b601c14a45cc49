"""Running the real server in a child process, for browser tests, benchmarks and screenshots."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

HOST = "127.0.0.1"


class ServerDidNotStart(RuntimeError):
    """The server exited or did not answer /health in time; the message holds its output."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


SERVE = ("-m", "dashboard", "serve")


@contextmanager
def running_server(*args: str, timeout: float = 60, program: Sequence[str] = SERVE) -> Iterator[str]:
    """Run ``alliance-timeline serve`` with ``args`` on a free local port; yield its URL once /health answers.

    ``program`` runs another server instead (what follows ``python`` on its command line), given
    the same ``--host`` and ``--port`` options; the benchmarks' Dash floor page is one."""
    port = free_port()
    command = [sys.executable, *program, "--host", HOST, "--port", str(port), *args]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://{HOST}:{port}"
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                with urllib.request.urlopen(url + "/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                output = process.stdout.read() if process.stdout else ""
                raise ServerDidNotStart(f"the server did not start: {' '.join(command)}\n{output}")
            time.sleep(0.2)
        yield url
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        if process.stdout:
            process.stdout.close()
