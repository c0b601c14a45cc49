"""The same events drawn by the timeline libraries a reader might pick instead of ours.

vis-timeline (Apache-2.0 or MIT) and TimelineJS (MPL-2.0) are fetched once from the npm registry
at pinned versions, each tarball checked against the registry's SHA-512, and kept in
``benchmarks/.cache`` (ignored by git): the tool never ships them. Each library's page loads its
own build, fetches the events as JSON in the library's format and draws them with its default
options. Timed like our page (drawn_time.py): navigation to the library's events in the page,
in their places (vis-timeline puts its items in piled at the start of a window around today and
moves them into place up to a second later; TimelineJS puts its markers in placed, and then
animates its time axis for about a second more), and for vis-timeline, which filters by group, a
group hidden or shown to the first frame painted after its redraw, a second after the last.
TimelineJS has no filter.

The slow cases get one run instead of ``runs`` (vis-timeline at 100,000 events takes over a
minute per page, TimelineJS about 17 s from 10,000), and a page not drawn within DRAW_LIMIT_S
is reported as such.
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import json
import os
import queue
import shutil
import signal
import statistics
import subprocess
import sys
import tarfile
import tempfile
import threading
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from drawn_time import drawn_at, watch_drawn
from static_files import serve_folder

from dashboard import load_dataset
from dashboard.model import Dataset

CACHE = Path(__file__).resolve().parent / ".cache"
DRAW_LIMIT_S = 120  # the longest a page may take to draw
TOGGLE_LIMIT_S = 120  # and then each group toggle


@dataclass(frozen=True)
class Library:
    """A timeline library from the npm registry, and how a page of it draws a dataset."""

    name: str
    package: str  # its npm name
    version: str
    integrity: str  # the registry's dist.integrity of that version's tarball
    files: tuple[str, ...]  # what its page needs from the tarball: files or folders, under package/
    page: str  # its index.html, which fetches data.json
    data: Callable[[Dataset], dict]  # the events in the library's own format
    drawn_js: str  # true once the page has drawn: its events are in the page, in place
    one_run_from: int  # events from which it gets a single run
    toggle_js: str | None = None  # hides or shows a group (its number), where the library can
    drawn_attributes: tuple[str, ...] = ()  # attributes whose changes drawn_js follows (drawn_time)

    @property
    def tarball(self) -> str:
        return f"https://registry.npmjs.org/{self.package}/-/{self.package.split('/')[-1]}-{self.version}.tgz"

    def label(self) -> str:
        return f"{self.name} {self.version}"


def vis_items(dataset: Dataset) -> dict[str, list[dict]]:
    """The events as vis-timeline items, one group per theme: an item per event in its first
    theme's group, a point, or a range for a period."""
    items = []
    for number, event in enumerate(dataset.events.itertuples()):
        item = {"id": number, "group": event.themes[0], "content": html.escape(event.title)}
        item["start"] = event.start.date().isoformat()
        if event.end_date:
            item |= {"end": event.last.date().isoformat(), "type": "range"}
        else:
            item["type"] = "point"
        items.append(item)
    groups = [{"id": theme.id, "content": html.escape(theme.label)} for theme in dataset.themes]
    return {"items": items, "groups": groups}


def timelinejs_events(dataset: Dataset) -> dict[str, list[dict]]:
    """The events as a TimelineJS document: a slide per event, grouped by its first theme."""

    def day(moment) -> dict[str, int]:
        return {"year": moment.year, "month": moment.month, "day": moment.day}

    events = []
    for event in dataset.events.itertuples():
        slide = {"start_date": day(event.start), "group": event.themes[0]}
        slide["text"] = {"headline": html.escape(event.title), "text": html.escape(event.description)}
        if event.end_date:
            slide["end_date"] = day(event.last)
        events.append(slide)
    return {"events": events}


