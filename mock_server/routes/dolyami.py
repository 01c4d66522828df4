"""The Dolyami application pages (`ExtensionData.Link` of `/payments/altpay/pay`): GET shows the application,
POST with `Choice=success` or `Choice=decline` decides it, then the payer goes to the payment's
`SuccessRedirectUrl` or `FailRedirectUrl` (303) when it gave an http(s) one, else is told the outcome.

The pages take no authentication (the payer opens them); resources/dolyami.py decides what a link finds."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from mock_server import pages
from mock_server.bodies import BodyLimits
from mock_server.ledger import PaymentScheme
from mock_server.resources.dolyami import PAGE_PATH, Dolyami
from mock_server.routes.forms import html, read_form, request_context
from mock_server.statuses import TransactionStatus
from mock_server.store import Store
from mock_server.values import money

_TITLE = "Dolyami application"
_CHOICES = {"success": True, "decline": False}
_SCHEME_WORDS = {PaymentScheme.CHARGE: "one step (charge)", PaymentScheme.AUTH: "two steps (authorization)"}


class DolyamiPages:
    def __init__(self, store: Store, dolyami: Dolyami, public_id: str, limits: BodyLimits) -> None:
        self.store = store
        self.dolyami = dolyami
        self.public_id = public_id
        self.limits = limits

    def routes(self) -> list[Route]:
        return [Route(PAGE_PATH + "/{token}", self.page, methods=["GET", "POST"])]

    async def page(self, request: Request) -> Response:
        token = str(request.path_params["token"])
        if request.method == "GET":
            return self._show(token)
        form = await read_form(request, self.limits)
        choice = form.get("Choice", "")
        if choice not in _CHOICES:
            return html(pages.message_page(_TITLE, "Choice must be success or decline"), 400)
        approved = _CHOICES[choice]
        with self.store.lock:
            record = self.dolyami.application(token)
            if record is None:
                return _not_found()
            outcome = self.dolyami.decide(record, approved, request_context(request))
            if outcome is None:
                return html(pages.message_page(_TITLE, _decided(record.status)), 409)
            outcome.commit()
        redirect = record.params.get("SuccessRedirectUrl" if approved else "FailRedirectUrl")
        if isinstance(redirect, str) and redirect.startswith(("http://", "https://")):
            return RedirectResponse(redirect, status_code=303)
        if approved:
            return html(pages.outcome_page(_TITLE, "The application is approved.", success=True))
        return html(pages.outcome_page(_TITLE, "The application is refused.", success=False))

    def _show(self, token: str) -> Response:
        with self.store.lock:
            record = self.dolyami.application(token)
        if record is None:
            return _not_found()
        if record.status is not TransactionStatus.CREATED:
            return html(pages.message_page(_TITLE, _decided(record.status)), 409)
        return html(
            pages.dolyami_page(
                action=f"{PAGE_PATH}/{token}",
                transaction_id=record.transaction_id,
                amount=f"{money(record.amount)}",
                description=str(record.params.get("Description") or ""),
                merchant=self.public_id,
                scheme=_SCHEME_WORDS[record.scheme],
            )
        )


def _decided(status: TransactionStatus) -> str:
    return f"This application is already decided (the payment is {status})."


def _not_found() -> Response:
    return html(pages.message_page(_TITLE, "Unknown application"), 404)
