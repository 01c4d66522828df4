"""openapi.yaml has the SBP, T-Pay, SberPay and Dolyami operations and the SBP payout with the current
reference's parameters, the shapes real clients send, the authentication each takes and what they answer."""

from __future__ import annotations

from typing import Any, Final

import pytest

from contract_tests.spec.alt_payment_parameters import (
    ALT_PAYMENT_PARAMETERS,
    ALT_PAYMENT_PATHS,
    BASIC_AUTH_OPTIONAL,
    CHANGING_STATE,
    OPERATION_IDS,
    TAKEN_ABSENT_TODAY,
    WITHOUT_BASIC_AUTH,
)
from contract_tests.spec.parameter_checks import check_form_parameter, check_json_parameter
from contract_tests.spec.reference_parameters import REF_TYPE_TO_JSON_SCHEMA, TAKEN_ABSENT_NOTE, Row
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
    required_properties,
    response_schema,
    response_validator,
    tolerated_alternatives,
    transaction_statuses,
)
from spec_tools.document import HTTP_METHODS

ROWS = [(path, row) for path, rows in ALT_PAYMENT_PARAMETERS.items() for row in rows]
ROW_IDS = [f"{path}:{row[0]}" for path, row in ROWS]
QR_PATHS: Final = [
    path for path in ALT_PAYMENT_PATHS if path.startswith("/payments/qr/") and "/wait" not in path
]
TPAY: Final = "/payments/qr/tinkoffpay/link"


def _tpay(**changes: Any) -> dict[str, Any]:
    """A T-Pay body with the required parameters the table and the SDKs agree on."""
    body: dict[str, Any] = {
        "Amount": 10,
        "Currency": "RUB",
        "Scheme": "0",
        "Webview": True,
        "Device": "MobileApp",
        "SuccessRedirectUrl": "https://shop.example/ok",
        "FailRedirectUrl": "https://shop.example/fail",
    }
    body.update(changes)
    return {key: value for key, value in body.items() if value is not None}


def _errors(spec: Spec, path: str, body: dict[str, Any]) -> list[str]:
    return [error.message for error in request_validator(spec, path).iter_errors(body)]


@pytest.mark.parametrize("path", ALT_PAYMENT_PATHS)
def test_operation_is_a_post_with_its_operation_id_and_tag(spec: Spec, path: str) -> None:
    assert path in spec["paths"], f"{path} missing from the spec"
    assert set(deref(spec, spec["paths"][path])) & HTTP_METHODS == {"post"}
    op = operation(spec, path)
    assert (op["operationId"], op["tags"]) == (OPERATION_IDS[path][0], [OPERATION_IDS[path][1]])


def test_the_alt_payments_tag_is_described(spec: Spec) -> None:
    tags = {tag["name"]: tag["description"] for tag in spec["tags"]}
    assert "SBP, T-Pay and SberPay" in " ".join(tags["alt_payments"].split())
    assert "SBP" in tags["payouts"]


@pytest.mark.parametrize("path", ALT_PAYMENT_PATHS)
def test_authentication_is_as_the_reference_and_the_sdks_say(spec: Spec, path: str) -> None:
    op = operation(spec, path)
    responses = op["responses"]
    assert "429" in responses
    if path in WITHOUT_BASIC_AUTH:
        # No Basic auth: PublicId in the body names the terminal, and no 401 is documented.
        assert op["security"] == []
        assert "PublicId" in required_properties(request_schema(spec, path, JSON), spec)
        assert "401" not in responses
        return
    assert "content" not in deref(spec, responses["401"])
    if path in BASIC_AUTH_OPTIONAL:
        assert op["security"] == [{"basicAuth": []}, {}]
        assert "PublicId" in object_properties(request_schema(spec, path, JSON), spec)
        assert "Basic auth is optional" in " ".join(op["description"].split())
    else:
        assert "security" not in op  # the global Basic auth


@pytest.mark.parametrize("path", ALT_PAYMENT_PATHS)
def test_request_body_offers_json_and_form_with_an_example(spec: Spec, path: str) -> None:
    body = deref(spec, operation(spec, path)["requestBody"])
    assert body["required"] is True
    assert {JSON, FORM} <= set(body["content"])
    assert body["content"][JSON].get("examples"), f"{path}: the request example is missing"


@pytest.mark.parametrize("path", ALT_PAYMENT_PATHS)
def test_request_id_exactly_on_operations_that_make_something(spec: Spec, path: str) -> None:
    assert find_operation(spec, path).takes_request_id is (path in CHANGING_STATE)


@pytest.mark.parametrize(("path", "row"), ROWS, ids=ROW_IDS)
def test_documented_parameter_in_json_request(spec: Spec, path: str, row: Row) -> None:
    name, documented, required = row
    required = required and (path, name) not in TAKEN_ABSENT_TODAY
    check_json_parameter(spec, path, name, *REF_TYPE_TO_JSON_SCHEMA[documented], required)


