"""The business checks fail when they should: against a deliberately lenient copy of the mock.

A check that never fires would let every run pass. The copy wraps the real mock and turns each refusal
without a Model into `Success: true`, which is what a server that accepts invalid input looks like.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.core.failures import FailureGroup
from starlette.types import Message, Receive, Scope, Send

from contract_tests.contract import checks, request_ids  # noqa: F401  (registers the checks and the X-Request-ID hook)
from contract_tests.contract.settings import schemathesis_config
from contract_tests.support.mock_target import mock_app
from mock_server.routes.api import ApiRoutes
from spec_tools import default_spec_path

MOCK = mock_app()


async def lenient_mock(scope: Scope, receive: Receive, send: Send) -> None:
    async def accepting(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = [(k, v) for k, v in message["headers"] if k.lower() != b"content-length"]
            message = {**message, "headers": headers}
        elif message["type"] == "http.response.body" and message.get("body"):
            body = json.loads(message["body"])
            if body.get("Success") is False and not body.get("Model"):
                message = {**message, "body": json.dumps({"Success": True, "Message": None}).encode()}
        await send(message)

    await MOCK(scope, receive, accepting)


def test_invalid_input_accepted_is_reported() -> None:
    schema = schemathesis.openapi.from_path(default_spec_path(), config=schemathesis_config(30))
    schema.app = lenient_mock
    operation = schema["/payments/void"]["POST"]

    @given(case=operation.as_strategy(generation_mode=GenerationMode.NEGATIVE))
    @settings(max_examples=30, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def run(case: schemathesis.Case[Any]) -> None:
        case.call_and_validate()

    with pytest.raises(FailureGroup) as failure:
        run()
    reported = [str(error) for error in failure.value.exceptions]
    assert any("invalid_input_is_rejected" in text for text in reported), reported
    assert any("Schema-violating request answered Success: true" in text for text in reported), reported


def test_reused_request_id_answered_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    """A server that replays the first answer for any request with the key is caught."""
    app = mock_app()
    monkeypatch.setattr(ApiRoutes, "_replay", lambda self, path, stored, request_print: stored.body)
    schema = schemathesis.openapi.from_path(default_spec_path(), config=schemathesis_config(30))
    schema.app = app
    operation = schema["/orders/create"]["POST"]

    @given(case=operation.as_strategy(generation_mode=GenerationMode.POSITIVE))
    @settings(max_examples=60, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def run(case: schemathesis.Case[Any]) -> None:
        case.call_and_validate()

    with pytest.raises(FailureGroup) as failure:
        run()
    reported = [str(error) for error in failure.value.exceptions]
    assert any("reused_request_id_is_refused" in text for text in reported), reported
