"""Python usage examples of the client, one per operation, built from the spec's request examples.

The one source of those examples: the generator hands them to the README template (spec_facts.jinja)
and the documentation build injects them as x-codeSamples, so a new operation gets its example the
moment it is in the spec.
"""

from __future__ import annotations

from typing import Any, Final

from generator.naming import field_name, group_name, method_name
from spec_tools import deref, operations, pointer_get

PACKAGE: Final = "cloudpayments_client"
CLIENT_CLASS: Final = "CloudPayments"
JSON: Final = "application/json"
_PLACEHOLDERS: Final[dict[str, object]] = {"string": "...", "integer": 1, "number": 1.0, "boolean": True}


def _json_media(spec: dict[str, Any], operation: dict[str, Any]) -> dict[str, Any] | None:
    body = deref(spec, operation.get("requestBody"))
    if not isinstance(body, dict):
        return None
    media = deref(spec, body.get("content", {}).get(JSON))
    return media if isinstance(media, dict) else {}


def _example_body(spec: dict[str, Any], media: dict[str, Any]) -> dict[str, Any] | None:
    examples = media.get("examples") or {}
    for example in examples.values():
        value = deref(spec, example).get("value")
        if isinstance(value, dict):
            return value
    example = media.get("example")
    return example if isinstance(example, dict) else None


def _required_placeholders(spec: dict[str, Any], schema: Any) -> dict[str, Any]:
    """Without a documented example: the required fields, with a placeholder of their type."""
    body: dict[str, Any] = {}
    pending = [schema]
    while pending:
        part = deref(spec, pending.pop(0))
        if not isinstance(part, dict):
            continue
        pending.extend(part.get("allOf", []))
        properties = part.get("properties", {})
        for name in part.get("required", []):
            prop = deref(spec, properties.get(name, {}))
            kind = prop.get("type") if isinstance(prop, dict) else None
            body[name] = _PLACEHOLDERS.get(kind if isinstance(kind, str) else "string", "...")
    return body


def _call(group: str, method: str, body: dict[str, Any] | None) -> list[str]:
    target = f"client.{group}.{method}"
    if not body:
        return [f"    result = {target}()"]
    lines = [f"    result = {target}("]
    lines += [f"        {field_name(str(key))}={value!r}," for key, value in body.items()]
    lines.append("    )")
    return lines


def python_example(spec: dict[str, Any], operation: dict[str, Any]) -> str:
    """One operation's snippet: credentials from the environment, the documented request as kwargs."""
    tags = operation.get("tags") or ["default"]
    media = _json_media(spec, operation)
    body: dict[str, Any] | None = None
    if media is not None:
        body = _example_body(spec, media)
        if body is None:
            body = _required_placeholders(spec, media.get("schema"))
    lines = [
        f"from {PACKAGE} import {CLIENT_CLASS}",
        "",
        "# Credentials come from CLOUDPAYMENTS_PUBLIC_ID and CLOUDPAYMENTS_API_SECRET.",
        f"with {CLIENT_CLASS}() as client:",
        *_call(group_name(str(tags[0])), method_name(str(operation["operationId"])), body),
        "    print(result)",
    ]
    return "\n".join(lines) + "\n"


def python_examples(spec: dict[str, Any]) -> dict[str, str]:
    """operationId -> a short Python snippet calling that operation through the client."""
    return {op.operation_id: python_example(spec, pointer_get(spec, op.pointer)) for op in operations(spec)}
