"""Walking the schemas of the document: `$ref`, `allOf` and the alternatives a value may take."""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from typing import Any, Final

from spec_tools.document import JSON, Spec, SpecError, deref

Schema = Mapping[str, Any]


def resolve(schema: Any, spec: Spec) -> Any:
    """The schema a chain of local `$ref`s names (anything else is returned as it is)."""
    return deref(spec, schema)


def parts(schema: Any, spec: Spec) -> Iterator[Schema]:
    """The schema and every schema it is built from through `$ref` and `allOf`, depth first."""
    resolved = resolve(schema, spec)
    if not isinstance(resolved, Mapping):
        return
    yield resolved
    for part in resolved.get("allOf", []):
        yield from parts(part, spec)


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
