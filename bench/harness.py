"""What every benchmark shares: timing a call or a page, and a rollback.

Times are in milliseconds: the median and the p95 of `runs` calls after one
warm-up. A page is timed through Django's test client (the full request:
middleware, access check, access log, template); its number of queries is read
from one more request, once warm, as timed.
"""

from __future__ import annotations

import statistics
import time

from django.db import connection
from django.test.utils import CaptureQueriesContext


class Rollback(Exception):
    """Raised at the end of a benchmark's transaction: nothing it made is kept."""


def timings(func, runs: int = 30) -> tuple[float, float]:
    """(median, p95) of `runs` calls of `func`, after one warm-up call."""
    func()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        func()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def page_timings(client, url: str, params=None, runs: int = 30):
    """(median, p95, queries) of GET `url`; every answer must be 200."""

    def get():
        response = client.get(url, params)
        assert response.status_code == 200, (url, response.status_code)

    median, p95 = timings(get, runs)
    with CaptureQueriesContext(connection) as queries:
        get()
    return median, p95, len(queries.captured_queries)
