"""spec_tools on small inline specs, independent of openapi.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from spec_tools import (
    FORM,
    JSON,
    DuplicateKeyError,
    Spec,
    SpecError,
    canonicalize_keys,
    load_spec,
    merged_object,
    reasons,
    request_schema,
    request_validator,
    resolve,
    response_validator,
    with_rendered_tables,
)

SPEC: Spec = {
    "openapi": "3.1.0",
    "info": {"title": "t", "version": "1"},
    "x-case-insensitive-keys": True,
    "paths": {
        "/pay": {
            "post": {
                "requestBody": {"$ref": "#/components/requestBodies/Pay"},
                "responses": {"200": {"$ref": "#/components/responses/Envelope"}},
            }
        }
    },
    "components": {
        "requestBodies": {
            "Pay": {
                "required": True,
                "content": {
                    JSON: {"schema": {"$ref": "#/components/schemas/Pay"}},
                    FORM: {"schema": {"$ref": "#/components/schemas/Pay"}},
                },
            }
        },
        "responses": {
            "Envelope": {
                "description": "ok",
                "content": {JSON: {"schema": {"$ref": "#/components/schemas/Envelope"}}},
            }
        },
        "schemas": {
            "Base": {
                "type": "object",
                "required": ["Amount"],
                "properties": {"Amount": {"type": "number"}, "Email": {"type": "string", "format": "email"}},
            },
            "Pay": {
                "allOf": [
                    {"$ref": "#/components/schemas/Base"},
                    {
                        "type": "object",
                        "properties": {
                            "StartDate": {"type": "string", "format": "date-time"},
                            "IpAddress": {"type": "string", "format": "ipv4"},
                            "Payer": {"$ref": "#/components/schemas/Payer"},
                            "Items": {"type": "array", "items": {"$ref": "#/components/schemas/Payer"}},
                        },
                    },
                ]
            },
            "Payer": {"type": "object", "properties": {"FirstName": {"type": "string"}}},
            "Envelope": {
                "type": "object",
                "required": ["Success"],
                "properties": {"Success": {"type": "boolean"}},
            },
        },
    },
}


def _canonical(body: Any) -> Any:
    return canonicalize_keys(body, request_schema(SPEC, "/pay"), SPEC)


def test_canonicalize_renames_top_level_nested_and_array_keys() -> None:
    body = {"amount": 1, "EMAIL": "a@b.c", "payer": {"firstname": "X"}, "items": [{"FIRSTNAME": "Y"}]}
    assert _canonical(body) == {
        "Amount": 1,
        "Email": "a@b.c",
        "Payer": {"FirstName": "X"},
        "Items": [{"FirstName": "Y"}],
    }


def test_canonicalize_keeps_unknown_keys() -> None:
    assert _canonical({"amount": 1, "Extra": 3, "extra": 4}) == {"Amount": 1, "Extra": 3, "extra": 4}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"amount": 1, "Amount": 2}, "Amount"),
        ({"Amount": 1, "payer": {"FirstName": "X", "firstname": "Y"}}, "Payer.FirstName"),
        ({"Amount": 1, "items": [{"FIRSTNAME": "Y", "firstName": "Z"}]}, "Items.FirstName"),
    ],
)
def test_canonicalize_refuses_two_spellings_of_one_key(body: dict[str, Any], field: str) -> None:
    with pytest.raises(DuplicateKeyError) as refused:
        _canonical(body)
    assert refused.value.field == field


def test_request_validator_accepts_canonicalized_camel_case() -> None:
    validator = request_validator(SPEC, "/pay")
    assert not list(validator.iter_errors(_canonical({"amount": 10})))
    assert list(validator.iter_errors({"amount": 10})), "Amount is required before canonicalization"


@pytest.mark.parametrize(
    ("field", "value"),
    [("Email", "no-at-sign"), ("StartDate", "tomorrow"), ("IpAddress", "999.1.1.1")],
)
def test_formats_are_asserted(field: str, value: str) -> None:
    errors = list(request_validator(SPEC, "/pay", FORM).iter_errors({"Amount": 1, field: value}))
    assert [error.validator for error in errors] == ["format"]


def test_response_validator_follows_response_refs() -> None:
    validator = response_validator(SPEC, "/pay")
    assert not list(validator.iter_errors({"Success": True}))
    assert list(validator.iter_errors({"Success": "yes"}))


def test_missing_parts_raise_spec_error() -> None:
    with pytest.raises(SpecError):
        request_validator(SPEC, "/nope")
    with pytest.raises(SpecError):
        response_validator(SPEC, "/pay", status="404")
    with pytest.raises(SpecError):
        request_validator(SPEC, "/pay", media_type="text/plain")


def test_load_spec_returns_independent_copies(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(SPEC), encoding="utf-8")
    first = load_spec(path)
    first["paths"].clear()
    assert load_spec(path)["paths"], "mutating one copy must not change the cached spec"


def test_circular_refs_are_refused() -> None:
    looping: Spec = {"openapi": "3.1.0", "components": {"schemas": {"A": {"$ref": "#/components/schemas/B"}}}}
    looping["components"]["schemas"]["B"] = {"$ref": "#/components/schemas/A"}
    with pytest.raises(SpecError, match="circular"):
        resolve({"$ref": "#/components/schemas/A"}, looping)


def test_merged_object_joins_allof_members_and_refuses_disagreement() -> None:
    merged = merged_object(SPEC["components"]["schemas"]["Pay"], SPEC)
    assert merged is not None
    assert merged["required"] == ["Amount"]
    assert list(merged["properties"]) == ["Amount", "Email", "StartDate", "IpAddress", "Payer", "Items"]
    clash: Spec = {
        "openapi": "3.1.0",
        "components": {
            "schemas": {
                "X": {
                    "allOf": [
                        {"properties": {"A": {"type": "string"}}},
                        {"properties": {"A": {"type": "number"}}},
                    ]
                }
            }
        },
    }
    with pytest.raises(SpecError, match="disagree"):
        merged_object(clash["components"]["schemas"]["X"], clash)


def test_tables_are_rendered_where_the_introduction_marks_them() -> None:
    spec: Spec = {
        "openapi": "3.1.0",
        "info": {
            "description": "## Reason codes\n  <!-- table: x-reason-codes -->\nafter",
            "x-reason-codes": [{"code": 5051, "name": "Insufficient Funds", "meaning": "not enough money"}],
        },
    }
    rendered = with_rendered_tables(spec)["info"]["description"]
    assert rendered.splitlines() == [
        "## Reason codes",
        "  | Code | Name | Meaning |",
        "  |---|---|---|",
        "  | 5051 | Insufficient Funds | not enough money |",
        "after",
    ]
    assert reasons(spec)[0].word == "InsufficientFunds"
    assert "<!--" in spec["info"]["description"], "the document itself is left as it is"
    spec["info"]["description"] = "<!-- table: x-unknown -->"
    with pytest.raises(SpecError, match="x-unknown"):
        with_rendered_tables(spec)
