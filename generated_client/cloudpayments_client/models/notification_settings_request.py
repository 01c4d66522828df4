from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.notification_settings_request_encoding import (
    NotificationSettingsRequestEncoding,
    check_notification_settings_request_encoding,
)
from ..models.notification_settings_request_format import (
    NotificationSettingsRequestFormat,
    check_notification_settings_request_format,
)
from ..models.notification_settings_request_http_method import (
    NotificationSettingsRequestHttpMethod,
    check_notification_settings_request_http_method,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="NotificationSettingsRequest")


@_attrs_define
class NotificationSettingsRequest:
    """Settings of one notification type. Parameters left out take their defaults; `Address` is required when
    `IsEnabled` is true.

        Attributes:
            is_enabled (bool | Unset): Send notifications of this type. Default: False.
            address (str | Unset): An absolute `http://` or `https://` URL, or empty for none. Notifications are sent there
                (`https://`
                needs a valid certificate).
            http_method (NotificationSettingsRequestHttpMethod | Unset): How the notification is sent. Default: 'GET'.
            encoding (NotificationSettingsRequestEncoding | Unset): Character encoding of the parameters. Default: 'UTF8'.
            format_ (NotificationSettingsRequestFormat | Unset): Format of the notification (this document describes
                `CloudPayments`). Default: 'CloudPayments'.
    """

    is_enabled: bool | Unset = False
    address: str | Unset = UNSET
    http_method: NotificationSettingsRequestHttpMethod | Unset = "GET"
    encoding: NotificationSettingsRequestEncoding | Unset = "UTF8"
    format_: NotificationSettingsRequestFormat | Unset = "CloudPayments"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        is_enabled = self.is_enabled

        address = self.address

        http_method: str | Unset = UNSET
        if not isinstance(self.http_method, Unset):
            http_method = self.http_method

        encoding: str | Unset = UNSET
        if not isinstance(self.encoding, Unset):
            encoding = self.encoding

        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if is_enabled is not UNSET:
            field_dict["IsEnabled"] = is_enabled
        if address is not UNSET:
            field_dict["Address"] = address
        if http_method is not UNSET:
            field_dict["HttpMethod"] = http_method
        if encoding is not UNSET:
            field_dict["Encoding"] = encoding
        if format_ is not UNSET:
            field_dict["Format"] = format_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        is_enabled = d.pop("IsEnabled", UNSET)

        address = d.pop("Address", UNSET)

        _http_method = d.pop("HttpMethod", UNSET)
        http_method: NotificationSettingsRequestHttpMethod | Unset
        if isinstance(_http_method, Unset):
            http_method = UNSET
        else:
            http_method = check_notification_settings_request_http_method(_http_method)

        _encoding = d.pop("Encoding", UNSET)
        encoding: NotificationSettingsRequestEncoding | Unset
        if isinstance(_encoding, Unset):
            encoding = UNSET
        else:
            encoding = check_notification_settings_request_encoding(_encoding)

        _format_ = d.pop("Format", UNSET)
        format_: NotificationSettingsRequestFormat | Unset
        if isinstance(_format_, Unset):
            format_ = UNSET
        else:
            format_ = check_notification_settings_request_format(_format_)

        notification_settings_request = cls(
            is_enabled=is_enabled,
            address=address,
            http_method=http_method,
            encoding=encoding,
            format_=format_,
        )

        notification_settings_request.additional_properties = d
        return notification_settings_request

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
