"""What a fresh mock and client per test cost a consumer's suite: pytest runs of N tests that each take the
plugin's `cloudpayments_client` fixture (a fresh in-process mock and a client pointed at it), beside N empty
tests, in fresh processes, with the mock as its wheel installs it (`cloudpayments_mock`, staged from this
checkout by the build hook's own code) and nothing of this checkout on the path but the client package.

The added cost per test is (the fixture run - the empty run) / N, medians of alternating runs.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Final

from bench.metrics import Measurement
from contract_tests.support.mock_wheel import staged_mock_package
from spec_tools import REPO_ROOT

TESTS: Final = 100
RUNS: Final = 5
FIXTURE_TEST: Final = """
def test_{n}(cloudpayments_client):
    assert cloudpayments_client.public_id
"""
EMPTY_TEST: Final = """
def test_{n}():
    pass
"""


def _run_seconds(folder: Path, module: str, env: dict[str, str]) -> float:
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "-p",
        "cloudpayments_mock.pytest_plugin",
    ]
    start = time.perf_counter()
    done = subprocess.run(
        [*command, module], cwd=folder, env=env, capture_output=True, text=True, timeout=600
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"pytest {module} failed ({done.returncode}): {done.stdout[-1500:]}")
    return seconds


def measure(tests: int = TESTS, runs: int = RUNS) -> Measurement:
    with tempfile.TemporaryDirectory(prefix="bench-fresh-mock-") as scratch:
        folder = Path(scratch)
        site = staged_mock_package(folder / "site")
        project = folder / "project"
        project.mkdir()
        (project / "test_fixture.py").write_text("".join(FIXTURE_TEST.format(n=n) for n in range(tests)))
        (project / "test_empty.py").write_text("".join(EMPTY_TEST.format(n=n) for n in range(tests)))
        drop = {"PYTHONPATH", "OPENAPI_SPEC", "CLOUDPAYMENTS_LIVE"}
        env = {name: value for name, value in os.environ.items() if name not in drop}
        env["PYTHONPATH"] = os.pathsep.join([str(site), str(REPO_ROOT / "generated_client")])
        env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
        _run_seconds(project, "test_fixture.py", env)  # warm-up: bytecode caches written
        empty: list[float] = []
        fixture: list[float] = []
        for _ in range(runs):
            empty.append(_run_seconds(project, "test_empty.py", env))
            fixture.append(_run_seconds(project, "test_fixture.py", env))
    empty_s, fixture_s = statistics.median(empty), statistics.median(fixture)
    result = Measurement(
        "fresh_mock",
        f"pytest runs of {tests} tests taking cloudpayments_client (a fresh in-process mock and client each) "
        f"beside {tests} empty tests, the mock as its wheel installs it, {runs} alternating runs, medians",
        [],
        {
            "tests": tests,
            "runs": runs,
            "empty_run_s": round(empty_s, 3),
            "fixture_run_s": round(fixture_s, 3),
        },
    )
    result.add("added_ms_per_test", (fixture_s - empty_s) / tests * 1000, "ms", "lower")
    return result
