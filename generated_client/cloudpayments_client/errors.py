"""Every outcome of a call that is not the documented success, as its own exception class.

The hierarchy::

    CloudPaymentsError              every one: request_id; after an answer also status_code, headers, body
    ├── ConfigurationError          credentials missing (constructor argument or env var)
    ├── InvalidArgumentError        an argument refused before anything is sent (request_id, extra_headers,
    │   │                           an amount, a key of a nested object)
    │   └── AmountPrecisionError    an amount with more fractional digits than the API takes; `field`,
    │                               `value`, `decimal_places`
    ├── InvalidSignatureError       a notification's Content-HMAC / X-Content-HMAC is missing or wrong (webhooks)
    ├── InvalidNotificationError    a signed notification lacks a required parameter, or one cannot be read
    ├── QrPaymentTimeout            no final status of a QR payment before `wait_for_payment`'s deadline;
    │                               `transaction_id`, `last_status`, `last_error`
    ├── APIConnectionError          the request never got an answer (after retries)
    │   └── APITimeoutError         ... because a timeout expired
    ├── APIStatusError              an HTTP status other than 200 (after retries)
    │   ├── AuthenticationError     401: wrong or missing Public ID / API Secret
    │   ├── RateLimitError          429: too many simultaneous requests
    │   ├── ServerError             5xx
    │   └── UnexpectedStatusError   any other status
    ├── ResponseValidationError     the answer cannot be read where it decides the outcome
    │   └── SucceededUnreadableError    ... although it says `Success: true`: the operation WAS carried out
    └── OperationFailedError        HTTP 200 with `Success: false`
        ├── BadRequestError         the request was refused; `message` says why
        ├── PaymentDeclinedError    the payment was declined; `reason_code`, `transaction`
        └── ThreeDSecureRequired    3-D Secure is needed; `acs_url`, `pa_req`, `md`, `form_html()`

Messages never contain credentials: they name the operation and what the API answered (the notification
errors name a header or a parameter, never a value). An error raised after a request was sent carries the
`request_id` that was sent as X-Request-ID, and `str(error)` ends with `(request id ...)`: a retry with the
same `request_id` is processed once by the API (never charged twice), and support can look the request up by
it, so a log line of the error is enough.
"""

from __future__ import annotations

import html
from typing import Any

import httpx

from .models import ThreeDSecureChallenge, Transaction


class CloudPaymentsError(Exception):
    """Base class of every error raised by the client.

    `request_id`: the X-Request-ID that was sent (None before a request exists, e.g. a missing credential).
    `status_code`, `headers`, `body`: the answer's, when one arrived (None otherwise); `body` is the raw bytes.
    """

    def __init__(
        self,
        message: str,
        *,
        operation: str | None = None,
        request_id: str | None = None,
        response: httpx.Response | None = None,
    ) -> None:
        super().__init__(f"{operation}: {message}" if operation else message)
        self.operation = operation
        self.request_id = request_id
        self.status_code: int | None = None if response is None else response.status_code
        self.headers: httpx.Headers | None = None if response is None else response.headers
        self.body: bytes | None = None if response is None else response.content

    def __str__(self) -> str:
        """The message, then `(request id ...)` when a request was sent: a log line is enough to find it."""
        text = super().__str__()
        if self.request_id is None:
            return text
        return f"{text} (request id {self.request_id})"

    @property
    def text(self) -> str | None:
        """The answer's body as text (None without an answer)."""
        return None if self.body is None else self.body.decode("utf-8", errors="replace")


class ConfigurationError(CloudPaymentsError):
    """The client cannot be built: a credential is missing."""


class InvalidArgumentError(CloudPaymentsError, ValueError):
    """An argument the client refuses before anything is sent: nothing reached the API."""


class AmountPrecisionError(InvalidArgumentError):
    """An amount with more significant fractional digits than the API takes (its description's
    `x-decimal-places`: 2), a float such as `0.1 + 0.2` included. The API refuses such an amount and never
    rounds it; nothing was sent. Pass a `Decimal` rounded to the cent: `Decimal("0.30")`.

    `field`: the argument; `value`: as it was given; `decimal_places`: the most the API takes.
    """

    def __init__(self, field: str, value: object, decimal_places: int) -> None:
        super().__init__(
            f"{field} takes at most {decimal_places} decimal places (the API refuses more and never rounds), "
            f"got {value!r}: pass a Decimal rounded to them"
        )
        self.field = field
        self.value = value
        self.decimal_places = decimal_places


