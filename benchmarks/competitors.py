"""The same events drawn by vis-timeline, the timeline library a reader might pick instead.

vis-timeline (Apache-2.0 or MIT) is fetched once from the npm registry at a pinned version, its
tarball checked against the registry's SHA-512, and kept in ``benchmarks/.cache`` (ignored by
git): the tool never ships it. Its page loads the library's standalone build, fetches the events
as JSON (one group per theme, an item per event in its first theme's group: a point, or a range
for a period) and draws them with the library's default options. Timed like our page: navigation
to its first ``changed`` event (the timeline drawn), and a group hidden or shown to the first
frame painted after the redraw's ``changed`` event, a second after the last.

At 100,000 events one page load and its four filter changes take over a minute here, so that
size gets one run instead of ``runs``.
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import json
import os
import shutil
import statistics
import tarfile
import tempfile
import urllib.request
from pathlib import Path

from static_files import serve_folder

from dashboard import load_dataset

VIS_VERSION = "8.5.4"
VIS_TARBALL = f"https://registry.npmjs.org/vis-timeline/-/vis-timeline-{VIS_VERSION}.tgz"
VIS_INTEGRITY = "sha512-Xt7RNrRvOkQiSyk6vFTXSRwTunT0y9MzDgHY8N8H9nPuebJ6Vg+u3xnv0Swbxna/Pa2E3HjaBblEIQiK74E01Q=="
VIS_SCRIPT = "package/standalone/umd/vis-timeline-graph2d.min.js"  # styles included
CACHE = Path(__file__).resolve().parent / ".cache"
ONE_RUN_FROM = 100_000  # events from which vis-timeline gets a single run
VIS_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><script src="vis-timeline.min.js"></script></head>
<body><div id="chart"></div><script>
fetch('items.json').then(r => r.json()).then(data => {
  window.groups = new vis.DataSet(data.groups);
  window.timeline = new vis.Timeline(document.getElementById('chart'), new vis.DataSet(data.items), window.groups, {});
  window.timeline.once('changed', () => { window.drawn = performance.now(); });
});
</script></body></html>"""
# A group hidden (or shown again) to the first frame painted after vis-timeline has redrawn.
TOGGLE_GROUP_JS = """(number) => {
  window.painted = 0;
  const id = window.groups.getIds()[number], hidden = window.groups.get(id).visible === false;
  window.timeline.once('changed', () => requestAnimationFrame(() => setTimeout(() => { window.painted = performance.now(); })));
  window.clickAt = performance.now();
  window.groups.update({ id: id, visible: hidden });
}"""


def vis_timeline_script() -> Path:
    """The pinned vis-timeline standalone script, fetched and checked once, then from the cache."""
    script = CACHE / f"vis-timeline-{VIS_VERSION}.min.js"
    if not script.is_file():
        with urllib.request.urlopen(VIS_TARBALL, timeout=60) as response:
            tarball = response.read()
        algorithm, expected = VIS_INTEGRITY.split("-", 1)
        if base64.b64encode(hashlib.new(algorithm, tarball).digest()).decode() != expected:
            raise OSError(f"{VIS_TARBALL} does not match its registry checksum")
        with tarfile.open(fileobj=io.BytesIO(tarball)) as archive:
            member = archive.extractfile(VIS_SCRIPT)
            if member is None:
                raise OSError(f"{VIS_TARBALL} has no {VIS_SCRIPT}")
            CACHE.mkdir(exist_ok=True)
            script.write_bytes(member.read())
    return script


def vis_items(path: Path) -> dict[str, list[dict]]:
    """The dataset's events as vis-timeline items, one group per theme."""
    dataset = load_dataset(path)
    events = dataset.events
    items = []
    for number, event in enumerate(events.itertuples()):
        item = {"id": number, "group": event.themes[0], "content": html.escape(event.title)}
        item["start"] = event.start.date().isoformat()
        if event.end_date:
            item |= {"end": event.last.date().isoformat(), "type": "range"}
        else:
            item["type"] = "point"
        items.append(item)
    groups = [{"id": theme.id, "content": html.escape(theme.label)} for theme in dataset.themes]
    return {"items": items, "groups": groups}


def vis_timeline_side(path: Path, runs: int) -> dict[str, str]:
    """vis-timeline's first draw and group filter for the dataset at ``path``."""
    from playwright.sync_api import sync_playwright

    rows = (
        f"first draw (vis-timeline {VIS_VERSION}, same events, default options)",
        "group hidden or shown to redrawn and painted (vis-timeline, a second after the last)",
    )
    try:
        script = vis_timeline_script()
    except OSError as error:
        return dict.fromkeys(rows, f"not measured ({error})")
    folder = Path(tempfile.mkdtemp())
    items = vis_items(path)
    (folder / "items.json").write_text(json.dumps(items))
    shutil.copyfile(script, folder / "vis-timeline.min.js")
    (folder / "index.html").write_text(VIS_PAGE)
    static = serve_folder(folder)
    chrome = os.environ.get("CHROME_PATH") or shutil.which("chromium") or shutil.which("google-chrome")
    vis_runs = 1 if len(items["items"]) >= ONE_RUN_FROM else runs
    drawn, toggled = [], []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chrome, args=["--no-sandbox", "--disable-gpu"])
            for _ in range(vis_runs):
                page = browser.new_page(viewport={"width": 1440, "height": 900})
                page.goto(f"http://127.0.0.1:{static.server_address[1]}/index.html")
                page.wait_for_function("() => window.drawn !== undefined", timeout=600_000)
                drawn.append(page.evaluate("() => window.drawn"))
                for group in (0, 0, 1, 1):  # one group hidden and shown again, then another
                    page.wait_for_timeout(1000)
                    page.evaluate(TOGGLE_GROUP_JS, group)
                    page.wait_for_function("() => window.painted > 0", timeout=600_000)
                    toggled.append(page.evaluate("() => window.painted - window.clickAt"))
                page.close()
            browser.close()
    finally:
        static.shutdown()
        shutil.rmtree(folder, ignore_errors=True)
    note = f" ({vis_runs} run)" if vis_runs < runs else ""
    return {
        rows[0]: f"{statistics.median(drawn) / 1000:.2f} s{note}",
        rows[1]: f"{statistics.median(toggled):.0f} ms{note}",
    }
