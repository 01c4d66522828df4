from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SbpBanksRequest")


@_attrs_define
class SbpBanksRequest:
    """The SBP member banks for a payer (`#spisok-uchastnikov-sbp`).

    Attributes:
        public_terminal_id (str): The terminal's Public ID.
        platform (str | Unset): The payer's platform: `desktop`, `ios` or `android`.
        account_id (str | Unset): The payer's account identifier.
        is_renew_subscription (bool | Unset): Whether a subscription (an SBP account binding) is renewed.
        json_data (str | Unset): Additional data as JSON text (the reference's table says a string).
        save_card (bool | Unset): Whether the payer's account is to be saved.
        token (str | Unset): The token to save.
    """

    public_terminal_id: str
    platform: str | Unset = UNSET
    account_id: str | Unset = UNSET
    is_renew_subscription: bool | Unset = UNSET
    json_data: str | Unset = UNSET
    save_card: bool | Unset = UNSET
    token: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        public_terminal_id = self.public_terminal_id

        platform = self.platform

        account_id = self.account_id

        is_renew_subscription = self.is_renew_subscription

        json_data = self.json_data

        save_card = self.save_card

        token = self.token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "PublicTerminalId": public_terminal_id,
            }
        )
        if platform is not UNSET:
            field_dict["Platform"] = platform
        if account_id is not UNSET:
            field_dict["AccountId"] = account_id
        if is_renew_subscription is not UNSET:
            field_dict["IsRenewSubscription"] = is_renew_subscription
        if json_data is not UNSET:
            field_dict["JsonData"] = json_data
        if save_card is not UNSET:
            field_dict["SaveCard"] = save_card
        if token is not UNSET:
            field_dict["Token"] = token

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        public_terminal_id = d.pop("PublicTerminalId")

        platform = d.pop("Platform", UNSET)

        account_id = d.pop("AccountId", UNSET)

        is_renew_subscription = d.pop("IsRenewSubscription", UNSET)

        json_data = d.pop("JsonData", UNSET)

        save_card = d.pop("SaveCard", UNSET)

        token = d.pop("Token", UNSET)

        sbp_banks_request = cls(
            public_terminal_id=public_terminal_id,
            platform=platform,
            account_id=account_id,
            is_renew_subscription=is_renew_subscription,
            json_data=json_data,
            save_card=save_card,
            token=token,
        )

        sbp_banks_request.additional_properties = d
        return sbp_banks_request

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
