"""Load openapi.yaml and build JSON Schema validators for its request and response bodies.

Shared by the contract tests, the mock server and other suites, so it depends only on
pyyaml, jsonschema and referencing.
"""

from __future__ import annotations

import copy
import functools
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Final

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

Spec = dict[str, Any]
Schema = Mapping[str, Any]

REPO_ROOT: Final = Path(__file__).resolve().parent.parent
# Lets a suite run against a candidate spec without touching the committed one.
SPEC_ENV_VAR: Final = "OPENAPI_SPEC"
# A fixed base URI for the spec document: refs such as "#/components/schemas/X" resolve against it.
SPEC_URI: Final = "urn:cloudpayments:openapi"
JSON: Final = "application/json"
FORM: Final = "application/x-www-form-urlencoded"
CASE_INSENSITIVE_EXTENSION: Final = "x-case-insensitive-keys"

# jsonschema silently skips "date-time" when rfc3339-validator is missing: fail loudly instead.
_REQUIRED_FORMATS: Final = ("email", "date-time", "ipv4")
_missing_formats = [f for f in _REQUIRED_FORMATS if f not in Draft202012Validator.FORMAT_CHECKER.checkers]
if _missing_formats:
    raise ImportError(f"jsonschema cannot check formats {_missing_formats}; install the pinned dev deps")


class SpecError(LookupError):
    """The spec lacks the operation, body or response that was asked for."""


def default_spec_path() -> Path:
    return Path(os.environ.get(SPEC_ENV_VAR, REPO_ROOT / "openapi.yaml"))


def load_spec(path: str | Path | None = None) -> Spec:
    """Parse the spec once per path; callers get a deep copy so they cannot corrupt the cache."""
    resolved = Path(path) if path is not None else default_spec_path()
    return copy.deepcopy(_load_cached(resolved.resolve()))


@functools.cache
def _load_cached(path: Path) -> Spec:
    with path.open(encoding="utf-8") as handle:
        loaded = yaml.safe_load(handle)
    if not isinstance(loaded, dict):
        raise SpecError(f"{path} is not a YAML mapping")
    return loaded


def registry(spec: Spec) -> Registry[Any]:
    """A registry holding the whole spec, so every local $ref resolves against the full document."""
    resource: Resource[Any] = Resource.from_contents(spec, default_specification=DRAFT202012)
    # with_resources (plural) is the annotated twin of with_resource.
    return Registry().with_resources([(SPEC_URI, resource)])


def is_case_insensitive(spec: Spec) -> bool:
    return spec.get(CASE_INSENSITIVE_EXTENSION) is True


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _pointer_get(spec: Spec, pointer: str) -> Any:
    node: Any = spec
    for raw in pointer.lstrip("/").split("/") if pointer else []:
        token = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, list):
            node = node[int(token)]
        elif isinstance(node, dict) and token in node:
            node = node[token]
        else:
            raise SpecError(f"no {pointer!r} in the spec")
    return node


def _follow(spec: Spec, node: Any, pointer: str) -> tuple[Any, str]:
    """Follow OpenAPI-level $refs (requestBodies, responses, media objects), tracking the JSON pointer."""
    seen: set[str] = set()
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        ref: str = node["$ref"]
        if not ref.startswith("#") or ref in seen:
            raise SpecError(f"unsupported or circular $ref {ref!r} at {pointer}")
        seen.add(ref)
        pointer = ref[1:]
        node = _pointer_get(spec, pointer)
    return node, pointer


def operation_pointer(spec: Spec, path: str, method: str = "post") -> str:
    """JSON pointer of one operation object, following a $ref'd path item."""
    paths = spec.get("paths", {})
    if path not in paths:
        raise SpecError(f"no path {path!r} in the spec")
    path_item, pointer = _follow(spec, paths[path], f"/paths/{_escape(path)}")
    if not isinstance(path_item, dict) or not isinstance(path_item.get(method.lower()), dict):
        raise SpecError(f"no {method.upper()} {path} in the spec")
    return f"{pointer}/{method.lower()}"


def operation(spec: Spec, path: str, method: str = "post") -> dict[str, Any]:
    op: dict[str, Any] = _pointer_get(spec, operation_pointer(spec, path, method))
    return op


def request_schema_pointer(spec: Spec, path: str, media_type: str = JSON, method: str = "post") -> str:
    """JSON pointer (into the spec) of the request body schema of one operation and media type."""
    base = operation_pointer(spec, path, method)
    body, pointer = _follow(spec, _pointer_get(spec, base).get("requestBody"), f"{base}/requestBody")
    if not isinstance(body, dict):
        raise SpecError(f"{method.upper()} {path} has no request body")
    return _media_schema_pointer(spec, body, pointer, media_type)


