"""Walking the schemas of the document: `$ref`, `allOf` and the alternatives a value may take."""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from typing import Any, Final

from spec_tools.document import JSON, Spec, SpecError, deref

Schema = Mapping[str, Any]
# On a number schema: at most this many significant fractional digits (the API's amounts: 2).
DECIMAL_PLACES: Final = "x-decimal-places"


def resolve(schema: Any, spec: Spec) -> Any:
    """The schema a chain of local `$ref`s names (anything else is returned as it is)."""
    return deref(spec, schema)


def parts(schema: Any, spec: Spec) -> Iterator[Schema]:
    """The schema and every schema it is built from through `$ref` and `allOf`, depth first; for a nullable
    reference (`oneOf: [{$ref: ...}, {type: "null"}]`), also the schema its non-null values take."""
    resolved = resolve(schema, spec)
    if not isinstance(resolved, Mapping):
        return
    yield resolved
    for part in resolved.get("allOf", []):
        yield from parts(part, spec)
    value = _nullable_value(resolved, spec)
    if value is not None:
        yield from parts(value, spec)


def _is_null_type(schema: Any, spec: Spec) -> bool:
    resolved = resolve(schema, spec)
    return isinstance(resolved, Mapping) and resolved.get("type") == "null"


def _nullable_value(resolved: Schema, spec: Spec) -> Any:
    """The one non-null alternative of a `oneOf`/`anyOf` of that schema and `{type: "null"}`, else None."""
    for keyword in ("oneOf", "anyOf"):
        alternatives = resolved.get(keyword)
        if not isinstance(alternatives, list):
            continue
        values = [alt for alt in alternatives if not _is_null_type(alt, spec)]
        if len(values) == 1 and len(values) < len(alternatives):
            return values[0]
    return None


def non_null_schema(schema: Any, spec: Spec) -> Any:
    """The schema a non-null value of `schema` takes: the referenced schema of a nullable reference
    (`oneOf: [{$ref: X}, {type: "null"}]` gives X, resolved), else the schema itself, resolved."""
    resolved = resolve(schema, spec)
    value = _nullable_value(resolved, spec) if isinstance(resolved, Mapping) else None
    return resolved if value is None else non_null_schema(value, spec)


def admits_null(schema: Any, spec: Spec) -> bool:
    """Whether JSON `null` is a valid value of the schema (by `type`, `enum`, `const`, `allOf`, `anyOf` and
    `oneOf`)."""
    resolved = resolve(schema, spec)
    if isinstance(resolved, bool):
        return resolved
    if not isinstance(resolved, Mapping):
        return False
    declared = resolved.get("type")
    if declared is not None and "null" not in ([declared] if isinstance(declared, str) else declared):
        return False
    if "enum" in resolved and None not in resolved["enum"]:
        return False
    if "const" in resolved and resolved["const"] is not None:
        return False
    if not all(admits_null(part, spec) for part in resolved.get("allOf", [])):
        return False
    if "anyOf" in resolved and not any(admits_null(alt, spec) for alt in resolved["anyOf"]):
        return False
    return "oneOf" not in resolved or sum(admits_null(alt, spec) for alt in resolved["oneOf"]) == 1


def alternatives(schema: Any, spec: Spec) -> Iterator[Schema]:
    """The schema and every schema it may be through `$ref`, `allOf`, `anyOf` and `oneOf`."""
    resolved = resolve(schema, spec)
    if not isinstance(resolved, Mapping):
        return
    yield resolved
    for keyword in ("allOf", "anyOf", "oneOf"):
        for part in resolved.get(keyword, []):
            yield from alternatives(part, spec)


# The request path asks for the same few schemas' properties on every request: each answer is worked out once
# per schema node and document, keyed by identity (a loaded document is never changed). An entry holds its
# schema and document, so their ids are not reused while it lives; callers get copies. Emptied when full.
_MEMO_MAX: Final = 4096
_properties_memo: dict[tuple[int, int], tuple[Any, Spec, dict[str, Schema]]] = {}
_required_memo: dict[tuple[int, int], tuple[Any, Spec, frozenset[str]]] = {}


def object_properties(schema: Any, spec: Spec) -> dict[str, Schema]:
    """Properties of an object schema over `$ref`/`allOf`, in order (the first declaration wins)."""
    key = (id(schema), id(spec))
    hit = _properties_memo.get(key)
    if hit is not None and hit[0] is schema and hit[1] is spec:
        return dict(hit[2])
    merged: dict[str, Schema] = {}
    for part in parts(schema, spec):
        for name, prop in part.get("properties", {}).items():
            merged.setdefault(name, prop)
    if len(_properties_memo) >= _MEMO_MAX:
        _properties_memo.clear()
    _properties_memo[key] = (schema, spec, merged)
    return dict(merged)


