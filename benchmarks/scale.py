"""Speed at any size: server-side and browser-side numbers per dataset size.

Sizes: the bundled dataset and synthetic ones of 1k, 10k and 100k events (generate.py, fixed
seed). Server side, in process: load + validate, peak memory of a server process (load, app,
first render), first figure build and its bytes, and filter updates through Dash's real callback
endpoint (p50/p95 over realistic changes) with their response bytes. Browser side, in headless
Chromium against the real server: navigation to timeline drawn, a theme click to chart redrawn,
JS heap after render, and the longest main-thread task while idle; and the same figure drawn by
a bare Plotly.js page served statically (the floor every Plotly page pays).
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import ExitStack
from dataclasses import asdict
from pathlib import Path

from generate import generate

from dashboard import load_dataset
from dashboard.app import create_app
from dashboard.background import running_server
from dashboard.dataset import bundled_dataset_path
from dashboard.figures import timeline_figure
from dashboard.filters import FilterState
from dashboard.urlstate import ViewState

FILTER_CHANGES = [
    FilterState(themes=("security",)),
    FilterState(start=1950, end=1970),
    FilterState(query="treaty"),
    FilterState(themes=("law", "economy"), start=1990),
    FilterState(query="missile base"),
    FilterState(),
]
BUNDLED_CHANGES = [
    FilterState(themes=("forces",)),
    FilterState(start=1990, end=2010),
    FilterState(query="treaty"),
    FilterState(judgement="expand-cooperation"),
    FilterState(themes=("nuclear", "missile")),
    FilterState(),
]
DRAWN_JS = "() => !!document.querySelector('#timeline .scatterlayer .point') && /of/.test(document.querySelector('#summary').textContent)"
BARE_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><script src="plotly.min.js"></script></head>
<body><div id="chart" style="height:600px"></div><script>
fetch('figure.json').then(r => r.json()).then(fig => Plotly.newPlot('chart', fig.data, fig.layout, {responsive: true}))
  .then(() => { window.drawn = performance.now(); });
</script></body></html>"""


def render_body(app, state: ViewState) -> bytes:
    key = next(key for key in app.callback_map if "..timeline.figure." in key)
    callback = app.callback_map[key]
    values = {"view-state.data": asdict(state)}

    def dependency(item):
        if item["id"].startswith("{"):
            return []
        return {"id": item["id"], "property": item["property"], "value": values.get(f"{item['id']}.{item['property']}")}

    outputs = [{"id": p.rsplit(".", 1)[0], "property": p.rsplit(".", 1)[1]} for p in key.strip(".").split("...")]
    body = {
        "output": key,
        "outputs": outputs,
        "inputs": [dependency(i) for i in callback["inputs"]],
        "state": [dependency(i) for i in callback["state"]],
        "changedPropIds": ["view-state.data"],
    }
    return json.dumps(body).encode()


def peak_memory_mb(path: Path) -> float:
    code = (
        "import resource, sys, json; from dashboard import load_dataset; from dashboard.app import create_app;"
        "from dashboard.figures import timeline_figure; d = load_dataset(sys.argv[1]); a = create_app(d);"
        "timeline_figure(d, d.events).to_json();"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True).stdout
    return int(out.strip()) / 1024


def server_side(path: Path, changes: list[FilterState], runs: int) -> dict[str, str]:
    loads = []
    for _ in range(min(runs, 3)):
        started = time.perf_counter()
        dataset = load_dataset(path)
        loads.append(time.perf_counter() - started)
    started = time.perf_counter()
    figure = timeline_figure(dataset, dataset.events).to_json()
    build = time.perf_counter() - started
    app = create_app(dataset)
    client = app.server.test_client()
    times, sizes = [], []
    for _ in range(runs):
        for change in changes:
            body = render_body(app, ViewState(change))
            started = time.perf_counter()
            response = client.post("/_dash-update-component", data=body, content_type="application/json")
            times.append(time.perf_counter() - started)
            sizes.append(len(response.data))
    times.sort()
    return {
        "events": f"{len(dataset.events):,}",
        "load + validate": f"{statistics.median(loads):.2f} s",
        "server memory (peak)": f"{peak_memory_mb(path):.0f} MB",
        "first figure build": f"{build * 1000:.0f} ms ({len(figure) / 1e6:.2f} MB)",
        "filter update p50 / p95": f"{statistics.median(times) * 1000:.0f} / {times[int(len(times) * 0.95) - 1] * 1000:.0f} ms",
        "bytes per update (median)": f"{statistics.median(sizes) / 1e3:.0f} kB",
    }


