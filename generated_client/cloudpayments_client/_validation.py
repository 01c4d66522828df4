"""Checks a decoded answer against the response schemas before it is turned into models.

The generated parsers fall back to a raw dict when a `oneOf` member does not fit and raise a bare
KeyError for a missing key; this check names the field instead.
"""

from __future__ import annotations

from typing import Any

from ._schemas import RESPONSES, SCHEMAS
from .exceptions import ResponseValidationError

_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "object": (dict,),
    "array": (list,),
    "null": (type(None),),
}


def _type_ok(value: Any, kind: str) -> bool:
    if kind in ("integer", "number") and isinstance(value, bool):
        return False
    if kind == "integer" and isinstance(value, float):
        return value.is_integer()
    return isinstance(value, _TYPES.get(kind, (object,)))


def _json_type(value: Any) -> str:
    for kind in ("null", "boolean", "integer", "number", "string", "array", "object"):
        if _type_ok(value, kind):
            return kind
    return type(value).__name__


def _join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def _errors(value: Any, schema: dict[str, Any], path: str) -> list[tuple[str, str]]:
    """(field, problem) pairs; empty when the value matches."""
    if "$ref" in schema:
        return _errors(value, SCHEMAS[schema["$ref"]], path)
    found: list[tuple[str, str]] = []
    kinds = schema.get("type")
    if kinds is not None:
        allowed = [kinds] if isinstance(kinds, str) else list(kinds)
        if not any(_type_ok(value, kind) for kind in allowed):
            return [(path or "<body>", f"is {_json_type(value)}, expected {' or '.join(allowed)}")]
    for part in schema.get("allOf", []):
        found += _errors(value, part, path)
    for key in ("oneOf", "anyOf"):
        if key in schema:
            found += _best_branch(value, schema[key], path)
    if isinstance(value, dict):
        for name in schema.get("required", []):
            if name not in value:
                found.append((_join(path, name), "is missing"))
        for name, sub in schema.get("properties", {}).items():
            if name in value:
                found += _errors(value[name], sub, _join(path, name))
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            found += _errors(item, schema["items"], _join(path, index))
    return found


def _admits(value: Any, schema: dict[str, Any]) -> bool:
    """Whether a branch is meant for this JSON type (so its errors are the meaningful ones)."""
    resolved = SCHEMAS[schema["$ref"]] if "$ref" in schema else schema
    kinds = resolved.get("type")
    if kinds is None:
        return True
    allowed = [kinds] if isinstance(kinds, str) else list(kinds)
    return any(_type_ok(value, kind) for kind in allowed)


def _best_branch(value: Any, branches: list[dict[str, Any]], path: str) -> list[tuple[str, str]]:
    results = [_errors(value, branch, path) for branch in branches]
    if any(not errors for errors in results):
        return []
    candidates = [errors for branch, errors in zip(branches, results, strict=True) if _admits(value, branch)]
    return min(candidates or results, key=len)


def validate_response(operation: str, data: Any) -> None:
    """Raise ResponseValidationError naming the operation and the first field that does not match."""
    errors = _errors(data, {"$ref": RESPONSES[operation]}, "")
    if errors:
        field, problem = errors[0]
        raise ResponseValidationError(problem, operation=operation, field=field)
