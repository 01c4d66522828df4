"""Faults on demand: a test arms a failure for the next N requests to one API path (`POST /__mock__/faults`,
`MockServer.fault`), and the mock fails them that way, so a client's retries and its money safety are tested
against the failures a network and a busy API produce.

- `drop-after-commit`: processed as usual (committed, its answer stored for its X-Request-ID), then the
  connection is closed before the answer's body: the client cannot know the payment was made.
- `timeout`, `timeout:SECONDS`: no answer for SECONDS (default 60, longer than clients wait by default), then
  the connection is closed; nothing is done.
- `status:NNN`: HTTP NNN (429 or 500-599) with an empty body, nothing done; 429 carries `Retry-After: 1`.
- `delay:SECONDS`: processed as usual after SECONDS.

Bounded: at most `MAX_ARMED` faults armed at once, each for 1 to `MAX_TIMES` requests, waits of at most
`MAX_TIMEOUT_SECONDS` / `MAX_DELAY_SECONDS`. Faults of one path are met in the order they were armed. A reset
(`POST /__mock__/reset`, `MockServer.reset()`) disarms them all. Thread-safe: one mock serves several loops.
"""

from __future__ import annotations

import logging
import math
import re
import threading
from dataclasses import dataclass
from typing import Any, Final, Literal

from starlette.responses import Response
from starlette.types import Receive, Scope, Send

MAX_ARMED: Final = 100
MAX_TIMES: Final = 1000
MAX_DELAY_SECONDS: Final = 60.0
MAX_TIMEOUT_SECONDS: Final = 120.0
DEFAULT_TIMEOUT_SECONDS: Final = 60.0
# What a 429 fault tells the client to wait, in seconds.
RETRY_AFTER_SECONDS: Final = 1
FIELDS: Final = frozenset({"path", "fault", "times"})
FORMS: Final = "drop-after-commit, timeout, timeout:SECONDS, status:NNN (429 or 500-599) or delay:SECONDS"

Kind = Literal["drop-after-commit", "timeout", "status", "delay"]
_SECONDS: Final = re.compile(r"^[0-9]+(\.[0-9]+)?$")


class FaultRefusedError(ValueError):
    """A fault that cannot be armed; the message names the problem."""


@dataclass(frozen=True)
class Fault:
    kind: Kind
    text: str  # as it was armed: "status:503"
    seconds: float = 0.0  # timeout, delay
    status: int = 0  # status


def _seconds(text: str, what: str, most: float) -> float:
    value = float(text) if _SECONDS.match(text) else math.nan
    if not 0 < value <= most:
        raise FaultRefusedError(
            f"{what} needs a number of seconds above 0 and at most {most:g}, not {text!r}"
        )
    return value


def parse_fault(text: Any) -> Fault:
    """A fault from its text (see the module's table); FaultRefusedError names what is wrong."""
    if not isinstance(text, str):
        raise FaultRefusedError(f"fault must be text, one of {FORMS}")
    name, colon, argument = text.partition(":")
    if text == "drop-after-commit":
        return Fault("drop-after-commit", text)
    if name == "timeout":
        seconds = _seconds(argument, "timeout", MAX_TIMEOUT_SECONDS) if colon else DEFAULT_TIMEOUT_SECONDS
        return Fault("timeout", text, seconds=seconds)
    if name == "delay" and colon:
        return Fault("delay", text, seconds=_seconds(argument, "delay", MAX_DELAY_SECONDS))
    if name == "status" and colon:
        status = int(argument) if argument.isascii() and argument.isdigit() else 0
        if status != 429 and not 500 <= status <= 599:
            raise FaultRefusedError(f"status takes 429 or a code from 500 to 599, not {argument!r}")
        return Fault("status", text, status=status)
    raise FaultRefusedError(f"unknown fault {text!r}: one of {FORMS}")


@dataclass
class Armed:
    path: str
    fault: Fault
    times: int  # requests it still fails

    def as_json(self) -> dict[str, Any]:
        return {"path": self.path, "fault": self.fault.text, "times": self.times}


def _pattern(template: str) -> str:
    """A regular expression of the paths of a spec path: `{Type}` stands for one segment."""
    parts = re.split(r"(\{[^}/]+\})", template)
    return "".join("[^/]+" if part.startswith("{") else re.escape(part) for part in parts)


