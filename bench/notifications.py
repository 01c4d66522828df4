"""Card charges with Pay notifications on and off, and the mock's memory per notified charge.

The mock runs in its own process (`bench.serve`), the merchant's endpoint in another (`bench.receiver`, raw
asyncio answering `{"code":0}`), and this process sends one-step JSON charges one at a time over keep-alive,
as a test suite does. Pay is turned on and off through the API (`/site/notifications/pay/update`). Rounds
alternate off and on, so drift on a shared machine falls on both sides alike; an on round ends only once the
receiver has every one of its notifications, so the rate is what the mock sustains, not how fast it queues.
The mock's CPU time per charge on each side (`/proc/PID/stat`) shows the work a delivery adds, which a
sequential caller's rate hides while the mock has time to spare.

Memory: after the rounds (a warm-up well past), RSS growth of the mock's process over N charges with Pay on,
their deliveries settled, per charge; and the same with Pay off, for comparison. What a notified charge
adds: the transaction and its stored answer (off too), the delivery's record in the log (kept up to its cap);
a client, task or connection left behind per delivery would show here.
"""

from __future__ import annotations

import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

from bench.metrics import Measurement
from bench.rss import rss_kib
from bench.server import ROOT, child_env, mock_process, stop_child
from bench.workloads import AUTH, CHARGE_PATH, Limits, charge_body, cpu_seconds
from contract_tests.support.servers import free_port

WARMUP = 200
ROUNDS = 6
SETTLE_SECONDS = 60.0


@contextmanager
def receiver_process(startup_timeout: float = 15.0) -> Iterator[str]:
    """`bench.receiver` on a free 127.0.0.1 port; yields its base URL; it stops when its stdin closes."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.receiver", str(port)],
        cwd=ROOT,
        env=child_env(),
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + startup_timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"bench.receiver exited with code {proc.returncode}")
            try:
                httpx.get(f"{base_url}/count", timeout=1.0)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"bench.receiver silent for {startup_timeout:g} s") from None
                time.sleep(0.05)
        yield base_url
    finally:
        stop_child(proc)


class _Session:
    """The charges, the Pay switch and the receiver's count, over two keep-alive clients."""

    def __init__(self, mock: httpx.Client, receiver: httpx.Client, receiver_url: str) -> None:
        self.mock = mock
        self.receiver = receiver
        self.address = f"{receiver_url}/pay"
        self.body = charge_body()
        self.expected = 0  # Pay notifications the receiver must get
        self.failures = 0

    def charge(self, notified: bool) -> None:
        response = self.mock.post(CHARGE_PATH, json=self.body, headers={"X-Request-ID": str(uuid.uuid4())})
        if response.status_code != 200 or response.json().get("Success") is not True:
            self.failures += 1
        elif notified:
            self.expected += 1

    def pay_notifications(self, on: bool) -> None:
        settings = {"IsEnabled": on, "Address": self.address, "HttpMethod": "POST"}
        answer = self.mock.post("/site/notifications/pay/update", json=settings).json()
        if answer.get("Success") is not True:
            raise RuntimeError(f"Pay settings refused: {answer.get('Message')}")

    def settle(self) -> None:
        """Until the receiver has every notification sent so far."""
        deadline = time.monotonic() + SETTLE_SECONDS
        while int(self.receiver.get("/count").text) < self.expected:
            if time.monotonic() > deadline:
                raise RuntimeError(f"notifications not delivered within {SETTLE_SECONDS:g} s")
            time.sleep(0.002)

    def received(self) -> int:
        return int(self.receiver.get("/count").text)

    def run(self, count: int, on: bool, deadline: float) -> int:
        self.pay_notifications(on)
        done = 0
        while done < count and time.perf_counter() < deadline:
            self.charge(on)
            done += 1
        self.settle()
        return done


def measure(limits: Limits, charges: int = 3000) -> Measurement:
    """`limits`: per side of the rate, charges and seconds (over rounds); `charges`: for each memory figure,
    bounded by 3x the seconds."""
    with (
        receiver_process() as receiver_url,
        mock_process() as mock,
        httpx.Client(base_url=mock.base_url, auth=AUTH, timeout=30) as api,
        httpx.Client(base_url=receiver_url, timeout=10) as receiver,
    ):
        session = _Session(api, receiver, receiver_url)
        session.run(WARMUP, True, time.perf_counter() + 60)

        # Each round is bounded in count and time, and runs at least one charge: both sides are measured.
        per_round = max(1, limits.max_requests // ROUNDS)
        round_seconds = limits.max_seconds / ROUNDS
        sides = {False: [0, 0.0, 0.0], True: [0, 0.0, 0.0]}  # charges, seconds, mock CPU seconds
        for _ in range(ROUNDS):
            for on in (False, True):
                cpu, start = cpu_seconds(mock.pid), time.perf_counter()
                sides[on][0] += session.run(per_round, on, start + round_seconds)
                sides[on][1] += time.perf_counter() - start
                sides[on][2] += cpu_seconds(mock.pid) - cpu

        growth = {}
        for on in (False, True):
            before = rss_kib(mock.pid)
            done = session.run(charges, on, time.perf_counter() + 3 * limits.max_seconds)
            growth[on] = (rss_kib(mock.pid) - before) * 1024 / done, done
        undelivered = session.expected - session.received()
    rate = {on: sides[on][0] / sides[on][1] for on in (False, True)}
    result = Measurement(
        "notifications",
        "one-step JSON card charges, one at a time over keep-alive, to the mock in its own process with Pay "
        'notifications on (each delivered to a receiver on 127.0.0.1 answering {"code":0}) and off, '
        "alternating rounds; the mock's RSS growth per charge over a run with each setting",
        [],
        {
            "charges_off": sides[False][0],
            "charges_on": sides[True][0],
            "seconds_off": round(sides[False][1], 3),
            "seconds_on": round(sides[True][1], 3),
            "memory_charges_on": growth[True][1],
            "memory_charges_off": growth[False][1],
            "rss_bytes_per_charge_off": round(growth[False][0]),
        },
    )
    result.add("charges_per_s_off", rate[False], "charges/s", "higher")
    result.add("charges_per_s_on", rate[True], "charges/s", "higher")
    result.add("ratio_on_off", rate[True] / rate[False], "x", "higher")
    for on, side in ((False, "off"), (True, "on")):
        result.add(f"mock_cpu_us_per_charge_{side}", sides[on][2] / sides[on][0] * 1e6, "us", "lower")
    result.add("rss_bytes_per_charge", growth[True][0], "B", "lower")
    result.add("failures", session.failures + undelivered, "count", "lower")
    return result
