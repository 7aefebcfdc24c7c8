"""Content-Encoding decoded with a cap on the output, counted as it is produced.

httpx decodes each network chunk whole before the caller can count it, so with
`Content-Encoding: gzip, gzip` 1.8 KB on the wire became 1 GiB in memory before a size check
ran. Here every layer inflates at most `STEP` bytes at a time, and the decoded total is checked
after each step: a bomb stops a step past the cap, whatever its ratio or its number of layers.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator

STEP = 64 * 1024
MAX_LAYERS = 2  # `gzip, gzip` is legal HTTP, though no real server stacks more


class DecodeError(Exception):
    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind  # "too_large" or "bad_encoding"


class _Inflater:
    """One gzip/deflate layer; `deflate` is zlib-wrapped by the standard, raw from some servers."""

    def __init__(self, name: str) -> None:
        self._deflate = name == "deflate"
        self._zlib = zlib.decompressobj(zlib.MAX_WBITS | 16 if name in ("gzip", "x-gzip") else zlib.MAX_WBITS)
        self._started = False

    def pieces(self, data: bytes) -> Iterator[bytes]:
        """Inflate `data` in pieces of at most STEP bytes (an empty `data` drains what is pending)."""
        while True:
            try:
                out = self._zlib.decompress(data, STEP)
            except zlib.error as exc:
                if self._deflate and not self._started:  # raw deflate: start over without the header
                    self._deflate, self._zlib = False, zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                raise DecodeError("bad_encoding", f"corrupt compressed body: {exc}") from None
            self._started = True
            if out:
                yield out
            data = self._zlib.unconsumed_tail
            if not data and len(out) < STEP:
                return


class BoundedDecoder:
    """Decode a body chunk by chunk; DecodeError("too_large") as soon as the decoded total passes the cap."""

    def __init__(self, content_encoding: str | None, max_bytes: int) -> None:
        names = [n.strip().lower() for n in (content_encoding or "").split(",")]
        names = [n for n in names if n and n != "identity"]
        unknown = [n for n in names if n not in ("gzip", "x-gzip", "deflate")]
        if unknown:
            raise DecodeError("bad_encoding", f"unsupported Content-Encoding {unknown[0][:40]!r}")
        if len(names) > MAX_LAYERS:
            raise DecodeError("bad_encoding", f"{len(names)} stacked Content-Encodings")
        # Encodings are listed in the order they were applied, so they come off in reverse.
        self._layers = [_Inflater(name) for name in reversed(names)]
        self._max_bytes = max_bytes
        self.decoded = 0

    def decode(self, chunk: bytes) -> bytes:
        """The decoded bytes of one raw chunk (b"" at the end of the body drains every layer)."""
        out = bytearray()
        for piece in self._through(0, [chunk]):
            self.decoded += len(piece)
            if self.decoded > self._max_bytes:
                raise DecodeError("too_large", f"response over the cap of {self._max_bytes} bytes decoded")
            out += piece
        return bytes(out)

    def _through(self, layer: int, pieces: Iterable[bytes]) -> Iterator[bytes]:
        if layer == len(self._layers):
            yield from pieces
            return
        inflater = self._layers[layer]
        for piece in pieces:
            yield from self._through(layer + 1, inflater.pieces(piece))
