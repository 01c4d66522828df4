from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.receipt_method import ReceiptMethod, check_receipt_method
from ..models.receipt_object import ReceiptObject, check_receipt_object
from ..models.receipt_vat import ReceiptVat, check_receipt_vat
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.receipt_item_agent_data import ReceiptItemAgentData
    from ..models.receipt_item_purveyor_data import ReceiptItemPurveyorData


T = TypeVar("T", bound="ReceiptItem")


@_attrs_define
class ReceiptItem:
    """One item of a receipt (`#items`). `Amount` is `Price` times `Quantity`, less any discount. The items
    table lists more requisites (agent and supplier data, marking codes, customs data...), taken as given.

        Attributes:
            label (str): Name of the goods or service (at most 128 characters; longer ones are cut).
            price (float): A sum of a receipt, at least 0, with a dot as decimal separator and at most two fractional
                digits.
            quantity (float): Quantity of an item, more than 0; fractions for goods sold by measure (`2.5`).
            amount (float): A sum of a receipt, at least 0, with a dot as decimal separator and at most two fractional
                digits.
            vat (ReceiptVat | Unset): VAT rate of an item (`#vat`): `null` (or left out) not subject to VAT, which is not
                the same as `0`
                (VAT 0%); 5, 7, 10, 20 (until the end of 2025), 22 (from 2026) percent; 105, 107, 110, 120, 122 the
                rates included in the price (5/105...).
            method (ReceiptMethod | Unset): Method of settlement of an item (`#method`, OFD tag 1214): 1 full prepayment, 2
                prepayment, 3 advance,
                4 full settlement (the default), 5 partial settlement and credit, 6 credit, 7 payment of a credit.
                The reference's `/kkt/receipt/get` example answers 0, which its table does not list.
            object_ (ReceiptObject | Unset): Subject of settlement of an item (`#object`, OFD tag 1212); the names are in
                `x-codes`.
            measurement_unit (str | Unset): Unit of measure (text; `UnitCode` replaces it in FFD 1.2).
            unit_code (int | Unset): Unit of measure as a code (OFD tag 2108, FFD 1.2; 0 pieces).
            excise (float | Unset): A sum of a receipt, at least 0, with a dot as decimal separator and at most two
                fractional digits.
            country_origin_code (str | Unset): Country of origin, three digits (OFD tag 1230).
            customs_declaration_number (str | Unset): Customs declaration number (OFD tag 1231).
            agent_sign (int | Unset): Agent's sign for the item (OFD tag 1222), 0-6.
            agent_data (ReceiptItemAgentData | Unset): Agent's data (OFD tag 1223).
            purveyor_data (ReceiptItemPurveyorData | Unset): Supplier's data (OFD tag 1224): `Name`, `Inn`, `Phone`.
            additional_position_info (str | Unset): Additional text of the item.
            sale_object_data (str | Unset): Additional requisite of the subject (OFD tag 1191).
    """

    label: str
    price: Decimal | int | float
    quantity: Decimal | int | float
    amount: Decimal | int | float
    vat: ReceiptVat | Unset = UNSET
    method: ReceiptMethod | Unset = UNSET
    object_: ReceiptObject | Unset = UNSET
    measurement_unit: str | Unset = UNSET
    unit_code: int | Unset = UNSET
    excise: Decimal | int | float | Unset = UNSET
    country_origin_code: str | Unset = UNSET
    customs_declaration_number: str | Unset = UNSET
    agent_sign: int | Unset = UNSET
    agent_data: ReceiptItemAgentData | Unset = UNSET
    purveyor_data: ReceiptItemPurveyorData | Unset = UNSET
    additional_position_info: str | Unset = UNSET
    sale_object_data: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        label = self.label

        price = self.price

        quantity = self.quantity

        amount = self.amount

        vat: int | Unset = UNSET
        if not isinstance(self.vat, Unset):
            vat = self.vat

        method: int | Unset = UNSET
        if not isinstance(self.method, Unset):
            method = self.method

        object_: int | Unset = UNSET
        if not isinstance(self.object_, Unset):
            object_ = self.object_

        measurement_unit = self.measurement_unit

        unit_code = self.unit_code

        excise = self.excise

        country_origin_code = self.country_origin_code

        customs_declaration_number = self.customs_declaration_number

        agent_sign = self.agent_sign

        agent_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.agent_data, Unset):
            agent_data = self.agent_data.to_dict()

        purveyor_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.purveyor_data, Unset):
            purveyor_data = self.purveyor_data.to_dict()

        additional_position_info = self.additional_position_info

        sale_object_data = self.sale_object_data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Label": label,
                "Price": price,
                "Quantity": quantity,
                "Amount": amount,
            }
        )
        if vat is not UNSET:
            field_dict["Vat"] = vat
        if method is not UNSET:
            field_dict["Method"] = method
        if object_ is not UNSET:
            field_dict["Object"] = object_
        if measurement_unit is not UNSET:
            field_dict["MeasurementUnit"] = measurement_unit
        if unit_code is not UNSET:
            field_dict["UnitCode"] = unit_code
        if excise is not UNSET:
            field_dict["Excise"] = excise
        if country_origin_code is not UNSET:
            field_dict["CountryOriginCode"] = country_origin_code
        if customs_declaration_number is not UNSET:
            field_dict["CustomsDeclarationNumber"] = customs_declaration_number
        if agent_sign is not UNSET:
            field_dict["AgentSign"] = agent_sign
        if agent_data is not UNSET:
            field_dict["AgentData"] = agent_data
        if purveyor_data is not UNSET:
            field_dict["PurveyorData"] = purveyor_data
        if additional_position_info is not UNSET:
            field_dict["AdditionalPositionInfo"] = additional_position_info
        if sale_object_data is not UNSET:
            field_dict["SaleObjectData"] = sale_object_data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.receipt_item_agent_data import ReceiptItemAgentData  # noqa: PLC0415
        from ..models.receipt_item_purveyor_data import ReceiptItemPurveyorData  # noqa: PLC0415

        d = dict(src_dict)
        label = d.pop("Label")

        price = d.pop("Price")

        quantity = d.pop("Quantity")

        amount = d.pop("Amount")

        _vat = d.pop("Vat", UNSET)
        vat: ReceiptVat | Unset
        if isinstance(_vat, Unset):
            vat = UNSET
        else:
            vat = check_receipt_vat(_vat)

        _method = d.pop("Method", UNSET)
        method: ReceiptMethod | Unset
        if isinstance(_method, Unset):
            method = UNSET
        else:
            method = check_receipt_method(_method)

        _object_ = d.pop("Object", UNSET)
        object_: ReceiptObject | Unset
        if isinstance(_object_, Unset):
            object_ = UNSET
        else:
            object_ = check_receipt_object(_object_)

        measurement_unit = d.pop("MeasurementUnit", UNSET)

        unit_code = d.pop("UnitCode", UNSET)

        excise = d.pop("Excise", UNSET)

        country_origin_code = d.pop("CountryOriginCode", UNSET)

        customs_declaration_number = d.pop("CustomsDeclarationNumber", UNSET)

        agent_sign = d.pop("AgentSign", UNSET)

        _agent_data = d.pop("AgentData", UNSET)
        agent_data: ReceiptItemAgentData | Unset
        if isinstance(_agent_data, Unset):
            agent_data = UNSET
        else:
            agent_data = ReceiptItemAgentData.from_dict(_agent_data)

        _purveyor_data = d.pop("PurveyorData", UNSET)
        purveyor_data: ReceiptItemPurveyorData | Unset
        if isinstance(_purveyor_data, Unset):
            purveyor_data = UNSET
        else:
            purveyor_data = ReceiptItemPurveyorData.from_dict(_purveyor_data)

        additional_position_info = d.pop("AdditionalPositionInfo", UNSET)

        sale_object_data = d.pop("SaleObjectData", UNSET)

        receipt_item = cls(
            label=label,
            price=price,
            quantity=quantity,
            amount=amount,
            vat=vat,
            method=method,
            object_=object_,
            measurement_unit=measurement_unit,
            unit_code=unit_code,
            excise=excise,
            country_origin_code=country_origin_code,
            customs_declaration_number=customs_declaration_number,
            agent_sign=agent_sign,
            agent_data=agent_data,
            purveyor_data=purveyor_data,
            additional_position_info=additional_position_info,
            sale_object_data=sale_object_data,
        )

        receipt_item.additional_properties = d
        return receipt_item

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
