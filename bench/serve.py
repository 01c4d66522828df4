"""`python -m bench.serve PORT [--profile FILE]`: the mock in its own process, so client and server do not
share one GIL, on uvicorn's compiled HTTP parser and event loop as `python -m mock_server` runs it.

The server stops when its standard input closes, so it never outlives the benchmark that started it,
even one that was killed. With `--profile`, the whole run is under cProfile and its stats go to FILE.
"""

from __future__ import annotations

import argparse
import cProfile
import sys
import threading

import uvicorn
from starlette.types import ASGIApp

from mock_server import DEFAULT_API_SECRET, DEFAULT_PUBLIC_ID, create_app
from mock_server.__main__ import http_impl, loop_impl


def child_server(app: ASGIApp, port: int) -> uvicorn.Server:
    """A quiet uvicorn server on 127.0.0.1 with the mock's HTTP options; it stops when the parent ends."""
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=port,
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
    return server


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.serve")
    parser.add_argument("port", type=int)
    parser.add_argument("--profile", default=None, help="write cProfile stats of the run to this file")
    args = parser.parse_args(argv)
    server = child_server(create_app(public_id=DEFAULT_PUBLIC_ID, api_secret=DEFAULT_API_SECRET), args.port)
    if args.profile is None:
        server.run()
        return 0
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        server.run()
    finally:
        profiler.disable()
        profiler.dump_stats(args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
