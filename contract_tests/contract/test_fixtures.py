"""Every recorded exchange in fixtures/ agrees with openapi.yaml.

A failure here means the spec disagrees with the documented API: fix the spec, not the fixture.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import pytest
from jsonschema import ValidationError

from contract_tests.support.recorded import Exchange, load_exchanges
from spec_tools import (
    Spec,
    called_path,
    canonicalize_keys,
    operation,
    request_schema,
    request_validator,
    resolve,
    response_validator,
)

EXCHANGES = load_exchanges()
IDS = [exchange["name"] for exchange in EXCHANGES]
# Documented without a request or response example (see fixtures/README.md), so recorded by no file; the QR
# status wait is not in the reference at all (the official mobile SDKs call it).
UNRECORDED = frozenset({"/payments/cards/post3ds", "/payments/qr/status/wait"})
# The documented bad-request message names the missing field: "Amount is required".
MISSING_FIELD_MESSAGE = re.compile(r"^(?P<field>\w+) is required$")


def _flatten(errors: Iterable[ValidationError]) -> Iterator[ValidationError]:
    """Errors and the sub-errors of anyOf/oneOf branches, which carry the specific reason."""
    for error in errors:
        yield error
        yield from _flatten(error.context or [])


def _describe(errors: Iterable[ValidationError]) -> str:
    return "; ".join(f"{error.json_path}: {error.message}" for error in errors)


def _missing_field(exchange: Exchange) -> str:
    message = exchange["response"]["body"]["Message"]
    match = MISSING_FIELD_MESSAGE.match(message)
    assert match is not None, f"bad_request message does not name a missing field: {message!r}"
    return match["field"]


def spec_path(spec: Spec, exchange: Exchange) -> str:
    return called_path(spec["paths"], exchange["operation"]).template


def test_every_documented_operation_has_a_fixture(spec: Spec) -> None:
    # Also guards against a moved directory silently turning the parametrized tests into zero tests.
    recorded = {spec_path(spec, exchange) for exchange in EXCHANGES}
    assert set(spec["paths"]) - recorded == UNRECORDED


@pytest.mark.parametrize("exchange", EXCHANGES, ids=IDS)
def test_path_parameters_match_spec(spec: Spec, exchange: Exchange) -> None:
    """A called path's parameter values are values the spec allows (names of values are case-insensitive)."""
    called = called_path(spec["paths"], exchange["operation"])
    parameters = [resolve(p, spec) for p in operation(spec, called.template).get("parameters", [])]
    declared = {p["name"]: p["schema"] for p in parameters if p["in"] == "path"}
    assert set(called.parameters) == set(declared)
    for name, value in called.parameters.items():
        allowed = resolve(declared[name], spec).get("enum")
        assert allowed is None or value.casefold() in {str(v).casefold() for v in allowed}, (name, value)


@pytest.mark.parametrize("exchange", EXCHANGES, ids=IDS)
def test_request_matches_spec(spec: Spec, exchange: Exchange) -> None:
    path, request = spec_path(spec, exchange), exchange["request"]
    if request["body"] is None:
        body = operation(spec, path).get("requestBody")
        assert body is None or not resolve(body, spec).get("required", False)
        return
    media_type = request["content_type"]
    assert media_type is not None
    canonical: Any = canonicalize_keys(request["body"], request_schema(spec, path, media_type), spec)
    errors = list(request_validator(spec, path, media_type).iter_errors(canonical))
    if exchange["outcome"] == "bad_request":
        field = _missing_field(exchange)
        assert errors, "the spec accepts a request the API answers with a bad-request message"
        reasons = [e for e in _flatten(errors) if e.validator == "required" and repr(field) in e.message]
        assert reasons, f"no error names the missing {field!r}: {_describe(errors)}"
    else:
        assert not errors, _describe(errors)


@pytest.mark.parametrize("exchange", EXCHANGES, ids=IDS)
def test_response_matches_spec(spec: Spec, exchange: Exchange) -> None:
    response = exchange["response"]
    validator = response_validator(spec, spec_path(spec, exchange), str(response["status"]))
    errors = list(validator.iter_errors(response["body"]))
    assert not errors, _describe(errors)


@pytest.mark.parametrize("exchange", EXCHANGES, ids=IDS)
def test_outcome_matches_response(exchange: Exchange) -> None:
    # Keeps the outcome labels honest, since the mock and other suites select fixtures by them.
    body = exchange["response"]["body"]
    model = body.get("Model")
    outcome = exchange["outcome"]
    assert exchange["response"]["status"] == 200
    assert body["Success"] is (outcome == "success")
    if outcome == "three_ds":
        assert {"TransactionId", "PaReq", "AcsUrl"} <= set(model)
    elif outcome == "declined":
        assert model["ReasonCode"] != 0
        assert model["Status"] == "Declined"
    elif outcome in ("bad_request", "rejected"):
        assert model is None
        assert body["Message"]
