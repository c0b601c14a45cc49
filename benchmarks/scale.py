"""Speed at any size: server-side and browser-side numbers per dataset size.

Sizes: the bundled dataset and synthetic ones of 1k, 10k and 100k events (generate.py, fixed
seed). Server side, in process: load + validate, peak memory of a process that loads the dataset,
builds the app and serves the page, the chart data built once per dataset, the whole view's figure
as exports build it, the first page's bytes, and the server's share of a filter change (the list's
rows, the details, and a search's matches) through Dash's real callback endpoint, p50/p95 over
realistic changes, with their bytes. Browser side, in headless Chromium against the real gunicorn
server: navigation to timeline drawn (from the plain address, and from a shared link's) and to
the event list shown, a theme click to the chart redrawn (Plotly's afterplot event, on the page's
clock; a second after the last click, and in a burst), the first view's figure built again by the
page's code, JS heap after render, the longest main-thread task while idle, and the server
processes' memory; and the same figure
drawn by a bare Plotly.js page served statically (the floor every Plotly page pays), once with the
same plotly.js as ours (the cartesian bundle) and once with the full plotly.js, and by a Dash page
holding the chart alone, served as ours is (dash_floor.py: what any Dash page pays). The first
draws of our page, the bare page and the Dash page get EXTRA_DRAWS more loads per run, in turn.
"""

from __future__ import annotations

import gzip
import itertools
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import asdict
from pathlib import Path

from callback_requests import callback_body
from competitors import libraries_side
from drawn_time import drawn_at, watch_drawn
from generate import generate
from static_files import serve_folder

from dashboard import ids, load_dataset
from dashboard.app import create_app
from dashboard.background import running_server
from dashboard.chart_data import chart_payload_json
from dashboard.dataset import bundled_dataset_path
from dashboard.figures import timeline_figure
from dashboard.filters import FilterState
from dashboard.plotlyjs import page_bundle
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
# A Plotly chart is drawn once its marks are in the page and Plotly has its data; our page's, once
# the summary says how many events it shows too. The bare page's chart is #chart.
PLOT_DRAWN_JS = "(gd) => !!gd && !!gd.querySelector('.scatterlayer .point') && (gd._fullData || []).length > 0"
DRAWN_JS = (
    f"() => ({PLOT_DRAWN_JS})(document.querySelector('#timeline .js-plotly-plot'))"
    " && /of/.test(document.querySelector('#summary').textContent)"
)
BARE_DRAWN_JS = f"() => ({PLOT_DRAWN_JS})(document.querySelector('#chart'))"
# What the browser has fetched so far, as sent over the wire (compressed where the server
# compressed it): the page, its scripts, the layout and the chart data.
FETCHED_JS = """() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
    .reduce((total, entry) => total + entry.transferSize, 0)"""
