"""The JSON-only view the client is generated from keeps every request field and drops what the form needs."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from generator.spec_transform import json_only
from spec_tools import (
    JSON,
    Spec,
    load_spec,
    object_properties,
    request_schema,
    required_properties,
)

OPERATIONS_WITH_BODIES = [
    path for path, item in load_spec()["paths"].items() if "requestBody" in item["post"]
]


def _body_schema(view: dict[str, Any], path: str) -> dict[str, Any]:
    body = view["paths"][path]["post"]["requestBody"]
    if "$ref" in body:
        body = view["components"]["requestBodies"][body["$ref"].rsplit("/", 1)[1]]
    content = body["content"]
    assert list(content) == [JSON], f"{path}: {sorted(content)}"
    schema: dict[str, Any] = content[JSON]["schema"]
    return schema


def test_view_keeps_only_json_bodies_with_the_same_fields(spec: Spec) -> None:
    view = json_only(spec)
    for path in OPERATIONS_WITH_BODIES:
        original = request_schema(spec, path, JSON)
        flattened = _body_schema(view, path)
        assert set(object_properties(flattened, view)) == set(object_properties(original, spec)), path
        assert required_properties(flattened, view) == required_properties(original, spec), path


def test_view_has_no_form_only_or_shared_part_schemas(spec: Spec) -> None:
    names = set(json_only(spec)["components"]["schemas"])
    assert not {name for name in names if name.endswith(("Form", "Fields"))}, sorted(names)
    assert "JsonEncoded" not in names


def test_original_spec_is_left_untouched(spec: Spec) -> None:
    before = repr(spec)
    json_only(spec)
    assert repr(spec) == before


def test_view_leaves_out_the_webhooks_and_what_only_they_use(spec: Spec) -> None:
    """Notifications are not operations of the client (its `webhooks` module reads them): no model."""
    view = json_only(spec)
    assert set(spec["webhooks"]) == {
        "Check",
        "Pay",
        "Fail",
        "Confirm",
        "Refund",
        "Recurrent",
        "Cancel",
        "Receipt",
    }
    assert "webhooks" not in view
    notifications = {f"{kind}Notification" for kind in spec["webhooks"]} | {"NotificationAnswer"}
    assert notifications <= set(spec["components"]["schemas"])
    assert not notifications & set(view["components"]["schemas"])
    assert not {"ContentHmac", "XContentHmac"} & set(view["components"].get("parameters", {}))
    assert {"Interval", "AirlineAddendum"} <= set(view["components"]["schemas"])  # still used by operations


def test_view_takes_the_nulls_out_of_optional_request_properties_only(spec: Spec) -> None:
    """The spec lets every optional request property be null (read as left out); the client says that with
    UNSET, so its request models are generated without the null. Answers keep theirs."""
    view = json_only(spec)
    charge = _body_schema(view, "/payments/cards/charge")
    charge = view["components"]["schemas"][charge["$ref"].rsplit("/", 1)[1]]
    assert charge["properties"]["InvoiceId"]["type"] == "string"
    assert charge["properties"]["Currency"] == {
        "$ref": "#/components/schemas/Currency",
        "description": spec["components"]["schemas"]["CardPaymentFields"]["properties"]["Currency"][
            "description"
        ],
    }
    assert charge["properties"]["Payer"] == {"$ref": "#/components/schemas/Payer"}
    assert view["components"]["schemas"]["Payer"]["properties"]["Phone"]["type"] == "string"
    tokens = view["components"]["schemas"]["TokenPaymentRequest"]["properties"]["TrInitiatorCode"]
    assert (tokens["type"], tokens["enum"]) == ("integer", [0, 1])
    update = view["components"]["schemas"]["SubscriptionUpdateRequest"]["properties"]["StartDate"]
    assert len(update["anyOf"]) == 2 and {"type": "null"} not in update["anyOf"]
    transaction = view["components"]["schemas"]["Transaction"]["properties"]
    assert transaction["AccountId"]["type"] == ["string", "null"]
    assert {"type": "null"} in transaction["AuthDate"]["oneOf"]


def test_view_refuses_a_component_that_requests_and_answers_share_with_nulls(spec: Spec) -> None:
    shared = copy.deepcopy(spec)
    answer = shared["paths"]["/payments/get"]["post"]["responses"]["200"]["content"][JSON]
    answer["schema"] = {"$ref": "#/components/schemas/Payer"}
    with pytest.raises(ValueError, match="Payer is used by requests and answers"):
        json_only(shared)


def test_view_leaves_optional_headers_but_the_request_id_to_extra_headers(spec: Spec) -> None:
    """A payout's optional X-Signature is no keyword of the client (it goes in `extra_headers`); X-Request-ID
    stays, and so would a required header."""
    view = json_only(spec)
    for path in ("/payments/cards/topup", "/payments/token/topup", "/payments/alt/topup"):
        assert spec["paths"][path]["post"]["parameters"] == [
            {"$ref": "#/components/parameters/RequestId"},
            {"$ref": "#/components/parameters/PayoutSignature"},
        ]
        assert view["paths"][path]["post"]["parameters"] == [{"$ref": "#/components/parameters/RequestId"}]
    assert "PayoutSignature" not in view["components"]["parameters"]
    required = copy.deepcopy(spec)
    required["components"]["parameters"]["PayoutSignature"]["required"] = True
    kept = json_only(required)["paths"]["/payments/alt/topup"]["post"]["parameters"]
    assert {"$ref": "#/components/parameters/PayoutSignature"} in kept


def test_view_drops_the_envelope_fields_beside_an_array_model(spec: Spec) -> None:
    """The chargebacks list's answer is returned as its list: its `ErrorCode` is left out of the client's
    view; beside a single Model (the SBP payout's answer) it stays, read by the answer class."""
    view = json_only(spec)
    schemas = view["components"]["schemas"]
    assert "ErrorCode" in spec["components"]["schemas"]["ChargebackListResponse"]["properties"]
    assert set(schemas["ChargebackListResponse"]["properties"]) == {"Success", "Message", "Model"}
    assert "ErrorCode" in schemas["SbpPayoutResponse"]["properties"]
    assert "ErrorCode" in schemas["DolyamiPaymentResponse"]["properties"]
