"""Rules of the house, read from the source: who may import whom, and one partition count."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from parley.shared import topics

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ROOT / "services"
SHARED = ROOT / "shared"
ROOMS = sorted(p.name for p in SERVICES.iterdir() if p.is_dir() and (p / "__init__.py").exists())
HUB = "cli"  # the `parley` command and the operator tools: it may import every service


def _modules(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def _imported(path: Path, package: str) -> set[str]:
    """Absolute names of the modules `path` imports (relative imports resolved from `package`)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1] if node.level > 1 else base
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def _package_of(path: Path) -> str:
    return ".".join(["parley", *path.relative_to(ROOT).parts[:-1]])


def test_every_process_has_a_room_and_services_holds_only_rooms() -> None:
    assert {
        "alerting",
        "dispatcher",
        "enrichment",
        "indexer",
        "ingest",
        "search",
        "webhook_sink",
        HUB,
    } <= set(ROOMS)
    loose = sorted(p.name for p in SERVICES.glob("*.py") if p.name not in {"__init__.py", "__main__.py"})
    assert loose == []


@pytest.mark.parametrize("room", [r for r in ROOMS if r != HUB])
def test_no_service_imports_another(room: str) -> None:
    others = [r for r in ROOMS if r != room]  # the hub included
    offending = []
    for path in _modules(SERVICES / room):
        for name in _imported(path, _package_of(path)):
            if any(
                name == f"parley.services.{o}" or name.startswith(f"parley.services.{o}.") for o in others
            ):
                offending.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offending == []


def test_nothing_imports_the_hub() -> None:
    offending = [
        f"{path.relative_to(ROOT)} imports {name}"
        for folder in (SERVICES, SHARED)
        for path in _modules(folder)
        if HUB not in path.relative_to(SERVICES if folder == SERVICES else SHARED).parts[:1]
        and path != SERVICES / "__main__.py"  # `python -m parley.services` runs the hub
        for name in _imported(path, _package_of(path))
        if name == f"parley.services.{HUB}" or name.startswith(f"parley.services.{HUB}.")
    ]
    assert offending == []


def test_shared_imports_no_service() -> None:
    offending = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in _modules(SHARED)
        for name in _imported(path, _package_of(path))
        if name == "parley.services" or name.startswith("parley.services.")
    ]
    assert offending == []


def _partition_literals(source: str) -> list[str]:
    """`partitions=6`, `num_partitions=6`, `PARTITIONS = 6`: partition counts written as numbers."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.keyword) and node.arg in {"partitions", "num_partitions"}:
            if isinstance(node.value, ast.Constant) and isinstance(node.value.value, int):
                found.append(f"{node.value.lineno} {node.arg}={node.value.value}")
        elif isinstance(node, ast.Dict):  # {"topic_partitions": 6}
            for key, value in zip(node.keys, node.values, strict=True):
                if (
                    isinstance(key, ast.Constant)
                    and isinstance(key.value, str)
                    and "partitions" in key.value
                    and isinstance(value, ast.Constant)
                    and isinstance(value.value, int)
                ):
                    found.append(f"{value.lineno} {key.value}={value.value}")
        elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            for target in node.targets:
                if isinstance(target, ast.Name) and "PARTITION" in target.id.upper():
                    found.append(f"{node.lineno} {target.id}={node.value.value!r}")
    return sorted(found)


def test_topics_partitions_is_the_only_literal_partition_count() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{hit}"
        for folder in (SERVICES, SHARED)
        for path in _modules(folder)
        for hit in _partition_literals(path.read_text(encoding="utf-8"))
    ]
    line = _line_of_partitions()
    assert found == [
        f"shared/topics.py:{line} PARTITIONS={topics.PARTITIONS}",
        f"shared/topics.py:{line + 2} SERIAL_PARTITIONS={topics.SERIAL_PARTITIONS}",
    ]


def _line_of_partitions() -> int:
    for number, line in enumerate((SHARED / "topics.py").read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("PARTITIONS ="):
            return number
    raise AssertionError("shared/topics.py defines no PARTITIONS")


def test_the_checks_see_a_violation(tmp_path: Path) -> None:
    """The scanners find what they look for (so an empty answer above means something)."""
    sample = tmp_path / "sample.py"
    sample.write_text("from ..ingest import api\nimport parley.services.search\n", encoding="utf-8")
    assert {"parley.services.ingest.api", "parley.services.search"} <= _imported(
        sample, "parley.services.alerting"
    )
    assert _partition_literals(
        "app.Table('x', partitions=6)\nMY_PARTITIONS = 3\nc = {'topic_partitions': 6}\n"
    ) == [
        "1 partitions=6",
        "2 MY_PARTITIONS=3",
        "3 topic_partitions=6",
    ]
