from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AirlineLeg")


@_attrs_define
class AirlineLeg:
    """
    Attributes:
        flight_number (str | Unset):
        departure_date_time (str | Unset):
        arrival_date_time (str | Unset):
        originating_country (str | Unset):
        originating_city (str | Unset):
        originating_airport_code (str | Unset):
        destination_country (str | Unset):
        destination_city (str | Unset):
        destination_airport_code (str | Unset):
    """

    flight_number: str | Unset = UNSET
    departure_date_time: str | Unset = UNSET
    arrival_date_time: str | Unset = UNSET
    originating_country: str | Unset = UNSET
    originating_city: str | Unset = UNSET
    originating_airport_code: str | Unset = UNSET
    destination_country: str | Unset = UNSET
    destination_city: str | Unset = UNSET
    destination_airport_code: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        flight_number = self.flight_number

        departure_date_time = self.departure_date_time

        arrival_date_time = self.arrival_date_time

        originating_country = self.originating_country

        originating_city = self.originating_city

        originating_airport_code = self.originating_airport_code

        destination_country = self.destination_country

        destination_city = self.destination_city

        destination_airport_code = self.destination_airport_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if flight_number is not UNSET:
            field_dict["FlightNumber"] = flight_number
        if departure_date_time is not UNSET:
            field_dict["DepartureDateTime"] = departure_date_time
        if arrival_date_time is not UNSET:
            field_dict["ArrivalDateTime"] = arrival_date_time
        if originating_country is not UNSET:
            field_dict["OriginatingCountry"] = originating_country
        if originating_city is not UNSET:
            field_dict["OriginatingCity"] = originating_city
        if originating_airport_code is not UNSET:
            field_dict["OriginatingAirportCode"] = originating_airport_code
        if destination_country is not UNSET:
            field_dict["DestinationCountry"] = destination_country
        if destination_city is not UNSET:
            field_dict["DestinationCity"] = destination_city
        if destination_airport_code is not UNSET:
            field_dict["DestinationAirportCode"] = destination_airport_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        flight_number = d.pop("FlightNumber", UNSET)

        departure_date_time = d.pop("DepartureDateTime", UNSET)

        arrival_date_time = d.pop("ArrivalDateTime", UNSET)

        originating_country = d.pop("OriginatingCountry", UNSET)

        originating_city = d.pop("OriginatingCity", UNSET)

        originating_airport_code = d.pop("OriginatingAirportCode", UNSET)

        destination_country = d.pop("DestinationCountry", UNSET)

        destination_city = d.pop("DestinationCity", UNSET)

        destination_airport_code = d.pop("DestinationAirportCode", UNSET)

        airline_leg = cls(
            flight_number=flight_number,
            departure_date_time=departure_date_time,
            arrival_date_time=arrival_date_time,
            originating_country=originating_country,
            originating_city=originating_city,
            originating_airport_code=originating_airport_code,
            destination_country=destination_country,
            destination_city=destination_city,
            destination_airport_code=destination_airport_code,
        )

        airline_leg.additional_properties = d
        return airline_leg

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
