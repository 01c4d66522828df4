"""One documented parameter row against the request schema of both media types (the seed's tables and the
current documentation's use the same checks)."""

from __future__ import annotations

from spec_tools import (
    FORM,
    JSON,
    Spec,
    keyword_values,
    object_properties,
    request_schema,
    required_properties,
    types_of,
)


def check_json_parameter(
    spec: Spec, path: str, name: str, json_type: str, json_format: str | None, required: bool
) -> None:
    schema = request_schema(spec, path, JSON)
    properties = object_properties(schema, spec)
    assert name in properties, f"{name} missing from the JSON request of {path}"
    assert json_type in types_of(properties[name], spec)
    if json_format is not None:
        assert json_format in keyword_values(properties[name], spec, "format")
    assert (name in required_properties(schema, spec)) is required


def check_form_parameter(spec: Spec, path: str, name: str, required: bool, json_encoded: bool) -> None:
    schema = request_schema(spec, path, FORM)
    properties = object_properties(schema, spec)
    assert name in properties, f"{name} missing from the form request of {path}"
    assert (name in required_properties(schema, spec)) is required
    if json_encoded:
        # No tool encodes an object or a list in a form the way the API expects: it travels as a JSON string.
        types = types_of(properties[name], spec)
        assert "string" in types
        assert types <= {"string", "null"}
        assert "application/json" in keyword_values(properties[name], spec, "contentMediaType")
