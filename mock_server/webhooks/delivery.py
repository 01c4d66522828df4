"""Delivering notifications: one attempt over HTTP and how its answer is read, and the queue that sends each
notification in a background task on the event loop that emitted it, retrying on a schedule.

An attempt fails on a connection error, no whole answer within the timeout, an HTTP status other than 200,
an answer that is not JSON `{"code": N}` (or longer than `answer_bytes`), or a code other than 0; then the
next one is due after the schedule's delay. The API waits 1, 2, 5, 10, 30 minutes between attempts, up to
100 attempts, 30 s each (`DOCUMENTED_SCHEDULE`); the mock's default schedule is the same shape in seconds,
so tests see retries at once. The API's answer never waits for a delivery.

Safe against a hostile or broken receiver and a long session (`DeliveryLimits`):
- the timeout is one deadline for the whole exchange (connect, send, headers, body), so an answer that
  trickles in a byte at a time fails like no answer; at most `answer_bytes` of an answer are read;
- one pooled `httpx.AsyncClient` per event loop (a client is bound to its loop), closed when the loop shuts
  down (asyncio.run and uvicorn close the loop's async generators) or by `aclose()`; kept across a reset;
- deliveries run concurrently: at most `max_in_flight` attempts at once per event loop, and at most
  `per_address` to one address (scheme, host and port), so a receiver that never answers holds back only
  its own notifications;
- first attempts to one address go out one at a time in the order the notifications were emitted (on one
  event loop), so a receiver sees a payment's Pay before its Refund; retries do not hold up later ones;
- at most `max_pending` deliveries wait or retry at once; one more is not sent: it is logged (WARNING) and
  recorded `dropped` with a note.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import threading
import time
import zlib
from collections.abc import AsyncGenerator, AsyncIterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.cookiejar import Cookie, CookieJar
from typing import Any, Final
from urllib.parse import urlsplit

import httpx

from mock_server.webhooks.encoding import NotificationRequest
from mock_server.webhooks.payloads import Parameters
from mock_server.webhooks.records import DEFAULT_KEPT, Attempt, Delivery, DeliveryLog, DeliveryStatus
from mock_server.webhooks.settings import NotificationSettings, NotificationType

log = logging.getLogger("mock_server.notifications")

DEFAULT_DELAYS: Final = (0.2, 0.5, 1.0, 2.0, 5.0)
DEFAULT_MAX_ATTEMPTS: Final = 6
DEFAULT_TIMEOUT: Final = 5.0
DEFAULT_MAX_PENDING: Final = 10_000
DEFAULT_MAX_IN_FLIGHT: Final = 64
DEFAULT_PER_ADDRESS: Final = 4
# `{"code":0}` is 10 bytes; a few KiB leave room for whitespace and extra keys.
DEFAULT_ANSWER_BYTES: Final = 4096


def _finite_positive(name: str, value: float) -> None:
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"{name} must be a finite number of seconds above 0, not {value!r}")


@dataclass(frozen=True)
class RetrySchedule:
    """`delays[i]` seconds before attempt i + 2 (the last delay repeats), at most `max_attempts` attempts,
    each given `timeout` seconds for the whole exchange."""

    delays: tuple[float, ...] = DEFAULT_DELAYS
    max_attempts: int = DEFAULT_MAX_ATTEMPTS
    timeout: float = DEFAULT_TIMEOUT

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError(f"max_attempts must be at least 1, not {self.max_attempts}")
        _finite_positive("timeout", self.timeout)
        for delay in self.delays:
            if not math.isfinite(delay) or delay < 0:
                raise ValueError(f"delays must be finite numbers of seconds, 0 or more, not {delay!r}")

    def delay_before(self, number: int) -> float:
        """Seconds to wait before attempt `number` (2 or more)."""
        if not self.delays:
            return 0.0
        return self.delays[min(number - 2, len(self.delays) - 1)]


# What the API does (facts §7), for reference and for a mock run that should behave the same.
DOCUMENTED_SCHEDULE: Final = RetrySchedule((60.0, 120.0, 300.0, 600.0, 1800.0), 100, 30.0)


@dataclass(frozen=True)
class DeliveryLimits:
    """Bounds of the queue: deliveries waiting or retrying at once (`max_pending`), attempts at once per
    event loop (`max_in_flight`) and to one address (`per_address`), bytes of an answer read
    (`answer_bytes`), deliveries the log keeps (`kept`)."""

    max_pending: int = DEFAULT_MAX_PENDING
    max_in_flight: int = DEFAULT_MAX_IN_FLIGHT
    per_address: int = DEFAULT_PER_ADDRESS
    answer_bytes: int = DEFAULT_ANSWER_BYTES
    kept: int = DEFAULT_KEPT

    def __post_init__(self) -> None:
        for name in ("max_pending", "max_in_flight", "per_address", "answer_bytes", "kept"):
            value = getattr(self, name)
            if type(value) is not int or value < 1:
                raise ValueError(f"{name} must be a whole number, at least 1, not {value!r}")


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
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    if not isinstance(answer, dict):
        return None
    for key, value in answer.items():
        if isinstance(key, str) and key.lower() == "code" and type(value) is int:
            return value
    return None


async def read_capped(chunks: AsyncIterator[bytes], limit: int) -> tuple[bytes, bool]:
    """At most `limit` bytes of `chunks`, and whether that was all of it; stops pulling past the limit."""
    buffer = bytearray()
    async for chunk in chunks:
        buffer += chunk[: limit + 1 - len(buffer)]
        if len(buffer) > limit:
            return bytes(buffer[:limit]), False
    return bytes(buffer), True


async def _once(content: bytes) -> AsyncIterator[bytes]:
    yield content


def decoded(raw: bytes, content_encoding: str, limit: int) -> tuple[bytes, bool] | None:
    """The answer's bytes once its Content-Encoding is undone, at most `limit` of them, and whether that
    was all; None for an encoding the mock does not read. The mock asks for none (`identity`): a receiver
    that compresses anyway gets gzip and deflate read, and never more than the limit inflated."""
    encoding = content_encoding.strip().lower()
    if encoding in ("", "identity"):
        return raw, True
    if encoding not in ("gzip", "x-gzip", "deflate"):
        return None
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 32)  # gzip or zlib header, told apart by zlib
    try:
        content = inflater.decompress(raw, limit + 1)
    except zlib.error:
        return None
    if len(content) > limit:
        return content[:limit], False
    return (content, True) if inflater.eof else None  # a compressed answer cut short: unreadable


async def send_attempt(
    client: httpx.AsyncClient,
    request: NotificationRequest,
    timeout: float,
    *,
    any_code: bool = False,
    answer_bytes: int = DEFAULT_ANSWER_BYTES,
) -> AttemptResult:
    """One attempt: the request, and its answer judged. `timeout` bounds the whole exchange; at most
    `answer_bytes` of the answer are read. With `any_code` (the Check), every readable code is an answer;
    otherwise only 0 is."""
    try:
        async with asyncio.timeout(timeout):
            async with client.stream(
                request.method.value,
                request.url,
                content=request.body if request.body else None,
                headers={**request.headers, "Accept-Encoding": "identity"},
                timeout=timeout,
            ) as response:
                status = response.status_code
                if response.is_stream_consumed:  # an in-process transport's answer, read and decoded already
                    raw, whole = await read_capped(_once(response.content), answer_bytes)
                    content_encoding = ""
                else:
                    raw, whole = await read_capped(response.aiter_raw(), answer_bytes)
                    content_encoding = response.headers.get("content-encoding", "")
    except (TimeoutError, httpx.TimeoutException):
        return AttemptResult(None, None, f"no answer within {timeout:g} s")
    except httpx.HTTPError as exc:
        return AttemptResult(None, None, f"connection failed ({type(exc).__name__})")
    except httpx.InvalidURL:
        return AttemptResult(None, None, "not a valid address")
    body: bytes | None = None  # the whole answer, decoded; None when unreadable
    if whole:
        inflated = decoded(raw, content_encoding, answer_bytes)
        if inflated is not None:
            body, whole = inflated
    code = read_answer_code(body) if body is not None and whole else None
    if status != 200:
        return AttemptResult(status, code, f"HTTP {status}")
    if not whole:
        return AttemptResult(200, None, f"answer too large (more than {answer_bytes} bytes)")
    if code is None:
        return AttemptResult(200, None, 'the answer is not JSON {"code": N}')
    if code != 0 and not any_code:
        return AttemptResult(200, code, f"answered code {code}")
    return AttemptResult(200, code, None)


def address_of(url: str) -> str:
    """What the per-address limits and order are kept for: scheme, host and port."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    return f"{parts.scheme}://{parts.netloc}".lower()


