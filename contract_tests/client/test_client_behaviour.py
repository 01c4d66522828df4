"""Retries, idempotency keys, timeouts, status mapping, secret redaction and response validation."""

from __future__ import annotations

import base64
import copy
import logging
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from cloudpayments_client import (
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    CloudPayments,
    CloudPaymentsError,
    ConfigurationError,
    PaymentDeclinedError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
    ThreeDSecureRequired,
)
from cloudpayments_client.client import (
    BACKOFF_INITIAL,
    BACKOFF_MAX,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    BasicCredentials,
)
from cloudpayments_client.models import Transaction

from contract_tests.client.support import (
    PUBLIC_ID,
    SECRET,
    Exchanges,
    Handler,
    async_client,
    json_response,
    replying,
    sync_client,
)
from spec_tools import Spec

MODES = ["sync", "async"]
CHARGE = {
    "amount": 10.0,
    "currency": "RUB",
    "ip_address": "123.123.123.123",
    "name": "CARDHOLDER NAME",
    "card_cryptogram_packet": "01492500008719030128SM",
}


def example(spec: Spec, name: str) -> dict[str, Any]:
    """A private copy of a documented example (the spec fixture is shared by the whole session)."""
    value: dict[str, Any] = copy.deepcopy(spec["components"]["examples"][name]["value"])
    return value


async def invoke(
    mode: str, handler: Handler, log: Exchanges, call: Callable[[Any], Any], **options: Any
) -> Any:
    """Run `call(client)` on a sync or an async client built on the same handler."""
    if mode == "sync":
        with sync_client(handler, log, **options) as client:
            return call(client)
    async with async_client(handler, log, **options) as aclient:
        return await call(aclient)


def charge(client: Any) -> Any:
    return client.payments.charge_card(**CHARGE)


def request_ids(log: Exchanges) -> list[str]:
    return [r.headers["X-Request-ID"] for r in log.requests]


# ---- retries and idempotency -------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
async def test_429_is_retried_after_retry_after_with_the_same_request_id(spec: Spec, mode: str) -> None:
    log = Exchanges()
    handler = replying(
        httpx.Response(429, headers={"Retry-After": "3"}),
        json_response(example(spec, "TransactionApproved")),
        log=log,
    )
    result = await invoke(mode, handler, log, charge)
    assert isinstance(result, Transaction)
    assert len(log.requests) == 2
    assert len(set(request_ids(log))) == 1
    assert log.sleeps == [3.0]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("status", [500, 502, 503])
async def test_5xx_is_retried_with_backoff_and_the_same_request_id(
    spec: Spec, mode: str, status: int
) -> None:
    log = Exchanges()
    handler = replying(httpx.Response(status), json_response(example(spec, "TransactionApproved")), log=log)
    assert isinstance(await invoke(mode, handler, log, charge), Transaction)
    assert len(log.requests) == 2
    assert len(set(request_ids(log))) == 1
    assert len(log.sleeps) == 1 and 0 <= log.sleeps[0] <= BACKOFF_INITIAL


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("failure", [httpx.ConnectError, httpx.ReadTimeout, httpx.ConnectTimeout])
async def test_connection_errors_and_timeouts_are_retried(
    spec: Spec, mode: str, failure: type[httpx.TransportError]
) -> None:
    log = Exchanges()
    handler = replying(failure("no answer"), json_response(example(spec, "TransactionApproved")), log=log)
    assert isinstance(await invoke(mode, handler, log, charge), Transaction)
    assert len(log.requests) == 2
    assert len(set(request_ids(log))) == 1


@pytest.mark.parametrize("mode", MODES)
async def test_backoff_grows_exponentially_up_to_the_cap(mode: str) -> None:
    log = Exchanges()
    handler = replying(httpx.Response(503), log=log)
    with pytest.raises(ServerError) as caught:
        await invoke(mode, handler, log, charge, max_retries=6)
    assert caught.value.status_code == 503
    assert len(log.requests) == 7
    assert len(set(request_ids(log))) == 1
    for attempt, waited in enumerate(log.sleeps):
        assert 0 <= waited <= min(BACKOFF_MAX, BACKOFF_INITIAL * 2**attempt)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("example_name", ["TransactionDeclined", "AmountRequired", "ThreeDSecureRequired"])
async def test_business_outcomes_are_never_retried(spec: Spec, mode: str, example_name: str) -> None:
    log = Exchanges()
    handler = replying(json_response(example(spec, example_name)), log=log)
    with pytest.raises((PaymentDeclinedError, BadRequestError, ThreeDSecureRequired)):
        await invoke(mode, handler, log, charge)
    assert len(log.requests) == 1
    assert log.sleeps == []


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("answer", "error"),
    [
        (lambda: httpx.Response(503), ServerError),
        (lambda: httpx.Response(429), RateLimitError),
        (lambda: httpx.ConnectError("refused"), APIConnectionError),
    ],
)
async def test_max_retries_zero_switches_retries_off(
    mode: str, answer: Callable[[], Any], error: type[Exception]
) -> None:
    log = Exchanges()
    with pytest.raises(error):
        await invoke(mode, replying(answer(), log=log), log, charge, max_retries=0)
    assert len(log.requests) == 1
    assert log.sleeps == []


