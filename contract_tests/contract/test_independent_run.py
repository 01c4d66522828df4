"""An independent contract run: the schemathesis CLI with nothing of this project's (no hooks, no checks, no
configuration but the credentials) against the mock on 127.0.0.1, as another team would point it at the spec.

What it must not find: a request carrying a `null` the spec forbids that the mock accepts. Clients send `null`
for optional parameters they leave out (`"Currency": null`); the spec says so in standard terms (optional
properties admit null), so the run neither flags those nulls as schema violations nor finds the mock taking a
null that the spec refuses (for a required property the mock refuses it too).

What it may find, by the API's design, and the test leaves to the other suites: every outcome is HTTP 200 with
`Success: false` and a `Message`, never a 4xx, so the built-in `negative_data_rejection` (ST201, "invalid data
should have been rejected") fails on every invalid request, however the mock refused it. A finding is about
nulls here when its check is `negative_data_rejection`, its JSON body carries a `null` and the mock processed
it: `Success: true`, or a `Model` (a declined or 3-D Secure transaction). Form bodies are not judged: a form
cannot carry `null` (the client library drops the field). Every case schemathesis ran is read from its NDJSON
report, not only the first failure of each kind it prints.

The coverage phase sends `null` for each property of each operation, deterministically; the fuzzing phase,
seeded, adds a few random bodies. Operations taking `X-Request-ID` get one value for all of an operation's
coverage cases, so the mock refuses the repeats ("already used for another operation") whatever their nulls:
the lists and lookups, which take no key, are where a null reaches the business code in this run.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

import httpx
import pytest

from contract_tests.support.credentials import API_SECRET, PUBLIC_ID
from contract_tests.support.servers import free_port
from spec_tools import JSON, REPO_ROOT, default_spec_path

pytestmark = pytest.mark.slow

SEED: Final = 20240601
MAX_EXAMPLES: Final = 10
# The only configuration: the credentials, read from the environment (never on a command line).
CONFIG: Final = """[auth.openapi.basicAuth]
username = "${INDEPENDENT_PUBLIC_ID}"
password = "${INDEPENDENT_API_SECRET}"
"""


@pytest.fixture(scope="module")
def mock_url() -> Iterator[str]:
    port = free_port()
    command = [sys.executable, "-m", "mock_server", "--port", str(port), "--public-id", PUBLIC_ID]
    process = subprocess.Popen(
        [*command, "--api-secret", API_SECRET, "--log-level", "warning"],
        cwd=REPO_ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"{url}/", timeout=1.0)
                break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the mock did not start: {process.stderr!r}") from None
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def run(mock_url: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[dict[str, Any]]]:
    """The CLI's output and the recorder of every scenario it ran."""
    where = tmp_path_factory.mktemp("independent")
    (where / "schemathesis.toml").write_text(CONFIG, encoding="utf-8")
    report = where / "run.ndjson"
    # Run from an empty folder, so nothing of the project's (hooks, configuration) can be found.
    environment = {key: value for key, value in os.environ.items() if not key.startswith("SCHEMATHESIS_")}
    environment |= {"INDEPENDENT_PUBLIC_ID": PUBLIC_ID, "INDEPENDENT_API_SECRET": API_SECRET}
    result = subprocess.run(
        [
            str(Path(sys.executable).with_name("schemathesis")),
            "run",
            str(default_spec_path()),
            "--url",
            mock_url,
            "--phases",
            "coverage,fuzzing",
            "--max-examples",
            str(MAX_EXAMPLES),
            "--seed",
            str(SEED),
            "--continue-on-failure",
            "--no-color",
            "--report",
            "ndjson",
            "--report-ndjson-path",
            str(report),
        ],
        cwd=where,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = result.stdout + result.stderr
    assert report.is_file(), output[-4000:]
    recorders = [
        event["ScenarioFinished"]["recorder"]
        for event in map(json.loads, report.read_text(encoding="utf-8").splitlines())
        if "ScenarioFinished" in event
    ]
    return output, recorders


def nulls_in(value: Any, path: str = "") -> Iterator[str]:
    """Where a JSON value holds null: `TimeZone`, `Payer.Phone`, `Legs[0]`."""
    if value is None:
        yield path or "<the body>"
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from nulls_in(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from nulls_in(item, f"{path}[{index}]")


def _decoded(payload: Any) -> Any:
    """A recorded JSON body (base64 in the report), or None when there is none or it is not JSON."""
    if not isinstance(payload, dict) or "$base64" not in payload:
        return None
    try:
        return json.loads(base64.b64decode(payload["$base64"]))
    except ValueError:
        return None


def exchanges_with_nulls(recorders: list[dict[str, Any]]) -> Iterator[tuple[str, list[str], Any, bool]]:
    """(operation, where the JSON body holds null, the answer, whether `negative_data_rejection` failed) for
    every case whose JSON body held a null and that got an answer."""
    for recorder in recorders:
        for case_id, interaction in recorder.get("interactions", {}).items():
            request, response = interaction.get("request", {}), interaction.get("response")
            content_type = (request.get("headers", {}).get("Content-Type") or [""])[0]
            if response is None or not content_type.startswith(JSON):
                continue
            found = list(nulls_in(_decoded(request.get("body"))))
            if not found or "body" not in request or request["body"] is None:
                continue
            failed = any(
                check["name"] == "negative_data_rejection" and check["status"] == "failure"
                for check in recorder.get("checks", {}).get(case_id, [])
            )
            yield recorder["label"], found, _decoded(response.get("content")), failed


def processed(answer: Any) -> bool:
    """The mock carried the request out: `Success: true`, or a transaction (`Model`) of a decline or a 3-D
    Secure challenge. A refusal is `Success: false` with a `Message` and no `Model`."""
    if not isinstance(answer, dict):
        return False
    return answer.get("Success") is True or isinstance(answer.get("Model"), dict)


def test_no_null_the_spec_forbids_is_accepted_by_the_mock(run: tuple[str, list[dict[str, Any]]]) -> None:
    output, recorders = run
    assert API_SECRET not in output
    findings = sorted(
        {
            f"{operation}: {', '.join(where)}"
            for operation, where, answer, failed in exchanges_with_nulls(recorders)
            if failed and processed(answer)
        }
    )
    assert not findings, "The spec forbids these nulls, the mock accepted them:\n" + "\n".join(findings)


def test_the_run_reached_the_mock_with_nulls_in_optional_properties(
    run: tuple[str, list[dict[str, Any]]],
) -> None:
    """The run is not vacuous: it sent nulls, and the mock carried some of those requests out."""
    _, recorders = run
    assert {recorder["label"] for recorder in recorders} >= {"POST /payments/list", "POST /v2/payments/list"}
    accepted = {
        (operation, place)
        for operation, where, answer, _ in exchanges_with_nulls(recorders)
        if processed(answer)
        for place in where
    }
    assert ("POST /payments/list", "TimeZone") in accepted, sorted(accepted)
    assert ("POST /v2/payments/list", "TimeZone") in accepted, sorted(accepted)
