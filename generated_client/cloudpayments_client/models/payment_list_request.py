from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.time_zone import TimeZone, check_time_zone
from ..types import UNSET, Unset

T = TypeVar("T", bound="PaymentListRequest")


@_attrs_define
class PaymentListRequest:
    """The transactions of one day.

    Attributes:
        date (datetime.date): The day, `yyyy-MM-dd`, in `TimeZone`.
        time_zone (TimeZone | Unset): Time zone code of the dates of a list (default `UTC`). The mock takes each zone at
            its standard UTC offset
            (`x-utc-offsets`), without daylight saving time. `NOVT` (Novosibirsk) is taken at UTC+07:00, its offset
            since July 2016; the reference's table still says UTC+06:00.
    """

    date: datetime.date
    time_zone: TimeZone | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        time_zone: str | Unset = UNSET
        if not isinstance(self.time_zone, Unset):
            time_zone = self.time_zone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Date": date,
            }
        )
        if time_zone is not UNSET:
            field_dict["TimeZone"] = time_zone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("Date"))

        _time_zone = d.pop("TimeZone", UNSET)
        time_zone: TimeZone | Unset
        if isinstance(_time_zone, Unset):
            time_zone = UNSET
        else:
            time_zone = check_time_zone(_time_zone)

        payment_list_request = cls(
            date=date,
            time_zone=time_zone,
        )

        payment_list_request.additional_properties = d
        return payment_list_request

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
