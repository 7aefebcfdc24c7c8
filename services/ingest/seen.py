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
            self._db.execute(
                "INSERT OR IGNORE INTO seen VALUES (?, ?, ?)", (self._ns, article_id, time.time())
            )
            self._added += 1
            if self._added % 10_000 == 0:
                self._prune()

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
