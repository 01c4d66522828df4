"""The API's answer envelope (`Success`, `Message`, `Model`) and what an operation gets besides its
parameters."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from mock_server.ledger import CheckVerdict

Envelope = dict[str, Any]


@dataclass(frozen=True)
class RequestContext:
    base_url: str  # scheme://host:port of the mock as the client reached it, no trailing slash
    client_ip: str
    # What the Check notification decided before the operation ran (only with a Check address).
    check: CheckVerdict | None = None
    # False for a request without credentials to an operation the spec lets go without them: the operation
    # checks the `PublicId` it was given.
    authenticated: bool = True


def _no_change() -> None:
    return None


@dataclass(frozen=True)
class Outcome:
    """What an operation decided: its answer, and the change of state that goes with it, not yet made.

    The caller encodes the answer first and only then calls `commit`: a failure before that point
    leaves the state as it was.
    """

    envelope: Envelope
    commit: Callable[[], None] = _no_change


# An operation: the request's canonical, validated parameters in, the decided outcome out. Called with the
# store's lock held (and `commit` too), so each read-check-write is atomic.
Handler = Callable[[dict[str, Any], RequestContext], Outcome]

# Awaited by the route before an operation's handler, without the store's lock (it may wait on the network):
# the request's parameters and context in, the context the handler gets out.
BeforeStep = Callable[[dict[str, Any], RequestContext], Awaitable[RequestContext]]


def ok(model: Any = None, *, with_model: bool = True) -> Envelope:
    envelope: Envelope = {"Success": True, "Message": None}
    if with_model:
        envelope["Model"] = model
    return envelope


def fail(message: str | None, model: Any = None) -> Envelope:
    return {"Success": False, "Message": message, "Model": model}