class APIConnectionError(CloudPaymentsError):
    """No answer arrived (connection refused or dropped), even after the allowed retries.

    The operation may or may not have been carried out: call again with the same `request_id`.
    """


class APITimeoutError(APIConnectionError):
    """A connect, read, write or pool timeout expired, even after the allowed retries.

    The operation may have been carried out: call again with the same `request_id` to get its answer.
    """


class QrPaymentTimeout(CloudPaymentsError):
    """`alt_payments.wait_for_payment` reached its deadline before the payment had a final status: the payer has
    not paid (yet), or the status could not be read in time. Nothing was refused: wait again, or read the
    transaction later (`payments.get_payment`); the Pay or Fail notification tells the outcome too.

    `transaction_id`: the payment waited for; `last_status`: the last status answered (`Created`, `Pending`; None
    when no poll was answered); `last_error`: the error of the last poll when it failed (None otherwise);
    `timeout`: the seconds waited; `request_id`: the X-Request-ID of the last poll (None: the status wait sends
    none).
    """

    def __init__(
        self,
        *,
        operation: str,
        transaction_id: int,
        last_status: str | None,
        timeout: float,
        last_error: CloudPaymentsError | None = None,
        request_id: str | None = None,
    ) -> None:
        seen = f"last status {last_status}" if last_status is not None else "no status answered"
        failed = f"; last poll: {type(last_error).__name__}" if last_error is not None else ""
        super().__init__(
            f"payment {transaction_id}: no final status within {timeout:g} s ({seen}{failed})",
            operation=operation,
            request_id=request_id,
        )
        self.transaction_id = transaction_id
        self.last_status = last_status
        self.last_error = last_error
        self.timeout = timeout


class APIStatusError(CloudPaymentsError):
    """The API answered with an HTTP status other than 200."""

    status_code: int
    headers: httpx.Headers
    body: bytes


class AuthenticationError(APIStatusError):
    """401: the Public ID / API Secret pair was not accepted."""


class RateLimitError(APIStatusError):
    """429: more simultaneous requests than the terminal allows; retry later with the same request id."""

    def __init__(
        self,
        message: str,
        *,
        operation: str | None = None,
        request_id: str | None = None,
        response: httpx.Response | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message, operation=operation, request_id=request_id, response=response)
        self.retry_after = retry_after


class ServerError(APIStatusError):
    """5xx: the API failed; a retry with the same request id is safe."""


class UnexpectedStatusError(APIStatusError):
    """An HTTP status the API description does not document."""


class ResponseValidationError(CloudPaymentsError):
    """The answer cannot be read where it decides the outcome; `field` is the JSON path of the problem.

    `data` is everything that was read (the decoded JSON, None when the body is not JSON); `body` the raw bytes.
    """

    def __init__(
        self,
        problem: str,
        *,
        operation: str,
        field: str,
        request_id: str | None = None,
        response: httpx.Response | None = None,
        data: Any = None,
    ) -> None:
        super().__init__(
            f"response field {field!r} {problem}", operation=operation, request_id=request_id, response=response
        )
        self.field = field
        self.problem = problem
        self.data = data


class SucceededUnreadableError(ResponseValidationError):
    """`Success: true`: the operation WAS carried out (money may have moved), but the part of the answer
    its result needs cannot be read. Never retry with a new request id: look the operation up with
    `request_id`, or call again with the same `request_id` to get the stored answer."""

    def __init__(
        self,
        problem: str,
        *,
        operation: str,
        field: str,
        request_id: str | None = None,
        response: httpx.Response | None = None,
        data: Any = None,
    ) -> None:
        super().__init__(
            f"{problem}; the operation succeeded (Success: true), look it up by its request id",
            operation=operation,
            field=field,
            request_id=request_id,
            response=response,
            data=data,
        )
        self.succeeded = True


