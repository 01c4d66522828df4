"""openapi.yaml is valid, lints clean, and matches the seed API description."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import validate

from contract_tests.seed_parameters import SEED_PARAMETERS, SEED_PATHS, SEED_TYPE_TO_JSON_SCHEMA, Row
from contract_tests.spec_loader import (
    FORM,
    JSON,
    REPO_ROOT,
    Schema,
    Spec,
    is_case_insensitive,
    object_properties,
    operation,
    request_schema,
    required_properties,
    resolve,
)

HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace", "query"}
REDOCLY = REPO_ROOT / "node_modules" / ".bin" / "redocly"
SEED_ROWS = [(path, row) for path, rows in SEED_PARAMETERS.items() for row in rows]
SEED_ROW_IDS = [f"{path}:{row[0]}" for path, row in SEED_ROWS]


def _deref(spec: Spec, node: Any) -> Any:
    """Follow OpenAPI-level $refs (responses, request bodies) to the object they name."""
    while isinstance(node, dict) and "$ref" in node:
        node = resolve(node, spec)
    return node


def _alternatives(schema: Schema, spec: Spec) -> Iterator[Schema]:
    """The schema and every schema it may be through $ref, allOf, anyOf and oneOf."""
    resolved = resolve(schema, spec)
    yield resolved
    for keyword in ("allOf", "anyOf", "oneOf"):
        for part in resolved.get(keyword, []):
            yield from _alternatives(part, spec)


def _types(schema: Schema, spec: Spec) -> set[str]:
    found: set[str] = set()
    for part in _alternatives(schema, spec):
        declared = part.get("type")
        found.update([declared] if isinstance(declared, str) else declared or [])
    return found


def _keyword_values(schema: Schema, spec: Spec, keyword: str) -> set[str]:
    return {part[keyword] for part in _alternatives(schema, spec) if keyword in part}


def _request_body(spec: Spec, path: str) -> dict[str, Any] | None:
    body = _deref(spec, operation(spec, path).get("requestBody"))
    return body if isinstance(body, dict) else None


def test_spec_passes_openapi_spec_validator(spec: Spec, spec_path: Path) -> None:
    validate(spec, base_uri=spec_path.resolve().as_uri())


@pytest.mark.node
def test_spec_passes_redocly_lint(spec_path: Path) -> None:
    if not REDOCLY.exists():
        pytest.fail(f"{REDOCLY} is missing: run `make setup`")
    env = {**os.environ, "REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true"}
    result = subprocess.run(
        [str(REDOCLY), "lint", str(spec_path), "--format=json"],
        cwd=REPO_ROOT,  # picks up redocly.yaml
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    report = json.loads(result.stdout[result.stdout.index("{") :])
    errors = [problem for problem in report["problems"] if problem["severity"] == "error"]
    assert result.returncode == 0, result.stdout + result.stderr
    assert report["totals"]["errors"] == 0, errors


def test_spec_declares_case_insensitive_keys(spec: Spec) -> None:
    assert is_case_insensitive(spec), "x-case-insensitive-keys: true missing at the top level"
    assert "case-insensitive" in spec["info"]["description"].lower()


def test_global_security_is_http_basic(spec: Spec) -> None:
    schemes = spec["components"]["securitySchemes"]
    requirement_names = {name for requirement in spec["security"] for name in requirement}
    assert requirement_names, "no global security requirement"
    for name in requirement_names:
        scheme = _deref(spec, schemes[name])
        assert scheme["type"] == "http"
        assert scheme["scheme"].lower() == "basic"


@pytest.mark.parametrize("path", SEED_PATHS)
def test_operation_is_post_only(spec: Spec, path: str) -> None:
    assert path in spec["paths"], f"{path} missing from the spec"
    methods = set(_deref(spec, spec["paths"][path])) & HTTP_METHODS
    assert methods == {"post"}


@pytest.mark.parametrize("path", SEED_PATHS)
def test_request_body_offers_json_and_form(spec: Spec, path: str) -> None:
    body = _request_body(spec, path)
    if not SEED_PARAMETERS[path]:
        # Parameterless methods (/test) are POSTed with an empty body: nothing may be required.
        assert body is None or not body.get("required", False)
        return
    assert body is not None, f"{path} has no request body"
    assert body.get("required") is True
    assert {JSON, FORM} <= set(body["content"])


@pytest.mark.parametrize("path", SEED_PATHS)
def test_401_is_documented_without_content(spec: Spec, path: str) -> None:
    responses = operation(spec, path)["responses"]
    assert "401" in responses
    assert "content" not in _deref(spec, responses["401"])


@pytest.mark.parametrize("path", SEED_PATHS)
def test_429_is_documented(spec: Spec, path: str) -> None:
    assert "429" in operation(spec, path)["responses"]


@pytest.mark.parametrize(("path", "row"), SEED_ROWS, ids=SEED_ROW_IDS)
def test_seed_parameter_in_json_request(spec: Spec, path: str, row: Row) -> None:
    name, seed_format, required = row
    schema = request_schema(spec, path, JSON)
    properties = object_properties(schema, spec)
    assert name in properties, f"{name} missing from the JSON request of {path}"
    json_type, json_format = SEED_TYPE_TO_JSON_SCHEMA[seed_format]
    assert json_type in _types(properties[name], spec)
    if json_format is not None:
        assert json_format in _keyword_values(properties[name], spec, "format")
    assert (name in required_properties(schema, spec)) is required


@pytest.mark.parametrize(("path", "row"), SEED_ROWS, ids=SEED_ROW_IDS)
def test_seed_parameter_in_form_request(spec: Spec, path: str, row: Row) -> None:
    name, seed_format, required = row
    schema = request_schema(spec, path, FORM)
    properties = object_properties(schema, spec)
    assert name in properties, f"{name} missing from the form request of {path}"
    assert (name in required_properties(schema, spec)) is required
    if seed_format == "Json":
        # No tool encodes a nested object in a form the way the API expects: it travels as a JSON string.
        types = _types(properties[name], spec)
        assert "string" in types
        assert types <= {"string", "null"}
        assert "application/json" in _keyword_values(properties[name], spec, "contentMediaType")


def _test_mode_rows(spec: Spec) -> list[list[str]]:
    """Cells of the Markdown table under `## Test mode` in the spec's introduction."""
    lines = str(spec["info"]["description"]).splitlines()
    start = lines.index("## Test mode")
    rows: list[list[str]] = []
    for line in lines[start + 1 :]:
        if line.startswith("#"):
            break
        if line.startswith("|") and not line.startswith("|---"):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows[1:]  # without the header row


def test_machine_readable_test_cards_match_the_documented_table(spec: Spec) -> None:
    """`info.x-test-cards` (read by the mock) and the table people read must state the same facts."""
    outcome = {"success": "success", "insufficient funds": "insufficient_funds", "—": "none"}
    documented = [
        {
            "number": number.replace(" ", ""),
            "brand": brand,
            "threeDs": three_ds == "yes",
            "cryptogram": outcome[cryptogram],
            "token": outcome[token],
        }
        for number, brand, three_ds, cryptogram, token in _test_mode_rows(spec)
    ]
    assert documented == spec["info"]["x-test-cards"]
