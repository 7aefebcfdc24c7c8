"""Extraction for one article, and the `parley extract` command (JSONL in, JSONL out).

`extract_article` is pure (no I/O): clean the text, detect the language, find entities and dates,
then talks records (English only). `StoryIndex` groups near-duplicate articles into stories.
"""

from __future__ import annotations

import datetime
import json
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.console import Console

from parley.shared.extraction import Entity, Extraction, TalksRecord

from .cleaning import clean_article, html_to_text
from .dates import find_dates
from .entities import extract_entities
from .language import detect_language
from .story import StoryIndex
from .talks_events import extract_talks

__all__ = ["StoryIndex", "extract_app", "extract_article", "extract_command", "main", "output_line"]

MIN_YEAR, MAX_YEAR = 1900, 2200  # publication dates outside this range are not used to resolve dates


def extract_article(
    *, title: str, text: str, published: datetime.date | datetime.datetime, html: bool = False
) -> Extraction:
    """Everything enrichment extracts from one article; never raises on odd input."""
    day = published.date() if isinstance(published, datetime.datetime) else published
    title = html_to_text(title or "") if html else (title or "")
    title = " ".join(title.split())
    cleaned = clean_article(text or "", title=title, html=html)
    notes = list(cleaned.notes)
    clean = cleaned.text
    if not clean:
        return Extraction(language=None, clean_text="", notes=(*notes, "empty text: nothing to extract"))
    language = detect_language(clean)
    entities = extract_entities(clean)
    if MIN_YEAR <= day.year <= MAX_YEAR:
        dates = find_dates(clean, day)
    else:
        dates = []
        notes.append(f"publication date {day.isoformat()} out of range: dates not resolved, no talks")
    talks: list[TalksRecord] = []
    if language != "en":
        notes.append(f"talks extraction is English-only; language is {language or 'undetermined'}")
    elif dates or MIN_YEAR <= day.year <= MAX_YEAR:
        talks = extract_talks(clean, title, day, entities, dates)
    return Extraction(
        language=language,
        clean_text=clean,
        entities=tuple(entities),
        dates=tuple(d.mention() for d in dates),
        talks=tuple(talks),
        notes=tuple(notes),
    )


def warm_up() -> None:
    """Build the gazetteer and the language detector now, so the first article isn't slow."""
    from parley.services.enrichment.language import detector

    detector()
    extract_article(
        title="Warm-up",
        text="Russia and Ukraine will hold talks in Geneva on Monday.",
        published=datetime.date(2026, 1, 1),
    )


def _entity_json(e: Entity) -> dict[str, Any]:
    return e.model_dump(mode="json", exclude={"kind"})


def output_line(article_id: str, extraction: Extraction, story_id: str) -> dict[str, Any]:
    """The JSON object written for one article (schema: docs/schemas/extract-output.v1.json)."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for e in extraction.entities:
        grouped.setdefault(e.kind, []).append(_entity_json(e))
    talks = []
    for record in extraction.talks:
        row = record.model_dump(mode="json")
        row["mediator"] = ", ".join(record.mediators) or None
        talks.append(row)
    return {
        "id": article_id,
        "language": extraction.language,
        "story_id": story_id,
        "entities": grouped,
        "talks": talks,
    }


def _parse_published(value: object) -> datetime.date:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("missing published date")
    raw = value.strip()
    try:
        if len(raw) == 10:
            return datetime.date.fromisoformat(raw)
        return datetime.datetime.fromisoformat(raw.replace("Z", "+00:00")).date()
    except ValueError:
        raise ValueError(f"published is not an ISO date: {raw[:40]!r}") from None


def process_lines(lines: Iterable[str], stories: StoryIndex | None = None) -> Iterator[dict[str, Any]]:
    """One output object per non-blank input line, in order; bad lines give error objects."""
    stories = stories or StoryIndex()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        article_id: Any = None
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise ValueError("line is not a JSON object")
            article_id = row.get("id")
            if article_id is None or isinstance(article_id, (dict, list)):
                raise ValueError("missing id")
            article_id = str(article_id)
            published = _parse_published(row.get("published"))
            text, title = row.get("text") or "", row.get("title") or ""
            if not isinstance(text, str) or not isinstance(title, str):
                raise ValueError("text and title must be strings")
            extraction = extract_article(
                title=title, text=text, published=published, html=bool(row.get("html"))
            )
        except (ValueError, TypeError) as exc:  # JSONDecodeError is a ValueError
            yield {"id": article_id, "line": number, "error": str(exc)[:200] or type(exc).__name__}
            continue
        story = stories.assign(article_id, f"{title}\n{extraction.clean_text}", published)
        yield output_line(article_id, extraction, story)


def _run(source: TextIO, sink: TextIO, console: Console) -> tuple[int, int]:
    done = errors = 0
    started = time.monotonic()
    for result in process_lines(source):
        sink.write(json.dumps(result, ensure_ascii=False) + "\n")
        done += 1
        errors += "error" in result
        if done % 1000 == 0:
            rate = done / max(time.monotonic() - started, 1e-9)
            console.print(f"[dim]extract: {done} lines, {errors} errors, {rate:.0f}/s[/dim]")
    return done, errors


def extract_command(
    input: Annotated[str, typer.Argument(help="JSONL file of articles, or - for stdin")] = "-",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="write JSONL here (default stdout)")
    ] = None,
) -> None:
    """Extract entities, dates and talks records from articles (JSONL {id, published, title, text})."""
    console = Console(stderr=True)
    source: TextIO = sys.stdin if input == "-" else open(input, encoding="utf-8", errors="replace")  # noqa: SIM115
    try:
        if output is None:
            done, errors = _run(source, sys.stdout, console)
        else:
            output.parent.mkdir(parents=True, exist_ok=True)
            with output.open("w", encoding="utf-8") as sink:
                done, errors = _run(source, sink, console)
    finally:
        if source is not sys.stdin:
            source.close()
    if done >= 1000 or errors:
        console.print(f"extract: {done} lines, {errors} errors")


extract_app = typer.Typer(add_completion=False, help="Extract talks records from articles.")
extract_app.command()(extract_command)


def main() -> None:
    extract_app()


if __name__ == "__main__":
    main()
