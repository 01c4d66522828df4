from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.receipt_type import ReceiptType, check_receipt_type
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.customer_receipt import CustomerReceipt


T = TypeVar("T", bound="ReceiptRequest")


@_attrs_define
class ReceiptRequest:
    """A receipt to issue.

    Attributes:
        inn (str): INN of the company (10 digits) or entrepreneur (12) the cash register is registered to.
        type_ (ReceiptType): Kind of settlement (`#type`): `Income` money received from the payer, `IncomeReturn` its
            return,
            `Expense` money paid out to the payer, `ExpenseReturn` its return. `x-codes`: the settlement sign's
            code (OFD tag 1054), which the receipt's QR code carries as `n`.
        customer_receipt (CustomerReceipt): The contents of a receipt (`#customerreceipt`): what `/kkt/receipt` issues,
            and what a payment's
            `JsonData.CloudPayments.CustomerReceipt` or a subscription's `CustomerReceipt` has issued with each
            successful payment (and a refund with its return). At most 100 items. The reference's table marks
            `TaxationSystem` and `Amounts` required, and its text says `TaxationSystem` may be left out with a single
            taxation system (the first one registered applies); its own examples (the Receipt notification's, the
            `/kkt/receipt/get` answer's) have no `Amounts`, so both are optional here: when `Amounts` is given, the
            items must add up to its total. Other documented requisites (agent, customer, industry, non-cash
            payment data...) are taken as given.
        invoice_id (str | Unset): Order number in the merchant's system.
        account_id (str | Unset): Payer id in the merchant's system.
    """

    inn: str
    type_: ReceiptType
    customer_receipt: CustomerReceipt
    invoice_id: str | Unset = UNSET
    account_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        inn = self.inn

        type_: str = self.type_

        customer_receipt = self.customer_receipt.to_dict()

        invoice_id = self.invoice_id

        account_id = self.account_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Inn": inn,
                "Type": type_,
                "CustomerReceipt": customer_receipt,
            }
        )
        if invoice_id is not UNSET:
            field_dict["InvoiceId"] = invoice_id
        if account_id is not UNSET:
            field_dict["AccountId"] = account_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_receipt import CustomerReceipt  # noqa: PLC0415

        d = dict(src_dict)
        inn = d.pop("Inn")

        type_ = check_receipt_type(d.pop("Type"))

        customer_receipt = CustomerReceipt.from_dict(d.pop("CustomerReceipt"))

        invoice_id = d.pop("InvoiceId", UNSET)

        account_id = d.pop("AccountId", UNSET)

        receipt_request = cls(
            inn=inn,
            type_=type_,
            customer_receipt=customer_receipt,
            invoice_id=invoice_id,
            account_id=account_id,
        )

        receipt_request.additional_properties = d
        return receipt_request

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
