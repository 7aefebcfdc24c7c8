"""Read articles from files, JSON, JSONL or stdin; each yields an article or a reason.

A bad item never stops the rest: JSONL goes on with the next line, a directory with the next file.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from parley.shared.article_input import MAX_ARTICLE_BYTES, ArticleInput, parse_text_article, validate_article
from parley.shared.errors import InputError

MAX_LINE_BYTES = MAX_ARTICLE_BYTES * 2  # room for JSON escaping around a capped article


@dataclass(frozen=True)
class Item:
    """One article read from `where` (file, file:line), or the reason it was rejected."""

    where: str
    article: ArticleInput | None = None
    error: str | None = None


def _decode(raw: bytes, where: str) -> str:
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
        if len(raw) > MAX_ARTICLE_BYTES * 4 and not raw.lstrip().startswith(b"{"):
            raise InputError(f"input of {len(raw)} bytes is over the article cap")
        text = _decode(raw, where)
    except InputError as exc:
        yield Item(where, error=str(exc))
        return
    if not _looks_like_json(text):
        yield _one(where, lambda: parse_text_article(text))
        return
    stripped = text.strip()
    try:
        doc = json.loads(stripped)
    except json.JSONDecodeError:
        yield from read_jsonl(text.splitlines(), where)
        return
    if isinstance(doc, list):
        for i, entry in enumerate(doc, start=1):
            yield _one(f"{where}[{i}]", lambda e=entry: validate_article(e))
    else:
        yield _one(where, lambda: validate_article(doc))


def read_jsonl(lines: Iterable[str | bytes], where: str) -> Iterator[Item]:
    for number, raw_line in enumerate(lines, start=1):
        here = f"{where}:{number}"
        if isinstance(raw_line, bytes):
            try:
                line = raw_line.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield Item(here, error=f"not UTF-8 ({exc.reason} at byte {exc.start})")
                continue
        else:
            line = raw_line
        if not line.strip():
            continue
        if len(line) > MAX_LINE_BYTES:
            yield Item(here, error=f"line of {len(line)} characters is over the article cap")
            continue
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Item(here, error=f"invalid JSON: {exc.msg} at column {exc.colno}")
            continue
        yield _one(here, lambda d=doc: validate_article(d))


def _one(where: str, parse: object) -> Item:
    try:
        return Item(where, article=parse())  # type: ignore[operator]
    except InputError as exc:
        return Item(where, error=str(exc))


def read_path(path: Path) -> Iterator[Item]:
    """A file or a directory (its files in name order, hidden files skipped)."""
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
            yield from read_path(child)
        return
    try:
        if path.suffix == ".jsonl":
            with path.open("rb") as handle:
                yield from read_jsonl(handle, str(path))
            return
        raw = path.read_bytes()
    except OSError as exc:
        yield Item(str(path), error=f"cannot read: {exc.strerror}")
        return
    yield from read_document(raw, str(path))


def read_stdin() -> Iterator[Item]:
    yield from read_document(sys.stdin.buffer.read(), "<stdin>")
