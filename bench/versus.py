"""The mock beside Stoplight Prism on one card charge, and the mock's CPU profile under that load.

Both serve the same openapi.yaml, validate the request (Prism: its own validator; the mock: the whole request
path, JSON schema included) and answer 200; the same bounded load generator (bench/load.py) drives each at 16
and 32 connections. The mock's state is emptied before each measured run.
"""

from __future__ import annotations

import json
import pstats
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench import load
from bench.metrics import Measurement
from bench.prism import node_version, prism_process
from bench.server import mock_process, reset
from bench.stats import Latency
from bench.workloads import CHARGE_PATH, Limits, charge_body, cpu_seconds
from mock_server import DEFAULT_API_SECRET, DEFAULT_PUBLIC_ID

CONNECTIONS = (16, 32)
# Each server, once started, is loaded this long before its first measured run (Prism's V8 needs it).
PRIME_SECONDS = 3.0
# The profile's own load: enough requests for stable shares, bounded in time too.
PROFILE_REQUESTS = 6000
PROFILE_CONNECTIONS = 16
TOP = 20


# More distinct charges than the mock keeps parsed cryptograms (256), so every charge parses its own packet,
# as when each payer's checkout makes a fresh one.
DISTINCT_CHARGES = 1024


def charge_request() -> load.Request:
    bodies = tuple(json.dumps(charge_body(), separators=(",", ":")).encode() for _ in range(DISTINCT_CHARGES))
    return load.Request(CHARGE_PATH, bodies, DEFAULT_PUBLIC_ID, DEFAULT_API_SECRET)


def _add_run(result: Measurement, server: str, run: load.LoadResult, cpu_s: float) -> None:
    c = run.connections
    latency = Latency.of(run.latencies)
    result.add(f"{server}_requests_per_s_c{c}", run.requests / run.seconds, "req/s", "higher")
    # CPU per request: what the rate would be on a core of its own, whatever else the machine runs.
    result.add(f"{server}_cpu_us_per_request_c{c}", cpu_s / max(run.requests, 1) * 1e6, "us", "lower")
    result.add(f"{server}_p50_ms_c{c}", latency.p50, "ms", "lower")
    result.add(f"{server}_p99_ms_c{c}", latency.p99, "ms", "lower")
    result.add(f"{server}_failures_c{c}", run.failures + run.errors, "count", "lower")
    result.details[f"{server}_requests_c{c}"] = run.requests


# Prism as it runs by default (logging each request) and quiet (as the mock runs here: no access log).
PRISMS = (("prism", "info"), ("prism_quiet", "warn"))
# The floor: a Starlette app on the same uvicorn that answers without doing anything (bench/floor.py).
SERVERS = ("mock", *(name for name, _ in PRISMS), "floor")


def _timed(
    pid: int, url: str, request: load.Request, connections: int, limits: Limits, fresh: bool
) -> tuple[load.LoadResult, float, float]:
    """A run, and the CPU seconds its measured part (after the warm-up) cost the server and the generator
    (this process). `fresh`: empty the mock's state between the warm-up and the measured part."""
    marks: list[float] = []

    def before() -> None:
        if fresh:
            reset(url)
        marks.extend((cpu_seconds(pid), cpu_seconds()))

    run = load.run(url, request, connections, limits.max_requests, limits.max_seconds, before=before)
    return run, cpu_seconds(pid) - marks[0], cpu_seconds() - marks[1]


def _prime(base_url: str, request: load.Request, limits: Limits) -> None:
    load.warm(base_url, request, max(CONNECTIONS), PRIME_SECONDS, limits.max_requests)


