from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.currency import Currency, check_currency
from ..models.interval import Interval, check_interval
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.customer_receipt import CustomerReceipt


T = TypeVar("T", bound="SubscriptionCreateRequest")


@_attrs_define
class SubscriptionCreateRequest:
    """Creation of a subscription.

    Attributes:
        token (str): Card token given by the system after a first payment.
        account_id (str): User identifier.
        description (str): Description of the payment in any form.
        amount (float): Amount with a dot as decimal separator, at most two fractional digits, at least 0.01.
        currency (Currency): ISO 4217 letter code. Russian merchants agree foreign currencies in advance; BYR is
            obsolete.
        start_date (datetime.datetime | str): Date and time of the first payment by schedule, in UTC, in the future. ISO
            8601; a value without an
            offset is taken as UTC.
        interval (Interval): Unit of the payment interval (`Day` was added by the current API).
        period (int): Number of intervals between payments (1 Month = monthly, 2 Week = every two weeks).
        email (str | Unset): Payer's e-mail address.
        require_confirmation (bool | Unset): If true, each payment is made with the two-step scheme; false when left
            out. Both references mark it
            required, but the API takes a subscription without it (taken absent in practice): the PyPI client
            `cloudpayments` has sent it misspelt (`RequireConfiramtion`) from 1.3 to 1.6.3, in production use.
        max_periods (int | Unset): Maximum number of payments of the subscription.
        culture_name (str | Unset): Language of the texts for the payer (`CardHolderMessage`...), e.g. `ru-RU`, `en-US`.
        customer_receipt (CustomerReceipt | Unset): The contents of a receipt (`#customerreceipt`): what `/kkt/receipt`
            issues, and what a payment's
            `JsonData.CloudPayments.CustomerReceipt` or a subscription's `CustomerReceipt` has issued with each
            successful payment (and a refund with its return). At most 100 items. The reference's table marks
            `TaxationSystem` and `Amounts` required, and its text says `TaxationSystem` may be left out with a single
            taxation system (the first one registered applies); its own examples (the Receipt notification's, the
            `/kkt/receipt/get` answer's) have no `Amounts`, so both are optional here: when `Amounts` is given, the
            items must add up to its total. Other documented requisites (agent, customer, industry, non-cash
            payment data...) are taken as given.
    """

    token: str
    account_id: str
    description: str
    amount: Decimal | int | float
    currency: Currency
    start_date: datetime.datetime | str
    interval: Interval
    period: int
    email: str | Unset = UNSET
    require_confirmation: bool | Unset = UNSET
    max_periods: int | Unset = UNSET
    culture_name: str | Unset = UNSET
    customer_receipt: CustomerReceipt | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        token = self.token

        account_id = self.account_id

        description = self.description

        amount = self.amount

        currency: str = self.currency

        start_date: str
        if isinstance(self.start_date, datetime.datetime):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        interval: str = self.interval

        period = self.period

        email = self.email

        require_confirmation = self.require_confirmation

        max_periods = self.max_periods

        culture_name = self.culture_name

        customer_receipt: dict[str, Any] | Unset = UNSET
        if not isinstance(self.customer_receipt, Unset):
            customer_receipt = self.customer_receipt.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Token": token,
                "AccountId": account_id,
                "Description": description,
                "Amount": amount,
                "Currency": currency,
                "StartDate": start_date,
                "Interval": interval,
                "Period": period,
            }
        )
        if email is not UNSET:
            field_dict["Email"] = email
        if require_confirmation is not UNSET:
            field_dict["RequireConfirmation"] = require_confirmation
        if max_periods is not UNSET:
            field_dict["MaxPeriods"] = max_periods
        if culture_name is not UNSET:
            field_dict["CultureName"] = culture_name
        if customer_receipt is not UNSET:
            field_dict["CustomerReceipt"] = customer_receipt

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_receipt import CustomerReceipt  # noqa: PLC0415

        d = dict(src_dict)
        token = d.pop("Token")

        account_id = d.pop("AccountId")

        description = d.pop("Description")

        amount = d.pop("Amount")

        currency = check_currency(d.pop("Currency"))

        def _parse_start_date(data: object) -> datetime.datetime | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_date_type_0 = datetime.datetime.fromisoformat(data)

                return start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | str, data)

        start_date = _parse_start_date(d.pop("StartDate"))

        interval = check_interval(d.pop("Interval"))

        period = d.pop("Period")

        email = d.pop("Email", UNSET)

        require_confirmation = d.pop("RequireConfirmation", UNSET)

        max_periods = d.pop("MaxPeriods", UNSET)

        culture_name = d.pop("CultureName", UNSET)

        _customer_receipt = d.pop("CustomerReceipt", UNSET)
        customer_receipt: CustomerReceipt | Unset
        if isinstance(_customer_receipt, Unset):
            customer_receipt = UNSET
        else:
            customer_receipt = CustomerReceipt.from_dict(_customer_receipt)

        subscription_create_request = cls(
            token=token,
            account_id=account_id,
            description=description,
            amount=amount,
            currency=currency,
            start_date=start_date,
            interval=interval,
            period=period,
            email=email,
            require_confirmation=require_confirmation,
            max_periods=max_periods,
            culture_name=culture_name,
            customer_receipt=customer_receipt,
        )

        subscription_create_request.additional_properties = d
        return subscription_create_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
