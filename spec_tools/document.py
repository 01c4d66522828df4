"""openapi.yaml as data: loading it once, JSON pointers, `$ref`s and the index of its operations."""

from __future__ import annotations

import copy
import dataclasses
import functools
import os
from pathlib import Path
from typing import Any, Final

import yaml

Spec = dict[str, Any]

REPO_ROOT: Final = Path(__file__).resolve().parent.parent
# Installed from the mock's wheel, with no checkout around it: the build puts a copy of openapi.yaml here.
PACKAGED_SPEC: Final = Path(__file__).resolve().parent / "openapi.yaml"
# Lets the suites, the mock and the docs build run against a candidate spec, leaving the committed one.
SPEC_ENV_VAR: Final = "OPENAPI_SPEC"
JSON: Final = "application/json"
FORM: Final = "application/x-www-form-urlencoded"
REQUEST_ID_HEADER: Final = "X-Request-ID"
CASE_INSENSITIVE_EXTENSION: Final = "x-case-insensitive-keys"
# On an operation (as on a schema's alternative, spec_tools.schemas.TOLERATED): a way real clients call the
# API that it takes, beside the documented one; the mock answers it, the client is not generated for it.
TOLERATED_OPERATION: Final = "x-tolerated"
HTTP_METHODS: Final = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})


class SpecError(LookupError):
    """The document lacks what was asked for, or a `$ref` in it cannot be followed."""


def default_spec_path() -> Path:
    """`$OPENAPI_SPEC`, else the checkout's openapi.yaml, or (installed) the copy packaged beside this."""
    override = os.environ.get(SPEC_ENV_VAR)
    if override:
        return Path(override)
    return PACKAGED_SPEC if PACKAGED_SPEC.is_file() else REPO_ROOT / "openapi.yaml"


def spec_text(path: str | Path | None = None) -> str:
    resolved = Path(path) if path is not None else default_spec_path()
    return resolved.read_text(encoding="utf-8")


def load_spec(path: str | Path | None = None, *, shared: bool = False) -> Spec:
    """The parsed document, read once per file version.

    Callers get a deep copy they may change; `shared=True` returns the cached object itself, for readers
    that never modify it (the mock builds one index per app and many apps share one parse).
    """
    resolved = (Path(path) if path is not None else default_spec_path()).resolve()
    document = _parse(resolved, resolved.stat().st_mtime_ns)
    return document if shared else copy.deepcopy(document)


# libyaml's safe loader where PyYAML was built with it (its wheels are): the same document in a seventh of
# the time, which every fresh process (a consumer's test run, the mock's start) pays once.
_SAFE_LOADER: Final[type[yaml.SafeLoader]] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.lru_cache(maxsize=8)
def _parse(path: Path, mtime_ns: int) -> Spec:
    loaded = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    if not isinstance(loaded, dict) or "openapi" not in loaded:
        raise SpecError(f"{path} is not an OpenAPI document")
    _refuse_non_text_keys(loaded, "")
    return loaded


