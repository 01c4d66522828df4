"""What the page routes share: reading a posted form, answering HTML, the context of a request."""

from __future__ import annotations

from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import HTMLResponse

from mock_server.envelopes import RequestContext

# A page's form has a handful of fields.
_MAX_PAGE_FIELDS = 100


async def read_form(request: Request) -> dict[str, str]:
    """The posted fields; a body that is not a form reads as none (the page then says what is missing)."""
    raw = await request.body()
    try:
        return dict(parse_qsl(raw.decode("utf-8"), keep_blank_values=True, max_num_fields=_MAX_PAGE_FIELDS))
    except (UnicodeDecodeError, ValueError):
        return {}


def html(text: str, status_code: int = 200) -> HTMLResponse:
    return HTMLResponse(text, status_code=status_code)


def request_context(request: Request) -> RequestContext:
    host = request.client.host if request.client is not None else "127.0.0.1"
    return RequestContext(base_url=str(request.base_url).rstrip("/"), client_ip=host)
