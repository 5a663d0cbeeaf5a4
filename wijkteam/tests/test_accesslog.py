from django.db import connection, transaction
from django.db.utils import DatabaseError
from django.test import RequestFactory

import pytest

from wijkteam.accesslog import log_access
from wijkteam.constants import AccessAction, Role
from wijkteam.models import AccessLogEntry


@pytest.fixture
def request_of(member, team):
    user = member(Role.WIJKTEAMLID, team, username="lid")
    request = RequestFactory().get("/casussen/1/", REMOTE_ADDR="10.1.2.3")
    request.user = user
    request.session = {}
    return request


def test_one_row_per_person_with_who_what_where(request_of, team):
    rows = log_access(
        request_of, action=AccessAction.VIEW, person_ids=[7, 8, 7], purpose="casus"
    )
    assert [r.person_id for r in rows] == [7, 8]
    row = AccessLogEntry.objects.get(person_id=8)
    assert row.username == "lid"
    assert row.role == "wijkteamlid"
    assert row.team == team
    assert row.ip_address == "10.1.2.3"
    assert row.path == "/casussen/1/"
    assert row.result == "ok"


def test_rows_cannot_be_changed_or_deleted_by_the_application(request_of):
    (row,) = log_access(request_of, action=AccessAction.SEARCH, person_ids=[1])
    row.purpose = "anders"
    with pytest.raises(PermissionError):
        row.save()
    with pytest.raises(PermissionError):
        row.delete()
    with pytest.raises(PermissionError):
        AccessLogEntry.objects.filter(pk=row.pk).update(purpose="anders")
    with pytest.raises(PermissionError):
        AccessLogEntry.objects.filter(pk=row.pk).delete()
    assert AccessLogEntry.objects.get(pk=row.pk).purpose == ""


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE wijkteam_accesslogentry SET purpose = 'x'",
        "DELETE FROM wijkteam_accesslogentry",
    ],
)
def test_database_refuses_update_and_delete(request_of, sql):
    log_access(request_of, action=AccessAction.VIEW, person_ids=[1])
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql)
    assert AccessLogEntry.objects.count() == 1


def test_admin_is_read_only(client, db):
    from django.contrib.admin.sites import site

    model_admin = site._registry[AccessLogEntry]
    assert not model_admin.has_add_permission(None)
    assert not model_admin.has_change_permission(None)
    assert not model_admin.has_delete_permission(None)


def test_a_member_with_every_role_is_logged_with_all_of_them(member, team):
    """A teamleider who is also wijkteamlid (and more) made the role column overflow:
    every page with personal data answered 500 (found by tests/test_fuzz_forms.py)."""
    from wijkteam.tests.factories import MembershipFactory

    user = member(Role.TEAMLEIDER, team)
    for role in Role.values:
        if role != Role.TEAMLEIDER:
            MembershipFactory(user=user, team=team, role=role)
    request = RequestFactory().get("/casussen/1/")
    request.user = user
    request.session = {}
    (row,) = log_access(request, action=AccessAction.VIEW, person_ids=[1], team=team)
    row.refresh_from_db()
    assert row.role.split(",") == sorted(Role.values)
