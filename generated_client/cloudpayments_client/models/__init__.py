"""Contains all the data models used in inputs/outputs"""

from .airline_addendum import AirlineAddendum
from .airline_leg import AirlineLeg
from .airline_passenger import AirlinePassenger
from .card_payment_request import CardPaymentRequest
from .card_payment_response import CardPaymentResponse
from .confirm_request import ConfirmRequest
from .connection_check_response import ConnectionCheckResponse
from .currency import Currency
from .customer_receipt import CustomerReceipt
from .escrow import Escrow
from .interval import Interval
from .json_data import JsonData
from .operation_response import OperationResponse
from .order import Order
from .order_create_request import OrderCreateRequest
from .order_response import OrderResponse
from .payer import Payer
from .payment_scheduled import PaymentScheduled
from .post3ds_request import Post3DsRequest
from .refund_request import RefundRequest
from .refund_response import RefundResponse
from .refund_result import RefundResult
from .subscription import Subscription
from .subscription_behavior import SubscriptionBehavior
from .subscription_create_request import SubscriptionCreateRequest
from .subscription_id_request import SubscriptionIdRequest
from .subscription_receipt import SubscriptionReceipt
from .subscription_response import SubscriptionResponse
from .three_d_secure_challenge import ThreeDSecureChallenge
from .token_payment_request import TokenPaymentRequest
from .tr_initiator_code import TrInitiatorCode
from .transaction import Transaction
from .transaction_response import TransactionResponse
from .void_request import VoidRequest

__all__ = (
    "AirlineAddendum",
    "AirlineLeg",
    "AirlinePassenger",
    "CardPaymentRequest",
    "CardPaymentResponse",
    "ConfirmRequest",
    "ConnectionCheckResponse",
    "Currency",
    "CustomerReceipt",
    "Escrow",
    "Interval",
    "JsonData",
    "OperationResponse",
    "Order",
    "OrderCreateRequest",
    "OrderResponse",
    "Payer",
    "PaymentScheduled",
    "Post3DsRequest",
    "RefundRequest",
    "RefundResponse",
    "RefundResult",
    "Subscription",
    "SubscriptionBehavior",
    "SubscriptionCreateRequest",
    "SubscriptionIdRequest",
    "SubscriptionReceipt",
    "SubscriptionResponse",
    "ThreeDSecureChallenge",
    "TokenPaymentRequest",
    "Transaction",
    "TransactionResponse",
    "TrInitiatorCode",
    "VoidRequest",
)