@pytest.mark.parametrize("mode", MODES)
async def test_exhausted_retries_raise_the_typed_error(mode: str) -> None:
    log = Exchanges()
    handler = replying(httpx.Response(429, headers={"Retry-After": "1"}), log=log)
    with pytest.raises(RateLimitError) as caught:
        await invoke(mode, handler, log, charge)
    assert caught.value.retry_after == 1.0
    assert caught.value.request_id == request_ids(log)[0]
    assert len(log.requests) == DEFAULT_MAX_RETRIES + 1
    assert len(set(request_ids(log))) == 1

    log = Exchanges()
    with pytest.raises(APITimeoutError):
        await invoke(mode, replying(httpx.ReadTimeout("slow"), log=log), log, charge)
    assert len(log.requests) == DEFAULT_MAX_RETRIES + 1


@pytest.mark.parametrize("mode", MODES)
async def test_401_is_an_authentication_error_and_not_retried(mode: str) -> None:
    log = Exchanges()
    with pytest.raises(AuthenticationError) as caught:
        await invoke(mode, replying(httpx.Response(401), log=log), log, charge)
    assert caught.value.status_code == 401
    assert isinstance(caught.value, CloudPaymentsError)
    assert len(log.requests) == 1


@pytest.mark.parametrize("mode", MODES)
async def test_read_only_operations_carry_no_request_id(spec: Spec, mode: str) -> None:
    log = Exchanges()
    handler = replying(json_response(example(spec, "SubscriptionCancelledGet")), log=log)
    await invoke(mode, handler, log, lambda c: c.subscriptions.get_subscription(id="sc_1"))
    assert "X-Request-ID" not in log.requests[0].headers


# ---- timeouts and configuration ----------------------------------------------------------------


def _sent_timeout(log: Exchanges) -> dict[str, float | None]:
    """The timeouts httpx applied to the last request (connect, read, write, pool)."""
    timeout: dict[str, float | None] = log.requests[-1].extensions["timeout"]
    return timeout


def test_timeouts_are_set_by_default_and_configurable(spec: Spec) -> None:
    log = Exchanges()
    handler = replying(json_response(example(spec, "TestSuccess")), log=log)
    with sync_client(handler, log) as client:
        assert client.timeout == DEFAULT_TIMEOUT
        client.general.test()
    sent = _sent_timeout(log)
    assert sent["connect"] is not None and sent["read"] is not None and sent["pool"] is not None
    with sync_client(handler, log, timeout=5) as client:
        assert client.timeout == httpx.Timeout(5)
        client.general.test()
    assert _sent_timeout(log) == httpx.Timeout(5).as_dict()


async def test_async_timeouts_are_set_by_default(spec: Spec) -> None:
    log = Exchanges()
    handler = replying(json_response(example(spec, "TestSuccess")), log=log)
    async with async_client(handler, log) as client:
        assert client.timeout == DEFAULT_TIMEOUT
        await client.general.test()
    sent = _sent_timeout(log)
    assert sent["connect"] is not None and sent["read"] is not None


