"""Notification delivery against hostile or broken receivers and long sessions: one deadline for the whole
exchange (a Check or a receiver that trickles its answer), a bounded read of the answer, one pooled client
per event loop, a bounded queue and log (what is dropped is logged and recorded), attempts at once bounded
globally and per address, and a receiver that never answers holding back only its own notifications.

Real sockets (raw asyncio servers on 127.0.0.1) where the behaviour needs them; timeouts are small, and no
test asserts a duration. Names added by this work are imported inside the tests that use them."""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any, Final

import httpx
import pytest

from contract_tests.mock.helpers import AUTH, BASE_URL, pay
from contract_tests.support.cards import approving_card
from mock_server import create_app
from mock_server.webhooks.delivery import DeliveryQueue, RetrySchedule
from mock_server.webhooks.encoding import NotificationRequest, build_request
from mock_server.webhooks.records import Delivery, DeliveryLog, DeliveryStatus
from mock_server.webhooks.settings import HttpMethod, NotificationSettings, NotificationType
from spec_tools import default_spec_path

SECRET: Final = "delivery_limits_secret"
LOCAL: Final = "127.0.0.1"
ONCE: Final = RetrySchedule(delays=(0.0,), max_attempts=1, timeout=0.5)
OK_ANSWER: Final = (
    b'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n{"code":0}'
)
HUGE: Final = 64 * 1024 * 1024

Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


