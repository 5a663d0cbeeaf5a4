"""PDF export benchmark: the demo plan van aanpak with the startdocument as bijlage.

    DATABASE_URL=... REDIS_URL=... python bench/pdf_render.py [--runs 7] [--queue 100]

1. Render time (median of --runs, after one warm-up) and pages, in this process,
   through the same code the worker runs (build_context + render_pdf); memory as the
   process's peak RSS and the Python heap peak during one render.
2. With --queue N: start a Celery worker with 2 processes on its own queue, queue N
   exports through the service, wait until all are done, report the wall time and
   the worker processes' peak RSS; the jobs and files are removed afterwards.
Demo data is loaded (idempotent) so the documents exist.
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijkteam.settings")
os.environ.setdefault("DEBUG", "true")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.files.storage import default_storage  # noqa: E402
from django.core.management import call_command  # noqa: E402

import pypdf  # noqa: E402

from bouwstenen.exports import EXPORT_KIND, build_context  # noqa: E402
from bouwstenen.models import Document  # noqa: E402
from wijkteam.celery import app as celery_app  # noqa: E402
from wijkteam.constants import ExportStatus  # noqa: E402
from wijkteam.exports import export_request  # noqa: E402
from wijkteam.models import ExportJob, User  # noqa: E402
from wijkteam.pdf import render_pdf  # noqa: E402


def demo_plan() -> Document:
    call_command("demo_data", force=True, verbosity=0)
    return Document.objects.get(
        kind="plan_van_aanpak", team__name="Wijkteam Feijenoord"
    )


def render_once(plan: Document) -> bytes:
    version = plan.versions.order_by("-number").first().number
    return render_pdf(EXPORT_KIND.template, build_context(plan.pk, version))


def bench_render(plan: Document, runs: int) -> None:
    data = render_once(plan)  # warm-up: fonts, templates, CSS
    pages = len(pypdf.PdfReader(io.BytesIO(data)).pages)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        render_once(plan)
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    render_once(plan)
    _, heap_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"pdf: {pages} pages, {len(data) / 1024:.0f} KiB")
    print(
        f"render: median {statistics.median(times):.3f} s, "
        f"min {min(times):.3f} s, max {max(times):.3f} s over {runs} runs"
    )
    print(
        f"memory: peak RSS {rss_mib:.0f} MiB, "
        f"Python heap peak {heap_peak / 2**20:.0f} MiB"
    )


def _tree_hwm_kib(pid: int) -> int:
    """Sum of VmHWM (peak RSS) of a process and its children, from /proc."""
    total = 0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total += int(line.split()[1])
        except FileNotFoundError:
            continue
    return total


def bench_queue(plan: Document, count: int) -> None:
    queue = f"wijkteam-bench-{os.getpid()}"
    settings.CELERY_TASK_DEFAULT_QUEUE = queue
    celery_app.conf.task_default_queue = queue
    env = {**os.environ, "CELERY_QUEUE": queue}
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "wijkteam", "worker", "-Q", queue,
         "--concurrency", "2", "--loglevel", "WARNING", "--without-heartbeat",
         "--without-gossip", "--without-mingle"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    user = User.objects.get(username="kwartiermaker")
    jobs = []
    try:
        start = time.perf_counter()
        for _ in range(count):
            jobs.append(export_request(kind=EXPORT_KIND, obj=plan, user=user).pk)
        hwm = 0
        deadline = time.monotonic() + 60 * 30
        while time.monotonic() < deadline:
            hwm = max(hwm, _tree_hwm_kib(worker.pid))
            pending = ExportJob.objects.filter(
                pk__in=jobs, status__in=[ExportStatus.QUEUED, ExportStatus.RUNNING]
            ).count()
            if not pending:
                break
            time.sleep(0.5)
        wall = time.perf_counter() - start
        states = ExportJob.objects.filter(pk__in=jobs)
        done = states.filter(status=ExportStatus.DONE).count()
        failed = states.filter(status=ExportStatus.FAILED).count()
        print(
            f"queue: {count} exports, 2 worker processes: "
            f"{done} done, {failed} failed, "
            f"{wall:.1f} s wall ({wall / count:.2f} s per export)"
        )
        print(f"worker: peak RSS of main + 2 children together {hwm / 1024:.0f} MiB")
    finally:
        worker.terminate()
        worker.wait(timeout=60)
        for job in ExportJob.objects.filter(pk__in=jobs):
            if job.file:
                default_storage.delete(job.file.name)
        ExportJob.objects.filter(pk__in=jobs).delete()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--queue", type=int, default=0)
    args = parser.parse_args()
    plan = demo_plan()
    bench_render(plan, args.runs)
    if args.queue:
        bench_queue(plan, args.queue)


if __name__ == "__main__":
    main()
