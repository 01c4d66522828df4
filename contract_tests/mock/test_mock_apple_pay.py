"""The Apple Pay session on the mock: for one of Apple's validation URLs (https, on `apple.com` or a
subdomain, as `ValidationUrl.x-allowed-hosts` says) a merchant session shaped like the spec's example with
its own time, nonce and identifier, in both encodings; any other URL refused with a Message naming it."""

from __future__ import annotations

import re
import time
from typing import Any, Final

import httpx
import pytest

from contract_tests.mock.helpers import documented_request, send
from spec_tools import Spec, response_validator

START: Final = "/applepay/startsession"


def spec_errors(spec: Spec, answer: Any) -> list[str]:
    return [error.message for error in response_validator(spec, START).iter_errors(answer)]


@pytest.mark.parametrize(
    "url",
    [
        "https://apple-pay-gateway.apple.com/paymentservices/startSession",
        "https://apple-pay-gateway-cert.apple.com/paymentservices/paymentSession",
        "https://apple.com/x",
        "HTTPS://Apple-Pay-Gateway.APPLE.com:443/paymentservices/startSession",
    ],
)
async def test_apples_urls_start_a_session(api: httpx.AsyncClient, spec: Spec, url: str) -> None:
    before = int(time.time() * 1000)
    answer = await send(api, START, {"ValidationUrl": url})
    assert spec_errors(spec, answer) == [] and answer["Success"] is True, answer
    session = answer["Model"]
    example = spec["components"]["examples"]["ApplePaySessionStarted"]["value"]["Model"]
    assert set(session) == set(example)
    assert before <= session["epochTimestamp"] <= int(time.time() * 1000)
    assert (
        session["expiresAt"] - session["epochTimestamp"] == example["expiresAt"] - example["epochTimestamp"]
    )
    assert re.fullmatch(r"[0-9a-f]{8}", session["nonce"]) and session["nonce"] != example["nonce"]
    identifier = session["merchantSessionIdentifier"]
    assert re.fullmatch(r"SSH[0-9A-F]{32}_[0-9A-F]{64}", identifier)
    assert identifier != example["merchantSessionIdentifier"]
    for same in ("merchantIdentifier", "domainName", "displayName", "signature"):
        assert session[same] == example[same]


async def test_each_session_is_new(api: httpx.AsyncClient) -> None:
    path, body = documented_request("applepay_startsession.success.json")
    first = await send(api, path, body)
    second = await send(api, path, body, form=True)
    assert first["Model"]["merchantSessionIdentifier"] != second["Model"]["merchantSessionIdentifier"]


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http://apple-pay-gateway.apple.com/paymentservices/startSession", "is not https"),
        ("https://apple.com.evil.example/startSession", "is on another host"),
        ("https://evilapple.com/startSession", "is on another host"),
        ("https://example.com/?u=https://apple.com", "is on another host"),
        ("https://apple.com@evil.example/", "carries credentials"),
        ("https://user:pw@apple.com/", "carries credentials"),
        ("apple-pay-gateway.apple.com/paymentservices", "is not https"),
        ("https://apple.com:port/", "is not a valid URL"),
        ("https://[apple.com/", "is not a valid URL"),
        ("https:///startSession", "is on another host"),
    ],
)
async def test_other_urls_are_refused(api: httpx.AsyncClient, spec: Spec, url: str, why: str) -> None:
    answer = await send(api, START, {"ValidationUrl": url})
    assert spec_errors(spec, answer) == []
    wanted = "ValidationUrl must be Apple's validation URL (https, on apple.com or a subdomain)"
    assert answer == {"Success": False, "Message": f"{wanted}: {url!r} {why}", "Model": None}


async def test_no_url_is_refused(api: httpx.AsyncClient) -> None:
    for body in ({}, {"ValidationUrl": ""}, {"paymentUrl": "https://shop.example"}):
        answer = await send(api, START, body)
        assert answer["Success"] is False and "ValidationUrl" in answer["Message"], answer
    assert (
        await api.post(START, json={"ValidationUrl": "https://apple.com/"}, auth=("x", "y"))
    ).status_code == 401
