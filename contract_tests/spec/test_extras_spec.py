"""openapi.yaml has the chargebacks list, the safe deals' information and the Apple Pay session with the
reference's parameters in both encodings, the envelope of each answer, the official examples, the list's
paging and longest period and the Apple Pay session's hosts as data the mock reads."""

from __future__ import annotations

from typing import Any, Final

import pytest

from contract_tests.spec.extras_parameters import EXTRA_PARAMETERS, EXTRA_PATHS, OPERATION_IDS
from contract_tests.spec.parameter_checks import check_form_parameter, check_json_parameter
from contract_tests.spec.reference_parameters import REF_TYPE_TO_JSON_SCHEMA, Row
from spec_tools import (
    FORM,
    JSON,
    Spec,
    deref,
    find_operation,
    object_properties,
    operation,
    request_schema,
    request_validator,
    response_schema,
    response_validator,
)
from spec_tools.document import HTTP_METHODS

ROWS = [(path, row) for path, rows in EXTRA_PARAMETERS.items() for row in rows]
ROW_IDS = [f"{path}:{row[0]}" for path, row in ROWS]
CHARGEBACKS: Final = "/chargebacks/list"
ESCROW: Final = "/Escrow/GetEscrowInfo"
APPLE_PAY: Final = "/applepay/startsession"


def _errors(spec: Spec, path: str, body: Any) -> list[str]:
    return [error.message for error in request_validator(spec, path).iter_errors(body)]


@pytest.mark.parametrize("path", EXTRA_PATHS)
def test_operation_is_a_post_with_its_operation_id_and_tag(spec: Spec, path: str) -> None:
    assert set(deref(spec, spec["paths"][path])) & HTTP_METHODS == {"post"}
    op = operation(spec, path)
    operation_id, tag = OPERATION_IDS[path]
    assert (op["operationId"], op["tags"]) == (operation_id, [tag])


def test_the_new_tags_are_described(spec: Spec) -> None:
    tags = {tag["name"]: " ".join(tag["description"].split()) for tag in spec["tags"]}
    assert "Chargebacks" in tags["chargebacks"]
    assert "Safe deals" in tags["escrow"]
    assert "Apple Pay" in tags["payments"]


@pytest.mark.parametrize("path", EXTRA_PATHS)
def test_basic_auth_and_a_401_without_a_body(spec: Spec, path: str) -> None:
    op = operation(spec, path)
    assert "security" not in op  # the global Basic auth
    assert "content" not in deref(spec, op["responses"]["401"]) and "429" in op["responses"]
    assert find_operation(spec, path).takes_request_id is False  # nothing they do is repeated by a retry


@pytest.mark.parametrize("path", EXTRA_PATHS)
def test_request_body_offers_json_and_form_with_an_example(spec: Spec, path: str) -> None:
    body = deref(spec, operation(spec, path)["requestBody"])
    assert body["required"] is True and {JSON, FORM} <= set(body["content"])
    [example] = body["content"][JSON]["examples"].values()
    assert _errors(spec, path, deref(spec, example)["value"]) == []


@pytest.mark.parametrize(("path", "row"), ROWS, ids=ROW_IDS)
def test_documented_parameter_in_json_request(spec: Spec, path: str, row: Row) -> None:
    name, documented, required = row
    check_json_parameter(spec, path, name, *REF_TYPE_TO_JSON_SCHEMA[documented], required)


@pytest.mark.parametrize(("path", "row"), ROWS, ids=ROW_IDS)
def test_documented_parameter_in_form_request(spec: Spec, path: str, row: Row) -> None:
    name, documented, required = row
    check_form_parameter(spec, path, name, required, json_encoded=documented in ("Json", "Array"))


@pytest.mark.parametrize("path", EXTRA_PATHS)
def test_the_request_takes_nothing_else(spec: Spec, path: str) -> None:
    for media_type in (JSON, FORM):
        documented = {row[0] for row in EXTRA_PARAMETERS[path]}
        assert set(object_properties(request_schema(spec, path, media_type), spec)) == documented


