"""What the rendered reference must show, read from the spec: operations, request fields, examples."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final

import spec_tools
from generator.build import package_facts
from spec_tools import JSON, Spec, with_rendered_tables

HTTP_METHODS: Final = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@dataclass(frozen=True)
class Field:
    name: str
    types: frozenset[str]
    required: bool


@dataclass(frozen=True)
class ExpectedOperation:
    operation_id: str
    method: str
    path: str
    tag: str
    summary: str
    headers: tuple[Field, ...]
    path_parameters: tuple[Field, ...]
    body_fields: tuple[Field, ...]
    # summary -> example value, for the 200 response's JSON examples
    response_examples: dict[str, Any]


def resolve(spec: Spec, node: Any) -> Any:
    """`node` with its $refs followed; anything that is not an object comes back as it is."""
    return spec_tools.resolve(node, spec) if isinstance(node, dict) else node


def schema_types(spec: Spec, schema: Any) -> frozenset[str]:
    """The JSON types a schema admits (`null` aside), looking through $ref, allOf, anyOf and oneOf."""
    return frozenset(spec_tools.types_of(schema, spec) - {"null"})


def object_fields(spec: Spec, schema: Any) -> tuple[Field, ...]:
    """Top-level properties of an object schema, allOf parts merged, in declaration order."""
    required = spec_tools.required_properties(schema, spec)
    return tuple(
        Field(name, schema_types(spec, prop), name in required)
        for name, prop in spec_tools.object_properties(schema, spec).items()
    )


def expected_operations(spec: Spec) -> list[ExpectedOperation]:
    found: list[ExpectedOperation] = []
    for path, item in spec["paths"].items():
        for method in HTTP_METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            parameters = [resolve(spec, p) for p in operation.get("parameters", [])]
            headers, path_parameters = (
                tuple(
                    Field(param["name"], schema_types(spec, param.get("schema")), bool(param.get("required")))
                    for param in parameters
                    if param.get("in") == where
                )
                for where in ("header", "path")
            )
            body = resolve(spec, operation.get("requestBody"))
            media = resolve(spec, body["content"].get(JSON)) if isinstance(body, dict) else None
            fields = object_fields(spec, media["schema"]) if isinstance(media, dict) else ()
            ok = resolve(spec, operation["responses"].get("200", {}))
            ok_media = resolve(spec, ok.get("content", {}).get(JSON, {}))
            examples = {
                str(example.get("summary", name)): example.get("value")
                for name, example in (
                    (name, resolve(spec, ex)) for name, ex in ok_media.get("examples", {}).items()
                )
            }
            found.append(
                ExpectedOperation(
                    operation_id=operation["operationId"],
                    method=method.upper(),
                    path=path,
                    tag=(operation.get("tags") or ["default"])[0],
                    summary=operation["summary"],
                    headers=headers,
                    path_parameters=path_parameters,
                    body_fields=fields,
                    response_examples=examples,
                )
            )
    return found


def intro_sections(spec: Spec) -> dict[str, list[str]]:
    """`## Heading` sections of the rendered introduction -> the first cell of each row of their tables."""
    sections: dict[str, list[str]] = {}
    current: str | None = None
    lines = str(with_rendered_tables(spec)["info"].get("description", "")).splitlines()
    for index, line in enumerate(lines):
        heading = re.match(r"^##\s+(.+?)\s*$", line)
        if heading:
            current = heading.group(1)
            sections[current] = []
            continue
        if current is None or not line.startswith("|") or _is_separator(line):
            continue
        if index + 1 < len(lines) and _is_separator(lines[index + 1]):
            continue  # a table's header row
        first_cell = line.strip().strip("|").split("|")[0].strip()
        sections[current].append(re.sub(r"[`*]", "", first_cell))
    return sections


def _is_separator(line: str) -> bool:
    return line.startswith("|") and set(line.strip()) <= {"|", "-", ":", " "}


def intro_words(spec: Spec) -> dict[str, set[str]]:
    """`## Heading` sections of info.description -> the words of their text (4+ letters or digits).

    Comparing words, not markup, shows that every paragraph, list item and table cell made it onto
    the page whatever HTML the renderer chose for it.
    """
    sections: dict[str, set[str]] = {}
    current: str | None = None
    for line in str(with_rendered_tables(spec)["info"].get("description", "")).splitlines():
        heading = re.match(r"^##\s+(.+?)\s*$", line)
        if heading:
            current = heading.group(1)
            sections[current] = set()
        elif current is not None:
            sections[current] |= set(re.findall(r"\w{4,}", line))
    return sections


@dataclass(frozen=True)
class ExpectedWebhook:
    name: str
    summary: str
    body_fields: tuple[str, ...]


def expected_webhooks(spec: Spec) -> list[ExpectedWebhook]:
    """The notifications of the spec's `webhooks`, with the fields of their form body."""
    found: list[ExpectedWebhook] = []
    for name, item in spec.get("webhooks", {}).items():
        operation = resolve(spec, item)["post"]
        body = resolve(spec, operation["requestBody"])
        media = resolve(spec, next(iter(body["content"].values())))
        fields = tuple(spec_tools.object_properties(media["schema"], spec))
        found.append(ExpectedWebhook(name, str(operation.get("summary", name)), fields))
    return found


def expected_versions(spec: Spec) -> tuple[str, str]:
    """(the API description's `info.version`, the client's own version) that the page says it documents."""
    return str(spec["info"]["version"]), str(package_facts()["version"])
