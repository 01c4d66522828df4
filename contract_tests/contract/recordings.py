"""`python -m contract_tests.contract.recordings DIR` (`make check-recordings DIR=...`): the fixture suites
over any folder of recordings (the recording proxy's): each request and answer validated against the spec,
each request replayed on the mock where its state can be built, each answer parsed by the client; and each
notification in `DIR/notifications/` validated against its webhook's schema and read by the client.

Exits non-zero on any disagreement, the failing test naming the file and the field. The suites' coverage
checks (every operation recorded, every outcome present, bodies of each source) hold for the project's own
fixtures only and are left out here, as is a check with nothing of its kind to check (no bad request
recorded): a folder of recordings covers what its traffic covered.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Final

from contract_tests.support.recorded import PROXY_REPORT, RECORDINGS_ENV
from mock_server.proxy_notifications import NOTIFICATIONS_FOLDER

EXCHANGE_SUITES: Final = (
    "contract_tests/contract/test_fixtures.py",
    "contract_tests/contract/test_fixtures_mock.py",
    "contract_tests/client/test_client_fixtures.py",
)
# Coverage checks of the project's own fixtures, not of a folder of recordings.
COVERAGE_TESTS: Final = (
    "contract_tests/contract/test_fixtures.py::test_every_documented_operation_has_a_fixture",
    "contract_tests/client/test_client_fixtures.py::test_fixtures_cover_every_outcome",
)
# Checks of recorded bad requests: left out when none was recorded.
BAD_REQUEST_TESTS: Final = (
    "contract_tests/client/test_client_fixtures.py::test_schema_violating_request_is_refused_before_sending",
)
NOTIFICATION_TESTS: Final = (
    "contract_tests/client/test_real_world_notifications.py::test_body_validates_against_the_webhook_schema",
    "contract_tests/client/test_real_world_notifications.py::test_body_is_read_by_the_client",
)
ROOT: Final = Path(__file__).resolve().parents[2]


def _outcomes(folder: Path) -> set[str]:
    """The outcomes the folder's exchanges name (a file that is unreadable counts as every outcome: the suites
    then fail on it)."""
    found: set[str] = set()
    for path in folder.glob("*.json"):
        if path.name == PROXY_REPORT:
            continue
        try:
            found.add(str(json.loads(path.read_text(encoding="utf-8"))["outcome"]))
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError):
            found.add("bad_request")
    return found


def command(folder: Path) -> list[str] | None:
    """The pytest command for `folder`, or None when it holds no recording."""
    outcomes = _outcomes(folder)
    notifications = folder / NOTIFICATIONS_FOLDER
    tests: list[str] = []
    deselect: list[str] = []
    if outcomes:
        tests += EXCHANGE_SUITES
        deselect += COVERAGE_TESTS
        if "bad_request" not in outcomes:
            deselect += BAD_REQUEST_TESTS
    if notifications.is_dir() and any(notifications.glob("*.json")):
        tests += NOTIFICATION_TESTS
    if not tests:
        return None
    options = [arg for test in deselect for arg in ("--deselect", test)]
    return [sys.executable, "-m", "pytest", *tests, *options, "-q", "-p", "no:cacheprovider"]


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m contract_tests.contract.recordings DIR", file=sys.stderr)
        return 2
    folder = Path(argv[0]).resolve()
    if not folder.is_dir():
        print(f"{argv[0]}: not a folder", file=sys.stderr)
        return 2
    run = command(folder)
    if run is None:
        print(
            f"{argv[0]}: no recorded exchange (*.json) or notification (notifications/*.json)",
            file=sys.stderr,
        )
        return 2
    env = {**os.environ, RECORDINGS_ENV: str(folder)}
    return subprocess.run(run, env=env, cwd=ROOT, check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
