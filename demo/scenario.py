"""The demo scenario: every step calls the API through the generated client and checks the outcome."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from itertools import pairwise
from typing import Any, get_args

from cloudpayments_client import (
    BadRequestError,
    CloudPayments,
    CloudPaymentsError,
    PaymentDeclinedError,
    ThreeDSecureRequired,
)
from cloudpayments_client.models import UpdatableNotificationType

from contract_tests.support import cards
from contract_tests.support.acs import pass_3ds
from demo.receiver import Received
from mock_server.testing import pay_qr

# Cards of the spec's test table (info.x-test-cards).
CARD_NO_3DS = cards.approving_card("Visa")
CARD_3DS = cards.three_ds_card()
CARD_NO_FUNDS = cards.declining_card()
CARD_MASTERCARD = cards.approving_card("Mastercard")
CARD_MIR = cards.approving_card("MIR")
ACCOUNT = "demo-user-1"
IP = "203.0.113.10"


@dataclass
class Step:
    name: str
    expected: str
    outcome: str = ""
    transaction_id: str = ""
    status: str = ""
    amount: str = ""
    ok: bool = False
    skipped: bool = False


def _amount(value: Any) -> str:
    # Amounts are Decimal both ways: the demo never sends money as a float.
    return f"{value:.2f}" if isinstance(value, Decimal) else ""


class Scenario:
    def __init__(
        self,
        client: CloudPayments,
        public_id: str,
        mock_base_url: str | None,
        receiver_url: str | None = None,
    ) -> None:
        self.client = client
        self.receiver_url = receiver_url
        self.public_id = public_id
        self.mock_base_url = mock_base_url
        self.steps: list[Step] = []
        self.token: str | None = None
        self.paid_id: int | None = None
        self.paid_invoice: str | None = None
        self.started = datetime.now(UTC) - timedelta(minutes=1)

    def packet(self, card: str) -> str:
        return cards.packet(card, public_id=self.public_id)

    def step(self, name: str, expected: str, action: Callable[[Step], None]) -> Step:
        step = Step(name, expected)
        try:
            action(step)
        except CloudPaymentsError as exc:  # an unexpected API outcome fails the step, not the demo
            step.outcome = f"{type(exc).__name__}: {exc}"
            step.ok = False
        self.steps.append(step)
        return step

    def _card(self, card: str, amount: Decimal, two_step: bool = False, **extra: Any) -> Any:
        pay = self.client.payments.auth_card if two_step else self.client.payments.charge_card
        return pay(
            amount=amount,
            currency="RUB",
            ip_address=IP,
            name="DEMO CARDHOLDER",
            card_cryptogram_packet=self.packet(card),
            invoice_id=f"demo-{len(self.steps) + 1}",
            description="Demo order",
            **extra,
        )

    @staticmethod
    def _record(step: Step, transaction: Any, outcome: str, expected_status: str) -> None:
        step.transaction_id = str(transaction.transaction_id)
        step.status = str(transaction.status)
        step.amount = _amount(transaction.amount)
        step.outcome = outcome
        step.ok = transaction.status == expected_status

    def run(self) -> list[Step]:
        self.step("connection test", "Success", self.connection)
        if self.receiver_url is not None:
            self.step("notification settings", "6 kinds enabled", self.notification_settings)
        self.step("one-step charge", "Completed", self.one_step)
        self.step("look the charge up (get, find)", "Completed", self.lookup)
        self.step("3-D Secure charge + post3ds", "Completed", self.three_ds)
        self.step("declined charge", "Declined 5051", self.declined)
        self.step("SBP link paid in the bank app", "Completed", self.sbp)
        authorized = self.step(
            "two-step auth", "Authorized", lambda s: self.auth(s, CARD_MASTERCARD, Decimal(100))
        )
        self.step("confirm 65.98 of 100", "Success", lambda s: self.confirm(s, authorized, Decimal("65.98")))
        to_void = self.step("auth to void", "Authorized", lambda s: self.auth(s, CARD_MIR, Decimal(50)))
        self.step("void", "Success", lambda s: self.void(s, to_void))
        self.step("partial refund 40", "Success", lambda s: self.refund(s, Decimal(40), refused=False))
        self.step("partial refund 30", "Success", lambda s: self.refund(s, Decimal(30), refused=False))
        self.step(
            "refund 40 more (over the rest)", "refused", lambda s: self.refund(s, Decimal(40), refused=True)
        )
        self.step("token charge", "Completed", self.token_charge)
        self.step("payout by token", "Completed", self.payout)
        self.step("subscription create/get/cancel", "Active -> Cancelled", self.subscription)
        created = self.step("order create", "Created", self.order)
        self.step("order cancel", "Success", lambda s: self.cancel_order(s, created))
        self.step("list of the period (every page)", "every operation", self.list_all)
        return self.steps

    def connection(self, step: Step) -> None:
        answer = self.client.general.test()
        step.outcome = f"request id {answer.message}"
        step.ok = answer.success is True

    def notification_settings(self, step: Step) -> None:
        # Each kind to its own address of the shop (the Check's address is set outside the API).
        kinds: tuple[UpdatableNotificationType, ...] = get_args(UpdatableNotificationType)
        for kind in kinds:
            self.client.notifications.update_notification_settings(
                type_=kind,
                is_enabled=True,
                address=f"{self.receiver_url}/notify/{kind}",
                http_method="POST",
            )
        pay = self.client.notifications.get_notification_settings(type_="Pay")
        step.status = f"{len(kinds)} enabled"
        step.outcome = f"Pay -> {pay.address} ({pay.http_method})"
        step.ok = pay.is_enabled is True and pay.address == f"{self.receiver_url}/notify/Pay"

    def one_step(self, step: Step) -> None:
        self.started = datetime.now(UTC) - timedelta(minutes=1)
        transaction = self._card(CARD_NO_3DS, Decimal(100), account_id=ACCOUNT)
        self.token = transaction.token if isinstance(transaction.token, str) else None
        self.paid_id = transaction.transaction_id
        self.paid_invoice = transaction.invoice_id if isinstance(transaction.invoice_id, str) else None
        self._record(step, transaction, f"approved, token {self.token}", "Completed")

    def lookup(self, step: Step) -> None:
        # What a shop does after a timeout: ask for the payment before paying again.
        if self.paid_id is None or self.paid_invoice is None:
            step.outcome = "no payment to look up"
            return
        by_id = self.client.payments.get_payment(transaction_id=self.paid_id)
        by_invoice = self.client.payments.find_payment(invoice_id=self.paid_invoice)
        self._record(step, by_id, f"by id and by invoice {self.paid_invoice}: same payment", "Completed")
        step.ok = step.ok and by_invoice.transaction_id == self.paid_id

    def three_ds(self, step: Step) -> None:
        try:
            self._card(CARD_3DS, Decimal(250))
        except ThreeDSecureRequired as challenge:
            step.transaction_id = challenge.md
            if self.mock_base_url is None or not challenge.acs_url.startswith(self.mock_base_url):
                print(
                    f"3-D Secure step skipped: the ACS ({challenge.acs_url}) is the issuer's page, which a "
                    "payer passes in a real browser; only the mock's ACS can be driven by this demo."
                )
                step.outcome, step.skipped, step.ok = "skipped (real ACS)", True, True
                return
            md, pares = pass_3ds(challenge.acs_url, challenge.pa_req, challenge.md)
            transaction = self.client.payments.post3ds(transaction_id=int(md), pa_res=pares)
            self._record(step, transaction, "challenge -> ACS confirmed -> post3ds approved", "Completed")
            return
        step.outcome = "no 3-D Secure challenge"

    def sbp(self, step: Step) -> None:
        link = self.client.alt_payments.create_sbp_link(
            amount=Decimal("640.00"), currency="RUB", account_id=ACCOUNT,
            invoice_id=f"demo-{len(self.steps) + 1}", description="Demo order by SBP",
        )  # fmt: skip
        step.transaction_id = str(link.transaction_id)
        qr_url = link.qr_url or ""
        if self.mock_base_url is None or not qr_url.startswith(self.mock_base_url):
            print(
                f"SBP step skipped: the link ({qr_url}) opens the payer's bank app, which a payer passes on "
                "a phone; only the mock's page can be driven by this demo."
            )
            step.outcome, step.skipped, step.ok = "skipped (real bank app)", True, True
            return
        # The payer pays in their bank app while the shop waits for the outcome.
        payer = threading.Thread(target=pay_qr, args=(qr_url,))
        payer.start()
        try:
            outcome = self.client.alt_payments.wait_for_payment(link.transaction_id, timeout=30)
        finally:
            payer.join()
        transaction = self.client.payments.get_payment(transaction_id=link.transaction_id)
        self._record(step, transaction, f"link -> paid on the page -> waited: {outcome.status}", "Completed")
        step.ok = step.ok and outcome.status == "Completed"

    def declined(self, step: Step) -> None:
        try:
            transaction = self._card(CARD_NO_FUNDS, Decimal(75))
        except PaymentDeclinedError as declined:
            self._record(
                step, declined.transaction, f"declined {declined.reason_code} {declined.reason}", "Declined"
            )
            step.ok = step.ok and declined.reason_code == 5051
            return
        self._record(step, transaction, "approved (unexpected)", "Declined")

    def auth(self, step: Step, card: str, amount: Decimal) -> None:
        transaction = self._card(card, amount, two_step=True)
        self._record(step, transaction, "amount blocked", "Authorized")

    def confirm(self, step: Step, authorized: Step, amount: Decimal) -> None:
        answer = self.client.payments.confirm_payment(
            transaction_id=int(authorized.transaction_id), amount=amount
        )
        step.transaction_id, step.status, step.amount = (
            authorized.transaction_id,
            "Completed",
            _amount(amount),
        )
        step.outcome = "captured"
        step.ok = answer.success is True

    def void(self, step: Step, authorized: Step) -> None:
        answer = self.client.payments.void_payment(transaction_id=int(authorized.transaction_id))
        step.transaction_id, step.status = authorized.transaction_id, "Cancelled"
        step.outcome = "released"
        step.ok = answer.success is True

    def refund(self, step: Step, amount: Decimal, refused: bool) -> None:
        if self.paid_id is None:
            step.outcome = "no payment to refund"
            return
        step.amount = _amount(amount)
        try:
            refund = self.client.payments.refund_payment(transaction_id=self.paid_id, amount=amount)
        except BadRequestError as exc:
            step.transaction_id = str(self.paid_id)
            step.outcome = f"refused: {exc.message}"
            step.ok = refused
            return
        step.transaction_id = str(refund.transaction_id)
        step.outcome = f"refund of payment {self.paid_id}"
        step.ok = not refused

    def token_charge(self, step: Step) -> None:
        if self.token is None:
            step.outcome = "no token from the first payment"
            return
        transaction = self.client.payments.charge_token(
            amount=Decimal("19.99"), currency="RUB", account_id=ACCOUNT, token=self.token, tr_initiator_code=0
        )
        self._record(step, transaction, "charged by token", "Completed")

    def payout(self, step: Step) -> None:
        if self.token is None:
            step.outcome = "no token from the first payment"
            return
        payout = self.client.payouts.topup_token(
            token=self.token, amount=Decimal("500.00"), account_id=ACCOUNT, currency="RUB"
        )
        self._record(step, payout, f"paid out to the saved card (Type {payout.type_})", "Completed")
        step.ok = step.ok and payout.type_ == 2

    def subscription(self, step: Step) -> None:
        if self.token is None:
            step.outcome = "no token from the first payment"
            return
        start = (datetime.now(UTC) + timedelta(days=1)).replace(microsecond=0)
        created = self.client.subscriptions.create_subscription(
            token=self.token,
            account_id=ACCOUNT,
            description="Demo monthly plan",
            email="payer@example.com",
            amount=Decimal(399),
            currency="RUB",
            require_confirmation=False,
            start_date=start.strftime("%Y-%m-%dT%H:%M:%S"),
            interval="Month",
            period=1,
        )
        got = self.client.subscriptions.get_subscription(id=created.id)
        cancelled = self.client.subscriptions.cancel_subscription(id=created.id)
        after = self.client.subscriptions.get_subscription(id=created.id)
        step.transaction_id, step.amount = created.id, _amount(created.amount)
        step.status = f"{got.status} -> {after.status}"
        step.outcome = "created, read, cancelled"
        step.ok = got.status == "Active" and cancelled.success is True and after.status == "Cancelled"

    def order(self, step: Step) -> None:
        order = self.client.orders.create_order(
            amount=Decimal(1500), currency="RUB", description="Demo invoice", email="payer@example.com",
            require_confirmation=False, send_email=False,
        )  # fmt: skip
        step.transaction_id, step.status, step.amount = order.id, str(order.status), _amount(order.amount)
        step.outcome = f"pay at {order.url}"
        step.ok = order.status == "Created"

    def cancel_order(self, step: Step, created: Step) -> None:
        answer = self.client.orders.cancel_order(id=created.transaction_id)
        step.transaction_id, step.status = created.transaction_id, "cancelled"
        step.outcome = "withdrawn: its page takes no payment"
        step.ok = answer.success is True

    def list_all(self, step: Step) -> None:
        # The API gives no totals: the iterator asks for pages of 100 until a shorter one.
        listed = list(
            self.client.payments.iter_list_payments_v2(
                created_date_gte=self.started, created_date_lte=datetime.now(UTC) + timedelta(minutes=1)
            )
        )
        ids = [t.transaction_id for t in listed]
        statuses = sorted({str(t.status) for t in listed})
        step.status = ", ".join(statuses)
        step.outcome = f"{len(listed)} transactions, oldest first"
        created = [t.created_date for t in listed]
        in_order = all(a is not None and b is not None and a <= b for a, b in pairwise(created))
        step.ok = self.paid_id in ids and len(set(ids)) == len(ids) and in_order


def render(steps: list[Step]) -> str:
    header = ("#", "step", "expected", "result", "id", "status", "amount", "outcome")
    rows = [
        (str(i), s.name, s.expected, "SKIP" if s.skipped else "OK" if s.ok else "FAIL", s.transaction_id,
         s.status, s.amount, s.outcome)
        for i, s in enumerate(steps, 1)
    ]  # fmt: skip
    widths = [max(len(r[c]) for r in [header, *rows]) for c in range(len(header) - 1)]

    def line(row: tuple[str, ...]) -> str:
        return "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)) + "  " + row[-1]

    separator = "  ".join("-" * w for w in widths) + "  " + "-" * 7
    return "\n".join([line(header), separator, *(line(r) for r in rows)])


def render_notifications(received: list[Received]) -> str:
    header = ("#", "notification", "about", "amount", "status", "signature")
    rows = [
        (str(i), r.kind, r.subject, _amount(r.amount), r.status,
         "verified" if r.verified else f"REFUSED {r.problem}")
        for i, r in enumerate(received, 1)
    ]  # fmt: skip
    widths = [max(len(r[c]) for r in [header, *rows]) for c in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
             for row in [header, tuple("-" * w for w in widths), *rows]]  # fmt: skip
    return "\n".join(lines)


def notifications_step(received: list[Received], settled: bool) -> Step:
    """The shop got every kind the scenario causes, each with a valid signature."""
    kinds = sorted({r.kind for r in received})
    step = Step("notifications received", "7 kinds, all verified")
    step.status = ", ".join(kinds)
    step.outcome = f"{len(received)} notifications" + ("" if settled else " (deliveries still pending)")
    expected = {"Check", "Pay", "Fail", "Confirm", "Refund", "Cancel", "Recurrent"}
    step.ok = settled and set(kinds) == expected and all(r.verified for r in received)
    return step
