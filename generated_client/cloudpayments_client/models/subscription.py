from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.subscription_receipt import SubscriptionReceipt


T = TypeVar("T", bound="Subscription")


@_attrs_define
class Subscription:
    """A subscription for recurrent payments.

    Attributes:
        id (str): Subscription id, `sc_` and 29 hex digits.
        account_id (str):
        amount (float):
        currency (str):
        require_confirmation (bool):
        interval (str): `Day`, `Week` or `Month`.
        period (int):
        status (str): `Active`, `PastDue`, `Cancelled`, `Rejected` or `Expired`.
        description (None | str | Unset):
        email (None | str | Unset):
        currency_code (int | Unset):
        start_date (str | Unset): Microsoft JSON date, `/Date(<milliseconds since the epoch, UTC>)/`.
        start_date_iso (str | Unset): `yyyy-MM-ddTHH:mm:ss`, UTC, without an offset.
        interval_code (int | Unset): 0 Week, 1 Month, 2 Day.
        max_periods (int | None | Unset):
        culture_name (None | str | Unset):
        status_code (int | Unset): The code of `Status` (see Subscription statuses).
        successful_transactions_number (int | Unset):
        failed_transactions_number (int | Unset): Consecutive failures; reset after each success.
        last_transaction_date (None | str | Unset):
        last_transaction_date_iso (None | str | Unset):
        next_transaction_date (None | str | Unset): Null when cancelled.
        next_transaction_date_iso (None | str | Unset):
        receipt (None | SubscriptionReceipt | Unset):
        failover_scheme_id (None | str | Unset):
    """

    id: str
    account_id: str
    amount: float
    currency: str
    require_confirmation: bool
    interval: str
    period: int
    status: str
    description: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    currency_code: int | Unset = UNSET
    start_date: str | Unset = UNSET
    start_date_iso: str | Unset = UNSET
    interval_code: int | Unset = UNSET
    max_periods: int | None | Unset = UNSET
    culture_name: None | str | Unset = UNSET
    status_code: int | Unset = UNSET
    successful_transactions_number: int | Unset = UNSET
    failed_transactions_number: int | Unset = UNSET
    last_transaction_date: None | str | Unset = UNSET
    last_transaction_date_iso: None | str | Unset = UNSET
    next_transaction_date: None | str | Unset = UNSET
    next_transaction_date_iso: None | str | Unset = UNSET
    receipt: None | SubscriptionReceipt | Unset = UNSET
    failover_scheme_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.subscription_receipt import SubscriptionReceipt  # noqa: PLC0415

        id = self.id

        account_id = self.account_id

        amount = self.amount

        currency = self.currency

        require_confirmation = self.require_confirmation

        interval = self.interval

        period = self.period

        status = self.status

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        currency_code = self.currency_code

        start_date = self.start_date

        start_date_iso = self.start_date_iso

        interval_code = self.interval_code

        max_periods: int | None | Unset
        if isinstance(self.max_periods, Unset):
            max_periods = UNSET
        else:
            max_periods = self.max_periods

        culture_name: None | str | Unset
        if isinstance(self.culture_name, Unset):
            culture_name = UNSET
        else:
            culture_name = self.culture_name

        status_code = self.status_code

        successful_transactions_number = self.successful_transactions_number

        failed_transactions_number = self.failed_transactions_number

        last_transaction_date: None | str | Unset
        if isinstance(self.last_transaction_date, Unset):
            last_transaction_date = UNSET
        else:
            last_transaction_date = self.last_transaction_date

        last_transaction_date_iso: None | str | Unset
        if isinstance(self.last_transaction_date_iso, Unset):
            last_transaction_date_iso = UNSET
        else:
            last_transaction_date_iso = self.last_transaction_date_iso

        next_transaction_date: None | str | Unset
        if isinstance(self.next_transaction_date, Unset):
            next_transaction_date = UNSET
        else:
            next_transaction_date = self.next_transaction_date

        next_transaction_date_iso: None | str | Unset
        if isinstance(self.next_transaction_date_iso, Unset):
            next_transaction_date_iso = UNSET
        else:
            next_transaction_date_iso = self.next_transaction_date_iso

        receipt: dict[str, Any] | None | Unset
        if isinstance(self.receipt, Unset):
            receipt = UNSET
        elif isinstance(self.receipt, SubscriptionReceipt):
            receipt = self.receipt.to_dict()
        else:
            receipt = self.receipt

        failover_scheme_id: None | str | Unset
        if isinstance(self.failover_scheme_id, Unset):
            failover_scheme_id = UNSET
        else:
            failover_scheme_id = self.failover_scheme_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Id": id,
                "AccountId": account_id,
                "Amount": amount,
                "Currency": currency,
                "RequireConfirmation": require_confirmation,
                "Interval": interval,
                "Period": period,
                "Status": status,
            }
        )
        if description is not UNSET:
            field_dict["Description"] = description
        if email is not UNSET:
            field_dict["Email"] = email
        if currency_code is not UNSET:
            field_dict["CurrencyCode"] = currency_code
        if start_date is not UNSET:
            field_dict["StartDate"] = start_date
        if start_date_iso is not UNSET:
            field_dict["StartDateIso"] = start_date_iso
        if interval_code is not UNSET:
            field_dict["IntervalCode"] = interval_code
        if max_periods is not UNSET:
            field_dict["MaxPeriods"] = max_periods
        if culture_name is not UNSET:
            field_dict["CultureName"] = culture_name
        if status_code is not UNSET:
            field_dict["StatusCode"] = status_code
        if successful_transactions_number is not UNSET:
            field_dict["SuccessfulTransactionsNumber"] = successful_transactions_number
        if failed_transactions_number is not UNSET:
            field_dict["FailedTransactionsNumber"] = failed_transactions_number
        if last_transaction_date is not UNSET:
            field_dict["LastTransactionDate"] = last_transaction_date
        if last_transaction_date_iso is not UNSET:
            field_dict["LastTransactionDateIso"] = last_transaction_date_iso
        if next_transaction_date is not UNSET:
            field_dict["NextTransactionDate"] = next_transaction_date
        if next_transaction_date_iso is not UNSET:
            field_dict["NextTransactionDateIso"] = next_transaction_date_iso
        if receipt is not UNSET:
            field_dict["Receipt"] = receipt
        if failover_scheme_id is not UNSET:
            field_dict["FailoverSchemeId"] = failover_scheme_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.subscription_receipt import SubscriptionReceipt  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("Id")

        account_id = d.pop("AccountId")

        amount = d.pop("Amount")

        currency = d.pop("Currency")

        require_confirmation = d.pop("RequireConfirmation")

        interval = d.pop("Interval")

        period = d.pop("Period")

        status = d.pop("Status")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("Description", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("Email", UNSET))

        currency_code = d.pop("CurrencyCode", UNSET)

        start_date = d.pop("StartDate", UNSET)

        start_date_iso = d.pop("StartDateIso", UNSET)

        interval_code = d.pop("IntervalCode", UNSET)

        def _parse_max_periods(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_periods = _parse_max_periods(d.pop("MaxPeriods", UNSET))

        def _parse_culture_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        culture_name = _parse_culture_name(d.pop("CultureName", UNSET))

        status_code = d.pop("StatusCode", UNSET)

        successful_transactions_number = d.pop("SuccessfulTransactionsNumber", UNSET)

        failed_transactions_number = d.pop("FailedTransactionsNumber", UNSET)

        def _parse_last_transaction_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_transaction_date = _parse_last_transaction_date(d.pop("LastTransactionDate", UNSET))

        def _parse_last_transaction_date_iso(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_transaction_date_iso = _parse_last_transaction_date_iso(d.pop("LastTransactionDateIso", UNSET))

        def _parse_next_transaction_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_transaction_date = _parse_next_transaction_date(d.pop("NextTransactionDate", UNSET))

        def _parse_next_transaction_date_iso(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_transaction_date_iso = _parse_next_transaction_date_iso(d.pop("NextTransactionDateIso", UNSET))

        def _parse_receipt(data: object) -> None | SubscriptionReceipt | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                receipt_type_0 = SubscriptionReceipt.from_dict(data)

                return receipt_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SubscriptionReceipt | Unset, data)

        receipt = _parse_receipt(d.pop("Receipt", UNSET))

        def _parse_failover_scheme_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        failover_scheme_id = _parse_failover_scheme_id(d.pop("FailoverSchemeId", UNSET))

        subscription = cls(
            id=id,
            account_id=account_id,
            amount=amount,
            currency=currency,
            require_confirmation=require_confirmation,
            interval=interval,
            period=period,
            status=status,
            description=description,
            email=email,
            currency_code=currency_code,
            start_date=start_date,
            start_date_iso=start_date_iso,
            interval_code=interval_code,
            max_periods=max_periods,
            culture_name=culture_name,
            status_code=status_code,
            successful_transactions_number=successful_transactions_number,
            failed_transactions_number=failed_transactions_number,
            last_transaction_date=last_transaction_date,
            last_transaction_date_iso=last_transaction_date_iso,
            next_transaction_date=next_transaction_date,
            next_transaction_date_iso=next_transaction_date_iso,
            receipt=receipt,
            failover_scheme_id=failover_scheme_id,
        )

        subscription.additional_properties = d
        return subscription

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
