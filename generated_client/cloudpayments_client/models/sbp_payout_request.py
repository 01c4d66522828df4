from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.payout_currency import PayoutCurrency, check_payout_currency
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.payer import Payer
    from ..models.sbp_payout_receiver import SbpPayoutReceiver


T = TypeVar("T", bound="SbpPayoutRequest")


@_attrs_define
class SbpPayoutRequest:
    """Payout by SBP to a phone.

    Attributes:
        amount (float): Amount with a dot as decimal separator, at most two fractional digits, at least 0.01.
        currency (PayoutCurrency): Payouts are made in rubles only.
        receiver (SbpPayoutReceiver): The receiver of an SBP payout: `Phone` names the account; the other fields are
            those of `Payer`.
        member_id (str | Unset): The receiver's bank, by its NSPK member id, digits only: `100000000111` for `schema:
            bank100000000111` in
            the NSPK's list (`https://qr.nspk.ru/proxyapp/c2bmembers.json`), or a member's `id` from
            `/sbp/v2/banks/info`. Optional in the reference's table, which also says it is required when
            `Receiver.Phone` is given (a required parameter).
        account_id (str | Unset): Receiver's identifier in the merchant's system.
        email (str | Unset): Payer's e-mail address.
        culture_name (str | Unset): Language of the texts for the payer (`CardHolderMessage`...), e.g. `ru-RU`, `en-US`.
        invoice_id (str | Unset): Order number in the merchant's system.
        description (str | Unset): Payout description in any form.
        payer (Payer | Unset): Payer details; `Phone` is required by acquirers for telecom merchants (MCC 4814).
    """

    amount: Decimal | int | float
    currency: PayoutCurrency
    receiver: SbpPayoutReceiver
    member_id: str | Unset = UNSET
    account_id: str | Unset = UNSET
    email: str | Unset = UNSET
    culture_name: str | Unset = UNSET
    invoice_id: str | Unset = UNSET
    description: str | Unset = UNSET
    payer: Payer | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        currency: str = self.currency

        receiver = self.receiver.to_dict()

        member_id = self.member_id

        account_id = self.account_id

        email = self.email

        culture_name = self.culture_name

        invoice_id = self.invoice_id

        description = self.description

        payer: dict[str, Any] | Unset = UNSET
        if not isinstance(self.payer, Unset):
            payer = self.payer.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Amount": amount,
                "Currency": currency,
                "Receiver": receiver,
            }
        )
        if member_id is not UNSET:
            field_dict["MemberId"] = member_id
        if account_id is not UNSET:
            field_dict["AccountId"] = account_id
        if email is not UNSET:
            field_dict["Email"] = email
        if culture_name is not UNSET:
            field_dict["CultureName"] = culture_name
        if invoice_id is not UNSET:
            field_dict["InvoiceId"] = invoice_id
        if description is not UNSET:
            field_dict["Description"] = description
        if payer is not UNSET:
            field_dict["Payer"] = payer

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.payer import Payer  # noqa: PLC0415
        from ..models.sbp_payout_receiver import SbpPayoutReceiver  # noqa: PLC0415

        d = dict(src_dict)
        amount = d.pop("Amount")

        currency = check_payout_currency(d.pop("Currency"))

        receiver = SbpPayoutReceiver.from_dict(d.pop("Receiver"))

        member_id = d.pop("MemberId", UNSET)

        account_id = d.pop("AccountId", UNSET)

        email = d.pop("Email", UNSET)

        culture_name = d.pop("CultureName", UNSET)

        invoice_id = d.pop("InvoiceId", UNSET)

        description = d.pop("Description", UNSET)

        _payer = d.pop("Payer", UNSET)
        payer: Payer | Unset
        if isinstance(_payer, Unset):
            payer = UNSET
        else:
            payer = Payer.from_dict(_payer)

        sbp_payout_request = cls(
            amount=amount,
            currency=currency,
            receiver=receiver,
            member_id=member_id,
            account_id=account_id,
            email=email,
            culture_name=culture_name,
            invoice_id=invoice_id,
            description=description,
            payer=payer,
        )

        sbp_payout_request.additional_properties = d
        return sbp_payout_request

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
