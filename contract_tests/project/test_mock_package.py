"""The mock's package: its dependency ranges hold the project's pins, its changelog its version, and the
pytest plugin's fixtures work in a pytest run of their own (pytester), against the mock and in live mode.

`make consumer` proves the same from the built wheels in a fresh venv (examples/run_consumer.py).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any, Final

import pytest
from packaging.requirements import Requirement

from contract_tests.support.mock_wheel import staged_mock_package
from mock_server.defaults import DEFAULT_PUBLIC_ID
from spec_tools import REPO_ROOT

pytest_plugins = ["pytester"]
# The inner runs load only the plugin under test (not this environment's pytest-asyncio).
PLUGIN: Final = ("-p", "mock_server.pytest_plugin", "-p", "no:asyncio", "-p", "no:cacheprovider")

PACKAGE: Final = REPO_ROOT / "mock_server"
RUNTIME: Final = {
    "starlette",
    "uvicorn",
    "httpx",
    "sniffio",
    "jsonschema",
    "jsonschema-rs",
    "referencing",
    "rfc3339-validator",
    "pyyaml",
    "segno",
}


def _run_inner(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    """The inner pytest run in a process of its own: run in this one, it would leave a second copy of the
    mock's modules behind (pytester restores `sys.modules`), and classes compared by identity would differ."""
    pythonpath = os.pathsep.join([str(REPO_ROOT), str(REPO_ROOT / "generated_client")])
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PYTHONPATH", pythonpath)
        return pytester.runpytest_subprocess(*args, timeout=300)


def _project(path: str) -> dict[str, Any]:
    with (REPO_ROOT / path).open("rb") as handle:
        project: dict[str, Any] = tomllib.load(handle)["project"]
        return project


def test_the_runtime_dependencies_are_ranges_holding_the_project_pins() -> None:
    pinned = [Requirement(text) for text in _project("pyproject.toml")["dependencies"]]
    pins = {requirement.name.lower(): requirement for requirement in pinned}
    ranges = [Requirement(text) for text in _project("mock_server/pyproject.toml")["dependencies"]]
    assert {requirement.name.lower() for requirement in ranges} == RUNTIME
    for requirement in ranges:
        (pin,) = pins[requirement.name.lower()].specifier
        assert requirement.specifier.contains(pin.version), f"{requirement} leaves out the pin {pin}"


