"""Contains all the data models used in inputs/outputs"""

from .airline_addendum import AirlineAddendum
from .airline_leg import AirlineLeg
from .airline_passenger import AirlinePassenger
from .alt_payment_currency import AltPaymentCurrency
from .apple_pay_session import ApplePaySession
from .apple_pay_session_request import ApplePaySessionRequest
from .apple_pay_session_response import ApplePaySessionResponse
from .card_payment_request import CardPaymentRequest
from .card_payment_response import CardPaymentResponse
from .card_payout_request import CardPayoutRequest
from .cause_correction import CauseCorrection
from .chargeback import Chargeback
from .chargeback_list_request import ChargebackListRequest
from .chargeback_list_response import ChargebackListResponse
from .chargeback_operation import ChargebackOperation
from .chargeback_type import ChargebackType
from .confirm_request import ConfirmRequest
from .connection_check_response import ConnectionCheckResponse
from .correction_receipt import CorrectionReceipt
from .correction_receipt_data import CorrectionReceiptData
from .correction_receipt_data_industry_requisites_item import CorrectionReceiptDataIndustryRequisitesItem
from .correction_receipt_data_operation_receipt_requisite import CorrectionReceiptDataOperationReceiptRequisite
from .correction_receipt_data_taxation_system_type_1 import CorrectionReceiptDataTaxationSystemType1
from .correction_receipt_data_user_requisite_data import CorrectionReceiptDataUserRequisiteData
from .correction_receipt_request import CorrectionReceiptRequest
from .correction_receipt_response import CorrectionReceiptResponse
from .correction_receipt_type import CorrectionReceiptType
from .correction_type import CorrectionType
from .currency import Currency
from .customer_receipt import CustomerReceipt
from .device import Device
from .dolyami_extension_data import DolyamiExtensionData
from .dolyami_payment import DolyamiPayment
from .dolyami_payment_request import DolyamiPaymentRequest
from .dolyami_payment_request_alt_pay_type import DolyamiPaymentRequestAltPayType
from .dolyami_payment_response import DolyamiPaymentAnswer, DolyamiPaymentResponse
from .escrow import Escrow
from .escrow_accumulation_status import EscrowAccumulationStatus
from .escrow_info import EscrowInfo
from .escrow_info_request import EscrowInfoRequest
from .escrow_info_response import EscrowInfoResponse
from .escrow_payout_transaction import EscrowPayoutTransaction
from .escrow_transaction import EscrowTransaction
from .info_shop_data import InfoShopData
from .interval import Interval
from .issued_correction_receipt_amounts import IssuedCorrectionReceiptAmounts
from .issued_receipt_amounts import IssuedReceiptAmounts
from .issued_receipt_item import IssuedReceiptItem
from .issued_receipt_item_agent_data_type_0 import IssuedReceiptItemAgentDataType0
from .issued_receipt_item_purveyor_data_type_0 import IssuedReceiptItemPurveyorDataType0
from .json_data import JsonData
from .json_data_cloud_payments import JsonDataCloudPayments
from .listed_status import ListedStatus
from .notification_settings import NotificationSettings
from .notification_settings_request import NotificationSettingsRequest
from .notification_settings_request_encoding import NotificationSettingsRequestEncoding
from .notification_settings_request_format import NotificationSettingsRequestFormat
from .notification_settings_request_http_method import NotificationSettingsRequestHttpMethod
from .notification_settings_response import NotificationSettingsResponse
from .notification_type import NotificationType
from .operation_response import OperationResponse
from .order import Order
from .order_create_request import OrderCreateRequest
from .order_id_request import OrderIdRequest
from .order_response import OrderResponse
from .payer import Payer
from .payment_find_request import PaymentFindRequest
from .payment_get_request import PaymentGetRequest
from .payment_list_request import PaymentListRequest
from .payment_list_v2_request import PaymentListV2Request
from .payment_scheduled import PaymentScheduled
from .payment_scheme_code import PaymentSchemeCode
from .payment_scheme_name import PaymentSchemeName
from .payout_currency import PayoutCurrency
from .payout_escrow import PayoutEscrow
from .post3ds_request import Post3DsRequest
from .qr_payment import QrPayment
from .qr_payment_response import QrPaymentResponse
from .qr_payment_status import QrPaymentStatus
from .qr_status_request import QrStatusRequest
from .qr_status_response import QrStatusResponse
from .receipt import Receipt
from .receipt_additional_data import ReceiptAdditionalData
from .receipt_amounts import ReceiptAmounts
from .receipt_id_request import ReceiptIdRequest
from .receipt_item import ReceiptItem
from .receipt_item_agent_data import ReceiptItemAgentData
from .receipt_item_purveyor_data import ReceiptItemPurveyorData
from .receipt_method import ReceiptMethod
from .receipt_object import ReceiptObject
from .receipt_queued import ReceiptQueued
from .receipt_queued_response import ReceiptQueuedAnswer, ReceiptQueuedResponse
from .receipt_request import ReceiptRequest
from .receipt_response import ReceiptResponse
from .receipt_status import ReceiptStatus
from .receipt_status_response import ReceiptStatusResponse
from .receipt_type import ReceiptType
from .receipt_vat import ReceiptVat
from .refund_request import RefundRequest
from .refund_response import RefundResponse
from .refund_result import RefundResult
from .sberpay_payment_request import SberpayPaymentRequest
from .sbp_bank import SbpBank
from .sbp_bank_list import SbpBankList
from .sbp_banks_request import SbpBanksRequest
from .sbp_banks_response import SbpBanksResponse
from .sbp_payment_request import SbpPaymentRequest
from .sbp_payment_request_scheme import SbpPaymentRequestScheme
from .sbp_payout_receiver import SbpPayoutReceiver
from .sbp_payout_request import SbpPayoutRequest
from .sbp_payout_response import SbpPayoutAnswer, SbpPayoutResponse
from .subscription import Subscription
from .subscription_behavior import SubscriptionBehavior
from .subscription_create_request import SubscriptionCreateRequest
from .subscription_find_request import SubscriptionFindRequest
from .subscription_id_request import SubscriptionIdRequest
from .subscription_list_response import SubscriptionListResponse
from .subscription_receipt import SubscriptionReceipt
from .subscription_response import SubscriptionResponse
from .subscription_update_request import SubscriptionUpdateRequest
from .taxation_system import TaxationSystem
from .three_d_secure_challenge import ThreeDSecureChallenge
from .time_zone import TimeZone
from .token import Token
from .token_list_request import TokenListRequest
from .token_list_response import TokenListResponse
from .token_payment_request import TokenPaymentRequest
from .token_payout_request import TokenPayoutRequest
from .tpay_payment_request import TpayPaymentRequest
from .tpay_scheme import TpayScheme
from .tr_initiator_code import TrInitiatorCode
from .transaction import Transaction
from .transaction_list_response import TransactionListResponse
from .transaction_receiver import TransactionReceiver
from .transaction_response import TransactionResponse
from .updatable_notification_type import UpdatableNotificationType
from .void_request import VoidRequest

