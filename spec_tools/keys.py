"""Parameter names as the API reads them: case-insensitively (`x-case-insensitive-keys: true`)."""

from __future__ import annotations

from typing import Any

from spec_tools.document import Spec
from spec_tools.schemas import object_properties, resolve


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
    resolved = resolve(schema, spec) if schema is not None else None
    if isinstance(body, list):
        items = resolved.get("items") if isinstance(resolved, dict) else None
        return [canonicalize_keys(item, items, spec, prefix) for item in body]
    if not isinstance(body, dict):
        return body
    properties = object_properties(schema, spec) if schema is not None else {}
    by_folded = {name.casefold(): name for name in properties}
    renamed: dict[str, Any] = {}
    for key, value in body.items():
        name = by_folded.get(str(key).casefold(), str(key))
        if name in renamed:
            raise DuplicateKeyError(f"{prefix}{name}")
        renamed[name] = canonicalize_keys(value, properties.get(name), spec, f"{prefix}{name}.")
    return renamed
