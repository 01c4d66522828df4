"""Parameter names as the API reads them: case-insensitively (`x-case-insensitive-keys: true`)."""

from __future__ import annotations

from typing import Any, Final, NamedTuple

from spec_tools.document import Spec
from spec_tools.schemas import object_properties, resolve

# What canonicalizing under one schema needs, worked out once per schema node: every request reads the same
# few schemas. Keyed by identity (a loaded document is never changed); each entry holds its schema and
# document, so an id is never reused while its entry lives. Bounded: emptied when full.
_PLANS_MAX: Final = 4096


class _Plan(NamedTuple):
    schema: Any
    spec: Spec
    items: Any
    properties: dict[str, Any]
    by_folded: dict[str, str]


_plans: dict[tuple[int, int], _Plan] = {}


def _plan(schema: Any, spec: Spec) -> _Plan:
    key = (id(schema), id(spec))
    plan = _plans.get(key)
    if plan is not None and plan.schema is schema and plan.spec is spec:
        return plan
    resolved = resolve(schema, spec) if schema is not None else None
    items = resolved.get("items") if isinstance(resolved, dict) else None
    properties = object_properties(schema, spec) if schema is not None else {}
    plan = _Plan(schema, spec, items, properties, {name.casefold(): name for name in properties})
    if len(_plans) >= _PLANS_MAX:
        _plans.clear()
    _plans[key] = plan
    return plan


class DuplicateKeyError(ValueError):
    """One key is given twice in two spellings (`Amount` and `amount`); `field` names it."""

    def __init__(self, field: str) -> None:
        super().__init__(f"{field} is given more than once")
        self.field = field


def canonicalize_keys(body: Any, schema: Any, spec: Spec, prefix: str = "") -> Any:
    """Rename keys to the schema's spelling, matching case-insensitively, as the API does.

    Nested objects and array items follow their own property schemas; unknown keys are kept as they
    are. Two spellings of one key are refused (`DuplicateKeyError`): which one the API would take is
    not documented, so neither the mock nor the tests may guess.
    """
    if not isinstance(body, list | dict):
        return body  # a scalar has no keys: its schema need not be resolved
    plan = _plan(schema, spec)
    if isinstance(body, list):
        return [canonicalize_keys(item, plan.items, spec, prefix) for item in body]
    properties, by_folded = plan.properties, plan.by_folded
    renamed: dict[str, Any] = {}
    for key, value in body.items():
        # Most keys come in the schema's own spelling already.
        name = key if key in properties else by_folded.get(str(key).casefold(), str(key))
        if name in renamed:
            raise DuplicateKeyError(f"{prefix}{name}")
        if isinstance(value, list | dict):
            value = canonicalize_keys(value, properties.get(name), spec, f"{prefix}{name}.")
        renamed[name] = value
    return renamed
