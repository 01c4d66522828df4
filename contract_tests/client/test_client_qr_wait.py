"""`alt_payments.wait_for_payment`: the status wait polled until a final status or the deadline (sync and
async), against httpx.MockTransport answering the spec's example with the statuses the spec names."""

from __future__ import annotations

import asyncio
import copy
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from cloudpayments_client import (
    APIConnectionError,
    AsyncCloudPayments,
    AuthenticationError,
    BadRequestError,
    CloudPayments,
    InvalidArgumentError,
    QrPaymentTimeout,
    ServerError,
    TransactionStatus,
)
from cloudpayments_client.api.alt_payments import POLL_BACKOFF, POLL_INTERVAL

from contract_tests.client.support import (
    BASE_URL,
    PUBLIC_ID,
    SECRET,
    Exchanges,
    Handler,
    json_response,
    replying,
)
from spec_tools import JSON, Spec, deref, operation, transaction_statuses

MODES = ["sync", "async"]
WAIT = "/payments/qr/status/wait"


def waiting_statuses(spec: Spec) -> list[str]:
    """The statuses the spec says to poll again on (`x-long-poll` of the status wait)."""
    found: list[str] = operation(spec, WAIT)["x-long-poll"]["while"]
    return found


def final_statuses(spec: Spec) -> list[str]:
    return [status.name for status in transaction_statuses(spec) if status.name not in waiting_statuses(spec)]


def status_answer(spec: Spec, status: str) -> dict[str, Any]:
    """The spec's example answer of the status wait, with `status` (and its code)."""
    content = deref(spec, operation(spec, WAIT)["responses"]["200"])["content"][JSON]
    answer: dict[str, Any] = copy.deepcopy(deref(spec, content["examples"]["success"])["value"])
    codes = {row.name: row.code for row in transaction_statuses(spec)}
    answer["Model"]["Status"] = status
    answer["Model"]["StatusCode"] = codes[status]
    return answer


def transaction_id(spec: Spec) -> int:
    value: int = status_answer(spec, "Completed")["Model"]["TransactionId"]
    return value


class RealSleep(Exchanges):
    """Records every wait and really waits (for the deadline tests, where time must pass)."""

    def sleep(self, seconds: float) -> None:
        super().sleep(seconds)
        time.sleep(seconds)

    async def async_sleep(self, seconds: float) -> None:
        await super().async_sleep(seconds)
        await asyncio.sleep(seconds)


async def wait(mode: str, handler: Handler, log: Exchanges, call: Callable[[Any], Any]) -> Any:
    """`call(client.alt_payments)` on a sync or an async client on `handler`, waiting through `log`."""
    transport = httpx.MockTransport(handler)
    if mode == "sync":
        client = CloudPayments(PUBLIC_ID, SECRET, base_url=BASE_URL, transport=transport, sleep=log.sleep)
        with client:
            return call(client.alt_payments)
    aclient = AsyncCloudPayments(
        PUBLIC_ID, SECRET, base_url=BASE_URL, transport=transport, sleep=log.async_sleep
    )
    async with aclient:
        return await call(aclient.alt_payments)


def test_the_spec_names_statuses_to_wait_on_and_final_ones(spec: Spec) -> None:
    assert set(waiting_statuses(spec)) == {"Created", "Pending"}
    assert {"Authorized", "Completed", "Cancelled", "Declined"} <= set(final_statuses(spec))


@pytest.mark.parametrize("mode", MODES)
async def test_polls_until_a_final_status(mode: str, spec: Spec) -> None:
    log = Exchanges()
    answers = [json_response(status_answer(spec, s)) for s in ("Created", "Pending", "Completed")]
    tid = transaction_id(spec)
    handler = replying(*answers, log=log)
    result = await wait(mode, handler, log, lambda alt: alt.wait_for_payment(tid, timeout=30))
    assert result.status is TransactionStatus.COMPLETED
    assert result.transaction_id == tid
    assert len(log.requests) == 3
    assert all(request.url.path == WAIT for request in log.requests)
    assert [log.body(i) for i in range(3)] == [{"TransactionId": tid}] * 3
    # Answered at once, so the next poll waited for the rest of the interval (never a busy loop).
    assert len(log.sleeps) == 2
    assert all(0 < seconds <= POLL_INTERVAL for seconds in log.sleeps)


@pytest.mark.parametrize("mode", MODES)
async def test_each_final_status_is_returned_at_once(mode: str, spec: Spec) -> None:
    for status in final_statuses(spec):
        log = Exchanges()
        handler = replying(json_response(status_answer(spec, status)), log=log)
        result = await wait(mode, handler, log, lambda alt: alt.wait_for_payment(transaction_id(spec)))
        assert result.status == status
        assert len(log.requests) == 1
        assert log.sleeps == []


@pytest.mark.parametrize("mode", MODES)
async def test_no_poll_outlives_the_deadline(mode: str, spec: Spec) -> None:
    log = Exchanges()
    answers = [json_response(status_answer(spec, s)) for s in ("Pending", "Completed")]
    tid = transaction_id(spec)
    await wait(mode, replying(*answers, log=log), log, lambda alt: alt.wait_for_payment(tid, timeout=7))
    for request in log.requests:
        timeouts = request.extensions["timeout"]
        assert all(0 < timeouts[phase] <= 7 for phase in ("connect", "read", "write", "pool"))


