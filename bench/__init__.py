"""Parley's benchmark harness: `python -m bench.run --mode quick|full` (see bench/README.md)."""
