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
from parley.shared.events.articles import Channel
from parley.shared.metrics import ARTICLES_INGESTED, INGEST_REJECTED

SAVE_EVERY = 200  # items between progress records (a crash re-reads at most these; the seen-set dedups)
PublishFn = Callable[[ArticleInput, Channel], tuple[str, Outcome]]


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
    def __init__(self, publish: PublishFn, state: StateStore, resume: bool, show_progress: bool) -> None:
        self._publish = publish
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
        reached, line, since_save = start.byte_offset, start.line, 0
        try:
            for item in read_file(path, start.byte_offset, start.line):
                self._handle(item, "file")
                if item.offset is not None and item.line is not None:
                    self._advance(task, item.offset - reached)
                    reached, line, since_save = item.offset, item.line, since_save + 1
                    if since_save >= SAVE_EVERY:
                        self._state.save_import_progress(*key, ImportProgress(reached, line))
                        since_save = 0
        finally:  # also on Ctrl-C or a Kafka failure: the next --resume starts after the last handled line
            if reached > start.byte_offset:
                self._state.save_import_progress(*key, ImportProgress(reached, line))
        self._state.save_import_progress(*key, ImportProgress(stat.st_size, line, done=True))
        self._advance(task, stat.st_size - reached)

    def _advance(self, task: object, amount: int) -> None:
        if self._progress is not None and task is not None and amount > 0:
            self._progress.advance(task, amount)  # type: ignore[arg-type]

    def _handle(self, item: Item, channel: Channel) -> None:
        self.summary.read += 1
        if item.article is None:
            error = item.error or "unreadable"
            label, reasons = reject_reason(error)
            self.summary.rejected += 1
            self.summary.reasons.update(reasons)
            ARTICLES_INGESTED.labels(channel, "rejected").inc()
            INGEST_REJECTED.labels(channel, label).inc()
            self._print(f"rejected {item.where}: {error}", err=True)
            return
        article_id, outcome = self._publish(item.article, channel)
        if outcome == "duplicate":
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