@asynccontextmanager
async def raw_server(handle: Handler) -> AsyncIterator[str]:
    """`handle` for every connection to a fresh 127.0.0.1 port; yields `http://127.0.0.1:PORT`."""
    connections: set[asyncio.Task[None]] = set()

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        connections.add(task)
        try:
            await handle(reader, writer)
        except (ConnectionError, asyncio.IncompleteReadError):
            pass  # the client went away: what a cut exchange looks like from here
        finally:
            connections.discard(task)
            writer.close()

    server = await asyncio.start_server(serve, LOCAL, 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://{LOCAL}:{port}"
    finally:
        server.close()
        for task in list(connections):
            task.cancel()
        await asyncio.gather(*connections, return_exceptions=True)
        await server.wait_closed()


async def read_request(reader: asyncio.StreamReader) -> bytes:
    """One HTTP/1.1 request (headers and a Content-Length body); its body."""
    head = await reader.readuntil(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    return await reader.readexactly(length)


async def answers_ok(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    while True:  # keep-alive: one answer per request
        await read_request(reader)
        writer.write(OK_ANSWER)
        await writer.drain()


def trickling(what: str, gap: float = 0.2) -> Handler:
    """Answers `{"code":0}` one byte every `gap` seconds: only the body, or the whole answer from its
    status line. Each byte comes well within a per-read timeout; the whole takes seconds."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        head, _, body = OK_ANSWER.partition(b"\r\n\r\n")
        if what == "body":
            writer.write(head + b"\r\n\r\n")
            slow = body
        else:
            slow = OK_ANSWER
        for byte in slow:
            writer.write(bytes([byte]))
            await writer.drain()
            await asyncio.sleep(gap)

    return handle


class Huge:
    """Announces an answer of HUGE bytes and writes it until the client hangs up; `sent` counts what the
    kernel took (a small send buffer, so that is close to what the client received)."""

    def __init__(self) -> None:
        self.sent = 0
        self.hung_up = asyncio.Event()

    async def __call__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        sock = writer.get_extra_info("socket")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 16 * 1024)
        await read_request(reader)
        writer.write(f"HTTP/1.1 200 OK\r\nContent-Length: {HUGE}\r\n\r\n".encode())
        chunk = b"7" * 65536
        written = 0
        try:
            while written < HUGE:
                writer.write(chunk)
                written += len(chunk)
                await writer.drain()
        except ConnectionError:
            self.hung_up.set()
        finally:
            self.sent = written - writer.transport.get_write_buffer_size()
            if written < HUGE:
                self.hung_up.set()


async def never_answers(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    await read_request(reader)
    await asyncio.Event().wait()  # until the test ends


def pay_request(address: str, transaction_id: int = 1, kind: NotificationType = NotificationType.PAY) -> Any:
    parameters = [("TransactionId", str(transaction_id)), ("Amount", "10.00")]
    settings = NotificationSettings(True, address, HttpMethod.POST)
    request: NotificationRequest = build_request(kind, parameters, settings, SECRET)
    return request, f"transaction {transaction_id}", parameters


async def until(predicate: Callable[[], bool], timeout: float = 10.0) -> bool:
    for _ in range(int(timeout / 0.01)):
        if predicate():
            return True
        await asyncio.sleep(0.01)
    return predicate()


async def close(queue: DeliveryQueue) -> None:
    queue.cancel()
    await asyncio.sleep(0)
    closing = getattr(queue, "aclose", None)  # the pooled client; the old queue had none
    if closing is not None:
        await closing()


# ---------- one deadline for the whole exchange ----------


@pytest.mark.parametrize("what", ["body", "status-line"])
async def test_a_trickling_check_declines_the_payment_at_its_deadline(what: str) -> None:
    async with raw_server(trickling(what)) as url:
        app = create_app(spec_path=default_spec_path(), check_url=f"{url}/check", notification_schedule=ONCE)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL, auth=AUTH) as api:
            answer = await pay(api, approving_card())
        await close(app.state.notifications)
    # Each byte came within 0.5 s, the whole answer did not: no answer in time, as the API says 3006.
    assert answer["Success"] is False, answer
    assert answer["Model"]["ReasonCode"] == 3006
    [check] = app.state.notifications.log.deliveries()
    assert check.type is NotificationType.CHECK and check.status is DeliveryStatus.FAILED
    assert check.attempts[0].error == "no answer within 0.5 s"


@pytest.mark.parametrize("what", ["body", "status-line"])
async def test_a_trickling_receiver_fails_the_attempt_at_its_deadline(what: str) -> None:
    async with raw_server(trickling(what)) as url:
        queue = DeliveryQueue(DeliveryLog(), ONCE)
        delivery = queue.submit(*pay_request(f"{url}/pay"))
        assert await queue.log.until_settled(10)
        await close(queue)
    assert delivery.status is DeliveryStatus.FAILED
    assert [attempt.error for attempt in delivery.attempts] == ["no answer within 0.5 s"]


# ---------- a bounded read of the answer ----------


async def test_a_huge_answer_is_read_only_up_to_the_cap() -> None:
    huge = Huge()
    async with raw_server(huge) as url:
        queue = DeliveryQueue(DeliveryLog(), RetrySchedule(max_attempts=1, timeout=5.0))
        delivery = queue.submit(*pay_request(f"{url}/pay"))
        assert await queue.log.until_settled(10)
        await asyncio.wait_for(huge.hung_up.wait(), 10)
        await close(queue)
    assert delivery.status is DeliveryStatus.FAILED
    assert delivery.attempts[0].status_code == 200
    assert delivery.attempts[0].error == "answer too large (more than 4096 bytes)"
    # The client hung up after its few KiB: the server got rid of a small part of the 64 MiB announced
    # (what the socket buffers on both sides hold), never the rest.
    assert huge.sent < 16 * 1024 * 1024, huge.sent


async def test_a_huge_answer_to_the_check_is_a_format_error() -> None:
    huge = Huge()
    async with raw_server(huge) as url:
        app = create_app(
            spec_path=default_spec_path(),
            check_url=f"{url}/check",
            notification_schedule=RetrySchedule(max_attempts=1, timeout=5.0),
        )
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL, auth=AUTH) as api:
            answer = await pay(api, approving_card())
        await asyncio.wait_for(huge.hung_up.wait(), 10)
        await close(app.state.notifications)
    assert answer["Success"] is False and answer["Model"]["ReasonCode"] == 3005  # no {"code": N} read
    assert huge.sent < 16 * 1024 * 1024, huge.sent


async def test_the_capped_read_stops_pulling_past_the_cap() -> None:
    from mock_server.webhooks.delivery import read_capped

    pulled = 0

    async def chunks() -> AsyncIterator[bytes]:
        nonlocal pulled
        for _ in range(100_000):
            pulled += 1
            yield b"x" * 1000

    content, whole = await read_capped(chunks(), 4096)
    assert (len(content), whole) == (4096, False)
    assert pulled == 5  # the chunk that crossed the cap is the last one asked for
    assert await read_capped(aiter_of(b'{"code":0}'), 4096) == (b'{"code":0}', True)


async def aiter_of(*chunks: bytes) -> AsyncIterator[bytes]:
    for chunk in chunks:
        yield chunk


def test_a_compressed_answer_is_inflated_only_up_to_the_cap() -> None:
    import gzip

    from mock_server.webhooks.delivery import decoded

    bomb = gzip.compress(b" " * 50_000_000)  # 50 MB of spaces in about 50 KB
    assert decoded(bomb, "gzip", 4096) == (b" " * 4096, False)
    assert decoded(gzip.compress(b'{"code":0}'), "gzip", 4096) == (b'{"code":0}', True)
    assert decoded(b"\x00garbage", "gzip", 4096) is None
    assert decoded(b"anything", "br", 4096) is None  # asked for none, not read


# ---------- one pooled client per event loop ----------


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> list[httpx.AsyncClient]:
    """Every httpx.AsyncClient built while the test runs."""
    clients: list[httpx.AsyncClient] = []

    class Counted(httpx.AsyncClient):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            clients.append(self)

    monkeypatch.setattr(httpx, "AsyncClient", Counted)
    return clients


async def test_one_pooled_client_per_event_loop(made: list[httpx.AsyncClient]) -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json={"code": 0}))
    queue = DeliveryQueue(DeliveryLog(), ONCE, transport)
    for number in range(20):
        queue.submit(*pay_request("http://receiver.test/pay", number))
    for number in range(3):  # the Check's exchange takes the same client
        check, subject, parameters = pay_request("http://receiver.test/check", 100 + number)
        await queue.send_once(check, subject, parameters, 0.5)
    # From code with no event loop: the queue's own thread and loop, and its one client.
    for number in range(10):
        await asyncio.to_thread(queue.submit, *pay_request("http://receiver.test/pay", 200 + number))
    assert await queue.log.until_settled(10)
    deliveries = queue.log.deliveries()
    assert len(deliveries) == 33 and all(d.status is DeliveryStatus.DELIVERED for d in deliveries)
    assert len(made) == 2  # this loop's and the queue's own loop's, not one per delivery
    await close(queue)
    assert all(client.is_closed for client in made)


def test_the_pooled_client_closes_when_its_loop_shuts_down(made: list[httpx.AsyncClient]) -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json={"code": 0}))
    queue = DeliveryQueue(DeliveryLog(), ONCE, transport)

    async def deliver() -> None:
        for number in range(5):
            queue.submit(*pay_request("http://receiver.test/pay", number))
        assert await queue.log.until_settled(10)

    asyncio.run(deliver())  # as uvicorn runs the app: the loop's shutdown closes what it opened
    assert len(made) == 1 and made[0].is_closed


async def test_the_pooled_client_keeps_no_cookie_a_receiver_sets() -> None:
    sent: list[str | None] = []

    def receiver(request: httpx.Request) -> httpx.Response:
        sent.append(request.headers.get("cookie"))
        return httpx.Response(200, json={"code": 0}, headers={"Set-Cookie": f"visit={len(sent)}; Path=/"})

    queue = DeliveryQueue(DeliveryLog(), ONCE, httpx.MockTransport(receiver))
    for number in range(3):
        queue.submit(*pay_request("http://receiver.test/pay", number))
    assert await queue.log.until_settled(10)
    assert sent == [None, None, None]  # nothing kept, nothing sent back: as a fresh client per delivery
    await close(queue)


# ---------- a bounded queue and log ----------


async def test_pending_deliveries_are_capped_and_what_is_dropped_is_logged_and_recorded(
    caplog: pytest.LogCaptureFixture,
) -> None:
    from mock_server.webhooks.delivery import DeliveryLimits

    caplog.set_level(logging.WARNING, logger="mock_server.notifications")
    release = asyncio.Event()

    async def held(request: httpx.Request) -> httpx.Response:
        await release.wait()
        return httpx.Response(200, json={"code": 0})

    queue = DeliveryQueue(
        DeliveryLog(), ONCE, httpx.MockTransport(held), limits=DeliveryLimits(max_pending=3)
    )
    for number in range(8):
        queue.submit(*pay_request(f"http://receiver-{number}.test/pay", number))
        assert queue.pending <= 3
    statuses = [d.status for d in queue.log.deliveries()]
    assert statuses == [DeliveryStatus.PENDING] * 3 + [DeliveryStatus.DROPPED] * 5
    dropped = queue.log.deliveries()[3]
    assert dropped.note == "Not sent: the queue already holds 3 pending deliveries (its cap)"
    assert dropped.attempts == [] and queue.dropped == 5
    assert queue.log.as_json()[3]["Status"] == "dropped"
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 5 and all("dropped" in line for line in warnings)
    assert "transaction 3" in warnings[0] and "receiver-3.test" in warnings[0]
    assert all(SECRET not in line for line in warnings)

    release.set()
    assert await queue.log.until_settled(10)
    assert queue.pending == 0
    # Room again: the next one is sent.
    assert queue.submit(*pay_request("http://receiver-9.test/pay", 9)).status is DeliveryStatus.PENDING
    assert await queue.log.until_settled(10)
    await close(queue)


def test_a_kept_delivery_holds_its_parameters_compactly_and_exactly() -> None:
    log = DeliveryLog()
    parameters = [("Description", "Оплата заказа №1"), ("Data", '{"a":[1,"\\u0000"]}'), ("Empty", "")]
    delivery = log.add(NotificationType.PAY, "POST", "http://r.test", "t 1", parameters, 1)
    assert delivery.parameters == parameters and delivery.values["Empty"] == ""
    assert log.as_json()[0]["Parameters"] == dict(parameters)
    assert not hasattr(delivery, "__dict__")  # slots: no per-record dictionary either


def test_the_log_keeps_the_newest_deliveries_and_counts_the_evicted() -> None:
    log = DeliveryLog(max_deliveries=5)
    made: list[Delivery] = []
    for number in range(12):
        made.append(log.add(NotificationType.PAY, "POST", "http://r.test", f"t {number}", [], 1))
    assert [d.id for d in log.deliveries()] == [8, 9, 10, 11, 12]
    assert log.evicted == 7
    assert len(log.as_json()) == 5
    # An evicted delivery still under way keeps the log unsettled until it ends.
    assert not log.settled()
    from mock_server.webhooks.records import Attempt

    for delivery in made:
        attempt = Attempt(1, delivery.created, 0.0, 200, 0, None)
        log.record(delivery, attempt, DeliveryStatus.DELIVERED)
        assert log.settled() is (delivery is made[-1])
    log.reset()
    assert log.deliveries() == [] and log.evicted == 0 and log.settled()


def test_the_app_takes_the_limits() -> None:
    from mock_server.webhooks.delivery import DeliveryLimits

    limits = DeliveryLimits(max_pending=7, max_in_flight=3, per_address=2, answer_bytes=512, kept=50)
    app = create_app(spec_path=default_spec_path(), notification_limits=limits)
    assert app.state.notifications.limits == limits
    assert app.state.notifications.log.max_deliveries == 50
    defaults = DeliveryLimits()
    assert (defaults.max_pending, defaults.kept, defaults.answer_bytes) == (10_000, 10_000, 4096)
    for bad in ({"max_pending": 0}, {"per_address": -1}, {"answer_bytes": 0}, {"kept": 0}):
        with pytest.raises(ValueError, match="at least 1"):
            DeliveryLimits(**bad)


async def test_the_log_route_says_what_the_bounds_left_out() -> None:
    from mock_server.webhooks.delivery import DeliveryLimits

    app = create_app(spec_path=default_spec_path(), notification_limits=DeliveryLimits(kept=2))
    queue = app.state.notifications
    for number in range(5):
        queue.log.add(NotificationType.PAY, "POST", "http://r.test", f"t {number}", [], 1)
    queue.dropped = 3
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL, auth=AUTH) as api:
        listed = await api.get("/__mock__/notifications")
    assert [d["Subject"] for d in listed.json()] == ["t 3", "t 4"]
    assert (listed.headers["X-Mock-Dropped"], listed.headers["X-Mock-Evicted"]) == ("3", "3")


# ---------- concurrency: bounded, per address, ordered per address ----------


async def test_a_dead_receiver_does_not_hold_back_another_address() -> None:
    async with raw_server(never_answers) as dead, raw_server(answers_ok) as alive:
        queue = DeliveryQueue(DeliveryLog(), RetrySchedule(max_attempts=1, timeout=3.0))
        stuck = [queue.submit(*pay_request(f"{dead}/pay", number)) for number in range(3)]
        refund = queue.submit(*pay_request(f"{alive}/refund", 9, NotificationType.REFUND))
        assert await until(lambda: refund.status is DeliveryStatus.DELIVERED)
        # Delivered while the dead address still holds every one of its own.
        assert [d.status for d in stuck] == [DeliveryStatus.PENDING] * 3
        await close(queue)


class Blocking:
    """An httpx.MockTransport handler that holds every request until `release` is set; counts how many it
    holds at once, in all and per host. `fail_first`: a body seen for the first time is answered 500 at
    once (so its retry is the request held)."""

    def __init__(self, fail_first: bool = False) -> None:
        self.release = asyncio.Event()
        self.fail_first = fail_first
        self.seen: list[tuple[str, bytes]] = []
        self.held = 0
        self.most = 0
        self.held_per_host: dict[str, int] = {}
        self.most_per_host: dict[str, int] = {}

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        host, body = request.url.host, request.content
        first = all(seen != (host, body) for seen in self.seen)
        self.seen.append((host, body))
        if self.fail_first and first:
            return httpx.Response(500)
        self.held += 1
        self.most = max(self.most, self.held)
        self.held_per_host[host] = self.held_per_host.get(host, 0) + 1
        self.most_per_host[host] = max(self.most_per_host.get(host, 0), self.held_per_host[host])
        try:
            await self.release.wait()
        finally:
            self.held -= 1
            self.held_per_host[host] -= 1
        return httpx.Response(200, json={"code": 0})


async def test_attempts_at_once_are_capped_in_all() -> None:
    from mock_server.webhooks.delivery import DeliveryLimits

    receiver = Blocking()
    limits = DeliveryLimits(max_in_flight=2, per_address=4)
    queue = DeliveryQueue(
        DeliveryLog(), RetrySchedule(max_attempts=1, timeout=5.0), httpx.MockTransport(receiver), limits
    )
    for number in range(6):
        queue.submit(*pay_request(f"http://host-{number}.test/pay", number))
    assert await until(lambda: receiver.held == 2)
    await asyncio.sleep(0.1)  # room for a third, were it let through
    assert receiver.most == 2 and len(receiver.seen) == 2
    receiver.release.set()
    assert await queue.log.until_settled(10)
    assert receiver.most == 2 and len(receiver.seen) == 6
    assert all(d.status is DeliveryStatus.DELIVERED for d in queue.log.deliveries())
    await close(queue)


async def test_attempts_at_once_to_one_address_are_capped() -> None:
    from mock_server.webhooks.delivery import DeliveryLimits

    receiver = Blocking(fail_first=True)
    limits = DeliveryLimits(max_in_flight=10, per_address=2)
    schedule = RetrySchedule(delays=(0.0,), max_attempts=2, timeout=5.0)
    queue = DeliveryQueue(DeliveryLog(), schedule, httpx.MockTransport(receiver), limits)
    for number in range(5):
        queue.submit(*pay_request("http://one.test/pay", number))
    other = queue.submit(*pay_request("http://other.test/pay", 99))
    # Every first attempt failed at once; their retries wait for the address's two slots.
    assert await until(lambda: len(receiver.seen) >= 7 and receiver.held == 3)
    await asyncio.sleep(0.1)
    assert receiver.most_per_host == {"one.test": 2, "other.test": 1}
    assert other.attempts[0].error == "HTTP 500"  # another address was not held back by them
    receiver.release.set()
    assert await queue.log.until_settled(10)
    assert receiver.most_per_host["one.test"] == 2
    assert all(d.status is DeliveryStatus.DELIVERED for d in queue.log.deliveries())
    await close(queue)


async def test_first_attempts_to_one_address_keep_their_order_while_others_go_on() -> None:
    release = asyncio.Event()
    arrived: list[tuple[str, str]] = []

    async def receiver(request: httpx.Request) -> httpx.Response:
        kind = request.url.path.strip("/")
        arrived.append((request.url.host, kind))
        if request.url.host == "slow.test" and kind == "pay":
            await release.wait()
        return httpx.Response(200, json={"code": 0})

    queue = DeliveryQueue(
        DeliveryLog(), RetrySchedule(max_attempts=1, timeout=5.0), httpx.MockTransport(receiver)
    )
    paid = queue.submit(*pay_request("http://slow.test/pay", 1))
    elsewhere = queue.submit(*pay_request("http://fast.test/pay", 2))
    refund = queue.submit(*pay_request("http://slow.test/refund", 3, NotificationType.REFUND))
    assert await until(lambda: elsewhere.status is DeliveryStatus.DELIVERED, timeout=3.0)
    # The Refund to the same address waits for the Pay before it; the other address did not.
    assert paid.status is DeliveryStatus.PENDING and refund.status is DeliveryStatus.PENDING
    assert ("slow.test", "refund") not in arrived
    release.set()
    assert await queue.log.until_settled(10)
    assert [kind for host, kind in arrived if host == "slow.test"] == ["pay", "refund"]
    await close(queue)