def required_properties(schema: Any, spec: Spec) -> set[str]:
    """Required property names over `$ref`/`allOf`."""
    key = (id(schema), id(spec))
    hit = _required_memo.get(key)
    if hit is not None and hit[0] is schema and hit[1] is spec:
        return set(hit[2])
    required = frozenset(str(name) for part in parts(schema, spec) for name in part.get("required", []))
    if len(_required_memo) >= _MEMO_MAX:
        _required_memo.clear()
    _required_memo[key] = (schema, spec, required)
    return set(required)


def types_of(schema: Any, spec: Spec) -> set[str]:
    """The JSON types a schema admits, through `$ref`, `allOf`, `anyOf` and `oneOf`."""
    found: set[str] = set()
    for part in alternatives(schema, spec):
        declared = part.get("type")
        if isinstance(declared, str):
            found.add(declared)
        elif isinstance(declared, list):
            found.update(str(kind) for kind in declared)
    return found


def keyword_values(schema: Any, spec: Spec, keyword: str) -> set[Any]:
    """Every value of one keyword (`format`, `contentMediaType`...) over the schema's alternatives."""
    return {part[keyword] for part in alternatives(schema, spec) if keyword in part}


def decimal_places(schema: Any, spec: Spec) -> dict[str, int]:
    """The properties of an object schema (over `$ref`/`allOf`) that state `x-decimal-places` (the API's
    amounts), each with the most significant fractional digits it takes; empty when the spec states none."""
    places: dict[str, int] = {}
    for name, prop in object_properties(schema, spec).items():
        limits = [int(value) for value in keyword_values(prop, spec, DECIMAL_PLACES)]
        if limits:
            places[str(name)] = min(limits)
    return places


def is_json_encoded(schema: Any, spec: Spec) -> bool:
    """A string that carries a JSON document (a form field holding an object, such as JsonData)."""
    return JSON in keyword_values(schema, spec, "contentMediaType")


def merged_object(schema: Any, spec: Spec) -> dict[str, Any] | None:
    """The single object schema an `allOf` of plain object schemas means, or None when it is not one.

    Two members that declare one property differently are an error in the document.
    """
    resolved = resolve(schema, spec)
    if not isinstance(resolved, Mapping) or set(resolved) - {"allOf", "description"}:
        return None
    members = [resolve(part, spec) for part in resolved.get("allOf", [])]
    if not members or any(
        not isinstance(part, Mapping) or "allOf" in part or part.get("type", "object") != "object"
        for part in members
    ):
        return None
    merged: dict[str, Any] = {"type": "object"}
    if "description" in resolved:
        merged["description"] = resolved["description"]
    required: list[str] = []
    properties: dict[str, Any] = {}
    for part in members:
        required += [key for key in part.get("required", []) if key not in required]
        for key, value in part.get("properties", {}).items():
            if key in properties and properties[key] != value:
                raise SpecError(f"allOf members disagree on property {key!r}")
            properties[key] = copy.deepcopy(value)
    if required:
        merged["required"] = required
    merged["properties"] = properties
    return merged


# On a schema: an alternative shape real clients send that the API takes, though the reference does not list
# it (the value says who sends it). The generator leaves it out; the mock reads it as the documented shape.
TOLERATED: Final = "x-tolerated"
# On an object schema: required properties real clients leave out, each with why; the mock takes their absence
# unless it runs strict.
TOLERATED_ABSENT: Final = "x-tolerated-absent"


def is_tolerated(schema: Any, spec: Spec) -> bool:
    """Whether a schema (through its `$ref`s) is an alternative marked `x-tolerated`."""
    resolved = resolve(schema, spec)
    return isinstance(resolved, Mapping) and TOLERATED in resolved


def tolerated_alternatives(schema: Any, spec: Spec) -> tuple[list[Schema], list[Schema]]:
    """The documented and the tolerated branches of the first `anyOf` (over `$ref`/`allOf`) that has a
    tolerated branch: `([], [])` when the schema has none."""
    for part in parts(schema, spec):
        branches = part.get("anyOf")
        if not isinstance(branches, list) or not any(is_tolerated(branch, spec) for branch in branches):
            continue
        documented = [resolve(b, spec) for b in branches if not is_tolerated(b, spec)]
        tolerated = [resolve(b, spec) for b in branches if is_tolerated(b, spec)]
        return documented, tolerated
    return [], []


def tolerated_absent(schema: Any, spec: Spec) -> dict[str, str]:
    """Required properties of an object schema (over `$ref`/`allOf`) that real clients omit, with why."""
    found: dict[str, str] = {}
    for part in parts(schema, spec):
        names = part.get(TOLERATED_ABSENT)
        if isinstance(names, Mapping):
            found.update({str(name): str(why) for name, why in names.items()})
        elif names is not None:
            raise SpecError(f"{TOLERATED_ABSENT} must map each property to why it is tolerated")
    return found
