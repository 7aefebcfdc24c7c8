"""Ingest's durable local state: feed validators, backoff and item ids; bulk-import progress.

One SQLite file (`ingest-state.sqlite3`) beside the seen-set in `PARLEY_INGEST_STATE_DIR`,
namespaced inside like the seen-set. A restarted ingest reads it back, so it sends the same
conditional GET as before and never re-publishes an item it already handled.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS feed_state (
        ns TEXT, url TEXT, etag TEXT, last_modified TEXT, failures INTEGER DEFAULT 0,
        next_poll_at REAL DEFAULT 0, last_polled_at REAL, last_error TEXT, PRIMARY KEY (ns, url))""",
    """CREATE TABLE IF NOT EXISTS feed_items (
        ns TEXT, url TEXT, item TEXT, at REAL, PRIMARY KEY (ns, url, item)) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS imports (
        ns TEXT, path TEXT, size INTEGER, mtime_ns INTEGER, byte_offset INTEGER, line INTEGER,
        done INTEGER, at REAL, PRIMARY KEY (ns, path, size, mtime_ns))""",
)


@dataclass(frozen=True)
class FeedRecord:
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0
    next_poll_at: float = 0.0
    last_polled_at: float | None = None
    last_error: str | None = None


@dataclass(frozen=True)
class ImportProgress:
    byte_offset: int = 0
    line: int = 0
    done: bool = False


class StateStore:
    def __init__(self, path: Path, namespace: str, items_kept: int = 5000) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        for statement in _SCHEMA:
            self._db.execute(statement)
        self._ns = namespace
        self._items_kept = items_kept
        self._lock = threading.Lock()

    @classmethod
    def in_dir(cls, state_dir: Path, namespace: str, items_kept: int = 5000) -> StateStore:
        return cls(state_dir / "ingest-state.sqlite3", namespace, items_kept)

    # -- feeds ---------------------------------------------------------------------------------
    def feed(self, url: str) -> FeedRecord:
        with self._lock:
            row = self._db.execute(
                "SELECT etag, last_modified, failures, next_poll_at, last_polled_at, last_error "
                "FROM feed_state WHERE ns=? AND url=?",
                (self._ns, url),
            ).fetchone()
        return FeedRecord(*row) if row else FeedRecord()

    def _upsert_feed(self, url: str, **values: object) -> None:
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        updates = ", ".join(f"{c}=excluded.{c}" for c in values)
        with self._lock:
            self._db.execute(
                f"INSERT INTO feed_state (ns, url, {columns}) VALUES (?, ?, {marks}) "
                f"ON CONFLICT (ns, url) DO UPDATE SET {updates}",
                (self._ns, url, *values.values()),
            )

    def feed_succeeded(
        self, url: str, etag: str | None, last_modified: str | None, next_poll_at: float
    ) -> None:
        self._upsert_feed(
            url,
            etag=etag,
            last_modified=last_modified,
            failures=0,
            next_poll_at=next_poll_at,
            last_polled_at=time.time(),
            last_error=None,
        )

    def feed_not_modified(self, url: str, next_poll_at: float) -> None:
        self._upsert_feed(
            url, failures=0, next_poll_at=next_poll_at, last_polled_at=time.time(), last_error=None
        )

    def feed_failed(self, url: str, error: str, failures: int, next_poll_at: float) -> None:
        self._upsert_feed(
            url,
            failures=failures,
            next_poll_at=next_poll_at,
            last_polled_at=time.time(),
            last_error=error[:500],
        )

    def forget_feed(self, url: str) -> None:
        with self._lock:
            self._db.execute("DELETE FROM feed_state WHERE ns=? AND url=?", (self._ns, url))
            self._db.execute("DELETE FROM feed_items WHERE ns=? AND url=?", (self._ns, url))

    def known_items(self, url: str, items: Iterable[str]) -> set[str]:
        wanted = list(items)
        known: set[str] = set()
        with self._lock:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                marks = ",".join("?" for _ in chunk)
                rows = self._db.execute(
                    f"SELECT item FROM feed_items WHERE ns=? AND url=? AND item IN ({marks})",
                    (self._ns, url, *chunk),
                )
                known.update(row[0] for row in rows)
        return known

    def add_item(self, url: str, item: str) -> None:
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO feed_items VALUES (?, ?, ?, ?)", (self._ns, url, item, time.time())
            )

    def prune_items(self, url: str) -> None:
        """Keep the newest ids per feed: far more than any feed lists at once."""
        with self._lock:
            self._db.execute(
                "DELETE FROM feed_items WHERE ns=? AND url=? AND item NOT IN "
                "(SELECT item FROM feed_items WHERE ns=? AND url=? ORDER BY at DESC LIMIT ?)",
                (self._ns, url, self._ns, url, self._items_kept),
            )

    # -- bulk imports ----------------------------------------------------------------------------
    def import_progress(self, path: str, size: int, mtime_ns: int) -> ImportProgress:
        with self._lock:
            row = self._db.execute(
                "SELECT byte_offset, line, done FROM imports WHERE ns=? AND path=? AND size=? AND mtime_ns=?",
                (self._ns, path, size, mtime_ns),
            ).fetchone()
        return ImportProgress(row[0], row[1], bool(row[2])) if row else ImportProgress()

    def save_import_progress(self, path: str, size: int, mtime_ns: int, progress: ImportProgress) -> None:
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO imports VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    self._ns,
                    path,
                    size,
                    mtime_ns,
                    progress.byte_offset,
                    progress.line,
                    int(progress.done),
                    time.time(),
                ),
            )

    def close(self) -> None:
        with self._lock:
            self._db.close()
