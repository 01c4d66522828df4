"""Client for the CloudPayments API, generated from its OpenAPI description.

`CloudPayments` / `AsyncCloudPayments` have one method per operation, grouped by tag (`client.payments`...),
and raise the exceptions below for every outcome that is not a success. The models they return are in
`cloudpayments_client.models`.
"""

from .client import AsyncCloudPayments, CloudPayments
from .errors import (
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

__version__ = "1.0.0"

__all__ = (
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncCloudPayments",
    "AuthenticationError",
    "BadRequestError",
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
    "__version__",
)