def _refuse_non_text_keys(node: Any, pointer: str) -> None:
    """YAML allows `{10: 3001}`; JSON (and so the served spec and the compiled validators) does not."""
    if isinstance(node, dict):
        for key, value in node.items():
            if not isinstance(key, str):
                raise SpecError(f"{pointer or '/'}: the key {key!r} is not a string (quote it)")
            _refuse_non_text_keys(value, f"{pointer}/{escape(key)}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            _refuse_non_text_keys(item, f"{pointer}/{index}")


def is_case_insensitive(spec: Spec) -> bool:
    return spec.get(CASE_INSENSITIVE_EXTENSION) is True


def escape(token: str) -> str:
    """One JSON pointer token (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")


def pointer_get(spec: Spec, pointer: str) -> Any:
    node: Any = spec
    for raw in pointer.lstrip("/").split("/") if pointer else []:
        token = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        elif isinstance(node, dict) and token in node:
            node = node[token]
        else:
            raise SpecError(f"no {pointer!r} in the spec")
    return node


def follow(spec: Spec, node: Any, pointer: str) -> tuple[Any, str]:
    """Follow local `$ref`s from `node` (found at `pointer`) to what they name, and where that is."""
    seen: set[str] = set()
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        ref: str = node["$ref"]
        if not ref.startswith("#"):
            raise SpecError(f"{pointer}: only local $refs are supported, got {ref!r}")
        if ref in seen:
            raise SpecError(f"{pointer}: circular $ref {ref!r}")
        seen.add(ref)
        pointer = ref[1:]
        node = pointer_get(spec, pointer)
    return node, pointer


def deref(spec: Spec, node: Any) -> Any:
    """What a node means once its local `$ref`s are followed."""
    return follow(spec, node, "")[0]


@dataclasses.dataclass(frozen=True)
class Operation:
    """One operation of the document, with the pointers of the schemas it uses."""

    path: str
    method: str
    operation_id: str
    tag: str
    summary: str
    pointer: str
    # request body schema pointer per media type, in the document's order
    request_schemas: dict[str, str]
    body_required: bool
    # 200 application/json schema pointer, None when the operation documents none
    response_schema: str | None
    # schema pointer of the X-Request-ID header, None when the operation does not take one
    request_id_schema: str | None
    # schema pointer of each path parameter (`{Type}`), by name, in the document's order
    path_parameters: dict[str, str] = dataclasses.field(default_factory=dict)
    # upper-case HTTP methods of the `x-tolerated` operations beside this POST on its path, answered like it:
    # ("GET",) for /test
    also_methods: tuple[str, ...] = ()

    @property
    def media_types(self) -> tuple[str, ...]:
        return tuple(self.request_schemas)

    @property
    def takes_request_id(self) -> bool:
        return self.request_id_schema is not None


def operations(spec: Spec) -> list[Operation]:
    """Every operation of the document, in the order of its paths."""
    found: list[Operation] = []
    for path in spec.get("paths", {}):
        item, item_pointer = follow(spec, spec["paths"][path], f"/paths/{escape(path)}")
        methods = [m for m in item if m in HTTP_METHODS] if isinstance(item, dict) else []
        tolerated = tuple(
            m.upper()
            for m in methods
            if isinstance(item[m], dict) and item[m].get(TOLERATED_OPERATION) is True
        )
        for method in methods:
            operation = _operation(spec, path, method, item[method], f"{item_pointer}/{method}")
            if method == "post" and tolerated:
                operation = dataclasses.replace(operation, also_methods=tolerated)
            found.append(operation)
    return found


def find_operation(spec: Spec, path: str, method: str = "post") -> Operation:
    for candidate in operations(spec):
        if candidate.path == path and candidate.method == method.lower():
            return candidate
    raise SpecError(f"no {method.upper()} {path} in the spec")


def _operation(spec: Spec, path: str, method: str, raw: Any, pointer: str) -> Operation:
    if not isinstance(raw, dict):
        raise SpecError(f"{pointer} is not an operation object")
    request_schemas: dict[str, str] = {}
    body, body_pointer = follow(spec, raw.get("requestBody"), f"{pointer}/requestBody")
    if isinstance(body, dict):
        for media_type in body.get("content", {}):
            request_schemas[media_type] = _media_schema_pointer(spec, body, body_pointer, media_type)
    response_schema: str | None = None
    response, response_pointer = follow(spec, raw.get("responses", {}).get("200"), f"{pointer}/responses/200")
    if isinstance(response, dict) and JSON in response.get("content", {}):
        response_schema = _media_schema_pointer(spec, response, response_pointer, JSON)
    request_id_schema: str | None = None
    path_parameters: dict[str, str] = {}
    for index, parameter in enumerate(raw.get("parameters", [])):
        parameter, parameter_pointer = follow(spec, parameter, f"{pointer}/parameters/{index}")
        name = str(parameter.get("name", "")) if isinstance(parameter, dict) else ""
        if parameter.get("in") == "header" and name.lower() == REQUEST_ID_HEADER.lower():
            request_id_schema = f"{parameter_pointer}/schema"
        elif parameter.get("in") == "path" and name:
            path_parameters[name] = f"{parameter_pointer}/schema"
    tags = raw.get("tags") or ["default"]
    return Operation(
        path=path,
        method=method,
        operation_id=str(raw.get("operationId", f"{method} {path}")),
        tag=str(tags[0]),
        summary=str(raw.get("summary", "")),
        pointer=pointer,
        request_schemas=request_schemas,
        body_required=isinstance(body, dict) and body.get("required") is True,
        response_schema=response_schema,
        request_id_schema=request_id_schema,
        path_parameters=path_parameters,
    )


def _media_schema_pointer(spec: Spec, holder: dict[str, Any], pointer: str, media_type: str) -> str:
    content = holder.get("content", {})
    if media_type not in content:
        raise SpecError(f"{pointer} offers no {media_type!r} content")
    media, media_pointer = follow(spec, content[media_type], f"{pointer}/content/{escape(media_type)}")
    if not isinstance(media, dict) or "schema" not in media:
        raise SpecError(f"{media_pointer} has no schema")
    return f"{media_pointer}/schema"


def operation(spec: Spec, path: str, method: str = "post") -> dict[str, Any]:
    """The raw operation object."""
    raw: dict[str, Any] = pointer_get(spec, find_operation(spec, path, method).pointer)
    return raw


def request_schema_pointer(spec: Spec, path: str, media_type: str = JSON, method: str = "post") -> str:
    found = find_operation(spec, path, method)
    if not found.request_schemas:
        raise SpecError(f"{method.upper()} {path} has no request body")
    if media_type not in found.request_schemas:
        raise SpecError(f"{method.upper()} {path} offers no {media_type!r} request body")
    return found.request_schemas[media_type]


def response_schema_pointer(
    spec: Spec, path: str, status: str = "200", media_type: str = JSON, method: str = "post"
) -> str:
    base = f"{find_operation(spec, path, method).pointer}/responses"
    raw = pointer_get(spec, base).get(str(status))
    response, pointer = follow(spec, raw, f"{base}/{escape(str(status))}")
    if not isinstance(response, dict):
        raise SpecError(f"{method.upper()} {path} documents no {status} response")
    return _media_schema_pointer(spec, response, pointer, media_type)


def request_schema(spec: Spec, path: str, media_type: str = JSON, method: str = "post") -> dict[str, Any]:
    schema: dict[str, Any] = pointer_get(spec, request_schema_pointer(spec, path, media_type, method))
    return schema


def response_schema(
    spec: Spec, path: str, status: str = "200", media_type: str = JSON, method: str = "post"
) -> dict[str, Any]:
    pointer = response_schema_pointer(spec, path, status, media_type, method)
    schema: dict[str, Any] = pointer_get(spec, pointer)
    return schema