def browser_side(path: Path, runs: int) -> dict[str, str]:
    from playwright.sync_api import sync_playwright

    chrome = os.environ.get("CHROME_PATH") or shutil.which("chromium") or shutil.which("google-chrome")
    server = ExitStack()
    url = server.enter_context(running_server("--data", str(path), timeout=180)) + "/"
    bare_dir = Path(tempfile.mkdtemp())
    dataset = load_dataset(path)
    (bare_dir / "figure.json").write_text(timeline_figure(dataset, dataset.events).to_json())
    from plotly.offline import get_plotlyjs

    (bare_dir / "plotly.min.js").write_text(get_plotlyjs())
    (bare_dir / "index.html").write_text(BARE_PAGE)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(bare_dir))
    handler.log_message = lambda *args: None
    static = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=static.serve_forever, daemon=True).start()
    drawn, redraw, heap, long_task, floor = [], [], [], [], []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chrome, args=["--no-sandbox", "--disable-gpu"])
            for _ in range(runs):
                page = browser.new_page(viewport={"width": 1440, "height": 900})
                page.goto(url)
                page.wait_for_function(DRAWN_JS, timeout=120_000)
                drawn.append(page.evaluate("() => performance.now()"))
                page.evaluate("""() => { window.longest = 0; new PerformanceObserver(list => { for (const e of list.getEntries())
                    window.longest = Math.max(window.longest, e.duration); }).observe({type: 'longtask'}); }""")
                page.wait_for_timeout(2000)
                long_task.append(page.evaluate("() => window.longest"))
                heap.append(page.evaluate("() => performance.memory.usedJSHeapSize") / 1e6)
                summary = page.locator("#summary").inner_text()
                started = time.perf_counter()
                page.get_by_role("button", name="None", exact=True).click()
                page.wait_for_function(
                    "(before) => document.querySelector('#summary').textContent !== before", arg=summary
                )
                page.wait_for_function("() => !document.querySelector('#timeline .scatterlayer .point')")
                redraw.append((time.perf_counter() - started) * 1000)
                page.close()
                bare = browser.new_page(viewport={"width": 1440, "height": 900})
                bare.goto(f"http://127.0.0.1:{static.server_address[1]}/index.html")
                bare.wait_for_function("() => window.drawn !== undefined", timeout=120_000)
                floor.append(bare.evaluate("() => window.drawn"))
                bare.close()
            browser.close()
    finally:
        server.close()
        static.shutdown()
        shutil.rmtree(bare_dir, ignore_errors=True)
    ours, base = statistics.median(drawn), statistics.median(floor)
    return {
        "first draw (ours)": f"{ours / 1000:.2f} s",
        "first draw (bare Plotly.js page)": f"{base / 1000:.2f} s",
        "ratio to bare page": f"{ours / base:.2f}×",
        "filter click to redrawn": f"{statistics.median(redraw):.0f} ms",
        "JS heap after render": f"{statistics.median(heap):.0f} MB",
        "longest task while idle": f"{statistics.median(long_task):.0f} ms",
    }


def run(runs: int = 5, sizes: tuple[int, ...] = (1_000, 10_000, 100_000)) -> str:
    folder = Path(tempfile.mkdtemp())
    datasets = {"bundled (70)": (bundled_dataset_path(), BUNDLED_CHANGES)}
    for size in sizes:
        datasets[f"{size // 1000}k"] = (generate(size, folder / str(size)), FILTER_CHANGES)
    columns = {}
    for name, (path, changes) in datasets.items():
        browser_runs = runs if "100k" not in name else max(3, runs // 2)
        columns[name] = server_side(path, changes, runs) | browser_side(path, browser_runs)
        print(name, columns[name], file=sys.stderr)
    shutil.rmtree(folder, ignore_errors=True)
    rows = list(next(iter(columns.values())))
    lines = ["| measurement | " + " | ".join(columns) + " |", "|---|" + "---|" * len(columns)]
    lines += [f"| {row} | " + " | ".join(column[row] for column in columns.values()) + " |" for row in rows]
    return "\n".join(lines)


if __name__ == "__main__":
    print(run(runs=int(sys.argv[1]) if len(sys.argv) > 1 else 5))
