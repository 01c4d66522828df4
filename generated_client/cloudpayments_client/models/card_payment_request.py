from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.currency import Currency, check_currency
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.airline_addendum import AirlineAddendum
    from ..models.escrow import Escrow
    from ..models.json_data import JsonData
    from ..models.payer import Payer


T = TypeVar("T", bound="CardPaymentRequest")


@_attrs_define
class CardPaymentRequest:
    """Payment by card cryptogram.

    Attributes:
        amount (float): Amount with a dot as decimal separator, at most two fractional digits, at least 0.01.
        ip_address (str): Payer's IP address.
        card_cryptogram_packet (str): Card data cryptogram made by the CloudPayments checkout script (never stored,
            never reused). For Apple Pay
            and Google Pay, the wallet's payment token as a JSON string.
        currency (Currency | Unset): ISO 4217 letter code. Russian merchants agree foreign currencies in advance; BYR is
            obsolete.
        invoice_id (str | Unset): Order or invoice number.
        description (str | Unset): Payment description in any form.
        account_id (str | Unset): User identifier; needed to get a token and to create subscriptions.
        email (str | Unset): Payer's e-mail address.
        name (str | Unset): Card holder's name, in Latin letters (required in the 2021 English reference, optional
            today).
        payment_url (str | Unset): Address of the site where the payment was made. Added by the current API.
        culture_name (str | Unset): Language of the texts for the payer (`CardHolderMessage`...), e.g. `ru-RU`, `en-US`.
        save_card (bool | Unset): Ask for a card token in the answer (honoured when token saving is enabled for the
            site). Added by the
            current API.
        json_data (JsonData | Unset): Any data; returned as a JSON-encoded string in the transaction. Instructions to
            CloudPayments sit under
            its `CloudPayments` key: `CloudPayments.CustomerReceipt` is the receipt a payment issues when it succeeds
            (an `Income` receipt; a full refund issues the `IncomeReturn` one).
        payer (Payer | Unset): Payer details; `Phone` is required by acquirers for telecom merchants (MCC 4814).
        escrow (Escrow | Unset): Safe-deal (escrow) accumulation of the payment.
        airline_addendum (AirlineAddendum | Unset): Airline ticket data (long record).
    """

    amount: Decimal | int | float
    ip_address: str
    card_cryptogram_packet: str
    currency: Currency | Unset = UNSET
    invoice_id: str | Unset = UNSET
    description: str | Unset = UNSET
    account_id: str | Unset = UNSET
    email: str | Unset = UNSET
    name: str | Unset = UNSET
    payment_url: str | Unset = UNSET
    culture_name: str | Unset = UNSET
    save_card: bool | Unset = UNSET
    json_data: JsonData | Unset = UNSET
    payer: Payer | Unset = UNSET
    escrow: Escrow | Unset = UNSET
    airline_addendum: AirlineAddendum | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        ip_address = self.ip_address

        card_cryptogram_packet = self.card_cryptogram_packet

        currency: str | Unset = UNSET
        if not isinstance(self.currency, Unset):
            currency = self.currency

        invoice_id = self.invoice_id

        description = self.description

        account_id = self.account_id

        email = self.email

        name = self.name

        payment_url = self.payment_url

        culture_name = self.culture_name

        save_card = self.save_card

        json_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.json_data, Unset):
            json_data = self.json_data.to_dict()

        payer: dict[str, Any] | Unset = UNSET
        if not isinstance(self.payer, Unset):
            payer = self.payer.to_dict()

        escrow: dict[str, Any] | Unset = UNSET
        if not isinstance(self.escrow, Unset):
            escrow = self.escrow.to_dict()

        airline_addendum: dict[str, Any] | Unset = UNSET
        if not isinstance(self.airline_addendum, Unset):
            airline_addendum = self.airline_addendum.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Amount": amount,
                "IpAddress": ip_address,
                "CardCryptogramPacket": card_cryptogram_packet,
            }
        )
        if currency is not UNSET:
            field_dict["Currency"] = currency
        if invoice_id is not UNSET:
            field_dict["InvoiceId"] = invoice_id
        if description is not UNSET:
            field_dict["Description"] = description
        if account_id is not UNSET:
            field_dict["AccountId"] = account_id
        if email is not UNSET:
            field_dict["Email"] = email
        if name is not UNSET:
            field_dict["Name"] = name
        if payment_url is not UNSET:
            field_dict["PaymentUrl"] = payment_url
        if culture_name is not UNSET:
            field_dict["CultureName"] = culture_name
        if save_card is not UNSET:
            field_dict["SaveCard"] = save_card
        if json_data is not UNSET:
            field_dict["JsonData"] = json_data
        if payer is not UNSET:
            field_dict["Payer"] = payer
        if escrow is not UNSET:
            field_dict["Escrow"] = escrow
        if airline_addendum is not UNSET:
            field_dict["AirlineAddendum"] = airline_addendum

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.airline_addendum import AirlineAddendum  # noqa: PLC0415
        from ..models.escrow import Escrow  # noqa: PLC0415
        from ..models.json_data import JsonData  # noqa: PLC0415
        from ..models.payer import Payer  # noqa: PLC0415

        d = dict(src_dict)
        amount = d.pop("Amount")

        ip_address = d.pop("IpAddress")

        card_cryptogram_packet = d.pop("CardCryptogramPacket")

        _currency = d.pop("Currency", UNSET)
        currency: Currency | Unset
        if isinstance(_currency, Unset):
            currency = UNSET
        else:
            currency = check_currency(_currency)

        invoice_id = d.pop("InvoiceId", UNSET)

        description = d.pop("Description", UNSET)

        account_id = d.pop("AccountId", UNSET)

        email = d.pop("Email", UNSET)

        name = d.pop("Name", UNSET)

        payment_url = d.pop("PaymentUrl", UNSET)

        culture_name = d.pop("CultureName", UNSET)

        save_card = d.pop("SaveCard", UNSET)

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

        _escrow = d.pop("Escrow", UNSET)
        escrow: Escrow | Unset
        if isinstance(_escrow, Unset):
            escrow = UNSET
        else:
            escrow = Escrow.from_dict(_escrow)

        _airline_addendum = d.pop("AirlineAddendum", UNSET)
        airline_addendum: AirlineAddendum | Unset
        if isinstance(_airline_addendum, Unset):
            airline_addendum = UNSET
        else:
            airline_addendum = AirlineAddendum.from_dict(_airline_addendum)

        card_payment_request = cls(
            amount=amount,
            ip_address=ip_address,
            card_cryptogram_packet=card_cryptogram_packet,
            currency=currency,
            invoice_id=invoice_id,
            description=description,
            account_id=account_id,
            email=email,
            name=name,
            payment_url=payment_url,
            culture_name=culture_name,
            save_card=save_card,
            json_data=json_data,
            payer=payer,
            escrow=escrow,
            airline_addendum=airline_addendum,
        )

        card_payment_request.additional_properties = d
        return card_payment_request

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
