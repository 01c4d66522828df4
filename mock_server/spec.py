"""Everything the mock knows about the API, read from openapi.yaml: routes, request and response schemas,
the test-card table. Requests are checked here against the spec's own schemas; nothing is restated by hand.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import yaml
from jsonschema import Draft202012Validator, ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

JSON: Final = "application/json"
FORM: Final = "application/x-www-form-urlencoded"
REQUEST_ID_HEADER: Final = "X-Request-ID"
DEFAULT_SPEC_PATH: Final = Path(__file__).resolve().parent.parent / "openapi.yaml"
_SPEC_URI: Final = "urn:cloudpayments:openapi"
_INT64_MAX: Final = 2**63 - 1
# Form numbers as a .NET backend reads them: digits with a dot, an optional exponent; no NaN/Infinity words.
_NUMBER_RE: Final = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_INTEGER_RE: Final = re.compile(r"^[+-]?\d+$")
_TYPE_WORDS: Final = {
    "number": "a number",
    "integer": "an integer",
    "string": "a string",
    "boolean": "a boolean (true or false)",
    "object": "an object",
    "array": "an array",
    "null": "null",
}

# jsonschema skips a format check silently when its helper package is missing: fail at start instead.
_missing = [
    f for f in ("email", "date-time", "ipv4") if f not in Draft202012Validator.FORMAT_CHECKER.checkers
]
if _missing:
    raise ImportError(f"jsonschema cannot check the formats {_missing}; install the pinned dev dependencies")


class RequestRejectedError(Exception):
    """The request does not satisfy the spec; `message` is what the API answers in `Message`."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class TestCard:
    """One row of `info.x-test-cards`."""

    __test__ = False  # not a pytest class, despite the name

    number: str
    brand: str
    three_ds: bool
    cryptogram: str  # outcome of a payment by cryptogram: success | insufficient_funds
    token: str  # outcome of a payment by the card's token: success | insufficient_funds | none

    @property
    def first_six(self) -> str:
        return self.number[:6]

    @property
    def last_four(self) -> str:
        return self.number[-4:]


@dataclass(frozen=True)
class Operation:
    path: str
    operation_id: str
    summary: str
    media_types: tuple[str, ...]  # request body content types; empty when the operation takes no body
    takes_request_id: bool


def _pointer_get(document: Any, pointer: str) -> Any:
    node = document
    for raw in pointer.lstrip("/").split("/") if pointer else []:
        token = raw.replace("~1", "/").replace("~0", "~")
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _field_name(path: Iterator[Any] | Any) -> str:
    return ".".join(str(part) for part in path)


