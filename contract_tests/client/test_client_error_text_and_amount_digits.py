"""What a log line of an error tells, and the amounts refused before sending.

`str(error)` of every error raised after a request was sent ends with `(request id X)`, never with the secret;
an amount with more fractional digits than the spec's `x-decimal-places` (a float such as `0.1 + 0.2` too) is
refused before anything is sent, naming the argument, with `AmountPrecisionError`.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import cloudpayments_client
import httpx
import pytest
from cloudpayments_client import (
    AmountPrecisionError,
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    CloudPaymentsError,
    ConfigurationError,
    InvalidArgumentError,
    PaymentDeclinedError,
    QrPaymentTimeout,
    RateLimitError,
    ResponseValidationError,
    ServerError,
    SucceededUnreadableError,
    ThreeDSecureRequired,
    UnexpectedStatusError,
)
from cloudpayments_client import errors as client_errors

from contract_tests.client.support import SECRET, Exchanges, json_response, replying, sync_client
from contract_tests.client.test_client_behaviour import CHARGE as _CHARGE
from contract_tests.client.test_client_behaviour import example
from spec_tools import JSON, Spec, decimal_places, operations, pointer_get

CHARGE: dict[str, Any] = dict(_CHARGE)
REQUEST_ID = "order-42-payment"
Answer = Callable[[Spec], httpx.Response | Exception]


def _body(name: str) -> Answer:
    return lambda spec: json_response(example(spec, name))


# An answer (or a transport failure) for each error class raised after a request was sent.
AFTER_SENDING: dict[type[CloudPaymentsError], Answer] = {
    APIConnectionError: lambda spec: httpx.ConnectError("refused"),
    APITimeoutError: lambda spec: httpx.ReadTimeout("slow"),
    AuthenticationError: lambda spec: httpx.Response(401),
    RateLimitError: lambda spec: httpx.Response(429, headers={"Retry-After": "1"}),
    ServerError: lambda spec: httpx.Response(503),
    UnexpectedStatusError: lambda spec: httpx.Response(418),
    ResponseValidationError: lambda spec: httpx.Response(200, content=b"<html>gateway</html>"),
    SucceededUnreadableError: lambda spec: json_response({"Success": True, "Message": None, "Model": None}),
    BadRequestError: _body("AmountRequired"),
    PaymentDeclinedError: _body("TransactionDeclined"),
    ThreeDSecureRequired: _body("ThreeDSecureRequired"),
}


@pytest.mark.parametrize("kind", list(AFTER_SENDING), ids=lambda kind: kind.__name__)
def test_the_text_of_an_error_after_sending_ends_with_its_request_id(
    spec: Spec, kind: type[CloudPaymentsError]
) -> None:
    log = Exchanges()
    client = sync_client(replying(AFTER_SENDING[kind](spec), log=log), log, max_retries=0)
    with client, pytest.raises(kind) as caught:
        client.payments.charge_card(**CHARGE, request_id=REQUEST_ID)
    text = str(caught.value)
    assert type(caught.value) is kind
    assert text.endswith(f"(request id {REQUEST_ID})")
    assert text.count(REQUEST_ID) == 1  # said once, at the end
    assert SECRET not in text and SECRET not in repr(caught.value)


def test_a_generated_request_id_ends_the_text_too() -> None:
    log = Exchanges()
    client = sync_client(replying(httpx.Response(502), log=log), log, max_retries=0)
    with client, pytest.raises(ServerError) as caught:
        client.payments.charge_card(**CHARGE)
    sent = log.requests[0].headers["X-Request-ID"]
    assert str(caught.value) == f"chargeCard: HTTP 502 (request id {sent})"


def test_every_error_class_that_takes_a_request_id_is_covered() -> None:
    """Each concrete class whose constructor takes `request_id` is raised above (or never with a request)."""
    takes = {
        cls
        for _, cls in inspect.getmembers(client_errors, inspect.isclass)
        if issubclass(cls, CloudPaymentsError) and "request_id" in inspect.signature(cls.__init__).parameters
    }
    raised_before_sending = {ConfigurationError, InvalidArgumentError}  # never with a request id
    abstract = {
        CloudPaymentsError,
        cloudpayments_client.APIStatusError,
        cloudpayments_client.OperationFailedError,
    }
    assert takes - abstract - raised_before_sending == set(AFTER_SENDING) | {QrPaymentTimeout}


def test_a_qr_wait_timeout_names_its_last_poll() -> None:
    error = QrPaymentTimeout(
        operation="getQrStatus", transaction_id=7, last_status="Pending", timeout=5, request_id="poll-3"
    )
    assert (
        str(error)
        == "getQrStatus: payment 7: no final status within 5 s (last status Pending) (request id poll-3)"
    )


def test_an_error_without_a_request_has_no_request_id_in_its_text() -> None:
    with pytest.raises(ConfigurationError) as caught:
        cloudpayments_client.CloudPayments(public_id="", api_secret="")
    assert "request id" not in str(caught.value)


# ---- amounts with more fractional digits than the spec's x-decimal-places ----------------------------------


@pytest.mark.parametrize(
    "amount",
    [0.1 + 0.2, 10.005, 1e-3, Decimal("10.005"), Decimal("0.001"), Decimal("12345678901234567890.125")],
    ids=repr,
)
def test_an_amount_with_more_than_two_decimals_is_refused_before_sending(amount: Decimal | float) -> None:
    log = Exchanges()
    client = sync_client(replying(httpx.Response(500), log=log), log)
    with client, pytest.raises(AmountPrecisionError) as caught:
        client.payments.charge_card(**{**CHARGE, "amount": amount})
    assert log.requests == []  # nothing was sent
    error = caught.value
    assert isinstance(error, InvalidArgumentError)
    assert (error.field, error.value, error.decimal_places) == ("amount", amount, 2)
    assert str(error).startswith("amount takes at most 2 decimal places")
    assert repr(amount) in str(error)


@pytest.mark.parametrize(
    "amount",
    [Decimal("10.50"), Decimal("10.500"), Decimal("0.30"), Decimal("1E+3"), 10.25, 0.3, 100, Decimal(0)],
)
def test_an_amount_within_two_decimals_is_sent(spec: Spec, amount: Decimal | float) -> None:
    log = Exchanges()
    approved = json_response(example(spec, "TransactionApproved"))
    with sync_client(replying(approved, log=log), log) as client:
        client.payments.charge_card(**{**CHARGE, "amount": amount})
    assert len(log.requests) == 1


async def test_the_async_client_refuses_the_same_amount() -> None:
    log = Exchanges()
    transport = httpx.MockTransport(replying(httpx.Response(500), log=log))
    client = cloudpayments_client.AsyncCloudPayments(
        "pk", SECRET, base_url="https://x.invalid", transport=transport
    )
    async with client:
        with pytest.raises(AmountPrecisionError, match=r"^amount takes at most 2"):
            await client.payments.refund_payment(transaction_id=1, amount=0.1 + 0.2)
    assert log.requests == []


def test_every_amount_argument_of_the_spec_is_checked_against_its_decimal_places(spec: Spec) -> None:
    """Each body field stating `x-decimal-places` is checked with that number, sync and async."""
    stated: list[int] = []
    for op in operations(spec):
        body = op.request_schemas.get(JSON)
        if body is not None:
            stated += decimal_places(pointer_get(spec, body), spec).values()
    package = Path(cloudpayments_client.__file__).parent
    source = "".join(path.read_text(encoding="utf-8") for path in sorted(package.glob("api/*/__init__.py")))
    checked = [int(places) for places in re.findall(r'money\([a-z_]+, "[a-z_]+", ([0-9]+)\)', source)]
    assert stated and len(checked) == 2 * len(stated)
    assert sorted(checked) == sorted(stated * 2)
    assert "money(" not in re.sub(r'money\([a-z_]+, "[a-z_]+", [0-9]+\)', "", source)  # none unchecked
