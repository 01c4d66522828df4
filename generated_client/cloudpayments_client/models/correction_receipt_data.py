from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.correction_receipt_data_taxation_system_type_1 import (
    CorrectionReceiptDataTaxationSystemType1,
    check_correction_receipt_data_taxation_system_type_1,
)
from ..models.correction_receipt_type import CorrectionReceiptType, check_correction_receipt_type
from ..models.correction_type import CorrectionType, check_correction_type
from ..models.receipt_vat import ReceiptVat, check_receipt_vat
from ..models.taxation_system import TaxationSystem, check_taxation_system
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cause_correction import CauseCorrection
    from ..models.correction_receipt_data_industry_requisites_item import CorrectionReceiptDataIndustryRequisitesItem
    from ..models.correction_receipt_data_operation_receipt_requisite import (
        CorrectionReceiptDataOperationReceiptRequisite,
    )
    from ..models.correction_receipt_data_user_requisite_data import CorrectionReceiptDataUserRequisiteData
    from ..models.receipt_amounts import ReceiptAmounts
    from ..models.receipt_item import ReceiptItem


T = TypeVar("T", bound="CorrectionReceiptData")


@_attrs_define
class CorrectionReceiptData:
    """The contents of a correction receipt (`#correctionreceiptdata`). The reference's example sends
    `TaxationSystem` as text (`"0"`), which is taken. `Items` (required for FFD 1.2), when given, must add
    up to the total of `Amounts`. Other documented requisites (industry, operation, customer data) are
    taken as given.

        Attributes:
            organization_inn (str): INN of the company (10 digits) or entrepreneur (12) the cash register is registered to.
            taxation_system (CorrectionReceiptDataTaxationSystemType1 | TaxationSystem): The taxation system
                (`#taxationsystem`), a number or its digit as text.
            correction_receipt_type (CorrectionReceiptType): The settlement sign of a correction receipt
                (`#correctionreceipttype`): 1 income, 2 return of an income,
                3 expense, 4 return of an expense; the same codes as `ReceiptType`'s `x-codes` (OFD tag 1054).
            cause_correction (CauseCorrection): The ground of the correction (`#causecorrection`): the document's date and
                number. The table marks both
                required; the reference's example sends `CorrectionNumber: null`, so it is optional here (null taken).
            amounts (ReceiptAmounts): How the receipt's total was paid (`#amounts`); the total is the sum of these, and must
                equal the sum of
                the items' `Amount`. `Cash` is in the reference's example, not its table.
            vat_rate (ReceiptVat | Unset): VAT rate of an item (`#vat`): `null` (or left out) not subject to VAT, which is
                not the same as `0`
                (VAT 0%); 5, 7, 10, 20 (until the end of 2025), 22 (from 2026) percent; 105, 107, 110, 120, 122 the
                rates included in the price (5/105...).
            items (list[ReceiptItem] | Unset): The items, at most 100 (required for FFD 1.2).
            industry_requisites (list[CorrectionReceiptDataIndustryRequisitesItem] | Unset): Industry requisites of the
                receipt (OFD tag 1261, FFD 1.2).
            user_requisite_data (CorrectionReceiptDataUserRequisiteData | Unset): Additional requisite of the user (OFD tag
                1084).
            operation_receipt_requisite (CorrectionReceiptDataOperationReceiptRequisite | Unset): Operational requisite of
                the receipt (OFD tag 1270, FFD 1.2).
            customer_info (str | Unset): The buyer: organisation or name, passport (OFD tag 1227).
            customer_inn (str | Unset): The buyer's INN (OFD tag 1228).
            customer_birthday (str | Unset): The buyer's date of birth (OFD tag 1243, FFD 1.2).
            customer_state_code (str | Unset): The buyer's citizenship (OFD tag 1244, FFD 1.2).
            customer_doc_type (str | Unset): Code of the buyer's identity document (OFD tag 1245, FFD 1.2).
            customer_doc (str | Unset): The buyer's identity document (OFD tag 1246, FFD 1.2).
            customer_place (str | Unset): The buyer's address (OFD tag 1254, FFD 1.2).
            is_bso (bool | Unset): True for a strict reporting form.
            customer_contact_address (str | Unset): The buyer's e-mail or phone (OFD tag 1008).
            cashier_name (str | Unset): Name of the cashier.
            cashier_inn (str | Unset): INN of the cashier.
            payment_place (str | Unset): Where the cash register is used (the site).
            payment_address (str | Unset): Address where the cash register is used.
            correction_type (CorrectionType | Unset): Kind of correction (`#correctiontype`): 0 on one's own initiative, 1
                by order.
            additional_receipt_requisite (str | Unset): Additional requisite of the receipt (OFD tag 1192).
            is_internet_payment (bool | Unset): Sign of an internet payment (OFD tag 1125).
            russia_time_zone (int | Unset): Time zone of the settlement (OFD tag 1011), 1-11.
    """

    organization_inn: str
    taxation_system: CorrectionReceiptDataTaxationSystemType1 | TaxationSystem
    correction_receipt_type: CorrectionReceiptType
    cause_correction: CauseCorrection
    amounts: ReceiptAmounts
    vat_rate: ReceiptVat | Unset = UNSET
    items: list[ReceiptItem] | Unset = UNSET
    industry_requisites: list[CorrectionReceiptDataIndustryRequisitesItem] | Unset = UNSET
    user_requisite_data: CorrectionReceiptDataUserRequisiteData | Unset = UNSET
    operation_receipt_requisite: CorrectionReceiptDataOperationReceiptRequisite | Unset = UNSET
    customer_info: str | Unset = UNSET
    customer_inn: str | Unset = UNSET
    customer_birthday: str | Unset = UNSET
    customer_state_code: str | Unset = UNSET
    customer_doc_type: str | Unset = UNSET
    customer_doc: str | Unset = UNSET
    customer_place: str | Unset = UNSET
    is_bso: bool | Unset = UNSET
    customer_contact_address: str | Unset = UNSET
    cashier_name: str | Unset = UNSET
    cashier_inn: str | Unset = UNSET
    payment_place: str | Unset = UNSET
    payment_address: str | Unset = UNSET
    correction_type: CorrectionType | Unset = UNSET
    additional_receipt_requisite: str | Unset = UNSET
    is_internet_payment: bool | Unset = UNSET
    russia_time_zone: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        organization_inn = self.organization_inn

        taxation_system: int | str
        if isinstance(self.taxation_system, int):
            taxation_system = self.taxation_system
        else:
            taxation_system = self.taxation_system

        correction_receipt_type: int = self.correction_receipt_type

        cause_correction = self.cause_correction.to_dict()

        amounts = self.amounts.to_dict()

        vat_rate: int | Unset = UNSET
        if not isinstance(self.vat_rate, Unset):
            vat_rate = self.vat_rate

        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        industry_requisites: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.industry_requisites, Unset):
            industry_requisites = []
            for industry_requisites_item_data in self.industry_requisites:
                industry_requisites_item = industry_requisites_item_data.to_dict()
                industry_requisites.append(industry_requisites_item)

        user_requisite_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.user_requisite_data, Unset):
            user_requisite_data = self.user_requisite_data.to_dict()

        operation_receipt_requisite: dict[str, Any] | Unset = UNSET
        if not isinstance(self.operation_receipt_requisite, Unset):
            operation_receipt_requisite = self.operation_receipt_requisite.to_dict()

        customer_info = self.customer_info

        customer_inn = self.customer_inn

        customer_birthday = self.customer_birthday

        customer_state_code = self.customer_state_code

        customer_doc_type = self.customer_doc_type

        customer_doc = self.customer_doc

        customer_place = self.customer_place

        is_bso = self.is_bso

        customer_contact_address = self.customer_contact_address

        cashier_name = self.cashier_name

        cashier_inn = self.cashier_inn

        payment_place = self.payment_place

        payment_address = self.payment_address

        correction_type: int | Unset = UNSET
        if not isinstance(self.correction_type, Unset):
            correction_type = self.correction_type

        additional_receipt_requisite = self.additional_receipt_requisite

        is_internet_payment = self.is_internet_payment

        russia_time_zone = self.russia_time_zone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "OrganizationInn": organization_inn,
                "TaxationSystem": taxation_system,
                "CorrectionReceiptType": correction_receipt_type,
                "CauseCorrection": cause_correction,
                "Amounts": amounts,
            }
        )
        if vat_rate is not UNSET:
            field_dict["VatRate"] = vat_rate
        if items is not UNSET:
            field_dict["Items"] = items
        if industry_requisites is not UNSET:
            field_dict["IndustryRequisites"] = industry_requisites
        if user_requisite_data is not UNSET:
            field_dict["UserRequisiteData"] = user_requisite_data
        if operation_receipt_requisite is not UNSET:
            field_dict["OperationReceiptRequisite"] = operation_receipt_requisite
        if customer_info is not UNSET:
            field_dict["CustomerInfo"] = customer_info
        if customer_inn is not UNSET:
            field_dict["CustomerInn"] = customer_inn
        if customer_birthday is not UNSET:
            field_dict["CustomerBirthday"] = customer_birthday
        if customer_state_code is not UNSET:
            field_dict["CustomerStateCode"] = customer_state_code
        if customer_doc_type is not UNSET:
            field_dict["CustomerDocType"] = customer_doc_type
        if customer_doc is not UNSET:
            field_dict["CustomerDoc"] = customer_doc
        if customer_place is not UNSET:
            field_dict["CustomerPlace"] = customer_place
        if is_bso is not UNSET:
            field_dict["IsBso"] = is_bso
        if customer_contact_address is not UNSET:
            field_dict["CustomerContactAddress"] = customer_contact_address
        if cashier_name is not UNSET:
            field_dict["CashierName"] = cashier_name
        if cashier_inn is not UNSET:
            field_dict["CashierInn"] = cashier_inn
        if payment_place is not UNSET:
            field_dict["PaymentPlace"] = payment_place
        if payment_address is not UNSET:
            field_dict["PaymentAddress"] = payment_address
        if correction_type is not UNSET:
            field_dict["CorrectionType"] = correction_type
        if additional_receipt_requisite is not UNSET:
            field_dict["AdditionalReceiptRequisite"] = additional_receipt_requisite
        if is_internet_payment is not UNSET:
            field_dict["IsInternetPayment"] = is_internet_payment
        if russia_time_zone is not UNSET:
            field_dict["RussiaTimeZone"] = russia_time_zone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cause_correction import CauseCorrection  # noqa: PLC0415
        from ..models.correction_receipt_data_industry_requisites_item import (
            CorrectionReceiptDataIndustryRequisitesItem,  # noqa: PLC0415
        )
        from ..models.correction_receipt_data_operation_receipt_requisite import (
            CorrectionReceiptDataOperationReceiptRequisite,  # noqa: PLC0415
        )
        from ..models.correction_receipt_data_user_requisite_data import CorrectionReceiptDataUserRequisiteData  # noqa: PLC0415
        from ..models.receipt_amounts import ReceiptAmounts  # noqa: PLC0415
        from ..models.receipt_item import ReceiptItem  # noqa: PLC0415

        d = dict(src_dict)
        organization_inn = d.pop("OrganizationInn")

        def _parse_taxation_system(data: object) -> CorrectionReceiptDataTaxationSystemType1 | TaxationSystem:
            try:
                if not isinstance(data, int):
                    raise TypeError()
                taxation_system_type_0 = check_taxation_system(data)

                return taxation_system_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            taxation_system_type_1 = check_correction_receipt_data_taxation_system_type_1(data)

            return taxation_system_type_1

        taxation_system = _parse_taxation_system(d.pop("TaxationSystem"))

        correction_receipt_type = check_correction_receipt_type(d.pop("CorrectionReceiptType"))

        cause_correction = CauseCorrection.from_dict(d.pop("CauseCorrection"))

        amounts = ReceiptAmounts.from_dict(d.pop("Amounts"))

        _vat_rate = d.pop("VatRate", UNSET)
        vat_rate: ReceiptVat | Unset
        if isinstance(_vat_rate, Unset):
            vat_rate = UNSET
        else:
            vat_rate = check_receipt_vat(_vat_rate)

        _items = d.pop("Items", UNSET)
        items: list[ReceiptItem] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = ReceiptItem.from_dict(items_item_data)

                items.append(items_item)

        _industry_requisites = d.pop("IndustryRequisites", UNSET)
        industry_requisites: list[CorrectionReceiptDataIndustryRequisitesItem] | Unset = UNSET
        if _industry_requisites is not UNSET:
            industry_requisites = []
            for industry_requisites_item_data in _industry_requisites:
                industry_requisites_item = CorrectionReceiptDataIndustryRequisitesItem.from_dict(
                    industry_requisites_item_data
                )

                industry_requisites.append(industry_requisites_item)

        _user_requisite_data = d.pop("UserRequisiteData", UNSET)
        user_requisite_data: CorrectionReceiptDataUserRequisiteData | Unset
        if isinstance(_user_requisite_data, Unset):
            user_requisite_data = UNSET
        else:
            user_requisite_data = CorrectionReceiptDataUserRequisiteData.from_dict(_user_requisite_data)

        _operation_receipt_requisite = d.pop("OperationReceiptRequisite", UNSET)
        operation_receipt_requisite: CorrectionReceiptDataOperationReceiptRequisite | Unset
        if isinstance(_operation_receipt_requisite, Unset):
            operation_receipt_requisite = UNSET
        else:
            operation_receipt_requisite = CorrectionReceiptDataOperationReceiptRequisite.from_dict(
                _operation_receipt_requisite
            )

        customer_info = d.pop("CustomerInfo", UNSET)

        customer_inn = d.pop("CustomerInn", UNSET)

        customer_birthday = d.pop("CustomerBirthday", UNSET)

        customer_state_code = d.pop("CustomerStateCode", UNSET)

        customer_doc_type = d.pop("CustomerDocType", UNSET)

        customer_doc = d.pop("CustomerDoc", UNSET)

        customer_place = d.pop("CustomerPlace", UNSET)

        is_bso = d.pop("IsBso", UNSET)

        customer_contact_address = d.pop("CustomerContactAddress", UNSET)

        cashier_name = d.pop("CashierName", UNSET)

        cashier_inn = d.pop("CashierInn", UNSET)

        payment_place = d.pop("PaymentPlace", UNSET)

        payment_address = d.pop("PaymentAddress", UNSET)

        _correction_type = d.pop("CorrectionType", UNSET)
        correction_type: CorrectionType | Unset
        if isinstance(_correction_type, Unset):
            correction_type = UNSET
        else:
            correction_type = check_correction_type(_correction_type)

        additional_receipt_requisite = d.pop("AdditionalReceiptRequisite", UNSET)

        is_internet_payment = d.pop("IsInternetPayment", UNSET)

        russia_time_zone = d.pop("RussiaTimeZone", UNSET)

        correction_receipt_data = cls(
            organization_inn=organization_inn,
            taxation_system=taxation_system,
            correction_receipt_type=correction_receipt_type,
            cause_correction=cause_correction,
            amounts=amounts,
            vat_rate=vat_rate,
            items=items,
            industry_requisites=industry_requisites,
            user_requisite_data=user_requisite_data,
            operation_receipt_requisite=operation_receipt_requisite,
            customer_info=customer_info,
            customer_inn=customer_inn,
            customer_birthday=customer_birthday,
            customer_state_code=customer_state_code,
            customer_doc_type=customer_doc_type,
            customer_doc=customer_doc,
            customer_place=customer_place,
            is_bso=is_bso,
            customer_contact_address=customer_contact_address,
            cashier_name=cashier_name,
            cashier_inn=cashier_inn,
            payment_place=payment_place,
            payment_address=payment_address,
            correction_type=correction_type,
            additional_receipt_requisite=additional_receipt_requisite,
            is_internet_payment=is_internet_payment,
            russia_time_zone=russia_time_zone,
        )

        correction_receipt_data.additional_properties = d
        return correction_receipt_data

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
