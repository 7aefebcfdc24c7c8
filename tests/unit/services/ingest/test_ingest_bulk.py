from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from parley.services.ingest.bulk import Importer, reject_reason
from parley.services.ingest.feed_state import StateStore
from parley.services.ingest.publisher import Outcome
from parley.services.ingest.readers import read_stdin
from parley.shared.article_input import ArticleInput
from parley.shared.events.articles import Channel
from tests.bad_inputs import BAD_ARTICLES


class Interrupted(Exception):
    pass


class FakePublisher:
    def __init__(self, fail_after: int | None = None) -> None:
        self.ids: list[str] = []
        self.fail_after = fail_after

    def __call__(self, articles: list[ArticleInput], channel: Channel) -> list[tuple[str, Outcome]]:
        return [self.one(article) for article in articles]

    def one(self, article: ArticleInput) -> tuple[str, Outcome]:
        if self.fail_after is not None and len(self.ids) >= self.fail_after:
            raise Interrupted
        if article.article_id in self.ids:
            return article.article_id, "duplicate"
        self.ids.append(article.article_id)
        return article.article_id, "created"


def article(i: int) -> str:
    return json.dumps({"title": f"Talks {i}", "published": "2026-02-13", "text": f"body {i}",
                       "url": f"https://n.example/{i}"})  # fmt: skip


def test_summary_counts_and_reasons(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(
        "\n".join([article(1), "{broken", article(1), json.dumps({"title": ""}), article(2)]) + "\n"
    )
    importer = Importer(FakePublisher(), StateStore.in_dir(tmp_path, "ns"), resume=False, show_progress=False)
    summary = importer.run(str(path))
    assert (summary.read, summary.published, summary.duplicates, summary.rejected) == (5, 2, 1, 2)
    assert summary.reasons["invalid JSON"] == 1 and summary.reasons["invalid title"] == 1
    out = capsys.readouterr()
    assert (
        out.out.splitlines()[0]
        == f"published {path}:1: {FakePublisher().one(ArticleInput.model_validate(json.loads(article(1))))[0]}"
    )
    assert f"rejected {path}:2: invalid JSON" in out.err


def test_resume_continues_after_the_last_handled_line(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text("".join(article(i) + "\n" for i in range(10)))
    state = StateStore.in_dir(tmp_path / "state", "ns")
    first = FakePublisher(fail_after=4)
    with pytest.raises(Interrupted):  # batches of 2: two acknowledged, the third fails
        Importer(first, state, resume=True, show_progress=False, batch_size=2).run(str(path))
    second = FakePublisher()
    summary = Importer(second, state, resume=True, show_progress=False, batch_size=2).run(str(path))
    assert len(first.ids) == 4 and summary.read == 6 and summary.published == 6
    assert set(first.ids).isdisjoint(second.ids)
    third = Importer(FakePublisher(), state, resume=True, show_progress=False).run(str(path))
    assert third.read == 0  # the whole file was done
    fresh = Importer(FakePublisher(), state, resume=False, show_progress=False).run(str(path))
    assert fresh.read == 10  # without --resume the file is read again (the seen-set drops the copies)


def test_overlong_jsonl_line_is_skipped_without_holding_it(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    with path.open("w") as handle:
        handle.write(article(1) + "\n")
        handle.write('{"title": "x", "text": "' + "a" * 2_100_000 + '"}\n')
        handle.write(article(2) + "\n")
    summary = Importer(FakePublisher(), StateStore.in_dir(tmp_path, "ns"), False, False).run(str(path))
    assert (summary.published, summary.rejected) == (2, 1)
    assert summary.reasons["over the size cap"] == 1


def test_stdin_jsonl_is_streamed_and_a_single_document_still_reads() -> None:
    lines = io.BytesIO((article(1) + "\n" + article(2) + "\n").encode())
    assert [i.where for i in read_stdin(lines)] == ["<stdin>:1", "<stdin>:2"]
    one = io.BytesIO(b"date 2026-02-13 Lede\n\nBody")
    assert [i.article.title for i in read_stdin(one) if i.article] == ["Lede"]


def test_reject_reason_labels_are_a_closed_set() -> None:
    assert reject_reason("invalid JSON: x")[0] == "invalid_json"
    assert reject_reason("title: Field required; published: Field required") == (
        "invalid_field",
        ["invalid title", "invalid published"],
    )
    assert reject_reason("something odd")[0] == "other"


def test_inputs_that_used_to_kill_the_import_are_rejected_lines_and_it_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.jsonl"
    bad = [raw for raw, _ in BAD_ARTICLES.values()]
    path.write_text("\n".join([article(1), *bad, article(2)]) + "\n")
    state = StateStore.in_dir(tmp_path / "state", "ns")
    publisher = FakePublisher()
    summary = Importer(publisher, state, resume=True, show_progress=False).run(str(path))
    assert (summary.read, summary.published, summary.rejected) == (len(bad) + 2, 2, len(bad))
    err = capsys.readouterr().err
    for line, (name, (_, reason)) in enumerate(BAD_ARTICLES.items(), start=2):
        assert f"rejected {path}:{line}: " in err and reason in err, name
    again = Importer(publisher, state, resume=True, show_progress=False).run(str(path))
    assert again.read == 0 and again.skipped_files == 1  # --resume finds the file done


@pytest.mark.parametrize("name", ["deep_nesting", "long_integer"])
def test_whole_documents_and_stdin_that_used_to_crash_are_rejected(tmp_path: Path, name: str) -> None:
    raw, reason = BAD_ARTICLES[name]
    path = tmp_path / "one.json"
    path.write_text(raw)
    summary = Importer(FakePublisher(), StateStore.in_dir(tmp_path, "ns"), False, False).run(str(path))
    assert (summary.read, summary.rejected) == (1, 1)
    items = list(read_stdin(io.BytesIO((raw + "\n" + article(1) + "\n").encode())))
    assert reason in (items[0].error or "") and items[-1].article is not None
