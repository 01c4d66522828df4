"""The test ACS (3-D Secure) pages: the payer's choice, then the auto-post of MD and PaRes to TermUrl."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from mock_server import pages
from mock_server.bodies import BodyLimits
from mock_server.resources.payments import Payments
from mock_server.routes.forms import html, is_ascii_number, read_form
from mock_server.statuses import TransactionStatus
from mock_server.store import Store
from mock_server.values import money

_TITLE = "3-D Secure authentication"


class AcsPages:
    def __init__(self, store: Store, payments: Payments, public_id: str, limits: BodyLimits) -> None:
        self.store = store
        self.limits = limits
        self.payments = payments
        self.public_id = public_id

    def routes(self) -> list[Route]:
        return [
            Route("/acs", self.page, methods=["POST"]),
            Route("/acs/complete", self.complete, methods=["POST"]),
        ]

    async def page(self, request: Request) -> Response:
        form = await read_form(request, self.limits)
        md, pa_req, term_url = form.get("MD", ""), form.get("PaReq", ""), form.get("TermUrl", "")
        error = self._error(md, pa_req, term_url)
        if error is not None:
            return html(pages.message_page(_TITLE, error), 400)
        record = self.store.transactions[int(md)]
        card = record.card
        return html(
            pages.acs_page(
                md=md,
                pa_req=pa_req,
                term_url=term_url,
                amount=f"{money(record.amount)}",
                currency=record.currency,
                card_mask=card.mask if card is not None else "",
                merchant=str(record.params.get("Description") or self.public_id),
            )
        )

    async def complete(self, request: Request) -> Response:
        form = await read_form(request, self.limits)
        md, pa_req, term_url = form.get("MD", ""), form.get("PaReq", ""), form.get("TermUrl", "")
        choice = form.get("Choice", "")
        # Checked and issued under one hold of the lock: a PaRes is only ever stored for a pending payment.
        with self.store.lock:
            error = self._error(md, pa_req, term_url) or (
                None if choice in ("success", "fail") else "Choice must be success or fail"
            )
            pares = None if error is not None else self.payments.issue_pares(int(md), choice == "success")
        if pares is None:
            message = error or "This transaction is not awaiting authentication"
            return html(pages.message_page(_TITLE, message), 400)
        return html(
            pages.auto_post(
                term_url, {"MD": md, "PaRes": pares}, "Returning to the shop", "Authentication finished."
            )
        )

    def _error(self, md: str, pa_req: str, term_url: str) -> str | None:
        if not (md and pa_req and term_url):
            return "PaReq, MD and TermUrl are required"
        if not term_url.startswith(("http://", "https://")):
            return "TermUrl must be an http(s) address"
        with self.store.lock:
            record = self.store.transactions.get(int(md)) if is_ascii_number(md, 19) else None
            if record is None or record.pa_req != pa_req:
                return "Unknown authentication request (MD and PaReq do not match a transaction)"
            if record.status is not TransactionStatus.AWAITING_AUTHENTICATION:
                return "This transaction is not awaiting authentication"
        return None
