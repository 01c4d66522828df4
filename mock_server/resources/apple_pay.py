"""The Apple Pay session (`/applepay/startsession`): for one of Apple's validation URLs (https, on a host of
`ValidationUrl.x-allowed-hosts` or a subdomain of one), a merchant session object shaped like the spec's
example answer, with its own time, nonce and identifier; any other URL is refused."""

from __future__ import annotations

import copy
import re
import secrets
from typing import Any, Final
from urllib.parse import urlsplit

from mock_server.envelopes import Handler, Outcome, RequestContext, fail, ok
from mock_server.spec import ApiSpec
from mock_server.values import now

OPERATION_ID: Final = "startApplePaySession"
# The example of the operation's answer whose session the mock's sessions are shaped like.
EXAMPLE: Final = "success"
_HEX: Final = re.compile(r"[0-9A-Fa-f]+")


def _fresh_hex(text: str) -> str:
    """`text` with each run of hexadecimal digits replaced by new random ones of the same length and case."""

    def new(match: re.Match[str]) -> str:
        digits = secrets.token_hex(len(match.group()) // 2 + 1)[: len(match.group())]
        return digits.upper() if match.group().isupper() else digits

    return _HEX.sub(new, text)


class ApplePay:
    def __init__(self, spec: ApiSpec) -> None:
        self.example: dict[str, Any] = copy.deepcopy(spec.response_example(OPERATION_ID, EXAMPLE)["Model"])
        self.hosts = spec.allowed_hosts(OPERATION_ID, "ValidationUrl")

    def handlers(self) -> dict[str, Handler]:
        return {OPERATION_ID: self.start_session}

    def refusal(self, url: str) -> str | None:
        """Why `url` is not one of Apple's validation URLs, if it is not."""
        hosts = " or ".join(self.hosts)
        wanted = f"ValidationUrl must be Apple's validation URL (https, on {hosts} or a subdomain)"
        try:
            parts = urlsplit(url)
            host = parts.hostname
            parts.port  # noqa: B018 - a port that is not a number raises here
        except ValueError:
            return f"{wanted}: {url!r} is not a valid URL"
        if parts.scheme.lower() != "https":
            return f"{wanted}: {url!r} is not https"
        if parts.username is not None or parts.password is not None:
            return f"{wanted}: {url!r} carries credentials"
        if host is None or not any(host == allowed or host.endswith("." + allowed) for allowed in self.hosts):
            return f"{wanted}: {url!r} is on another host"
        return None

    def start_session(self, params: dict[str, Any], ctx: RequestContext) -> Outcome:
        url = str(params["ValidationUrl"])
        refusal = self.refusal(url)
        if refusal is not None:
            return Outcome(fail(refusal))
        session = copy.deepcopy(self.example)
        started = int(now().timestamp() * 1000)
        # As long as the example's session lasts.
        lifetime = int(self.example["expiresAt"]) - int(self.example["epochTimestamp"])
        session["epochTimestamp"] = started
        session["expiresAt"] = started + lifetime
        session["nonce"] = _fresh_hex(str(self.example["nonce"]))
        session["merchantSessionIdentifier"] = "SSH" + _fresh_hex(
            str(self.example["merchantSessionIdentifier"])[3:]
        )
        return Outcome(ok(session))
