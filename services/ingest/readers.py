"""Read articles from files, JSON, JSONL or stdin; each yields an article or a reason.

A bad item never stops the rest: JSONL goes on with the next line, a directory with the next file.
JSONL (and any large file that starts with `{`) is streamed line by line with bounded reads, so
a huge file is never held in memory; each item carries the byte offset reached, for `--resume`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import BinaryIO

from parley.shared.article_input import (
    MAX_ARTICLE_BYTES,
    ArticleInput,
    load_json,
    parse_text_article,
    validate_article,
)
from parley.shared.errors import InputError

MAX_LINE_BYTES = MAX_ARTICLE_BYTES * 2  # room for JSON escaping around a capped article
MAX_DOCUMENT_BYTES = MAX_ARTICLE_BYTES * 4  # a whole-file document (JSON array, text) is read up to this


@dataclass(frozen=True)
class Item:
    """One article read from `where` (file, file:line), or the reason it was rejected.

    `offset` is how far into its file reading got after this item (bytes), `line` its line number.
    """

    where: str
    article: ArticleInput | None = None
    error: str | None = None
    offset: int | None = None
    line: int | None = None


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 ({exc.reason} at byte {exc.start})") from None


def _looks_like_json(text: str) -> bool:
    return text.lstrip()[:1] in ("{", "[")


def read_document(raw: bytes, where: str) -> Iterator[Item]:
    """A whole file's bytes: JSON object, JSON array, JSONL, or the plain-text format."""
    try:
        if not raw.strip():
            raise InputError("empty input")
        if len(raw) > MAX_DOCUMENT_BYTES and not raw.lstrip().startswith(b"{"):
            raise InputError(f"input of {len(raw)} bytes is over the article cap")
        text = _decode(raw)
    except InputError as exc:
        yield Item(where, error=str(exc))
        return
    if not _looks_like_json(text):
        yield _one(where, lambda: parse_text_article(text))
        return
    try:
        doc = json.loads(text.strip())
    except (RecursionError, ValueError):  # JSONL, or a line nested too deeply or with too long an integer
        yield from read_jsonl_lines(_whole(iter(text.encode("utf-8").splitlines(keepends=True))), where)
        return
    if isinstance(doc, list):
        for i, entry in enumerate(doc, start=1):
            yield _one(f"{where}[{i}]", partial(validate_article, entry))
    else:
        yield _one(where, lambda: validate_article(doc))


Line = tuple[bytes | None, int]  # the line (None when over the cap) and the bytes it took


def _bounded_lines(handle: BinaryIO) -> Iterator[Line]:
    """Lines read with a bound: a longer line is skipped in chunks, never held whole."""
    while raw := handle.readline(MAX_LINE_BYTES + 1):
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            size = len(raw)
            while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                size += len(rest)
            yield None, size + len(rest)
            continue
        yield raw, len(raw)


def _whole(lines: Iterator[bytes]) -> Iterator[Line]:
    return ((line, len(line)) for line in lines)


def read_jsonl_lines(
    lines: Iterator[Line], where: str, start_offset: int = 0, start_line: int = 0
) -> Iterator[Item]:
    offset, number = start_offset, start_line
    for raw, size in lines:
        number += 1
        offset += size
        here = f"{where}:{number}"
        if raw is None:
            yield Item(
                here, error=f"line of {size} bytes is over the article cap", offset=offset, line=number
            )
        elif raw.strip():
            yield _jsonl_item(raw, here, offset, number)


def _jsonl_item(raw: bytes, here: str, offset: int, number: int) -> Item:
    try:
        line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        return Item(here, error=f"not UTF-8 ({exc.reason} at byte {exc.start})", offset=offset, line=number)
    if len(raw) > MAX_LINE_BYTES:
        return Item(
            here, error=f"line of {len(raw)} bytes is over the article cap", offset=offset, line=number
        )
    try:
        doc = load_json(line)
    except InputError as exc:
        return Item(here, error=str(exc), offset=offset, line=number)
    item = _one(here, lambda: validate_article(doc))
    return Item(item.where, item.article, item.error, offset, number)


def read_jsonl_file(path: Path, start_offset: int = 0, start_line: int = 0) -> Iterator[Item]:
    """Stream a JSONL file from a byte offset (a line boundary recorded by an earlier run)."""
    with path.open("rb") as handle:
        handle.seek(start_offset)
        yield from read_jsonl_lines(_bounded_lines(handle), str(path), start_offset, start_line)


def _one(where: str, parse: Callable[[], ArticleInput]) -> Item:
    try:
        return Item(where, article=parse())
    except InputError as exc:
        return Item(where, error=str(exc))


def is_streamed(path: Path, size: int) -> bool:
    """JSONL files, and large files that start like one, are read line by line."""
    if path.suffix == ".jsonl":
        return True
    if size <= MAX_DOCUMENT_BYTES:
        return False
    with path.open("rb") as handle:
        return handle.read(4096).lstrip()[:1] == b"{"


def files_of(path: Path) -> Iterator[Path]:
    """A file, or a directory's files in name order (hidden files skipped)."""
    if path.is_dir():
        yield from sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
    else:
        yield path


def read_file(path: Path, start_offset: int = 0, start_line: int = 0) -> Iterator[Item]:
    try:
        size = path.stat().st_size
        if is_streamed(path, size):
            yield from read_jsonl_file(path, start_offset, start_line)
            return
        if size > MAX_DOCUMENT_BYTES:
            yield Item(str(path), error=f"input of {size} bytes is over the article cap", offset=size)
            return
        raw = path.read_bytes()
    except OSError as exc:
        yield Item(str(path), error=f"cannot read: {exc.strerror}")
        return
    for item in read_document(raw, str(path)):
        yield Item(item.where, item.article, item.error)  # a whole document: its file is done at the end


def read_path(path: Path) -> Iterator[Item]:
    for file in files_of(path):
        yield from read_file(file)


def read_stdin(stream: BinaryIO | None = None) -> Iterator[Item]:
    """JSONL is streamed when the first line is a JSON object of its own; otherwise one document."""
    handle = stream if stream is not None else sys.stdin.buffer
    first = handle.readline(MAX_DOCUMENT_BYTES + 1)
    second = handle.readline(MAX_DOCUMENT_BYTES + 1) if first.endswith(b"\n") else b""
    if second and _is_json_object(first):
        yield from read_jsonl_lines(_chain(first, second, _bounded_lines(handle)), "<stdin>")
        return
    raw = first + second + handle.read(MAX_DOCUMENT_BYTES + 1 - len(first) - len(second))
    yield from read_document(raw, "<stdin>")


def _is_json_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except (RecursionError, ValueError):  # not JSON, not UTF-8, too deep, an integer too long
        return False


def _chain(first: bytes, second: bytes, rest: Iterator[Line]) -> Iterator[Line]:
    yield first, len(first)
    yield second, len(second)
    yield from rest
