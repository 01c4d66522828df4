"""The mock's index of openapi.yaml (read through spec_tools, the one reader): operations by path, their
schemas and validators, and the test-card table."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from jsonschema import Draft202012Validator

import spec_tools
from spec_tools import Operation

DEFAULT_SPEC_PATH: Final = spec_tools.default_spec_path()
# On an operation: it answers page by page (`parameter`: the page number, `pageSize`: items a page).
PAGINATION: Final = "x-pagination"
# On an operation: two date parameters (`from`, `to`) at most `years` apart.
MAX_PERIOD: Final = "x-max-period"
# On a URL parameter: the hosts it may name (each one, or any subdomain of it).
ALLOWED_HOSTS: Final = "x-allowed-hosts"
_MISSING: Final = object()


@dataclass(frozen=True)
class MaxPeriod:
    """An operation's `x-max-period`: `start` and `end` name its date parameters."""

    start: str
    end: str
    years: int


__all__ = ["DEFAULT_SPEC_PATH", "ApiSpec", "MaxPeriod", "Operation", "field_name"]

_INDEXES: Final[dict[tuple[int, str], ApiSpec]] = {}
_INDEXES_KEPT: Final = 4
_INDEX_LOCK: Final = threading.Lock()


def field_name(path: Any) -> str:
    """A validation error's path as the API names fields: `Payer.FirstName`."""
    return ".".join(str(part) for part in path)


