"""The installed layout: every package folder is listed in pyproject.toml under `parley.`."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_package_folder_is_installed_under_parley() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    folders = {
        "parley." + ".".join(init.parent.relative_to(ROOT).parts)
        for top in ("services", "shared")
        for init in (ROOT / top).rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert set(config["packages"]) == folders
    assert config["package-dir"] == {"parley.services": "services", "parley.shared": "shared"}
