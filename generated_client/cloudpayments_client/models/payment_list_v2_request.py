from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.listed_status import ListedStatus, check_listed_status
from ..models.time_zone import TimeZone, check_time_zone
from ..types import UNSET, Unset

T = TypeVar("T", bound="PaymentListV2Request")


@_attrs_define
class PaymentListV2Request:
    """Transactions of a period, page by page.

    Attributes:
        created_date_gte (datetime.datetime | str): Start of the period (included), ISO 8601, e.g.
            `2021-03-09T00:00:00+03:00`; a value without an offset is
            taken in `TimeZone`.
        created_date_lte (datetime.datetime | str): End of the period (included), as `CreatedDateGte`.
        page_number (int): Page to return, from 1; 100 transactions a page.
        time_zone (TimeZone | Unset): Time zone code of the dates of a list (default `UTC`). The mock takes each zone at
            its standard UTC offset
            (`x-utc-offsets`), without daylight saving time. `NOVT` (Novosibirsk) is taken at UTC+07:00, its offset
            since July 2016; the reference's table still says UTC+06:00.
        statuses (list[ListedStatus] | Unset): Only transactions in these statuses (all four by default).
    """

    created_date_gte: datetime.datetime | str
    created_date_lte: datetime.datetime | str
    page_number: int
    time_zone: TimeZone | Unset = UNSET
    statuses: list[ListedStatus] | Unset = UNSET
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

        time_zone: str | Unset = UNSET
        if not isinstance(self.time_zone, Unset):
            time_zone = self.time_zone

        statuses: list[str] | Unset = UNSET
        if not isinstance(self.statuses, Unset):
            statuses = []
            for statuses_item_data in self.statuses:
                statuses_item: str = statuses_item_data
                statuses.append(statuses_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "CreatedDateGte": created_date_gte,
                "CreatedDateLte": created_date_lte,
                "PageNumber": page_number,
            }
        )
        if time_zone is not UNSET:
            field_dict["TimeZone"] = time_zone
        if statuses is not UNSET:
            field_dict["Statuses"] = statuses

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

        _time_zone = d.pop("TimeZone", UNSET)
        time_zone: TimeZone | Unset
        if isinstance(_time_zone, Unset):
            time_zone = UNSET
        else:
            time_zone = check_time_zone(_time_zone)

        _statuses = d.pop("Statuses", UNSET)
        statuses: list[ListedStatus] | Unset = UNSET
        if _statuses is not UNSET:
            statuses = []
            for statuses_item_data in _statuses:
                statuses_item = check_listed_status(statuses_item_data)

                statuses.append(statuses_item)

        payment_list_v2_request = cls(
            created_date_gte=created_date_gte,
            created_date_lte=created_date_lte,
            page_number=page_number,
            time_zone=time_zone,
            statuses=statuses,
        )

        payment_list_v2_request.additional_properties = d
        return payment_list_v2_request

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
