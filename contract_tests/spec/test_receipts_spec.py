"""openapi.yaml has the receipts of the online cash register (CloudKassir) with their reference's parameters
in both encodings, one `CustomerReceipt` schema that receipts, payments' JsonData and subscriptions share,
the reference's code tables, and what the operations answer."""

from __future__ import annotations

from typing import Any, Final

import pytest

from contract_tests.spec.parameter_checks import check_form_parameter, check_json_parameter
from contract_tests.spec.receipt_parameters import (
    CAUSE_CORRECTION,
    CORRECTION,
    CORRECTION_AMOUNTS_FIELDS,
    CORRECTION_GET,
    CORRECTION_RECEIPT_DATA,
    CORRECTION_RECEIPT_FIELDS,
    CORRECTION_RECEIPT_TYPES,
    CORRECTION_STATUS,
    CORRECTION_TYPES,
    CUSTOMER_RECEIPT,
    GET,
    METHODS,
    OBJECTS,
    OPERATION_IDS,
    RECEIPT,
    RECEIPT_AMOUNTS,
    RECEIPT_ITEM,
    RECEIPT_PARAMETERS,
    RECEIPT_TYPES,
    STATUS,
    STATUSES,
    TAKEN_ABSENT,
    TAXATION_SYSTEMS,
    VAT_RATES,
)
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
    required_properties,
    response_schema,
    response_validator,
    types_of,
)

ROWS = [(path, row) for path, rows in RECEIPT_PARAMETERS.items() for row in rows]
ROW_IDS = [f"{path}:{row[0]}" for path, row in ROWS]
SHARED_ROWS = [
    *(("CustomerReceipt", row) for row in CUSTOMER_RECEIPT),
    *(("ReceiptItem", row) for row in RECEIPT_ITEM),
    *(("ReceiptAmounts", row) for row in RECEIPT_AMOUNTS),
    *(("CorrectionReceiptData", row) for row in CORRECTION_RECEIPT_DATA),
    *(("CauseCorrection", row) for row in CAUSE_CORRECTION),
]
CUSTOMER_RECEIPT_REF: Final = "#/components/schemas/CustomerReceipt"


def _schema(spec: Spec, name: str) -> Any:
    return spec["components"]["schemas"][name]


def _errors(spec: Spec, path: str, body: dict[str, Any]) -> list[str]:
    return [error.message for error in request_validator(spec, path).iter_errors(body)]


def _receipt_body(**changes: Any) -> dict[str, Any]:
    item = {"Label": "Book", "Price": 100.5, "Quantity": 2, "Amount": 201, "Vat": 22}
    body: dict[str, Any] = {
        "Inn": "7708806062",
        "Type": "Income",
        "CustomerReceipt": {"Items": [item], "Amounts": {"Electronic": 201}},
    }
    body.update(changes)
    return body


@pytest.mark.parametrize("path", list(OPERATION_IDS))
def test_operation_is_a_post_with_its_operation_id_tag_and_401_without_a_body(spec: Spec, path: str) -> None:
    op = operation(spec, path)
    assert (op["operationId"], op["tags"]) == (OPERATION_IDS[path][0], [OPERATION_IDS[path][1]])
    assert "security" not in op  # the global Basic auth
    assert "content" not in deref(spec, op["responses"]["401"])
    assert "429" in op["responses"]
    body = deref(spec, op["requestBody"])
    assert body["required"] is True and {JSON, FORM} <= set(body["content"])
    assert body["content"][JSON].get("examples")


def test_the_receipts_tag_is_described(spec: Spec) -> None:
    tags = {tag["name"]: tag["description"] for tag in spec["tags"]}
    assert "54-FZ" in tags["receipts"] and "CustomerReceipt" in tags["receipts"]


def test_only_issuing_a_receipt_takes_a_request_id(spec: Spec) -> None:
    assert find_operation(spec, RECEIPT).takes_request_id is True
    assert find_operation(spec, CORRECTION).takes_request_id is True
    assert find_operation(spec, STATUS).takes_request_id is False
    assert find_operation(spec, GET).takes_request_id is False
    assert find_operation(spec, CORRECTION_STATUS).takes_request_id is False
    assert find_operation(spec, CORRECTION_GET).takes_request_id is False


@pytest.mark.parametrize(("path", "row"), ROWS, ids=ROW_IDS)
def test_documented_parameter_in_json_request(spec: Spec, path: str, row: Row) -> None:
    name, documented, required = row
    check_json_parameter(spec, path, name, *REF_TYPE_TO_JSON_SCHEMA[documented], required)


@pytest.mark.parametrize(("path", "row"), ROWS, ids=ROW_IDS)
def test_documented_parameter_in_form_request(spec: Spec, path: str, row: Row) -> None:
    name, documented, required = row
    check_form_parameter(spec, path, name, required, json_encoded=documented == "Json")


