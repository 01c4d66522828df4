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
    from ..models.payout_escrow import PayoutEscrow


T = TypeVar("T", bound="TokenPayoutRequest")


@_attrs_define
class TokenPayoutRequest:
    """Payout to a card by token.

    Attributes:
        token (str): Card token issued on this terminal (not a T-Pay or SBP token).
        amount (float): Amount with a dot as decimal separator, at most two fractional digits, at least 0.01.
        account_id (str): Recipient's identifier the token was issued to.
        currency (PayoutCurrency): Payouts are made in rubles only.
        invoice_id (str | Unset): Order or invoice number.
        escrow (PayoutEscrow | Unset): The safe deal a payout closes or continues (`#shema-integratsii-dlya-api-
            checkout`): the accumulation, the
            payments it pays out, and whether it is the deal's last payout. The mock validates and keeps it.
        payer (Payer | Unset): Payer details; `Phone` is required by acquirers for telecom merchants (MCC 4814).
        receiver (Payer | Unset): Payer details; `Phone` is required by acquirers for telecom merchants (MCC 4814).
    """

    token: str
    amount: Decimal | int | float
    account_id: str
    currency: PayoutCurrency
    invoice_id: str | Unset = UNSET
    escrow: PayoutEscrow | Unset = UNSET
    payer: Payer | Unset = UNSET
    receiver: Payer | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        token = self.token

        amount = self.amount

        account_id = self.account_id

        currency: str = self.currency

        invoice_id = self.invoice_id

        escrow: dict[str, Any] | Unset = UNSET
        if not isinstance(self.escrow, Unset):
            escrow = self.escrow.to_dict()

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
                "Token": token,
                "Amount": amount,
                "AccountId": account_id,
                "Currency": currency,
            }
        )
        if invoice_id is not UNSET:
            field_dict["InvoiceId"] = invoice_id
        if escrow is not UNSET:
            field_dict["Escrow"] = escrow
        if payer is not UNSET:
            field_dict["Payer"] = payer
        if receiver is not UNSET:
            field_dict["Receiver"] = receiver

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.payer import Payer  # noqa: PLC0415
        from ..models.payout_escrow import PayoutEscrow  # noqa: PLC0415

        d = dict(src_dict)
        token = d.pop("Token")

        amount = d.pop("Amount")

        account_id = d.pop("AccountId")

        currency = check_payout_currency(d.pop("Currency"))

        invoice_id = d.pop("InvoiceId", UNSET)

        _escrow = d.pop("Escrow", UNSET)
        escrow: PayoutEscrow | Unset
        if isinstance(_escrow, Unset):
            escrow = UNSET
        else:
            escrow = PayoutEscrow.from_dict(_escrow)

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

        token_payout_request = cls(
            token=token,
            amount=amount,
            account_id=account_id,
            currency=currency,
            invoice_id=invoice_id,
            escrow=escrow,
            payer=payer,
            receiver=receiver,
        )

        token_payout_request.additional_properties = d
        return token_payout_request

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
