"""Concurrent reassignments queue instead of deadlocking on the counter rows.

The open-casus counter trigger (cases 0008, 0014) updates two counter rows when a
casus changes regievoerder. It takes them in key order, and a bulk transfer locks
what it will touch up front in the same order. These tests hold a counter row from
a second connection and look, from a third, at what the waiting side holds.
"""

import threading
import time

from django.db import connection, transaction

import psycopg
import pytest

from cases.casework.constants import OPEN_CASE_STATUSES, CaseStatus
from cases.casework.services import _ensure_counters, _lock_for_transfer
from cases.models import Case, OpenCaseCount
from cases.tests.factories import CaseFactory
from wijkteam.constants import Role

pytestmark = pytest.mark.django_db(transaction=True)


def _connect():
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    return psycopg.connect(**params, autocommit=False)


def _locked(conn, sql: str, params) -> bool:
    """Whether another transaction holds the row lock (FOR UPDATE NOWAIT)."""
    try:
        conn.execute(sql + " FOR UPDATE NOWAIT", params)
    except psycopg.errors.LockNotAvailable:
        conn.rollback()
        return True
    conn.rollback()
    return False


def _counter_locked(conn, team, key, status) -> bool:
    return _locked(
        conn,
        "SELECT 1 FROM cases_opencasecount"
        " WHERE team_id = %s AND regievoerder_key = %s AND status = %s",
        [team.pk, key, status],
    )


def _wait_until_blocked(conn, timeout=10.0) -> None:
    """Until some backend of this database waits for a lock."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        waiting = conn.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE datname = current_database() AND wait_event_type = 'Lock'"
        ).fetchone()[0]
        conn.rollback()
        if waiting:
            return
        time.sleep(0.05)
    raise AssertionError("no transaction started waiting")


def test_a_casus_moving_down_takes_the_lower_counter_row_first(team, member):
    low, high = sorted(
        [member(Role.WIJKTEAMLID, team), member(Role.WIJKTEAMLID, team)],
        key=lambda u: u.pk,
    )
    status = CaseStatus.IN_BEHANDELING
    CaseFactory(team=team, regievoerder=low, status=status)
    moving = CaseFactory(team=team, regievoerder=high, status=status)
    holder, observer = _connect(), _connect()
    try:
        holder.execute(
            "SELECT 1 FROM cases_opencasecount WHERE team_id = %s"
            " AND regievoerder_key = %s AND status = %s FOR UPDATE",
            [team.pk, high.pk, status],
        )

        def move():
            try:
                Case.objects.filter(pk=moving.pk).update(regievoerder=low)
            finally:
                connection.close()

        mover = threading.Thread(target=move)
        mover.start()
        _wait_until_blocked(observer)
        # The mover waits for the higher row and already holds the lower one: a
        # casus moving the other way queues behind it instead of deadlocking.
        assert _counter_locked(observer, team, low.pk, status)
        holder.rollback()
        mover.join(timeout=10)
        assert not mover.is_alive()
    finally:
        holder.close()
        observer.close()
    counts = dict(
        OpenCaseCount.objects.filter(team=team, status=status).values_list(
            "regievoerder_key", "count"
        )
    )
    assert counts == {low.pk: 2, high.pk: 0}


def test_a_bulk_transfer_locks_what_it_changes_before_changing_it(team, member):
    leaving, *others = [member(Role.WIJKTEAMLID, team) for _ in range(3)]
    caseload = [
        CaseFactory(team=team, regievoerder=leaving, status=CaseStatus.IN_BEHANDELING)
        for _ in range(3)
    ]
    closed = CaseFactory(team=team, regievoerder=leaving, status=CaseStatus.AFGESLOTEN)
    keys = [leaving.pk, *(o.pk for o in others)]
    _ensure_counters(team, keys)
    # Every counter row exists (count 0 where new), so the transfer never
    # inserts one while holding others.
    assert OpenCaseCount.objects.filter(
        team=team, regievoerder_key__in=keys
    ).count() == (len(keys) * len(OPEN_CASE_STATUSES))
    locked, release = threading.Event(), threading.Event()

    def transfer():
        try:
            with transaction.atomic():
                _lock_for_transfer(team, leaving, keys)
                locked.set()
                release.wait(timeout=10)
        finally:
            connection.close()

    worker = threading.Thread(target=transfer)
    worker.start()
    observer = _connect()
    try:
        assert locked.wait(timeout=10)
        for case in caseload:
            assert _locked(
                observer, "SELECT 1 FROM cases_case WHERE id = %s", [case.pk]
            )
        assert not _locked(
            observer, "SELECT 1 FROM cases_case WHERE id = %s", [closed.pk]
        )
        for key in keys:
            for status in OPEN_CASE_STATUSES:
                assert _counter_locked(observer, team, key, status)
    finally:
        release.set()
        worker.join(timeout=10)
        observer.close()