class ApiSpec:
    """The parsed spec with ready validators per operation and content type, keyed by path."""

    def __init__(self, document: dict[str, Any], text: str) -> None:
        self.document = document
        self.text = text
        self.case_insensitive = spec_tools.is_case_insensitive(document)
        self._schemas: dict[str, Any] = {}
        self._validators = spec_tools.Validators(document)
        self.operations: dict[str, Operation] = {
            op.path: op for op in spec_tools.operations(document) if op.method == "post"
        }
        self.test_cards = spec_tools.test_cards(document)
        # Per path: the request's number properties with `x-decimal-places` (amounts) and that limit.
        self.decimal_places: dict[str, dict[str, int]] = {
            path: self._decimal_places(op) for path, op in self.operations.items()
        }

    def _decimal_places(self, op: Operation) -> dict[str, int]:
        pointer = next(iter(op.request_schemas.values()), None)
        return {} if pointer is None else spec_tools.decimal_places(self.schema_at(pointer), self.document)

    @classmethod
    def load(cls, path: str | Path = DEFAULT_SPEC_PATH) -> ApiSpec:
        # The parse and the index are shared: many apps (one per test) read them, and requests never change
        # them (the index only caches lookups). One index per parsed document and text, the newest few kept.
        document, text = spec_tools.load_spec(path, shared=True), spec_tools.spec_text(path)
        key = (id(document), text)
        with _INDEX_LOCK:
            index = _INDEXES.get(key)
            if index is None or index.document is not document:
                index = _INDEXES[key] = cls(document, text)
                while len(_INDEXES) > _INDEXES_KEPT:
                    del _INDEXES[next(iter(_INDEXES))]
            return index

    def schema_at(self, pointer: str) -> Any:
        # Requests look the same few pointers up again and again; the document never changes.
        schema = self._schemas.get(pointer, _MISSING)
        if schema is _MISSING:
            schema = self._schemas[pointer] = spec_tools.pointer_get(self.document, pointer)
        return schema

    def properties(self, schema: Any) -> dict[str, Any]:
        return spec_tools.object_properties(schema, self.document)

    def types_of(self, schema: Any) -> set[str]:
        return spec_tools.types_of(schema, self.document)

    def is_json_encoded(self, schema: Any) -> bool:
        return spec_tools.is_json_encoded(schema, self.document)

    def validator(self, pointer: str) -> Draft202012Validator:
        return self._validators.at(pointer)

    def request_schema(self, path: str, media_type: str) -> Any:
        return self.schema_at(self.operations[path].request_schemas[media_type])

    def response_schema(self, path: str) -> Any:
        """The operation's 200 JSON schema, or None when it documents none."""
        pointer = self.operations[path].response_schema
        return None if pointer is None else self.schema_at(pointer)

    def declares_model(self, path: str) -> bool:
        """Whether the operation's answer has a `Model` property (then it is always present, maybe null)."""
        schema = self.response_schema(path)
        return schema is not None and "Model" in self.properties(schema)

    def operation_by_id(self, operation_id: str) -> Operation:
        for op in self.operations.values():
            if op.operation_id == operation_id:
                return op
        raise spec_tools.SpecError(f"no operation {operation_id!r} in the spec")

    def request_property(self, operation_id: str, name: str) -> dict[str, Any]:
        """A property of the operation's JSON request schema as its non-null values take it, `$ref`s followed
        (`{}` when it has none)."""
        pointer = self.operation_by_id(operation_id).request_schemas[spec_tools.JSON]
        schema = self.properties(self.schema_at(pointer)).get(name, {})
        resolved = spec_tools.non_null_schema(schema, self.document)
        return resolved if isinstance(resolved, dict) else {}

    def request_defaults(self, operation_id: str) -> dict[str, Any]:
        """Each property of the operation's JSON request schema with its `default:` (None without one)."""
        pointer = self.operation_by_id(operation_id).request_schemas[spec_tools.JSON]
        return {
            name: self.request_property(operation_id, name).get("default")
            for name in self.properties(self.schema_at(pointer))
        }

    def path_parameter_values(self, operation_id: str, name: str) -> tuple[str, ...]:
        """The values a path parameter takes (its schema's `enum`)."""
        pointer = self.operation_by_id(operation_id).path_parameters[name]
        resolved = spec_tools.resolve(self.schema_at(pointer), self.document)
        values = resolved.get("enum", []) if isinstance(resolved, dict) else []
        return tuple(str(value) for value in values)

    def page_size(self, operation_id: str) -> int:
        """Items a page of an operation marked `x-pagination`."""
        raw = self.schema_at(self.operation_by_id(operation_id).pointer)
        pagination = raw.get(PAGINATION) if isinstance(raw, dict) else None
        if not isinstance(pagination, dict) or not isinstance(pagination.get("pageSize"), int):
            raise spec_tools.SpecError(f"{operation_id} has no {PAGINATION}.pageSize")
        return int(pagination["pageSize"])

    def max_period(self, operation_id: str) -> MaxPeriod:
        """The longest period an operation marked `x-max-period` takes between its two date parameters."""
        raw = self.schema_at(self.operation_by_id(operation_id).pointer)
        period = raw.get(MAX_PERIOD) if isinstance(raw, dict) else None
        if (
            not isinstance(period, dict)
            or not isinstance(period.get("years"), int)
            or not all(isinstance(period.get(key), str) for key in ("from", "to"))
        ):
            raise spec_tools.SpecError(f"{operation_id} has no {MAX_PERIOD} with from, to and years")
        return MaxPeriod(str(period["from"]), str(period["to"]), int(period["years"]))

    def allowed_hosts(self, operation_id: str, name: str) -> tuple[str, ...]:
        """The hosts a URL parameter may name (`x-allowed-hosts`), each with its subdomains."""
        hosts = self.request_property(operation_id, name).get(ALLOWED_HOSTS)
        if not isinstance(hosts, list) or not hosts:
            raise spec_tools.SpecError(f"{operation_id}.{name} has no {ALLOWED_HOSTS}")
        return tuple(str(host).lower() for host in hosts)

    def long_poll_statuses(self, operation_id: str) -> tuple[str, ...]:
        """The statuses an operation marked `x-long-poll` holds its answer on (`while`)."""
        raw = self.schema_at(self.operation_by_id(operation_id).pointer)
        poll = raw.get("x-long-poll") if isinstance(raw, dict) else None
        waiting = poll.get("while") if isinstance(poll, dict) else None
        if not isinstance(waiting, list) or not waiting:
            raise spec_tools.SpecError(f"{operation_id} has no x-long-poll.while")
        return tuple(str(status) for status in waiting)

    def takes_anonymous(self, path: str) -> bool:
        """Whether the operation may be called without credentials: its own `security` is empty, or lists the
        empty requirement `{}` as an alternative (then the body's `PublicId` names the terminal)."""
        raw = self.schema_at(self.operations[path].pointer)
        security = raw.get("security") if isinstance(raw, dict) else None
        return isinstance(security, list) and (not security or {} in security)

    def response_example(self, operation_id: str, name: str) -> Any:
        """The value of the named example of the operation's 200 JSON answer (`$ref`s followed)."""
        raw = self.schema_at(self.operation_by_id(operation_id).pointer)
        try:
            response = spec_tools.deref(self.document, raw["responses"]["200"])
            media = spec_tools.deref(self.document, response["content"][spec_tools.JSON])
            return spec_tools.deref(self.document, media["examples"][name])["value"]
        except (KeyError, TypeError):
            raise spec_tools.SpecError(f"{operation_id} has no 200 example {name!r}") from None

    def response_errors(self, path: str, body: Any) -> list[str]:
        """Why a response body does not match the operation's 200 schema (empty when it does)."""
        pointer = self.operations[path].response_schema
        assert pointer is not None, f"{path} documents no 200 JSON answer"
        return [
            f"{field_name(e.absolute_path) or '<body>'}: {e.message}"
            for e in self.validator(pointer).iter_errors(body)
        ]
