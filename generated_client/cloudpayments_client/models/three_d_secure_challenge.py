from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ThreeDSecureChallenge")


@_attrs_define
class ThreeDSecureChallenge:
    """3-D Secure authentication is required: post `PaReq`, `MD` (= `TransactionId`) and `TermUrl` to `AcsUrl`, then
    complete the payment with `/payments/cards/post3ds`.

        Attributes:
            transaction_id (int):
            pa_req (str): Payer authentication request for the ACS.
            acs_url (str): Address of the issuer's authentication page (ACS).
            go_req (None | str | Unset):
            three_ds_session_data (None | str | Unset):
            i_frame_is_allowed (bool | Unset):
            frame_width (int | None | Unset):
            frame_height (int | None | Unset):
            three_ds_callback_id (None | str | Unset):
            escrow_accumulation_id (None | str | Unset):
    """

    transaction_id: int
    pa_req: str
    acs_url: str
    go_req: None | str | Unset = UNSET
    three_ds_session_data: None | str | Unset = UNSET
    i_frame_is_allowed: bool | Unset = UNSET
    frame_width: int | None | Unset = UNSET
    frame_height: int | None | Unset = UNSET
    three_ds_callback_id: None | str | Unset = UNSET
    escrow_accumulation_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        transaction_id = self.transaction_id

        pa_req = self.pa_req

        acs_url = self.acs_url

        go_req: None | str | Unset
        if isinstance(self.go_req, Unset):
            go_req = UNSET
        else:
            go_req = self.go_req

        three_ds_session_data: None | str | Unset
        if isinstance(self.three_ds_session_data, Unset):
            three_ds_session_data = UNSET
        else:
            three_ds_session_data = self.three_ds_session_data

        i_frame_is_allowed = self.i_frame_is_allowed

        frame_width: int | None | Unset
        if isinstance(self.frame_width, Unset):
            frame_width = UNSET
        else:
            frame_width = self.frame_width

        frame_height: int | None | Unset
        if isinstance(self.frame_height, Unset):
            frame_height = UNSET
        else:
            frame_height = self.frame_height

        three_ds_callback_id: None | str | Unset
        if isinstance(self.three_ds_callback_id, Unset):
            three_ds_callback_id = UNSET
        else:
            three_ds_callback_id = self.three_ds_callback_id

        escrow_accumulation_id: None | str | Unset
        if isinstance(self.escrow_accumulation_id, Unset):
            escrow_accumulation_id = UNSET
        else:
            escrow_accumulation_id = self.escrow_accumulation_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "TransactionId": transaction_id,
                "PaReq": pa_req,
                "AcsUrl": acs_url,
            }
        )
        if go_req is not UNSET:
            field_dict["GoReq"] = go_req
        if three_ds_session_data is not UNSET:
            field_dict["ThreeDsSessionData"] = three_ds_session_data
        if i_frame_is_allowed is not UNSET:
            field_dict["IFrameIsAllowed"] = i_frame_is_allowed
        if frame_width is not UNSET:
            field_dict["FrameWidth"] = frame_width
        if frame_height is not UNSET:
            field_dict["FrameHeight"] = frame_height
        if three_ds_callback_id is not UNSET:
            field_dict["ThreeDsCallbackId"] = three_ds_callback_id
        if escrow_accumulation_id is not UNSET:
            field_dict["EscrowAccumulationId"] = escrow_accumulation_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        transaction_id = d.pop("TransactionId")

        pa_req = d.pop("PaReq")

        acs_url = d.pop("AcsUrl")

        def _parse_go_req(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        go_req = _parse_go_req(d.pop("GoReq", UNSET))

        def _parse_three_ds_session_data(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        three_ds_session_data = _parse_three_ds_session_data(d.pop("ThreeDsSessionData", UNSET))

        i_frame_is_allowed = d.pop("IFrameIsAllowed", UNSET)

        def _parse_frame_width(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        frame_width = _parse_frame_width(d.pop("FrameWidth", UNSET))

        def _parse_frame_height(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        frame_height = _parse_frame_height(d.pop("FrameHeight", UNSET))

        def _parse_three_ds_callback_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        three_ds_callback_id = _parse_three_ds_callback_id(d.pop("ThreeDsCallbackId", UNSET))

        def _parse_escrow_accumulation_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        escrow_accumulation_id = _parse_escrow_accumulation_id(d.pop("EscrowAccumulationId", UNSET))

        three_d_secure_challenge = cls(
            transaction_id=transaction_id,
            pa_req=pa_req,
            acs_url=acs_url,
            go_req=go_req,
            three_ds_session_data=three_ds_session_data,
            i_frame_is_allowed=i_frame_is_allowed,
            frame_width=frame_width,
            frame_height=frame_height,
            three_ds_callback_id=three_ds_callback_id,
            escrow_accumulation_id=escrow_accumulation_id,
        )

        three_d_secure_challenge.additional_properties = d
        return three_d_secure_challenge

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