def test_the_version_has_a_changelog_entry_and_the_plugin_an_entry_point() -> None:
    project = _project("mock_server/pyproject.toml")
    changelog = (PACKAGE / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## {project['version']}" in changelog
    assert project["entry-points"]["pytest11"] == {"cloudpayments_mock": "cloudpayments_mock.pytest_plugin"}
    assert project["scripts"] == {"cloudpayments-mock": "cloudpayments_mock.__main__:main"}


STANDALONE: Final = """
import importlib.util, asyncio, httpx
import cloudpayments_mock, cloudpayments_mock._spec as reader
from cloudpayments_mock import DEFAULT_API_SECRET, DEFAULT_PUBLIC_ID, create_app
assert importlib.util.find_spec("mock_server") is None and importlib.util.find_spec("spec_tools") is None
assert reader.default_spec_path() == reader.document.PACKAGED_SPEC

async def main():
    transport = httpx.ASGITransport(app=create_app())
    auth = (DEFAULT_PUBLIC_ID, DEFAULT_API_SECRET)
    async with httpx.AsyncClient(transport=transport, base_url="http://mock", auth=auth) as http:
        print((await http.post("/test")).json()["Success"])

asyncio.run(main())
"""


def test_the_wheel_installs_one_namespaced_package(tmp_path: Path) -> None:
    """What the wheel puts into site-packages: `cloudpayments_mock` alone, which works with nothing of this
    checkout on the path (its spec reader inside it as `cloudpayments_mock._spec`)."""
    site = staged_mock_package(tmp_path / "site")
    assert sorted(path.name for path in site.iterdir()) == ["cloudpayments_mock"]
    modules = {path.relative_to(site).as_posix() for path in site.rglob("*.py")}
    assert (
        "cloudpayments_mock/pytest_plugin.py" in modules and "cloudpayments_mock/_spec/document.py" in modules
    )
    for path in site.rglob("*.py"):
        code = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(from|import) (mock_server|spec_tools)\b", code, re.M), path
    env = {name: value for name, value in os.environ.items() if name not in {"PYTHONPATH", "OPENAPI_SPEC"}}
    env["PYTHONPATH"] = str(site)
    done = subprocess.run(
        [sys.executable, "-c", STANDALONE], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"
    helped = subprocess.run(
        [sys.executable, "-m", "cloudpayments_mock", "--help"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert helped.returncode == 0 and "python -m cloudpayments_mock" in helped.stdout


FIXTURE_TESTS: Final = """
import asyncio
from decimal import Decimal

import httpx
import pytest
from cloudpayments_client import PaymentDeclinedError, ThreeDSecureRequired


def test_mock(cloudpayments_mock):
    with cloudpayments_mock.http() as http:
        assert http.post("/test").json()["Success"] is True
    assert httpx.post(f"{cloudpayments_mock.base_url}/test").status_code == 401


def test_client_and_cards(cloudpayments_client, cloudpayments_cards, cloudpayments_target):
    packet = cloudpayments_cards.cryptogram(cloudpayments_cards.approved)
    payment = cloudpayments_client.payments.charge_card(
        amount=10, currency="RUB", ip_address="203.0.113.7", name="A", card_cryptogram_packet=packet
    )
    assert payment.status == "Completed"
    assert cloudpayments_target.mock.notifications == []
    with pytest.raises(PaymentDeclinedError):
        cloudpayments_client.payments.charge_card(
            amount=Decimal("10"), currency="RUB", ip_address="203.0.113.7", name="A B",
            card_cryptogram_packet=cloudpayments_cards.cryptogram(cloudpayments_cards.declined),
        )


def test_3ds(cloudpayments_client, cloudpayments_cards, cloudpayments_3ds):
    with pytest.raises(ThreeDSecureRequired) as raised:
        cloudpayments_client.payments.charge_card(
            amount=Decimal("10"), currency="RUB", ip_address="203.0.113.7", name="A B",
            card_cryptogram_packet=cloudpayments_cards.cryptogram(cloudpayments_cards.three_ds),
        )
    md, pa_res = cloudpayments_3ds(raised.value)
    assert cloudpayments_client.payments.post3ds(transaction_id=int(md), pa_res=pa_res).status == "Completed"


def test_async_client(cloudpayments_async_client, cloudpayments_cards, cloudpayments_3ds):
    async def pay():
        try:
            await cloudpayments_async_client.payments.charge_card(
                amount=Decimal("10"), currency="RUB", ip_address="203.0.113.7", name="A B",
                card_cryptogram_packet=cloudpayments_cards.cryptogram(cloudpayments_cards.three_ds),
            )
        except ThreeDSecureRequired as challenge:
            md, pa_res = await cloudpayments_3ds.walk_async(challenge)
            return await cloudpayments_async_client.payments.post3ds(transaction_id=int(md), pa_res=pa_res)

    assert asyncio.run(pay()).status == "Completed"


def test_session_mock_keeps_state(cloudpayments_mock_session):
    with cloudpayments_mock_session.http() as http:
        http.post("/payments/find", json={"InvoiceId": "x"})
    cloudpayments_mock_session.reset()


def test_factory_and_receiver(cloudpayments_mock_factory, cloudpayments_receiver, cloudpayments_cards):
    mock = cloudpayments_mock_factory(check_url=cloudpayments_receiver.url("check"))
    mock.send_notifications_to(cloudpayments_receiver.url("pay"), "Pay")
    body = {"Amount": 5, "Currency": "RUB", "IpAddress": "203.0.113.7", "Name": "A B",
            "CardCryptogramPacket": cloudpayments_cards.cryptogram(cloudpayments_cards.approved)}
    with mock.http() as http:
        assert http.post("/payments/cards/charge", json=body).json()["Success"] is True
    assert len(cloudpayments_receiver.wait_for("pay")) == 1
    assert len(cloudpayments_receiver.of("check")) == 1
    assert [sent["Type"] for sent in mock.wait_notifications()] == ["Check", "Pay"]
"""


def test_the_fixtures_serve_the_mock_and_a_ready_client(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(FIXTURE_TESTS)
    result = _run_inner(pytester, *PLUGIN)
    result.assert_outcomes(passed=6)
    result.stdout.fnmatch_lines(["cloudpayments: the mock (cloudpayments-mock) on 127.0.0.1"])


LIVE_TESTS: Final = """
def test_target(cloudpayments_target, cloudpayments_client):
    assert (cloudpayments_target.live, cloudpayments_target.base_url) == (True, "https://sandbox.example")
    assert cloudpayments_client.base_url == "https://sandbox.example"


def test_mock_only(cloudpayments_mock):
    pass


def test_walk_only(cloudpayments_3ds):
    pass


def test_cryptogram(cloudpayments_cards):
    cloudpayments_cards.cryptogram(cloudpayments_cards.approved)
"""


def test_live_mode_points_the_client_at_the_terminal_and_skips_what_needs_the_mock(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLOUDPAYMENTS_PUBLIC_ID", "pk_live_test")
    monkeypatch.setenv("CLOUDPAYMENTS_API_SECRET", "not-a-secret")
    monkeypatch.setenv("CLOUDPAYMENTS_BASE_URL", "https://sandbox.example/")
    pytester.makepyfile(LIVE_TESTS)
    result = _run_inner(pytester, *PLUGIN, "--cloudpayments-live", "-rs")
    result.assert_outcomes(passed=1, skipped=3)
    result.stdout.fnmatch_lines(["*live terminal at https://sandbox*", "*cloudpayments_mock needs the mock*"])
    assert "not-a-secret" not in result.stdout.str()


def test_live_mode_without_credentials_is_a_usage_error(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLOUDPAYMENTS_LIVE", "1")
    for name in ("CLOUDPAYMENTS_PUBLIC_ID", "CLOUDPAYMENTS_API_SECRET", "CLOUDPAYMENTS_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    pytester.makepyfile("def test_nothing(): pass")
    result = _run_inner(pytester, *PLUGIN)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*CLOUDPAYMENTS_LIVE=1 needs CLOUDPAYMENTS_PUBLIC_ID*"])


# What loading the plugin imports, in a fresh process that has pytest: the plugin and its package, nothing
# else beyond the standard library (the app, starlette, httpx and uvicorn load once a fixture runs).
LOADING_THE_PLUGIN: Final = """
import json, sys
import pytest
before = set(sys.modules)
import mock_server.pytest_plugin
print(json.dumps(sorted(set(sys.modules) - before)))
"""
THE_PACKAGE_LAZILY: Final = """
import json, sys
import mock_server
loaded = sorted(name for name in sys.modules if name.startswith("mock_server."))
print(json.dumps([loaded, mock_server.create_app.__module__, mock_server.DEFAULT_PUBLIC_ID]))
"""


def _child_python(code: str) -> Any:
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout)


def test_loading_the_plugin_imports_no_module_of_the_app() -> None:
    added = set(_child_python(LOADING_THE_PLUGIN))
    outside = {name for name in added if name.split(".")[0] not in sys.stdlib_module_names}
    assert outside == {"mock_server", "mock_server.pytest_plugin"}


def test_importing_the_package_loads_the_app_only_when_a_name_is_used() -> None:
    loaded, create_app_home, public_id = _child_python(THE_PACKAGE_LAZILY)
    assert loaded == []
    assert create_app_home == "mock_server.app"
    assert public_id == DEFAULT_PUBLIC_ID


FAULT_TESTS: Final = """
import logging
from datetime import UTC, datetime

import pytest
from cloudpayments_client import APITimeoutError


def test_a_dropped_answer_is_retried_with_its_request_id(cloudpayments_client, cloudpayments_mock,
                                                          cloudpayments_cards, caplog):
    cloudpayments_mock.fault("/payments/cards/charge", "drop-after-commit")
    caplog.set_level(logging.INFO, logger="cloudpayments_client")
    payment = cloudpayments_client.payments.charge_card(
        amount=100, currency="RUB", ip_address="203.0.113.7", name="A B", request_id="order-42-payment",
        card_cryptogram_packet=cloudpayments_cards.cryptogram(cloudpayments_cards.approved),
    )
    assert payment.status == "Completed"
    assert "chargeCard attempt 1 (request id order-42-payment)" in caplog.text
    assert "ERROR" not in caplog.text
    today = datetime.now(UTC).date()
    payments = cloudpayments_client.payments.list_payments(date=today)
    assert [p.transaction_id for p in payments] == [payment.transaction_id]
    assert cloudpayments_mock.faults == []


def test_a_503_and_a_429_are_retried(cloudpayments_client, cloudpayments_mock):
    cloudpayments_mock.fault("/test", "status:503")
    cloudpayments_mock.fault("/test", "status:429")
    assert cloudpayments_client.general.test() is not None
    assert cloudpayments_mock.faults == []


def test_a_timeout_without_retries_is_an_api_timeout(cloudpayments_client, cloudpayments_mock):
    cloudpayments_mock.fault("/test", "timeout:2")
    with pytest.raises(APITimeoutError):
        cloudpayments_client.general.test(timeout=1, max_retries=0)
"""


def test_a_fault_armed_through_the_fixture_meets_the_clients_retries(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(FAULT_TESTS)
    result = _run_inner(pytester, *PLUGIN)
    result.assert_outcomes(passed=3)