class OperationFailedError(CloudPaymentsError):
    """HTTP 200 with `Success: false`: the operation was not carried out."""

    def __init__(
        self,
        message: str,
        *,
        operation: str,
        api_message: str | None,
        request_id: str | None = None,
        response: httpx.Response | None = None,
    ) -> None:
        super().__init__(message, operation=operation, request_id=request_id, response=response)
        self.message = api_message


class BadRequestError(OperationFailedError):
    """The request was refused (invalid or not allowed now); `message` is the API's explanation."""

    def __init__(
        self,
        *,
        operation: str,
        api_message: str | None,
        model: object | None = None,
        request_id: str | None = None,
        response: httpx.Response | None = None,
    ) -> None:
        super().__init__(
            api_message or "the request was refused without a message",
            operation=operation,
            api_message=api_message,
            request_id=request_id,
            response=response,
        )
        self.model = model


class PaymentDeclinedError(OperationFailedError):
    """The payment was declined by the issuer or the anti-fraud; see `reason_code` and `transaction`."""

    def __init__(
        self,
        *,
        operation: str,
        api_message: str | None,
        transaction: Transaction,
        request_id: str | None = None,
        response: httpx.Response | None = None,
    ) -> None:
        self.transaction = transaction
        self.reason_code: int = transaction.reason_code
        self.reason: str | None = transaction.reason
        self.cardholder_message: str | None = transaction.card_holder_message
        self.transaction_id: int = transaction.transaction_id
        super().__init__(
            f"payment {self.transaction_id} declined: {self.reason or 'unknown reason'} (ReasonCode {int(self.reason_code)})",
            operation=operation,
            api_message=api_message,
            request_id=request_id,
            response=response,
        )


class ThreeDSecureRequired(OperationFailedError):
    """The payer must pass 3-D Secure: post `pa_req`, `md` and your TermUrl to `acs_url` (see `form_html`),
    then call `payments.post3ds(transaction_id=md, pa_res=...)` with the PaRes posted back to TermUrl."""

    def __init__(
        self,
        *,
        operation: str,
        api_message: str | None,
        challenge: ThreeDSecureChallenge,
        request_id: str | None = None,
        response: httpx.Response | None = None,
    ) -> None:
        self.challenge = challenge
        self.transaction_id: int = challenge.transaction_id
        self.acs_url: str = challenge.acs_url
        self.pa_req: str = challenge.pa_req
        self.md: str = str(challenge.transaction_id)
        super().__init__(
            f"3-D Secure required for transaction {self.transaction_id}",
            operation=operation,
            api_message=api_message,
            request_id=request_id,
            response=response,
        )

    def form_html(self, term_url: str) -> str:
        """An HTML page that posts PaReq, MD and TermUrl to the issuer's ACS as soon as it loads."""
        fields = {"PaReq": self.pa_req, "MD": self.md, "TermUrl": term_url}
        inputs = "\n".join(
            f'    <input type="hidden" name="{name}" value="{html.escape(value, quote=True)}">'
            for name, value in fields.items()
        )
        return (
            '<!DOCTYPE html>\n<html>\n<body onload="document.forms[0].submit()">\n'
            f'  <form method="POST" action="{html.escape(self.acs_url, quote=True)}">\n{inputs}\n'
            '    <noscript><button type="submit">Continue</button></noscript>\n'
            "  </form>\n</body>\n</html>\n"
        )


class InvalidSignatureError(CloudPaymentsError):
    """A notification's signature (`Content-HMAC`, or `X-Content-HMAC` when the first is absent) is missing or
    does not match its body: it may not come from CloudPayments, or was signed with another API Secret.
    `header` is the header that was checked (None when both are missing)."""

    def __init__(self, message: str, *, header: str | None = None) -> None:
        super().__init__(message)
        self.header = header


class InvalidNotificationError(CloudPaymentsError):
    """A notification with a valid signature that cannot be read: `field` is the parameter that is missing or
    not of its type (None when the body itself cannot be decoded), `problem` what is wrong with it, `kind` the
    notification type it was read as. Values are never quoted."""

    def __init__(self, problem: str, *, field: str | None = None, kind: str | None = None) -> None:
        subject = f"parameter {field} " if field else ""
        super().__init__(f"{kind} notification: {subject}{problem}" if kind else f"{subject}{problem}")
        self.field = field
        self.problem = problem
        self.kind = kind
