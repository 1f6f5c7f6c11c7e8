"""A server that answers every request with the same small JSON, to know the floor under a
measurement: what the benchmark client and the HTTP layer cost with no app behind them.

    bench/bare_server.py KIND PORT

``asyncio``: a bare protocol that reads up to the end of a request head and writes a fixed
answer (no HTTP parsing: the client's and the socket's own cost). ``h11`` / ``httptools``:
uvicorn with that HTTP parser and a one-line ASGI app (the parser's and uvicorn's cost on top).
Runs on 127.0.0.1 until killed.
"""
from __future__ import annotations

import asyncio
import sys
from typing import Any

BODY = b'{"items":[],"limit":100,"offset":0,"next":null}'
ANSWER = (b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: "
          + str(len(BODY)).encode() + b"\r\n\r\n" + BODY)


class Fixed(asyncio.Protocol):
    """Answers each request head (a GET: no body) with :data:`ANSWER`."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport: Any = transport
        self.pending = b""

    def data_received(self, data: bytes) -> None:
        self.pending += data
        while b"\r\n\r\n" in self.pending:
            _, self.pending = self.pending.split(b"\r\n\r\n", 1)
            self.transport.write(ANSWER)


async def app(scope: dict, receive: Any, send: Any) -> None:
    """The one-line ASGI app: the same answer."""
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/json")]})
    await send({"type": "http.response.body", "body": BODY})


async def bare(port: int) -> None:
    server = await asyncio.get_running_loop().create_server(Fixed, "127.0.0.1", port)
    await server.serve_forever()


def main() -> None:
    kind, port = sys.argv[1], int(sys.argv[2])
    if kind == "asyncio":
        asyncio.run(bare(port))
        return
    import uvicorn

    uvicorn.run(app, host="127.0.0.1", port=port, http=kind, loop="asyncio", log_level="warning")


if __name__ == "__main__":
    main()
