"""Every recorded exchange, replayed through the client, comes back as the typed result of its outcome."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import httpx
import pytest
from cloudpayments_client import BadRequestError, PaymentDeclinedError, ThreeDSecureRequired

from contract_tests.client.support import (
    Exchanges,
    async_client,
    client_method,
    complete_body,
    json_response,
    kwargs_for,
    replying,
    spec_path,
    sync_client,
)
from contract_tests.support.recorded import Exchange, load_exchanges
from spec_tools import Spec, load_spec

_SPEC = load_spec()
# An exchange's operation is the path it was sent to: `/site/notifications/pay/get` is `.../{Type}/get`.
EXCHANGES = [e for e in load_exchanges() if spec_path(_SPEC, e["operation"]) is not None]


def _operation(spec: Spec, exchange: Exchange) -> str:
    found = spec_path(spec, exchange["operation"])
    assert found is not None
    return found[0]


def _kwargs(spec: Spec, exchange: Exchange) -> dict[str, Any]:
    path, parameters = spec_path(spec, exchange["operation"]) or (exchange["operation"], {})
    body = exchange["request"]["body"]
    if exchange["outcome"] == "bad_request" and body is not None:
        body = complete_body(spec, path, body)
    return {**parameters, **kwargs_for(spec, path, body)}


def _check_success(result: Any, answer: dict[str, Any]) -> None:
    assert not isinstance(result, dict)
    if isinstance(answer.get("Model"), list):
        # A Model that is an array: a list of typed items, each carrying exactly what the API sent.
        assert isinstance(result, list)
        items = json.loads(json.dumps(answer["Model"]), parse_float=Decimal)
        assert [item.to_dict() for item in result] == items
        assert all(type(item).__name__ != "dict" for item in result)
    elif isinstance(answer.get("Model"), str):
        # A Model that is a bare string (a receipt's status): the envelope, the string as it came.
        assert result.success is True
        assert result.model == answer["Model"]
    elif answer.get("Model") is not None:
        # The typed model carries exactly what the API sent (numbers with a fraction as Decimal).
        assert result.to_dict() == json.loads(json.dumps(answer["Model"]), parse_float=Decimal)
    else:
        assert result.success is True
        assert result.message == answer.get("Message")


def _check_failure(error: BaseException, exchange: Exchange) -> None:
    answer = exchange["response"]["body"]
    outcome = exchange["outcome"]
    if outcome == "three_ds":
        assert isinstance(error, ThreeDSecureRequired)
        assert error.acs_url == answer["Model"]["AcsUrl"]
        assert error.pa_req == answer["Model"]["PaReq"]
        assert error.md == str(answer["Model"]["TransactionId"])
    elif outcome == "declined":
        assert isinstance(error, PaymentDeclinedError)
        assert error.reason_code == answer["Model"]["ReasonCode"] == 5051
        assert error.reason == answer["Model"]["Reason"]
        assert error.cardholder_message == answer["Model"]["CardHolderMessage"]
        assert error.transaction.transaction_id == answer["Model"]["TransactionId"]
    else:
        assert outcome in ("bad_request", "rejected")
        assert type(error) is BadRequestError
        assert error.message == answer["Message"]


def test_fixtures_cover_every_outcome() -> None:
    assert {e["outcome"] for e in EXCHANGES} == {"success", "three_ds", "declined", "bad_request", "rejected"}


@pytest.mark.parametrize("exchange", EXCHANGES, ids=[e["name"] for e in EXCHANGES])
def test_replay_sync(spec: Spec, exchange: Exchange) -> None:
    log = Exchanges()
    answer = json_response(exchange["response"]["body"], exchange["response"]["status"])
    with sync_client(replying(answer, log=log), log) as client:
        call = client_method(client, spec, _operation(spec, exchange))
        if exchange["outcome"] == "success":
            _check_success(call(**_kwargs(spec, exchange)), exchange["response"]["body"])
        else:
            with pytest.raises(Exception) as caught:
                call(**_kwargs(spec, exchange))
            _check_failure(caught.value, exchange)
    assert len(log.requests) == 1  # outcomes with HTTP 200 are never retried
    assert log.requests[0].url.path == exchange["operation"]


@pytest.mark.parametrize("exchange", EXCHANGES, ids=[e["name"] for e in EXCHANGES])
async def test_replay_async(spec: Spec, exchange: Exchange) -> None:
    log = Exchanges()
    answer = json_response(exchange["response"]["body"], exchange["response"]["status"])
    async with async_client(replying(answer, log=log), log) as client:
        call = client_method(client, spec, _operation(spec, exchange))
        if exchange["outcome"] == "success":
            _check_success(await call(**_kwargs(spec, exchange)), exchange["response"]["body"])
        else:
            with pytest.raises(Exception) as caught:
                await call(**_kwargs(spec, exchange))
            _check_failure(caught.value, exchange)
    assert len(log.requests) == 1


@pytest.mark.parametrize(
    "exchange", [e for e in EXCHANGES if e["outcome"] == "bad_request"], ids=lambda e: e["name"]
)
def test_schema_violating_request_is_refused_before_sending(spec: Spec, exchange: Exchange) -> None:
    """The recorded bad request lacks a required field: the typed client does not send it at all."""
    log = Exchanges()
    path, parameters = spec_path(spec, exchange["operation"]) or (exchange["operation"], {})
    with sync_client(replying(httpx.Response(500), log=log), log) as client:
        call = client_method(client, spec, path)
        with pytest.raises(TypeError, match="required keyword-only argument"):
            call(**parameters, **kwargs_for(spec, path, exchange["request"]["body"]))
    assert log.requests == []
