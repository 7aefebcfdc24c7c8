from __future__ import annotations

import json
from pathlib import Path

from parley.services.ingest.readers import read_document, read_path


def test_jsonl_goes_on_after_bad_lines(tmp_path: Path) -> None:
    good = {"title": "t", "published": "2026-02-13", "text": "body"}
    path = tmp_path / "a.jsonl"
    path.write_bytes(
        b"\n".join(
            [json.dumps(good).encode(), b"{broken", b"\xff\xfe", json.dumps({**good, "text": "2"}).encode()]
        )
    )
    items = list(read_path(path))
    assert [i.article is not None for i in items] == [True, False, False, True]
    assert "invalid JSON" in (items[1].error or "")
    assert "UTF-8" in (items[2].error or "")
    assert items[1].where.endswith(":2")


def test_json_object_array_and_text_format() -> None:
    one = read_document(b'{"title": "t", "published": "2026-02-13", "text": "b"}', "x")
    many = read_document(b'[{"title": "t", "published": "2026-02-13", "text": "b"}, {"title": ""}]', "x")
    text = read_document(b"  date 2026-02-13 Lede\n\nBody", "x")
    assert [i.article is not None for i in one] == [True]
    assert [i.article is not None for i in many] == [True, False]
    assert [i.article.title for i in text if i.article] == ["Lede"]


def test_empty_and_non_utf8_files_are_rejected(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin1.txt").write_bytes("date 2026-02-13 Caf\xe9\nbody".encode("latin-1"))
    (tmp_path / "nodate.txt").write_text("Just a body\n")
    errors = {Path(i.where).name: i.error for i in read_path(tmp_path)}
    assert errors["empty.txt"] == "empty input"
    assert "UTF-8" in (errors["latin1.txt"] or "")
    assert "first line" in (errors["nodate.txt"] or "")
