"""Run every benchmark module (`tests/bench/bench_*.py`) and print one table.

python -m tests.bench              # all rows
python -m tests.bench convert pdf  # only modules whose name contains a word
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import traceback

from tests.bench import harness


def main(words: list[str]) -> int:
    results: list[harness.Result] = []
    failed = 0
    package = importlib.import_module("tests.bench")
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if not info.name.startswith("bench_") or (words and not any(w in info.name for w in words)):
            continue
        module = importlib.import_module(f"tests.bench.{info.name}")
        print(f"running {info.name} ...", file=sys.stderr, flush=True)
        try:
            results.extend(module.rows())
        except Exception:
            failed += 1
            traceback.print_exc()
    harness.print_table(results)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