@pytest.mark.parametrize(("path", "row"), ROWS, ids=ROW_IDS)
def test_documented_parameter_in_form_request(spec: Spec, path: str, row: Row) -> None:
    name, documented, required = row
    required = required and (path, name) not in TAKEN_ABSENT_TODAY
    check_form_parameter(spec, path, name, required, json_encoded=documented == "Json")


@pytest.mark.parametrize(("path", "name"), sorted(TAKEN_ABSENT_TODAY))
def test_a_parameter_taken_absent_says_so_and_who_leaves_it_out(spec: Spec, path: str, name: str) -> None:
    rows = {row[0]: row for row in ALT_PAYMENT_PARAMETERS[path]}
    assert rows[name][2] is True, "the reference's table marks it required"
    prop = object_properties(request_schema(spec, path, JSON), spec)[name]
    description = " ".join(prop.get("description", "").split())
    assert TAKEN_ABSENT_NOTE in description
    assert "SDK" in description or "example" in description


def test_the_sbp_payout_receiver_needs_its_phone(spec: Spec) -> None:
    receiver = object_properties(request_schema(spec, "/payments/alt/topup", JSON), spec)["Receiver"]
    assert required_properties(receiver, spec) == {"Phone"}
    # The reference's example: a phone and the bank's member id.
    body = {"Amount": 1, "Currency": "RUB", "MemberId": "12456", "Receiver": {"Phone": "+71234567890"}}
    assert _errors(spec, "/payments/alt/topup", body) == []
    assert _errors(spec, "/payments/alt/topup", {**body, "Receiver": {}})
    assert _errors(spec, "/payments/alt/topup", {**body, "MemberId": "bank100000000111"})


@pytest.mark.parametrize(
    "path", ["/payments/qr/sbp/link", TPAY, "/payments/qr/sberpay/link", "/payments/alt/topup"]
)
def test_rubles_only(spec: Spec, path: str) -> None:
    currency = object_properties(request_schema(spec, path, JSON), spec)["Currency"]
    assert deref(spec, currency)["enum"] == ["RUB"]


def test_payouts_take_an_optional_x_signature(spec: Spec) -> None:
    for path in ("/payments/cards/topup", "/payments/token/topup", "/payments/alt/topup"):
        headers = [deref(spec, p) for p in operation(spec, path)["parameters"]]
        signature = [p for p in headers if p["name"] == "X-Signature"]
        assert len(signature) == 1 and signature[0]["in"] == "header" and signature[0]["required"] is False


def test_tpay_takes_the_shapes_its_example_and_the_sdks_send(spec: Spec) -> None:
    # The reference's example as it sends it (Amount as text, InvoiceId and Scheme as numbers, no publicId),
    # and in the documented shapes, the first example (the client's code sample).
    examples = deref(spec, operation(spec, TPAY)["requestBody"])["content"][JSON]["examples"]
    as_sent = deref(spec, examples["asTheReferenceSendsIt"])["value"]
    assert (as_sent["Amount"], as_sent["InvoiceId"], as_sent["Scheme"]) == ("10", 12345, 1)
    documented = deref(spec, next(iter(examples.values())))["value"]
    assert (documented["Amount"], documented["InvoiceId"], documented["Scheme"]) == (10, "12345", "1")
    for example in (as_sent, documented):
        assert _errors(spec, TPAY, example) == []
    # Scheme: the table's codes as text, as numbers (the example), by name (the official SDKs).
    accepted: tuple[str | int, ...] = ("0", "1", 0, 1, "charge", "auth")
    for scheme in accepted:
        assert _errors(spec, TPAY, _tpay(Scheme=scheme)) == [], scheme
    refused: tuple[str | int | None, ...] = ("2", 2, "Charge", None)
    for wrong in refused:
        assert _errors(spec, TPAY, _tpay(Scheme=wrong)), wrong
    # The official Android SDK (TinkoffPayQrLinkBody.kt): no PublicId, Browser, Os; Amount, JsonData as text.
    android = _tpay(
        Amount="10.50", Scheme="auth", JsonData='{"age":27}', Email="", TtlMinutes=30, SaveCard=True
    )
    assert _errors(spec, TPAY, android) == []
    # TtlMinutes 0 is invalid, null means no limit of its own (24 hours).
    assert _errors(spec, TPAY, _tpay(TtlMinutes=0))
    assert _errors(spec, TPAY, {**_tpay(), "TtlMinutes": None}) == []


def test_tpay_documents_the_table_codes_and_tolerates_the_rest(spec: Spec) -> None:
    scheme = object_properties(request_schema(spec, TPAY, JSON), spec)["Scheme"]
    documented, tolerated = tolerated_alternatives(scheme, spec)
    assert [branch["enum"] for branch in documented] == [["0", "1"]]
    assert len(tolerated) == 2
    names = next(branch for branch in tolerated if "x-codes" in branch)
    assert names["x-codes"] == {"charge": "0", "auth": "1"}


