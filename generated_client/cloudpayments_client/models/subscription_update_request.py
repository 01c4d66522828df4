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


T = TypeVar("T", bound="SubscriptionUpdateRequest")


@_attrs_define
class SubscriptionUpdateRequest:
    """Change of a subscription.

    Attributes:
        id (str): Subscription ID.
        description (str | Unset): Description of the payment in any form.
        amount (float | Unset): Amount with a dot as decimal separator, at most two fractional digits, at least 0.01.
        currency (Currency | Unset): ISO 4217 letter code. Russian merchants agree foreign currencies in advance; BYR is
            obsolete.
        require_confirmation (bool | Unset): If true, each payment is made with the two-step scheme.
        start_date (datetime.datetime | str | Unset): Date and time of the next payment, in UTC, in the future. ISO
            8601; a value without an offset is taken
            as UTC.
        interval (Interval | Unset): Unit of the payment interval (`Day` was added by the current API).
        period (int | Unset): Number of intervals between payments.
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

    id: str
    description: str | Unset = UNSET
    amount: Decimal | int | float | Unset = UNSET
    currency: Currency | Unset = UNSET
    require_confirmation: bool | Unset = UNSET
    start_date: datetime.datetime | str | Unset = UNSET
    interval: Interval | Unset = UNSET
    period: int | Unset = UNSET
    max_periods: int | Unset = UNSET
    culture_name: str | Unset = UNSET
    customer_receipt: CustomerReceipt | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        description = self.description

        amount = self.amount

        currency: str | Unset = UNSET
        if not isinstance(self.currency, Unset):
            currency = self.currency

        require_confirmation = self.require_confirmation

        start_date: str | Unset
        if isinstance(self.start_date, Unset):
            start_date = UNSET
        elif isinstance(self.start_date, datetime.datetime):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        interval: str | Unset = UNSET
        if not isinstance(self.interval, Unset):
            interval = self.interval

        period = self.period

        max_periods = self.max_periods

        culture_name = self.culture_name

        customer_receipt: dict[str, Any] | Unset = UNSET
        if not isinstance(self.customer_receipt, Unset):
            customer_receipt = self.customer_receipt.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Id": id,
            }
        )
        if description is not UNSET:
            field_dict["Description"] = description
        if amount is not UNSET:
            field_dict["Amount"] = amount
        if currency is not UNSET:
            field_dict["Currency"] = currency
        if require_confirmation is not UNSET:
            field_dict["RequireConfirmation"] = require_confirmation
        if start_date is not UNSET:
            field_dict["StartDate"] = start_date
        if interval is not UNSET:
            field_dict["Interval"] = interval
        if period is not UNSET:
            field_dict["Period"] = period
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
        id = d.pop("Id")

        description = d.pop("Description", UNSET)

        amount = d.pop("Amount", UNSET)

        _currency = d.pop("Currency", UNSET)
        currency: Currency | Unset
        if isinstance(_currency, Unset):
            currency = UNSET
        else:
            currency = check_currency(_currency)

        require_confirmation = d.pop("RequireConfirmation", UNSET)

        def _parse_start_date(data: object) -> datetime.datetime | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_date_type_0 = datetime.datetime.fromisoformat(data)

                return start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | str | Unset, data)

        start_date = _parse_start_date(d.pop("StartDate", UNSET))

        _interval = d.pop("Interval", UNSET)
        interval: Interval | Unset
        if isinstance(_interval, Unset):
            interval = UNSET
        else:
            interval = check_interval(_interval)

        period = d.pop("Period", UNSET)

        max_periods = d.pop("MaxPeriods", UNSET)

        culture_name = d.pop("CultureName", UNSET)

        _customer_receipt = d.pop("CustomerReceipt", UNSET)
        customer_receipt: CustomerReceipt | Unset
        if isinstance(_customer_receipt, Unset):
            customer_receipt = UNSET
        else:
            customer_receipt = CustomerReceipt.from_dict(_customer_receipt)

        subscription_update_request = cls(
            id=id,
            description=description,
            amount=amount,
            currency=currency,
            require_confirmation=require_confirmation,
            start_date=start_date,
            interval=interval,
            period=period,
            max_periods=max_periods,
            culture_name=culture_name,
            customer_receipt=customer_receipt,
        )

        subscription_update_request.additional_properties = d
        return subscription_update_request

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