VIS_TIMELINE = Library(
    name="vis-timeline",
    package="vis-timeline",
    version="8.5.4",
    integrity="sha512-Xt7RNrRvOkQiSyk6vFTXSRwTunT0y9MzDgHY8N8H9nPuebJ6Vg+u3xnv0Swbxna/Pa2E3HjaBblEIQiK74E01Q==",
    files=("standalone/umd/vis-timeline-graph2d.min.js",),  # its styles included
    page="""<!DOCTYPE html><html><head><meta charset="utf-8"><script src="vis-timeline-graph2d.min.js"></script></head>
<body><div id="chart"></div><script>
fetch('data.json').then(r => r.json()).then(data => {
  window.groups = new vis.DataSet(data.groups);
  window.timeline = new vis.Timeline(document.getElementById('chart'), new vis.DataSet(data.items), window.groups, {});
});
</script></body></html>""",
    data=vis_items,
    # vis-timeline puts its items in at once, piled at the start of a window around today, and
    # moves each into place (a transform) in a later redraw, up to a second on.
    drawn_js="() => { const items = document.querySelectorAll('#chart .vis-item');"
    " return items.length > 0 && [...items].every(item => !!item.style.transform); }",
    drawn_attributes=("style",),
    one_run_from=100_000,
    toggle_js="""(number) => {
  window.painted = 0;
  const id = window.groups.getIds()[number], hidden = window.groups.get(id).visible === false;
  window.timeline.once('changed', () => requestAnimationFrame(() => setTimeout(() => { window.painted = performance.now(); })));
  window.clickAt = performance.now();
  window.groups.update({ id: id, visible: hidden });
}""",
)
TIMELINEJS = Library(
    name="TimelineJS",
    package="@knight-lab/timelinejs",
    version="3.9.11",
    integrity="sha512-+jUuY1OJ+9zSO5O3AfYSLd1yB0vQkm22zyIElz8BWT5DQ9mL0rsxlQkBKAqLbWpJjFuAAJeqzLY35xFIg6GW4g==",
    files=("dist/js/timeline.js", "dist/css/timeline.css", "dist/css/fonts", "dist/css/icons"),
    page="""<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="stylesheet" href="timeline.css">
<script src="timeline.js"></script></head>
<body><div id="timeline" style="width:100%;height:600px"></div><script>
fetch('data.json').then(r => r.json()).then(data => {
  window.timeline = new TL.Timeline('timeline', data, {});
});
</script></body></html>""",
    data=timelinejs_events,
    drawn_js="() => !!document.querySelector('#timeline .tl-timemarker')",
    one_run_from=10_000,
)
LIBRARIES = (VIS_TIMELINE, TIMELINEJS)


