"""Starts `bench.serve` on a free 127.0.0.1 port and waits until it answers."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from contract_tests.support.servers import free_port
from mock_server import DEFAULT_API_SECRET, DEFAULT_PUBLIC_ID

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class MockProcess:
    base_url: str
    pid: int


def _wait_ready(base_url: str, proc: subprocess.Popen[str], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    auth = (DEFAULT_PUBLIC_ID, DEFAULT_API_SECRET)
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"the mock exited with code {proc.returncode} before answering")
        try:
            if httpx.post(f"{base_url}/test", auth=auth, timeout=1.0).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"the mock did not answer at {base_url} within {timeout:.0f} s")
        time.sleep(0.05)


def stop_child(proc: subprocess.Popen[str]) -> None:
    """A child that serves until its stdin closes: close it, then wait, and terminate one that lingers."""
    if proc.stdin is not None:
        proc.stdin.close()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.terminate()
        proc.wait(timeout=5)


def child_env() -> dict[str, str]:
    """The environment of a child Python: the repository and the generated client importable."""
    paths = [str(ROOT), str(ROOT / "generated_client"), os.environ.get("PYTHONPATH", "")]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, paths))}


def reset(base_url: str) -> None:
    """Empties the mock's state (transactions, stored answers), so each measurement starts alike."""
    response = httpx.post(
        f"{base_url}/__mock__/reset", auth=(DEFAULT_PUBLIC_ID, DEFAULT_API_SECRET), timeout=10
    )
    response.raise_for_status()


@contextmanager
def mock_process(
    startup_timeout: float = 20.0, profile: Path | None = None, module: str = "bench.serve"
) -> Iterator[MockProcess]:
    """Yields the running mock; closes its stdin (it stops itself) and waits for it on exit.

    With `profile`, the mock runs under cProfile and writes its stats there when it stops. `module`: another
    server with the same command line (`bench.floor`)."""
    port = free_port()
    extra = [] if profile is None else ["--profile", str(profile)]
    proc = subprocess.Popen(
        [sys.executable, "-m", module, str(port), *extra],
        cwd=ROOT,
        env=child_env(),
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    try:
        base_url = f"http://127.0.0.1:{port}"
        _wait_ready(base_url, proc, startup_timeout)
        yield MockProcess(base_url, proc.pid)
    finally:
        stop_child(proc)
