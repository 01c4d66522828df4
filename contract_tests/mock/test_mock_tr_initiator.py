"""`TrInitiatorCode` of token payments: the current reference requires it, several client libraries in
production use omit it. The spec lists it in `required` and names it in `x-tolerated-absent`; the mock takes
its absence by default (a WARNING naming it, the transaction without one) and refuses it when strict, in both
encodings."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

import spec_tools
from contract_tests.mock.helpers import AUTH, BASE_URL, pay, send
from contract_tests.support.cards import OTHER_CARD
from mock_server import create_app

FORMS = pytest.mark.parametrize("form", [False, True], ids=["json", "form"])
SCHEMES = pytest.mark.parametrize("scheme", ["charge", "auth"])
ACCOUNT = "user-tr"


@pytest.fixture
async def strict_api() -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(spec_path=spec_tools.default_spec_path(), validate_responses=True, strict=True)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=BASE_URL, auth=AUTH
    ) as client:
        yield client
    assert app.state.api.internal_errors == []


async def token_body(api: httpx.AsyncClient, **extra: Any) -> dict[str, Any]:
    token = (await pay(api, OTHER_CARD, AccountId=ACCOUNT))["Model"]["Token"]
    return {"Amount": 10, "AccountId": ACCOUNT, "Token": token, **extra}


def test_the_spec_requires_it_and_says_it_is_tolerated(spec: spec_tools.Spec) -> None:
    for path in ("/payments/tokens/charge", "/payments/tokens/auth"):
        schema = spec_tools.request_schema(spec, path)
        assert "TrInitiatorCode" in spec_tools.required_properties(schema, spec)
        assert "TrInitiatorCode" in spec_tools.tolerated_absent(schema, spec)


@FORMS
@SCHEMES
async def test_absent_is_taken_by_default_with_a_warning(
    api: httpx.AsyncClient, caplog: pytest.LogCaptureFixture, form: bool, scheme: str
) -> None:
    body = await token_body(api)
    with caplog.at_level(logging.WARNING, logger="mock_server.requests"):
        answer = await send(api, f"/payments/tokens/{scheme}", body, form=form)
    assert answer["Success"] is True, answer
    assert answer["Model"]["TrInitiatorCode"] is None
    warnings = [
        r for r in caplog.records if r.name == "mock_server.requests" and r.levelno == logging.WARNING
    ]
    assert len(warnings) == 1
    assert "TrInitiatorCode is absent" in warnings[0].getMessage()
    assert f"/payments/tokens/{scheme}" in warnings[0].getMessage()


@FORMS
@SCHEMES
async def test_absent_is_refused_when_strict(strict_api: httpx.AsyncClient, form: bool, scheme: str) -> None:
    body = await token_body(strict_api)
    answer = await send(strict_api, f"/payments/tokens/{scheme}", body, form=form)
    assert answer == {"Success": False, "Message": "TrInitiatorCode is required", "Model": None}


@FORMS
@pytest.mark.parametrize("code", [0, 1])
async def test_present_is_fine_strict_or_not(
    api: httpx.AsyncClient,
    strict_api: httpx.AsyncClient,
    caplog: pytest.LogCaptureFixture,
    form: bool,
    code: int,
) -> None:
    with caplog.at_level(logging.WARNING, logger="mock_server.requests"):
        for client in (api, strict_api):
            body = await token_body(client, TrInitiatorCode=code)
            answer = await send(client, "/payments/tokens/charge", body, form=form)
            assert answer["Success"] is True, answer
            assert answer["Model"]["TrInitiatorCode"] == code
    assert not [r for r in caplog.records if r.name == "mock_server.requests"]


async def test_an_invalid_code_is_refused_even_by_default(api: httpx.AsyncClient) -> None:
    body = await token_body(api, TrInitiatorCode=2)
    answer = await send(api, "/payments/tokens/charge", body)
    assert answer["Success"] is False
    assert answer["Message"].startswith("TrInitiatorCode: 2 is not one of [0, 1]")


async def test_a_card_payment_never_needs_it(strict_api: httpx.AsyncClient) -> None:
    answer = await pay(strict_api, OTHER_CARD, AccountId=ACCOUNT)
    assert answer["Success"] is True, answer