class ApiSpec:
    """The parsed spec with ready validators per operation and content type."""

    def __init__(self, document: dict[str, Any], text: str) -> None:
        self.document = document
        self.text = text
        self.case_insensitive = document.get("x-case-insensitive-keys") is True
        resource: Resource[Any] = Resource.from_contents(document, default_specification=DRAFT202012)
        self._registry: Registry[Any] = Registry().with_resources([(_SPEC_URI, resource)])
        self.operations: dict[str, Operation] = {}
        self._request_schemas: dict[tuple[str, str], str] = {}
        self._response_schemas: dict[str, str] = {}
        self._validators: dict[str, Draft202012Validator] = {}
        self._request_id_schema: dict[str, str] = {}
        for path, item in document.get("paths", {}).items():
            self._add_operation(path, item)
        self.test_cards = self._read_test_cards()

    @classmethod
    def load(cls, path: str | Path = DEFAULT_SPEC_PATH) -> ApiSpec:
        resolved = Path(path).resolve()
        # Parsed once per file version: many apps (one per test) share it; requests never mutate it.
        return _load_cached(resolved, resolved.stat().st_mtime_ns)

    # ---------- reading the document ----------

    def _follow(self, node: Any, pointer: str) -> tuple[Any, str]:
        while isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#"):
            pointer = node["$ref"][1:]
            node = _pointer_get(self.document, pointer)
        return node, pointer

    def _add_operation(self, path: str, item: Any) -> None:
        item, item_pointer = self._follow(item, f"/paths/{_escape(path)}")
        op = item.get("post") if isinstance(item, dict) else None
        if not isinstance(op, dict):
            return
        op_pointer = f"{item_pointer}/post"
        media_types: list[str] = []
        body, body_pointer = self._follow(op.get("requestBody"), f"{op_pointer}/requestBody")
        if isinstance(body, dict):
            for media_type, media in body.get("content", {}).items():
                media, media_pointer = self._follow(media, f"{body_pointer}/content/{_escape(media_type)}")
                if "schema" in media:
                    media_types.append(media_type)
                    self._request_schemas[(path, media_type)] = f"{media_pointer}/schema"
        response, response_pointer = self._follow(
            op.get("responses", {}).get("200"), f"{op_pointer}/responses/200"
        )
        if isinstance(response, dict) and JSON in response.get("content", {}):
            media, media_pointer = self._follow(
                response["content"][JSON], f"{response_pointer}/content/{_escape(JSON)}"
            )
            self._response_schemas[path] = f"{media_pointer}/schema"
        takes_request_id = False
        for index, parameter in enumerate(op.get("parameters", [])):
            parameter, parameter_pointer = self._follow(parameter, f"{op_pointer}/parameters/{index}")
            if parameter.get("in") == "header" and parameter.get("name", "").lower() == "x-request-id":
                takes_request_id = True
                self._request_id_schema[path] = f"{parameter_pointer}/schema"
        self.operations[path] = Operation(
            path=path,
            operation_id=str(op.get("operationId", path)),
            summary=str(op.get("summary", "")),
            media_types=tuple(media_types),
            takes_request_id=takes_request_id,
        )

    def _read_test_cards(self) -> tuple[TestCard, ...]:
        rows = self.document.get("info", {}).get("x-test-cards", [])
        cards = tuple(
            TestCard(
                number=str(row["number"]),
                brand=str(row["brand"]),
                three_ds=bool(row["threeDs"]),
                cryptogram=str(row["cryptogram"]),
                token=str(row["token"]),
            )
            for row in rows
        )
        # A cryptogram exposes only the first six and last four digits: they must single out one card.
        pairs = [(card.first_six, card.last_four) for card in cards]
        if len(set(pairs)) != len(pairs):
            raise ValueError("info.x-test-cards: two cards share first six and last four digits")
        return cards

    def schema_at(self, pointer: str) -> Any:
        return _pointer_get(self.document, pointer)

    def resolve(self, schema: Any) -> Any:
        """Follow local $refs to the schema they name."""
        while isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
            schema = _pointer_get(self.document, schema["$ref"].split("#", 1)[1])
        return schema

    def _parts(self, schema: Any) -> Iterator[dict[str, Any]]:
        """The schema and everything it is built from through $ref and allOf."""
        schema = self.resolve(schema)
        if not isinstance(schema, dict):
            return
        yield schema
        for part in schema.get("allOf", []):
            yield from self._parts(part)

    def properties(self, schema: Any) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for part in self._parts(schema):
            for name, prop in part.get("properties", {}).items():
                merged.setdefault(name, prop)
        return merged

    def types_of(self, schema: Any) -> set[str]:
        """JSON types a schema allows, through $ref, allOf, anyOf and oneOf."""
        found: set[str] = set()
        for part in self._parts(schema):
            declared = part.get("type")
            if isinstance(declared, str):
                found.add(declared)
            elif isinstance(declared, list):
                found.update(str(t) for t in declared)
            for key in ("anyOf", "oneOf"):
                for option in part.get(key, []):
                    found |= self.types_of(option)
        return found

    def _is_json_encoded(self, schema: Any) -> bool:
        return any(part.get("contentMediaType") == JSON for part in self._parts(schema))

    def schema_by_name(self, name: str) -> dict[str, Any]:
        schema: dict[str, Any] = self.document["components"]["schemas"][name]
        return schema

    # ---------- validators ----------

    def _validator(self, pointer: str) -> Draft202012Validator:
        validator = self._validators.get(pointer)
        if validator is None:
            validator = Draft202012Validator(
                {"$ref": f"{_SPEC_URI}#{pointer}"},
                registry=self._registry,
                format_checker=Draft202012Validator.FORMAT_CHECKER,
            )
            self._validators[pointer] = validator
        return validator

    def response_errors(self, path: str, body: Any) -> list[str]:
        """Why a response body does not match the operation's 200 schema (empty when it does)."""
        pointer = self._response_schemas[path]
        return [
            f"{_field_name(e.absolute_path) or '<body>'}: {e.message}"
            for e in self._validator(pointer).iter_errors(body)
        ]

    def response_schema(self, path: str) -> Any:
        """The operation's 200 JSON schema, or None when it documents none."""
        pointer = self._response_schemas.get(path)
        return None if pointer is None else self.schema_at(pointer)

    def request_schema(self, path: str, media_type: str) -> Any:
        return self.schema_at(self._request_schemas[(path, media_type)])

    def check_request_id(self, path: str, value: str) -> None:
        pointer = self._request_id_schema.get(path)
        if pointer is None:
            return
        error = next(iter(self._validator(pointer).iter_errors(value)), None)
        if error is not None:
            raise RequestRejectedError(f"{REQUEST_ID_HEADER}: {_short(error.message)}")

    # ---------- requests ----------

    def parse_json_body(self, path: str, raw: bytes) -> dict[str, Any]:
        """Decode, canonicalize and validate a JSON body; RequestRejectedError carries the API's message."""
        text = _decode(raw)
        if not text.strip():
            data: Any = {}
        else:
            try:
                data = json.loads(text, object_pairs_hook=_reject_duplicates, parse_constant=_reject_constant)
            except RequestRejectedError:
                raise
            except RecursionError:
                raise RequestRejectedError("The JSON body is nested too deeply") from None
            except ValueError as exc:
                raise RequestRejectedError(
                    f"The request body is not valid JSON: {_short(str(exc))}"
                ) from None
        return self._validated(path, JSON, data)

    def parse_form_body(self, path: str, pairs: list[tuple[str, str]]) -> dict[str, Any]:
        """Coerce form strings to the schema's types, canonicalize, validate, decode JSON-encoded values."""
        schema = self.request_schema(path, FORM)
        props = self.properties(schema)
        canonical = self._canonical_names(props)
        data: dict[str, Any] = {}
        for key, value in pairs:
            name = canonical.get(key.casefold(), key) if self.case_insensitive else key
            if name in data:
                raise RequestRejectedError(f"{name} is given more than once")
            data[name] = self._coerce(value, props.get(name))
        _check_numbers(data, "")
        self._validate(self._request_schemas[(path, FORM)], data)
        for name, value in list(data.items()):
            if name in props and isinstance(value, str) and self._is_json_encoded(props[name]):
                try:
                    data[name] = json.loads(value, parse_constant=_reject_constant)
                except RecursionError:
                    raise RequestRejectedError(f"{name} is nested too deeply") from None
                except ValueError:
                    raise RequestRejectedError(f"{name} must be a JSON-encoded object") from None
        if JSON in self.operations[path].media_types:
            # Decoded object values must also fit the JSON variant's schema (JsonData must be an object...).
            return self._validated(path, JSON, data)
        return data

    def _validated(self, path: str, media_type: str, data: Any) -> dict[str, Any]:
        if not isinstance(data, dict):
            raise RequestRejectedError("The request body must be a JSON object")
        schema = self.request_schema(path, media_type)
        try:
            if self.case_insensitive:
                data = self._canonicalize(data, schema, "")
            _check_numbers(data, "")
            self._validate(self._request_schemas[(path, media_type)], data)
        except RecursionError:
            raise RequestRejectedError("The request body is nested too deeply") from None
        result: dict[str, Any] = data
        return result

    def _validate(self, pointer: str, data: Any) -> None:
        error = next(iter(self._validator(pointer).iter_errors(data)), None)
        if error is not None:
            raise RequestRejectedError(_message(error))

    @staticmethod
    def _canonical_names(props: Mapping[str, Any]) -> dict[str, str]:
        return {name.casefold(): name for name in props}

    def _canonicalize(self, body: Any, schema: Any, prefix: str) -> Any:
        """Rename keys to the schema's spelling (case-insensitive); two spellings of one key are refused."""
        if isinstance(body, list):
            items = self.resolve(schema).get("items") if isinstance(self.resolve(schema), dict) else None
            return [self._canonicalize(item, items, prefix) for item in body]
        if not isinstance(body, dict):
            return body
        props = self.properties(schema) if schema is not None else {}
        canonical = self._canonical_names(props)
        renamed: dict[str, Any] = {}
        for key, value in body.items():
            name: str = canonical.get(str(key).casefold(), str(key))
            if name in renamed:
                raise RequestRejectedError(f"{prefix}{name} is given more than once")
            renamed[name] = self._canonicalize(value, props.get(name), f"{prefix}{name}.")
        return renamed

    def _coerce(self, value: str, schema: Any) -> Any:
        """A form value is a string; turn it into what the schema expects when it reads as one."""
        if schema is None:
            return value
        types = self.types_of(schema)
        if "string" in types:
            return value
        stripped = value.strip()
        if "integer" in types and _INTEGER_RE.match(stripped):
            try:
                return int(stripped)
            except ValueError:  # beyond Python's digit limit for int()
                return value
        if ("number" in types or "integer" in types) and _NUMBER_RE.match(stripped):
            number = float(stripped)
            # The API rounds a fractional number sent to an integer parameter.
            if "integer" in types and "number" not in types and math.isfinite(number):
                return round(number)
            return int(number) if number.is_integer() and _INTEGER_RE.match(stripped) else number
        if "boolean" in types and stripped.lower() in ("true", "false"):
            return stripped.lower() == "true"
        return value


