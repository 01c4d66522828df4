"""Requests as the API reads them: decoding a JSON or form body, coercing form strings to the schema's types,
canonical key names, validation against the spec, and the API's wording of a refusal."""

from __future__ import annotations

import json
import logging
import math
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final, NamedTuple
from urllib.parse import parse_qsl

from jsonschema import ValidationError

import spec_tools
from mock_server.form_keys import BracketedKeys, FormKeyError, split_key
from mock_server.spec import ApiSpec, Operation, field_name
from mock_server.tolerated import ToleratedShapeError, ToleratedShapes
from spec_tools import FORM, JSON, REQUEST_ID_HEADER

# The API's documented limit on the number of fields in one request.
MAX_FORM_FIELDS: Final = 150_000
_INT64_MAX: Final = 2**63 - 1
# Form numbers as a .NET backend reads them: digits with a dot, an optional exponent; no NaN/Infinity words.
_NUMBER_RE: Final = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_INTEGER_RE: Final = re.compile(r"^[+-]?\d+$")
# An amount's text that its tolerated alternative reads exactly: digits and an optional fraction.
_PLAIN_DECIMAL_RE: Final = re.compile(r"^-?\d+(\.\d+)?$")
# Half of a UTF-16 pair on its own (`"\ud800"` in JSON): Python keeps it in a str, no UTF-8 text can hold it.
_SURROGATE_RE: Final = re.compile("[\ud800-\udfff]")
_TYPE_WORDS: Final = {
    "number": "a number",
    "integer": "an integer",
    "string": "a string",
    "boolean": "a boolean (true or false)",
    "object": "an object",
    "array": "an array",
    "null": "null",
}

# What a form's JSON-encoded value must hold, by the JSON variant's type.
_JSON_ENCODED_WORDS: Final = {"object": "a JSON-encoded object", "array": "a JSON-encoded array"}

# The style of a form's `encoding` entry that also takes the parameter as bracketed keys.
_BRACKETED_STYLE: Final = "deepObject"

log = logging.getLogger("mock_server.requests")

__all__ = ["MAX_FORM_FIELDS", "RequestParser", "RequestRejectedError"]


# What JSON (RFC 8259) counts as whitespace: str.strip() would also drop form feeds and the like.
_JSON_WHITESPACE: Final = " \t\n\r"


