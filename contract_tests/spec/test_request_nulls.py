"""Nulls in the request bodies, in standard OpenAPI 3.1 terms: every optional property of every JSON request
schema, at any depth, admits `null` (clients send `"Currency": null` for a parameter they leave out, and the
API takes it so), and no required one does. Judged by a JSON Schema validator on each property's own schema,
so a tool that reads nothing but the standard (schemathesis, Prism) sees what the mock does."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spec_tools import JSON, Spec, follow, load_spec, operations, pointer_get, validator_at

SPEC: Spec = load_spec(shared=True)


def _objects(pointer: str) -> Iterator[tuple[dict[str, str], set[str]]]:
    """(property pointers by name, required names) of each object the schema at `pointer` may be: itself with
    its `allOf` parts, each `oneOf`/`anyOf` alternative, its array items."""
    node, pointer = follow(SPEC, pointer_get(SPEC, pointer), pointer)
    if not isinstance(node, dict):
        return
    properties: dict[str, str] = {}
    required: set[str] = set()
    parts = [(node, pointer)]
    parts += [
        follow(SPEC, part, f"{pointer}/allOf/{index}") for index, part in enumerate(node.get("allOf", []))
    ]
    for part, part_pointer in parts:
        required |= set(part.get("required", []))
        for name in part.get("properties", {}):
            properties.setdefault(name, f"{part_pointer}/properties/{name}")
        for keyword in ("oneOf", "anyOf"):
            for index in range(len(part.get(keyword, []))):
                yield from _objects(f"{part_pointer}/{keyword}/{index}")
        if "items" in part:
            yield from _objects(f"{part_pointer}/items")
    if properties:
        yield properties, required


def _request_properties(pointer: str, where: str, depth: int = 0) -> Iterator[tuple[str, str, bool]]:
    """(`Payer.Phone`, the property's pointer, whether it is required) for every property under a schema."""
    assert depth < 10, f"{where}: nested too deeply (a cycle?)"
    for properties, required in _objects(pointer):
        for name, prop in properties.items():
            yield f"{where}{name}", prop, name in required
            yield from _request_properties(prop, f"{where}{name}.", depth + 1)


def test_every_optional_request_property_admits_null_and_no_required_one_does() -> None:
    checked: dict[str, bool] = {}
    wrong: list[str] = []
    for where, pointer, required in (
        (f"{op.path} {name}", pointer, required)
        for op in operations(SPEC)
        if JSON in op.request_schemas
        for name, pointer, required in _request_properties(op.request_schemas[JSON], "")
    ):
        admits = validator_at(SPEC, pointer).is_valid(None)
        checked[where] = required
        if admits == required:
            kind = "required" if required else "optional"
            wrong.append(f"{where} ({kind}): null {'admitted' if admits else 'refused'}")
    assert not wrong, "\n".join(sorted(set(wrong)))
    # The walk reaches the nested and the required ones.
    assert checked.get("/payments/cards/charge Payer.Phone") is False
    assert checked.get("/payments/cards/charge AirlineAddendum.Legs.FlightNumber") is False
    assert checked.get("/payments/list TimeZone") is False
    assert checked.get("/payments/cards/charge Amount") is True
    assert len(checked) > 100


def test_the_nulls_are_said_in_the_standard_not_in_an_extension() -> None:
    def extensions(node: Any) -> Iterator[str]:
        if isinstance(node, dict):
            for key, value in node.items():
                if str(key).startswith("x-") and "null" in str(key):
                    yield str(key)
                yield from extensions(value)
        elif isinstance(node, list):
            for item in node:
                yield from extensions(item)

    assert list(extensions(SPEC)) == []
