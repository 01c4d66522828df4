"""The invoice pages of orders (`Model.Url`): the card form, its payment and the 3-D Secure return.

The pages take no authentication; resources/orders.py decides what an invoice accepts (paid at most once,
nothing once cancelled, bounded attempts)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from mock_server import pages
from mock_server.bodies import BodyLimits
from mock_server.cryptogram import luhn_valid
from mock_server.envelopes import Envelope, RequestContext
from mock_server.resources.orders import TOO_MANY_ATTEMPTS, Orders
from mock_server.resources.payments import Payments
from mock_server.routes.forms import html, is_ascii_number, read_form, request_context
from mock_server.statuses import OrderStatus
from mock_server.store import Store
from mock_server.values import money


class InvoicePages:
    def __init__(self, store: Store, orders: Orders, payments: Payments, limits: BodyLimits) -> None:
        self.store = store
        self.limits = limits
        self.orders = orders
        self.payments = payments

    def routes(self) -> list[Route]:
        return [
            Route("/d/{order_id}", self.view, methods=["GET"]),
            Route("/d/{order_id}/pay", self.pay, methods=["POST"]),
            Route("/d/{order_id}/3ds", self.three_ds_return, methods=["POST"]),
        ]

    async def view(self, request: Request) -> Response:
        order_id = request.path_params["order_id"]
        if order_id not in self.store.orders:
            return _not_found()
        return html(self._page(order_id))

    async def pay(self, request: Request) -> Response:
        order_id = request.path_params["order_id"]
        if order_id not in self.store.orders:
            return _not_found()
        form = await read_form(request, self.limits)
        number = form.get("CardNumber", "").replace(" ", "")
        month, year, cvv = (
            form.get("ExpMonth", "").strip(),
            form.get("ExpYear", "").strip(),
            form.get("Cvv", ""),
        )
        if not (13 <= len(number) <= 19 and is_ascii_number(number, 19) and luhn_valid(number)):
            return html(self._page(order_id, "Invalid card number"), 400)
        if not (
            is_ascii_number(month, 2)
            and 1 <= int(month) <= 12
            and is_ascii_number(year, 4)
            and len(year) in (2, 4)
        ):
            return html(self._page(order_id, "Invalid expiry date"), 400)
        if not (is_ascii_number(cvv, 4) and len(cvv) >= 3):
            return html(self._page(order_id, "Invalid CVV"), 400)
        ctx = request_context(request)
        with self.store.lock:
            order = self.store.orders.get(order_id)
            if order is None:  # a reset while the form was read
                return _not_found()
            refusal = self.orders.refusal(order)
            if refusal is not None:
                return html(self._page(order_id, refusal), 429 if refusal == TOO_MANY_ATTEMPTS else 409)
            outcome = self.orders.pay(
                order, number, int(month), int(year), cvv, form.get("Name") or "CARD HOLDER", ctx
            )
            outcome.commit()
        return self._answer(order_id, outcome.envelope, ctx)

    async def three_ds_return(self, request: Request) -> Response:
        order_id = request.path_params["order_id"]
        if order_id not in self.store.orders:
            return _not_found()
        form = await read_form(request, self.limits)
        md = form.get("MD", "")
        ctx = request_context(request)
        with self.store.lock:
            order = self.store.orders.get(order_id)
            if order is None:  # a reset while the form was read
                return _not_found()
            if not is_ascii_number(md, 19) or int(md) not in order.transaction_ids:
                return html(self._page(order_id, "Unknown payment"), 400)
            # post3ds itself declines the payment of an invoice paid by another or cancelled.
            outcome = self.payments.post3ds({"TransactionId": int(md), "PaRes": form.get("PaRes", "")}, ctx)
            outcome.commit()
            if order.cancelled_date is not None or order.paid_by not in (None, int(md)):
                return html(self._page(order_id, self.orders.refusal(order)), 409)
        return self._answer(order_id, outcome.envelope, ctx)

    def _answer(self, order_id: str, answer: Envelope, ctx: RequestContext) -> Response:
        """The page after a payment: paid, off to the ACS, or declined with the card holder's message."""
        model = answer.get("Model")
        if answer["Success"]:
            return html(self._page(order_id, "Payment successful", success=True))
        if isinstance(model, dict) and "AcsUrl" in model:
            fields = {
                "PaReq": str(model["PaReq"]),
                "MD": str(model["TransactionId"]),
                "TermUrl": f"{ctx.base_url}/d/{order_id}/3ds",
            }
            return html(
                pages.auto_post(str(model["AcsUrl"]), fields, "3-D Secure", "Redirecting to your bank.")
            )
        reason = model.get("CardHolderMessage") if isinstance(model, dict) else answer.get("Message")
        return html(self._page(order_id, f"Payment declined: {reason}"))

    def _page(self, order_id: str, message: str | None = None, success: bool = False) -> str:
        order = self.store.orders[order_id]
        return pages.order_page(
            order_id=order.order_id,
            number=order.number,
            description=str(order.params.get("Description") or ""),
            amount=f"{money(order.amount)}",
            currency=str(order.params["Currency"]),
            status=order.status,
            paid=order.status is OrderStatus.PAID,
            cancelled=order.cancelled_date is not None,
            message=message,
            success=success,
        )


def _not_found() -> Response:
    return html(pages.message_page("Invoice not found", "No invoice has this address."), 404)
