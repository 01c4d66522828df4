"""The JSON-only view of openapi.yaml that the client is generated from.

openapi-python-client emits broken code when one operation offers two request content types
(a `Unset` NameError and a form branch that shadows the JSON one), and the real API accepts JSON
for every operation. So the generator sees request bodies with application/json only, and the
components that only the form variant used (the *Form schemas, JsonEncoded) are dropped: unused
schemas would otherwise become dead model classes. For the same reason an object schema composed
with `allOf` (the spec shares the `*Fields` part between the JSON and the form variant) is merged into
one object here, so the shared part does not become a second, unused model class. The `webhooks` (requests
the API sends, not operations the client calls) are left out with the components only they use: the package's
`webhooks` module has its own notification classes. The alternatives marked `x-tolerated` (shapes real
clients send that the mock takes: an amount as text, JsonData as JSON text) are dropped, so the client is
typed for the documented shape only and always sends it; so are the operations marked so (GET /test).
Optional header parameters other than `X-Request-ID` (a payout's `X-Signature`) are dropped too: the client
sends them as a call's `extra_headers`, so they are no keyword of its methods. An answer whose `Model` is an
array is returned as that list, so the envelope's other fields (the chargebacks list's `ErrorCode`, null on
success and of undocumented values) are dropped from its schema; a failure's exception still holds the whole
answer.

Every optional request property admits `null` in the spec (`type: [string, "null"]`, `oneOf: [{$ref: ...},
{type: "null"}]`, `enum: [..., null]`): the API reads a null there as the property left out, which the client
says with `UNSET`. So the view takes the null back out of the optional properties of request schemas: the
client's signatures stay `str | Unset`, not `None | str | Unset`, and its request enums and objects keep their
names (a nullable one becomes a `..._type_0` union). The request schemas are found by walking from the request
bodies (after the form variants are gone and the `allOf`s merged) through `$ref`, properties, items and
alternatives, so answer models keep their nulls. A component that a request and an answer both reach cannot
lose its nulls for one side only: the view refuses it (the spec would name two schemas, one a side) rather
than change an answer model.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any, Final

import spec_tools

JSON: Final = "application/json"
TOLERATED: Final = spec_tools.TOLERATED
_COMPONENT_PREFIX: Final = "#/components/"


def _request_bodies(spec: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for path_item in spec.get("paths", {}).values():
        for operation in path_item.values():
            if isinstance(operation, dict) and isinstance(operation.get("requestBody"), dict):
                yield operation["requestBody"]
    yield from spec.get("components", {}).get("requestBodies", {}).values()


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            yield ref
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)


def _component(spec: dict[str, Any], ref: str) -> tuple[str, str] | None:
    if not ref.startswith(_COMPONENT_PREFIX):
        return None
    kind, _, name = ref[len(_COMPONENT_PREFIX) :].partition("/")
    return (kind, name) if name and "/" not in name else None


def _prune_unreferenced(spec: dict[str, Any]) -> None:
    """Drop the components nothing outside `components` reaches, directly or through other components."""
    components: dict[str, dict[str, Any]] = spec.get("components", {})
    roots = {key: value for key, value in spec.items() if key != "components"}
    reached: set[tuple[str, str]] = set()
    pending = list(_refs(roots))
    # Security schemes are referenced by name, not by $ref.
    reached.update(("securitySchemes", name) for name in components.get("securitySchemes", {}))
    while pending:
        target = _component(spec, pending.pop())
        if target is None or target in reached:
            continue
        kind, name = target
        if name not in components.get(kind, {}):
            raise ValueError(f"dangling $ref #/components/{kind}/{name}")
        reached.add(target)
        pending.extend(_refs(components[kind][name]))
    for kind, entries in components.items():
        for name in [name for name in entries if (kind, name) not in reached]:
            del entries[name]


def _merge_object_compositions(spec: dict[str, Any]) -> None:
    """Turn each component `allOf` of plain object schemas into the single object schema it means."""
    schemas: dict[str, Any] = spec.get("components", {}).get("schemas", {})
    for name, schema in schemas.items():
        try:
            merged = spec_tools.merged_object(schema, spec)
        except spec_tools.SpecError as error:
            raise ValueError(f"{name}: {error}") from None
        if merged is not None:
            schemas[name] = merged


def _answer_json_data_as_read(spec: dict[str, Any]) -> None:
    """An answer's `JsonData` may be JSON text or the object itself; the client reads it by name (`read_json`
    decodes both), so the view keeps the text type only: an inline object would become a dead model class."""
    for schema in spec.get("components", {}).get("schemas", {}).values():
        prop = schema.get("properties", {}).get("JsonData") if isinstance(schema, dict) else None
        if not isinstance(prop, dict):
            continue
        types = prop.get("type")
        if isinstance(types, list) and "string" in types and "object" in types:
            prop["type"] = [kind for kind in types if kind != "object"]


def _component_refs(spec: dict[str, Any], roots: Any) -> set[str]:
    """The `$ref`s of components that `roots` reach, directly or through other components."""
    reached: set[str] = set()
    pending = list(_refs(roots))
    while pending:
        ref = pending.pop()
        target = _component(spec, ref)
        if target is None or ref in reached:
            continue
        reached.add(ref)
        kind, name = target
        pending.extend(_refs(spec.get("components", {}).get(kind, {}).get(name)))
    return reached


def _non_null(prop: dict[str, Any], spec: dict[str, Any]) -> dict[str, Any]:
    """The property schema without its null: `type`, `enum` and the `{type: "null"}` alternatives, in place
    of the keyword they were in (so `{oneOf: [{$ref: X}, {type: "null"}], description: d}` is `{$ref: X,
    description: d}` again)."""
    result: dict[str, Any] = {}
    for key, value in prop.items():
        if key == "type" and isinstance(value, list) and "null" in value:
            kinds = [kind for kind in value if kind != "null"]
            result[key] = kinds[0] if len(kinds) == 1 else kinds
        elif key == "enum" and isinstance(value, list) and None in value:
            result[key] = [item for item in value if item is not None]
        elif key in ("oneOf", "anyOf") and isinstance(value, list):
            kept = [alt for alt in value if spec_tools.resolve(alt, spec) != {"type": "null"}]
            if len(kept) == 1 and isinstance(kept[0], dict) and not set(kept[0]) & set(prop):
                result.update(kept[0])
            else:
                result[key] = kept
        else:
            result[key] = value
    return result


def _strip_optional_nulls(node: Any, spec: dict[str, Any], shared: set[str], seen: set[int]) -> None:
    """Take the null out of every optional property under a request schema (see the module docstring)."""
    if not isinstance(node, dict) or id(node) in seen:
        return
    seen.add(id(node))
    ref = node.get("$ref")
    if isinstance(ref, str):
        target = spec_tools.resolve(node, spec)
        properties = target.get("properties", {}) if isinstance(target, dict) else {}
        if ref in shared and any(_non_null(prop, spec) != prop for prop in properties.values()):
            raise ValueError(f"{ref} is used by requests and answers: its nulls cannot go for requests only")
        _strip_optional_nulls(target, spec, shared, seen)
    required = set(node.get("required", []))
    properties = node.get("properties")
    if isinstance(properties, dict):
        for name in list(properties):
            if name not in required and isinstance(properties[name], dict):
                properties[name] = _non_null(properties[name], spec)
            _strip_optional_nulls(properties[name], spec, shared, seen)
    for keyword in ("items", "additionalProperties"):
        _strip_optional_nulls(node.get(keyword), spec, shared, seen)
    for keyword in ("allOf", "anyOf", "oneOf"):
        for alternative in node.get(keyword, []):
            _strip_optional_nulls(alternative, spec, shared, seen)


def _strip_request_nulls(spec: dict[str, Any]) -> None:
    bodies = list(_request_bodies(spec))
    requests = [body.get("content", {}).get(JSON, {}).get("schema") for body in bodies]
    # What everything but the request bodies reaches: the answers, the parameters...
    others = copy.deepcopy(spec)
    for body in _request_bodies(others):
        body.pop("content", None)
    others.get("components", {}).pop("requestBodies", None)
    roots = {key: value for key, value in others.items() if key != "components"}
    shared = _component_refs(spec, requests) & _component_refs(others, roots)
    seen: set[int] = set()
    for schema in requests:
        _strip_optional_nulls(schema, spec, shared, seen)


def _without_tolerated(node: Any, spec: dict[str, Any]) -> None:
    """Drop every `anyOf` branch marked `x-tolerated`; an `anyOf` left with one branch becomes that branch."""
    if isinstance(node, list):
        for item in node:
            _without_tolerated(item, spec)
        return
    if not isinstance(node, dict):
        return
    for value in node.values():
        _without_tolerated(value, spec)
    branches = node.get("anyOf")
    if not isinstance(branches, list):
        return
    kept = [branch for branch in branches if not spec_tools.is_tolerated(branch, spec)]
    if len(kept) == len(branches):
        return
    if not kept:
        raise ValueError(f"an anyOf offers only tolerated alternatives: {branches}")
    if len(kept) > 1:
        node["anyOf"] = kept
        return
    del node["anyOf"]
    # The documented branch first, then what the property says of itself (its description).
    merged = {**copy.deepcopy(kept[0]), **node}
    node.clear()
    node.update(merged)


def _without_optional_headers(spec: dict[str, Any]) -> None:
    """Drop every optional header parameter but `X-Request-ID` from the operations (the client sends them
    as `extra_headers`)."""
    for path_item in spec.get("paths", {}).values():
        for operation in path_item.values():
            if not isinstance(operation, dict) or "parameters" not in operation:
                continue
            kept = []
            for parameter in operation["parameters"]:
                resolved = spec_tools.resolve(parameter, spec)
                if (
                    isinstance(resolved, dict)
                    and resolved.get("in") == "header"
                    and resolved.get("name") != spec_tools.REQUEST_ID_HEADER
                    and not resolved.get("required", False)
                ):
                    continue
                kept.append(parameter)
            operation["parameters"] = kept


_ENVELOPE_CORE: Final = ("Success", "Message", "Model")


def _without_list_envelope_extras(spec: dict[str, Any]) -> None:
    """Drop the fields beside `Success`, `Message` and an array `Model` from the answers' envelopes (the
    client returns the list; it has no place for them)."""
    for path_item in spec.get("paths", {}).values():
        for operation in path_item.values():
            if not isinstance(operation, dict):
                continue
            try:
                media = operation["responses"]["200"]["content"][JSON]
            except (KeyError, TypeError):
                continue
            envelope = spec_tools.resolve(media.get("schema"), spec)
            if not isinstance(envelope, dict) or not isinstance(envelope.get("properties"), dict):
                continue
            model = spec_tools.resolve(envelope["properties"].get("Model"), spec)
            branches = model.get("oneOf", [model]) if isinstance(model, dict) else []
            if not any(isinstance(branch, dict) and branch.get("type") == "array" for branch in branches):
                continue
            for name in [name for name in envelope["properties"] if name not in _ENVELOPE_CORE]:
                del envelope["properties"][name]
            if isinstance(envelope.get("required"), list):
                envelope["required"] = [name for name in envelope["required"] if name in _ENVELOPE_CORE]


def json_only(spec: dict[str, Any]) -> dict[str, Any]:
    """A copy of the spec whose request bodies offer application/json only, without webhooks, form-only
    components, the components only webhooks use and the nulls of optional request properties."""
    view = copy.deepcopy(spec)
    view.pop("webhooks", None)
    # Operations marked x-tolerated (GET /test) are ways real clients call the API, not the client's.
    for path_item in view.get("paths", {}).values():
        tolerated = [m for m, op in path_item.items() if isinstance(op, dict) and op.get(TOLERATED) is True]
        for method in tolerated:
            del path_item[method]
    for body in _request_bodies(view):
        if "$ref" in body:
            continue  # a components/requestBodies entry, handled on its own
        content: dict[str, Any] = body.get("content", {})
        if JSON not in content:
            raise ValueError(f"a request body offers no {JSON} variant: {sorted(content)}")
        for media_type in [media_type for media_type in content if media_type != JSON]:
            del content[media_type]
    _without_tolerated(view, spec)
    _without_optional_headers(view)
    _without_list_envelope_extras(view)
    _prune_unreferenced(view)
    _merge_object_compositions(view)
    _prune_unreferenced(view)
    _answer_json_data_as_read(view)
    _strip_request_nulls(view)
    return view
