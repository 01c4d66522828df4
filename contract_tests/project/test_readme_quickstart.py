"""The README's quick start works as written: its shell block, run by bash against a mock, charges and
refunds.

Only the mock's address is changed (a free port instead of 8765, which `make mock` would hold); the
credentials, the cryptogram command and the calls are the README's own.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Final

import pytest
from starlette.applications import Starlette

from contract_tests.support.servers import serve_asgi
from mock_server import create_app
from mock_server.statuses import TransactionStatus

ROOT: Final = Path(__file__).resolve().parents[2]
README: Final = (ROOT / "README.md").read_text(encoding="utf-8")
_DOCUMENTED_BASE: Final = "BASE=http://127.0.0.1:8765"


def _quick_start_blocks() -> list[str]:
    section = README[README.index("## Quick start") :]
    section = section[: section.index("\n## ", 1)]
    return re.findall(r"```bash\n(.*?)```", section, re.DOTALL)


@pytest.fixture
def mock() -> Iterator[tuple[Starlette, str]]:
    app = create_app()
    with serve_asgi(app) as url:
        yield app, url


def test_the_quick_start_opens_the_readme() -> None:
    assert README.index("## Quick start") < README.index("## Commands") < README.index("## Layout")
    first, calls = _quick_start_blocks()
    assert first.startswith("make mock")
    assert _DOCUMENTED_BASE in calls


@pytest.mark.skipif(shutil.which("curl") is None, reason="the quick start's calls are curl commands")
def test_the_quick_start_charges_and_refunds(mock: tuple[Starlette, str]) -> None:
    app, url = mock
    _, calls = _quick_start_blocks()
    script = calls.replace(_DOCUMENTED_BASE, f"BASE={url.rstrip('/')}")
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    assert len(lines) == 3, done.stdout  # the test call, the charge, the refund
    assert all('"Success":true' in line for line in lines), done.stdout
    assert '"Status":"Completed"' in lines[1]
    payment, refund = sorted(app.state.store.transactions.values(), key=lambda t: t.transaction_id)
    assert payment.status is TransactionStatus.COMPLETED and payment.amount == Decimal("100.50")
    assert payment.refunded == Decimal("40.50")
    assert refund.original_transaction_id == payment.transaction_id and refund.amount == Decimal("40.50")
