"""What the mock sent: each delivery of a notification and its attempts, kept for tests and for
`GET /__mock__/notifications`. Thread-safe: deliveries run on whichever event loop emitted them.

The log keeps the newest `max_deliveries` (DEFAULT_KEPT); older ones are evicted and counted (`evicted`), so a
long session does not grow it without end. Whether everything is settled is counted apart from what is
kept: a delivery still under way after its record was evicted still counts as unsettled.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Final

from mock_server.webhooks.payloads import Parameters
from mock_server.webhooks.settings import NotificationType


class DeliveryStatus(StrEnum):
    PENDING = "pending"  # the first attempt is not made yet
    RETRYING = "retrying"  # an attempt failed; another one is due
    DELIVERED = "delivered"  # answered HTTP 200 {"code": 0}
    FAILED = "failed"  # every attempt failed (a Check: its one attempt)
    NOT_EMULATED = "not_emulated"  # the settings ask for a format the mock does not write (QIWI, RT)
    DROPPED = "dropped"  # never sent: the queue already held its cap of pending deliveries


FINAL_STATUSES = frozenset(
    {DeliveryStatus.DELIVERED, DeliveryStatus.FAILED, DeliveryStatus.NOT_EMULATED, DeliveryStatus.DROPPED}
)

# Deliveries the log keeps (the newest); about 2 KiB each.
DEFAULT_KEPT: Final = 10_000


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat(timespec="milliseconds")


@dataclass(frozen=True, slots=True)
class Attempt:
    """One attempt to deliver a notification (frozen: a record shares it with what tests read)."""

    number: int  # 1 for the first
    at: datetime
    duration: float  # seconds
    status_code: int | None  # None when no answer came
    answer_code: int | None  # `code` of the answer; None when unreadable or none
    error: str | None  # why the attempt failed; None when delivered

    @property
    def delivered(self) -> bool:
        return self.error is None

    def as_json(self) -> dict[str, Any]:
        return {
            "Number": self.number,
            "At": _iso(self.at),
            "DurationMs": round(self.duration * 1000, 1),
            "StatusCode": self.status_code,
            "AnswerCode": self.answer_code,
            "Error": self.error,
        }


def pack(parameters: Parameters) -> str:
    """The parameters as one JSON text: about a fifth of the memory of a list of pairs of strings."""
    return _PACK.encode([item for pair in parameters for item in pair])


def unpack(packed: str) -> Parameters:
    items = json.loads(packed)
    return list(zip(items[::2], items[1::2], strict=True))


_PACK: Final = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


@dataclass(slots=True)
class Delivery:
    id: int
    type: NotificationType
    method: str
    address: str
    subject: str  # what it is about: "transaction 2210000001", "subscription sc_..."
    packed: str  # the parameters (`pack`): a log keeps thousands
    max_attempts: int
    created: datetime
    generation: int
    status: DeliveryStatus = DeliveryStatus.PENDING
    attempts: list[Attempt] = field(default_factory=list)
    next_attempt_at: datetime | None = None
    note: str | None = None

    @property
    def parameters(self) -> Parameters:
        """The parameters as sent, in order (a fresh list each time)."""
        return unpack(self.packed)

    @property
    def values(self) -> dict[str, str]:
        return dict(self.parameters)

    def as_json(self) -> dict[str, Any]:
        return {
            "Id": self.id,
            "Type": self.type.value,
            "Method": self.method,
            "Address": self.address,
            "Subject": self.subject,
            "Status": self.status.value,
            "Created": _iso(self.created),
            "MaxAttempts": self.max_attempts,
            "NextAttemptAt": _iso(self.next_attempt_at),
            "Note": self.note,
            "Parameters": dict(self.parameters),
            "Attempts": [attempt.as_json() for attempt in self.attempts],
        }


# What tests read of an attempt: the attempt itself (frozen).
SentAttempt = Attempt


@dataclass(frozen=True, slots=True)
class SentNotification:
    """A notification the mock sent (or kept back), frozen when read: what a test asserts on.

    `type` is the notification's kind (`NotificationType.PAY`...), `parameters` what was sent, in order, and
    `values` the same as a dict; `status` says where its delivery stands (`DeliveryStatus`), `attempts` each
    try. `record["Type"]` and the other keys of `GET /__mock__/notifications` still read the JSON form.
    """

    id: int
    type: NotificationType
    method: str
    address: str
    subject: str  # what it is about: "transaction 2210000001", "subscription sc_..."
    status: DeliveryStatus
    created: datetime
    max_attempts: int
    next_attempt_at: datetime | None
    note: str | None
    parameters: tuple[tuple[str, str], ...]
    attempts: tuple[Attempt, ...]

    @property
    def values(self) -> dict[str, str]:
        return dict(self.parameters)

    @property
    def delivered(self) -> bool:
        return self.status is DeliveryStatus.DELIVERED

    def as_json(self) -> dict[str, Any]:
        return {
            "Id": self.id,
            "Type": self.type.value,
            "Method": self.method,
            "Address": self.address,
            "Subject": self.subject,
            "Status": self.status.value,
            "Created": _iso(self.created),
            "MaxAttempts": self.max_attempts,
            "NextAttemptAt": _iso(self.next_attempt_at),
            "Note": self.note,
            "Parameters": self.values,
            "Attempts": [attempt.as_json() for attempt in self.attempts],
        }

    def __getitem__(self, key: str) -> Any:
        return self.as_json()[key]


def _sent(delivery: Delivery) -> SentNotification:
    return SentNotification(
        id=delivery.id,
        type=delivery.type,
        method=delivery.method,
        address=delivery.address,
        subject=delivery.subject,
        status=delivery.status,
        created=delivery.created,
        max_attempts=delivery.max_attempts,
        next_attempt_at=delivery.next_attempt_at,
        note=delivery.note,
        parameters=tuple(delivery.parameters),
        attempts=tuple(delivery.attempts),
    )


class DeliveryLog:
    """The newest `max_deliveries` deliveries since the last reset, in the order they were emitted."""

    def __init__(self, max_deliveries: int = DEFAULT_KEPT) -> None:
        if max_deliveries < 1:
            raise ValueError(f"max_deliveries must be at least 1, not {max_deliveries}")
        self.max_deliveries = max_deliveries
        self._changed = threading.Condition(threading.RLock())
        self._deliveries: deque[Delivery] = deque()
        self._next_id = 1
        self._unsettled = 0  # of this generation, kept or evicted
        self.evicted = 0  # since the last reset
        self.generation = 0  # bumped by reset: a delivery of an older generation stops

    def add(
        self,
        kind: NotificationType,
        method: str,
        address: str,
        subject: str,
        parameters: Parameters,
        max_attempts: int,
        *,
        status: DeliveryStatus = DeliveryStatus.PENDING,
        note: str | None = None,
    ) -> Delivery:
        with self._changed:
            delivery = Delivery(
                id=self._next_id,
                type=kind,
                method=method,
                address=address,
                subject=subject,
                packed=pack(parameters),
                max_attempts=max_attempts,
                created=datetime.now(UTC),
                generation=self.generation,
                status=status,
                note=note,
            )
            self._next_id += 1
            self._deliveries.append(delivery)
            if len(self._deliveries) > self.max_deliveries:
                self._deliveries.popleft()
                self.evicted += 1
            if status not in FINAL_STATUSES:
                self._unsettled += 1
            self._changed.notify_all()
            return delivery

    def record(
        self, delivery: Delivery, attempt: Attempt, status: DeliveryStatus, next_at: datetime | None = None
    ) -> None:
        """An attempt and the status it leaves; ignored for a delivery emitted before the last reset."""
        with self._changed:
            if delivery.generation != self.generation:
                return
            was_final = delivery.status in FINAL_STATUSES
            delivery.attempts.append(attempt)
            delivery.status = status
            delivery.next_attempt_at = next_at
            self._unsettled += int(was_final) - int(status in FINAL_STATUSES)
            self._changed.notify_all()

    def current(self, delivery: Delivery) -> bool:
        """The delivery was emitted since the last reset."""
        return delivery.generation == self.generation

    def deliveries(self, kind: NotificationType | None = None) -> list[Delivery]:
        with self._changed:
            return [d for d in self._deliveries if kind is None or d.type is kind]

    def as_json(self) -> list[dict[str, Any]]:
        with self._changed:
            return [delivery.as_json() for delivery in self._deliveries]

    def sent(self) -> list[SentNotification]:
        """The deliveries kept, each frozen as it stands now, in the order they were emitted."""
        with self._changed:
            return [_sent(delivery) for delivery in self._deliveries]

    def reset(self) -> None:
        with self._changed:
            self._deliveries = deque()
            self._next_id = 1
            self._unsettled = 0
            self.evicted = 0
            self.generation += 1
            self._changed.notify_all()

    def settled(self) -> bool:
        """No delivery waits for an attempt (evicted ones included)."""
        with self._changed:
            return self._unsettled == 0

    def wait_settled(self, timeout: float) -> bool:
        """Blocks (another thread's loop delivers) until no delivery waits; False on timeout."""
        with self._changed:
            return self._changed.wait_for(self._settled_locked, timeout)

    def wait_for(self, predicate: Callable[[list[Delivery]], bool], timeout: float) -> bool:
        """Blocks until `predicate(deliveries)` holds; False on timeout."""
        with self._changed:
            return self._changed.wait_for(lambda: predicate(list(self._deliveries)), timeout)

    async def until_settled(self, timeout: float) -> bool:
        """For a coroutine on the loop that delivers: polls without blocking it; False on timeout."""
        deadline = time.monotonic() + timeout
        while not self.settled():
            if time.monotonic() > deadline:
                return False
            await asyncio.sleep(0.01)
        return True

    def _settled_locked(self) -> bool:
        return self._unsettled == 0