@functools.lru_cache(maxsize=8)
def _load_cached(path: Path, mtime_ns: int) -> ApiSpec:
    text = path.read_text(encoding="utf-8")
    document = yaml.safe_load(text)
    if not isinstance(document, dict):
        raise ValueError(f"{path} is not an OpenAPI document")
    return ApiSpec(document, text)


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RequestRejectedError("The request body is not valid UTF-8") from None


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise RequestRejectedError(f"{key} is given more than once")
        result[key] = value
    return result


def _reject_constant(name: str) -> Any:
    raise RequestRejectedError(f"The request body is not valid JSON: {name} is not a number")


def _check_numbers(value: Any, path: str) -> None:
    """Infinity (1e400) and integers beyond 64 bits cannot be amounts or ids."""
    if isinstance(value, bool):
        return
    if isinstance(value, float) and not math.isfinite(value):
        raise RequestRejectedError(f"{path or 'The value'} is out of range")
    if isinstance(value, int) and abs(value) > _INT64_MAX:
        raise RequestRejectedError(f"{path or 'The value'} is out of range")
    if isinstance(value, dict):
        for key, item in value.items():
            _check_numbers(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_numbers(item, f"{path}.{index}" if path else str(index))


def _short(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _message(error: ValidationError) -> str:
    """The API's wording: name the field, then the problem."""
    field = _field_name(error.absolute_path)
    if error.validator == "required":
        instance = error.instance if isinstance(error.instance, dict) else {}
        required = error.validator_value if isinstance(error.validator_value, list) else []
        missing = next((str(name) for name in required if name not in instance), "a field")
        return f"{field}.{missing} is required" if field else f"{missing} is required"
    if error.validator == "type":
        expected = error.validator_value
        names = (
            [expected] if isinstance(expected, str) else list(expected) if isinstance(expected, list) else []
        )
        words = " or ".join(_TYPE_WORDS.get(str(n), str(n)) for n in names)
        return f"{field or 'The request body'} must be {words}"
    if error.validator == "format":
        return f"{field}: {_short(repr(error.instance), 80)} is not a valid {error.validator_value}"
    return f"{field or 'The request body'}: {_short(error.message)}"


def markdown_table(description: str, heading: str) -> list[dict[str, str]]:
    """Rows of the first Markdown table under `## <heading>` in a description, keyed by column name."""
    lines = description.splitlines()
    try:
        start = next(i for i, line in enumerate(lines) if line.strip().lstrip("#").strip() == heading)
    except StopIteration:
        raise ValueError(f"the spec has no '{heading}' section") from None
    rows: list[list[str]] = []
    for line in lines[start + 1 :]:
        stripped = line.strip()
        if stripped.startswith("#"):
            break
        if stripped.startswith("|"):
            rows.append([cell.strip() for cell in stripped.strip("|").split("|")])
        elif rows:
            break
    if len(rows) < 2:
        raise ValueError(f"the '{heading}' section has no table")
    header, body = rows[0], rows[2:]  # rows[1] is the |---| separator
    return [dict(zip(header, row, strict=False)) for row in body]


@dataclass(frozen=True)
class Vocabulary:
    """Codes the spec documents in its tables and descriptions, read once at start."""

    transaction_status_codes: dict[str, int]
    subscription_status_codes: dict[str, int]
    reason_names: dict[int, str]
    interval_codes: dict[str, int]
    currency_codes: dict[str, int]

    @classmethod
    def from_spec(cls, spec: ApiSpec) -> Vocabulary:
        description = str(spec.document.get("info", {}).get("description", ""))
        transaction = {
            row["Status"]: int(row["StatusCode"])
            for row in markdown_table(description, "Transaction statuses")
            if row.get("StatusCode", "").isdigit()
        }
        subscription = {
            row["Status"]: int(row["StatusCode"])
            for row in markdown_table(description, "Subscription statuses")
            if row.get("StatusCode", "").isdigit()
        }
        reasons = {
            int(row["Code"]): row["Name"]
            for row in markdown_table(description, "Reason codes")
            if row.get("Code", "").isdigit()
        }
        interval_text = str(
            spec.properties(spec.schema_by_name("Subscription"))["IntervalCode"]["description"]
        )
        intervals = {name: int(code) for code, name in re.findall(r"(\d+)\s+(\w+)", interval_text)}
        # Only RUB = 0 is documented; the spec's enum follows the API's own order, so its index is the code.
        currencies = {code: index for index, code in enumerate(spec.schema_by_name("Currency")["enum"])}
        return cls(transaction, subscription, reasons, intervals, currencies)

    def reason(self, code: int) -> str:
        """`Reason` spells the table's name without spaces: "Insufficient Funds" -> "InsufficientFunds"."""
        name = self.reason_names.get(code, "Approved" if code == 0 else "UnableToProcess")
        return "".join(word[:1].upper() + word[1:] for word in name.split())