@pytest.mark.parametrize(("schema", "row"), SHARED_ROWS, ids=[f"{s}.{row[0]}" for s, row in SHARED_ROWS])
def test_documented_receipt_requisite(spec: Spec, schema: str, row: Row) -> None:
    name, documented, required = row
    properties = object_properties(_schema(spec, schema), spec)
    assert name in properties, f"{schema}.{name} missing"
    assert REF_TYPE_TO_JSON_SCHEMA[documented][0] in types_of(properties[name], spec)
    required_here = required and (schema, name) not in TAKEN_ABSENT
    assert (name in required_properties(_schema(spec, schema), spec)) is required_here
    if (schema, name) in TAKEN_ABSENT:
        assert "null" in types_of(properties[name], spec)
        assert "required" in " ".join(str(properties[name].get("description", "")).split()) or (
            "required" in _schema(spec, schema)["description"]
        )


def test_one_customer_receipt_schema_is_shared_and_stays_open(spec: Spec) -> None:
    receipt = _schema(spec, "CustomerReceipt")
    assert receipt["additionalProperties"] is True
    assert object_properties(receipt, spec)["Items"]["maxItems"] == 100
    refs = {CUSTOMER_RECEIPT_REF}
    for path in ("/subscriptions/create", "/subscriptions/update"):
        prop = object_properties(request_schema(spec, path, JSON), spec)["CustomerReceipt"]
        assert {alt.get("$ref") for alt in prop["oneOf"]} >= refs
    assert object_properties(request_schema(spec, RECEIPT, JSON), spec)["CustomerReceipt"]["$ref"] in refs
    json_data = _schema(spec, "JsonData")["anyOf"][0]
    assert json_data["additionalProperties"] is True
    cloud = json_data["properties"]["CloudPayments"]
    assert cloud["additionalProperties"] is True
    assert {alt.get("$ref") for alt in cloud["properties"]["CustomerReceipt"]["oneOf"]} >= refs


def test_json_data_keeps_other_keys_and_checks_the_receipt(spec: Spec) -> None:
    payment = {"Amount": 10, "IpAddress": "203.0.113.7", "CardCryptogramPacket": "packet"}
    good = {"order": 7, "CloudPayments": {"CustomerReceipt": _receipt_body()["CustomerReceipt"], "x": 1}}
    assert _errors(spec, "/payments/cards/charge", {**payment, "JsonData": good}) == []
    bad: dict[str, Any] = {"CloudPayments": {"CustomerReceipt": {"Items": []}}}
    assert _errors(spec, "/payments/cards/charge", {**payment, "JsonData": bad})


def test_the_code_tables_are_the_reference_s(spec: Spec) -> None:
    assert _schema(spec, "ReceiptType")["enum"] == RECEIPT_TYPES
    assert set(_schema(spec, "ReceiptType")["x-codes"]) == set(RECEIPT_TYPES)
    assert _schema(spec, "ReceiptVat")["enum"] == VAT_RATES
    assert {int(code) for code in _schema(spec, "ReceiptVat")["x-codes"]} == set(VAT_RATES)
    method = _schema(spec, "ReceiptMethod")
    # 0 is what the reference's /kkt/receipt/get example answers, outside its table; the description says so.
    assert set(method["enum"]) - set(METHODS) == {0} and set(METHODS) <= set(method["enum"])
    assert "not in the table" in method["x-codes"]["0"]
    assert _schema(spec, "ReceiptObject")["enum"] == OBJECTS
    assert {int(code) for code in _schema(spec, "ReceiptObject")["x-codes"]} == set(OBJECTS)
    assert _schema(spec, "TaxationSystem")["enum"] == TAXATION_SYSTEMS
    assert _schema(spec, "ReceiptStatus")["enum"] == STATUSES


def test_sums_have_two_decimals_and_items_are_bounded(spec: Spec) -> None:
    assert _schema(spec, "ReceiptMoney")["x-decimal-places"] == 2
    assert _errors(spec, RECEIPT, _receipt_body()) == []
    item = {"Label": "Pin", "Price": 1, "Quantity": 1, "Amount": 1}
    assert _errors(spec, RECEIPT, _receipt_body(CustomerReceipt={"Items": [item] * 100})) == []
    assert _errors(spec, RECEIPT, _receipt_body(CustomerReceipt={"Items": [item] * 101}))
    assert _errors(spec, RECEIPT, _receipt_body(CustomerReceipt={"Items": []}))
    assert _errors(spec, RECEIPT, _receipt_body(CustomerReceipt={"Items": [{**item, "Price": -1}]}))
    assert _errors(spec, RECEIPT, _receipt_body(CustomerReceipt={"Items": [{**item, "Quantity": 0}]}))
    assert _errors(spec, RECEIPT, _receipt_body(CustomerReceipt={"Items": [{**item, "Vat": 18}]}))
    assert _errors(spec, RECEIPT, _receipt_body(Type="Sale"))
    assert _errors(spec, RECEIPT, _receipt_body(Inn="77088"))


def _correction_body(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "OrganizationInn": "7708806062",
        "TaxationSystem": "0",
        "CorrectionReceiptType": 2,
        "CauseCorrection": {"CorrectionDate": "2024-12-31", "CorrectionNumber": None},
        "Amounts": {"Electronic": 201},
    }
    data.update(changes)
    return {"CorrectionReceiptData": data}


