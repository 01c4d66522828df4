"""The run's report: a console table, bench/reports/latest.json and latest.md."""

from __future__ import annotations

import json
import os
import platform
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.metrics import Measurement
from bench.targets import Verdict


def machine() -> dict[str, str | int]:
    return {
        "nproc": os.cpu_count() or 0,
        "cpu": _cpu_model(),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        # Other work on the machine moves every figure; the 1-minute load average at the start says how much.
        "load_average_1m": f"{os.getloadavg()[0]:.2f}",
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _value(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.2f}"


def rows(verdicts: list[Verdict]) -> list[tuple[str, str, str, str, str]]:
    out = []
    for verdict in verdicts:
        metric, target = verdict.metric, verdict.target
        status = "-" if target is None else ("ok" if verdict.ok else "MISSED")
        goal = "" if target is None else target.describe()
        out.append((metric.key, _value(metric.value), metric.unit, goal, status))
    return out


def table(verdicts: list[Verdict]) -> str:
    header = ("metric", "value", "unit", "target", "result")
    body = rows(verdicts)
    widths = [max(len(row[i]) for row in [header, *body]) for i in range(len(header))]
    lines = [
        "  ".join(
            cell.rjust(w) if i == 1 else cell.ljust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in [header, *body]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)


def markdown(
    verdicts: list[Verdict], measurements: list[Measurement], info: dict[str, Any], extra: str = ""
) -> str:
    out = ["# Benchmark report", ""]
    out.append(f"Run {info['when']} with `{info['command']}`.")
    mach = info["machine"]
    out.append(
        f"Machine: {mach['nproc']} CPUs ({mach['cpu']}), "
        f"{mach['implementation']} {mach['python']}, {mach['platform']}, "
        f"load average {mach['load_average_1m']} at the start."
    )
    out += ["", "| metric | value | unit | target | result |", "|---|--:|---|---|---|"]
    out += [f"| {' | '.join(row)} |" for row in rows(verdicts)]
    out += ["", "## Measurements", ""]
    for measurement in measurements:
        details = ", ".join(f"{key} {value}" for key, value in measurement.details.items())
        out.append(f"- `{measurement.name}`: {measurement.description}. {details}.")
    missed = [v.metric.key for v in verdicts if not v.ok]
    out += ["", f"Result: {'all targets met' if not missed else 'MISSED ' + ', '.join(missed)}.", ""]
    if extra:
        out += [extra]
    return "\n".join(out)


def write(
    directory: Path,
    verdicts: list[Verdict],
    measurements: list[Measurement],
    settings: dict[str, Any],
    machine_info: dict[str, str | int],
    extra: str = "",
) -> dict[str, Any]:
    """`extra`: markdown appended to latest.md (the mock's profile), also kept in latest.json."""
    info: dict[str, Any] = {
        "when": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "command": " ".join(["python -m bench", *sys.argv[1:]]),
        "machine": machine_info,
        "settings": settings,
    }
    document = {
        **info,
        "ok": all(v.ok for v in verdicts),
        "metrics": [
            {
                "metric": v.metric.key,
                "value": v.metric.value,
                "unit": v.metric.unit,
                "better": v.metric.better,
                "target": None if v.target is None else v.target.describe(),
                "ok": v.ok,
            }
            for v in verdicts
        ],
        "measurements": [
            {"name": m.name, "description": m.description, "details": m.details} for m in measurements
        ],
        "extra": extra,
    }
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "latest.json").write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    (directory / "latest.md").write_text(markdown(verdicts, measurements, info, extra), encoding="utf-8")
    return document
