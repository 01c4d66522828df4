"""JSON Schema (Draft 2020-12) validators for any schema of the document, `$ref`s resolved in place.

Two validators per schema: python-jsonschema, whose `ValidationError`s word the mock's refusals, and a
compiled twin (jsonschema-rs) built from the same document, the same `$ref`s and the same format checks.
`Validators.first_error` asks the compiled twin first: a valid instance is accepted by it alone; only when it
says "invalid" (or cannot read the instance) does python-jsonschema run, decide and give the error. So the
compiled twin only ever saves time: a refusal and its wording always come from python-jsonschema.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

import jsonschema_rs
from jsonschema import Draft202012Validator, ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from spec_tools.document import JSON, Spec, request_schema_pointer, response_schema_pointer

# A fixed base URI for the document: refs such as "#/components/schemas/X" resolve against it.
SPEC_URI: Final = "urn:cloudpayments:openapi"
FORMAT_CHECKER: Final = Draft202012Validator.FORMAT_CHECKER

# jsonschema skips a format check silently when its helper package is missing: fail at import instead.
_REQUIRED_FORMATS: Final = ("email", "date-time", "ipv4")
_missing = [name for name in _REQUIRED_FORMATS if name not in FORMAT_CHECKER.checkers]
if _missing:
    raise ImportError(f"jsonschema cannot check the formats {_missing}; install the pinned dev dependencies")

# What the compiled validator cannot read as JSON (a lone surrogate, a number beyond its range, a nesting
# deeper than its limit) raises one of these: python-jsonschema decides instead.
_UNREADABLE: Final = (ValueError, TypeError, OverflowError, RecursionError)


def _format_check(name: str) -> Callable[[str], bool]:
    def check(value: str) -> bool:
        return bool(FORMAT_CHECKER.conforms(value, name))

    return check


# The compiled twin checks each format with python-jsonschema's own checker, so both agree by construction
# (jsonschema-rs's built-in email check, for one, is stricter than jsonschema's "contains an @").
COMPILED_FORMATS: Final[dict[str, Callable[[str], bool]]] = {
    name: _format_check(name) for name in FORMAT_CHECKER.checkers
}


def registry(spec: Spec) -> Registry[Any]:
    """A registry holding the whole document, so every local `$ref` resolves against it."""
    resource: Resource[Any] = Resource.from_contents(spec, default_specification=DRAFT202012)
    return Registry().with_resources([(SPEC_URI, resource)])


def _ref(pointer: str) -> dict[str, str]:
    # A $ref wrapper keeps the schema inside its document, so nested "#/components/..." refs resolve.
    return {"$ref": f"{SPEC_URI}#{pointer}"}


class Validators:
    """Validators per schema pointer of one document (python-jsonschema and its compiled twin), built on
    first use and kept. `compiled=False` leaves the twin out: every check runs python-jsonschema."""

    def __init__(self, spec: Spec, *, compiled: bool = True) -> None:
        self._spec = spec
        self._registry = registry(spec)
        self._built: dict[str, Draft202012Validator] = {}
        self._compiled_on = compiled
        self._compiled_registry: jsonschema_rs.Registry | None = None
        self._compiled: dict[str, jsonschema_rs.Validator] = {}

    def at(self, pointer: str) -> Draft202012Validator:
        """The python-jsonschema validator: the one whose errors word refusals."""
        validator = self._built.get(pointer)
        if validator is None:
            validator = Draft202012Validator(
                _ref(pointer), registry=self._registry, format_checker=FORMAT_CHECKER
            )
            self._built[pointer] = validator
        return validator

    def compiled_at(self, pointer: str) -> jsonschema_rs.Validator:
        """The compiled twin of `at(pointer)`: same document, same `$ref`s, same format checks."""
        validator = self._compiled.get(pointer)
        if validator is None:
            if self._compiled_registry is None:
                self._compiled_registry = jsonschema_rs.Registry([(SPEC_URI, self._spec)])
            validator = jsonschema_rs.Draft202012Validator(
                _ref(pointer),
                registry=self._compiled_registry,
                validate_formats=True,
                formats=COMPILED_FORMATS,
                ignore_unknown_formats=True,  # as python-jsonschema: "int64" is an annotation only
            )
            self._compiled[pointer] = validator
        return validator

    def first_error(self, pointer: str, instance: Any) -> ValidationError | None:
        """python-jsonschema's first error for `instance`, or None when it is valid.

        The compiled twin answers alone when it accepts the instance; otherwise python-jsonschema decides."""
        if self._compiled_on:
            try:
                if self.compiled_at(pointer).is_valid(instance):
                    return None
            except _UNREADABLE:
                pass
        return next(iter(self.at(pointer).iter_errors(instance)), None)

    def is_valid(self, pointer: str, instance: Any) -> bool:
        return self.first_error(pointer, instance) is None


def validator_at(spec: Spec, pointer: str) -> Draft202012Validator:
    return Validators(spec).at(pointer)


def request_validator(
    spec: Spec, path: str, media_type: str = JSON, method: str = "post"
) -> Draft202012Validator:
    """Validator of a request body; give it `canonicalize_keys` output when the API ignores key case."""
    return validator_at(spec, request_schema_pointer(spec, path, media_type, method))


def response_validator(
    spec: Spec, path: str, status: str = "200", media_type: str = JSON, method: str = "post"
) -> Draft202012Validator:
    return validator_at(spec, response_schema_pointer(spec, path, status, media_type, method))
