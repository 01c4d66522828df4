"""Memory per stored transaction: the mock's app driven in process (httpx.ASGITransport) in a fresh process.

`python -m bench.memory --transactions N --max-seconds T` prints one JSON object. A fresh process keeps
the figure clear of the benchmark's own allocations; the ASGI transport stores transactions faster than
a socket would, through the same request path (validation, idempotent answer, transaction record).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import subprocess
import sys
import time
import uuid

import httpx

from bench.metrics import Measurement
from bench.rss import peak_rss_kib, rss_kib
from bench.server import ROOT, child_env
from bench.workloads import AUTH, CHARGE_PATH, charge_body
from mock_server import create_app

WARMUP = 200


async def _fill(transactions: int, max_seconds: float) -> dict[str, float | int]:
    app = create_app(public_id=AUTH[0], api_secret=AUTH[1])
    store = app.state.store
    body = charge_body()
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://mock", auth=AUTH) as http:

        async def charge() -> None:
            response = await http.post(CHARGE_PATH, json=body, headers={"X-Request-ID": str(uuid.uuid4())})
            if response.status_code != 200 or response.json().get("Success") is not True:
                raise RuntimeError(f"charge failed: HTTP {response.status_code} {response.text[:200]}")

        for _ in range(WARMUP):
            await charge()
        gc.collect()
        stored_before, rss_before = len(store.transactions), rss_kib()
        start = time.perf_counter()
        for _ in range(transactions):
            await charge()
            if time.perf_counter() - start >= max_seconds:
                break
        seconds = time.perf_counter() - start
        gc.collect()
        stored = len(store.transactions) - stored_before
        rss_after = rss_kib()
    return {
        "transactions": stored,
        "seconds": round(seconds, 3),
        "rss_before_kib": rss_before,
        "rss_after_kib": rss_after,
        "peak_rss_kib": peak_rss_kib(),
        "bytes_per_transaction": (rss_after - rss_before) * 1024 / stored,
    }


def measure(transactions: int, max_seconds: float) -> Measurement:
    """Runs this module in a child process and reads its answer."""
    command = [sys.executable, "-m", "bench.memory", "--transactions", str(transactions)]
    command += ["--max-seconds", str(max_seconds)]
    done = subprocess.run(
        command, cwd=ROOT, env=child_env(), capture_output=True, text=True, timeout=max_seconds + 60
    )
    if done.returncode != 0:
        raise RuntimeError(f"bench.memory failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    figures = json.loads(done.stdout)
    result = Measurement(
        "memory",
        "resident memory growth of a fresh mock process per stored one-step charge "
        "(transaction record + its idempotent answer), driven in process through httpx.ASGITransport",
        [],
        {key: figures[key] for key in ("transactions", "seconds", "rss_before_kib", "rss_after_kib")},
    )
    result.add("bytes_per_transaction", figures["bytes_per_transaction"], "B", "lower")
    result.add("peak_rss_mib", figures["peak_rss_kib"] / 1024, "MiB", "lower")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.memory")
    parser.add_argument("--transactions", type=int, default=20_000)
    parser.add_argument("--max-seconds", type=float, default=30.0)
    args = parser.parse_args(argv)
    print(json.dumps(asyncio.run(_fill(args.transactions, args.max_seconds))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
