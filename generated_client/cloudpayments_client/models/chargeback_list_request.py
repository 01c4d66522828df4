from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ChargebackListRequest")


@_attrs_define
class ChargebackListRequest:
    """The chargebacks and fees of a period, page by page (`#vygruzka-spiska-pretenziy-za-proizvolnyy-period`).

    Attributes:
        created_date_gte (datetime.datetime | str): Start of the period (included), ISO 8601, e.g.
            `2021-03-09T00:00:00+03:00`; a value without an offset is
            taken in UTC. At most a year before `CreatedDateLte`.
        created_date_lte (datetime.datetime | str): End of the period (included), as `CreatedDateGte`.
        page_number (int): Page to return, from 1; 100 chargebacks a page.
    """

    created_date_gte: datetime.datetime | str
    created_date_lte: datetime.datetime | str
    page_number: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_date_gte: str
        if isinstance(self.created_date_gte, datetime.datetime):
            created_date_gte = self.created_date_gte.isoformat()
        else:
            created_date_gte = self.created_date_gte

        created_date_lte: str
        if isinstance(self.created_date_lte, datetime.datetime):
            created_date_lte = self.created_date_lte.isoformat()
        else:
            created_date_lte = self.created_date_lte

        page_number = self.page_number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "CreatedDateGte": created_date_gte,
                "CreatedDateLte": created_date_lte,
                "PageNumber": page_number,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_created_date_gte(data: object) -> datetime.datetime | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_date_gte_type_0 = datetime.datetime.fromisoformat(data)

                return created_date_gte_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | str, data)

        created_date_gte = _parse_created_date_gte(d.pop("CreatedDateGte"))

        def _parse_created_date_lte(data: object) -> datetime.datetime | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_date_lte_type_0 = datetime.datetime.fromisoformat(data)

                return created_date_lte_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | str, data)

        created_date_lte = _parse_created_date_lte(d.pop("CreatedDateLte"))

        page_number = d.pop("PageNumber")

        chargeback_list_request = cls(
            created_date_gte=created_date_gte,
            created_date_lte=created_date_lte,
            page_number=page_number,
        )

        chargeback_list_request.additional_properties = d
        return chargeback_list_request

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
