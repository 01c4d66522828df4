"""The client always sends `TrInitiatorCode` on token payments (the current reference requires it; the mock
only tolerates its absence): a required keyword of `charge_token` / `auth_token`, sync and async, written into
the body as given; leaving it out fails before anything is sent."""

from __future__ import annotations

import asyncio
import inspect
from typing import Any

import pytest
from cloudpayments_client import AsyncCloudPayments, CloudPayments

from contract_tests.client.support import Exchanges, async_client, json_response, replying, sync_client
from spec_tools import load_spec

METHODS = pytest.mark.parametrize("method", ["charge_token", "auth_token"])
CLIENTS = pytest.mark.parametrize("client_class", [CloudPayments, AsyncCloudPayments])


def approved_answer() -> dict[str, Any]:
    value: dict[str, Any] = load_spec()["components"]["examples"]["TokenTransactionApproved"]["value"]
    return value


@CLIENTS
@METHODS
def test_it_is_a_required_keyword(client_class: type[Any], method: str) -> None:
    resource = client_class(public_id="pk", api_secret="sk").payments
    parameter = inspect.signature(getattr(resource, method)).parameters["tr_initiator_code"]
    assert parameter.kind is inspect.Parameter.KEYWORD_ONLY
    assert parameter.default is inspect.Parameter.empty


@METHODS
def test_leaving_it_out_sends_nothing(method: str) -> None:
    log = Exchanges()
    with sync_client(replying(json_response(approved_answer()), log=log), log) as client:
        call = getattr(client.payments, method)
        with pytest.raises(TypeError, match="tr_initiator_code"):
            call(amount=10, account_id="user_x", token="tk_1")
    assert log.requests == []


@METHODS
@pytest.mark.parametrize("code", [0, 1])
def test_it_is_sent_as_given(method: str, code: int) -> None:
    log = Exchanges()
    with sync_client(replying(json_response(approved_answer()), log=log), log) as client:
        getattr(client.payments, method)(amount=10, account_id="user_x", token="tk_1", tr_initiator_code=code)
    assert log.body()["TrInitiatorCode"] == code


@METHODS
def test_the_async_client_sends_it_too(method: str) -> None:
    log = Exchanges()

    async def run() -> None:
        async with async_client(replying(json_response(approved_answer()), log=log), log) as client:
            await getattr(client.payments, method)(
                amount=10, account_id="user_x", token="tk_1", tr_initiator_code=0
            )

    asyncio.run(run())
    assert log.body()["TrInitiatorCode"] == 0
