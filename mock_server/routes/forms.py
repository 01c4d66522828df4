"""What the page routes share: reading a posted form, answering HTML, the context of a request."""

from __future__ import annotations

from typing import Any, Final
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from mock_server import pages
from mock_server.bodies import BodyLimits, BodyRefusedError, read_body
from mock_server.envelopes import RequestContext

# A page's form has a handful of fields.
_MAX_PAGE_FIELDS = 100


async def read_form(request: Request, limits: BodyLimits) -> dict[str, str]:
    """The posted fields; a body that is not a form reads as none (the page then says what is missing).

    Raises `BodyRefusedError` (too large, too slow) and `ClientGoneError` as `read_body` does.
    """
    raw = await read_body(request, limits)
    try:
        return dict(parse_qsl(raw.decode("utf-8"), keep_blank_values=True, max_num_fields=_MAX_PAGE_FIELDS))
    except (UnicodeDecodeError, ValueError):
        return {}


def html(text: str, status_code: int = 200) -> HTMLResponse:
    return HTMLResponse(text, status_code=status_code)


def is_ascii_number(text: str, max_digits: int) -> bool:
    """Digits 0-9 only (`str.isdigit` and `int` also take `²` and other scripts' digits), at most so many."""
    return 0 < len(text) <= max_digits and text.isascii() and text.isdigit()


def request_context(request: Request) -> RequestContext:
    host = request.client.host if request.client is not None else "127.0.0.1"
    return RequestContext(base_url=_base_url(request), client_ip=host)


# Base URL by what Starlette builds it from: building the URL is a sizable part of a charge's cost.
_base_urls: dict[tuple[Any, ...], str] = {}
_MAX_BASE_URLS: Final = 256


def _base_url(request: Request) -> str:
    scope = request.scope
    server = scope.get("server")
    key = (
        scope.get("scheme"),
        None if server is None else tuple(server),  # a list from some servers
        scope.get("root_path"),
        scope.get("app_root_path"),
        request.headers.get("host"),
    )
    url = _base_urls.get(key)
    if url is None:
        url = str(request.base_url).rstrip("/")
        if len(_base_urls) >= _MAX_BASE_URLS:
            _base_urls.clear()
        _base_urls[key] = url
    return url


async def body_refused(request: Request, exc: Exception) -> Response:
    """A page's body too large or too slow: said on a page; the connection closes (the rest is unread)."""
    message = exc.message if isinstance(exc, BodyRefusedError) else "The request body was refused"
    page = pages.message_page("Request refused", message)
    return HTMLResponse(page, status_code=400, headers={"Connection": "close"})


async def client_gone(request: Request, exc: Exception) -> Response:
    """The client closed the connection before its body arrived: nothing to do, nobody to answer."""
    return Response(status_code=400)
