"""Every outcome of a call that is not the documented success, as its own exception class.

The hierarchy::

    CloudPaymentsError
    ├── ConfigurationError          credentials missing (constructor argument or env var)
    ├── APIConnectionError          the request never got an answer (after retries)
    │   └── APITimeoutError         ... because a timeout expired
    ├── APIStatusError              an HTTP status other than 200 (after retries)
    │   ├── AuthenticationError     401: wrong or missing Public ID / API Secret
    │   ├── RateLimitError          429: too many simultaneous requests
    │   ├── ServerError             5xx
    │   └── UnexpectedStatusError   any other status
    ├── ResponseValidationError     the answer does not match the API description
    └── OperationFailedError        HTTP 200 with `Success: false`
        ├── BadRequestError         the request was refused; `message` says why
        ├── PaymentDeclinedError    the payment was declined; `reason_code`, `transaction`
        └── ThreeDSecureRequired    3-D Secure is needed; `acs_url`, `pa_req`, `md`, `form_html()`

Messages never contain credentials: they name the operation and what the API answered.
"""

from __future__ import annotations

import html

from .models import ThreeDSecureChallenge, Transaction


class CloudPaymentsError(Exception):
    """Base class of every error raised by the client."""

    def __init__(self, message: str, *, operation: str | None = None) -> None:
        super().__init__(f"{operation}: {message}" if operation else message)
        self.operation = operation


class ConfigurationError(CloudPaymentsError):
    """The client cannot be built: a credential is missing."""


class APIConnectionError(CloudPaymentsError):
    """No answer arrived (connection refused or dropped), even after the allowed retries."""


class APITimeoutError(APIConnectionError):
    """A connect, read, write or pool timeout expired, even after the allowed retries."""


class APIStatusError(CloudPaymentsError):
    """The API answered with an HTTP status other than 200."""

    def __init__(self, message: str, *, operation: str | None = None, status_code: int, request_id: str | None) -> None:
        super().__init__(message, operation=operation)
        self.status_code = status_code
        self.request_id = request_id


class AuthenticationError(APIStatusError):
    """401: the Public ID / API Secret pair was not accepted."""


class RateLimitError(APIStatusError):
    """429: more simultaneous requests than the terminal allows; retry later with the same request id."""

    def __init__(
        self,
        message: str,
        *,
        operation: str | None = None,
        status_code: int,
        request_id: str | None,
        retry_after: float | None,
    ) -> None:
        super().__init__(message, operation=operation, status_code=status_code, request_id=request_id)
        self.retry_after = retry_after


class ServerError(APIStatusError):
    """5xx: the API failed; a retry with the same request id is safe."""


class UnexpectedStatusError(APIStatusError):
    """An HTTP status the API description does not document."""


class ResponseValidationError(CloudPaymentsError):
    """The answer does not match the API description; `field` is the JSON path of the first mismatch."""

    def __init__(self, problem: str, *, operation: str, field: str) -> None:
        super().__init__(f"response field {field!r} {problem}", operation=operation)
        self.field = field
        self.problem = problem


class OperationFailedError(CloudPaymentsError):
    """HTTP 200 with `Success: false`: the operation was not carried out."""

    def __init__(self, message: str, *, operation: str, api_message: str | None) -> None:
        super().__init__(message, operation=operation)
        self.message = api_message


class BadRequestError(OperationFailedError):
    """The request was refused (invalid or not allowed now); `message` is the API's explanation."""

    def __init__(self, *, operation: str, api_message: str | None, model: object | None = None) -> None:
        super().__init__(
            api_message or "the request was refused without a message", operation=operation, api_message=api_message
        )
        self.model = model


class PaymentDeclinedError(OperationFailedError):
    """The payment was declined by the issuer or the anti-fraud; see `reason_code` and `transaction`."""

    def __init__(self, *, operation: str, api_message: str | None, transaction: Transaction) -> None:
        self.transaction = transaction
        self.reason_code: int = transaction.reason_code
        self.reason: str | None = transaction.reason if isinstance(transaction.reason, str) else None
        self.cardholder_message: str | None = (
            transaction.card_holder_message if isinstance(transaction.card_holder_message, str) else None
        )
        self.transaction_id: int = transaction.transaction_id
        super().__init__(
            f"payment {self.transaction_id} declined: {self.reason or 'unknown reason'} (ReasonCode {self.reason_code})",
            operation=operation,
            api_message=api_message,
        )


class ThreeDSecureRequired(OperationFailedError):
    """The payer must pass 3-D Secure: post `pa_req`, `md` and your TermUrl to `acs_url` (see `form_html`),
    then call `payments.post3ds(transaction_id=md, pa_res=...)` with the PaRes posted back to TermUrl."""

    def __init__(self, *, operation: str, api_message: str | None, challenge: ThreeDSecureChallenge) -> None:
        self.challenge = challenge
        self.transaction_id: int = challenge.transaction_id
        self.acs_url: str = challenge.acs_url
        self.pa_req: str = challenge.pa_req
        self.md: str = str(challenge.transaction_id)
        super().__init__(
            f"3-D Secure required for transaction {self.transaction_id}", operation=operation, api_message=api_message
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
