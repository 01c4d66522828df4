"""`python -m demo` runs the whole scenario through the generated client and exits 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from contract_tests.support.servers import serve_asgi
from mock_server import DEFAULT_API_SECRET, DEFAULT_PUBLIC_ID, create_app

ROOT = Path(__file__).resolve().parents[2]
STEPS = [
    "connection test",
    "notification settings",
    "one-step charge",
    "look the charge up (get, find)",
    "3-D Secure charge + post3ds",
    "declined charge",
    "SBP link paid in the bank app",
    "two-step auth",
    "confirm 65.98 of 100",
    "auth to void",
    "void",
    "partial refund 40",
    "partial refund 30",
    "refund 40 more (over the rest)",
    "token charge",
    "payout by token",
    "subscription create/get/cancel",
    "order create",
    "order cancel",
    "list of the period (every page)",
    "notifications received",
]
# Against a server named by the environment the shop's receiver (on 127.0.0.1) is not set up.
MOCK_ONLY = ("notification settings", "notifications received")


def _run_demo(extra_env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLOUDPAYMENTS_")}
    env.update(extra_env)
    return subprocess.run(
        [sys.executable, "-m", "demo"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def _rows(stdout: str) -> dict[str, list[str]]:
    """The steps' table (the one whose header names the step), by step name."""
    rows: dict[str, list[str]] = {}
    table = stdout[stdout.index("step  ") :]
    for line in table.splitlines():
        cells = [cell for cell in line.split("  ") if cell.strip()]
        if cells and cells[0].strip().isdigit():
            rows[cells[1].strip()] = [cell.strip() for cell in cells[2:]]
    return rows


def test_demo_against_the_mock_it_starts() -> None:
    result = _run_demo({})
    assert result.returncode == 0, result.stdout + result.stderr
    rows = _rows(result.stdout)
    assert list(rows) == STEPS
    assert all(cells[1] == "OK" for cells in rows.values()), result.stdout
    # Amounts read from the answers (Decimal in the client) are shown, not dropped.
    assert "1500.00" in rows["order create"], rows["order create"]
    assert "399.00" in rows["subscription create/get/cancel"], rows["subscription create/get/cancel"]
    assert "Completed" in rows["3-D Secure charge + post3ds"]
    assert any("5051 InsufficientFunds" in cell for cell in rows["declined charge"])
    # The SBP payment was paid on the mock's page while the client waited, and reads back Completed.
    assert rows["SBP link paid in the bank app"][3:5] == ["Completed", "640.00"], rows[
        "SBP link paid in the bank app"
    ]
    assert "waited: Completed" in rows["SBP link paid in the bank app"][-1]
    # The lookup finds the charge; the list holds every operation of the run, refunds and the payout included.
    assert rows["look the charge up (get, find)"][2] == rows["one-step charge"][2]
    assert "10 transactions, oldest first" in rows["list of the period (every page)"]
    assert "(Type 2)" in rows["payout by token"][-1]
    assert f"{len(STEPS)}/{len(STEPS)} steps as expected" in result.stdout
    # Every kind of notification reached the shop's receiver and passed its signature check.
    assert "Cancel, Check, Confirm, Fail, Pay, Recurrent, Refund" in rows["notifications received"]
    notifications = result.stdout.split("Notifications received by the shop", 1)[1].split("\n\n", 1)[0]
    signature_column = [line.split()[-1] for line in notifications.splitlines()[3:] if line.strip()]
    assert len(signature_column) >= 7 and set(signature_column) == {"verified"}, notifications
    assert DEFAULT_API_SECRET not in result.stdout + result.stderr


def test_demo_against_a_server_named_by_the_environment() -> None:
    # Another mock stands in for "the real API": the demo does not start its own and skips the ACS step.
    with serve_asgi(create_app(public_id=DEFAULT_PUBLIC_ID, api_secret=DEFAULT_API_SECRET)) as base_url:
        result = _run_demo(
            {
                "CLOUDPAYMENTS_PUBLIC_ID": DEFAULT_PUBLIC_ID,
                "CLOUDPAYMENTS_API_SECRET": DEFAULT_API_SECRET,
                "CLOUDPAYMENTS_BASE_URL": base_url,
            }
        )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Demo against {base_url}" in result.stdout
    rows = _rows(result.stdout)
    assert rows["3-D Secure charge + post3ds"][1] == "SKIP"
    assert "3-D Secure step skipped" in result.stdout
    # The SBP link's page is another server's: the payer's bank app is not driven either.
    assert rows["SBP link paid in the bank app"][1] == "SKIP"
    assert "SBP step skipped" in result.stdout
    assert list(rows) == [step for step in STEPS if step not in MOCK_ONLY]
    assert sum(cells[1] == "OK" for cells in rows.values()) == len(rows) - 2
