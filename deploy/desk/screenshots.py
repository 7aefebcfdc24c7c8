"""`make desk-screenshots`: run Parley on the local servers, ingest the Desk's example articles
(examples/desk), and save the three main pages as docs/img/desk-*.png with headless Chromium.

    python deploy/desk/screenshots.py [--out docs/img] [--dark]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.support.desk import TOKEN, browser, desk_stack, example_articles, post_in_order  # noqa: E402


def wait_for(predicate, timeout: float, what: str):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = predicate()
        if found:
            return found
        time.sleep(0.5)
    raise SystemExit(f"timed out waiting for {what}")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    parser.add_argument("--dark", action="store_true", help="also save the upcoming page in dark mode")
    options = parser.parse_args()
    namespace = f"desk{uuid.uuid4().hex[:8]}"
    os.environ["PARLEY_INGEST_STATE_DIR"] = tempfile.mkdtemp(prefix="parley-desk-state-")
    stack = desk_stack(namespace, Path(tempfile.mkdtemp(prefix="parley-desk-logs-")))
    stack.start()
    try:
        stack.wait_ready()
        post_in_order(stack, example_articles())
        base = f"http://127.0.0.1:{stack.ports['search']}"
        headers = {"Authorization": f"Bearer {TOKEN}"}

        def all_in() -> list[dict[str, object]] | None:
            talks = httpx.get(f"{base}/talks/upcoming", headers=headers, timeout=10).json()["talks"]
            moved = [t for t in talks if t.get("status") == "rescheduled"]
            return talks if len(talks) >= 5 and moved else None

        talks = wait_for(all_in, 120, "the example talks to be indexed")
        moved = next(t for t in talks if t.get("status") == "rescheduled")
        options.out.mkdir(parents=True, exist_ok=True)
        with browser() as chromium:
            for scheme in ["light", "dark"] if options.dark else ["light"]:
                page = chromium.new_page(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
                page.goto(f"{base}/desk/signin")
                page.fill("#token", TOKEN)
                page.click("button[type=submit]")
                page.wait_for_url(f"{base}/desk/")
                suffix = "" if scheme == "light" else "-dark"
                page.screenshot(path=str(options.out / f"desk-upcoming{suffix}.png"), full_page=True)
                if scheme == "light":
                    page.goto(f"{base}/desk/talks/{moved['talks_id']}")
                    page.screenshot(path=str(options.out / "desk-talks.png"), full_page=True)
                    page.goto(f"{base}/desk/search?q=border+talks")
                    page.screenshot(path=str(options.out / "desk-search.png"), full_page=True)
                page.close()
        print(f"saved to {options.out}")
        return 0
    finally:
        stack.stop()


if __name__ == "__main__":
    sys.exit(main())
