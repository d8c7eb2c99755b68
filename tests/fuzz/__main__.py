"""Command line: run the fuzzer and print the figures, or replay one case."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tests.fuzz import runner, seeds

CRASHES = Path(__file__).resolve().parent / "crashes"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__)
    parser.add_argument("--cases", type=int, default=1000, help="cases per reader (default 1000)")
    parser.add_argument(
        "--reader", choices=runner.READERS, action="append", help="only this reader (repeatable)"
    )
    parser.add_argument("--seed", type=int, default=0, help="the run's seed (default 0)")
    parser.add_argument("--time-limit", type=float, default=runner.TIME_LIMIT_S, help="seconds per case")
    parser.add_argument("--signatures", type=int, default=5, help="crash signatures shown per reader")
    parser.add_argument("--case", type=int, help="replay this one case and show its traceback")
    parser.add_argument(
        "--save", action="store_true", help="with --case: write its input to tests/fuzz/crashes/"
    )
    args = parser.parse_args(argv)
    readers = args.reader or list(runner.READERS)
    if args.case is not None:
        return replay(readers, args.seed, args.case, args.time_limit, args.save)
    tallies = [
        runner.run(r, args.cases, args.seed, args.time_limit, progress=runner.main_progress(r, args.cases))
        for r in readers
    ]
    print(runner.table(tallies, args.signatures))
    for problem in seeds.PROBLEMS:
        print(f"note: {problem}", file=sys.stderr)
    return 1 if any(t.crashes for t in tallies) else 0


def replay(readers: list[str], seed: int, index: int, time_limit: float, save: bool) -> int:
    crashed = False
    for reader in readers:
        case = runner.make_case(reader, seed, index)
        outcome = runner.run_case(case, time_limit)
        print(
            f"{reader} seed {seed} case {index}: {outcome.kind} [{', '.join(case.steps)}], {len(case.data)} bytes"
        )
        if outcome.kind == "crash":
            crashed = True
            print(outcome.signature)
            print(outcome.detail)
        if save:
            CRASHES.mkdir(exist_ok=True)
            path = CRASHES / f"{reader}-{seed}-{index}.bin"
            path.write_bytes(case.data)
            print(f"saved {path}")
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
