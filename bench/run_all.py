"""Run every benchmark in bench/ (each a script with a main()), one after another.

    make bench            # embedded servers, or DATABASE_URL/REDIS_URL when set

Benchmarks print their figures; docs/performance.md records the measured ones.
They are not tests: they assert nothing about time.
"""

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    scripts = sorted(
        p for p in HERE.glob("*.py") if p.name not in {"__init__.py", "run_all.py"}
    )
    if not scripts:
        print("bench: no benchmarks yet")
        return 0
    for script in scripts:
        print(f"== {script.name}", flush=True)
        runpy.run_path(str(script), run_name="__main__")
    return 0


if __name__ == "__main__":
    sys.exit(main())
