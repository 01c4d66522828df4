"""`python -m bench.serve PORT`: the mock in its own process, so client and server do not share one GIL.

The server stops when its standard input closes, so it never outlives the benchmark that started it,
even one that was killed.
"""

from __future__ import annotations

import sys
import threading

import uvicorn

from mock_server import DEFAULT_API_SECRET, DEFAULT_PUBLIC_ID, create_app


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not argv[0].isdigit():
        print("usage: python -m bench.serve PORT", file=sys.stderr)
        return 2
    app = create_app(public_id=DEFAULT_PUBLIC_ID, api_secret=DEFAULT_API_SECRET)
    config = uvicorn.Config(app, host="127.0.0.1", port=int(argv[0]), log_level="warning", access_log=False)
    server = uvicorn.Server(config)

    def stop_when_parent_goes() -> None:
        sys.stdin.read()
        server.should_exit = True

    threading.Thread(target=stop_when_parent_goes, name="stdin-watch", daemon=True).start()
    server.run()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
