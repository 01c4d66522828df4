"""Types shared by the models, the operation modules and the resource classes."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import Any, Generic, Literal, Protocol, TypeVar

__all__ = ["UNSET", "Operation", "Unset"]


class Unset:
    """The value of a model field that is left out of the request body."""

    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

Body = TypeVar("Body")
Result = TypeVar("Result")


@dataclasses.dataclass(frozen=True)
class Operation(Generic[Body, Result]):
    """One operation of the API description: how to send it and what its success answer is.

    Each `api/<tag>/<operation>.py` module defines one; the resource classes hand it to the client.
    """

    operation_id: str
    # httpx.request keyword arguments from the request model and the X-Request-ID (None when not mutating)
    build_request: Callable[[Body, Any], dict[str, Any]]
    # declares X-Request-ID: the call changes state, so every call carries an idempotency key
    mutating: bool
    # the model class of the HTTP 200 envelope (Success, Message, Model)
    envelope: type[Any]
    # the classes a success may return: the envelope's Model, or the envelope itself when there is no Model
    result: tuple[type[Result], ...]
    returns_model: bool


Model = TypeVar("Model", bound="_FromDict")


class _FromDict(Protocol):
    @classmethod
    def from_dict(cls: type[Model], src_dict: Mapping[str, Any]) -> Model: ...


def as_model(kind: type[Model], value: Model | Mapping[str, Any]) -> Model:
    """A model-typed argument: the model itself, or a mapping with the API's field names."""
    # attrs models are not mappings, so the mapping test tells the two apart
    return kind.from_dict(value) if isinstance(value, Mapping) else value


def optional_model(kind: type[Model], value: Model | Mapping[str, Any] | None) -> Model | Unset:
    """An optional model-typed argument: None leaves the field out of the body."""
    return UNSET if value is None else as_model(kind, value)


Value = TypeVar("Value")


def optional(value: Value | None) -> Value | Unset:
    """An optional argument: None leaves the field out of the body."""
    return UNSET if value is None else value
