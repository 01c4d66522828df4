"""Notification settings per type: `/site/notifications/{Type}/get|update`, the type in the path in any case,
the spec's defaults, replaced (not merged) by an update, Check not changeable, readable from Python."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from contract_tests.mock.helpers import documented_request, pay, send
from contract_tests.support.cards import approving_card
from mock_server.webhooks.settings import HttpMethod, NotificationSettings, NotificationType
from spec_tools import Spec, deref

SAVED = {
    "IsEnabled": True,
    "Address": "https://shop.test/cp/pay",
    "HttpMethod": "POST",
    "Encoding": "Windows1251",
    "Format": "CloudPayments",
}


def types(spec: Spec, schema: str) -> list[str]:
    values: list[str] = deref(spec, spec["components"]["schemas"][schema])["enum"]
    return values


def defaults(spec: Spec) -> dict[str, Any]:
    properties = spec["components"]["schemas"]["NotificationSettingsRequest"]["properties"]
    return {name: schema.get("default") for name, schema in properties.items()}


async def read(api: httpx.AsyncClient, kind: str) -> dict[str, Any]:
    answer = await send(api, f"/site/notifications/{kind}/get")
    assert answer["Success"] is True and answer["Message"] is None
    model: dict[str, Any] = answer["Model"]
    return model


async def update(api: httpx.AsyncClient, kind: str, body: dict[str, Any], **options: Any) -> dict[str, Any]:
    return await send(api, f"/site/notifications/{kind}/update", body, **options)


async def test_every_type_starts_with_the_spec_defaults(api: httpx.AsyncClient, spec: Spec) -> None:
    expected = defaults(spec)
    assert expected == {
        "IsEnabled": False,
        "Address": None,
        "HttpMethod": "GET",
        "Encoding": "UTF8",
        "Format": "CloudPayments",
    }
    for kind in types(spec, "NotificationType"):
        assert await read(api, kind) == expected


@pytest.mark.parametrize("form", [False, True], ids=["json", "form"])
async def test_update_then_read_back_in_any_case(api: httpx.AsyncClient, spec: Spec, form: bool) -> None:
    assert await update(api, "pay", SAVED, form=form) == {"Success": True, "Message": None}
    for spelling in ("pay", "Pay", "PAY"):
        assert await read(api, spelling) == SAVED
    assert await read(api, "Fail") == defaults(spec)  # other types keep theirs


async def test_update_replaces_the_settings(api: httpx.AsyncClient, spec: Spec) -> None:
    await update(api, "Refund", SAVED)
    assert (await update(api, "Refund", {"IsEnabled": False}))["Success"] is True
    assert await read(api, "Refund") == defaults(spec)  # absent parameters take their defaults
    kept = {"IsEnabled": False, "Address": "http://shop.test/later"}
    await update(api, "Refund", kept)
    assert await read(api, "Refund") == {**defaults(spec), **kept}


# The refusal quotes the first sentence of the spec's description of Address.
NOT_A_URL = "is not valid: An absolute `http://` or `https://` URL, or empty for none"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"IsEnabled": True}, "Address is required when IsEnabled is true"),
        ({"IsEnabled": True, "Address": ""}, "Address is required when IsEnabled is true"),
        (
            {"IsEnabled": True, "Address": "/cp/pay"},
            f"Address '/cp/pay' {NOT_A_URL}",
        ),
        (
            {"Address": "ftp://shop.test/pay"},
            f"Address 'ftp://shop.test/pay' {NOT_A_URL}",
        ),
        ({"Address": "http://[::1"}, f"Address 'http://[::1' {NOT_A_URL}"),
        ({"HttpMethod": "PUT"}, "HttpMethod: 'PUT' is not one of ['GET', 'POST']"),
        ({"IsEnabled": "yes"}, "IsEnabled must be a boolean (true or false)"),
    ],
)
async def test_refused_updates_change_nothing(
    api: httpx.AsyncClient, mock_app: Starlette, body: dict[str, Any], message: str
) -> None:
    await update(api, "Pay", SAVED)
    assert await update(api, "Pay", body) == {"Success": False, "Message": message}
    assert await read(api, "Pay") == SAVED


async def test_check_settings_cannot_be_changed(api: httpx.AsyncClient, spec: Spec) -> None:
    for spelling in ("check", "Check"):
        answer = await update(api, spelling, SAVED)
        assert answer == {
            "Success": False,
            "Message": "Check settings cannot be changed through the API (only in the back office)",
        }
    assert await read(api, "check") == defaults(spec)


@pytest.mark.parametrize("operation", ["get", "update"])
async def test_an_unknown_type_is_refused(api: httpx.AsyncClient, spec: Spec, operation: str) -> None:
    answer = await send(
        api, f"/site/notifications/Payment/{operation}", {} if operation == "update" else None
    )
    listed = ", ".join(types(spec, "NotificationType"))
    assert answer["Success"] is False
    assert answer["Message"] == f"Type 'Payment' is not a notification type: one of {listed}"


async def test_get_takes_no_body(api: httpx.AsyncClient, spec: Spec) -> None:
    expected = {"Success": True, "Message": None, "Model": defaults(spec)}
    path = "/site/notifications/Confirm/get"
    for response in [
        await api.post(path),
        await api.post(path, json={}),
        await api.post(path, content=b"", headers={"Content-Type": "application/json"}),
        await api.post(path, content=b"{}"),
        await api.post(path, data={}),
    ]:
        assert response.status_code == 200 and response.json() == expected


async def test_a_json_body_of_no_json_whitespace_is_refused(api: httpx.AsyncClient) -> None:
    # JSON whitespace around nothing is no body (taken, as above); a form feed is not JSON at all.
    path = "/site/notifications/Fail/update"
    blank = await api.post(path, content=b" \r\n\t", headers={"Content-Type": "application/json"})
    assert blank.json() == {"Success": True, "Message": None}
    for body in (b"\x0c", b"\x0b", b" \x0c "):
        answer = (await api.post(path, content=body, headers={"Content-Type": "application/json"})).json()
        assert answer["Success"] is False, body
        assert answer["Message"].startswith("The request body is not valid JSON"), answer


async def test_update_is_idempotent_by_request_id_per_type(api: httpx.AsyncClient) -> None:
    first = await update(api, "Cancel", SAVED, request_id="settings-1")
    assert first == await update(api, "Cancel", SAVED, request_id="settings-1")
    other_type = await update(api, "Recurrent", SAVED, request_id="settings-1")
    assert other_type["Success"] is False and "already used for a different request" in other_type["Message"]


async def test_documented_exchanges(api: httpx.AsyncClient) -> None:
    path, body = documented_request("site_notifications_update.success.json")
    assert path == "/site/notifications/pay/update"
    assert await send(api, path, body) == {"Success": True, "Message": None}
    assert await read(api, "Pay") == body
    path, body = documented_request("site_notifications_get.success.json")
    assert body is None
    assert (await send(api, path))["Model"] == await read(api, "Pay")


async def test_settings_are_readable_from_python(api: httpx.AsyncClient, mock_app: Starlette) -> None:
    notifications = mock_app.state.api.operations.notifications
    assert notifications.settings_for(NotificationType.PAY) is None  # never saved
    await update(api, "pay", SAVED)
    assert mock_app.state.store.notification_state.settings == {"Pay": SAVED}
    settings = notifications.settings_for(NotificationType.PAY)
    assert isinstance(settings, NotificationSettings)
    assert (
        settings.active and settings.address == SAVED["Address"] and settings.http_method is HttpMethod.POST
    )
    assert notifications.settings("Fail")["IsEnabled"] is False


@pytest.mark.parametrize("kind", ["Receipt", "SbpToken", "Kkt"])
async def test_the_back_office_s_newer_types_are_saved_and_read_but_not_sent(
    api: httpx.AsyncClient, mock_app: Starlette, kind: str
) -> None:
    saved = {**SAVED, "Address": f"https://shop.test/cp/{kind.lower()}"}
    assert await update(api, kind.lower(), saved) == {"Success": True, "Message": None}
    assert await read(api, kind) == saved
    # No receipt, SBP binding or cash register exists in the mock: a payment sends none of them.
    assert (await pay(api, approving_card()))["Success"] is True
    assert mock_app.state.notifications.log.deliveries() == []
