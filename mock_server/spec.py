"""The mock's reading of openapi.yaml (through spec_tools, the one reader): routes, request parsing and
coercion, and the wording of refusals. Requests are checked against the spec's own schemas.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from jsonschema import ValidationError

import spec_tools
from spec_tools import FORM, JSON, REQUEST_ID_HEADER, Operation

DEFAULT_SPEC_PATH: Final = spec_tools.default_spec_path()
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

__all__ = ["FORM", "JSON", "REQUEST_ID_HEADER", "ApiSpec", "Operation", "RequestRejectedError"]


class RequestRejectedError(Exception):
    """The request does not satisfy the spec; `message` is what the API answers in `Message`."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _field_name(path: Iterator[Any] | Any) -> str:
    return ".".join(str(part) for part in path)


class ApiSpec:
    """The parsed spec with ready validators per operation and content type, keyed by path."""

    def __init__(self, document: dict[str, Any], text: str) -> None:
        self.document = document
        self.text = text
        self.case_insensitive = spec_tools.is_case_insensitive(document)
        self._validators = spec_tools.Validators(document)
        self.operations: dict[str, Operation] = {
            op.path: op for op in spec_tools.operations(document) if op.method == "post"
        }
        self.test_cards = spec_tools.test_cards(document)

    @classmethod
    def load(cls, path: str | Path = DEFAULT_SPEC_PATH) -> ApiSpec:
        # The parse is shared: many apps (one per test) read it, and requests never change it.
        return cls(spec_tools.load_spec(path, shared=True), spec_tools.spec_text(path))

    def schema_at(self, pointer: str) -> Any:
        return spec_tools.pointer_get(self.document, pointer)

    def resolve(self, schema: Any) -> Any:
        return spec_tools.resolve(schema, self.document)

    def properties(self, schema: Any) -> dict[str, Any]:
        return spec_tools.object_properties(schema, self.document)

    def types_of(self, schema: Any) -> set[str]:
        return spec_tools.types_of(schema, self.document)

    def _is_json_encoded(self, schema: Any) -> bool:
        return spec_tools.is_json_encoded(schema, self.document)

    def schema_by_name(self, name: str) -> dict[str, Any]:
        schema: dict[str, Any] = self.document["components"]["schemas"][name]
        return schema

    # ---------- validators ----------

    def _validator(self, pointer: str) -> Any:
        return self._validators.at(pointer)

    def response_errors(self, path: str, body: Any) -> list[str]:
        """Why a response body does not match the operation's 200 schema (empty when it does)."""
        pointer = self.operations[path].response_schema
        assert pointer is not None, f"{path} documents no 200 JSON answer"
        return [
            f"{_field_name(e.absolute_path) or '<body>'}: {e.message}"
            for e in self._validator(pointer).iter_errors(body)
        ]

    def response_schema(self, path: str) -> Any:
        """The operation's 200 JSON schema, or None when it documents none."""
        pointer = self.operations[path].response_schema
        return None if pointer is None else self.schema_at(pointer)

    def request_schema(self, path: str, media_type: str) -> Any:
        return self.schema_at(self.operations[path].request_schemas[media_type])

    def check_request_id(self, path: str, value: str) -> None:
        pointer = self.operations[path].request_id_schema
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
        self._validate(self.operations[path].request_schemas[FORM], data)
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
            self._validate(self.operations[path].request_schemas[media_type], data)
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
        try:
            return spec_tools.canonicalize_keys(body, schema, self.document, prefix)
        except spec_tools.DuplicateKeyError as duplicate:
            raise RequestRejectedError(str(duplicate)) from None

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


@dataclass(frozen=True)
class Vocabulary:
    """Codes the spec states as data (`x-` extensions), read once at start."""

    transaction_status_codes: dict[str, int]
    subscription_status_codes: dict[str, int]
    reasons: dict[int, spec_tools.Reason]
    interval_codes: dict[str, int]
    currency_codes: dict[str, int]

    @classmethod
    def from_spec(cls, spec: ApiSpec) -> Vocabulary:
        document = spec.document
        return cls(
            transaction_status_codes={
                s.name: s.code for s in spec_tools.transaction_statuses(document) if s.code is not None
            },
            subscription_status_codes={
                s.name: s.code for s in spec_tools.subscription_statuses(document) if s.code is not None
            },
            reasons={reason.code: reason for reason in spec_tools.reasons(document)},
            interval_codes=spec_tools.interval_codes(document),
            currency_codes=spec_tools.currency_codes(document),
        )

    def reason(self, code: int) -> str:
        """`Reason` of an answer for a ReasonCode (an undocumented code reads as UnableToProcess)."""
        if code in self.reasons:
            return self.reasons[code].word
        return "Approved" if code == 0 else "UnableToProcess"
