"""Bulk import for `parley ingest PATH|-`: streamed, with progress, a summary and `--resume`.

stdout gets one line per article (`published <where>: <id>` / `duplicate <where>: <id>`);
rejections, the progress bar (only on a terminal or with `--progress`) and the summary go to
stderr. Progress is recorded per file (path + size + mtime) in the state store as the byte
offset and line reached, so `--resume` continues an interrupted file where it stopped; a file
that changed since starts over (the seen-set keeps the re-read articles from being re-published).
"""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

from parley.services.ingest.feed_state import ImportProgress, StateStore
from parley.services.ingest.publisher import Outcome
from parley.services.ingest.readers import Item, files_of, read_file, read_stdin
from parley.shared.article_input import ArticleInput
from parley.shared.errors import MessageRejected
from parley.shared.events.articles import Channel
from parley.shared.metrics import ARTICLES_INGESTED, INGEST_REJECTED

BATCH = 200  # articles sent together, then acknowledged together (and the progress recorded)
PublishManyFn = Callable[[list[ArticleInput], Channel], list[tuple[str, Outcome]]]


@dataclass
class Summary:
    read: int = 0
    published: int = 0
    duplicates: int = 0
    rejected: int = 0
    skipped_files: int = 0  # already imported (with --resume)
    reasons: Counter[str] = field(default_factory=Counter)

    def line(self) -> str:
        return f"summary: read {self.read}, published {self.published}, duplicates {self.duplicates}, rejected {self.rejected}"

    def reasons_line(self) -> str:
        return "rejected: " + ", ".join(f"{reason} {count}" for reason, count in self.reasons.most_common())


def reject_reason(error: str) -> tuple[str, list[str]]:
    """A closed metrics label, and the readable reasons for the summary (one per bad field)."""
    if error.startswith("invalid JSON"):
        return "invalid_json", ["invalid JSON"]
    if error.startswith("not UTF-8"):
        return "not_utf8", ["not UTF-8"]
    if "over the" in error and "cap" in error:
        return "too_large", ["over the size cap"]
    if error.startswith("empty"):
        return "empty", ["empty input"]
    fields = re.findall(r"(?:^|; )([a-z_.\[\]0-9]+): ", error)
    if fields:
        return "invalid_field", [f"invalid {f}" for f in fields]
    return "other", [error.split(":", 1)[0][:80]]


class Importer:
    """Reads items in order and publishes them in pipelined batches: Kafka acknowledges a whole
    batch before the next is read on, and `--resume` progress only ever covers acknowledged lines."""

    def __init__(
        self,
        publish_many: PublishManyFn,
        state: StateStore,
        resume: bool,
        show_progress: bool,
        batch_size: int = BATCH,
    ) -> None:
        self._publish_many = publish_many
        self._batch: list[tuple[Item, Channel]] = []
        self._batch_size = batch_size
        self._state = state
        self._resume = resume
        self._console = Console(stderr=True)
        self._progress = (
            Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                DownloadColumn(),
                TimeRemainingColumn(),
                console=self._console,
                transient=True,
            )
            if show_progress
            else None
        )
        self.summary = Summary()

    def run(self, target: str) -> Summary:
        with self._progress or contextlib.nullcontext():
            if target == "-":
                task = self._progress.add_task("stdin", total=None) if self._progress else None
                for item in read_stdin():
                    self._handle(item, "stdin")
                    if self._progress is not None and task is not None:
                        self._progress.advance(task)
                self._flush()
            else:
                files = list(files_of(Path(target)))
                total = sum(f.stat().st_size for f in files if f.exists())
                task = self._progress.add_task(target, total=total) if self._progress else None
                for path in files:
                    self._file(path, task)
        return self.summary

    def _file(self, path: Path, task: object) -> None:
        try:
            stat = path.stat()
        except OSError as exc:
            self._handle(Item(str(path), error=f"cannot read: {exc.strerror}"), "file")
            return
        key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
        start = self._state.import_progress(*key) if self._resume else ImportProgress()
        if start.done:
            typer.echo(f"skipped {path}: already imported", err=True)
            self.summary.skipped_files += 1
            self._advance(task, stat.st_size)
            return
        if start.byte_offset:
            typer.echo(f"resuming {path} at line {start.line + 1}", err=True)
        self._advance(task, start.byte_offset)
        reached, line = start.byte_offset, start.line  # read so far
        acked, acked_line = start.byte_offset, start.line  # published and acknowledged so far
        try:
            for item in read_file(path, start.byte_offset, start.line):
                if self._handle(item, "file"):
                    acked, acked_line = reached, line
                    self._state.save_import_progress(*key, ImportProgress(acked, acked_line))
                if item.offset is not None and item.line is not None:
                    self._advance(task, item.offset - reached)
                    reached, line = item.offset, item.line
            self._flush()
            acked, acked_line = reached, line
        finally:  # also on Ctrl-C or a Kafka failure: the next --resume starts after the last acked line
            if acked > start.byte_offset:
                self._state.save_import_progress(*key, ImportProgress(acked, acked_line))
        self._state.save_import_progress(*key, ImportProgress(stat.st_size, line, done=True))
        self._advance(task, stat.st_size - reached)

    def _advance(self, task: object, amount: int) -> None:
        if self._progress is not None and task is not None and amount > 0:
            self._progress.advance(task, amount)  # type: ignore[arg-type]

    def _handle(self, item: Item, channel: Channel) -> bool:
        """Take one item; True when this flushed the batch before it (all earlier items acked)."""
        flushed = False
        if item.article is not None and len(self._batch) >= self._batch_size:
            self._flush()
            flushed = True
        self.summary.read += 1
        if item.article is None:
            self._reject(item.where, item.error or "unreadable", channel)
            return flushed
        self._batch.append((item, channel))
        return flushed

    def _reject(self, where: str, error: str, channel: Channel) -> None:
        label, reasons = reject_reason(error)
        self.summary.rejected += 1
        self.summary.reasons.update(reasons)
        ARTICLES_INGESTED.labels(channel, "rejected").inc()
        INGEST_REJECTED.labels(channel, label).inc()
        self._print(f"rejected {where}: {error}", err=True)

    def _flush(self) -> None:
        if not self._batch:
            return
        batch, self._batch = self._batch, []
        channel = batch[0][1]
        published: set[str] = set()  # acknowledged in an attempt that one refused article cut short
        while True:
            try:
                results = self._publish_many(
                    [item.article for item, _ in batch if item.article is not None], channel
                )
                break
            except MessageRejected as exc:  # permanent: reject that line, send the others again
                if exc.index is None or not 0 <= exc.index < len(batch):
                    raise
                refused, _ = batch.pop(exc.index)
                self._reject(refused.where, str(exc), channel)
                published |= exc.published
                if not batch:
                    return
        for (item, _), (article_id, outcome) in zip(batch, results, strict=True):
            if outcome == "duplicate" and article_id not in published:
                self.summary.duplicates += 1
                self._print(f"duplicate {item.where}: {article_id}")
            else:
                self.summary.published += 1
                self._print(f"published {item.where}: {article_id}")

    def _print(self, line: str, err: bool = False) -> None:
        if self._progress is not None and err:
            self._progress.console.print(line, markup=False, highlight=False)
        else:
            typer.echo(line, err=err)
