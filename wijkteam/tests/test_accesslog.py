from django.db import connection, transaction
from django.db.utils import DatabaseError
from django.test import RequestFactory

import pytest

from cases.models import HouseholdMember
from cases.tests.factories import HouseholdMemberFactory
from wijkteam.accesslog import log_access, log_access_of_query
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


def test_a_query_of_persons_writes_the_same_rows_in_one_statement(
    request_of, team, django_assert_num_queries
):
    """The werkbak's path: INSERT … SELECT, one row per distinct person, with the
    same columns log_access writes."""
    (reference,) = log_access(
        request_of, action=AccessAction.VIEW, person_ids=[1], purpose="werkbak"
    )
    members = HouseholdMemberFactory.create_batch(3, household__team=team)
    HouseholdMemberFactory(  # a second member of one household
        household=members[0].household, relation="partner", is_main_contact=False
    )
    query = HouseholdMember.objects.filter(
        household__in=[m.household for m in members] + [members[0].household]
    ).values_list("person_id", flat=True)
    with django_assert_num_queries(1):
        written = log_access_of_query(
            request_of, action=AccessAction.VIEW, person_ids=query, purpose="werkbak"
        )
    assert written == 4
    rows = AccessLogEntry.objects.exclude(pk=reference.pk)
    assert sorted(r.person_id for r in rows) == sorted(query)
    columns = ["user_id", "username", "role", "team_id", "action", "purpose",
               "path", "ip_address", "result", "object_type", "object_id"]  # fmt: skip
    for row in rows:
        assert [getattr(row, c) for c in columns] == [
            getattr(reference, c) for c in columns
        ]
        assert row.at >= reference.at


@pytest.mark.parametrize(
    "nobody",
    [
        HouseholdMember.objects.filter(pk=-1),  # selects no row
        HouseholdMember.objects.filter(household_id__in=[]),  # is never run
    ],
)
def test_a_query_of_nobody_still_writes_one_row(request_of, nobody):
    person_ids = nobody.values_list("person_id", flat=True)
    assert log_access_of_query(
        request_of, action=AccessAction.VIEW, person_ids=person_ids
    )
    (row,) = AccessLogEntry.objects.all()
    assert row.person_id is None
    assert row.action == AccessAction.VIEW
    assert row.username == "lid"


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


@pytest.mark.parametrize(
    "sql",
    [
        "TRUNCATE wijkteam_accesslogentry",
        "TRUNCATE wijkteam_accesslogentry RESTART IDENTITY CASCADE",
    ],
)
def test_database_refuses_truncate(request_of, sql):
    """TRUNCATE fires no row trigger; a statement trigger refuses it."""
    log_access(request_of, action=AccessAction.VIEW, person_ids=[1])
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        # The test's own transaction holds the row's deferred foreign-key checks,
        # which TRUNCATE would otherwise refuse first.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(sql)
    assert AccessLogEntry.objects.count() == 1


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
