"""A bounded, persistent set of article ids already published, per namespace.

Duplicates are dropped before Kafka; the downstream design (document id = article id, talks
state keyed by article) makes any that slip through harmless. SQLite keeps it durable across
restarts; the oldest ids are pruned past `capacity`.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

from parley.shared.errors import RetryableError


class StateUnavailable(RetryableError):
    """The local state cannot be written (disk full, file-size limit, read-only volume)."""


class SeenSet:
    def __init__(self, path: Path, namespace: str, capacity: int = 2_000_000) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS seen (ns TEXT, id TEXT, at REAL, PRIMARY KEY (ns, id)) WITHOUT ROWID"
        )
        self._ns = namespace
        self._capacity = capacity
        self._lock = threading.Lock()
        self._added = 0

    def __contains__(self, article_id: object) -> bool:
        with self._lock:
            row = self._db.execute(
                "SELECT 1 FROM seen WHERE ns=? AND id=?", (self._ns, article_id)
            ).fetchone()
        return row is not None

    def add(self, article_id: str) -> None:
        with self._lock:
            try:
                self._db.execute(
                    "INSERT OR IGNORE INTO seen VALUES (?, ?, ?)", (self._ns, article_id, time.time())
                )
                self._added += 1
                if self._added % 10_000 == 0:
                    self._prune()
            except sqlite3.Error as exc:
                raise StateUnavailable(f"recording article {article_id} in the seen-set: {exc}") from exc

    def existing(self, article_ids: list[str]) -> set[str]:
        """Which of these ids were already published (one query per 500 ids)."""
        found: set[str] = set()
        with self._lock:
            for i in range(0, len(article_ids), 500):
                chunk = article_ids[i : i + 500]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(
                    f"SELECT id FROM seen WHERE ns=? AND id IN ({marks})", (self._ns, *chunk)
                )
                found.update(row[0] for row in rows)
        return found

    def add_many(self, article_ids: list[str]) -> None:
        """Record a batch in one transaction (one disk sync, not one per article)."""
        if not article_ids:
            return
        now = time.time()
        with self._lock:
            try:
                with self._db:  # BEGIN ... COMMIT
                    self._db.execute("BEGIN")
                    self._db.executemany(
                        "INSERT OR IGNORE INTO seen VALUES (?, ?, ?)",
                        [(self._ns, a, now) for a in article_ids],
                    )
                before = self._added
                self._added += len(article_ids)
                if self._added // 10_000 != before // 10_000:
                    self._prune()
            except sqlite3.Error as exc:
                raise StateUnavailable(
                    f"recording {len(article_ids)} articles in the seen-set: {exc}"
                ) from exc

    def writable(self) -> bool:
        """Whether a write to the state succeeds now (a one-row probe table, for readiness)."""
        with self._lock:
            try:
                self._db.execute("CREATE TABLE IF NOT EXISTS probe (id INTEGER PRIMARY KEY, at REAL)")
                self._db.execute("INSERT OR REPLACE INTO probe VALUES (1, ?)", (time.time(),))
            except sqlite3.Error:
                return False
        return True

    def _prune(self) -> None:
        (count,) = self._db.execute("SELECT COUNT(*) FROM seen WHERE ns=?", (self._ns,)).fetchone()
        excess = count - self._capacity
        if excess > 0:
            self._db.execute(
                "DELETE FROM seen WHERE ns=? AND id IN (SELECT id FROM seen WHERE ns=? ORDER BY at LIMIT ?)",
                (self._ns, self._ns, excess),
            )

    def close(self) -> None:
        with self._lock:
            self._db.close()
