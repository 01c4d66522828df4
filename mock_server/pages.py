"""HTML pages of the mock: status page, 3-D Secure ACS page, invoice payment page, Dolyami application page.
Plain HTML, no external assets, so they work offline in any browser."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape
from typing import Final

from spec_tools import Operation

_STYLE: Final = """
body{font-family:system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1d2733}
h1{font-size:1.4rem} table{border-collapse:collapse}
td,th{border:1px solid #ccd;padding:.3rem .6rem;text-align:left}
.box{border:1px solid #ccd;border-radius:.5rem;padding:1rem 1.5rem;margin:1rem 0}
button{font-size:1rem;padding:.5rem 1.2rem;margin-right:.8rem;cursor:pointer}
#acs-success,#pay-submit,#qr-success,#dolyami-approve{background:#1a7f37;color:#fff;border:0;border-radius:.3rem}
#acs-fail,#qr-decline,#dolyami-refuse{background:#c62828;color:#fff;border:0;border-radius:.3rem}
label{display:block;margin:.5rem 0} input{font-size:1rem;padding:.3rem}
.error{color:#c62828} .ok{color:#1a7f37} code{background:#f3f4f6;padding:0 .2rem}
"""


def page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body>{body}</body></html>\n"
    )


def hidden_fields(fields: Mapping[str, str]) -> str:
    return "".join(
        f'<input type="hidden" name="{escape(name)}" value="{escape(value)}">'
        for name, value in fields.items()
    )


def auto_post(action: str, fields: Mapping[str, str], title: str, note: str) -> str:
    """A form that posts itself on load, the way an ACS returns the payer to the shop."""
    return page(
        title,
        f"<h1>{escape(title)}</h1><p>{escape(note)}</p>"
        f'<form id="auto-post" method="post" action="{escape(action)}">{hidden_fields(fields)}'
        '<noscript><button type="submit">Continue</button></noscript></form>'
        "<script>document.getElementById('auto-post').submit();</script>",
    )


def status_page(
    operations: Iterable[Operation], counts: Mapping[str, int], public_id: str, base_url: str
) -> str:
    rows = "".join(
        f"<tr><td><code>POST {escape(op.path)}</code></td><td>{escape(op.operation_id)}</td>"
        f"<td>{escape(op.summary)}</td></tr>"
        for op in operations
    )
    count_rows = "".join(
        f"<tr><td>{escape(name)}</td><td>{value}</td></tr>" for name, value in counts.items()
    )
    return page(
        "CloudPayments mock",
        "<h1>CloudPayments API mock</h1>"
        f"<p>Base URL <code>{escape(base_url)}</code>, test Public ID <code>{escape(public_id)}</code> "
        "(HTTP Basic auth; the API Secret was printed when the mock started).</p>"
        '<p><a href="/docs">API documentation</a> · <a href="/openapi.yaml">openapi.yaml</a> · '
        '<a href="/openapi.json">openapi.json</a></p>'
        f"<h2>State</h2><table>{count_rows}</table>"
        f"<h2>Operations</h2><table><tr><th>Route</th><th>operationId</th><th>Summary</th></tr>{rows}</table>",
    )


def docs_missing() -> str:
    return page(
        "Documentation not built",
        "<h1>Documentation not built</h1><p>The rendered API documentation (<code>docs/index.html</code>) "
        "does not exist yet. Run <code>make docs</code> in the repository, then reload this page.</p>"
        '<p>The spec itself is at <a href="/openapi.yaml">/openapi.yaml</a>.</p>',
    )


def message_page(title: str, message: str) -> str:
    return page(title, f'<h1>{escape(title)}</h1><p class="error" id="message">{escape(message)}</p>')


def acs_page(
    *, md: str, pa_req: str, term_url: str, amount: str, currency: str, card_mask: str, merchant: str
) -> str:
    fields = {"MD": md, "PaReq": pa_req, "TermUrl": term_url}
    return page(
        "3-D Secure authentication",
        "<h1>3-D Secure authentication (test ACS)</h1>"
        '<div class="box"><table>'
        f'<tr><th>Merchant</th><td id="acs-merchant">{escape(merchant)}</td></tr>'
        f'<tr><th>Amount</th><td id="acs-amount">{escape(amount)} {escape(currency)}</td></tr>'
        f'<tr><th>Card</th><td id="acs-card">{escape(card_mask)}</td></tr>'
        f'<tr><th>Transaction</th><td id="acs-transaction">{escape(md)}</td></tr>'
        "</table></div>"
        "<p>This is the mock's test authentication page. Choose the outcome of the authentication:</p>"
        f'<form id="acs-form" method="post" action="/acs/complete">{hidden_fields(fields)}'
        '<button id="acs-success" type="submit" name="Choice" value="success">Confirm payment</button>'
        '<button id="acs-fail" type="submit" name="Choice" value="fail">Decline</button>'
        "</form>",
    )


def order_page(
    *,
    order_id: str,
    number: int,
    description: str,
    amount: str,
    currency: str,
    status: str,
    paid: bool,
    cancelled: bool = False,
    message: str | None = None,
    success: bool = False,
) -> str:
    notice = ""
    if message is not None:
        notice = f'<p id="order-message" class="{"ok" if success else "error"}">{escape(message)}</p>'
    if paid:
        form = '<p class="ok" id="order-status">This invoice is paid.</p>'
    elif cancelled:
        form = '<p class="error" id="order-status">This invoice is cancelled: it takes no payment.</p>'
    else:
        form = (
            f'<p id="order-status">Status: {escape(status)}</p>'
            f'<form id="pay-form" method="post" action="/d/{escape(order_id)}/pay">'
            '<label>Card number <input id="card-number" name="CardNumber" inputmode="numeric" '
            'autocomplete="cc-number" required></label>'
            '<label>Expiry month (MM) <input id="exp-month" name="ExpMonth" size="2" required></label>'
            '<label>Expiry year (YY) <input id="exp-year" name="ExpYear" size="4" required></label>'
            '<label>CVV <input id="cvv" name="Cvv" size="4" required></label>'
            '<label>Card holder <input id="card-holder" name="Name" value="CARD HOLDER"></label>'
            '<button id="pay-submit" type="submit">Pay</button></form>'
        )
    return page(
        f"Invoice {number}",
        f"<h1>Invoice No. {number}</h1>"
        f'<div class="box"><p id="order-description">{escape(description)}</p>'
        f'<p><strong id="order-amount">{escape(amount)} {escape(currency)}</strong></p></div>'
        f"{notice}{form}",
    )


def qr_page(
    *,
    token: str,
    method: str,
    transaction_id: int,
    amount: str,
    currency: str,
    description: str,
    shop: str,
    status: str,
    payable: bool,
    expired: bool,
    notice: str | None,
) -> str:
    """The payer's bank app for a QR or link payment: the payment, and two choices while it can be paid."""
    if notice is not None:
        state = f'<p class="ok" id="qr-message">{escape(notice)}</p>'
    elif expired:
        state = '<p class="error" id="qr-message">This payment link has expired: it takes no payment.</p>'
    elif not payable:
        state = f'<p class="error" id="qr-message">This payment is {escape(status)}: it takes no payment.</p>'
    else:
        state = ""
    form = (
        f'<form id="qr-form" method="post" action="/qr/{escape(token)}">'
        '<button id="qr-success" type="submit" name="Choice" value="success">Pay</button>'
        '<button id="qr-decline" type="submit" name="Choice" value="decline">Decline</button></form>'
        if payable and notice is None
        else ""
    )
    return page(
        f"{method} payment",
        f"<h1>{escape(method)} payment (test bank app)</h1>"
        '<div class="box"><table>'
        f'<tr><th>Shop</th><td id="qr-shop">{escape(shop)}</td></tr>'
        f'<tr><th>Amount</th><td id="qr-amount">{escape(amount)} {escape(currency)}</td></tr>'
        f'<tr><th>Description</th><td id="qr-description">{escape(description)}</td></tr>'
        f'<tr><th>Transaction</th><td id="qr-transaction">{transaction_id}</td></tr>'
        f'<tr><th>Status</th><td id="qr-status">{escape(status)}</td></tr>'
        "</table></div>"
        f"{state}{form}",
    )


def dolyami_page(
    *, action: str, transaction_id: int, amount: str, description: str, merchant: str, scheme: str
) -> str:
    """The Dolyami application the payer fills in; the choice is posted back as `Choice`, the field the ACS
    page uses (`success` approves, `decline` refuses)."""
    return page(
        "Dolyami application",
        "<h1>Dolyami: pay in four parts (test application)</h1>"
        '<div class="box"><table>'
        f'<tr><th>Merchant</th><td id="dolyami-merchant">{escape(merchant)}</td></tr>'
        f'<tr><th>Order</th><td id="dolyami-description">{escape(description)}</td></tr>'
        f'<tr><th>Amount</th><td id="dolyami-amount">{escape(amount)} RUB</td></tr>'
        f'<tr><th>Scheme</th><td id="dolyami-scheme">{escape(scheme)}</td></tr>'
        f'<tr><th>Transaction</th><td id="dolyami-transaction">{transaction_id}</td></tr>'
        "</table></div>"
        "<p>This is the mock's test application page. Choose the lender's decision:</p>"
        f'<form id="dolyami-form" method="post" action="{escape(action)}">'
        '<button id="dolyami-approve" type="submit" name="Choice" value="success">Approve</button>'
        '<button id="dolyami-refuse" type="submit" name="Choice" value="decline">Refuse</button>'
        "</form>",
    )


def outcome_page(title: str, message: str, *, success: bool) -> str:
    """What a page says once the payer's choice is decided."""
    css = "ok" if success else "error"
    return page(title, f'<h1>{escape(title)}</h1><p class="{css}" id="message">{escape(message)}</p>')