def test_configuration_from_the_environment(spec: Spec, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLOUDPAYMENTS_PUBLIC_ID", PUBLIC_ID)
    monkeypatch.setenv("CLOUDPAYMENTS_API_SECRET", SECRET)
    monkeypatch.setenv("CLOUDPAYMENTS_BASE_URL", "https://staging.test.invalid")
    log = Exchanges()
    handler = replying(json_response(example(spec, "TestSuccess")), log=log)
    with CloudPayments(transport=httpx.MockTransport(handler)) as client:
        assert client.general.test().success is True
    sent = log.requests[0]
    assert str(sent.url) == "https://staging.test.invalid/test"
    expected = base64.b64encode(f"{PUBLIC_ID}:{SECRET}".encode()).decode()
    assert sent.headers["Authorization"] == f"Basic {expected}"


def test_default_base_url_comes_from_the_spec(spec: Spec, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLOUDPAYMENTS_BASE_URL", raising=False)
    with CloudPayments(PUBLIC_ID, SECRET) as client:
        assert client.base_url == spec["servers"][0]["url"]


def test_missing_credentials_are_a_configuration_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLOUDPAYMENTS_API_SECRET", raising=False)
    with pytest.raises(ConfigurationError, match="CLOUDPAYMENTS_API_SECRET"):
        CloudPayments(PUBLIC_ID)


# ---- the secret never shows ----------------------------------------------------------------------


def _leaks(text: str) -> bool:
    encoded = base64.b64encode(f"{PUBLIC_ID}:{SECRET}".encode()).decode()
    return SECRET in text or encoded in text


def _opened(item: object) -> bool:
    ours = type(item).__module__.startswith("cloudpayments_client")
    is_http = isinstance(item, (httpx.Client, httpx.AsyncClient))
    return (ours or is_http) and hasattr(item, "__dict__") and not isinstance(item, type)


def _reachable_texts(root: object) -> list[str]:
    """repr, str and vars of `root` and of every object of this package or httpx client it reaches.

    httpx's own auth object is shown but not opened: it holds the encoded header by necessity.
    """
    texts: list[str] = []
    seen: set[int] = set()
    pending: list[object] = [root]
    while pending:
        item = pending.pop(0)
        if id(item) in seen:
            continue
        seen.add(id(item))
        texts += [repr(item), str(item)]
        if isinstance(item, dict):
            pending += list(item.values())
        elif isinstance(item, (list, tuple, set, frozenset)):
            pending += list(item)
        elif _opened(item):
            texts.append(repr(vars(item)))
            pending += list(vars(item).values())
    return texts


def test_credentials_never_show_the_secret() -> None:
    credentials = BasicCredentials(PUBLIC_ID, SECRET)
    texts = [repr(credentials), str(credentials), repr(vars(credentials))]
    assert PUBLIC_ID in repr(credentials)
    assert [text for text in texts if _leaks(text)] == []


def test_secret_is_not_in_reprs_logs_or_messages(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    log = Exchanges()
    handler = replying(httpx.Response(503), httpx.Response(401), log=log)
    with sync_client(handler, log) as client:
        texts = _reachable_texts(client)
        with pytest.raises(AuthenticationError) as caught:
            charge(client)
    texts += [str(caught.value), repr(caught.value), caplog.text]
    # the client does hold the credentials object, and it was walked
    assert any("BasicCredentials(" in text for text in texts)
    assert "retrying" in caplog.text  # the retry was logged, without the secret
    assert PUBLIC_ID in repr(client)
    assert [text for text in texts if _leaks(text)] == []
    # and the header does carry them, so the check above is not vacuous
    encoded = base64.b64encode(f"{PUBLIC_ID}:{SECRET}".encode()).decode()
    assert log.requests[0].headers["Authorization"] == f"Basic {encoded}"


# ---- answers that do not match the spec --------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda b: b["Model"].pop("Status"), "Model.Status"),
        (lambda b: b["Model"].update(TransactionId="891510444"), "Model.TransactionId"),
        (lambda b: b.pop("Success"), "Success"),
    ],
)
async def test_response_that_breaks_the_spec_names_operation_and_field(
    spec: Spec, mode: str, mutate: Callable[[dict[str, Any]], object], field: str
) -> None:
    body = example(spec, "TransactionApproved")
    mutate(body)
    log = Exchanges()
    with pytest.raises(ResponseValidationError) as caught:
        await invoke(mode, replying(json_response(body), log=log), log, charge)
    assert caught.value.operation == "chargeCard"
    assert caught.value.field == field
    assert "chargeCard" in str(caught.value) and field in str(caught.value)


def test_non_json_answer_is_a_validation_error() -> None:
    log = Exchanges()
    client = sync_client(replying(httpx.Response(200, text="<html>"), log=log), log)
    with client, pytest.raises(ResponseValidationError) as caught:
        client.general.test()
    assert caught.value.operation == "test"


def test_unknown_status_reason_and_currency_are_data(spec: Spec) -> None:
    body = example(spec, "TransactionApproved")
    body["Model"].update(Status="Refunded", Reason="SomethingNew", Currency="XTS")
    log = Exchanges()
    with sync_client(replying(json_response(body), log=log), log) as client:
        transaction = charge(client)
    assert isinstance(transaction, Transaction)
    assert (transaction.status, transaction.reason, transaction.currency) == (
        "Refunded",
        "SomethingNew",
        "XTS",
    )


# ---- 3-D Secure ----------------------------------------------------------------------------------


def test_three_ds_form_posts_escaped_fields_to_the_acs(spec: Spec) -> None:
    body = example(spec, "ThreeDSecureRequired")
    body["Model"].update(AcsUrl='https://acs.test/"a"?x=1&y=<2>', PaReq="a&b<c>")
    log = Exchanges()
    client = sync_client(replying(json_response(body), log=log), log)
    with client, pytest.raises(ThreeDSecureRequired) as caught:
        charge(client)
    challenge = caught.value
    assert challenge.md == str(body["Model"]["TransactionId"])
    page = challenge.form_html(term_url="https://shop.test/back?a=1&b=2")
    assert 'action="https://acs.test/&quot;a&quot;?x=1&amp;y=&lt;2&gt;"' in page
    assert 'name="PaReq" value="a&amp;b&lt;c&gt;"' in page
    assert f'name="MD" value="{challenge.md}"' in page
    assert 'name="TermUrl" value="https://shop.test/back?a=1&amp;b=2"' in page
    assert "submit()" in page
