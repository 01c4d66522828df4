"""`python -m bench.floor PORT`: the floor under the mock's request path. A Starlette app that reads the body
and answers a fixed JSON envelope, on the same uvicorn options as `bench.serve`: what is left of a request's
cost once the mock does nothing (no auth, parsing, validation or state). Stops when its stdin closes."""

from __future__ import annotations

import sys

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from bench.serve import child_server


async def answer(request: Request) -> Response:
    await request.body()
    return JSONResponse({"Success": True, "Message": None, "Model": None})


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not argv[0].isdigit():
        print("usage: python -m bench.floor PORT", file=sys.stderr)
        return 2
    paths = ("/test", "/payments/cards/charge", "/__mock__/reset")
    app = Starlette(routes=[Route(path, answer, methods=["POST"]) for path in paths])
    child_server(app, int(argv[0])).run()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