@pytest.mark.parametrize("mode", MODES)
async def test_the_deadline_raises_with_the_last_status(mode: str, spec: Spec) -> None:
    log = RealSleep()
    handler = replying(json_response(status_answer(spec, "Pending")), log=log)
    tid = transaction_id(spec)
    started = time.monotonic()
    with pytest.raises(QrPaymentTimeout) as raised:
        await wait(mode, handler, log, lambda alt: alt.wait_for_payment(tid, timeout=0.2))
    elapsed = time.monotonic() - started
    assert 0.2 <= elapsed < 1.0
    error = raised.value
    assert error.transaction_id == tid
    assert error.last_status == "Pending"
    assert error.last_error is None
    assert error.request_id is None  # the status wait sends no X-Request-ID
    assert error.timeout == 0.2
    assert error.operation == "waitQrStatus"
    # Polled at most once per interval, not in a busy loop.
    assert 1 <= len(log.requests) <= 2
    for text in (str(error), repr(error)):
        assert str(tid) in text or text.startswith("QrPaymentTimeout")
        assert SECRET not in text
        assert PUBLIC_ID not in text


@pytest.mark.parametrize("mode", MODES)
async def test_a_refusal_raises_at_once(mode: str, spec: Spec) -> None:
    log = Exchanges()
    refusal = {"Success": False, "Message": "Transaction not found", "Model": None}
    handler = replying(json_response(refusal), json_response(status_answer(spec, "Completed")), log=log)
    with pytest.raises(BadRequestError) as raised:
        await wait(mode, handler, log, lambda alt: alt.wait_for_payment(transaction_id(spec)))
    assert raised.value.message == "Transaction not found"
    assert len(log.requests) == 1
    assert log.sleeps == []


@pytest.mark.parametrize("mode", MODES)
async def test_a_rejected_credential_raises_at_once(mode: str, spec: Spec) -> None:
    log = Exchanges()
    handler = replying(httpx.Response(401), json_response(status_answer(spec, "Completed")), log=log)
    with pytest.raises(AuthenticationError):
        await wait(mode, handler, log, lambda alt: alt.wait_for_payment(transaction_id(spec)))
    assert len(log.requests) == 1


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "failure",
    [lambda: httpx.ConnectError("refused"), lambda: httpx.ReadTimeout("slow"), lambda: httpx.Response(503)],
    ids=["connect-error", "read-timeout", "http-503"],
)
async def test_a_failed_poll_is_polled_again(mode: str, spec: Spec, failure: Callable[[], Any]) -> None:
    log = Exchanges()
    answers = [failure(), failure(), json_response(status_answer(spec, "Completed"))]
    result = await wait(
        mode, replying(*answers, log=log), log, lambda alt: alt.wait_for_payment(transaction_id(spec))
    )
    assert result.status is TransactionStatus.COMPLETED
    assert len(log.requests) == 3
    # One poll per attempt (the client's own retries are off inside the wait), a doubling backoff between.
    assert log.sleeps == [POLL_BACKOFF[0], POLL_BACKOFF[0] * 2]


@pytest.mark.parametrize("mode", MODES)
async def test_failures_until_the_deadline_raise_with_the_last_error(mode: str, spec: Spec) -> None:
    log = RealSleep()
    handler = replying(httpx.Response(503), log=log)
    with pytest.raises(QrPaymentTimeout) as raised:
        await wait(mode, handler, log, lambda alt: alt.wait_for_payment(transaction_id(spec), timeout=0.2))
    error = raised.value
    assert error.last_status is None
    assert isinstance(error.last_error, ServerError)
    assert all(seconds <= POLL_BACKOFF[1] for seconds in log.sleeps)
    assert sum(log.sleeps) <= 0.2 + 1e-6
    assert 1 <= len(log.requests) <= 3


@pytest.mark.parametrize("mode", MODES)
async def test_connection_failures_until_the_deadline(mode: str, spec: Spec) -> None:
    log = RealSleep()
    handler = replying(httpx.ConnectError("refused"), log=log)
    with pytest.raises(QrPaymentTimeout) as raised:
        await wait(mode, handler, log, lambda alt: alt.wait_for_payment(transaction_id(spec), timeout=0.2))
    assert isinstance(raised.value.last_error, APIConnectionError)
    assert SECRET not in str(raised.value)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("timeout", [0, -1, float("inf"), float("nan"), True])
async def test_a_bad_timeout_is_refused_before_sending(mode: str, spec: Spec, timeout: Any) -> None:
    log = Exchanges()
    handler = replying(json_response(status_answer(spec, "Completed")), log=log)
    tid = transaction_id(spec)
    with pytest.raises(InvalidArgumentError):
        await wait(mode, handler, log, lambda alt: alt.wait_for_payment(tid, timeout=timeout))
    assert log.requests == []
