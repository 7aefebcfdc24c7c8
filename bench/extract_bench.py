"""Extraction throughput: `extract_article` over the generated articles, one process, one core."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from parley.shared.article_input import validate_article

ExtractFn = Callable[..., Any]


def load_extract() -> tuple[ExtractFn | None, str]:
    """(extract_article, "") when enrichment's extraction is importable, else (None, reason)."""
    try:
        from parley.services.enrichment.extract import extract_article
    except Exception as exc:  # any import failure means "not measurable here", with the reason
        return None, f"parley.services.enrichment.extract is not importable: {type(exc).__name__}: {exc}"
    return extract_article, ""


@contextlib.contextmanager
def one_core() -> Iterator[str]:
    """Pin this process to a single CPU for the block (where the platform allows it)."""
    if not hasattr(os, "sched_getaffinity"):
        yield "not pinned (no CPU affinity on this platform)"
        return
    before = os.sched_getaffinity(0)
    cpu = max(before)
    try:
        os.sched_setaffinity(0, {cpu})
    except OSError as exc:
        yield f"not pinned ({exc})"
        return
    try:
        yield f"pinned to CPU {cpu}"
    finally:
        os.sched_setaffinity(0, before)


def prepare(articles: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Validated keyword arguments for extract_article (validation is not part of the timing)."""
    out = []
    for raw in articles:
        article = validate_article(raw)
        out.append(
            {
                "title": article.title,
                "text": article.body,
                "published": article.published,
                "html": article.content_type == "html",
            }
        )
    return out


WARM_UP_ARTICLES = 100  # language models and gazetteers load lazily over roughly the first hundred


def warm_up(extract: ExtractFn, prepared: Sequence[dict[str, Any]]) -> float:
    """Run over the first articles so one-off model and gazetteer loading is not timed; seconds taken.

    Extraction keeps no per-article cache, so timing the same articles again afterwards is fair.
    """
    started = time.perf_counter()
    for kwargs in prepared[:WARM_UP_ARTICLES]:
        extract(**kwargs)
    return time.perf_counter() - started


def extract_throughput(extract: ExtractFn, prepared: Sequence[dict[str, Any]]) -> tuple[float, str]:
    """(articles/s of `extract` over every prepared article, how the process was pinned)."""
    with one_core() as pinning:
        started = time.perf_counter()
        for kwargs in prepared:
            extract(**kwargs)
        elapsed = time.perf_counter() - started
    return len(prepared) / elapsed, pinning
