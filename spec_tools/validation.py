"""JSON Schema (Draft 2020-12) validators for any schema of the document, `$ref`s resolved in place."""

from __future__ import annotations

from typing import Any, Final

from jsonschema import Draft202012Validator
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


def registry(spec: Spec) -> Registry[Any]:
    """A registry holding the whole document, so every local `$ref` resolves against it."""
    resource: Resource[Any] = Resource.from_contents(spec, default_specification=DRAFT202012)
    return Registry().with_resources([(SPEC_URI, resource)])


class Validators:
    """One validator per schema pointer of one document, built on first use and kept."""

    def __init__(self, spec: Spec) -> None:
        self._registry = registry(spec)
        self._built: dict[str, Draft202012Validator] = {}

    def at(self, pointer: str) -> Draft202012Validator:
        validator = self._built.get(pointer)
        if validator is None:
            # A $ref wrapper keeps the schema inside its document, so nested "#/components/..." refs resolve.
            validator = Draft202012Validator(
                {"$ref": f"{SPEC_URI}#{pointer}"}, registry=self._registry, format_checker=FORMAT_CHECKER
            )
            self._built[pointer] = validator
        return validator


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
