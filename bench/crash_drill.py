"""Crash drill: PDF exports survive a worker killed with kill -9, each rendered once.

    DATABASE_URL=... REDIS_URL=... python bench/crash_drill.py [--jobs 100]

1. Starts a Celery worker (prefork, 2 processes) and Celery beat on a queue of its
   own, on the PostgreSQL and Redis of DATABASE_URL / REDIS_URL, and queues --jobs
   exports of a startdocument through the service.
2. When a third is done and at least one job is running, sends SIGKILL to the
   worker and all its children at once (no warm shutdown: the messages they held
   stay unacknowledged in Redis), then starts a new worker.
3. Waits until every job is done or failed, for at most 10 minutes after the
   restart (--wait), and prints: finished, failed, stuck (still queued or running),
   duplicated (rendered to the end more than once) and when the last job finished,
   counted from the restart.

"Rendered to the end" is recorded by the worker itself: started by this script
(`--worker`), it wraps the export service so that each call that claimed a job and
left it done appends the job id to a file. The jobs, their files and the drill's
messages in Redis are removed afterwards. Not a test: it takes minutes (the stale
point is the hard time limit + 60 s).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijkteam.settings")
os.environ.setdefault("DEBUG", "true")
# The queue is named by the drill (parent) and inherited by its worker and beat.
os.environ.setdefault("CELERY_QUEUE", f"wijkteam-drill-{os.getpid()}")
os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="crash-drill-"))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

from wijkteam import exports  # noqa: E402
from wijkteam.celery import app as celery_app  # noqa: E402
from wijkteam.constants import ExportStatus  # noqa: E402
from wijkteam.models import ExportJob  # noqa: E402

RENDER_LOG = "CRASH_DRILL_RENDER_LOG"
PENDING = [ExportStatus.QUEUED, ExportStatus.RUNNING]


# --- in the worker ---------------------------------------------------------------


def run_worker() -> None:
    """A worker whose export service records each render that ended in 'done'."""
    real_claim, real_render = exports._claim, exports.export_render
    log_path = os.environ[RENDER_LOG]
    claimed: list[int] = []

    def claim(job_id: int) -> bool:
        won = real_claim(job_id)
        if won:
            claimed.append(job_id)
        return won

    def render(*, job_id: int) -> str:
        claimed.clear()
        status = real_render(job_id=job_id)
        if claimed and status == ExportStatus.DONE:
            # One short write with O_APPEND: lines of two processes do not mix.
            fd = os.open(log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
            os.write(fd, f"{job_id}\n".encode())
            os.close(fd)
        return status

    exports._claim, exports.export_render = claim, render
    celery_app.worker_main(
        ["worker", "-Q", settings.CELERY_TASK_DEFAULT_QUEUE, "--concurrency", "2",
         "--loglevel", "INFO", "--without-heartbeat", "--without-gossip",
         "--without-mingle"]
    )  # fmt: skip


# --- the drill -------------------------------------------------------------------


def _tree(pid: int) -> list[int]:
    """The process and all its descendants, from /proc."""
    pids, todo = [], [pid]
    while todo:
        p = todo.pop()
        pids.append(p)
        children = Path(f"/proc/{p}/task/{p}/children")
        if children.exists():
            todo += [int(c) for c in children.read_text().split()]
    return pids


def _start(args: list[str], log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        args,
        cwd=ROOT,
        stdout=log.open("a"),
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: Ctrl-C of the drill
    )


def _start_worker(log: Path) -> subprocess.Popen:
    return _start([sys.executable, __file__, "--worker"], log)


def _counts(ids: list[int]) -> Counter:
    return Counter(
        ExportJob.objects.filter(pk__in=ids).values_list("status", flat=True)
    )


def _document():
    """A startdocument of a team of its own (factories: no demo data needed)."""
    from bouwstenen.tests.factories import DocumentFactory
    from wijkteam.tests.factories import UserFactory

    return DocumentFactory(title="Crashoefening"), UserFactory()


def _remove_drill_messages(queue: str) -> None:
    """The drill's queue and its unacknowledged messages (kombu's shared hash)."""
    import redis

    client = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    client.delete(queue)
    for tag, raw in client.hgetall("unacked").items():
        try:
            routing_key = json.loads(raw)[2]
        except (ValueError, IndexError):
            continue
        if routing_key == queue:
            client.hdel("unacked", tag)
            client.zrem("unacked_index", tag)


def drill(jobs: int, wait: int) -> None:
    queue = settings.CELERY_TASK_DEFAULT_QUEUE
    workdir = Path(tempfile.mkdtemp(prefix="crash-drill-run-"))
    render_log = workdir / "renders.txt"
    render_log.touch()
    os.environ[RENDER_LOG] = str(render_log)
    worker_log, beat_log = workdir / "worker.log", workdir / "beat.log"
    # Celery's default when the settings name none: an hour.
    options = getattr(settings, "CELERY_BROKER_TRANSPORT_OPTIONS", {})
    visibility = options.get("visibility_timeout", 3600)
    print(
        f"drill: {jobs} exports, queue {queue}, visibility timeout {visibility} s, "
        f"stale after {exports.STALE_AFTER.total_seconds():.0f} s; logs in {workdir}"
    )
    document, user = _document()
    beat = _start(
        [sys.executable, "-m", "celery", "-A", "wijkteam", "beat", "--loglevel",
         "INFO", "--schedule", str(workdir / "beat-schedule")],
        beat_log,
    )  # fmt: skip
    worker = _start_worker(worker_log)
    ids: list[int] = []
    try:
        from bouwstenen.exports import EXPORT_KIND

        start = time.monotonic()
        for _ in range(jobs):
            ids.append(
                exports.export_request(kind=EXPORT_KIND, obj=document, user=user).pk
            )
        # Kill when a third is done and something is being rendered.
        while True:
            counts = _counts(ids)
            if counts[ExportStatus.DONE] >= jobs // 3 and counts[ExportStatus.RUNNING]:
                break
            if time.monotonic() - start > 600:
                raise SystemExit("drill: the first third took over 10 minutes")
            time.sleep(0.05)
        victims = _tree(worker.pid)
        for pid in victims:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        worker.wait()
        killed_at = time.monotonic()
        counts = _counts(ids)
        print(
            f"kill -9 of the worker and its {len(victims) - 1} children after "
            f"{killed_at - start:.1f} s: {counts[ExportStatus.DONE]} done, "
            f"{counts[ExportStatus.RUNNING]} running, "
            f"{counts[ExportStatus.QUEUED]} queued"
        )
        time.sleep(2)
        worker = _start_worker(worker_log)
        restarted = time.time()
        restarted_mono = time.monotonic()
        while time.monotonic() - restarted_mono < wait:
            if not ExportJob.objects.filter(pk__in=ids, status__in=PENDING).exists():
                break
            time.sleep(1)
        counts = _counts(ids)
        renders = Counter(int(line) for line in render_log.read_text().split())
        duplicated = sum(1 for n in renders.values() if n > 1)
        last = max(
            ExportJob.objects.filter(pk__in=ids, status=ExportStatus.DONE).values_list(
                "finished_at", flat=True
            )
        )
        retaken = ExportJob.objects.filter(pk__in=ids, attempts__gt=1).count()
        print(
            f"after restart: {counts[ExportStatus.DONE]} finished, "
            f"{counts[ExportStatus.FAILED]} failed, "
            f"{counts[ExportStatus.QUEUED] + counts[ExportStatus.RUNNING]} stuck, "
            f"{duplicated} duplicated ({sum(renders.values())} renders to the end "
            f"for {len(renders)} jobs); {retaken} jobs claimed more than once"
        )
        print(
            f"last job finished {last.timestamp() - restarted:.0f} s after the "
            f"restart (limit {wait} s); drill took {time.monotonic() - start:.0f} s"
        )
    finally:
        for proc in (worker, beat):
            proc.terminate()  # warm shutdown: the worker hands back what it holds
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                for pid in _tree(proc.pid):
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, signal.SIGKILL)
        for job in ExportJob.objects.filter(pk__in=ids):
            if job.file:
                job.file.delete(save=False)
        ExportJob.objects.filter(pk__in=ids).delete()
        team = document.team
        document.delete()
        team.delete()
        user.delete()
        _remove_drill_messages(queue)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=100)
    parser.add_argument("--wait", type=int, default=600, help="seconds after restart")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        run_worker()
    else:
        drill(args.jobs, args.wait)


if __name__ == "__main__":
    main()
