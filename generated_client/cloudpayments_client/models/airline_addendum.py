from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.airline_leg import AirlineLeg
    from ..models.airline_passenger import AirlinePassenger


T = TypeVar("T", bound="AirlineAddendum")


@_attrs_define
class AirlineAddendum:
    """Airline ticket data (long record).

    Attributes:
        ticket_number (str | Unset):
        booking_ref (str | Unset):
        legs (list[AirlineLeg] | Unset):
        passengers (list[AirlinePassenger] | Unset):
    """

    ticket_number: str | Unset = UNSET
    booking_ref: str | Unset = UNSET
    legs: list[AirlineLeg] | Unset = UNSET
    passengers: list[AirlinePassenger] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ticket_number = self.ticket_number

        booking_ref = self.booking_ref

        legs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.legs, Unset):
            legs = []
            for legs_item_data in self.legs:
                legs_item = legs_item_data.to_dict()
                legs.append(legs_item)

        passengers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.passengers, Unset):
            passengers = []
            for passengers_item_data in self.passengers:
                passengers_item = passengers_item_data.to_dict()
                passengers.append(passengers_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if ticket_number is not UNSET:
            field_dict["TicketNumber"] = ticket_number
        if booking_ref is not UNSET:
            field_dict["BookingRef"] = booking_ref
        if legs is not UNSET:
            field_dict["Legs"] = legs
        if passengers is not UNSET:
            field_dict["Passengers"] = passengers

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.airline_leg import AirlineLeg  # noqa: PLC0415
        from ..models.airline_passenger import AirlinePassenger  # noqa: PLC0415

        d = dict(src_dict)
        ticket_number = d.pop("TicketNumber", UNSET)

        booking_ref = d.pop("BookingRef", UNSET)

        _legs = d.pop("Legs", UNSET)
        legs: list[AirlineLeg] | Unset = UNSET
        if _legs is not UNSET:
            legs = []
            for legs_item_data in _legs:
                legs_item = AirlineLeg.from_dict(legs_item_data)

                legs.append(legs_item)

        _passengers = d.pop("Passengers", UNSET)
        passengers: list[AirlinePassenger] | Unset = UNSET
        if _passengers is not UNSET:
            passengers = []
            for passengers_item_data in _passengers:
                passengers_item = AirlinePassenger.from_dict(passengers_item_data)

                passengers.append(passengers_item)

        airline_addendum = cls(
            ticket_number=ticket_number,
            booking_ref=booking_ref,
            legs=legs,
            passengers=passengers,
        )

        airline_addendum.additional_properties = d
        return airline_addendum

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
