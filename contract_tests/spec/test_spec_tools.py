"""spec_tools on small inline specs, independent of openapi.yaml; the compiled validators also against every
request schema of openapi.yaml (they must agree with python-jsonschema on every sample)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import spec_tools
from spec_tools import (
    FORM,
    JSON,
    DuplicateKeyError,
    Spec,
    SpecError,
    Validators,
    admits_null,
    canonicalize_keys,
    default_spec_path,
    deref,
    load_spec,
    merged_object,
    non_null_schema,
    object_properties,
    operations,
    pointer_get,
    reasons,
    request_schema,
    request_validator,
    required_properties,
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


def test_a_post_answers_the_tolerated_methods_beside_it() -> None:
    document: Spec = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/test": {
                "post": {"operationId": "test", "responses": {}},
                "get": {"operationId": "testWithGet", "x-tolerated": True, "responses": {}},
                "put": {"operationId": "testWithPut", "responses": {}},
            },
            "/pay": {"post": {"operationId": "pay", "responses": {}}},
        },
    }
    found = {(op.method, op.path): op.also_methods for op in operations(document)}
    assert found == {
        ("post", "/test"): ("GET",),
        ("get", "/test"): (),
        ("put", "/test"): (),
        ("post", "/pay"): (),
    }


def test_load_spec_refuses_keys_json_cannot_hold(tmp_path: Path) -> None:
    # YAML reads `{10: 3001}` with an int key; JSON, the served spec and the compiled validators cannot.
    path = tmp_path / "spec.yaml"
    path.write_text('openapi: 3.1.0\ninfo: {title: t, version: "1", x-codes: {10: 3001}}\npaths: {}\n')
    with pytest.raises(SpecError, match=r"/info/x-codes: the key 10 is not a string"):
        load_spec(path)


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


# ---------------------------------------------------------------------------
# The compiled twin (jsonschema-rs) must say "valid" exactly when python-jsonschema does: a request it accepts
# is never seen by python-jsonschema, and a refusal's wording comes from python-jsonschema alone.

FORMAT_SAMPLES: dict[str, list[str]] = {
    # jsonschema-rs's own email check refuses most of these; python-jsonschema only asks for an "@".
    "email": ["a@b.c", "a@b", "@", "a@", "@b", "a@b@c", "no-at", "a b@c.d", "\u00e9@x.ru", ""],
    "ipv4": [
        "1.2.3.4",
        "0.0.0.0",
        "255.255.255.255",
        "256.1.1.1",
        "01.2.3.4",
        "1.2.3",
        "1.2.3.4.5",
        " 1.2.3.4",
    ],
    # jsonschema-rs's own date-time check accepts a leap second on any day; rfc3339-validator does not.
    "date-time": [
        "2030-01-01T00:00:00Z",
        "2030-01-01t00:00:00z",
        "2030-01-01T00:00:00",
        "2030-01-01 00:00:00Z",
        "2030-02-30T00:00:00Z",
        "2030-01-01T24:00:00Z",
        "2016-12-31T23:59:60Z",
        "2030-01-01T23:59:60Z",
        "2030-01-01T00:00:00.123+03:00",
        "tomorrow",
    ],
}


@pytest.mark.parametrize(
    ("field", "fmt", "value"),
    [
        (field, fmt, value)
        for field, fmt in (("Email", "email"), ("IpAddress", "ipv4"), ("StartDate", "date-time"))
        for value in FORMAT_SAMPLES[fmt]
    ],
)
def test_compiled_formats_agree_with_python_jsonschema(field: str, fmt: str, value: str) -> None:
    validators = Validators(SPEC)
    pointer = "/components/schemas/Pay"
    body = {"Amount": 1, field: value}
    python_valid = validators.at(pointer).is_valid(body)
    assert validators.compiled_at(pointer).is_valid(body) is python_valid, (fmt, value)
    assert validators.is_valid(pointer, body) is python_valid


def test_first_error_is_python_jsonschemas_error() -> None:
    validators = Validators(SPEC)
    pointer = "/components/schemas/Pay"
    assert validators.first_error(pointer, {"Amount": 1, "Payer": {"FirstName": "X"}}) is None
    for body in (
        {},
        {"Amount": "1"},
        {"Amount": 1, "Email": "x"},
        {"Amount": 1, "Items": [{"FirstName": 2}]},
    ):
        error = validators.first_error(pointer, body)
        expected = next(iter(validators.at(pointer).iter_errors(body)))
        assert error is not None
        assert (error.message, list(error.absolute_path)) == (expected.message, list(expected.absolute_path))


def test_first_error_without_the_compiled_twin_is_the_same() -> None:
    pointer = "/components/schemas/Pay"
    for body in ({"Amount": 1}, {"Amount": True}, {"Amount": 1, "StartDate": "2030-01-01T23:59:60Z"}):
        fast = Validators(SPEC).first_error(pointer, body)
        slow = Validators(SPEC, compiled=False).first_error(pointer, body)
        assert (fast and fast.message) == (slow and slow.message)


REAL_SPEC: Spec = load_spec(default_spec_path())
# Values that break some schema somewhere: wrong types, empty strings, bad formats, out-of-range numbers.
WRONG_VALUES: list[Any] = [
    None,
    True,
    0,
    -1,
    1.5,
    0.001,
    2**63 - 1,
    "",
    "x",
    "not-an-email",
    "a@b",
    "999.1.1.1",
    "2030-01-01T23:59:60Z",
    "2030-13-01T00:00:00",
    "Week",
    "x" * 300,
    "a b\u00e9\ud800",
    [],
    [1, "a"],
    {},
    {"FirstName": 1},
]


def _request_samples() -> list[tuple[str, str, Any]]:
    """(label, schema pointer, body): each JSON example of the spec, the same as a form body (objects as JSON
    strings, as the mock validates them), and every property of each removed or replaced by a wrong value."""
    import json

    samples: list[tuple[str, str, Any]] = []
    for op in operations(REAL_SPEC):
        if JSON not in op.request_schemas:
            continue
        media = pointer_get(REAL_SPEC, op.request_schemas[JSON].rsplit("/schema", 1)[0])
        examples = [deref(REAL_SPEC, example)["value"] for example in media.get("examples", {}).values()]
        assert examples, f"{op.path}: the JSON request has no example"
        for media_type, pointer in op.request_schemas.items():
            props = object_properties(pointer_get(REAL_SPEC, pointer), REAL_SPEC)
            for number, example in enumerate(examples):
                base = dict(canonicalize_keys(example, pointer_get(REAL_SPEC, pointer), REAL_SPEC))
                if media_type == FORM:
                    base = {k: json.dumps(v) if isinstance(v, dict | list) else v for k, v in base.items()}
                label = f"{op.path} {media_type} example {number}"
                samples.append((label, pointer, base))
                for name in props:
                    samples.append(
                        (f"{label} without {name}", pointer, {k: v for k, v in base.items() if k != name})
                    )
                    samples += [
                        (f"{label} {name}={value!r}", pointer, {**base, name: value})
                        for value in WRONG_VALUES
                    ]
                samples.append((f"{label} extra field", pointer, {**base, "Unknown": [1]}))
            not_objects: list[Any] = [[], "x", None, 1]
            samples += [(f"{op.path} {media_type} body {body!r}", pointer, body) for body in not_objects]
        if op.request_id_schema is not None:
            for value in ["a", "x" * 128, "x" * 129, "", "a b", "\u00e9", "\x7f", 5, None]:
                samples.append((f"{op.path} X-Request-ID {value!r}", op.request_id_schema, value))
    return samples


def test_compiled_twin_agrees_on_every_request_schema() -> None:
    validators = Validators(REAL_SPEC)
    samples = _request_samples()
    valid = unreadable = 0
    for label, pointer, body in samples:
        python_error = next(iter(validators.at(pointer).iter_errors(body)), None)
        try:
            compiled_valid = validators.compiled_at(pointer).is_valid(body)
        except ValueError:  # text it cannot encode (a lone surrogate): first_error leaves it to python
            unreadable += 1
        else:
            assert compiled_valid is (python_error is None), label
        error = validators.first_error(pointer, body)
        assert (error and error.message) == (python_error and python_error.message), label
        valid += python_error is None
    # Both outcomes are well represented: every example is valid, most mutations are not.
    assert len(samples) > 2000
    assert 0 < valid < len(samples) // 2
    assert unreadable < len(samples) // 10


NULLS: Spec = {
    "openapi": "3.1.0",
    "components": {
        "schemas": {
            "Code": {"type": "string", "enum": ["A", "B"]},
            "Payer": {"type": "object", "required": ["Name"], "properties": {"Name": {"type": "string"}}},
            "NullableCode": {"oneOf": [{"$ref": "#/components/schemas/Code"}, {"type": "null"}]},
        }
    },
}


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        ({"type": ["string", "null"]}, True),
        ({"type": "null"}, True),
        ({"type": "string"}, False),
        ({"type": ["integer", "null"], "enum": [0, 1, None]}, True),
        ({"type": ["integer", "null"], "enum": [0, 1]}, False),
        ({"const": None}, True),
        ({"const": "x"}, False),
        ({"$ref": "#/components/schemas/NullableCode"}, True),
        ({"oneOf": [{"$ref": "#/components/schemas/Payer"}, {"type": "null"}]}, True),
        ({"oneOf": [{"type": ["string", "null"]}, {"type": "null"}]}, False),  # null matches both
        ({"anyOf": [{"type": "string"}, {"type": "integer"}]}, False),
        ({"anyOf": [{"type": "string"}, {"type": "null"}]}, True),
        ({"allOf": [{"$ref": "#/components/schemas/Code"}]}, False),
        ({"description": "anything"}, True),
        ({"$ref": "#/components/schemas/Code"}, False),
    ],
)
def test_admits_null_reads_the_standard_keywords(schema: dict[str, Any], expected: bool) -> None:
    assert admits_null(schema, NULLS) is expected


def test_a_nullable_reference_has_the_properties_and_values_of_what_it_references() -> None:
    wrapped = {"oneOf": [{"$ref": "#/components/schemas/Payer"}, {"type": "null"}], "description": "d"}
    assert set(object_properties(wrapped, NULLS)) == {"Name"}
    assert required_properties(wrapped, NULLS) == {"Name"}
    assert non_null_schema(wrapped, NULLS) is NULLS["components"]["schemas"]["Payer"]
    assert non_null_schema({"$ref": "#/components/schemas/NullableCode"}, NULLS)["enum"] == ["A", "B"]
    # Two non-null alternatives are no nullable reference: the schema stays as it is.
    either = {"anyOf": [{"type": "string"}, {"$ref": "#/components/schemas/Payer"}, {"type": "null"}]}
    assert non_null_schema(either, NULLS) is either
    assert object_properties(either, NULLS) == {}


def test_the_spec_reads_the_same_with_libyaml_as_with_pure_python() -> None:
    # The reader takes libyaml's safe loader for speed; the document is the one PyYAML's own loader reads.
    text = spec_tools.spec_text()
    assert yaml.load(text, Loader=yaml.SafeLoader) == spec_tools.load_spec()
