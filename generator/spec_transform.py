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


def json_only(spec: dict[str, Any]) -> dict[str, Any]:
    """A copy of the spec whose request bodies offer application/json only, without webhooks, form-only
    components and the components only webhooks use."""
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
    _prune_unreferenced(view)
    _merge_object_compositions(view)
    _prune_unreferenced(view)
    return view
