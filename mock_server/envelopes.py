"""The API's answer envelope (`Success`, `Message`, `Model`) and what an operation gets besides its
parameters."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Envelope = dict[str, Any]


@dataclass(frozen=True)
class RequestContext:
    base_url: str  # scheme://host:port of the mock as the client reached it, no trailing slash
    client_ip: str


# An operation: the request's canonical, validated parameters in, the answer out. Called with the store's
# lock held, so each read-check-write is atomic.
Handler = Callable[[dict[str, Any], RequestContext], Envelope]


def ok(model: Any = None, *, with_model: bool = True) -> Envelope:
    envelope: Envelope = {"Success": True, "Message": None}
    if with_model:
        envelope["Model"] = model
    return envelope


def fail(message: str | None, model: Any = None) -> Envelope:
    return {"Success": False, "Message": message, "Model": model}
