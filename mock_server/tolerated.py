"""The shapes real clients send that the API takes though the reference does not list them (`x-tolerated`
alternatives in the spec), read as the documented shape: an amount's text as its exact Decimal, JsonData's
JSON text as its object, `""` as absent, an integer id as its decimal text, an `EscrowType` name as its
number."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any, Final

import spec_tools
from spec_tools import Spec

# A tolerated branch's `x-codes`: names it stands for, read as these values (EscrowType's NToOne -> 0).
CODES: Final = "x-codes"
_ABSENT: Final = object()

__all__ = ["ToleratedShapeError", "ToleratedShapes"]


class ToleratedShapeError(ValueError):
    """A value in a tolerated shape that does not read as the documented one; the text names the field."""


class ToleratedShapes:
    """Reads a request's tolerated shapes as the documented ones, walking the request schema."""

    def __init__(self, spec: Spec) -> None:
        self._spec = spec
        # id(schema) -> (schema, (documented types, tolerated branches)): the spec never changes.
        self._memo: dict[int, tuple[Any, tuple[frozenset[str], list[Any]]]] = {}

    def read(self, data: Any, schema: Any, path: str = "") -> Any:
        """`data` with every tolerated shape read as the documented one (a new dict where one changed)."""
        if isinstance(data, list):
            items = _items(schema, self._spec)
            return data if items is None else [self.read(item, items, path) for item in data]
        if not isinstance(data, dict):
            return data
        properties = spec_tools.object_properties(schema, self._spec)
        if not properties:
            return data  # free-form (JsonData's own keys): left as sent
        result: dict[str, Any] = {}
        for key, value in data.items():
            prop = properties.get(key)
            if prop is None or (type(value) is str and not self._facts(prop)[1]):
                result[key] = value
                continue
            name = f"{path}.{key}" if path else key
            read = self._read(name, value, prop)
            if read is _ABSENT:
                continue
            result[key] = self.read(read, prop, name) if isinstance(read, dict | list) else read
        return result

    def _facts(self, prop: Any) -> tuple[frozenset[str], list[Any]]:
        hit = self._memo.get(id(prop))
        if hit is not None and hit[0] is prop:
            return hit[1]
        documented, tolerated = spec_tools.tolerated_alternatives(prop, self._spec)
        types = frozenset(t for branch in documented for t in spec_tools.types_of(branch, self._spec))
        facts = (types, tolerated)
        self._memo[id(prop)] = (prop, facts)
        return facts

    def _read(self, name: str, value: Any, prop: Any) -> Any:
        documented, tolerated = self._facts(prop)
        if not tolerated:
            return value
        for branch in tolerated:
            if "const" in branch and value == branch["const"] and type(value) is type(branch["const"]):
                return _ABSENT  # `""` for a parameter with no value
        if _json_type(value) in documented:
            return value
        for branch in tolerated:
            kinds = spec_tools.types_of(branch, self._spec)
            if type(value) is str and "string" in kinds:
                if "number" in documented and "pattern" in branch:
                    return _number(name, value, str(branch["pattern"]))
                if "object" in documented and spec_tools.is_json_encoded(branch, self._spec):
                    return _json_object(name, value)
                if "integer" in documented and isinstance(branch.get(CODES), dict):
                    return _code(name, value, branch[CODES])
            if type(value) is int and "integer" in kinds and "string" in documented:
                return str(value)
        return value  # no tolerated reading: validation refuses it in the documented shape's words


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float | Decimal):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, dict):
        return "object"
    return "array" if isinstance(value, list) else "unknown"


def _items(schema: Any, spec: Spec) -> Any:
    for part in spec_tools.parts(schema, spec):
        if "items" in part:
            return part["items"]
    return None


def _number(name: str, text: str, pattern: str) -> Decimal:
    """The amount's text read exactly (never through a float)."""
    if re.fullmatch(pattern, text) is None:
        raise ToleratedShapeError(f"{name} must be a number")
    return Decimal(text)


def _json_object(name: str, text: str) -> Any:
    """JSON text of an object; blank text is no value."""
    if not text.strip():
        return _ABSENT
    try:
        value = json.loads(text, parse_constant=_no_constant)
    except RecursionError:
        raise ToleratedShapeError(f"{name} is nested too deeply") from None
    except ValueError:
        value = None
    if not isinstance(value, dict):
        raise ToleratedShapeError(f"{name} must be an object or the JSON text of one")
    return value


def _code(name: str, text: str, codes: dict[str, Any]) -> Any:
    if text in codes:
        return codes[text]
    names = ", ".join(str(code) for code in codes)
    raise ToleratedShapeError(f"{name} must be an integer or one of {names}: {text[:40]!r}")


def _no_constant(name: str) -> Any:
    raise ValueError(name)
