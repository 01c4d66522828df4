"""Client for the CloudPayments API, generated from its OpenAPI description.

`CloudPayments` / `AsyncCloudPayments` have one method per operation, grouped by tag (`client.payments`...),
and raise the exceptions below for every outcome that is not a success; each carries the `request_id` that was
sent. The models they return are in `cloudpayments_client.models`; statuses and reason codes are the enums below.
Notifications (webhooks) are checked and read by `cloudpayments_client.webhooks`; receipts (54-FZ) are built and
checked from their items by `customer_receipt` and `receipt_item` (`cloudpayments_client.receipts`).
"""

from .client import AsyncCloudPayments, CloudPayments
from .errors import (
    AmountPrecisionError,
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    CloudPaymentsError,
    ConfigurationError,
    InvalidArgumentError,
    InvalidNotificationError,
    InvalidSignatureError,
    OperationFailedError,
    PaymentDeclinedError,
    QrPaymentTimeout,
    RateLimitError,
    ResponseValidationError,
    ServerError,
    SucceededUnreadableError,
    ThreeDSecureRequired,
    UnexpectedStatusError,
)
from .models import Currency
from .receipts import ReceiptMismatchError, customer_receipt, receipt_item, receipt_json_data
from .types import ReasonCode, SubscriptionStatus, TransactionStatus

__version__ = "3.0.0"

__all__ = (
    "AmountPrecisionError",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncCloudPayments",
    "AuthenticationError",
    "BadRequestError",
    "CloudPayments",
    "CloudPaymentsError",
    "ConfigurationError",
    "Currency",
    "customer_receipt",
    "InvalidArgumentError",
    "InvalidNotificationError",
    "InvalidSignatureError",
    "OperationFailedError",
    "PaymentDeclinedError",
    "QrPaymentTimeout",
    "RateLimitError",
    "ReasonCode",
    "receipt_item",
    "receipt_json_data",
    "ReceiptMismatchError",
    "ResponseValidationError",
    "ServerError",
    "SubscriptionStatus",
    "SucceededUnreadableError",
    "ThreeDSecureRequired",
    "TransactionStatus",
    "UnexpectedStatusError",
    "__version__",
)
