"""`python -m bench`: every measurement, bounded in count and time, compared with bench/targets.toml.

Exits 1 when a target is missed, 2 when the benchmark itself could not run.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent
_AGAINST_ONE_MOCK = (
    "client_sequential",
    "raw_json_sequential",
    "raw_form_sequential",
    "concurrent",
    "qr_link",
)
MEASUREMENTS = (
    *_AGAINST_ONE_MOCK,
    "client_overhead",
    "memory",
    "notifications",
    "plugin_startup",
    "fresh_mock",
    "vs_prism",
    "profile",
)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--max-requests", type=int, default=3000, help="per HTTP measurement (default 3000)")
    parser.add_argument("--max-seconds", type=float, default=5.0, help="per HTTP measurement (default 5)")
    parser.add_argument("--tasks", type=int, default=16, help="concurrent tasks (default 16)")
    parser.add_argument(
        "--overhead-calls", type=int, default=5000, help="client overhead calls (default 5000)"
    )
    parser.add_argument(
        "--transactions", type=int, default=20_000, help="transactions stored for memory (default 20000)"
    )
    parser.add_argument(
        "--memory-seconds", type=float, default=12.0, help="time bound of the memory fill (default 12)"
    )
    parser.add_argument(
        "--compare-seconds", type=float, default=5.0, help="per run of the mock beside Prism (default 5)"
    )
    parser.add_argument(
        "--compare-requests",
        type=int,
        default=60_000,
        help="per run of the mock beside Prism (default 60000)",
    )
    parser.add_argument(
        "--notify-charges",
        type=int,
        default=3000,
        help="charges per side of notifications, and for its memory figure (default 3000)",
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=MEASUREMENTS,
        default=None,
        help="run only this measurement (repeatable); targets of the others are not judged",
    )
    parser.add_argument(
        "--profile-out", type=Path, default=None, help="also keep the mock's cProfile stats here"
    )
    parser.add_argument(
        "--targets", type=Path, default=None, help="targets file (default bench/targets.toml)"
    )
    parser.add_argument(
        "--reports", type=Path, default=_ROOT / "bench" / "reports", help="where latest.json/.md go"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # The client is used from the checkout when it is not installed.
    if importlib.util.find_spec("cloudpayments_client") is None:
        sys.path.insert(0, str(_ROOT / "generated_client"))

    from bench import (
        fresh_mock,
        memory,
        notifications,
        overhead,
        plugin_startup,
        qr_link,
        report,
        versus,
        workloads,
    )
    from bench.rss import peak_rss_kib
    from bench.server import mock_process
    from bench.targets import TARGETS_FILE, judge, load_targets

    selected = set(args.only or MEASUREMENTS)
    targets = load_targets(args.targets or TARGETS_FILE)
    if args.only:  # the others' targets name figures this run does not measure
        targets = {key: t for key, t in targets.items() if key.split(".", 1)[0] in selected}
    limits = workloads.Limits(args.max_requests, args.max_seconds)
    measurements = []
    profile = None
    machine = report.machine()  # before the run: the load average is the machine's, not ours
    try:
        if selected & set(_AGAINST_ONE_MOCK):
            with mock_process() as mock:
                print(f"mock at {mock.base_url} (pid {mock.pid})", flush=True)
                for name, run in (
                    ("client_sequential", workloads.sequential_client),
                    ("raw_json_sequential", workloads.raw_json),
                    ("raw_form_sequential", workloads.raw_form),
                ):
                    if name in selected:
                        print(f"measuring {name} ...", flush=True)
                        measurements.append(run(mock.base_url, limits))
                if "concurrent" in selected:
                    print("measuring concurrent ...", flush=True)
                    concurrent = workloads.concurrent(mock.base_url, limits, args.tasks, mock.pid)
                    concurrent.details["mock_peak_rss_kib"] = peak_rss_kib(mock.pid)
                    measurements.append(concurrent)
                if "qr_link" in selected:
                    print("measuring qr_link (SBP links beside card charges) ...", flush=True)
                    measurements.append(
                        qr_link.measure(mock.base_url, args.max_requests, args.max_seconds, mock.pid)
                    )
        if "client_overhead" in selected:
            print("measuring client_overhead ...", flush=True)
            measurements.append(overhead.client_overhead(args.overhead_calls, args.max_seconds))
        if "memory" in selected:
            print("measuring memory ...", flush=True)
            measurements.append(memory.measure(args.transactions, args.memory_seconds))
        if "notifications" in selected:
            print("measuring notifications (Pay on and off, then memory) ...", flush=True)
            measurements.append(notifications.measure(limits, args.notify_charges))
        if "plugin_startup" in selected:
            print("measuring plugin_startup (pytest --co with and without the plugin) ...", flush=True)
            measurements.append(plugin_startup.measure())
        if "fresh_mock" in selected:
            print(
                "measuring fresh_mock (pytest with a fresh mock and client per test, and without) ...",
                flush=True,
            )
            measurements.append(fresh_mock.measure())
        compare_limits = workloads.Limits(args.compare_requests, args.compare_seconds)
        if "vs_prism" in selected:
            print("measuring vs_prism (Prism, then the mock, at 16 and 32 connections) ...", flush=True)
            measurements.append(versus.compare(compare_limits))
        if "profile" in selected:
            print("profiling the mock ...", flush=True)
            keep = None if args.profile_out is None else (lambda stats: shutil.copy(stats, args.profile_out))
            profile = versus.profile(compare_limits, keep)
    except (RuntimeError, OSError, ValueError) as exc:
        print(f"bench could not run: {exc}", file=sys.stderr)
        return 2

    try:
        verdicts = judge([metric for m in measurements for metric in m.metrics], targets)
    except ValueError as exc:
        print(f"bench could not judge the run: {exc}", file=sys.stderr)
        return 2
    settings = {key: str(value) for key, value in vars(args).items()}
    profile_text = "" if profile is None else versus.profile_markdown(profile)
    document = report.write(args.reports, verdicts, measurements, settings, machine, profile_text)
    print()
    print(report.table(verdicts))
    print()
    print(f"report: {args.reports / 'latest.md'} and latest.json")
    missed = [v.metric.key for v in verdicts if not v.ok]
    print("all targets met" if document["ok"] else f"MISSED: {', '.join(missed)}")
    return 0 if document["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
