"""`python -m bench.receiver PORT`: a merchant's notification endpoint that costs next to nothing. Raw asyncio
on 127.0.0.1: each HTTP/1.1 request (its Content-Length body read) gets `{"code":0}`, keep-alive, and is
counted; `GET /count` answers that count instead. Runs in its own process so its work is not counted against
the mock's; stops when its standard input closes."""

from __future__ import annotations

import asyncio
import sys
from typing import Final

from mock_server.__main__ import loop_impl

ANSWER: Final = b'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n{"code":0}'
MAX_HEAD: Final = 64 * 1024


class Receiver:
    def __init__(self) -> None:
        self.received = 0

    async def connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                if len(head) > MAX_HEAD:
                    break
                length = 0
                for line in head.split(b"\r\n"):
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value)
                await reader.readexactly(length)
                if head.startswith(b"GET /count "):
                    count = str(self.received).encode()
                    writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(count), count))
                else:
                    self.received += 1
                    writer.write(ANSWER)
                await writer.drain()
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError, ValueError):
            pass
        finally:
            writer.close()


async def _serve(port: int) -> None:
    server = await asyncio.start_server(Receiver().connection, "127.0.0.1", port)
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, sys.stdin.read)  # until the parent closes the pipe
    server.close()


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not argv[0].isdigit():
        print("usage: python -m bench.receiver PORT", file=sys.stderr)
        return 2
    if loop_impl() == "uvloop":
        import uvloop

        uvloop.run(_serve(int(argv[0])))
    else:
        asyncio.run(_serve(int(argv[0])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
