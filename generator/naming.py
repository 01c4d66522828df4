"""Python names of the client, derived from the spec exactly as openapi-python-client derives its own.

For the code that reads the spec beside the templates (the code samples, the tests): `strings` is the
module the generator hands its templates as the `strings` global, so the names cannot drift apart.
"""

from __future__ import annotations

from openapi_python_client import strings

# openapi-python-client's default; keeps method kwargs identical to the generated model fields.
FIELD_PREFIX = "field_"


def group_name(tag: str) -> str:
    """Attribute of the client holding a tag's operations: `payments` -> client.payments."""
    return str(strings.PythonIdentifier(tag, "tag"))


def method_name(operation_id: str) -> str:
    """`chargeCard` -> charge_card, the same name as the generated api module."""
    return str(strings.PythonIdentifier(operation_id, FIELD_PREFIX))


def field_name(wire_name: str) -> str:
    """`CardCryptogramPacket` -> card_cryptogram_packet, the generated model's attribute."""
    return str(strings.PythonIdentifier(wire_name, FIELD_PREFIX))


def class_name(tag: str) -> str:
    """`payments` -> Payments (the resource classes in api/<tag>/__init__.py)."""
    return str(strings.ClassName(tag, FIELD_PREFIX))
