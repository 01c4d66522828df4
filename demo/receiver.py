"""The shop's notification endpoint of the demo: every notification verified and read with the client's
`webhooks` module, then answered `{"code":0}`; what arrived is kept for the demo's table."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from decimal import Decimal

from cloudpayments_client import webhooks
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route


@dataclass(frozen=True)
class Received:
    kind: str
    subject: str  # the transaction's or the subscription's id
    amount: Decimal | None
    status: str
    verified: bool
    problem: str = ""


class Receiver:
    """A Starlette app with one address per kind: `/notify/Pay`, `/notify/Check`..."""

    def __init__(self, api_secret: str) -> None:
        self._secret = api_secret
        self._lock = threading.Lock()
        self.received: list[Received] = []
        self.app = Starlette(routes=[Route("/notify/{kind}", self.notify, methods=["GET", "POST"])])

    async def notify(self, request: Request) -> Response:
        kind = request.path_params["kind"]
        body = await request.body() if request.method == "POST" else request.url.query.encode()
        try:
            notification = webhooks.parse(body, request.headers, self._secret, kind=kind)
        except (webhooks.InvalidSignatureError, webhooks.InvalidNotificationError) as exc:
            self._keep(Received(kind, "", None, "", verified=False, problem=type(exc).__name__))
            return Response(status_code=400)
        if isinstance(notification, webhooks.RecurrentNotification):
            subject, status = notification.id, notification.status
        else:
            subject = str(notification.transaction_id)
            # A Fail tells its reason; Refund and Cancel carry no status.
            status = str(getattr(notification, "status", None) or getattr(notification, "reason", ""))
        self._keep(Received(kind, subject, notification.amount, status, verified=True))
        answer = webhooks.accept()
        return Response(answer.body, status_code=answer.status_code, media_type=answer.content_type)

    def _keep(self, received: Received) -> None:
        with self._lock:
            self.received.append(received)

    def snapshot(self) -> list[Received]:
        with self._lock:
            return list(self.received)