def library_files(library: Library) -> Path:
    """A folder with the library's files its page needs, fetched and checked once, then cached.
    Files keep their paths below the tarball's folders (dist/css/fonts/… becomes fonts/…)."""
    folder = CACHE / f"{library.package.split('/')[-1]}-{library.version}"
    if folder.is_dir():
        return folder
    with urllib.request.urlopen(library.tarball, timeout=60) as response:
        tarball = response.read()
    algorithm, expected = library.integrity.split("-", 1)
    if base64.b64encode(hashlib.new(algorithm, tarball).digest()).decode() != expected:
        raise OSError(f"{library.tarball} does not match its registry checksum")
    CACHE.mkdir(exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=CACHE))
    try:
        found = set()
        with tarfile.open(fileobj=io.BytesIO(tarball)) as archive:
            for member in archive.getmembers():
                name = member.name.removeprefix("package/")
                for wanted in library.files:
                    if member.isfile() and (name == wanted or name.startswith(wanted + "/")):
                        base = wanted.rsplit("/", 1)[0] if "/" in wanted else ""
                        target = staging / name.removeprefix(base).lstrip("/")
                        target.parent.mkdir(parents=True, exist_ok=True)
                        target.write_bytes(archive.extractfile(member).read())
                        found.add(wanted)
        if missing := set(library.files) - found:
            raise OSError(f"{library.tarball} has no {', '.join(sorted(missing))}")
        staging.rename(folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return folder


def library_side(library: Library, path: Path, runs: int) -> dict[str, str]:
    """The library's first draw of the dataset at ``path``, and its group filter where it has one."""
    rows = [f"first draw ({library.label()}, same events, default options)"]
    if library.toggle_js:
        rows.append(f"group hidden or shown to redrawn and painted ({library.name}, a second after the last)")
    try:
        files = library_files(library)
    except OSError as error:
        return dict.fromkeys(rows, f"not measured ({error})")
    dataset = load_dataset(path)
    folder = Path(tempfile.mkdtemp())
    shutil.copytree(files, folder, dirs_exist_ok=True)
    (folder / "data.json").write_text(json.dumps(library.data(dataset)))
    (folder / "index.html").write_text(library.page)
    static = serve_folder(folder)
    library_runs = 1 if len(dataset.events) >= library.one_run_from else runs
    drawn, toggled, failure = [], [], ""
    try:
        for _ in range(library_runs):
            page_drawn, page_toggled, failure = _timed_page(library, f"http://127.0.0.1:{static.server_address[1]}/")
            if failure:
                break
            drawn.append(page_drawn)
            toggled += page_toggled
    finally:
        static.shutdown()
        shutil.rmtree(folder, ignore_errors=True)
    if failure:
        return dict.fromkeys(rows, failure)
    note = f" ({library_runs} run)" if library_runs < runs else ""
    cells = [f"{statistics.median(drawn) / 1000:.2f} s{note}"]
    if library.toggle_js:
        cells.append(f"{statistics.median(toggled):.0f} ms{note}")
    return dict(zip(rows, cells, strict=True))


def _timed_page(library: Library, url: str) -> tuple[float, list[float], str]:
    """One page of the library, in a child process (``_page``) this one can stop: a page busy
    drawing keeps its main thread, and so Playwright's own timeouts, from running. Returns the
    draw's time, the group toggles' times, and what went wrong (empty when nothing did)."""
    drawn, toggled, failure = 0.0, [], ""
    with tempfile.TemporaryFile(mode="w+") as errors:  # not a pipe, which could fill up and stall it
        child = subprocess.Popen(
            [sys.executable, __file__, library.name, url],
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            start_new_session=True,  # its Playwright driver too; Chromium ends with its pipe
        )
        lines: queue.Queue[str | None] = queue.Queue()  # the child's lines, then None when it ends

        def forward() -> None:
            for line in child.stdout:
                lines.put(line)
            lines.put(None)

        threading.Thread(target=forward, daemon=True).start()
        try:
            limit = DRAW_LIMIT_S
            while (line := lines.get(timeout=limit)) is not None:
                kind, value = line.split()
                if kind == "drawn":
                    drawn, limit = float(value), TOGGLE_LIMIT_S
                else:
                    toggled.append(float(value))
        except queue.Empty:
            failure = f"not drawn within {DRAW_LIMIT_S} s" if not drawn else f"a group not toggled within {limit} s"
        finally:
            if child.poll() is None:
                os.killpg(child.pid, signal.SIGKILL)
            child.wait()
        if not failure and child.returncode != 0:
            errors.seek(0)
            failure = "failed: " + (errors.read().strip().splitlines() or ["no message"])[-1]
    return drawn, toggled, failure


def _page(library: Library, url: str) -> None:
    """Open the library's page, print when it has drawn and each group toggle's time."""
    from playwright.sync_api import sync_playwright

    chrome = os.environ.get("CHROME_PATH") or shutil.which("chromium") or shutil.which("google-chrome")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chrome, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        watch_drawn(page, library.drawn_js, library.drawn_attributes)
        page.goto(url + "index.html")
        print("drawn", drawn_at(page, 0), flush=True)
        for group in (0, 0, 1, 1) if library.toggle_js else ():  # hidden and shown, then another
            page.wait_for_timeout(1000)
            page.evaluate(library.toggle_js, group)
            page.wait_for_function("() => window.painted > 0", timeout=0)
            print("toggled", page.evaluate("() => window.painted - window.clickAt"), flush=True)
        browser.close()


def libraries_side(path: Path, runs: int) -> dict[str, str]:
    """Every library's rows for the dataset at ``path``."""
    rows: dict[str, str] = {}
    for library in LIBRARIES:
        rows |= library_side(library, path, runs)
    return rows


if __name__ == "__main__":  # _timed_page's child: competitors.py LIBRARY URL
    _page(next(library for library in LIBRARIES if library.name == sys.argv[1]), sys.argv[2])
