"""Fail the image build when the virtualenv holds a distribution the lock file does not pin.

    python locked_only.py requirements.lock

`pip install -c requirements.lock .` takes the pinned version of every package the lock names,
but would quietly add a new dependency the lock has never seen; this catches that.
"""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

# The virtualenv's own tools and the project itself are not dependencies.
NOT_DEPENDENCIES = {"pip", "setuptools", "wheel", "parley"}


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(lock: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    for line in lock.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line:
            name, version = line.split("==", 1)
            found[canonical(name.split("[", 1)[0])] = version.split(";", 1)[0].strip()
    return found


def unpinned(lock: Path) -> list[str]:
    wanted = pins(lock)
    problems = []
    for dist in metadata.distributions():
        name = canonical(dist.metadata["Name"])
        if name in NOT_DEPENDENCIES:
            continue
        if wanted.get(name) != dist.version:
            problems.append(f"{name}=={dist.version} (lock: {wanted.get(name, 'absent')})")
    return sorted(problems)


def main() -> int:
    problems = unpinned(Path(sys.argv[1]))
    for problem in problems:
        print(f"not pinned by the lock file: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