class _NoCookies(CookieJar):
    """A shared client must not keep what receivers set: it would grow without end and follow later
    notifications (a fresh client per delivery never sent any)."""

    def set_cookie(self, cookie: Cookie) -> None:
        pass

    def extract_cookies(self, response: Any, request: Any) -> None:
        pass


@dataclass
class _Lane:
    """One address on one event loop: its first attempts in order, its attempts at once."""

    first: asyncio.Lock
    slots: asyncio.Semaphore
    users: int = 0


@dataclass
class _LoopState:
    """What the queue holds per event loop: the pooled client, the cap of attempts, the lanes."""

    client: httpx.AsyncClient
    slots: asyncio.Semaphore
    lanes: dict[str, _Lane] = field(default_factory=dict)
    closer: AsyncGenerator[None, None] | None = None


class DeliveryQueue:
    """Sends notifications in background tasks and records every attempt in `log`.

    `transport` (an httpx transport, e.g. `httpx.MockTransport`) replaces the network for tests.
    """

    def __init__(
        self,
        log: DeliveryLog,
        schedule: RetrySchedule | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        limits: DeliveryLimits | None = None,
    ) -> None:
        self.log = log
        self.schedule = schedule or RetrySchedule()
        self.transport = transport
        self.limits = limits or DeliveryLimits()
        self.dropped = 0  # since the last reset
        self._tasks: dict[asyncio.Task[None], asyncio.AbstractEventLoop] = {}
        self._lock = threading.Lock()
        self._pending = 0
        self._states: dict[asyncio.AbstractEventLoop, _LoopState] = {}
        self._own_loop: asyncio.AbstractEventLoop | None = None
        self._own_thread: threading.Thread | None = None

    @property
    def pending(self) -> int:
        """Deliveries submitted and not finished (waiting, under way or retrying)."""
        with self._lock:
            return self._pending

    # ---------- sending ----------

    def submit(self, request: NotificationRequest, subject: str, parameters: Parameters) -> Delivery:
        """Record the notification and deliver it in the background; returns at once.

        On the running event loop when there is one (the API's routes); else on a loop of the queue's own
        thread (an operation called from plain Python code). Over `max_pending`, recorded as dropped.
        """
        method, attempts = request.method.value, self.schedule.max_attempts
        with self._lock:
            full = self._pending >= self.limits.max_pending
            if full:
                self.dropped += 1
            else:
                self._pending += 1
        if full:
            return self._drop(request, subject, parameters)
        delivery = self.log.add(request.type, method, request.address, subject, parameters, attempts)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            own = self._background_loop()
            future = asyncio.run_coroutine_threadsafe(self._deliver(delivery, request), own)
            future.add_done_callback(self._finished)
        else:
            task = loop.create_task(self._deliver(delivery, request))
            task.add_done_callback(self._finished)
            with self._lock:  # also keeps the task from being collected before it runs
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
        """One attempt, awaited and recorded (the Check: its answer is needed now, and never retried). Not
        held by the deliveries' caps: a payment waits on it, and the API's requests bound how many run."""
        delivery = self.log.add(request.type, request.method.value, request.address, subject, parameters, 1)
        state = await self._loop_state()
        result = await self._attempt(state.client, delivery, request, 1, timeout, last=True, any_code=True)
        return delivery, result

    async def _deliver(self, delivery: Delivery, request: NotificationRequest) -> None:
        task = asyncio.current_task()
        loop = asyncio.get_running_loop()
        if task is not None:
            with self._lock:
                self._tasks[task] = loop
        state = await self._loop_state()
        address = address_of(request.url)
        lane = self._enter_lane(state, address)
        try:
            schedule = self.schedule
            for number in range(1, schedule.max_attempts + 1):
                if not self.log.current(delivery):
                    return  # reset since
                last = number == schedule.max_attempts
                if number == 1:
                    async with lane.first:
                        result = await self._limited(state, lane, delivery, request, number, last)
                else:
                    result = await self._limited(state, lane, delivery, request, number, last)
                if result.delivered or last:
                    return
                await asyncio.sleep(schedule.delay_before(number + 1))
        except Exception:  # a bug must not leave the delivery pending for ever
            log.exception("%s notification #%d failed inside the mock", request.type.value, delivery.id)
            failure = Attempt(len(delivery.attempts) + 1, datetime.now(UTC), 0.0, None, None, "mock error")
            self.log.record(delivery, failure, DeliveryStatus.FAILED)
        finally:
            self._leave_lane(state, address, lane)
            if task is not None:
                with self._lock:
                    self._tasks.pop(task, None)

    async def _limited(
        self,
        state: _LoopState,
        lane: _Lane,
        delivery: Delivery,
        request: NotificationRequest,
        number: int,
        last: bool,
    ) -> AttemptResult:
        async with lane.slots, state.slots:
            return await self._attempt(state.client, delivery, request, number, self.schedule.timeout, last)

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
        result = await send_attempt(
            client, request, timeout, any_code=any_code, answer_bytes=self.limits.answer_bytes
        )
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

    def _drop(self, request: NotificationRequest, subject: str, parameters: Parameters) -> Delivery:
        cap = self.limits.max_pending
        note = f"Not sent: the queue already holds {cap} pending deliveries (its cap)"
        log.warning(
            "%s notification (%s) to %s dropped: %d deliveries pending, the cap",
            request.type.value,
            subject,
            request.address,
            cap,
        )
        return self.log.add(
            request.type,
            request.method.value,
            request.address,
            subject,
            parameters,
            self.schedule.max_attempts,
            status=DeliveryStatus.DROPPED,
            note=note,
        )

    def _finished(self, _: asyncio.Future[None] | Future[None]) -> None:
        # A done callback: runs even for a task cancelled before it started.
        with self._lock:
            self._pending -= 1

    # ---------- per event loop ----------

    async def _loop_state(self) -> _LoopState:
        loop = asyncio.get_running_loop()
        with self._lock:
            state = self._states.get(loop)
            if state is not None:
                return state
            for closed in [other for other in self._states if other.is_closed()]:
                del self._states[closed]
            state = _LoopState(self._new_client(), asyncio.Semaphore(self.limits.max_in_flight))
            self._states[loop] = state
        # The loop closes its async generators when it shuts down: this one closes the client then.
        state.closer = self._close_at_shutdown(loop, state)
        await anext(state.closer)
        return state

    def _new_client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            transport=self.transport,
            # Every connection serves one attempt, which the caps bound (the Check: the API's requests).
            limits=httpx.Limits(max_connections=None, max_keepalive_connections=20),
            headers={"Accept-Encoding": "identity"},
            cookies=_NoCookies(),
        )

    async def _close_at_shutdown(
        self, loop: asyncio.AbstractEventLoop, state: _LoopState
    ) -> AsyncGenerator[None, None]:
        try:
            yield
        finally:
            with self._lock:
                if self._states.get(loop) is state:
                    del self._states[loop]
            await state.client.aclose()

    def _enter_lane(self, state: _LoopState, address: str) -> _Lane:
        lane = state.lanes.get(address)
        if lane is None:
            lane = state.lanes[address] = _Lane(asyncio.Lock(), asyncio.Semaphore(self.limits.per_address))
        lane.users += 1
        return lane

    @staticmethod
    def _leave_lane(state: _LoopState, address: str, lane: _Lane) -> None:
        lane.users -= 1
        if lane.users == 0 and state.lanes.get(address) is lane:
            del state.lanes[address]  # an address no longer used costs nothing

    def _background_loop(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._own_loop is None or self._own_loop.is_closed():
                loop = asyncio.new_event_loop()
                self._own_thread = threading.Thread(
                    target=_run_until_stopped, args=(loop,), name="mock-notifications", daemon=True
                )
                self._own_thread.start()
                self._own_loop = loop
            return self._own_loop

    # ---------- stopping ----------

    def cancel(self) -> None:
        """Stop every delivery still under way (their records stay as they are)."""
        with self._lock:
            tasks = list(self._tasks.items())
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        for task, loop in tasks:
            if loop.is_closed():
                continue
            if running is loop:
                task.cancel()
            else:
                loop.call_soon_threadsafe(task.cancel)

    def reset(self) -> None:
        """Stop every delivery under way and forget them all. The pooled clients stay (idle connections
        expire after a few seconds)."""
        self.cancel()
        self.log.reset()
        with self._lock:
            self.dropped = 0

    async def aclose(self) -> None:
        """Stop every delivery, close the running loop's client, and stop the queue's own thread (its
        client with it). Another loop's client closes when that loop shuts down."""
        self.cancel()
        loop = asyncio.get_running_loop()
        with self._lock:
            state = self._states.get(loop)
            own, self._own_loop = self._own_loop, None
            thread, self._own_thread = self._own_thread, None
        if state is not None and state.closer is not None:
            await state.closer.aclose()
        if own is not None and not own.is_closed():
            own.call_soon_threadsafe(own.stop)
        if thread is not None:
            await asyncio.to_thread(thread.join, 10)


def _run_until_stopped(loop: asyncio.AbstractEventLoop) -> None:
    """The queue's own thread: its loop until stopped, then what is left cancelled and the loop closed
    (its async generators first: the pooled client closes then)."""
    asyncio.set_event_loop(loop)
    try:
        loop.run_forever()
    finally:
        left = asyncio.all_tasks(loop)
        for task in left:
            task.cancel()
        loop.run_until_complete(asyncio.gather(*left, return_exceptions=True))
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()
