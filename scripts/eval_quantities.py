#!/usr/bin/env python3
"""Scores the quantity extractor on the Recognizers-Text spec files.

Runs the `quantity_eval` driver (built from bench/quantity_eval.cc) over every
spec file under the evaluation directory and prints one line per file:
passed/total and the pass rate, then the news-critical summary.

    cmake --build build --target quantity_eval
    scripts/eval_quantities.py [--build-dir build] [--eval-dir ../shared/eval/quantities]
                               [--verbose] [--half A|B]

--half A or B scores one half of a fixed split of the cases (by a hash of the
case text, see bench/quantity_eval.cc): tune on A, check on B.

A case passes when the set of quantities found equals the expected set: same
span, same normalized value or bounds, same unit where one is expected (see
bench/quantity_eval.cc for the mapping of Recognizers' unit names). Exit
status is 1 when a news-critical model file is below 95%.
"""
import argparse
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CRITICAL = ["NumberModel.json", "NumberRangeModel.json", "PercentModel.json",
            "CurrencyModel.json", "OrdinalModel.json"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-dir", default=str(ROOT / "build"))
    parser.add_argument("--eval-dir", default=str(ROOT.parent / "shared/eval/quantities"))
    parser.add_argument("--verbose", action="store_true", help="print every failing case")
    parser.add_argument("--half", choices=["A", "B"], help="score one half of the fixed split")
    args = parser.parse_args()

    driver = pathlib.Path(args.build_dir) / "bench" / "quantity_eval"
    if not driver.exists():
        sys.exit(f"{driver} not found: build the quantity_eval target first")
    files = sorted(pathlib.Path(args.eval_dir).glob("*/*.json"))
    if not files:
        sys.exit(f"no spec files under {args.eval_dir}")
    command = ([str(driver)] + (["--verbose"] if args.verbose else []) +
               (["--half", args.half] if args.half else []) + [str(f) for f in files])
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode not in (0, 2):
        sys.exit(f"quantity_eval failed: {result.stderr}")
    sys.stdout.write(result.stdout)

    rates = {}
    counts = {}
    for line in result.stdout.splitlines():
        match = re.match(r"(\S+\.json)\s+(\d+)/(\d+)\s+([\d.]+)%", line)
        if match:
            rates[match.group(1)] = float(match.group(4))
            counts[match.group(1)] = (int(match.group(2)), int(match.group(3)))
    print("\nnews-critical models (target >= 95%):")
    ok = True
    for name in CRITICAL:
        rate = rates.get(name)
        status = "ok" if rate is not None and rate >= 95 else "BELOW TARGET"
        ok = ok and status == "ok"
        print(f"  {name:28} {rate if rate is not None else float('nan'):6.1f}%  {status}")
    passed = sum(counts[n][0] for n in CRITICAL if n in counts)
    total = sum(counts[n][1] for n in CRITICAL if n in counts)
    if total:
        print(f"  {'all five':28} {100.0 * passed / total:6.1f}%  ({passed}/{total})")
    passed = sum(c[0] for c in counts.values())
    total = sum(c[1] for c in counts.values())
    if total:
        print(f"all model files                 {100.0 * passed / total:6.1f}%  ({passed}/{total})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
