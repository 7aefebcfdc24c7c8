"""Score talks extraction on every labelled corpus file, each on its own, with its errors.

    python -m parley.services.enrichment.evaluate CORPUS_DIR [--heldout] [--out build/eval]
        [--invented tests/data/invented_talks]

The training files are scored without their held-out articles (models/heldout_ids.txt); those
scores are in-sample for anything trained on them. `--heldout` scores only the held-out split:
run it once, at the end. The invented articles written for the project (tests/data/invented_talks,
same labels and conventions) are scored too, each file on its own. Scoring uses the shared scorer
(../shared/eval/score_talks.py) as is.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from .extract import process_lines
from .heldout import TRAIN_FILES, load_heldout

DEV_FILE = "talks_dev.jsonl"


def load_scorer(shared_dir: Path) -> ModuleType:
    path = shared_dir / "eval" / "score_talks.py"
    spec = importlib.util.spec_from_file_location("score_talks", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"no scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rows(path: Path, keep: frozenset[str] | None, drop: frozenset[str]) -> list[str]:
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        article_id = str(json.loads(line).get("id"))
        if article_id in drop or (keep is not None and article_id not in keep):
            continue
        lines.append(line)
    return lines


def score_lines(scorer: ModuleType, name: str, lines: list[str], out: Path) -> dict[str, Any]:
    predictions = list(process_lines(lines))
    out.mkdir(parents=True, exist_ok=True)
    with (out / f"{name}.predictions.jsonl").open("w", encoding="utf-8") as sink:
        for row in predictions:
            sink.write(json.dumps(row, ensure_ascii=False) + "\n")
    gold = {str(json.loads(line)["id"]): json.loads(line) for line in lines}
    result: dict[str, Any] = scorer.score(gold, {str(p["id"]): p for p in predictions})
    return result


def report(name: str, result: dict[str, Any]) -> str:
    acc = result["field_accuracy"]
    head = (
        f"== {name}: articles {result['articles']}  tp {result['tp']}  fp {result['fp']}  "
        f"fn {result['fn']}  tn {result['tn']}\n"
        f"precision {result['precision']:.3f}  recall {result['recall']:.3f}  f1 {result['f1']:.3f}  |  "
        f"location {acc['location']:.3f}  start_date {acc['start_date']:.3f}  parties {acc['parties']:.3f}"
    )
    return "\n".join([head, *(f"  {e}" for e in result["errors"])])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared_dir", type=Path)
    parser.add_argument("--heldout", action="store_true", help="score only the held-out split (once)")
    parser.add_argument("--out", type=Path, default=Path("build/eval"))
    parser.add_argument("--invented", type=Path, default=Path("tests/data/invented_talks"))
    args = parser.parse_args(argv[1:])
    corpus = args.shared_dir / "corpus"
    scorer = load_scorer(args.shared_dir)
    heldout = load_heldout()
    runs: list[tuple[str, list[str]]] = []
    if args.heldout:
        lines = [line for f in TRAIN_FILES for line in _rows(corpus / f, heldout, frozenset())]
        runs.append(("heldout", lines))
    else:
        runs.append(("dev", _rows(corpus / DEV_FILE, None, frozenset())))
        for f in TRAIN_FILES:
            runs.append(
                (Path(f).stem.removeprefix("talks_") + "-minus-heldout", _rows(corpus / f, None, heldout))
            )
        if args.invented.is_dir():
            runs += [(p.stem, _rows(p, None, frozenset())) for p in sorted(args.invented.glob("*.jsonl"))]
    summaries = {}
    for name, lines in runs:
        result = score_lines(scorer, name, lines, args.out)
        print(report(name, result))
        summaries[name] = {k: v for k, v in result.items() if k != "errors"}
    (args.out / ("heldout.json" if args.heldout else "summaries.json")).write_text(
        json.dumps(summaries, indent=1, sort_keys=True) + "\n"
    )
    if "dev" in summaries:  # the file eval_targets checks with STRICT=1
        (args.out / "summary.json").write_text(json.dumps(summaries["dev"]) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
