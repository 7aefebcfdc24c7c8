"""docs/architecture.md names every service room, topic and table the code has."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from parley.shared.topics import ALL_TOPICS

ROOT = Path(__file__).resolve().parents[2]
PAGE = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
ROOMS = sorted(p.name for p in (ROOT / "services").iterdir() if (p / "__init__.py").exists())
TABLE = re.compile(r"\.Table\(\s*[\"'](\w+)[\"']")
TABLES = sorted(
    {
        name
        for path in (ROOT / "services").rglob("*.py")
        for name in TABLE.findall(path.read_text(encoding="utf-8"))
    }
)


def test_the_code_has_rooms_and_tables() -> None:
    assert len(ROOMS) >= 5 and len(TABLES) >= 5  # the scans find what they look for


@pytest.mark.parametrize("room", ROOMS)
def test_every_service_room_is_on_the_page(room: str) -> None:
    assert f"`{room}`" in PAGE


@pytest.mark.parametrize("topic", [t.suffix for t in ALL_TOPICS])
def test_every_topic_is_on_the_page(topic: str) -> None:
    assert f"`{topic}`" in PAGE


@pytest.mark.parametrize("table", TABLES)
def test_every_table_is_on_the_page(table: str) -> None:
    assert f"`{table}`" in PAGE
