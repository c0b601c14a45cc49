"""Alliance Timeline benchmarks: `python benchmarks/run.py [export ...] [--runs N] [--write]`.

Each benchmark prints a Markdown table of medians; with --write, the table replaces its section
in docs/benchmarks.md (between the <!-- name:start --> and <!-- name:end --> markers), together
with a description of the machine it ran on. Numbers, not pass/fail: targets are discussed in
the docs, never asserted in tests.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "benchmarks.md"
CLI = [sys.executable, "-m", "dashboard"]


def machine() -> str:
    """One line describing the machine: CPU, cores, memory, Python, Chromium."""
    cpu = platform.processor() or platform.machine()
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text()
        cpu = re.search(r"model name\s*:\s*(.+)", cpuinfo)[1].strip()
    except (OSError, TypeError):
        pass
    memory = ""
    try:
        kib = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text())[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, TypeError):
        pass
    chrome = shutil.which("chromium") or os.environ.get("CHROME_PATH")
    chrome_version = (
        subprocess.run([chrome, "--version"], capture_output=True, text=True).stdout.strip() if chrome else "none"
    )
    return f"{cpu}, {os.cpu_count()} cores{memory}; Python {platform.python_version()}; {chrome_version}"


def median_seconds(action: Callable[[], object], runs: int) -> tuple[float, list[float]]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times


def run_cli(*args: str) -> None:
    subprocess.run([*CLI, *args], check=True, capture_output=True)


def bench_export(runs: int) -> str:
    """Cold CLI PNG export, a batch of every format, and the HTML file's size in both modes."""
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        median, times = median_seconds(lambda: run_cli("export", "--format", "png", "--out", str(out / "t.png")), runs)
        rows.append(("Cold CLI `export --format png` (bundled dataset, 1600×900)", f"{median:.2f} s", times))
        median, times = median_seconds(
            lambda: run_cli(
                "export", "--format", "png", "--preset", "slide", "--scale", "2", "--out", str(out / "s.png")
            ),
            runs,
        )
        rows.append(("Cold CLI `export --format png --preset slide --scale 2`", f"{median:.2f} s", times))
        median, times = median_seconds(
            lambda: run_cli("export", "--format", "html,png,svg,pdf,csv,json", "--out", str(out / "all")), runs
        )
        rows.append(("Cold CLI batch of all six formats, one browser", f"{median:.2f} s", times))
        run_cli("export", "--format", "html", "--out", str(out / "inline.html"))
        run_cli("export", "--format", "html", "--plotlyjs", "cdn", "--out", str(out / "cdn.html"))
        inline, cdn = (out / "inline.html").stat().st_size, (out / "cdn.html").stat().st_size
    lines = [
        "| measurement | median | all runs (s) |",
        "|---|---|---|",
        *(f"| {name} | {value} | {', '.join(f'{t:.2f}' for t in times)} |" for name, value, times in rows),
        f"| HTML file, plotly.js inline (works offline) | {inline / 1e6:.2f} MB | |",
        f"| HTML file, plotly.js from the CDN | {cdn / 1e3:.0f} kB | |",
    ]
    return "\n".join(lines)


def bench_load(runs: int) -> str:
    """The production server under 50 concurrent clients replaying real filter callbacks for 30 s."""
    from load_test import run  # beside this file

    result = run(seconds=30, clients=50, workers=2)
    return "\n".join(
        [
            "| clients | workers | duration | requests | requests/s | p50 latency | p99 latency | errors |",
            "|---|---|---|---|---|---|---|---|",
            f"| 50 | 2 | {result['seconds']:.0f} s | {result['requests']} | {result['rps']:.1f} | "
            f"{result['p50_ms']:.0f} ms | {result['p99_ms']:.0f} ms | {result['errors']} |",
        ]
    )


def bench_scale(runs: int) -> str:
    """Server-side and browser-side numbers for the bundled dataset and 1k, 10k, 100k events."""
    from scale import run  # beside this file

    return run(runs=runs)


BENCHMARKS = {"scale": bench_scale, "export": bench_export, "load": bench_load}


def write_section(name: str, table: str, command: str) -> None:
    text = DOCS.read_text(encoding="utf-8")
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    body = f"{start}\nMachine: {machine()}.\nCommand: `{command}` ({time.strftime('%Y-%m-%d')}).\n\n{table}\n{end}"
    text = re.sub(re.escape(start) + r".*?" + re.escape(end), lambda _: body, text, flags=re.S)
    DOCS.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help=f"benchmarks to run: {', '.join(BENCHMARKS)} (default: all)")
    parser.add_argument("--runs", type=int, default=5, help="repetitions; the median is reported (default 5)")
    parser.add_argument("--write", action="store_true", help="write the tables into docs/benchmarks.md")
    args = parser.parse_args()
    unknown = set(args.names) - set(BENCHMARKS)
    if unknown:
        parser.error(f"unknown benchmark {', '.join(sorted(unknown))}; choose from {', '.join(BENCHMARKS)}")
    for name in args.names or list(BENCHMARKS):
        table = BENCHMARKS[name](args.runs)
        print(f"## {name}\n\n{table}\n")
        if args.write:
            write_section(name, table, f"python benchmarks/run.py {name} --runs {args.runs} --write")


if __name__ == "__main__":
    main()