def test_the_sdks_sbp_and_status_bodies_fit(spec: Spec) -> None:
    # CloudPayments-SDK-iOS 1.5.14 getSbpLink: no Scheme, Amount as text, the undocumented Scenario.
    ios = {
        "PublicId": "pk_x",
        "Amount": "10",
        "Currency": "RUB",
        "InvoiceId": "",
        "AccountId": "",
        "Device": "MobileApp",
        "Description": "",
        "Email": "",
        "TtlMinutes": 30,
        "Scenario": "7",
    }
    assert _errors(spec, "/payments/qr/sbp/link", ios) == []
    # SBP's TtlMinutes: 1 to 129600.
    assert _errors(spec, "/payments/qr/sbp/link", {**ios, "TtlMinutes": 129601})
    assert _errors(spec, "/payments/qr/sbp/link", {**ios, "TtlMinutes": 0})
    assert _errors(spec, "/payments/qr/sbp/link", {**ios, "Scheme": "auth"})
    # The status wait: Android sends TransactionId only, iOS adds PublicId.
    assert _errors(spec, "/payments/qr/status/wait", {"TransactionId": 11122233344}) == []
    assert _errors(spec, "/payments/qr/status/wait", {"TransactionId": 1, "PublicId": "pk_x"}) == []
    assert _errors(spec, "/payments/qr/status/wait", {"PublicId": "pk_x"})


def test_dolyami_takes_its_scheme_as_the_tables_text(spec: Spec) -> None:
    body = {"PublicId": "pk_x", "AltPayType": "TcsBnplDolyame", "Amount": 1000, "Scheme": "1"}
    assert _errors(spec, "/payments/altpay/pay", body) == []
    assert _errors(spec, "/payments/altpay/pay", {**body, "AltPayType": "Dolyame"})


@pytest.mark.parametrize("path", QR_PATHS)
def test_a_link_or_qr_code_answers_the_qr_model_and_links_its_transaction(spec: Spec, path: str) -> None:
    model = object_properties(response_schema(spec, path), spec)["Model"]
    qr = deref(spec, model["oneOf"][0])
    assert set(qr["properties"]) == {
        "QrUrl",
        "QrImage",
        "TransactionId",
        "MerchantOrderId",
        "ProviderQrId",
        "Amount",
        "Message",
        "IsTest",
    }
    links = operation(spec, path)["responses"]["200"]["links"]
    assert {link["operationId"] for link in links.values()} == {"getPayment", "waitQrStatus"}
    for link in links.values():
        assert link["requestBody"] == {"TransactionId": "$response.body#/Model/TransactionId"}


def test_the_status_wait_answers_the_statuses_the_sdks_know(spec: Spec) -> None:
    path = "/payments/qr/status/wait"
    model = deref(spec, object_properties(response_schema(spec, path), spec)["Model"]["oneOf"][0])
    assert set(model["properties"]) == {"TransactionId", "Status", "StatusCode", "ProviderQrId"}
    known = {status.name for status in transaction_statuses(spec)}
    # CloudPayments-SDK-iOS StatusPay.
    for status in ("Created", "Pending", "Authorized", "Completed", "Cancelled", "Declined"):
        assert status in known
        assert status in model["properties"]["Status"]["description"]
    answer = {
        "Success": True,
        "Message": None,
        "Model": {"TransactionId": 1, "Status": "Pending", "StatusCode": None},
    }
    assert not list(response_validator(spec, path).iter_errors(answer))


def test_the_banks_answer_a_list_with_lower_case_member_keys(spec: Spec) -> None:
    model = object_properties(response_schema(spec, "/sbp/v2/banks/info"), spec)["Model"]
    lists = deref(spec, model["oneOf"][0]["items"])
    member = deref(spec, lists["properties"]["Members"]["items"])
    assert set(member["properties"]) == {"id", "logo", "name", "url"}


@pytest.mark.parametrize(
    ("path", "extra"), [("/payments/alt/topup", set()), ("/payments/altpay/pay", {"ExtensionData"})]
)
def test_the_envelope_carries_error_code_where_the_reference_shows_it(
    spec: Spec, path: str, extra: set[str]
) -> None:
    envelope = object_properties(response_schema(spec, path), spec)
    assert set(envelope) == {"Success", "Message", "Model", "ErrorCode"} | extra
    validator = response_validator(spec, path)
    assert not list(validator.iter_errors({"Success": False, "Message": "Bad", "ErrorCode": "1"}))
    assert not list(validator.iter_errors({"Success": False, "Message": "Bad", "ErrorCode": 1}))


def test_dolyami_answers_the_link_outside_the_model(spec: Spec) -> None:
    validator = response_validator(spec, "/payments/altpay/pay")
    answer = {
        "Success": True,
        "Message": None,
        "Model": {"TransactionId": 1},
        "ExtensionData": {"Link": "https://x"},
    }
    assert not list(validator.iter_errors(answer))
    assert list(validator.iter_errors({**answer, "ExtensionData": {}}))
