"""`python -m contract_tests.contract.recordings DIR` (`make check-recordings DIR=...`): the fixture suites
over any folder of recorded exchanges (the recording proxy's): each request and answer validated against the
spec, each request replayed on the mock where its state can be built, each answer parsed by the client.

Exits non-zero on any disagreement, the failing test naming the file and the field. The suites' coverage
checks (every operation recorded, every outcome present) hold for `contract_tests/fixtures/` only and are
left out here: a folder of recordings covers what its traffic covered.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Final

from contract_tests.support.recorded import RECORDINGS_ENV

SUITES: Final = (
    "contract_tests/contract/test_fixtures.py",
    "contract_tests/contract/test_fixtures_mock.py",
    "contract_tests/client/test_client_fixtures.py",
)
# Coverage checks of the project's own fixtures, not of a folder of recordings.
COVERAGE_TESTS: Final = (
    "contract_tests/contract/test_fixtures.py::test_every_documented_operation_has_a_fixture",
    "contract_tests/client/test_client_fixtures.py::test_fixtures_cover_every_outcome",
)
ROOT: Final = Path(__file__).resolve().parents[2]


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m contract_tests.contract.recordings DIR", file=sys.stderr)
        return 2
    folder = Path(argv[0]).resolve()
    if not folder.is_dir():
        print(f"{argv[0]}: not a folder", file=sys.stderr)
        return 2
    if not any(folder.glob("*.json")):
        print(f"{argv[0]}: no recorded exchange (*.json) in it", file=sys.stderr)
        return 2
    env = {**os.environ, RECORDINGS_ENV: str(folder)}
    deselect = [arg for test in COVERAGE_TESTS for arg in ("--deselect", test)]
    command = [sys.executable, "-m", "pytest", *SUITES, *deselect, "-q", "-p", "no:cacheprovider"]
    return subprocess.run(command, env=env, cwd=ROOT, check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
