"""A BSN lookup through the local BRP, our overhead included: client alone, and
brp_lookup (11-proef, client, parsing, the access-log row).

    python bench/brp_lookup.py [--lookups 500]   (DATABASE_URL set)

The local BRP runs as its own process (as in `make run`) on a free port; the BSNs
are drawn from the test data, one in ten unknown to the BRP. The service's access
log rows are written in a transaction that is rolled back. Goal: p95 <= 300 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijkteam.settings")
os.environ.setdefault("DEBUG", "true")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402
from django.test import RequestFactory  # noqa: E402

import httpx  # noqa: E402

from bench.harness import Rollback  # noqa: E402
from brp import localdata  # noqa: E402
from brp.client import BrpClient, raadpleeg_met_bsn  # noqa: E402
from brp.services import Outcome, brp_lookup  # noqa: E402
from cases.persons.validators import is_valid_bsn  # noqa: E402
from wijkteam.constants import Role  # noqa: E402
from wijkteam.models import Membership, Team, User  # noqa: E402


def percentiles(times: list[float]) -> str:
    times = sorted(times)
    p50 = times[len(times) // 2]
    p95 = times[int(0.95 * (len(times) - 1))]
    return f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms"


def start_local_brp() -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    child = subprocess.Popen(
        [sys.executable, "-m", "brp.localservice", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/haalcentraal/api/brp"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return child, base
        except httpx.TransportError:
            time.sleep(0.1)
    child.kill()
    raise SystemExit("bench: de lokale BRP start niet")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lookups", type=int, default=500)
    args = parser.parse_args()
    rng = random.Random(7)
    known = [
        r["burgerservicenummer"]
        for r in localdata.records()
        if is_valid_bsn(r["burgerservicenummer"])
    ]
    bsns = [
        "111222333" if i % 10 == 9 else rng.choice(known) for i in range(args.lookups)
    ]
    child, base = start_local_brp()
    try:
        client = BrpClient(base_url=base)
        for bsn in bsns[:20]:  # warm-up
            raadpleeg_met_bsn([bsn], user="bench", client=client)
        times = []
        for bsn in bsns:
            started = time.perf_counter()
            raadpleeg_met_bsn([bsn], user="bench", client=client)
            times.append((time.perf_counter() - started) * 1000)
        print(f"client, {len(bsns)} BSN lookups (FIELDS_DESK): {percentiles(times)}")

        from django.conf import settings

        settings.BRP_URL = base
        try:
            with transaction.atomic():
                team = Team.objects.create(name="Benchmark BRP", gemeente="Bench")
                user = User.objects.create(username="bench-brp")
                Membership.objects.create(user=user, team=team, role=Role.BALIE)
                request = RequestFactory().post("/intake/brp/")
                request.user, request.session = user, {}
                times, outcomes = [], {}
                for bsn in bsns:
                    started = time.perf_counter()
                    lookup = brp_lookup(request=request, bsn=bsn)
                    times.append((time.perf_counter() - started) * 1000)
                    outcomes[lookup.outcome] = outcomes.get(lookup.outcome, 0) + 1
                assert set(outcomes) <= {Outcome.FOUND, Outcome.NOT_FOUND}, outcomes
                print(
                    f"brp_lookup incl. access-log row, {len(bsns)} lookups "
                    f"({outcomes}): {percentiles(times)}"
                )
                raise Rollback
        except Rollback:
            pass
    finally:
        child.terminate()
        child.wait(timeout=10)


if __name__ == "__main__":
    main()
