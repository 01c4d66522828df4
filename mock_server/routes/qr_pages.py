"""The page a QR or link payment's `QrUrl` opens: it plays the payer's bank app (SBP, T-Pay, SberPay). Opening
it moves the payment from Created to Pending; a posted `Choice` (`success` or `decline`, as on the ACS page)
pays or declines it."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from mock_server import pages
from mock_server.bodies import BodyLimits
from mock_server.resources.qr_payments import PageView, QrPayments
from mock_server.routes.forms import html, read_form
from mock_server.store import Store
from mock_server.values import money

_TITLE = "Payment"
_CHOICES = {"success": True, "decline": False}


class QrPages:
    def __init__(self, store: Store, qr: QrPayments, public_id: str, limits: BodyLimits) -> None:
        self.store = store
        self.qr = qr
        self.public_id = public_id
        self.limits = limits

    def routes(self) -> list[Route]:
        return [Route("/qr/{token}", self.page, methods=["GET", "POST"])]

    async def page(self, request: Request) -> Response:
        token = str(request.path_params["token"])
        if request.method == "GET":
            with self.store.lock:
                view, opened = self.qr.view(token)
                opened()
            if view is None:
                return html(pages.message_page(_TITLE, "No such payment link"), 404)
            return self._render(view, None, 410 if view.expired else 200)
        form = await read_form(request, self.limits)
        approve = _CHOICES.get(form.get("Choice", ""))
        if approve is None:
            return html(pages.message_page(_TITLE, "Choice must be success or decline"), 400)
        with self.store.lock:
            view, outcome = self.qr.choose(token, approve)
            outcome.commit()
        if view is None:
            return html(pages.message_page(_TITLE, "No such payment link"), 404)
        if not outcome.envelope["Success"]:
            return self._render(view, None, 410 if view.expired else 409)
        return self._render(view, "Payment done" if approve else "Payment declined", 200)

    def _render(self, view: PageView, notice: str | None, status_code: int) -> Response:
        record = view.record
        return html(
            pages.qr_page(
                token=view.link.token,
                method=view.link.method.value,
                transaction_id=record.transaction_id,
                amount=f"{money(record.amount)}",
                currency=record.currency,
                description=str(record.params.get("Description") or ""),
                shop=self.public_id,
                status=record.status.value,
                payable=view.payable,
                expired=view.expired,
                notice=notice,
            ),
            status_code,
        )
