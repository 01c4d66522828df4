"""Delivering notifications: one attempt over HTTP and how its answer is read, and the queue that sends each
notification in a background task on the event loop that emitted it, retrying on a schedule.

An attempt fails on a connection error, a timeout, an HTTP status other than 200, an answer that is not JSON
`{"code": N}`, or a code other than 0; then the next one is due after the schedule's delay. The API waits
1, 2, 5, 10, 30 minutes between attempts, up to 100 attempts, 30 s each (`DOCUMENTED_SCHEDULE`); the mock's
default schedule is the same shape in seconds, so tests see retries at once. The API's answer never waits for
a delivery. First attempts go out one at a time per event loop, in the order the notifications were emitted
(so a receiver sees a Pay before the Refund of that payment); retries do not hold up later notifications.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
import time
import weakref
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Final

import httpx

from mock_server.webhooks.encoding import NotificationRequest
from mock_server.webhooks.payloads import Parameters
from mock_server.webhooks.records import Attempt, Delivery, DeliveryLog, DeliveryStatus
from mock_server.webhooks.settings import NotificationSettings, NotificationType

log = logging.getLogger("mock_server.notifications")

DEFAULT_DELAYS: Final = (0.2, 0.5, 1.0, 2.0, 5.0)
DEFAULT_MAX_ATTEMPTS: Final = 6
DEFAULT_TIMEOUT: Final = 5.0


@dataclass(frozen=True)
class RetrySchedule:
    """`delays[i]` seconds before attempt i + 2 (the last delay repeats), at most `max_attempts` attempts,
    each given `timeout` seconds."""

    delays: tuple[float, ...] = DEFAULT_DELAYS
    max_attempts: int = DEFAULT_MAX_ATTEMPTS
    timeout: float = DEFAULT_TIMEOUT

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        if self.timeout <= 0:
            raise ValueError("timeout must be positive")
        if any(delay < 0 for delay in self.delays):
            raise ValueError("delays cannot be negative")

    def delay_before(self, number: int) -> float:
        """Seconds to wait before attempt `number` (2 or more)."""
        if not self.delays:
            return 0.0
        return self.delays[min(number - 2, len(self.delays) - 1)]


# What the API does (facts §7), for reference and for a mock run that should behave the same.
DOCUMENTED_SCHEDULE: Final = RetrySchedule((60.0, 120.0, 300.0, 600.0, 1800.0), 100, 30.0)


@dataclass(frozen=True)
class AttemptResult:
    status_code: int | None
    answer_code: int | None
    error: str | None  # None: delivered

    @property
    def delivered(self) -> bool:
        return self.error is None


def read_answer_code(content: bytes) -> int | None:
    """`code` of a JSON answer `{"code": N}` (the key in any case); None when the answer is not that."""
    try:
        answer = json.loads(content)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(answer, dict):
        return None
    for key, value in answer.items():
        if isinstance(key, str) and key.lower() == "code" and type(value) is int:
            return value
    return None


async def send_attempt(
    client: httpx.AsyncClient, request: NotificationRequest, timeout: float, *, any_code: bool = False
) -> AttemptResult:
    """One attempt: the request, and its answer judged. With `any_code` (the Check), every readable code is
    an answer; otherwise only 0 is."""
    try:
        response = await client.request(
            request.method.value,
            request.url,
            content=request.body if request.body else None,
            headers=request.headers,
            timeout=timeout,
        )
    except httpx.TimeoutException:
        return AttemptResult(None, None, f"no answer within {timeout:g} s")
    except httpx.HTTPError as exc:
        return AttemptResult(None, None, f"connection failed ({type(exc).__name__})")
    code = read_answer_code(response.content)
    if response.status_code != 200:
        return AttemptResult(response.status_code, code, f"HTTP {response.status_code}")
    if code is None:
        return AttemptResult(200, None, 'the answer is not JSON {"code": N}')
    if code != 0 and not any_code:
        return AttemptResult(200, code, f"answered code {code}")
    return AttemptResult(200, code, None)


class DeliveryQueue:
    """Sends notifications in background tasks and records every attempt in `log`.

    `transport` (an httpx transport, e.g. `httpx.MockTransport`) replaces the network for tests.
    """

    def __init__(
        self,
        log: DeliveryLog,
        schedule: RetrySchedule | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.log = log
        self.schedule = schedule or RetrySchedule()
        self.transport = transport
        self._tasks: dict[asyncio.Task[None], asyncio.AbstractEventLoop] = {}
        self._tasks_lock = threading.Lock()
        self._first_attempts: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            weakref.WeakKeyDictionary()
        )
        self._own_loop: asyncio.AbstractEventLoop | None = None

    # ---------- sending ----------

    def submit(self, request: NotificationRequest, subject: str, parameters: Parameters) -> Delivery:
        """Record the notification and deliver it in the background; returns at once.

        On the running event loop when there is one (the API's routes); else on a loop of the queue's own
        thread (an operation called from plain Python code).
        """
        method, attempts = request.method.value, self.schedule.max_attempts
        delivery = self.log.add(request.type, method, request.address, subject, parameters, attempts)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            asyncio.run_coroutine_threadsafe(self._deliver(delivery, request), self._background_loop())
        else:
            task = loop.create_task(self._deliver(delivery, request))
            with self._tasks_lock:  # also keeps the task from being collected before it runs
                self._tasks[task] = loop
        return delivery

    def not_emulated(
        self, kind: NotificationType, settings: NotificationSettings, subject: str, parameters: Parameters
    ) -> Delivery:
        """A notification the mock does not send: its settings ask for a format it does not write."""
        note = f"Format {settings.format.value} is not emulated; only CloudPayments is"
        log.info("%s notification (%s) to %s not sent: %s", kind.value, subject, settings.address, note)
        return self.log.add(
            kind,
            settings.http_method.value,
            settings.address or "",
            subject,
            parameters,
            0,
            status=DeliveryStatus.NOT_EMULATED,
            note=note,
        )

    async def send_once(
        self, request: NotificationRequest, subject: str, parameters: Parameters, timeout: float
    ) -> tuple[Delivery, AttemptResult]:
        """One attempt, awaited and recorded (the Check: its answer is needed now, and never retried)."""
        delivery = self.log.add(request.type, request.method.value, request.address, subject, parameters, 1)
        async with httpx.AsyncClient(transport=self.transport) as client:
            result = await self._attempt(client, delivery, request, 1, timeout, last=True, any_code=True)
        return delivery, result

    async def _deliver(self, delivery: Delivery, request: NotificationRequest) -> None:
        task = asyncio.current_task()
        loop = asyncio.get_running_loop()
        if task is not None:
            with self._tasks_lock:
                self._tasks[task] = loop
        try:
            schedule = self.schedule
            async with httpx.AsyncClient(transport=self.transport) as client:
                for number in range(1, schedule.max_attempts + 1):
                    if not self.log.current(delivery):
                        return  # reset since
                    last = number == schedule.max_attempts
                    timeout = schedule.timeout
                    if number == 1:
                        async with self._first_attempt_lock(loop):
                            result = await self._attempt(client, delivery, request, 1, timeout, last)
                    else:
                        result = await self._attempt(client, delivery, request, number, timeout, last)
                    if result.delivered or last:
                        return
                    await asyncio.sleep(schedule.delay_before(number + 1))
        finally:
            if task is not None:
                with self._tasks_lock:
                    self._tasks.pop(task, None)

    async def _attempt(
        self,
        client: httpx.AsyncClient,
        delivery: Delivery,
        request: NotificationRequest,
        number: int,
        timeout: float,
        last: bool,
        any_code: bool = False,
    ) -> AttemptResult:
        started_at = datetime.now(UTC)
        started = time.monotonic()
        result = await send_attempt(client, request, timeout, any_code=any_code)
        duration = time.monotonic() - started
        attempt = Attempt(number, started_at, duration, result.status_code, result.answer_code, result.error)
        next_at: datetime | None = None
        if result.delivered:
            status = DeliveryStatus.DELIVERED
        elif last:
            status = DeliveryStatus.FAILED
        else:
            status = DeliveryStatus.RETRYING
            next_at = datetime.now(UTC) + timedelta(seconds=self.schedule.delay_before(number + 1))
        if self.log.current(delivery):
            self.log.record(delivery, attempt, status, next_at)
        log.info(
            "%s notification #%d (%s) attempt %d/%d %s %s: %s -> %s",
            request.type.value,
            delivery.id,
            delivery.subject,
            number,
            delivery.max_attempts,
            request.method.value,
            request.address,
            result.error or f"HTTP {result.status_code} code {result.answer_code}",
            status.value,
        )
        if log.isEnabledFor(logging.DEBUG):
            log.debug("%s notification #%d parameters: %s", request.type.value, delivery.id, request.text())
        return result

    def _first_attempt_lock(self, loop: asyncio.AbstractEventLoop) -> asyncio.Lock:
        with self._tasks_lock:
            lock = self._first_attempts.get(loop)
            if lock is None:
                lock = self._first_attempts[loop] = asyncio.Lock()
            return lock

    def _background_loop(self) -> asyncio.AbstractEventLoop:
        with self._tasks_lock:
            if self._own_loop is None or self._own_loop.is_closed():
                loop = asyncio.new_event_loop()
                threading.Thread(target=loop.run_forever, name="mock-notifications", daemon=True).start()
                self._own_loop = loop
            return self._own_loop

    # ---------- stopping ----------

    def cancel(self) -> None:
        """Stop every delivery still under way (their records stay as they are)."""
        with self._tasks_lock:
            tasks = list(self._tasks.items())
        for task, loop in tasks:
            if loop.is_closed():
                continue
            try:
                running = asyncio.get_running_loop()
            except RuntimeError:
                running = None
            if running is loop:
                task.cancel()
            else:
                loop.call_soon_threadsafe(task.cancel)

    def reset(self) -> None:
        """Stop every delivery under way and forget them all."""
        self.cancel()
        self.log.reset()