class Faults:
    """The armed faults of one mock; `templates` are the API's paths as the spec writes them (`{Type}`)."""

    def __init__(self, templates: list[str]) -> None:
        self._paths = re.compile("|".join(f"(?:{_pattern(t)})" for t in templates) or "(?!)")
        self._armed: list[Armed] = []
        self._lock = threading.Lock()

    def arm(self, path: Any, fault: Any, times: Any = 1) -> dict[str, Any]:
        """Arm `fault` for the next `times` requests to `path`; what was armed, as the listing shows it."""
        if not isinstance(path, str) or not self._paths.fullmatch(path):
            raise FaultRefusedError(
                f"path must be a path of the API's operations (/payments/cards/charge), not {path!r}"
            )
        parsed = parse_fault(fault)
        if type(times) is not int or not 1 <= times <= MAX_TIMES:
            raise FaultRefusedError(f"times must be a whole number from 1 to {MAX_TIMES}, not {times!r}")
        with self._lock:
            if len(self._armed) >= MAX_ARMED:
                raise FaultRefusedError(
                    f"{MAX_ARMED} faults are armed already, the most the mock keeps; "
                    "reset the mock to disarm them"
                )
            armed = Armed(path, parsed, times)
            self._armed.append(armed)
            return armed.as_json()

    def arm_json(self, body: Any) -> dict[str, Any]:
        """A fault from the JSON body of `POST /__mock__/faults`: `{"path", "fault", "times"}`."""
        if not isinstance(body, dict):
            raise FaultRefusedError('the body must be a JSON object: {"path": ..., "fault": ..., "times": N}')
        unknown = sorted(str(key) for key in body if key not in FIELDS)
        if unknown:
            raise FaultRefusedError(
                f"unknown field(s) {', '.join(unknown)}: a fault has path, fault and times"
            )
        missing = [name for name in ("path", "fault") if name not in body]
        if missing:
            raise FaultRefusedError(f"{' and '.join(missing)} missing: a fault has path, fault and times")
        return self.arm(body["path"], body["fault"], body.get("times", 1))

    def take(self, path: str) -> Fault | None:
        """The first fault armed for `path`, one of its times used; None when none is."""
        if not self._armed:  # the usual case, without the lock
            return None
        with self._lock:
            for index, armed in enumerate(self._armed):
                if armed.path == path:
                    armed.times -= 1
                    if armed.times == 0:
                        del self._armed[index]
                    return armed.fault
        return None

    def as_json(self) -> list[dict[str, Any]]:
        with self._lock:
            return [armed.as_json() for armed in self._armed]

    def reset(self) -> None:
        with self._lock:
            self._armed.clear()


# What uvicorn logs at ERROR when an answer ends before its body; for a dropped answer it is the point.
_UNFINISHED: Final = "ASGI callable returned without completing response."


class _DroppedOnPurpose(logging.Filter):
    """Keeps uvicorn's ERROR line about an unfinished answer out of the log once for each answer dropped
    on purpose (the mock logs its own INFO line for it); any other unfinished answer is still logged."""

    def __init__(self) -> None:
        super().__init__()
        self.expected = 0
        self.lock = threading.Lock()

    def filter(self, record: logging.LogRecord) -> bool:
        if record.msg != _UNFINISHED:
            return True
        with self.lock:
            if self.expected == 0:
                return True
            self.expected -= 1
            return False


_DROPS: Final = _DroppedOnPurpose()
logging.getLogger("uvicorn.error").addFilter(_DROPS)


class DroppedAnswer(Response):
    """An answer that sends its status line and headers (a `Content-Length` of `length` bytes), never the
    body, and ends: the server closes the connection, and the client meets a connection that ended in the
    middle of the answer (httpx: `RemoteProtocolError`). Over `httpx.ASGITransport`, which checks no length,
    the client gets the headers and an empty body."""

    def __init__(self, length: int) -> None:
        super().__init__(status_code=200, media_type="application/json", headers={"Connection": "close"})
        self.headers["content-length"] = str(max(1, length))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        with _DROPS.lock:
            _DROPS.expected += 1
        await send({"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers})
