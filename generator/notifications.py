"""The notification classes of `cloudpayments_client.webhooks`, read from the spec's `webhooks`.

Each webhook's form body schema becomes one class: its properties, in the spec's order, each with its
wire name, Python name (as openapi-python-client names model fields), converter (from the schema the
property refers to), whether it is required, and its description. A body schema that is an `allOf` whose
first member is a shared schema (`NotificationPaymentFields`) gets that schema as a base class, so the
shared fields are declared once.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from typing import Any, Final

import spec_tools
from generator.naming import field_name

SCHEMAS: Final = "#/components/schemas/"
FORM: Final = "application/x-www-form-urlencoded"
# The converter of a property that refers to one of these schemas; any other string is text.
CONVERTERS: Final = {
    "NotificationAmount": "decimal",
    "NotificationInteger": "integer",
    "NotificationDateTime": "moment",
    "NotificationFlag": "flag",
    "NotificationReasonCode": "reason_code",
    "JsonEncoded": "data",
}
# The enum a converter reads into (a known value as the member, any other as it arrived), the `info.x-*`
# list it is made from, and the converter used when the spec has no such list.
ENUM_CONVERTERS: Final = {
    "reason_code": ("ReasonCode", "x-reason-codes", "integer"),
    "transaction_status": ("TransactionStatus", "x-transaction-statuses", "text"),
    "subscription_status": ("SubscriptionStatus", "x-subscription-statuses", "text"),
}
# Python annotation of each converter's value.
TYPES: Final = {
    "text": "str",
    "decimal": "Decimal",
    "integer": "int",
    "moment": "datetime",
    "flag": "bool",
    "data": "dict[str, Any] | str",
    "reason_code": "ReasonCode | int",
    "transaction_status": "TransactionStatus | str",
    "subscription_status": "SubscriptionStatus | str",
}
# Width of a field's docstring lines (the package's ruff line length, less the indentation and quotes).
DOC_WIDTH: Final = 100


class NotificationSpecError(ValueError):
    """A webhook the generator cannot turn into a class; the message names it."""


def _is_empty_alternative(schema: Any, spec: spec_tools.Spec) -> bool:
    resolved = spec_tools.resolve(schema, spec)
    return isinstance(resolved, Mapping) and resolved.get("maxLength") == 0


def converter(schema: Any, spec: spec_tools.Spec, where: str) -> str:
    """The converter of a property's schema: by the schema it refers to; an `anyOf` of one such schema and an
    empty string (an optional value sent empty) converts as that schema."""
    if not isinstance(schema, Mapping):
        raise NotificationSpecError(f"{where}: not a schema")
    reference = schema.get("$ref")
    if isinstance(reference, str) and reference.startswith(SCHEMAS):
        name = reference.removeprefix(SCHEMAS)
        if name in CONVERTERS:
            return CONVERTERS[name]
        return converter(spec_tools.resolve(schema, spec), spec, where)
    if "anyOf" in schema:
        kept = [part for part in schema["anyOf"] if not _is_empty_alternative(part, spec)]
        if len(kept) != 1:
            raise NotificationSpecError(f"{where}: an anyOf must be one schema and the empty string")
        return converter(kept[0], spec, where)
    if schema.get("type") == "string":
        return _statuses(schema.get("enum"), spec)
    raise NotificationSpecError(f"{where}: a notification parameter must be text (type string)")


def _statuses(values: Any, spec: spec_tools.Spec) -> str:
    """Text whose `enum` is a set of transaction statuses (`info.x-transaction-statuses`) reads as a
    TransactionStatus, one of subscription statuses as a SubscriptionStatus (the enums of answers); a set that
    fits both lists, or neither, stays text."""
    if not isinstance(values, list) or not values:
        return "text"
    info = spec.get("info", {})
    readers = {
        "transaction_status": spec_tools.transaction_statuses,
        "subscription_status": spec_tools.subscription_statuses,
    }
    fits = [
        convert
        for convert, read in readers.items()
        if ENUM_CONVERTERS[convert][1] in info and set(values) <= {status.name for status in read(spec)}
    ]
    return fits[0] if len(fits) == 1 else "text"


def _with_enum(convert: str, spec: spec_tools.Spec) -> str:
    """An enum converter where the spec has the enum's list, else the plain one."""
    if convert in ENUM_CONVERTERS:
        _, listed, plain = ENUM_CONVERTERS[convert]
        return convert if listed in spec.get("info", {}) else plain
    return convert


def _doc(text: Any) -> list[str]:
    """A description as docstring lines: one paragraph, wrapped, safe inside triple quotes."""
    words = " ".join(str(text or "").split()).replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    if words.endswith('"'):
        words += " "
    return textwrap.wrap(words, DOC_WIDTH) or []


def _fields(schema: Any, spec: spec_tools.Spec, where: str) -> list[dict[str, Any]]:
    required = spec_tools.required_properties(schema, spec)
    fields: list[dict[str, Any]] = []
    for wire, prop in spec_tools.object_properties(schema, spec).items():
        convert = _with_enum(converter(prop, spec, f"{where}.{wire}"), spec)
        description = prop.get("description") or spec_tools.resolve(prop, spec).get("description")
        fields.append(
            {
                "wire": str(wire),
                "name": field_name(str(wire)),
                "convert": convert,
                "type": TYPES[convert],
                "required": wire in required,
                "doc": _doc(description),
            }
        )
    return fields


def _body_schema(spec: spec_tools.Spec, kind: str) -> Any:
    post = spec["webhooks"][kind]["post"]
    body = spec_tools.deref(spec, post["requestBody"])
    return spec_tools.deref(spec, body["content"][FORM])["schema"]


def notification_classes(spec: spec_tools.Spec) -> dict[str, Any]:
    """`{"bases": [...], "classes": [...], "enums": [...]}` for the template: each base `{name, doc, fields}`,
    each class `{kind, name, base, summary, doc, fields}` (`fields` only those the base does not declare), and
    the answers' enums the fields read into."""
    bases: dict[str, dict[str, Any]] = {}
    classes: list[dict[str, Any]] = []
    for kind in spec.get("webhooks", {}):
        reference = _body_schema(spec, kind)
        schema = spec_tools.resolve(reference, spec)
        members = schema.get("allOf", [])
        base_name = None
        inherited: set[str] = set()
        if members and isinstance(members[0], Mapping) and "$ref" in members[0]:
            shared = str(members[0]["$ref"]).removeprefix(SCHEMAS)
            base_name = "_" + shared
            if base_name not in bases:
                resolved = spec_tools.resolve(members[0], spec)
                bases[base_name] = {
                    "name": base_name,
                    "doc": _doc(resolved.get("description")),
                    "fields": _fields(members[0], spec, shared),
                }
            inherited = {field["wire"] for field in bases[base_name]["fields"]}
        name = str(reference.get("$ref", "")).removeprefix(SCHEMAS) or f"{kind}Notification"
        post = spec["webhooks"][kind]["post"]
        classes.append(
            {
                "kind": str(kind),
                "name": name,
                "base": base_name or "_Notification",
                "summary": " ".join(str(post.get("summary", kind)).split()),
                "doc": _doc(post.get("description")),
                "fields": [
                    field for field in _fields(reference, spec, name) if field["wire"] not in inherited
                ],
            }
        )
    used = {
        field["convert"]
        for owner in [*bases.values(), *classes]
        for field in owner["fields"]
        if field["convert"] in ENUM_CONVERTERS
    }
    enums = sorted(ENUM_CONVERTERS[convert][0] for convert in used)
    return {"bases": list(bases.values()), "classes": classes, "enums": enums}
