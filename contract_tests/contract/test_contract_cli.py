"""`make contract` (the schemathesis CLI with this project's checks) against a mock started here.

It is the command other teams point at their own environment, so it is run as they would run it:
through make, over real HTTP, and judged by its exit code and its JUnit report.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from contract_tests.support.credentials import API_SECRET, PUBLIC_ID
from contract_tests.support.servers import free_port
from spec_tools import REPO_ROOT, load_spec, operations

# The schemathesis CLI in a subprocess against a mock on a real port.
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def mock_url() -> Iterator[str]:
    port = free_port()
    command = [sys.executable, "-m", "mock_server", "--port", str(port), "--public-id", PUBLIC_ID]
    process = subprocess.Popen(
        [*command, "--api-secret", API_SECRET, "--log-level", "warning"],
        cwd=REPO_ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"{url}/", timeout=1.0)
                break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the mock did not start: {process.stderr!r}") from None
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def _make_contract(url: str, secret: str, reports: Path) -> subprocess.CompletedProcess[str]:
    arguments = [f"URL={url}", f"PUBLIC_ID={PUBLIC_ID}", f"API_SECRET={secret}"]
    return subprocess.run(
        [
            "make",
            "--no-print-directory",
            "contract",
            *arguments,
            "CONTRACT_EXAMPLES=5",
            f"CONTRACT_REPORTS={reports}",
        ],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "MAKEFLAGS": ""},
    )


def test_contract_run_against_the_mock_passes_with_a_junit_report(mock_url: str, tmp_path: Path) -> None:
    result = _make_contract(mock_url, API_SECRET, tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
    suite = ET.parse(tmp_path / "junit.xml").getroot()
    counts = {name: int(suite.get(name, "0")) for name in ("tests", "failures", "errors")}
    if suite.tag == "testsuites":
        counts = {name: sum(int(s.get(name, "0")) for s in suite) for name in ("tests", "failures", "errors")}
    every = len(operations(load_spec()))
    assert counts["tests"] >= every, counts
    assert counts["failures"] == 0 and counts["errors"] == 0, counts
    assert f"Operations:       {every} selected / {every} total" in output
    assert API_SECRET not in output


def test_contract_run_with_wrong_credentials_fails_clearly(mock_url: str, tmp_path: Path) -> None:
    wrong = f"wrong-{secrets.token_hex(8)}"
    result = _make_contract(mock_url, wrong, tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "refused the credentials" in output
    assert wrong not in output
    assert not (tmp_path / "junit.xml").exists()
