"""Form keys with brackets, as PHP's `http_build_query` writes nested values (`Payer[FirstName]=...`,
`Escrow[TransactionIds][0]=...`): the nested object or list they build, within bounds, ambiguity refused."""

from __future__ import annotations

import re
from typing import Any, Final

# Brackets below the parameter's name (`Splits[0][Amount]` has 2) and items of one list.
MAX_DEPTH: Final = 5
MAX_ITEMS: Final = 1000
_KEY_RE: Final = re.compile(r"^([^\[\]]+)((?:\[[^\[\]]*\])+)$")
_SEGMENT_RE: Final = re.compile(r"\[([^\[\]]*)\]")
_INDEX_RE: Final = re.compile(r"^(0|[1-9][0-9]{0,5})$")

__all__ = ["MAX_DEPTH", "MAX_ITEMS", "BracketedKeys", "FormKeyError", "split_key"]


class FormKeyError(ValueError):
    """Bracketed keys that build no single value; the text says why."""


def split_key(key: str) -> tuple[str, list[str]] | None:
    """`Payer[FirstName]` -> ("Payer", ["FirstName"]); None for a key without brackets (or malformed ones)."""
    match = _KEY_RE.match(key)
    if match is None:
        return None
    return match.group(1), _SEGMENT_RE.findall(match.group(2))


class BracketedKeys:
    """Collects bracketed pairs per parameter and builds each parameter's value (leaves stay text)."""

    def __init__(self) -> None:
        self._trees: dict[str, dict[str, Any]] = {}

    def add(self, name: str, segments: list[str], value: str) -> None:
        shown = name + "".join(f"[{segment}]" for segment in segments)
        if len(segments) > MAX_DEPTH:
            raise FormKeyError(f"{shown} is nested deeper than {MAX_DEPTH} levels")
        node = self._trees.setdefault(name, {})
        for depth, segment in enumerate(segments):
            if segment == "":
                raise FormKeyError(f"{shown} has empty brackets: give each item its index ({name}[0])")
            last = depth == len(segments) - 1
            existing = node.get(segment)
            if last:
                if existing is not None:
                    what = (
                        "more than once"
                        if isinstance(existing, str)
                        else "both as a value and with keys below it"
                    )
                    raise FormKeyError(f"{shown} is given {what}")
                node[segment] = value
            else:
                if isinstance(existing, str):
                    raise FormKeyError(f"{shown} is given both as a value and with keys below it")
                node = node.setdefault(segment, {}) if existing is None else existing

    @property
    def names(self) -> list[str]:
        return list(self._trees)

    def build(self) -> dict[str, Any]:
        """Each parameter's object, or a list where every key of a level is an index (0, 1, 2..., no gap)."""
        return {name: _built(tree, name) for name, tree in self._trees.items()}


def _built(node: Any, path: str) -> Any:
    if isinstance(node, str):
        return node
    keys = list(node)
    indexes = [key for key in keys if _INDEX_RE.match(key)]
    if keys and len(indexes) == len(keys):
        numbers = sorted(int(key) for key in keys)
        if numbers[-1] >= MAX_ITEMS:
            raise FormKeyError(f"{path} has more than {MAX_ITEMS} items")
        if numbers != list(range(len(numbers))):
            missing = next(i for i, n in enumerate(numbers) if i != n)
            raise FormKeyError(f"{path}[{missing}] is missing: list indexes run 0, 1, 2... without holes")
        return [_built(node[str(number)], f"{path}[{number}]") for number in numbers]
    return {key: _built(value, f"{path}[{key}]") for key, value in node.items()}
