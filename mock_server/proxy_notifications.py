"""The recording proxy in front of the merchant's notification endpoint (`proxy --notifications-to URL`).

The back office's address of each notification is set to `http://PROXY/__notifications__/<Kind>/<rest>`: the
proxy forwards the request unchanged (method, query, body, Content-Type and the signature headers) to
`URL/<rest>`, answers the API with the endpoint's answer byte for byte, checks the notification against
the spec's webhook of `<Kind>` and the answer against its `NotificationAnswer`, and records the notification
in `DIR/notifications/` in the format of `contract_tests/fixtures/real_world/notifications/`, masked. The
signature headers are kept in the recording, marked as not re-verifiable: they sign the values before
masking.
"""

from __future__ import annotations

import json
from typing import Any, Final
from urllib.parse import parse_qsl, urlsplit

import spec_tools
from mock_server.proxy_files import RecordingFolder
from mock_server.proxy_masking import mask
from mock_server.spec import ApiSpec

NOTIFICATIONS_PREFIX: Final = "/__notifications__"
NOTIFICATIONS_FOLDER: Final = "notifications"
SIGNATURE_HEADERS: Final = ("content-hmac", "x-content-hmac")
_FORM_SCHEMA: Final = "/webhooks/{kind}/post/requestBody/content/application~1x-www-form-urlencoded/schema"
_JSON_SCHEMA: Final = "/webhooks/{kind}/post/requestBody/content/application~1json/schema"
_ANSWER_SCHEMA: Final = "/webhooks/{kind}/post/responses/200/content/application~1json/schema"
# How many fields of a notification are read (the API sends a few dozen).
_MAX_FIELDS: Final = 1000


class UnreadableNotificationError(ValueError):
    """A notification body the proxy cannot decode (still forwarded; reported at its root)."""


def webhook_kinds(spec: ApiSpec) -> dict[str, str]:
    """`pay` -> `Pay`: the spec's webhooks by their name in lower case (a path segment is matched so)."""
    return {str(kind).casefold(): str(kind) for kind in spec.document.get("webhooks", {})}


def operation_id(spec: ApiSpec, kind: str) -> str:
    return str(spec.document["webhooks"][kind]["post"].get("operationId", f"{kind} notification"))


def _charset(content_type: str) -> str:
    for part in content_type.split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"').lower()
    return "utf-8"


def read_notification(content_type: str, body: bytes, query: str) -> tuple[str, list[tuple[str, Any]]]:
    """The media type and the parameters of a notification, in the order sent: a form (the body of a POST,
    the query of a GET) or a JSON object, in the charset the Content-Type names."""
    media = content_type.split(";")[0].strip().lower()
    charset = _charset(content_type)
    try:
        if media == spec_tools.JSON:
            decoded = json.loads(body.decode(charset))
            if not isinstance(decoded, dict):
                raise UnreadableNotificationError("a JSON body that is not an object")
            return media, list(decoded.items())
        raw = body if body.strip() else query.encode("ascii", errors="replace")
        pairs = parse_qsl(
            raw.decode("ascii", errors="replace"),
            keep_blank_values=True,
            encoding=charset,
            errors="strict",
            max_num_fields=_MAX_FIELDS,
        )
        return spec_tools.FORM, pairs
    except (LookupError, UnicodeDecodeError, ValueError) as exc:  # an unknown charset, bad bytes, no JSON
        if isinstance(exc, UnreadableNotificationError):
            raise
        raise UnreadableNotificationError(f"unreadable as {media or 'a form'} in {charset}: {exc}") from None


class NotificationRecorder:
    """Writes each notification as one masked file in the recording folder's `notifications/`."""

    def __init__(self, files: RecordingFolder) -> None:
        self.files = files

    def write(
        self,
        kind: str,
        media: str,
        parameters: list[tuple[str, Any]],
        headers: dict[str, str],
        status: int,
        answer: bytes,
        origin: str,
    ) -> None:
        values = [
            [name, mask(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False), (), name)]
            for name, value in parameters
        ]
        signature = {name: value for name, value in headers.items() if name.lower() in SIGNATURE_HEADERS}
        try:
            answered: Any = json.loads(answer.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            answered = answer.decode("utf-8", errors="replace")[:200]
        recorded = {
            "kind": kind,
            "source": f"recorded through the proxy from the API's {kind} notification to {origin}",
            "note": "Values masked (card numbers, e-mails, tokens): the signature no longer verifies.",
            "content_type": media,
            "parameters": values,
            "signature": {"headers": signature, "re_verifiable": False},
            "answer": {"status": status, "body": answered},
        }
        self.files.write(kind.lower(), recorded, NOTIFICATIONS_FOLDER)


def answer_schema(kind: str) -> str:
    return _ANSWER_SCHEMA.format(kind=kind)


def request_schema(kind: str, media: str) -> str:
    return (_JSON_SCHEMA if media == spec_tools.JSON else _FORM_SCHEMA).format(kind=kind)


def forward_url(base: str, rest: str, query: str) -> str:
    url = base.rstrip("/") + ("/" + rest.lstrip("/") if rest else "")
    if query:
        url += ("&" if urlsplit(url).query else "?") + query
    return url
