"""Client for the CloudPayments API, generated from its OpenAPI description.

`CloudPayments` / `AsyncCloudPayments` are the typed facade (one method per operation, grouped by
tag, typed exceptions, retries with idempotency keys). The generated low-level functions stay in
`cloudpayments_client.api`, the models in `cloudpayments_client.models`.
"""

from .client import AuthenticatedClient, Client
from .exceptions import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    CloudPaymentsError,
    ConfigurationError,
    OperationFailedError,
    PaymentDeclinedError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
    ThreeDSecureRequired,
    UnexpectedStatusError,
)
from .facade import AsyncCloudPayments, CloudPayments

__version__ = "1.0.0"

__all__ = (
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncCloudPayments",
    "AuthenticatedClient",
    "AuthenticationError",
    "BadRequestError",
    "Client",
    "CloudPayments",
    "CloudPaymentsError",
    "ConfigurationError",
    "OperationFailedError",
    "PaymentDeclinedError",
    "RateLimitError",
    "ResponseValidationError",
    "ServerError",
    "ThreeDSecureRequired",
    "UnexpectedStatusError",
)
