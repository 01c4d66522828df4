from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.taxation_system import TaxationSystem, check_taxation_system
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.receipt_amounts import ReceiptAmounts
    from ..models.receipt_item import ReceiptItem


T = TypeVar("T", bound="CustomerReceipt")


@_attrs_define
class CustomerReceipt:
    """The contents of a receipt (`#customerreceipt`): what `/kkt/receipt` issues, and what a payment's
    `JsonData.CloudPayments.CustomerReceipt` or a subscription's `CustomerReceipt` has issued with each
    successful payment (and a refund with its return). At most 100 items. The reference's table marks
    `TaxationSystem` and `Amounts` required, and its text says `TaxationSystem` may be left out with a single
    taxation system (the first one registered applies); its own examples (the Receipt notification's, the
    `/kkt/receipt/get` answer's) have no `Amounts`, so both are optional here: when `Amounts` is given, the
    items must add up to its total. Other documented requisites (agent, customer, industry, non-cash
    payment data...) are taken as given.

        Attributes:
            items (list[ReceiptItem]): The items, at most 100.
            taxation_system (TaxationSystem | Unset): Taxation system of the receipt (`#taxationsystem`): 0 general, 1
                simplified (income), 2 simplified
                (income less expenses), 3 imputed income, 4 agricultural, 5 patent.
            amounts (ReceiptAmounts | Unset): How the receipt's total was paid (`#amounts`); the total is the sum of these,
                and must equal the sum of
                the items' `Amount`. `Cash` is in the reference's example, not its table.
            calculation_place (str | Unset): Where the settlement takes place (the site).
            email (str | Unset): The payer's e-mail the receipt is sent to.
            phone (str | Unset): The payer's phone (digits, no brackets or dashes) a link to the receipt is sent to.
            customer_info (str | Unset): The buyer: organisation or name, passport (OFD tag 1227).
            customer_inn (str | Unset): The buyer's INN (OFD tag 1228).
            is_bso (bool | Unset): True for a strict reporting form (the reference spells it `isBso`).
            agent_sign (int | Unset): Agent's sign (OFD tag 1057), 0-6.
            cashier_name (str | Unset): Name of the cashier; the back office's setting when left out.
            additional_receipt_infos (list[str] | Unset): Additional lines of the receipt.
            additional_receipt_requisite (str | Unset): Additional requisite of the receipt (OFD tag 1192).
            is_internet_payment (bool | Unset): Sign of an internet payment (OFD tag 1125).
            russia_time_zone (int | Unset): Time zone of the settlement (OFD tag 1011), 1-11.
    """

    items: list[ReceiptItem]
    taxation_system: TaxationSystem | Unset = UNSET
    amounts: ReceiptAmounts | Unset = UNSET
    calculation_place: str | Unset = UNSET
    email: str | Unset = UNSET
    phone: str | Unset = UNSET
    customer_info: str | Unset = UNSET
    customer_inn: str | Unset = UNSET
    is_bso: bool | Unset = UNSET
    agent_sign: int | Unset = UNSET
    cashier_name: str | Unset = UNSET
    additional_receipt_infos: list[str] | Unset = UNSET
    additional_receipt_requisite: str | Unset = UNSET
    is_internet_payment: bool | Unset = UNSET
    russia_time_zone: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        taxation_system: int | Unset = UNSET
        if not isinstance(self.taxation_system, Unset):
            taxation_system = self.taxation_system

        amounts: dict[str, Any] | Unset = UNSET
        if not isinstance(self.amounts, Unset):
            amounts = self.amounts.to_dict()

        calculation_place = self.calculation_place

        email = self.email

        phone = self.phone

        customer_info = self.customer_info

        customer_inn = self.customer_inn

        is_bso = self.is_bso

        agent_sign = self.agent_sign

        cashier_name = self.cashier_name

        additional_receipt_infos: list[str] | Unset = UNSET
        if not isinstance(self.additional_receipt_infos, Unset):
            additional_receipt_infos = self.additional_receipt_infos

        additional_receipt_requisite = self.additional_receipt_requisite

        is_internet_payment = self.is_internet_payment

        russia_time_zone = self.russia_time_zone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Items": items,
            }
        )
        if taxation_system is not UNSET:
            field_dict["TaxationSystem"] = taxation_system
        if amounts is not UNSET:
            field_dict["Amounts"] = amounts
        if calculation_place is not UNSET:
            field_dict["CalculationPlace"] = calculation_place
        if email is not UNSET:
            field_dict["Email"] = email
        if phone is not UNSET:
            field_dict["Phone"] = phone
        if customer_info is not UNSET:
            field_dict["CustomerInfo"] = customer_info
        if customer_inn is not UNSET:
            field_dict["CustomerInn"] = customer_inn
        if is_bso is not UNSET:
            field_dict["IsBso"] = is_bso
        if agent_sign is not UNSET:
            field_dict["AgentSign"] = agent_sign
        if cashier_name is not UNSET:
            field_dict["CashierName"] = cashier_name
        if additional_receipt_infos is not UNSET:
            field_dict["AdditionalReceiptInfos"] = additional_receipt_infos
        if additional_receipt_requisite is not UNSET:
            field_dict["AdditionalReceiptRequisite"] = additional_receipt_requisite
        if is_internet_payment is not UNSET:
            field_dict["IsInternetPayment"] = is_internet_payment
        if russia_time_zone is not UNSET:
            field_dict["RussiaTimeZone"] = russia_time_zone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.receipt_amounts import ReceiptAmounts  # noqa: PLC0415
        from ..models.receipt_item import ReceiptItem  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("Items")
        for items_item_data in _items:
            items_item = ReceiptItem.from_dict(items_item_data)

            items.append(items_item)

        _taxation_system = d.pop("TaxationSystem", UNSET)
        taxation_system: TaxationSystem | Unset
        if isinstance(_taxation_system, Unset):
            taxation_system = UNSET
        else:
            taxation_system = check_taxation_system(_taxation_system)

        _amounts = d.pop("Amounts", UNSET)
        amounts: ReceiptAmounts | Unset
        if isinstance(_amounts, Unset):
            amounts = UNSET
        else:
            amounts = ReceiptAmounts.from_dict(_amounts)

        calculation_place = d.pop("CalculationPlace", UNSET)

        email = d.pop("Email", UNSET)

        phone = d.pop("Phone", UNSET)

        customer_info = d.pop("CustomerInfo", UNSET)

        customer_inn = d.pop("CustomerInn", UNSET)

        is_bso = d.pop("IsBso", UNSET)

        agent_sign = d.pop("AgentSign", UNSET)

        cashier_name = d.pop("CashierName", UNSET)

        additional_receipt_infos = cast(list[str], d.pop("AdditionalReceiptInfos", UNSET))

        additional_receipt_requisite = d.pop("AdditionalReceiptRequisite", UNSET)

        is_internet_payment = d.pop("IsInternetPayment", UNSET)

        russia_time_zone = d.pop("RussiaTimeZone", UNSET)

        customer_receipt = cls(
            items=items,
            taxation_system=taxation_system,
            amounts=amounts,
            calculation_place=calculation_place,
            email=email,
            phone=phone,
            customer_info=customer_info,
            customer_inn=customer_inn,
            is_bso=is_bso,
            agent_sign=agent_sign,
            cashier_name=cashier_name,
            additional_receipt_infos=additional_receipt_infos,
            additional_receipt_requisite=additional_receipt_requisite,
            is_internet_payment=is_internet_payment,
            russia_time_zone=russia_time_zone,
        )

        customer_receipt.additional_properties = d
        return customer_receipt

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
