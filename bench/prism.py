"""Stoplight Prism, pinned in bench/node/package-lock.json (installed there by `make bench` with `npm ci`),
serving the same openapi.yaml on a free 127.0.0.1 port: the reference the mock's speed is compared with."""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from contract_tests.support.servers import free_port

ROOT = Path(__file__).resolve().parent.parent
PRISM = ROOT / "bench" / "node" / "node_modules" / ".bin" / "prism"
SPEC = ROOT / "openapi.yaml"
_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class PrismProcess:
    base_url: str
    pid: int
    version: str


def _die_with_parent() -> None:
    """In the child: Linux sends it SIGTERM when the benchmark goes, even one that was killed."""
    ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def version() -> str:
    done = subprocess.run([str(PRISM), "--version"], capture_output=True, text=True, timeout=30, check=True)
    return done.stdout.strip()


def node_version() -> str:
    done = subprocess.run(["node", "--version"], capture_output=True, text=True, timeout=30, check=True)
    return done.stdout.strip()


@contextmanager
def prism_process(log_level: str = "info", startup_timeout: float = 30.0) -> Iterator[PrismProcess]:
    """Yields Prism in static mock mode (request validation on); stops it on exit.

    `info` is Prism's default: a few log lines per request (sent to /dev/null here, its cheapest sink);
    `warn` logs nothing per request."""
    if not PRISM.exists():
        raise RuntimeError(f"{PRISM} is missing: run `make bench` (it installs bench/node with npm ci)")
    port = free_port()
    proc = subprocess.Popen(
        [
            str(PRISM),
            "mock",
            str(SPEC),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--verboseLevel",
            log_level,
        ],
        cwd=ROOT,
        env={**os.environ, "SCARF_ANALYTICS": "false", "DO_NOT_TRACK": "1"},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=_die_with_parent,  # safe: the benchmark starts no threads before this
    )
    try:
        base_url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + startup_timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"Prism exited with code {proc.returncode} before answering")
            try:
                if httpx.post(f"{base_url}/test", auth=("prism", "any"), timeout=1.0).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"Prism did not answer at {base_url} within {startup_timeout:.0f} s")
            time.sleep(0.1)
        yield PrismProcess(base_url, proc.pid, version())
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
