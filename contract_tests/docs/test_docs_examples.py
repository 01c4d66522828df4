"""Every Python example on the documentation page runs as written against the mock.

The examples are taken from the spec exactly as the page shows it (`docs.build.page_spec`): the
`x-codeSamples` of every operation and the Python blocks of the "Python client" section. Each runs in a fresh
interpreter with only the environment the page tells the reader to set (credentials and base URL).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

import pytest

from contract_tests.docs.docs_expectations import expected_versions
from contract_tests.support.mock_wheel import staged_mock_package
from contract_tests.support.servers import serve_asgi
from docs.build import page_spec
from mock_server import DEFAULT_API_SECRET, DEFAULT_PUBLIC_ID, create_app
from spec_tools import load_spec

ROOT: Final = Path(__file__).resolve().parents[2]
PAGE: Final[dict[str, Any]] = page_spec(load_spec())
_PYTHON_BLOCK: Final = re.compile(r"```python\n(.*?)```", re.DOTALL)
# Operations whose documented request succeeds on a fresh mock; the others name ids (a transaction, a token, a
# subscription) that only exist on the server they were documented on, and print the API's refusal.
SUCCEED_AS_DOCUMENTED: Final = frozenset({"chargeCard", "authCard", "test", "createOrder"})
# What an example may print instead of a result: the API's own refusal, never a client-side failure.
REFUSALS: Final = ("BadRequestError", "PaymentDeclinedError", "ThreeDSecureRequired")


def _operation_samples() -> dict[str, str]:
    samples: dict[str, str] = {}
    for item in PAGE["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and "x-codeSamples" in operation:
                (sample,) = [s for s in operation["x-codeSamples"] if s["lang"] == "Python"]
                samples[operation["operationId"]] = sample["source"]
    return samples


def _section_blocks() -> list[str]:
    description = str(PAGE["info"]["description"])
    section = description[description.index("## Python client") :]
    return _PYTHON_BLOCK.findall(section)


OPERATION_SAMPLES: Final = _operation_samples()
SECTION_BLOCKS: Final = _section_blocks()


@pytest.fixture(scope="module")
def mock_url() -> Iterator[str]:
    with serve_asgi(create_app()) as url:
        yield url


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mock's package as its wheel installs it (`cloudpayments_mock`), for the examples for users."""
    return staged_mock_package(tmp_path_factory.mktemp("site"))


def _run(source: str, base_url: str, site: Path) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("CLOUDPAYMENTS_")}
    env.update(
        CLOUDPAYMENTS_PUBLIC_ID=DEFAULT_PUBLIC_ID,
        CLOUDPAYMENTS_API_SECRET=DEFAULT_API_SECRET,
        CLOUDPAYMENTS_BASE_URL=base_url,
        PYTHONPATH=os.pathsep.join([str(ROOT / "generated_client"), str(site)]),
    )
    command = [sys.executable, "-c", source]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False)


def test_the_page_has_every_example() -> None:
    paths = load_spec()["paths"].values()
    assert set(OPERATION_SAMPLES) == {op["operationId"] for item in paths for op in item.values()}
    assert len(SECTION_BLOCKS) >= 4
    section = str(PAGE["info"]["description"])
    headings = ["Install", "Credentials", "Errors and what each carries", "Request id and retries"]
    headings += ["Timeouts", "Logging", "Receiving notifications", "Testing with the mock"]
    for heading in headings:
        assert f"### {heading}" in section
    assert "### Logging" in section and 'getLogger("cloudpayments_client")' in section


def test_the_page_opens_with_the_versions_it_documents() -> None:
    api, client = expected_versions(load_spec())
    first = str(PAGE["info"]["description"]).splitlines()[0]
    assert first == f"Versions: API description {api}, Python client cloudpayments_client {client}."


@pytest.mark.parametrize("operation_id", sorted(OPERATION_SAMPLES))
def test_operation_example_runs_against_the_mock(mock_url: str, installed: Path, operation_id: str) -> None:
    done = _run(OPERATION_SAMPLES[operation_id], mock_url, installed)
    assert done.returncode == 0, done.stdout + done.stderr
    output = done.stdout.strip()
    assert output, "the example prints its result"
    error = re.match(r"^(\w+(?:Error|Required)) ", output)
    if operation_id in SUCCEED_AS_DOCUMENTED:
        assert error is None, output
    else:
        # a result, or the API's refusal of an id it does not know; never a client-side failure
        assert error is None or error.group(1) in REFUSALS, output


@pytest.mark.parametrize("index", range(len(SECTION_BLOCKS)))
def test_python_client_section_example_runs_against_the_mock(
    mock_url: str, installed: Path, index: int
) -> None:
    done = _run(SECTION_BLOCKS[index], mock_url, installed)
    assert done.returncode == 0, SECTION_BLOCKS[index] + "\n" + done.stdout + done.stderr


def test_the_testing_example_passes_under_the_plugin(tmp_path: Path) -> None:
    """The "Testing with the mock" block is a test module: pytest with the mock's plugin passes it."""
    section = str(PAGE["info"]["description"])
    testing = section[section.index("### Testing with the mock") :]
    (block,) = _PYTHON_BLOCK.findall(testing)
    (tmp_path / "test_shop.py").write_text(block, encoding="utf-8")
    # As an installer runs it: the mock's wheel (staged) and the client, nothing of this checkout.
    site = staged_mock_package(tmp_path / "site")
    env = {key: value for key, value in os.environ.items() if not key.startswith("CLOUDPAYMENTS_")}
    env["PYTHONPATH"] = os.pathsep.join([str(site), str(ROOT / "generated_client")])
    command = [sys.executable, "-m", "pytest", "-q", "-p", "cloudpayments_mock.pytest_plugin"]
    command += ["-p", "no:cacheprovider", "-p", "no:asyncio"]
    done = subprocess.run(
        [*command, "test_shop.py"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed" in done.stdout, done.stdout