class RequestRejectedError(Exception):
    """The request does not satisfy the spec; `message` is what the API answers in `Message`."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class RequestParser:
    """Turns a request body into the operation's canonical, validated parameters."""

    def __init__(self, spec: ApiSpec, *, strict: bool = False) -> None:
        self.spec = spec
        # strict: a required parameter in `x-tolerated-absent` is refused when absent, as the reference says.
        self.strict = strict
        self._tolerated = ToleratedShapes(spec.document)
        # pointer -> {name: a valid stand-in}: what validation assumes for a tolerated absence.
        self._stand_ins: dict[str, dict[str, Any]] = {}
        # The compiled fast path: a valid request is accepted by jsonschema-rs alone, a refusal is worded
        # from python-jsonschema's error (spec_tools.Validators.first_error).
        self._validators = spec_tools.Validators(spec.document)
        # id(schema) -> (schema, facts): the schema is kept so that its id cannot be reused.
        self._facts: dict[int, tuple[Any, _SchemaFacts]] = {}

    def parse(self, operation: Operation, content_type_header: str, raw: bytes) -> dict[str, Any]:
        if not operation.media_types:
            return {}  # /test takes no parameters; whatever is sent is ignored, as by the API
        content_type = content_type_header.split(";")[0].strip().lower()
        if not content_type:
            # No Content-Type: a JSON object or nothing is read as JSON, anything else as a form.
            content_type = JSON if raw.lstrip()[:1] in (b"{", b"[", b"") else FORM
        if content_type == JSON or (content_type.endswith("+json") and JSON in operation.media_types):
            params = self.parse_json_body(operation.path, raw)
        elif content_type == FORM and FORM in operation.media_types:
            params = self.parse_form_body(operation.path, _form_pairs(raw))
        else:
            offered = " or ".join(operation.media_types)
            raise RequestRejectedError(f"Content-Type '{content_type}' is not supported: send {offered}")
        self._warn_tolerated_absence(operation, params)
        return self._check_decimal_places(operation.path, params)

    def _warn_tolerated_absence(self, operation: Operation, params: dict[str, Any]) -> None:
        """A required parameter real clients omit (`x-tolerated-absent`) was left out: taken, and said."""
        pointer = operation.request_schemas.get(JSON)
        if pointer is None:
            return
        for name in self._stand_ins_at(pointer):
            if name not in params:
                log.warning(
                    "%s: %s is absent; the current reference requires it. Taken as real clients omit it "
                    "(the transaction shows no %s); the mock refuses it when run with --strict",
                    operation.path,
                    name,
                    name,
                )

    def check_request_id(self, path: str, value: str) -> None:
        pointer = self.spec.operations[path].request_id_schema
        if pointer is None:
            return
        error = self._validators.first_error(pointer, value)
        if error is not None:
            raise RequestRejectedError(f"{REQUEST_ID_HEADER}: {_short(error.message)}")

    def parse_json_body(self, path: str, raw: bytes) -> dict[str, Any]:
        """Decode, canonicalize and validate a JSON body."""
        text = _decode(raw)
        if not text.strip(_JSON_WHITESPACE):  # no body: no parameters; a form feed is no JSON whitespace
            data: Any = {}
        else:
            try:
                data = _loads_body(text)
            except RequestRejectedError:
                raise
            except RecursionError:
                raise RequestRejectedError("The JSON body is nested too deeply") from None
            except ValueError as exc:
                raise RequestRejectedError(
                    f"The request body is not valid JSON: {_short(str(exc))}"
                ) from None
        # Strict UTF-8 decoding refuses encoded surrogates: in JSON text only a `\\u` escape makes one.
        return self._validated(path, JSON, data, "\\u" in text)

    def form_fields(self, path: str, raw: bytes) -> dict[str, Any]:
        """A form's fields as `parse_form_body` reads them before it validates (names made canonical,
        values coerced to the schema's types), not checked: what a validator names the faults of."""
        props = self.spec.properties(self.spec.request_schema(path, FORM))
        canonical = {name.casefold(): name for name in props}
        fields: dict[str, Any] = {}
        for key, value in _form_pairs(raw):
            name = canonical.get(key.casefold(), key) if self.spec.case_insensitive else key
            fields[name] = self._coerce(value, props.get(name))
        return fields

    def parse_form_body(self, path: str, pairs: list[tuple[str, str]]) -> dict[str, Any]:
        """Coerce form strings to the schema's types, canonicalize, validate, decode JSON-encoded values."""
        spec = self.spec
        props = spec.properties(spec.request_schema(path, FORM))
        canonical = {name.casefold(): name for name in props}
        bracketable = self._bracketable(path)
        bracketed = BracketedKeys()
        data: dict[str, Any] = {}
        try:
            for key, value in pairs:
                split = split_key(key) if bracketable and "[" in key else None
                if split is not None:
                    base = canonical.get(split[0].casefold(), split[0]) if spec.case_insensitive else split[0]
                    if base in bracketable:
                        bracketed.add(base, split[1], value)
                        continue
                name = canonical.get(key.casefold(), key) if spec.case_insensitive else key
                if name in data:
                    raise RequestRejectedError(f"{name} is given more than once")
                data[name] = self._coerce(value, props.get(name))
            nested = bracketed.build()
        except FormKeyError as error:
            raise RequestRejectedError(str(error)) from None
        for name in nested:
            if name in data:
                raise RequestRejectedError(
                    f"{name} is given both as JSON text and as bracketed keys ({name}[...]): send one"
                )
        _check_numbers(data, "")
        self._validate(spec.operations[path].request_schemas[FORM], data)
        for name, value in list(data.items()):
            if name in props and isinstance(value, str) and spec.is_json_encoded(props[name]):
                try:
                    data[name] = json.loads(value, parse_constant=_reject_constant)
                except RecursionError:
                    raise RequestRejectedError(f"{name} is nested too deeply") from None
                except ValueError:
                    raise RequestRejectedError(
                        f"{name} must be {self._json_encoded_kind(path, name)}"
                    ) from None
                self.check_text(data[name], name)
        if nested:
            json_props = spec.properties(spec.request_schema(path, JSON))
            for name, value in nested.items():
                data[name] = self._coerce_nested(value, json_props.get(name))
        if JSON in spec.operations[path].media_types:
            # Decoded object values must also fit the JSON variant's schema (JsonData must be an object...).
            return self._validated(path, JSON, data)
        return data

    def _bracketable(self, path: str) -> frozenset[str]:
        """The form's parameters that also come as bracketed keys: its `encoding` says `style: deepObject`."""
        pointer = self.spec.operations[path].request_schemas.get(FORM)
        if pointer is None or not pointer.endswith("/schema"):
            return frozenset()
        media = self.spec.schema_at(pointer[: -len("/schema")])
        encoding = media.get("encoding", {}) if isinstance(media, dict) else {}
        return frozenset(
            name
            for name, entry in encoding.items()
            if isinstance(entry, dict) and entry.get("style") == _BRACKETED_STYLE
        )

    def _coerce_nested(self, value: Any, schema: Any) -> Any:
        """Bracketed leaves are text: coerce each to its property's documented type (`true`, `1`)."""
        if isinstance(value, list):
            items = None
            if schema is not None:
                resolved = spec_tools.resolve(schema, self.spec.document)
                items = resolved.get("items") if isinstance(resolved, dict) else None
            return [self._coerce_nested(item, items) for item in value]
        if isinstance(value, dict):
            props = self.spec.properties(schema) if schema is not None else {}
            folded = {name.casefold(): prop for name, prop in props.items()}
            return {key: self._coerce_nested(item, folded.get(key.casefold())) for key, item in value.items()}
        if schema is None:
            return value  # free-form (JsonData's own keys): text as sent
        types = self._documented_types(schema)
        stripped = value.strip()
        if "integer" in types and _INTEGER_RE.match(stripped):
            return int(stripped)
        if "boolean" in types and stripped.lower() in ("true", "false"):
            return stripped.lower() == "true"
        return self._coerce(value, schema)

    def _documented_types(self, schema: Any) -> set[str]:
        """The JSON types of a schema without its `x-tolerated` alternatives."""
        documented, _ = spec_tools.tolerated_alternatives(schema, self.spec.document)
        if not documented:
            return self.spec.types_of(schema)
        return {kind for branch in documented for kind in self.spec.types_of(branch)}

    def _json_encoded_kind(self, path: str, name: str) -> str:
        """What a form's JSON-encoded value holds, from the JSON variant's schema: `a JSON-encoded object`."""
        operation = self.spec.operations[path]
        types: set[str] = set()
        if JSON in operation.media_types:
            prop = self.spec.properties(self.spec.request_schema(path, JSON)).get(name)
            types = self._documented_types(prop) - {"null"} if prop is not None else set()
        kind = next(iter(types)) if len(types) == 1 else None
        return _JSON_ENCODED_WORDS.get(kind or "", "JSON-encoded text")

    def _validated(
        self, path: str, media_type: str, data: Any, may_have_surrogates: bool = True
    ) -> dict[str, Any]:
        if not isinstance(data, dict):
            raise RequestRejectedError("The request body must be a JSON object")
        pointer = self.spec.operations[path].request_schemas[media_type]
        schema = self.spec.schema_at(pointer)
        try:
            if may_have_surrogates and _has_surrogate(data):
                self.check_text(data)  # words the refusal (with the value's path)
            if self.spec.case_insensitive:
                data = self._canonicalize(data, schema)
            # One walk drops the nulls and checks the numbers; the walks that name the faulty value run only
            # when it finds one, so the refusal is the one the separate walks give.
            try:
                stripped = self._checked(data, schema)
            except _OutOfRangeError:
                _check_numbers(self._without_nulls(data, schema), "")
                raise
            data = self._tolerated.read(stripped, schema)
            self._validate(pointer, data)
        except ToleratedShapeError as error:
            raise RequestRejectedError(str(error)) from None
        except RecursionError:
            raise RequestRejectedError("The request body is nested too deeply") from None
        result: dict[str, Any] = data
        return result

    def _check_decimal_places(self, path: str, params: dict[str, Any]) -> dict[str, Any]:
        """Amounts have at most so many significant fractional digits (`x-decimal-places`): more are refused,
        never rounded. `10.50` has one."""
        for name, places in self.spec.decimal_places[path].items():
            value = params.get(name)
            # An int has no fractional digits; bools and non-numbers are not amounts.
            if type(value) is int or isinstance(value, bool) or not isinstance(value, int | float | Decimal):
                continue
            exact = value if isinstance(value, Decimal) else Decimal(repr(value))
            exponent = exact.normalize().as_tuple().exponent
            if isinstance(exponent, int) and -exponent > places:
                shown = str(value) if isinstance(value, Decimal) else repr(value)
                raise RequestRejectedError(f"{name} must have at most {places} decimal places: {shown}")
        return params

    def check_text(self, value: Any, path: str = "") -> None:
        """Refuse text that is not valid Unicode (a lone surrogate) in any value or key, before anything
        could echo it: such an answer could not be encoded."""
        if isinstance(value, str):
            match = _SURROGATE_RE.search(value)
            if match is not None:
                code = f"\\u{ord(match.group()):04x}"
                raise RequestRejectedError(
                    f"{path or 'The value'} is not valid Unicode text (a lone surrogate {code})"
                )
        elif isinstance(value, dict):
            for key, item in value.items():
                if _SURROGATE_RE.search(str(key)):
                    raise RequestRejectedError(
                        f"{path or 'The request body'} has a key that is not valid Unicode text"
                    )
                self.check_text(item, f"{path}.{key}" if path else str(key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                self.check_text(item, f"{path}.{index}" if path else str(index))

    def _checked(self, data: Any, schema: Any) -> Any:
        """`_without_nulls` and `_check_numbers` in one walk (`schema` None: data the spec does not describe,
        only checked); raises _OutOfRangeError, which says nothing of where."""
        if schema is None:
            if not _numbers_in_range(data):
                raise _OutOfRangeError
            return data
        if isinstance(data, list):
            items = self._schema_facts(schema).items
            return [self._checked(item, items) for item in data]
        if not isinstance(data, dict):
            if not _numbers_in_range(data):
                raise _OutOfRangeError
            return data
        properties, absent_when_null, _ = self._schema_facts(schema)
        result: dict[str, Any] = {}
        for key, value in data.items():
            if type(value) is str:  # most values: nothing to drop, nothing to check
                result[key] = value
                continue
            nested = properties.get(key)
            if nested is None:
                if not _numbers_in_range(value):
                    raise _OutOfRangeError
                result[key] = value
            elif value is not None:
                result[key] = self._checked(value, nested)
            elif key not in absent_when_null:
                result[key] = value
        return result

    def _schema_facts(self, schema: Any) -> _SchemaFacts:
        """A schema's properties, the optional ones that admit null and its array items, worked out once (the
        spec never changes)."""
        hit = self._facts.get(id(schema))
        if hit is not None and hit[0] is schema:
            return hit[1]
        spec = self.spec
        value_schema = spec_tools.non_null_schema(schema, spec.document)
        properties = spec.properties(schema)
        required = spec_tools.required_properties(schema, spec.document)
        facts = _SchemaFacts(
            properties,
            frozenset(
                name
                for name, prop in properties.items()
                if name not in required and spec_tools.admits_null(prop, spec.document)
            ),
            value_schema.get("items") if isinstance(value_schema, dict) else None,
        )
        self._facts[id(schema)] = (schema, facts)
        return facts

    def _without_nulls(self, data: Any, schema: Any) -> Any:
        """An explicit null for an optional property whose schema admits null is the property left out, at
        any depth (also in array items), so no business code sees it. A null the schema does not admit (for a
        required property) stays, for validation to refuse. Free-form data (JsonData's own keys) is left as
        sent."""
        if isinstance(data, list):
            items = self._schema_facts(schema).items
            return data if items is None else [self._without_nulls(item, items) for item in data]
        if not isinstance(data, dict):
            return data
        properties, absent_when_null, _ = self._schema_facts(schema)
        result: dict[str, Any] = {}
        for key, value in data.items():
            nested = properties.get(key)
            if nested is None:
                result[key] = value
            elif value is not None:
                result[key] = self._without_nulls(value, nested)
            elif key not in absent_when_null:
                result[key] = value
        return result

    def _validate(self, pointer: str, data: Any) -> None:
        if not self.strict and isinstance(data, dict):
            missing = {k: v for k, v in self._stand_ins_at(pointer).items() if k not in data}
            if missing:
                data = {**data, **missing}  # validated as if sent; the parameters stay without them
        error = self._validators.first_error(pointer, data)
        if error is not None:
            raise RequestRejectedError(refusal(error, self._is_tolerated))

    def _is_tolerated(self, schema: Any) -> bool:
        return spec_tools.is_tolerated(schema, self.spec.document)

    def _stand_ins_at(self, pointer: str) -> dict[str, Any]:
        """The schema's `x-tolerated-absent` parameters, each with a value valid in its place (its first enum
        value or its default): validation takes the absence, nothing is stored."""
        found = self._stand_ins.get(pointer)
        if found is None:
            schema = self.spec.schema_at(pointer)
            props = self.spec.properties(schema)
            found = {}
            for name in spec_tools.tolerated_absent(schema, self.spec.document):
                resolved = spec_tools.resolve(props.get(name, {}), self.spec.document)
                if isinstance(resolved, dict) and resolved.get("enum"):
                    found[name] = resolved["enum"][0]
                elif isinstance(resolved, dict) and "default" in resolved:
                    found[name] = resolved["default"]
                else:
                    raise spec_tools.SpecError(f"{pointer}: tolerated-absent {name} needs an enum or default")
            self._stand_ins[pointer] = found
        return found

    def _canonicalize(self, body: Any, schema: Any) -> Any:
        try:
            return spec_tools.canonicalize_keys(body, schema, self.spec.document, "")
        except spec_tools.DuplicateKeyError as duplicate:
            raise RequestRejectedError(str(duplicate)) from None

    def _coerce(self, value: str, schema: Any) -> Any:
        """A form value is a string; turn it into what the schema expects when it reads as one."""
        if schema is None:
            return value
        types = self._documented_types(schema)
        if "string" in types:
            return value
        stripped = value.strip()
        if "number" in types and _PLAIN_DECIMAL_RE.match(value) and self.spec.types_of(schema) != types:
            return value  # an amount's text, read exactly by its tolerated alternative (not via float)
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


def refusal(error: ValidationError, is_tolerated: Callable[[Any], bool] | None = None) -> str:
    """The API's wording of a schema violation: name the field, then the problem. A wrong value of an optional
    property is worded as the property's own schema words it: that `null` is also admitted (`type: [...,
    "null"]`, `enum: [..., null]`, `oneOf: [{$ref: ...}, {type: "null"}]`) goes unsaid. A value that fits none
    of a documented shape and its tolerated alternatives is refused in the documented shape's words."""
    value_error = _non_null_error(error)
    if value_error is not None:
        return refusal(value_error, is_tolerated)
    if is_tolerated is not None and error.validator == "anyOf" and error.context:
        branches = error.validator_value if isinstance(error.validator_value, list) else []
        tolerated = [is_tolerated(branch) for branch in branches]
        # neither a tolerated alternative nor the null an optional property admits words the refusal
        skipped = [flag or alt == {"type": "null"} for flag, alt in zip(tolerated, branches, strict=True)]
        for sub in error.context if any(tolerated) else []:
            index = sub.relative_schema_path[0] if sub.relative_schema_path else None
            if isinstance(index, int) and index < len(branches) and not skipped[index]:
                return refusal(sub, is_tolerated)
    field = field_name(error.absolute_path)
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
        names = [name for name in names if name != "null"] or names
        words = " or ".join(_TYPE_WORDS.get(str(n), str(n)) for n in names)
        return f"{field or 'The request body'} must be {words}"
    if error.validator == "format":
        return f"{field}: {_short(repr(error.instance), 80)} is not a valid {error.validator_value}"
    if error.validator == "pattern" and isinstance(error.schema, dict) and error.schema.get("description"):
        # A regular expression tells a person little: the first sentence of the field's description says it.
        expected = str(error.schema["description"]).strip().split(". ")[0].splitlines()[0].rstrip(".")
        return f"{field or 'The value'} {_short(repr(error.instance), 80)} is not valid: {expected}"
    message = error.message
    enum = error.validator_value if error.validator == "enum" else None
    if isinstance(enum, list) and None in enum:
        values = [value for value in enum if value is not None]
        message = f"{error.instance!r} is not one of {values!r}"
    if isinstance(error.instance, Decimal):  # an amount's text: say it as sent, not as Decimal('10')
        message = message.replace(repr(error.instance), str(error.instance))
    return f"{field or 'The request body'}: {_short(message)}"


def _non_null_error(error: ValidationError) -> ValidationError | None:
    """For a value that fails a nullable reference (`oneOf`/`anyOf` of one schema and `{type: "null"}`), the
    first error of that one schema; None for any other error."""
    alternatives = error.validator_value if error.validator in ("oneOf", "anyOf") else None
    if error.instance is None or not isinstance(alternatives, list):
        return None
    values = [index for index, alternative in enumerate(alternatives) if alternative != {"type": "null"}]
    if len(values) != 1 or len(alternatives) == 1:
        return None
    inner = (error for error in error.context or [] if list(error.relative_schema_path)[:1] == values)
    return next(inner, None)


def _form_pairs(raw: bytes) -> list[tuple[str, str]]:
    try:
        text = raw.decode("utf-8")
        return parse_qsl(text, keep_blank_values=True, errors="strict", max_num_fields=MAX_FORM_FIELDS)
    except UnicodeDecodeError:
        raise RequestRejectedError("The request body is not valid UTF-8") from None
    except ValueError:
        raise RequestRejectedError(f"The request has more than {MAX_FORM_FIELDS} fields") from None


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


# json.loads with these hooks builds this decoder on every call.
_BODY_DECODER: Final = json.JSONDecoder(object_pairs_hook=_reject_duplicates, parse_constant=_reject_constant)


def _loads_body(text: str) -> Any:
    """`json.loads(text, object_pairs_hook=_reject_duplicates, parse_constant=_reject_constant)`, exactly."""
    if text.startswith("\ufeff"):  # json.loads's own check, with its message
        raise json.JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", text, 0)
    return _BODY_DECODER.decode(text)


class _SchemaFacts(NamedTuple):
    """What walking a request under one schema needs of it."""

    properties: dict[str, Any]
    # optional properties whose schema admits null: a null for one is the property left out
    absent_when_null: frozenset[str]
    # the schema of array items (None for a schema that is not an array's)
    items: Any


class _OutOfRangeError(Exception):
    """A number `_check_numbers` refuses, found by a walk that does not track where."""


def _numbers_in_range(value: Any) -> bool:
    """`_check_numbers` without the paths: False where it would refuse."""
    kind = type(value)
    if kind is str or kind is bool or value is None:
        return True
    if kind is int:
        return bool(abs(value) <= _INT64_MAX)
    if isinstance(value, bool):
        return True
    if isinstance(value, float) and not math.isfinite(value):
        return False
    if isinstance(value, int) and abs(value) > _INT64_MAX:
        return False
    if isinstance(value, dict):
        return all(_numbers_in_range(item) for item in value.values())
    if isinstance(value, list):
        return all(_numbers_in_range(item) for item in value)
    return True


def _has_surrogate(value: Any) -> bool:
    """`check_text` without the paths: True where it would refuse."""
    if isinstance(value, str):
        return _SURROGATE_RE.search(value) is not None
    if isinstance(value, dict):
        return any(
            _SURROGATE_RE.search(str(key)) is not None or _has_surrogate(item) for key, item in value.items()
        )
    if isinstance(value, list):
        return any(_has_surrogate(item) for item in value)
    return False


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
