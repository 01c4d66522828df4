"""Notifications (webhooks) the mock sends to the merchant's site, as CloudPayments does: their parameters,
encoding and signature, the delivery with retries, and the Check that decides a payment.

| Module | Holds |
|---|---|
| `settings.py` | the notification types and the settings of one type (address, method, encoding, format) |
| `payloads.py` | the parameters of each type from a transaction, refund or subscription, written as sent |
| `encoding.py` | a notification's request: a form as .NET writes it (or JSON), GET or POST, UTF-8 or cp1251 |
| `signing.py` | the `Content-HMAC` and `X-Content-HMAC` headers |
| `records.py` | what was sent: each delivery and its attempts, readable from Python and over HTTP |
| `delivery.py` | one attempt over HTTP, and the queue that retries on a schedule without blocking the API |
| `check.py` | the Check notification: sent before a payment is decided; its answer can decline it |
| `notifier.py` | the link between the resources' committed changes and the deliveries |

The modules are imported one by one (`from mock_server.webhooks.payloads import ...`); this file imports
none of them. The records they read are in `mock_server/ledger.py` and the changes they send come through
`mock_server/events.py`: no module here imports a resource, and no resource imports one of these
(contract_tests/mock/test_mock_modules.py).
"""