@pytest.mark.parametrize(
    ("path", "model"),
    [(CHARGEBACKS, "Chargeback"), (ESCROW, "EscrowInfo"), (APPLE_PAY, "ApplePaySession")],
)
def test_the_answer_is_the_envelope_with_its_model(spec: Spec, path: str, model: str) -> None:
    schema = deref(spec, response_schema(spec, path))
    properties = object_properties(schema, spec)
    assert {"Success", "Message", "Model"} <= set(properties) and schema["required"] == ["Success"]
    assert ("ErrorCode" in properties) is (path == CHARGEBACKS)  # the reference's list answer carries it
    branches = deref(spec, properties["Model"])["oneOf"]
    refs = [branch.get("items", branch).get("$ref") for branch in branches]
    assert f"#/components/schemas/{model}" in refs and {"type": "null"} in branches


def test_the_chargeback_item_is_the_references(spec: Spec) -> None:
    item = object_properties(deref(spec, {"$ref": "#/components/schemas/Chargeback"}), spec)
    assert list(item) == [
        "ChargeBackId", "TerminalUrl", "TransactionId", "Amount", "Currency",
        "Type", "Operation", "Card", "Gateway", "Date",
    ]  # fmt: skip
    assert deref(spec, item["Type"])["enum"] == ["Chargeback", "Fee"]
    assert deref(spec, deref(spec, item["Operation"])["oneOf"][0])["enum"] == ["Presentment", "Representment"]
    assert deref(spec, item["Date"])["pattern"] == "^/Date\\(-?\\d+\\)/$"


def test_the_escrow_item_is_the_references(spec: Spec) -> None:
    item = object_properties(deref(spec, {"$ref": "#/components/schemas/EscrowInfo"}), spec)
    assert set(item) == {
        "Status", "PaidoutTransactions", "NotPaidoutTransactions", "PayoutTransactions",
        "RefundedTransactions", "EscrowAccumulationId", "Balance",
    }  # fmt: skip
    payout = object_properties(deref(spec, item["PayoutTransactions"]["items"]), spec)
    assert set(payout) == {"Id", "Status", "Amount", "IsFinalPayout"}


def test_the_apple_pay_session_is_camel_case(spec: Spec) -> None:
    session = object_properties(deref(spec, {"$ref": "#/components/schemas/ApplePaySession"}), spec)
    assert set(session) == {
        "epochTimestamp", "expiresAt", "merchantSessionIdentifier", "nonce",
        "merchantIdentifier", "domainName", "displayName", "signature",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("path", "name"),
    [(CHARGEBACKS, "ChargebackList"), (ESCROW, "EscrowInfo"), (APPLE_PAY, "ApplePaySessionStarted")],
)
def test_the_official_answer_is_the_example_and_fits(spec: Spec, path: str, name: str) -> None:
    responses = operation(spec, path)["responses"]["200"]["content"][JSON]["examples"]
    example = deref(spec, responses["success"])["value"]
    assert example == spec["components"]["examples"][name]["value"]
    assert [error.message for error in response_validator(spec, path).iter_errors(example)] == []


def test_the_list_pages_and_its_period_are_data(spec: Spec) -> None:
    op = operation(spec, CHARGEBACKS)
    assert op["x-pagination"] == {"parameter": "PageNumber", "pageSize": 100}
    assert op["x-max-period"] == {"from": "CreatedDateGte", "to": "CreatedDateLte", "years": 1}
    body = {
        "CreatedDateGte": "2021-03-09T00:00:00+03:00",
        "CreatedDateLte": "2021-03-10T00:00:00",
        "PageNumber": 1,
    }
    assert _errors(spec, CHARGEBACKS, body) == []
    assert _errors(spec, CHARGEBACKS, {**body, "PageNumber": 0})
    assert _errors(spec, CHARGEBACKS, {**body, "CreatedDateGte": "9 March"})


def test_escrow_ids_are_a_bounded_list_of_text(spec: Spec) -> None:
    assert _errors(spec, ESCROW, {"EscrowAccumulationIds": ["a", "b"]}) == []
    for wrong in ([], [""], "a", [1], ["a"] * 1001):
        assert _errors(spec, ESCROW, {"EscrowAccumulationIds": wrong}), wrong


def test_the_validation_urls_hosts_are_data(spec: Spec) -> None:
    url = object_properties(request_schema(spec, APPLE_PAY, JSON), spec)["ValidationUrl"]
    assert url["x-allowed-hosts"] == ["apple.com"]