__all__ = (
    "AirlineAddendum",
    "AirlineLeg",
    "AirlinePassenger",
    "AltPaymentCurrency",
    "ApplePaySession",
    "ApplePaySessionRequest",
    "ApplePaySessionResponse",
    "CardPaymentRequest",
    "CardPaymentResponse",
    "CardPayoutRequest",
    "CauseCorrection",
    "Chargeback",
    "ChargebackListRequest",
    "ChargebackListResponse",
    "ChargebackOperation",
    "ChargebackType",
    "ConfirmRequest",
    "ConnectionCheckResponse",
    "CorrectionReceipt",
    "CorrectionReceiptData",
    "CorrectionReceiptDataIndustryRequisitesItem",
    "CorrectionReceiptDataOperationReceiptRequisite",
    "CorrectionReceiptDataTaxationSystemType1",
    "CorrectionReceiptDataUserRequisiteData",
    "CorrectionReceiptRequest",
    "CorrectionReceiptResponse",
    "CorrectionReceiptType",
    "CorrectionType",
    "Currency",
    "CustomerReceipt",
    "Device",
    "DolyamiExtensionData",
    "DolyamiPayment",
    "DolyamiPaymentAnswer",
    "DolyamiPaymentRequest",
    "DolyamiPaymentRequestAltPayType",
    "DolyamiPaymentResponse",
    "Escrow",
    "EscrowAccumulationStatus",
    "EscrowInfo",
    "EscrowInfoRequest",
    "EscrowInfoResponse",
    "EscrowPayoutTransaction",
    "EscrowTransaction",
    "InfoShopData",
    "Interval",
    "IssuedCorrectionReceiptAmounts",
    "IssuedReceiptAmounts",
    "IssuedReceiptItem",
    "IssuedReceiptItemAgentDataType0",
    "IssuedReceiptItemPurveyorDataType0",
    "JsonData",
    "JsonDataCloudPayments",
    "ListedStatus",
    "NotificationSettings",
    "NotificationSettingsRequest",
    "NotificationSettingsRequestEncoding",
    "NotificationSettingsRequestFormat",
    "NotificationSettingsRequestHttpMethod",
    "NotificationSettingsResponse",
    "NotificationType",
    "OperationResponse",
    "Order",
    "OrderCreateRequest",
    "OrderIdRequest",
    "OrderResponse",
    "Payer",
    "PaymentFindRequest",
    "PaymentGetRequest",
    "PaymentListRequest",
    "PaymentListV2Request",
    "PaymentScheduled",
    "PaymentSchemeCode",
    "PaymentSchemeName",
    "PayoutCurrency",
    "PayoutEscrow",
    "Post3DsRequest",
    "QrPayment",
    "QrPaymentResponse",
    "QrPaymentStatus",
    "QrStatusRequest",
    "QrStatusResponse",
    "Receipt",
    "ReceiptAdditionalData",
    "ReceiptAmounts",
    "ReceiptIdRequest",
    "ReceiptItem",
    "ReceiptItemAgentData",
    "ReceiptItemPurveyorData",
    "ReceiptMethod",
    "ReceiptObject",
    "ReceiptQueued",
    "ReceiptQueuedAnswer",
    "ReceiptQueuedResponse",
    "ReceiptRequest",
    "ReceiptResponse",
    "ReceiptStatus",
    "ReceiptStatusResponse",
    "ReceiptType",
    "ReceiptVat",
    "RefundRequest",
    "RefundResponse",
    "RefundResult",
    "SberpayPaymentRequest",
    "SbpBank",
    "SbpBankList",
    "SbpBanksRequest",
    "SbpBanksResponse",
    "SbpPaymentRequest",
    "SbpPaymentRequestScheme",
    "SbpPayoutAnswer",
    "SbpPayoutReceiver",
    "SbpPayoutRequest",
    "SbpPayoutResponse",
    "Subscription",
    "SubscriptionBehavior",
    "SubscriptionCreateRequest",
    "SubscriptionFindRequest",
    "SubscriptionIdRequest",
    "SubscriptionListResponse",
    "SubscriptionReceipt",
    "SubscriptionResponse",
    "SubscriptionUpdateRequest",
    "TaxationSystem",
    "ThreeDSecureChallenge",
    "TimeZone",
    "Token",
    "TokenListRequest",
    "TokenListResponse",
    "TokenPaymentRequest",
    "TokenPayoutRequest",
    "TpayPaymentRequest",
    "TpayScheme",
    "Transaction",
    "TransactionListResponse",
    "TransactionReceiver",
    "TransactionResponse",
    "TrInitiatorCode",
    "UpdatableNotificationType",
    "VoidRequest",
)
