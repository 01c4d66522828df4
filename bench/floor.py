"""`python -m bench.floor PORT`: the floor under the mock's request path. A Starlette app that reads the body
and answers a fixed JSON envelope, on the same uvicorn options as `bench.serve`: what is left of a request's
cost once the mock does nothing (no auth, parsing, validation or state). Stops when its stdin closes."""

from __future__ import annotations

import sys
import threading

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from mock_server.__main__ import http_impl, loop_impl


async def answer(request: Request) -> Response:
    await request.body()
    return JSONResponse({"Success": True, "Message": None, "Model": None})


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not argv[0].isdigit():
        print("usage: python -m bench.floor PORT", file=sys.stderr)
        return 2
    paths = ("/test", "/payments/cards/charge", "/__mock__/reset")
    app = Starlette(routes=[Route(path, answer, methods=["POST"]) for path in paths])
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=int(argv[0]),
        log_level="warning",
        access_log=False,
        http=http_impl(),
        loop=loop_impl(),
    )
    server = uvicorn.Server(config)

    def stop_when_parent_goes() -> None:
        sys.stdin.read()
        server.should_exit = True

    threading.Thread(target=stop_when_parent_goes, name="stdin-watch", daemon=True).start()
    server.run()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
