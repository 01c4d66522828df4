"""What the mock's pytest plugin adds to a pytest start: `pytest --co -q` of an empty test file, with and
without `-p mock_server.pytest_plugin`, each in a fresh process, in alternating runs; and the modules loading
the plugin imports beyond the standard library (none: the app loads only once a fixture runs).

The children run in a scratch folder (no rootdir configuration of this checkout) with the installed plugins'
autoload off, so the two sides differ only by the plugin.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Final

from bench.metrics import Measurement
from bench.server import child_env

RUNS: Final = 7
PLUGIN: Final = ("-p", "mock_server.pytest_plugin")
# The modules importing the plugin adds to a process that has pytest, outside the standard library.
IMPORTED: Final = """
import json, sys
import pytest
before = set(sys.modules)
import mock_server.pytest_plugin
print(json.dumps(sorted(set(sys.modules) - before)))
"""
OWN: Final = frozenset({"mock_server", "mock_server.pytest_plugin"})


def _collect_seconds(folder: Path, plugin: bool, env: dict[str, str]) -> float:
    command = [sys.executable, "-m", "pytest", "--co", "-q", "-p", "no:cacheprovider"]
    command += [*PLUGIN] if plugin else []
    command.append("test_empty.py")
    start = time.perf_counter()
    done = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, timeout=120)
    seconds = time.perf_counter() - start
    # pytest exits 5 when it collects no test: the run itself worked.
    if done.returncode not in (0, 5):
        raise RuntimeError(
            f"pytest --co failed ({done.returncode}): {done.stdout[-1000:]} {done.stderr[-1000:]}"
        )
    return seconds


def foreign_modules(env: dict[str, str] | None = None) -> list[str]:
    """Modules outside the standard library (and the plugin itself) that importing the plugin loads."""
    done = subprocess.run(
        [sys.executable, "-c", IMPORTED],
        env=env or child_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    added: list[str] = json.loads(done.stdout)
    return [name for name in added if name not in OWN and name.split(".")[0] not in sys.stdlib_module_names]


def measure(runs: int = RUNS) -> Measurement:
    env = {**child_env(), "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
    without: list[float] = []
    with_plugin: list[float] = []
    with tempfile.TemporaryDirectory(prefix="bench-plugin-") as scratch:
        folder = Path(scratch)
        (folder / "test_empty.py").write_text("", encoding="utf-8")
        _collect_seconds(folder, plugin=True, env=env)  # warm-up: bytecode caches written
        for _ in range(runs):
            without.append(_collect_seconds(folder, plugin=False, env=env))
            with_plugin.append(_collect_seconds(folder, plugin=True, env=env))
    base_ms, plugin_ms = statistics.median(without) * 1000, statistics.median(with_plugin) * 1000
    foreign = foreign_modules()
    result = Measurement(
        "plugin_startup",
        "pytest --co -q of an empty file with and without -p mock_server.pytest_plugin, fresh processes, "
        f"{runs} alternating runs each, medians",
        [],
        {
            "runs": runs,
            "without_plugin_ms": round(base_ms, 1),
            "with_plugin_ms": round(plugin_ms, 1),
            "foreign_modules": ", ".join(foreign) or "none",
        },
    )
    result.add("added_ms", plugin_ms - base_ms, "ms", "lower")
    result.add("app_modules", len(foreign), "count", "lower")
    return result
