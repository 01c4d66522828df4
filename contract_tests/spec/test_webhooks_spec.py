"""The `webhooks` of openapi.yaml: the seven payment notification types with the parameters of the facts' §7
and the CloudKassir Receipt (required ones as documented, relaxed where real bodies differ), both signature
headers, a form and a JSON body, the `{"code": N}` answer; and the two other readers of the same facts agree
with it: the client's `webhooks` module (its classes are generated from these schemas) and the mock's
notification writer."""

from __future__ import annotations

import dataclasses
import typing
from datetime import datetime
from decimal import Decimal
from typing import Any, Final

import pytest
from cloudpayments_client import webhooks

import spec_tools
from spec_tools import Spec, deref, object_properties, required_properties

KINDS: Final = ["Check", "Pay", "Fail", "Confirm", "Refund", "Recurrent", "Cancel", "Receipt"]
FORM: Final = "application/x-www-form-urlencoded"
JSON: Final = "application/json"
HMAC_PATTERN: Final = "^[A-Za-z0-9+/]{43}=$"
CLIENT_CLASSES: Final = {
    "Check": webhooks.CheckNotification,
    "Pay": webhooks.PayNotification,
    "Fail": webhooks.FailNotification,
    "Confirm": webhooks.ConfirmNotification,
    "Refund": webhooks.RefundNotification,
    "Recurrent": webhooks.RecurrentNotification,
    "Cancel": webhooks.CancelNotification,
    "Receipt": webhooks.ReceiptNotification,
}
# The Python type of a parameter by the schema its property refers to (anything else is text).
TYPES_BY_SCHEMA: Final = {
    "NotificationAmount": Decimal,
    "NotificationOptionalAmount": Decimal,
    "NotificationInteger": int,
    "NotificationReasonCode": int,
    "NotificationOptionalInteger": int,
    "NotificationDateTime": datetime,
    "NotificationOptionalDateTime": datetime,
    "NotificationFlag": bool,
}


def _post(spec: Spec, kind: str) -> dict[str, Any]:
    item = spec["webhooks"][kind]
    assert set(item) == {"post"}, kind
    post: dict[str, Any] = item["post"]
    return post


def _schema(spec: Spec, kind: str) -> dict[str, Any]:
    schema: dict[str, Any] = spec["components"]["schemas"][f"{kind}Notification"]
    return schema


def test_the_eight_types_are_the_notifications_described(spec: Spec) -> None:
    assert list(spec["webhooks"]) == KINDS
    assert [kind.value for kind in webhooks.NotificationKind] == KINDS
    # The settings take two more types, whose bodies are not described yet.
    assert spec["components"]["schemas"]["NotificationType"]["enum"] == [
        *KINDS[:7],
        "Receipt",
        "SbpToken",
        "Kkt",
    ]


@pytest.mark.parametrize("kind", KINDS)
def test_webhook_is_signed_without_basic_auth(spec: Spec, kind: str) -> None:
    post = _post(spec, kind)
    assert post["security"] == []
    headers = {parameter["name"]: parameter for parameter in (deref(spec, p) for p in post["parameters"])}
    assert set(headers) == {"Content-HMAC", "X-Content-HMAC"}
    for header in headers.values():
        assert header["in"] == "header" and header["required"] is True
        assert header["schema"]["pattern"] == HMAC_PATTERN
        assert "HMAC-SHA256" in header["description"] or "same signature" in header["description"]
    assert "URL-decoded" in headers["X-Content-HMAC"]["description"]
    assert "as sent" in headers["Content-HMAC"]["description"]


@pytest.mark.parametrize("kind", KINDS)
def test_body_is_a_form_first_or_json_with_the_type_schema(spec: Spec, kind: str) -> None:
    body = _post(spec, kind)["requestBody"]
    assert body["required"] is True
    content = body["content"]
    assert list(content) == [FORM, JSON]
    reference = {"$ref": f"#/components/schemas/{kind}Notification"}
    assert content[FORM]["schema"] == content[JSON]["schema"] == reference
    assert content[FORM]["examples"], kind


@pytest.mark.parametrize("kind", KINDS)
def test_answer_is_the_notification_answer(spec: Spec, kind: str) -> None:
    responses = _post(spec, kind)["responses"]
    assert set(responses) == {"200"}
    media = responses["200"]["content"][JSON]
    assert media["schema"] == {"$ref": "#/components/schemas/NotificationAnswer"}
    values = {name: deref(spec, example)["value"] for name, example in media["examples"].items()}
    assert values["accepted"] == {"code": 0}
    assert ("declined" in values) == (kind == "Check")


def test_answer_codes_are_the_documented_ones(spec: Spec) -> None:
    answer = spec["components"]["schemas"]["NotificationAnswer"]
    assert answer["required"] == ["code"]
    codes = answer["properties"]["code"]["enum"]
    assert codes == [0, 10, 11, 12, 13, 20] == sorted(int(code) for code in webhooks.CheckCode)
    for code in codes:
        assert f"| {code} |" in answer["description"]


@pytest.mark.parametrize("kind", KINDS)
def test_required_parameters_are_the_mocks(spec: Spec, kind: str) -> None:
    # The mock reads them through spec_tools.notification_required_parameters; its suite checks each is sent.
    assert required_properties(_schema(spec, kind), spec) == spec_tools.notification_required_parameters(
        spec, kind
    )


@pytest.mark.parametrize("kind", KINDS)
def test_generated_class_covers_every_parameter_with_its_optionality_and_type(spec: Spec, kind: str) -> None:
    """The committed client (generated from these schemas) has one field per documented parameter: required
    ones without a default, optional ones defaulting to None and typed `... | None`, each of the Python type
    its schema means (`Data`-like JSON text decoded, anything else text)."""
    schema = _schema(spec, kind)
    documented = object_properties(schema, spec)
    required = required_properties(schema, spec)
    cls = CLIENT_CLASSES[kind]
    hints = typing.get_type_hints(cls)
    by_wire = {f.metadata["wire"]: f for f in dataclasses.fields(cls) if "wire" in f.metadata}
    assert set(by_wire) == set(documented), kind
    for wire, prop in documented.items():
        field = by_wire[wire]
        options = set(typing.get_args(hints[field.name])) or {hints[field.name]}
        if wire in required:
            assert field.default is dataclasses.MISSING and type(None) not in options, wire
        else:
            assert field.default is None and type(None) in options, wire
        reference = str(prop.get("$ref", "")).rsplit("/", 1)[-1]
        if spec_tools.is_json_encoded(prop, spec):
            assert dict in {typing.get_origin(option) for option in options}, wire
        else:
            assert TYPES_BY_SCHEMA.get(reference, str) in options, wire


@pytest.mark.parametrize("kind", KINDS)
def test_example_has_every_required_parameter_as_text(spec: Spec, kind: str) -> None:
    example = spec["components"]["examples"][f"{kind}Notification"]["value"]
    assert required_properties(_schema(spec, kind), spec) <= set(example)
    assert all(isinstance(value, str) for value in example.values()), kind
