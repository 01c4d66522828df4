"""What the client sends for each operation matches the spec's request side."""

from __future__ import annotations

import base64
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from contract_tests.client.support import (
    PUBLIC_ID,
    SECRET,
    Exchanges,
    async_client,
    client_method,
    documented_request,
    json_response,
    kwargs_for,
    operations,
    path_kwargs,
    replying,
    sync_client,
)
from spec_tools import Spec, load_spec, object_properties, request_schema, request_validator

OPERATION_IDS = sorted(operations(load_spec()))
EXPECTED_AUTH = "Basic " + base64.b64encode(f"{PUBLIC_ID}:{SECRET}".encode()).decode()


def _success_answer(spec: Spec, op: dict[str, Any]) -> dict[str, Any]:
    media = op["responses"]["200"]["content"]["application/json"]
    ref = media["examples"]["success"]["$ref"]
    value: dict[str, Any] = spec["components"]["examples"][ref.rsplit("/", 1)[1]]["value"]
    return value


def _request_id_schema(spec: Spec, op: dict[str, Any]) -> dict[str, Any] | None:
    for param in op.get("parameters", []):
        if "$ref" in param:
            param = spec["components"]["parameters"][param["$ref"].rsplit("/", 1)[1]]
        if param["in"] == "header" and param["name"] == "X-Request-ID":
            schema: dict[str, Any] = param["schema"]
            return schema
    return None


def _check_request(spec: Spec, operation_id: str, log: Exchanges) -> None:
    path, op = operations(spec)[operation_id]
    assert len(log.requests) == 1
    sent = log.requests[0]
    assert sent.method == "POST"
    # a path parameter is sent as the example of the spec (or its first enum value), percent-encoded
    assert sent.url.raw_path.decode() == path_kwargs(spec, path)[1]
    assert sent.headers["Authorization"] == EXPECTED_AUTH
    id_schema = _request_id_schema(spec, op)
    if id_schema is None:
        assert "X-Request-ID" not in sent.headers
    else:
        Draft202012Validator(id_schema).validate(sent.headers["X-Request-ID"])
    if "requestBody" not in op:
        assert sent.content == b""
        return
    assert sent.headers["Content-Type"] == "application/json"
    body = log.body()
    # Exact spelling of the spec (PascalCase), not merely a case-insensitive match.
    assert set(body) <= set(object_properties(request_schema(spec, path), spec))
    errors = [e.message for e in request_validator(spec, path).iter_errors(body)]
    assert errors == []
    assert body == documented_request(spec, path)


@pytest.mark.parametrize("operation_id", OPERATION_IDS)
def test_sync_request_matches_spec(spec: Spec, operation_id: str) -> None:
    path, op = operations(spec)[operation_id]
    log = Exchanges()
    kwargs = {**path_kwargs(spec, path)[0], **kwargs_for(spec, path, documented_request(spec, path))}
    with sync_client(replying(json_response(_success_answer(spec, op)), log=log), log) as client:
        client_method(client, spec, path)(**kwargs)
    _check_request(spec, operation_id, log)


@pytest.mark.parametrize("operation_id", OPERATION_IDS)
async def test_async_request_matches_spec(spec: Spec, operation_id: str) -> None:
    path, op = operations(spec)[operation_id]
    log = Exchanges()
    kwargs = {**path_kwargs(spec, path)[0], **kwargs_for(spec, path, documented_request(spec, path))}
    async with async_client(replying(json_response(_success_answer(spec, op)), log=log), log) as client:
        await client_method(client, spec, path)(**kwargs)
    _check_request(spec, operation_id, log)


def test_caller_request_id_is_sent(spec: Spec) -> None:
    _, op = operations(spec)["refundPayment"]
    log = Exchanges()
    with sync_client(replying(json_response(_success_answer(spec, op)), log=log), log) as client:
        client.payments.refund_payment(transaction_id=455, amount=100, request_id="order-42-refund-1")
    assert log.requests[0].headers["X-Request-ID"] == "order-42-refund-1"


def test_each_call_gets_a_new_request_id(spec: Spec) -> None:
    _, op = operations(spec)["voidPayment"]
    log = Exchanges()
    with sync_client(replying(json_response(_success_answer(spec, op)), log=log), log) as client:
        client.payments.void_payment(transaction_id=1)
        client.payments.void_payment(transaction_id=1)
    ids = [r.headers["X-Request-ID"] for r in log.requests]
    assert len(ids) == 2 and ids[0] != ids[1]