def response_schema_pointer(
    spec: Spec, path: str, status: str = "200", media_type: str = JSON, method: str = "post"
) -> str:
    base = f"{operation_pointer(spec, path, method)}/responses"
    responses = _pointer_get(spec, base)
    response, pointer = _follow(spec, responses.get(str(status)), f"{base}/{_escape(str(status))}")
    if not isinstance(response, dict):
        raise SpecError(f"{method.upper()} {path} documents no {status} response")
    return _media_schema_pointer(spec, response, pointer, media_type)


def _media_schema_pointer(spec: Spec, holder: dict[str, Any], pointer: str, media_type: str) -> str:
    content = holder.get("content", {})
    if media_type not in content:
        raise SpecError(f"{pointer} offers no {media_type!r} content")
    media, media_pointer = _follow(spec, content[media_type], f"{pointer}/content/{_escape(media_type)}")
    if "schema" not in media:
        raise SpecError(f"{media_pointer} has no schema")
    return f"{media_pointer}/schema"


def _validator_for(spec: Spec, pointer: str) -> Draft202012Validator:
    # A $ref wrapper keeps the schema inside its document, so nested "#/components/..." refs resolve.
    return Draft202012Validator(
        {"$ref": f"{SPEC_URI}#{pointer}"},
        registry=registry(spec),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def request_schema(spec: Spec, path: str, media_type: str = JSON, method: str = "post") -> Schema:
    schema: Schema = _pointer_get(spec, request_schema_pointer(spec, path, media_type, method))
    return schema


def response_schema(
    spec: Spec, path: str, status: str = "200", media_type: str = JSON, method: str = "post"
) -> Schema:
    schema: Schema = _pointer_get(spec, response_schema_pointer(spec, path, status, media_type, method))
    return schema


def request_validator(
    spec: Spec, path: str, media_type: str = JSON, method: str = "post"
) -> Draft202012Validator:
    """Validator for the request body; feed it canonicalize_keys(body, ...) output."""
    return _validator_for(spec, request_schema_pointer(spec, path, media_type, method))


def response_validator(
    spec: Spec, path: str, status: str = "200", media_type: str = JSON, method: str = "post"
) -> Draft202012Validator:
    return _validator_for(spec, response_schema_pointer(spec, path, status, media_type, method))


def resolve(schema: Schema, spec: Spec) -> Schema:
    """Follow a chain of $refs (relative to the spec document) to the schema they name."""
    resolver = registry(spec).resolver(base_uri=SPEC_URI)
    current: Schema = schema
    while isinstance(current.get("$ref"), str):
        resolved = resolver.lookup(current["$ref"])
        resolver = resolved.resolver
        current = resolved.contents
    return current


def subschemas(schema: Schema, spec: Spec) -> Iterator[Schema]:
    """The schema and every schema it is built from through $ref and allOf, depth first."""
    resolved = resolve(schema, spec)
    yield resolved
    for part in resolved.get("allOf", []):
        yield from subschemas(part, spec)


def object_properties(schema: Schema, spec: Spec) -> dict[str, Schema]:
    """Properties of an object schema, merged over $ref/allOf (the first declaration wins)."""
    merged: dict[str, Schema] = {}
    for part in subschemas(schema, spec):
        for name, prop in part.get("properties", {}).items():
            merged.setdefault(name, prop)
    return merged


def required_properties(schema: Schema, spec: Spec) -> set[str]:
    return {name for part in subschemas(schema, spec) for name in part.get("required", [])}


def canonicalize_keys(body: Any, schema: Schema, spec: Spec) -> Any:
    """Rename keys to the schema's spelling, matching case-insensitively, as the real API does.

    Nested objects and array items are handled with their own property schemas. Unknown keys
    are kept unchanged, and so is a key whose canonical spelling is already present (the
    exact spelling wins), so validation still sees every field the caller sent.
    """
    if isinstance(body, list):
        items = resolve(schema, spec).get("items")
        return [canonicalize_keys(item, items, spec) if items is not None else item for item in body]
    if not isinstance(body, dict):
        return body
    properties = object_properties(schema, spec)
    by_folded = {name.casefold(): name for name in properties}
    renamed: dict[str, Any] = {}
    for key, value in body.items():
        canonical: str = by_folded.get(str(key).casefold(), str(key))
        if canonical != key and canonical in body:
            canonical = key
        prop = properties.get(canonical)
        renamed[canonical] = canonicalize_keys(value, prop, spec) if prop is not None else value
    return renamed