def compare(limits: Limits) -> Measurement:
    """Prism and the mock, each alone on the machine while measured, at each connection count."""
    request = charge_request()
    result = Measurement(
        "vs_prism",
        "one-step card charge (JSON, Basic auth, a fresh X-Request-ID each), closed loop over N keep-alive "
        "connections from one uvloop+httptools generator; the mock and Stoplight Prism from one openapi.yaml",
        [],
        {},
    )
    runs: dict[tuple[str, int], load.LoadResult] = {}
    cpu: dict[tuple[str, int], float] = {}
    for name, level in PRISMS:
        with prism_process(level) as prism:
            result.details["prism"] = f"{prism.version} (node {node_version()})"
            _prime(prism.base_url, request, limits)
            for connections in CONNECTIONS:
                run, server_cpu, own_cpu = _timed(
                    prism.pid, prism.base_url, request, connections, limits, fresh=False
                )
                runs[name, connections] = run
                cpu[name, connections] = server_cpu
                result.details[f"{name}_cpu_s_c{connections}"] = round(server_cpu, 2)
                result.details[f"generator_cpu_s_{name}_c{connections}"] = round(own_cpu, 2)
    with mock_process() as mock:
        _prime(mock.base_url, request, limits)
        for connections in CONNECTIONS:
            run, server_cpu, own_cpu = _timed(
                mock.pid, mock.base_url, request, connections, limits, fresh=True
            )
            runs["mock", connections] = run
            cpu["mock", connections] = server_cpu
            result.details[f"mock_cpu_s_c{connections}"] = round(server_cpu, 2)
            result.details[f"generator_cpu_s_mock_c{connections}"] = round(own_cpu, 2)
    with mock_process(module="bench.floor") as floor:
        _prime(floor.base_url, request, limits)
        for connections in CONNECTIONS:
            run, server_cpu, _ = _timed(floor.pid, floor.base_url, request, connections, limits, fresh=False)
            runs["floor", connections] = run
            cpu["floor", connections] = server_cpu
            result.details[f"floor_cpu_s_c{connections}"] = round(server_cpu, 2)
    for connections in CONNECTIONS:
        for server in SERVERS:
            _add_run(result, server, runs[server, connections], cpu[server, connections])
        mock_rate = _rate(runs["mock", connections])
        mock_cpu = cpu["mock", connections] / max(runs["mock", connections].requests, 1)
        for name, _ in PRISMS:
            suffix = name.removeprefix("prism")
            result.add(
                f"ratio{suffix}_c{connections}", mock_rate / _rate(runs[name, connections]), "x", "higher"
            )
            # The same ratio from CPU per request (Prism's / the mock's): robust to other work on the machine.
            prism_cpu = cpu[name, connections] / max(runs[name, connections].requests, 1)
            result.add(f"cpu_ratio{suffix}_c{connections}", prism_cpu / mock_cpu, "x", "higher")
    return result


def _rate(run: load.LoadResult) -> float:
    return run.requests / run.seconds


@dataclass(frozen=True)
class Profile:
    requests: int
    seconds: float
    total_s: float
    by_self: list[tuple[str, float, int]]  # function, own seconds, calls
    by_total: list[tuple[str, float, int]]  # function, seconds with callees, calls


def _where(func: tuple[str, int, str]) -> str:
    file, line, name = func
    if file == "~":
        return name  # a built-in
    parts = Path(file).parts
    for anchor in ("site-packages", "lib"):
        if anchor in parts:
            return f"{'/'.join(parts[parts.index(anchor) + 1 :])}:{line}({name})"
    root = Path(__file__).resolve().parent.parent
    try:
        return f"{Path(file).resolve().relative_to(root)}:{line}({name})"
    except ValueError:
        return f"{Path(file).name}:{line}({name})"


def profile(limits: Limits, keep: Callable[[Path], None] | None = None) -> Profile:
    """The mock under cProfile while the generator charges at 16 connections; the top functions."""
    request = charge_request()
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as tmp:
        stats_file = Path(tmp) / "mock.prof"
        with mock_process(profile=stats_file) as mock:
            run = load.run(
                mock.base_url,
                request,
                PROFILE_CONNECTIONS,
                min(PROFILE_REQUESTS, limits.max_requests),
                limits.max_seconds,
                before=lambda: reset(mock.base_url),
            )
        stats = pstats.Stats(str(stats_file))
        if keep is not None:
            keep(stats_file)
    raw = stats.stats  # type: ignore[attr-defined]
    total = sum(own for (_, _, own, _, _) in raw.values())
    rows = [(_where(func), own, cum, calls) for func, (_, calls, own, cum, _) in raw.items()]
    by_self = [(name, own, calls) for name, own, _, calls in sorted(rows, key=lambda r: -r[1])[:TOP]]
    # The mock's own functions (the framework's wrapper frames above them each hold nearly the whole run).
    by_total = [
        (name, cum, calls)
        for name, _, cum, calls in sorted(rows, key=lambda r: -r[2])
        if name.startswith(("mock_server/", "spec_tools/", "starlette/responses", "json/"))
    ][:TOP]
    return Profile(run.requests, run.seconds, total, by_self, by_total)


def profile_markdown(prof: Profile) -> str:
    out = [
        "## The mock's CPU profile",
        "",
        f"cProfile over the whole mock process while the generator sent {prof.requests} charges at "
        f"{PROFILE_CONNECTIONS} connections ({prof.seconds:.1f} s; the profiler slows the mock, so these are "
        f"shares, not speeds). Profiled CPU {prof.total_s:.2f} s, "
        f"{prof.total_s / max(prof.requests, 1) * 1e6:.0f} us per request.",
        "",
        "Top functions by own time:",
        "",
        "| function | own s | share | calls |",
        "|---|--:|--:|--:|",
    ]
    out += [
        f"| `{name}` | {own:.3f} | {own / prof.total_s:.1%} | {calls} |" for name, own, calls in prof.by_self
    ]
    out += ["", "The mock's functions (and the answer's rendering), by time with callees:", ""]
    out += ["| function | total s | share | calls |"]
    out += ["|---|--:|--:|--:|"]
    out += [
        f"| `{name}` | {cum:.3f} | {cum / prof.total_s:.1%} | {calls} |" for name, cum, calls in prof.by_total
    ]
    return "\n".join(out) + "\n"
