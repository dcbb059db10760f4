"""The long run of the merge property tests: >= 10,000 random edits and editor inputs.

Run: python benchmarks/merge_properties.py [--examples 10000] [--workbook-examples 300]
The test suite runs the same properties with fewer examples (tests/test_merge_properties.py,
tests/test_update_properties.py).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=int, default=10_000, help="merge examples (library level)")
    parser.add_argument("--workbook-examples", type=int, default=300,
                        help="end-to-end examples through real workbooks")
    args = parser.parse_args()
    env = {**os.environ, "CLAIMS_PROPERTY_EXAMPLES": str(args.examples),
           "CLAIMS_WORKBOOK_EXAMPLES": str(args.workbook_examples)}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                             "--hypothesis-show-statistics",
                             "tests/test_merge_properties.py", "tests/test_update_properties.py"],
                            cwd=ROOT, env=env)
    print(f"{args.examples} merge examples + {args.workbook_examples} workbook examples: "
          f"{'passed' if result.returncode == 0 else 'FAILED'} in {time.perf_counter() - start:.0f} s")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
