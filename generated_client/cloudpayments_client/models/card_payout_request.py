from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.payout_currency import PayoutCurrency, check_payout_currency
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.json_data import JsonData
    from ..models.payer import Payer
    from ..models.payout_escrow import PayoutEscrow


T = TypeVar("T", bound="CardPayoutRequest")


@_attrs_define
class CardPayoutRequest:
    """Payout to a card by cryptogram.

    Attributes:
        card_cryptogram_packet (str): Cryptogram of the recipient's card, made by the CloudPayments checkout script.
        amount (float): Amount with a dot as decimal separator, at most two fractional digits, at least 0.01.
        currency (PayoutCurrency): Payouts are made in rubles only.
        name (str | Unset): Card holder's name, in Latin letters.
        account_id (str | Unset): Recipient's identifier in the merchant's system.
        email (str | Unset): Payer's e-mail address.
        invoice_id (str | Unset): Order or invoice number.
        description (str | Unset): Payout description in any form.
        escrow (PayoutEscrow | Unset): The safe deal a payout closes or continues (`#shema-integratsii-dlya-api-
            checkout`): the accumulation, the
            payments it pays out, and whether it is the deal's last payout. The mock validates and keeps it.
        json_data (JsonData | Unset): Any data; returned as a JSON-encoded string in the transaction. Instructions to
            CloudPayments sit under
            its `CloudPayments` key: `CloudPayments.CustomerReceipt` is the receipt a payment issues when it succeeds
            (an `Income` receipt; a full refund issues the `IncomeReturn` one).
        payer (Payer | Unset): Payer details; `Phone` is required by acquirers for telecom merchants (MCC 4814).
        receiver (Payer | Unset): Payer details; `Phone` is required by acquirers for telecom merchants (MCC 4814).
    """

    card_cryptogram_packet: str
    amount: Decimal | int | float
    currency: PayoutCurrency
    name: str | Unset = UNSET
    account_id: str | Unset = UNSET
    email: str | Unset = UNSET
    invoice_id: str | Unset = UNSET
    description: str | Unset = UNSET
    escrow: PayoutEscrow | Unset = UNSET
    json_data: JsonData | Unset = UNSET
    payer: Payer | Unset = UNSET
    receiver: Payer | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        card_cryptogram_packet = self.card_cryptogram_packet

        amount = self.amount

        currency: str = self.currency

        name = self.name

        account_id = self.account_id

        email = self.email

        invoice_id = self.invoice_id

        description = self.description

        escrow: dict[str, Any] | Unset = UNSET
        if not isinstance(self.escrow, Unset):
            escrow = self.escrow.to_dict()

        json_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.json_data, Unset):
            json_data = self.json_data.to_dict()

        payer: dict[str, Any] | Unset = UNSET
        if not isinstance(self.payer, Unset):
            payer = self.payer.to_dict()

        receiver: dict[str, Any] | Unset = UNSET
        if not isinstance(self.receiver, Unset):
            receiver = self.receiver.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "CardCryptogramPacket": card_cryptogram_packet,
                "Amount": amount,
                "Currency": currency,
            }
        )
        if name is not UNSET:
            field_dict["Name"] = name
        if account_id is not UNSET:
            field_dict["AccountId"] = account_id
        if email is not UNSET:
            field_dict["Email"] = email
        if invoice_id is not UNSET:
            field_dict["InvoiceId"] = invoice_id
        if description is not UNSET:
            field_dict["Description"] = description
        if escrow is not UNSET:
            field_dict["Escrow"] = escrow
        if json_data is not UNSET:
            field_dict["JsonData"] = json_data
        if payer is not UNSET:
            field_dict["Payer"] = payer
        if receiver is not UNSET:
            field_dict["Receiver"] = receiver

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.json_data import JsonData  # noqa: PLC0415
        from ..models.payer import Payer  # noqa: PLC0415
        from ..models.payout_escrow import PayoutEscrow  # noqa: PLC0415

        d = dict(src_dict)
        card_cryptogram_packet = d.pop("CardCryptogramPacket")

        amount = d.pop("Amount")

        currency = check_payout_currency(d.pop("Currency"))

        name = d.pop("Name", UNSET)

        account_id = d.pop("AccountId", UNSET)

        email = d.pop("Email", UNSET)

        invoice_id = d.pop("InvoiceId", UNSET)

        description = d.pop("Description", UNSET)

        _escrow = d.pop("Escrow", UNSET)
        escrow: PayoutEscrow | Unset
        if isinstance(_escrow, Unset):
            escrow = UNSET
        else:
            escrow = PayoutEscrow.from_dict(_escrow)

        _json_data = d.pop("JsonData", UNSET)
        json_data: JsonData | Unset
        if isinstance(_json_data, Unset):
            json_data = UNSET
        else:
            json_data = JsonData.from_dict(_json_data)

        _payer = d.pop("Payer", UNSET)
        payer: Payer | Unset
        if isinstance(_payer, Unset):
            payer = UNSET
        else:
            payer = Payer.from_dict(_payer)

        _receiver = d.pop("Receiver", UNSET)
        receiver: Payer | Unset
        if isinstance(_receiver, Unset):
            receiver = UNSET
        else:
            receiver = Payer.from_dict(_receiver)

        card_payout_request = cls(
            card_cryptogram_packet=card_cryptogram_packet,
            amount=amount,
            currency=currency,
            name=name,
            account_id=account_id,
            email=email,
            invoice_id=invoice_id,
            description=description,
            escrow=escrow,
            json_data=json_data,
            payer=payer,
            receiver=receiver,
        )

        card_payout_request.additional_properties = d
        return card_payout_request

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
