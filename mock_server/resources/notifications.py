"""Notification settings: where and how each type of notification is sent, read and replaced through
`/site/notifications/{Type}/get|update`. Stored per type; a type never set has the spec's defaults (the
`default:` keywords of the update's request schema). The types are the `{Type}` path parameter's enum.

The settings are readable from Python for the deliveries (`Notifications.settings_for`, or
`app.state.store.notification_state.settings`)."""

from __future__ import annotations

from typing import Any, Final
from urllib.parse import urlsplit

from mock_server.envelopes import Handler, Outcome, RequestContext, fail, ok
from mock_server.spec import ApiSpec
from mock_server.webhooks.settings import NotificationSettings, NotificationType

GET_OPERATION: Final = "getNotificationSettings"
UPDATE_OPERATION: Final = "updateNotificationSettings"
TYPE_PARAMETER: Final = "Type"
_URL_SCHEMES: Final = frozenset({"http", "https"})


class NotificationSettingsState:
    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        # Type (as the spec spells it) -> the settings as the API answers them; a type never set is absent.
        self.settings: dict[str, dict[str, Any]] = {}

    def counts(self) -> dict[str, int]:
        return {"notification_settings": len(self.settings)}


class Notifications:
    def __init__(self, state: NotificationSettingsState, spec: ApiSpec) -> None:
        self.state = state
        self.types = spec.path_parameter_values(GET_OPERATION, TYPE_PARAMETER)
        self.updatable = spec.path_parameter_values(UPDATE_OPERATION, TYPE_PARAMETER)
        self.defaults = spec.request_defaults(UPDATE_OPERATION)

    def handlers(self) -> dict[str, Handler]:
        return {GET_OPERATION: self.get, UPDATE_OPERATION: self.update}

    def settings(self, type_name: str) -> dict[str, Any]:
        """The settings of a type (spelled as the spec does) as the API answers them."""
        return dict(self.state.settings.get(type_name) or self.defaults)

    def settings_for(self, kind: NotificationType) -> NotificationSettings | None:
        """The settings of a type saved through the API, for the deliveries; None while never saved."""
        saved = self.state.settings.get(kind.value)
        return None if saved is None else NotificationSettings.from_model(saved)

    def get(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        type_name = self._type(params)
        if type_name is None:
            return Outcome(fail(self._unknown(params)))
        return Outcome(ok(self.settings(type_name)))

    def update(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        """Replaces the settings: a parameter left out takes its default."""
        type_name = self._type(params)
        if type_name is None:
            return Outcome(fail(self._unknown(params)))
        if type_name not in self.updatable:
            return Outcome(
                fail(f"{type_name} settings cannot be changed through the API (only in the back office)")
            )
        settings = {name: params.get(name, default) for name, default in self.defaults.items()}
        address = settings.get("Address")
        if address == "":
            settings["Address"] = address = None
        if address is not None and not _absolute_url(str(address)):
            return Outcome(fail(f"Address must be an absolute http or https URL: {address!r}"))
        if settings.get("IsEnabled") is True and address is None:
            return Outcome(fail("Address is required when IsEnabled is true"))

        def commit() -> None:
            self.state.settings[type_name] = settings

        return Outcome(ok(with_model=False), commit)

    def _type(self, params: dict[str, Any]) -> str | None:
        """The path's type, matched to the spec's spelling in any case."""
        given = str(params.get(TYPE_PARAMETER, "")).lower()
        return next((name for name in self.types if name.lower() == given), None)

    def _unknown(self, params: dict[str, Any]) -> str:
        return (
            f"Type {params.get(TYPE_PARAMETER)!r} is not a notification type: one of {', '.join(self.types)}"
        )


def _absolute_url(address: str) -> bool:
    try:
        parts = urlsplit(address)
        return parts.scheme.lower() in _URL_SCHEMES and bool(parts.hostname)
    except ValueError:  # an unclosed IPv6 bracket, for one
        return False