LISTED_JS = "() => !!document.querySelector('.event-grid .ag-row')"
# The first view's figure built again by the page's own code (timeline.js buildFigure), for the
# chart's width, once the page has drawn it: what the browser spends building, apart from drawing.
FIGURE_BUILD_JS = """() => {
  const data = AllianceTimeline.payload({href: '/_chart-data.json'});
  if (!data) throw new Error('the chart data is not in the page');
  const width = document.querySelector('#timeline .js-plotly-plot')._fullLayout.width;
  const state = {filters: {themes: null, start: null, end: null, query: '', judgement: null}, event: null,
    sort: 'date', story: null, step: 1};
  const started = performance.now();
  const built = AllianceTimeline.buildFigure(data, state, null, null, width - data.style.leftMargin - data.style.rightMargin);
  const took = performance.now() - started;
  if (!built || !built.figure.data.length) throw new Error('no figure was built');
  return took;
}"""
CLICK_THEME_JS = """(n) => {
  // From the click to the first frame painted after Plotly has redrawn (its afterplot event).
  window.painted = 0;
  const plot = document.querySelector('#timeline .js-plotly-plot');
  plot.once('plotly_afterplot', () => requestAnimationFrame(() => setTimeout(() => { window.painted = performance.now(); })));
  window.clickAt = performance.now();
  document.querySelectorAll('.theme-toggle')[n].click();
}"""
BARE_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><script src="plotly.min.js"></script></head>
<body><div id="chart" style="height:600px"></div><script>
fetch('figure.json').then(r => r.json()).then(fig => Plotly.newPlot('chart', fig.data, fig.layout, {responsive: true}));
</script></body></html>"""


def peak_memory_mb(path: Path) -> float:
    """Peak resident memory of a process that loads the dataset, builds the app and serves the page
    (asking for it as browsers do, gzip accepted).

    Read from the process's own ``VmHWM``, the peak of its memory since it started the program.
    ``ru_maxrss`` will not do: Linux carries it over from the process that started this one, so it
    would report this benchmark's own peak, which holds the dataset several times over."""
    code = (
        "import sys; from dashboard import load_dataset; from dashboard.app import create_app;"
        "a = create_app(load_dataset(sys.argv[1])); c = a.server.test_client();"
        "[c.get(p, headers={'Accept-Encoding': 'gzip'}) for p in ('/', '/_dash-layout', '/_chart-data.json', '/ja/_dash-layout', '/ja/_chart-data.json')];"
        "print(next(line.split()[1] for line in open('/proc/self/status') if line.startswith('VmHWM:')))"
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
    payload = chart_payload_json(dataset)
    build = time.perf_counter() - started
    # The whole view's figure as the server builds it for exports and notebooks (figures.py).
    figure_builds = []
    for _ in range(min(runs, 3)):
        started = time.perf_counter()
        timeline_figure(dataset, dataset.events)
        figure_builds.append(time.perf_counter() - started)
    app = create_app(dataset)
    client = app.server.test_client()
    index_bytes = len(client.get("/").data)
    # The page, Dash's layout and the chart data it fetches beside it.
    fetched = ("/_dash-layout", "/_chart-data.json")
    page_bytes = index_bytes + sum(len(client.get(path).data) for path in fetched)
    sent_bytes = index_bytes + sum(len(client.get(path, headers={"Accept-Encoding": "gzip"}).data) for path in fetched)
    # A filter change asks the server for the list's rows, for the details and notes, and for a
    # search's matches, accepting gzip as browsers do. Each is timed as a new view: the filter masks
    # the dataset keeps (Dataset.derived) are dropped first, so only the three requests of one
    # change share them.
    times, sizes, plain_sizes = [], [], []
    for _ in range(runs):
        for change in changes:
            dataset.derived.clear()
            values = {f"{ids.STATE}.data": asdict(ViewState(change))}
            started = time.perf_counter()
            size = plain_size = 0
            for output in (f"{ids.LIST_TABLE}.rowData", f"{ids.LIST}.children", f"{ids.MATCHES}.data"):
                response = client.post(
                    "/_dash-update-component",
                    data=callback_body(app, output, values),
                    content_type="application/json",
                    headers={"Accept-Encoding": "gzip"},
                )
                size += len(response.data)
                gzipped = response.headers.get("Content-Encoding") == "gzip"
                plain_size += len(gzip.decompress(response.data) if gzipped else response.data)
            times.append(time.perf_counter() - started)
            sizes.append(size)
            plain_sizes.append(plain_size)
    times.sort()
    return {
        "events": f"{len(dataset.events):,}",
        "load + validate": f"{statistics.median(loads):.2f} s",
        "server memory (peak)": f"{peak_memory_mb(path):.0f} MB",
        "chart data build (once per dataset)": f"{build * 1000:.0f} ms",
        "whole view's figure built on the server (figures.py: exports, notebooks)": (
            f"{statistics.median(figure_builds) * 1000:.0f} ms"
        ),
        "first page bytes (dataset included)": f"{page_bytes / 1e6:.2f} MB ({len(payload) / 1e6:.2f} MB data)",
        "first page bytes sent (gzipped layout and chart data)": f"{sent_bytes / 1e6:.2f} MB",
        "server work per filter change p50 / p95": f"{statistics.median(times) * 1000:.0f} / {times[int(len(times) * 0.95) - 1] * 1000:.0f} ms",
        "bytes per filter change (median, as sent / uncompressed)": (
            f"{statistics.median(sizes) / 1e3:.0f} / {statistics.median(plain_sizes) / 1e3:.0f} kB"
        ),
    }


def server_processes_memory(port: int) -> tuple[float, float]:
    """Largest peak and current resident memory (MB) of one process among those serving ``port``:
    gunicorn's master, which loads the dataset, and its workers. A forked worker has the master's
    command line, so the processes are known by it; any child of theirs counts too."""
    statuses = {}
    for proc in Path("/proc").iterdir():
        try:
            command, status = (proc / "cmdline").read_text(), (proc / "status").read_text()
        except (OSError, ValueError):
            continue
        if proc.name.isdigit():
            statuses[proc.name] = (command, dict(line.split(":", 1) for line in status.splitlines() if ":" in line))
    serving = {pid for pid, (command, _) in statuses.items() if f"--port\0{port}\0" in command}
    serving |= {pid for pid, (_, fields) in statuses.items() if fields.get("PPid", "").strip() in serving}
    if not serving:
        raise RuntimeError(f"no process found serving port {port}: was its command line rewritten?")
    peaks = [int(statuses[pid][1]["VmHWM"].split()[0]) / 1024 for pid in serving]
    now = [int(statuses[pid][1]["VmRSS"].split()[0]) / 1024 for pid in serving]
    return max(peaks), max(now)


# A shared link's address, as a reader opens one (any dataset has these years or none of them).
LINK_QUERY = "?from=1990&to=2010"
EXTRA_DRAWS = 2  # first draws of our page, the bare one and the Dash one, per run, besides each run's own
DASH_FLOOR = (str(Path(__file__).with_name("dash_floor.py")),)  # run by running_server, as our server is


def open_drawn(browser, url: str):
    """A fresh page (nothing cached) on our page, and the time from navigation to the timeline
    drawn, in ms."""
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    watch_drawn(page, DRAWN_JS)
    page.goto(url)
    return page, drawn_at(page, 120_000)


def our_draw(browser, url: str) -> float:
    """Navigation to the timeline drawn on our page, in ms, in a fresh page."""
    page, drawn = open_drawn(browser, url)
    page.close()
    return drawn


def bare_draw(browser, url: str) -> float:
    """Navigation to the figure drawn on a bare page, in ms, in a fresh page."""
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    watch_drawn(page, BARE_DRAWN_JS)
    page.goto(url)
    drawn = drawn_at(page, 120_000)
    page.close()
    return drawn


def paired_ratio(ours: Sequence[float], base: Sequence[float], resamples: int = 4000) -> tuple[float, float, float]:
    """The median of the ratios ``ours[i] / base[i]``, each pair drawn back to back in one round
    (so that a slower moment of a shared machine falls on both), and the 95 % bootstrap interval
    of that median (rounds resampled with a fixed seed): how precisely this run's rounds fix it.
    A shared machine also drifts between runs, which no interval from one run includes."""
    ratios = [mine / floor for mine, floor in zip(ours, base, strict=True)]
    draw = random.Random(0).choices
    medians = sorted(statistics.median(draw(ratios, k=len(ratios))) for _ in range(resamples))
    return statistics.median(ratios), medians[round(0.025 * resamples)], medians[round(0.975 * resamples) - 1]


def browser_side(path: Path, runs: int) -> dict[str, str]:
    """Browser numbers (SVG, as on any machine: the page merges marks instead of using WebGL). The
    floor is a bare page drawing the same figure with the same plotly.js as ours (the cartesian
    bundle); a second one loads the full plotly.js that a default Plotly page loads, and a Dash page
    with the chart alone (dash_floor.py) shows what Dash itself costs."""
    from playwright.sync_api import sync_playwright

    chrome = os.environ.get("CHROME_PATH") or shutil.which("chromium") or shutil.which("google-chrome")
    server = ExitStack()
    url = server.enter_context(running_server("--data", str(path), timeout=180)) + "/"
    dash_url = server.enter_context(running_server("--data", str(path), timeout=180, program=DASH_FLOOR)) + "/"
    bare_dir = Path(tempfile.mkdtemp())
    dataset = load_dataset(path)
    (bare_dir / "figure.json").write_text(timeline_figure(dataset, dataset.events).to_json())
    from plotly.offline import get_plotlyjs

    (bare_dir / "plotly.min.js").write_bytes(page_bundle()[0])
    (bare_dir / "index.html").write_text(BARE_PAGE)
    (bare_dir / "full").mkdir()
    (bare_dir / "full" / "plotly.min.js").write_text(get_plotlyjs())
    (bare_dir / "full" / "index.html").write_text(BARE_PAGE.replace("fetch('figure.json')", "fetch('../figure.json')"))
    static = serve_folder(bare_dir)
    bare_url = f"http://127.0.0.1:{static.server_address[1]}/index.html"
    drawn, fetched, listed, redraw, rapid, heap, long_task, built = [], [], [], [], [], [], [], []
    linked = []
    floor, full_floor, dash_floor = [], [], []
    pairs: list[tuple[float, float]] = []  # ours and the bare page's, from the same round
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chrome, args=["--no-sandbox", "--disable-gpu"])
            for _ in range(runs):
                page, first_draw = open_drawn(browser, url)
                drawn.append(first_draw)
                fetched.append(page.evaluate(FETCHED_JS))
                # The page then puts in the event list: loaded, it waits for the reader.
                page.wait_for_function(LISTED_JS, timeout=120_000, polling=10)
                listed.append(page.evaluate("() => performance.now()"))
                page.evaluate("""() => { window.longest = 0; new PerformanceObserver(list => { for (const e of list.getEntries())
                    window.longest = Math.max(window.longest, e.duration); }).observe({type: 'longtask'}); }""")
                page.wait_for_timeout(2000)
                long_task.append(page.evaluate("() => window.longest"))
                heap.append(page.evaluate("() => performance.memory.usedJSHeapSize") / 1e6)
                built.append(page.evaluate(FIGURE_BUILD_JS))
                # A theme click to the chart redrawn and painted, on the page's clock: first as a
                # reader clicks, a second after the last click; then in a burst, each click as soon
                # as the last one is painted, while the page still updates the list for the last.
                for pause, times in ((1000, redraw), (0, rapid)):
                    for toggle in (0, 0, 1, 1):  # one theme off and on again, then another
                        page.wait_for_timeout(pause)
                        page.evaluate(CLICK_THEME_JS, toggle)
                        page.wait_for_function("() => window.painted > 0", timeout=60_000)
                        times.append(page.evaluate("() => window.painted - window.clickAt"))
                page.close()
                linked.append(our_draw(browser, url + LINK_QUERY))
                floor.append(bare_draw(browser, bare_url))
                full_floor.append(bare_draw(browser, bare_url.replace("/index.html", "/full/index.html")))
                dash_floor.append(our_draw(browser, dash_url))
            # The ratio of two noisy medians is noisier still: more first draws, ours, the bare
            # page's and the Dash page's back to back, steady it. The rounds take the six orders
            # of the three in turn, so that ours comes before the bare page in half of them.
            # Each round's two loads, ours and the bare page's, make a pair (paired_ratio).
            turns = (
                (drawn, lambda: our_draw(browser, url)),
                (floor, lambda: bare_draw(browser, bare_url)),
                (dash_floor, lambda: our_draw(browser, dash_url)),
            )
            orders = list(itertools.permutations(range(len(turns))))
            for round_ in range(EXTRA_DRAWS * runs):
                took = {}
                for turn in orders[round_ % len(orders)]:
                    times, draw = turns[turn]
                    took[turn] = draw()
                    times.append(took[turn])
                pairs.append((took[0], took[1]))
            browser.close()
        worker_memory = server_processes_memory(int(url.rstrip("/").rsplit(":", 1)[1]))
    finally:
        server.close()
        static.shutdown()
        shutil.rmtree(bare_dir, ignore_errors=True)
    ours, base, full = statistics.median(drawn), statistics.median(floor), statistics.median(full_floor)
    dash = statistics.median(dash_floor)
    paired, low, high = paired_ratio(*zip(*pairs, strict=True))
    return {
        "server process memory (peak / after the runs)": f"{worker_memory[0]:.0f} / {worker_memory[1]:.0f} MB",
        "first draw (ours)": f"{ours / 1000:.2f} s",
        f"first draw from a shared link (`{LINK_QUERY}`)": f"{statistics.median(linked) / 1000:.2f} s",
        "first draw (bare page, same plotly.js: cartesian bundle)": f"{base / 1000:.2f} s",
        "ratio to that bare page": f"{ours / base:.2f}×",
        "that ratio round by round: median (95 % interval)": f"{paired:.2f}× ({low:.2f}–{high:.2f}×)",
        "first draw (bare page, full plotly.js)": f"{full / 1000:.2f} s",
        "ratio to a bare page with the full plotly.js": f"{ours / full:.2f}×",
        "first draw (Dash page with the chart alone, served as ours)": f"{dash / 1000:.2f} s",
        "that Dash page's ratio to the bare page (what Dash itself costs)": f"{dash / base:.2f}×",
        "first view's figure built in the browser (timeline.js, after the first draw)": f"{statistics.median(built):.1f} ms",
        "bytes fetched for the first view (scripts included, as sent)": f"{statistics.median(fetched) / 1e6:.2f} MB",
        "event list shown": f"{statistics.median(listed) / 1000:.2f} s",
        "theme click to chart redrawn and painted (a second after the last click)": f"{statistics.median(redraw):.0f} ms",
        "theme click, in a burst (each as soon as the last is painted)": f"{statistics.median(rapid):.0f} ms",
        "JS heap after render": f"{statistics.median(heap):.0f} MB",
        "longest task while idle (the 2 s after the list is shown)": f"{statistics.median(long_task):.0f} ms",
    }


def table(columns: dict[str, dict[str, str]]) -> str:
    rows = list(next(iter(columns.values())))
    lines = ["| measurement | " + " | ".join(columns) + " |", "|---|" + "---|" * len(columns)]
    lines += [f"| {row} | " + " | ".join(column[row] for column in columns.values()) + " |" for row in rows]
    return "\n".join(lines)


def run(runs: int = 5, sizes: tuple[int, ...] = (1_000, 10_000, 100_000)) -> str:
    folder = Path(tempfile.mkdtemp())
    datasets = {"bundled (70)": (bundled_dataset_path(), BUNDLED_CHANGES)}
    for size in sizes:
        datasets[f"{size // 1000}k"] = (generate(size, folder / str(size)), FILTER_CHANGES)
    columns = {}
    for name, (path, changes) in datasets.items():
        columns[name] = server_side(path, changes, runs) | browser_side(path, runs) | libraries_side(path, runs)
        print(name, columns[name], file=sys.stderr)
    shutil.rmtree(folder, ignore_errors=True)
    return table(columns)
