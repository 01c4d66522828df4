"""What changed between two versions of the API description, as a client's user sees it.

Read through `spec_tools`: operations added or removed, request parameters (headers, path parameters, the
top-level fields of the request body) added or removed, required flags changed, and enum values added or
removed in the request (body fields at any depth, path parameters, headers) and in the 200 answer, and the
JSON body fields (at any depth) that came to admit `null` or no longer do (so `null` is not counted among the
enum values). A change that a request valid before may no longer pass is breaking: a removed operation or
parameter, a parameter that became required (or a new required one), an enum value a request could send that
is gone, a field that no longer admits `null`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Final

import spec_tools
from spec_tools import Spec

# A nested schema deeper than this is not walked (the spec's deepest request field is far above it).
_MAX_DEPTH: Final = 12


@dataclass(frozen=True, order=True)
class SpecChange:
    """One change; `breaking` when a request written against the old description may no longer work."""

    where: str
    what: str
    breaking: bool


@dataclass(frozen=True)
class _Parameter:
    required: bool


@dataclass(frozen=True)
class _Surface:
    operation_id: str
    # "header X-Request-ID", "path Type", "body Amount" -> required flag
    parameters: dict[str, _Parameter]
    # "request Amount", "request path Type", "answer Model.Status" -> enum values (JSON text of each)
    enums: dict[str, frozenset[str]]
    # "body Payer.Phone" -> whether it admits null, for every field of the JSON body at any depth
    nullable: dict[str, bool]


def _enum_values(schema: Any, spec: Spec) -> frozenset[str]:
    values: set[str] = set()
    for part in spec_tools.alternatives(schema, spec):
        for value in part.get("enum", []):
            if value is not None:
                values.add(json.dumps(value, ensure_ascii=False))
        if "const" in part and part["const"] is not None:
            values.add(json.dumps(part["const"], ensure_ascii=False))
    return frozenset(values)


def _schema_enums(
    schema: Any, spec: Spec, prefix: str, depth: int = 0
) -> Iterator[tuple[str, frozenset[str]]]:
    """(place, values) for the schema and every property and array item below it that has an enum."""
    if depth > _MAX_DEPTH:
        return
    values = _enum_values(schema, spec)
    if values:
        yield prefix, values
    for name, prop in spec_tools.object_properties(schema, spec).items():
        yield from _schema_enums(prop, spec, f"{prefix}.{name}" if prefix else name, depth + 1)
    for part in spec_tools.alternatives(schema, spec):
        items = part.get("items")
        if isinstance(items, dict):
            yield from _schema_enums(items, spec, f"{prefix}[]", depth + 1)
        for name, prop in (part.get("properties") or {}).items():
            # properties of anyOf/oneOf alternatives that object_properties (allOf only) does not merge
            yield from _schema_enums(prop, spec, f"{prefix}.{name}" if prefix else name, depth + 1)


def _body_fields(schema: Any, spec: Spec, prefix: str, depth: int = 0) -> Iterator[tuple[str, bool]]:
    """(`Payer.Phone`, whether it admits null) for every property under a body schema, array items too."""
    if depth > _MAX_DEPTH:
        return
    for name, prop in spec_tools.object_properties(schema, spec).items():
        yield f"{prefix}{name}", spec_tools.admits_null(prop, spec)
        yield from _body_fields(prop, spec, f"{prefix}{name}.", depth + 1)
        items = spec_tools.non_null_schema(prop, spec).get("items")
        if isinstance(items, dict):
            yield from _body_fields(items, spec, f"{prefix}{name}[].", depth + 1)


def _merge(found: dict[str, frozenset[str]], pairs: Iterator[tuple[str, frozenset[str]]]) -> None:
    for place, values in pairs:
        found[place] = found.get(place, frozenset()) | values


def _surface(spec: Spec, op: spec_tools.Operation) -> _Surface:
    raw = spec_tools.pointer_get(spec, op.pointer)
    parameters: dict[str, _Parameter] = {}
    enums: dict[str, frozenset[str]] = {}
    nullable: dict[str, bool] = {}
    for parameter in raw.get("parameters", []):
        parameter = spec_tools.deref(spec, parameter)
        if not isinstance(parameter, dict) or "name" not in parameter:
            continue
        key = f"{parameter.get('in', 'query')} {parameter['name']}"
        parameters[key] = _Parameter(bool(parameter.get("required")))
        _merge(enums, _schema_enums(parameter.get("schema"), spec, f"request {key}"))
    # The JSON body where there is one (the form body carries the same fields), else the first media type.
    pointers = op.request_schemas
    body_pointer = pointers.get(spec_tools.JSON) or next(iter(pointers.values()), None)
    if body_pointer is not None:
        body = spec_tools.pointer_get(spec, body_pointer)
        required = spec_tools.required_properties(body, spec)
        for name, prop in spec_tools.object_properties(body, spec).items():
            parameters[f"body {name}"] = _Parameter(op.body_required and name in required)
            _merge(enums, _schema_enums(prop, spec, f"request body {name}"))
    if spec_tools.JSON in pointers:  # a form body cannot carry null
        body = spec_tools.pointer_get(spec, pointers[spec_tools.JSON])
        nullable = {f"body {place}": admits for place, admits in _body_fields(body, spec, "")}
    if op.response_schema is not None:
        answer = spec_tools.pointer_get(spec, op.response_schema)
        _merge(enums, _schema_enums(answer, spec, "answer"))
    return _Surface(op.operation_id, parameters, enums, nullable)


def _surfaces(spec: Spec) -> dict[str, _Surface]:
    return {f"{op.method.upper()} {op.path}": _surface(spec, op) for op in spec_tools.operations(spec)}


def _listed(values: frozenset[str]) -> str:
    return ", ".join(f"`{value}`" for value in sorted(values))


def spec_changes(old: Spec, new: Spec) -> list[SpecChange]:
    """Every change from `old` to `new`, breaking ones first, each group in the order of the operations."""
    before, after = _surfaces(old), _surfaces(new)
    changes: list[SpecChange] = []
    for key in before.keys() - after.keys():
        changes.append(SpecChange(key, f"operation removed (`{before[key].operation_id}`)", True))
    for key in after.keys() - before.keys():
        changes.append(SpecChange(key, f"operation added (`{after[key].operation_id}`)", False))
    for key in before.keys() & after.keys():
        old_op, new_op = before[key], after[key]
        where = f"{key} (`{new_op.operation_id}`)"
        for name in old_op.parameters.keys() - new_op.parameters.keys():
            changes.append(SpecChange(where, f"parameter removed: {name}", True))
        for name in new_op.parameters.keys() - old_op.parameters.keys():
            required = new_op.parameters[name].required
            flag = "required" if required else "optional"
            changes.append(SpecChange(where, f"{flag} parameter added: {name}", required))
        for name in old_op.parameters.keys() & new_op.parameters.keys():
            was, now = old_op.parameters[name].required, new_op.parameters[name].required
            if not was and now:
                changes.append(SpecChange(where, f"parameter now required: {name}", True))
            elif was and not now:
                changes.append(SpecChange(where, f"parameter now optional: {name}", False))
        for place in sorted(old_op.enums.keys() | new_op.enums.keys()):
            was_values = old_op.enums.get(place, frozenset())
            now_values = new_op.enums.get(place, frozenset())
            if place not in new_op.enums or place not in old_op.enums:
                continue  # the field itself came or went: reported as a parameter where it is one
            request = place.startswith("request ")
            if removed := was_values - now_values:
                what = f"enum values removed from {place}: {_listed(removed)}"
                changes.append(SpecChange(where, what, request))
            if added := now_values - was_values:
                changes.append(SpecChange(where, f"enum values added to {place}: {_listed(added)}", False))
        fields = old_op.nullable.keys() & new_op.nullable.keys()
        if loosened := sorted(f for f in fields if new_op.nullable[f] and not old_op.nullable[f]):
            changes.append(SpecChange(where, f"now admitting null: {', '.join(loosened)}", False))
        if tightened := sorted(f for f in fields if old_op.nullable[f] and not new_op.nullable[f]):
            changes.append(SpecChange(where, f"no longer admitting null: {', '.join(tightened)}", True))
    return sorted(changes, key=lambda change: (not change.breaking, change.where, change.what))


def markdown(changes: list[SpecChange]) -> list[str]:
    """The changes as Markdown list items, breaking ones marked."""
    if not changes:
        return ["- No changes to operations, parameters, required flags or enum values."]
    return [f"- {'**Breaking:** ' if c.breaking else ''}{c.where}: {c.what}" for c in changes]
