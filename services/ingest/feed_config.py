"""The feeds file: which feeds ingest polls (YAML, path from `PARLEY_INGEST_FEEDS_FILE`).

```yaml
feeds:
  - name: un-news            # lowercase letters, digits, '-', '_': used as the metrics label
    url: https://news.un.org/feed/subscribe/en/news/all/rss.xml
    interval: 15m            # seconds, or a number with s / m / h
    tags: [un, multilateral] # optional, copied onto every article of the feed
```
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from parley.shared.errors import InputError

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*$")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600}
MIN_INTERVAL_S = 1.0


def parse_interval(value: object) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    match = _DURATION.match(str(value))
    if not match:
        raise ValueError("expected seconds or a number with s, m or h (e.g. 15m)")
    return float(match.group(1)) * _UNITS[match.group(2)]


def format_interval(seconds: float) -> str:
    for unit, size in (("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{int(seconds // size)}{unit}"
    return f"{seconds:g}s"


class FeedConfig(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")
    url: str = Field(pattern=r"^https?://\S+$", max_length=2048)
    interval_s: float = Field(default=900.0, alias="interval", ge=MIN_INTERVAL_S)
    tags: tuple[str, ...] = Field(default=(), max_length=20)

    @field_validator("interval_s", mode="before")
    @classmethod
    def _duration(cls, value: object) -> float:
        return parse_interval(value)

    def to_yaml(self) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "name": self.name,
            "url": self.url,
            "interval": format_interval(self.interval_s),
        }
        if self.tags:
            doc["tags"] = list(self.tags)
        return doc


def load_feeds(path: Path) -> list[FeedConfig]:
    """The feeds of the file (an absent file has none); InputError names every bad entry."""
    if not path.exists():
        return []
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not valid YAML: {exc}") from None
    entries = doc.get("feeds") if isinstance(doc, dict) else None
    if entries is None:
        entries = []
    if not isinstance(entries, list):
        raise InputError(f"{path}: `feeds` must be a list")
    feeds: list[FeedConfig] = []
    problems: list[str] = []
    for index, entry in enumerate(entries):
        try:
            feeds.append(FeedConfig.model_validate(entry))
        except ValidationError as exc:
            for err in exc.errors():
                where = ".".join(str(p) for p in err["loc"]) or "entry"
                problems.append(f"feeds[{index}].{where}: {err['msg']}")
    names = [f.name for f in feeds]
    problems += [f"feed name {n!r} is used twice" for n in sorted({n for n in names if names.count(n) > 1})]
    if problems:
        raise InputError(f"{path}: " + "; ".join(problems))
    return feeds


def save_feeds(path: Path, feeds: list[FeedConfig]) -> None:
    """Write atomically, so a running ingest never reads half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump({"feeds": [f.to_yaml() for f in feeds]}, sort_keys=False, allow_unicode=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def add_feed(path: Path, feed: FeedConfig) -> None:
    feeds = load_feeds(path)
    if any(f.name == feed.name or f.url == feed.url for f in feeds):
        raise InputError(f"a feed named {feed.name!r} or with that URL is already in {path}")
    save_feeds(path, [*feeds, feed])


def remove_feed(path: Path, name_or_url: str) -> FeedConfig:
    feeds = load_feeds(path)
    kept = [f for f in feeds if name_or_url not in (f.name, f.url)]
    if len(kept) == len(feeds):
        raise InputError(f"no feed named {name_or_url!r} in {path}")
    save_feeds(path, kept)
    return next(f for f in feeds if name_or_url in (f.name, f.url))
