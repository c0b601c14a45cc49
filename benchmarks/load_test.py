"""A bounded load test of the production server on 127.0.0.1 only.

Starts `alliance-timeline serve --workers N` on a free local port, then C clients replay real
filter changes (the page's own callback requests to the server: the list's rows, the details
and notes, and a search's matches; the chart itself is filtered and drawn in the browser) for S
seconds, each with its own keep-alive connection. Reports requests per second, p50/p99 latency and errors.
It never sends traffic anywhere but the loopback address, and it stops by itself.
"""

from __future__ import annotations

import http.client
import random
import statistics
import threading
import time
from dataclasses import asdict

from callback_requests import callback_body

from dashboard import ids, load_dataset
from dashboard.app import create_app
from dashboard.background import HOST, running_server
from dashboard.filters import FilterState
from dashboard.urlstate import ViewState

WORDS = ["treaty", "okinawa", "missile", "law", "budget", "korea", "china", "quad", "guidelines", "summit"]


def request_bodies(count: int, seed: int = 7) -> list[bytes]:
    """Real callback requests for a spread of filter states, built from the app's own callback map."""
    dataset = load_dataset()
    app = create_app(dataset)
    theme_ids = [theme.id for theme in dataset.themes]
    first, last = dataset.year_bounds
    rng = random.Random(seed)
    bodies = []
    for position in range(count):
        start = rng.choice([None, rng.randint(first, last - 5)])
        filters = FilterState(
            themes=tuple(rng.sample(theme_ids, rng.randint(1, len(theme_ids)))) if rng.random() < 0.6 else None,
            start=start,
            end=rng.choice([None, rng.randint(start or first, last)]),
            query=rng.choice(["", rng.choice(WORDS)]) if position % 2 == 0 else rng.choice(WORDS),
            judgement=rng.choice([None, None, *(j.id for j in dataset.judgements)]),
        )
        state = asdict(ViewState(filters))
        # What the page asks of the server on a filter change: the list's rows, the details and
        # notes, or a search's matches.
        output = (f"{ids.LIST_TABLE}.rowData", f"{ids.LIST}.children", f"{ids.MATCHES}.data")[position % 3]
        bodies.append(callback_body(app, output, {f"{ids.STATE}.data": state}))
    return bodies


def run(seconds: float = 30, clients: int = 50, workers: int = 2) -> dict[str, float]:
    with running_server("--workers", str(workers)) as url:
        port = int(url.rsplit(":", 1)[1])
        bodies = request_bodies(200)
        latencies: list[float] = []
        errors = [0]
        lock = threading.Lock()
        deadline = time.monotonic() + seconds

        def client(number: int) -> None:
            rng = random.Random(number)
            connection = http.client.HTTPConnection(HOST, port, timeout=30)
            mine: list[float] = []
            failed = 0
            while time.monotonic() < deadline:
                body = rng.choice(bodies)
                started = time.perf_counter()
                try:
                    headers = {"Content-Type": "application/json", "Accept-Encoding": "gzip"}  # as browsers send
                    connection.request("POST", "/_dash-update-component", body, headers)
                    response = connection.getresponse()
                    response.read()
                    if response.status not in (200, 204):
                        failed += 1
                except (OSError, http.client.HTTPException):
                    failed += 1
                    connection.close()
                    connection = http.client.HTTPConnection(HOST, port, timeout=30)
                mine.append(time.perf_counter() - started)
            connection.close()
            with lock:
                latencies.extend(mine)
                errors[0] += failed

        started = time.monotonic()
        threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
    ordered = sorted(latencies)
    return {
        "requests": len(ordered),
        "seconds": elapsed,
        "rps": len(ordered) / elapsed,
        "p50_ms": statistics.median(ordered) * 1000,
        "p99_ms": ordered[int(len(ordered) * 0.99) - 1] * 1000,
        "errors": errors[0],
    }


if __name__ == "__main__":
    print(run())
