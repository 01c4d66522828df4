"""The `notifications` operations: `Notifications` for `CloudPayments`, `AsyncNotifications` for `AsyncCloudPayments`.

One method per operation; each builds the request model from its keyword arguments and makes one call
through the client (retries, outcome mapping, response check). The request itself is built by the
operation's module in this package.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from ..._runtime import AsyncRuntime, SyncRuntime
from ...models import (
    NotificationSettings,
    NotificationSettingsRequestEncoding,
    NotificationSettingsRequestFormat,
    NotificationSettingsRequestHttpMethod,
    NotificationType,
    OperationResponse,
    UpdatableNotificationType,
)
from ...types import path_argument
from .get_notification_settings import OPERATION as GET_NOTIFICATION_SETTINGS
from .update_notification_settings import OPERATION as UPDATE_NOTIFICATION_SETTINGS


class Notifications:
    """Notifications operations: Settings of the notifications (webhooks) the API sends to the merchant's site."""

    def __init__(self, runtime: SyncRuntime) -> None:
        self._runtime = runtime

    def get_notification_settings(
        self,
        *,
        type_: NotificationType | str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> NotificationSettings:
        """Read the settings of a notification

        Returns where and how notifications of one type are sent. Takes no body; the type is the path segment
        (the documentation's example writes it in lower case, `/site/notifications/pay/get`; any case works).

        `type_` is the `Type` segment of the URL path: a value of `NotificationType`
        (an enum member is sent as its value) or another non-empty str, sent percent-encoded.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `NotificationSettings`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        path_parameters = {
            "Type": path_argument(type_, "type_"),
        }
        return self._runtime.call(
            GET_NOTIFICATION_SETTINGS, None, None, timeout, max_retries, extra_headers, path_parameters
        )

    def update_notification_settings(
        self,
        *,
        type_: UpdatableNotificationType | str,
        is_enabled: bool | None = None,
        address: str | None = None,
        http_method: NotificationSettingsRequestHttpMethod | None = None,
        encoding: NotificationSettingsRequestEncoding | None = None,
        format_: NotificationSettingsRequestFormat | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> OperationResponse:
        """Change the settings of a notification

        Sets where and how notifications of one type are sent. A parameter left out takes its default (the
        settings are replaced, not merged). The settings of the Check notification cannot be changed through the
        API (only in the back office).

        `type_` is the `Type` segment of the URL path: a value of `UpdatableNotificationType`
        (an enum member is sent as its value) or another non-empty str, sent percent-encoded.
        Keyword arguments are the fields of `NotificationSettingsRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `OperationResponse`: the whole envelope (`success`, `message`); there is no Model.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        path_parameters = {
            "Type": path_argument(type_, "type_"),
        }
        body: dict[str, Any] = {}
        if is_enabled is not None:
            body["IsEnabled"] = is_enabled
        if address is not None:
            body["Address"] = address
        if http_method is not None:
            body["HttpMethod"] = http_method
        if encoding is not None:
            body["Encoding"] = encoding
        if format_ is not None:
            body["Format"] = format_
        return self._runtime.call(
            UPDATE_NOTIFICATION_SETTINGS, body, request_id, timeout, max_retries, extra_headers, path_parameters
        )


class AsyncNotifications:
    """Notifications operations: Settings of the notifications (webhooks) the API sends to the merchant's site."""

    def __init__(self, runtime: AsyncRuntime) -> None:
        self._runtime = runtime

    async def get_notification_settings(
        self,
        *,
        type_: NotificationType | str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> NotificationSettings:
        """Read the settings of a notification

        Returns where and how notifications of one type are sent. Takes no body; the type is the path segment
        (the documentation's example writes it in lower case, `/site/notifications/pay/get`; any case works).

        `type_` is the `Type` segment of the URL path: a value of `NotificationType`
        (an enum member is sent as its value) or another non-empty str, sent percent-encoded.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `NotificationSettings`: the envelope's Model on `Success: true`.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        path_parameters = {
            "Type": path_argument(type_, "type_"),
        }
        return await self._runtime.call(
            GET_NOTIFICATION_SETTINGS, None, None, timeout, max_retries, extra_headers, path_parameters
        )

    async def update_notification_settings(
        self,
        *,
        type_: UpdatableNotificationType | str,
        is_enabled: bool | None = None,
        address: str | None = None,
        http_method: NotificationSettingsRequestHttpMethod | None = None,
        encoding: NotificationSettingsRequestEncoding | None = None,
        format_: NotificationSettingsRequestFormat | None = None,
        request_id: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> OperationResponse:
        """Change the settings of a notification

        Sets where and how notifications of one type are sent. A parameter left out takes its default (the
        settings are replaced, not merged). The settings of the Check notification cannot be changed through the
        API (only in the back office).

        `type_` is the `Type` segment of the URL path: a value of `UpdatableNotificationType`
        (an enum member is sent as its value) or another non-empty str, sent percent-encoded.
        Keyword arguments are the fields of `NotificationSettingsRequest` (wire names in PascalCase); amounts take `Decimal`,
        `int` or `float` and are sent exactly; object-valued ones also accept a mapping with the model's keys.
        `request_id` is sent as X-Request-ID (a new uuid4 when omitted); retries reuse it.
        `timeout`, `max_retries` and `extra_headers` apply to this call only.

        Returns:
            `OperationResponse`: the whole envelope (`success`, `message`); there is no Model.

        Raises:
            BadRequestError: `Success: false` with only a Message.
            InvalidArgumentError: an argument refused before anything is sent.
            AuthenticationError, RateLimitError, ServerError, APIConnectionError, ResponseValidationError.
        """
        path_parameters = {
            "Type": path_argument(type_, "type_"),
        }
        body: dict[str, Any] = {}
        if is_enabled is not None:
            body["IsEnabled"] = is_enabled
        if address is not None:
            body["Address"] = address
        if http_method is not None:
            body["HttpMethod"] = http_method
        if encoding is not None:
            body["Encoding"] = encoding
        if format_ is not None:
            body["Format"] = format_
        return await self._runtime.call(
            UPDATE_NOTIFICATION_SETTINGS, body, request_id, timeout, max_retries, extra_headers, path_parameters
        )