def test_the_correction_receipt_s_codes_and_checks(spec: Spec) -> None:
    receipt_type = _schema(spec, "CorrectionReceiptType")
    assert receipt_type["enum"] == CORRECTION_RECEIPT_TYPES
    # Its codes are ReceiptType's settlement signs, in the same order (the mock maps one to the other).
    assert [int(code) for code in receipt_type["x-codes"]] == CORRECTION_RECEIPT_TYPES
    assert list(_schema(spec, "ReceiptType")["x-codes"].values()) == CORRECTION_RECEIPT_TYPES
    assert _schema(spec, "CorrectionType")["enum"] == CORRECTION_TYPES
    assert _errors(spec, CORRECTION, _correction_body()) == []
    assert _errors(spec, CORRECTION, _correction_body(TaxationSystem=5)) == []
    item = {"Label": "Book", "Price": 100.5, "Quantity": 2, "Amount": 201, "Vat": 22}
    assert _errors(spec, CORRECTION, _correction_body(Items=[item] * 100)) == []
    assert _errors(spec, CORRECTION, _correction_body(Items=[item] * 101))
    assert _errors(spec, CORRECTION, _correction_body(Items=[]))
    assert _errors(spec, CORRECTION, _correction_body(TaxationSystem="6"))
    assert _errors(spec, CORRECTION, _correction_body(CorrectionReceiptType=0))
    assert _errors(spec, CORRECTION, _correction_body(CauseCorrection={"CorrectionNumber": "1"}))
    assert _errors(spec, CORRECTION, _correction_body(OrganizationInn="77088"))
    assert _errors(spec, CORRECTION, _correction_body(Amounts={"Electronic": -1}))
    answer = deref(spec, operation(spec, CORRECTION)["responses"]["200"])
    assert answer["content"][JSON]["schema"] == {"$ref": "#/components/schemas/ReceiptQueuedResponse"}


def test_the_status_is_a_bare_string_and_get_answers_the_fiscal_data(spec: Spec) -> None:
    status = object_properties(response_schema(spec, STATUS), spec)["Model"]
    assert {alt.get("$ref") for alt in status["oneOf"]} == {"#/components/schemas/ReceiptStatus", None}
    examples = operation(spec, STATUS)["responses"]["200"]["content"][JSON]["examples"]
    models = {deref(spec, example)["value"]["Model"] for example in examples.values()}
    assert models == {"Processed", "Queued", "NotFound"}
    data = _schema(spec, "ReceiptAdditionalData")
    assert {
        "FiscalSign",
        "FiscalNumber",
        "DocumentNumber",
        "SessionNumber",
        "OfdReceiptUrl",
        "QrCodeUrl",
    } <= set(required_properties(data, spec))
    for path in OPERATION_IDS:
        validator = response_validator(spec, path)
        for example in operation(spec, path)["responses"]["200"]["content"][JSON]["examples"].values():
            assert list(validator.iter_errors(deref(spec, example)["value"])) == []


def test_the_correction_receipt_s_reads_answer_its_status_and_the_reference_s_fields(spec: Spec) -> None:
    # Its status: the bare string of a receipt's, the reference's Error example included.
    assert response_schema(spec, CORRECTION_STATUS) == response_schema(spec, STATUS)
    examples = operation(spec, CORRECTION_STATUS)["responses"]["200"]["content"][JSON]["examples"]
    models = {deref(spec, example)["value"]["Model"] for example in examples.values()}
    assert models == {"Processed", "Queued", "Error", "NotFound"}
    # Its data: every field of the reference's example, the fiscal ones null until Processed.
    model = object_properties(response_schema(spec, CORRECTION_GET), spec)["Model"]
    assert {alt.get("$ref") for alt in model["oneOf"]} == {"#/components/schemas/CorrectionReceipt", None}
    receipt = _schema(spec, "CorrectionReceipt")
    properties = object_properties(receipt, spec)
    assert set(CORRECTION_RECEIPT_FIELDS) <= set(properties)
    assert set(required_properties(receipt, spec)) <= set(CORRECTION_RECEIPT_FIELDS)
    for name in ("FiscalSign", "FiscalNumber", "DocumentNumber", "SessionNumber", "OfdName", "OfdReceiptUrl"):
        assert "null" in types_of(properties[name], spec), name
    assert properties["Status"] == {"$ref": "#/components/schemas/ReceiptStatus"}
    assert list(object_properties(_schema(spec, "IssuedCorrectionReceiptAmounts"), spec)) == (
        CORRECTION_AMOUNTS_FIELDS
    )
    found = deref(
        spec, operation(spec, CORRECTION_GET)["responses"]["200"]["content"][JSON]["examples"]["success"]
    )
    assert list(found["value"]["Model"]) == CORRECTION_RECEIPT_FIELDS
    assert list(found["value"]["Model"]["Amounts"]) == CORRECTION_AMOUNTS_FIELDS
    # The correction receipt's answer leads to its own reads.
    links = operation(spec, CORRECTION)["responses"]["200"]["links"]
    assert {link["operationId"] for link in links.values()} == {
        "getCorrectionReceiptStatus",
        "getCorrectionReceipt",
    }
