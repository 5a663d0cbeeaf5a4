"""/beheer/toegangslog/: the access log for beheerders, its CSV export and the
report of unusual access. Reading the log is logged too."""

import csv
import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils import timezone

import pytest

from cases.models import CaseAssignment
from cases.tests.factories import CaseFactory, HouseholdMemberFactory
from wijkteam import beheer_views
from wijkteam.accesslog_review import unusual_access
from wijkteam.beheer_views import PAGE_SIZE
from wijkteam.constants import AccessAction, Role
from wijkteam.models import AccessLogEntry
from wijkteam.tests.factories import UserFactory
from wijkteam.tests.factories_security import AccessLogEntryFactory
from wijkteam.tests.test_tabular import HOSTILE

AMS = ZoneInfo("Europe/Amsterdam")
LIST = "accesslog_list"


@pytest.fixture
def beheerder(member, team):
    return member(Role.BEHEERDER, team, username="fatma")


@pytest.fixture
def lid(member, team):
    return member(Role.WIJKTEAMLID, team, username="youssef")


def rows_shown(response) -> list[int]:
    return [e.pk for e in response.context["entries"]]


def test_anonymous_goes_to_login(client, db):
    response = client.get(reverse(LIST))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    "role", [Role.BALIE, Role.WIJKTEAMLID, Role.TEAMLEIDER, Role.KWARTIERMAKER]
)
@pytest.mark.parametrize("name", [LIST, "accesslog_csv", "accesslog_unusual"])
def test_other_roles_get_403(login, member, team, role, name):
    assert login(member(role, team)).get(reverse(name)).status_code == 403


def test_user_without_team_gets_404(login, db):
    assert login(UserFactory()).get(reverse(LIST)).status_code == 404


@pytest.mark.parametrize("name", [LIST, "accesslog_csv", "accesslog_unusual"])
def test_post_is_405(login, beheerder, name):
    assert login(beheerder).post(reverse(name)).status_code == 405


def test_shows_own_team_only(login, beheerder, lid, team, other_team, member):
    own = AccessLogEntryFactory(user=lid, team=team, person_id=11)
    own_failed = AccessLogEntryFactory(failed_login=True, username="youssef")
    stranger = member(Role.WIJKTEAMLID, other_team, username="kees")
    AccessLogEntryFactory(user=stranger, team=other_team, person_id=99)
    AccessLogEntryFactory(failed_login=True, username="kees")
    response = login(beheerder).get(reverse(LIST))
    assert response.status_code == 200
    assert set(rows_shown(response)) == {own.pk, own_failed.pk}
    assert "Toegangslog" in response.content.decode()


def test_filters_by_person_user_period_and_action(login, beheerder, lid, team):
    day = datetime(2026, 3, 10, 9, 0, tzinfo=AMS)
    a = AccessLogEntryFactory(user=lid, team=team, person_id=5, at=day)
    b = AccessLogEntryFactory(user=lid, team=team, person_id=6, at=day)
    c = AccessLogEntryFactory(
        user=lid, team=team, person_id=5, at=day + timedelta(days=2)
    )
    d = AccessLogEntryFactory(
        user=beheerder, team=team, person_id=5, action=AccessAction.EXPORT, at=day
    )
    client = login(beheerder)

    def shown(**params):
        response = client.get(reverse(LIST), params)
        assert response.status_code == 200
        return set(rows_shown(response))

    assert shown(person=5) >= {a.pk, c.pk, d.pk}
    assert b.pk not in shown(person=5)
    assert shown(user="YOUSSEF") == {a.pk, b.pk, c.pk}
    assert shown(date_from="10-03-2026", date_to="10-03-2026") == {a.pk, b.pk, d.pk}
    assert shown(date_from="11-03-2026", date_to="12-03-2026") == {c.pk}
    assert shown(action="export", person=5) == {d.pk}


def test_period_boundaries_follow_amsterdam_days(login, beheerder, lid, team):
    late = AccessLogEntryFactory(
        user=lid, team=team, at=datetime(2026, 3, 10, 23, 30, tzinfo=AMS)
    )
    response = login(beheerder).get(
        reverse(LIST), {"date_from": "10-03-2026", "date_to": "10-03-2026"}
    )
    assert rows_shown(response) == [late.pk]


@pytest.mark.parametrize(
    ("params", "error"),
    [
        ({"date_from": "2026-03-10"}, "Vul een datum in als dd-mm-jjjj."),
        ({"date_from": "31-02-2026"}, "Vul een datum in als dd-mm-jjjj."),
        (
            {"date_from": "12-03-2026", "date_to": "10-03-2026"},
            "De einddatum ligt voor de begindatum.",
        ),
        ({"person": "abc"}, "Vul een persoonsnummer in (alleen cijfers)."),
        ({"person": "-4"}, "Vul een persoonsnummer in (alleen cijfers)."),
        ({"action": "<script>"}, "Kies een actie uit de lijst."),
    ],
)
def test_bad_filters_give_a_dutch_error_and_no_rows(
    login, beheerder, lid, team, params, error
):
    AccessLogEntryFactory(user=lid, team=team)
    response = login(beheerder).get(reverse(LIST), params)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert rows_shown(response) == []


def test_reading_the_log_is_logged_per_person_shown(login, beheerder, lid, team):
    AccessLogEntryFactory(user=lid, team=team, person_id=41)
    AccessLogEntryFactory(user=lid, team=team, person_id=42)
    login(beheerder).get(reverse(LIST), {"user": "youssef"})
    rows = AccessLogEntry.objects.filter(username="fatma", action=AccessAction.VIEW)
    assert sorted(r.person_id for r in rows) == [41, 42]
    assert all("toegangslog" in r.purpose and "youssef" in r.purpose for r in rows)


def test_paginated_with_a_constant_number_of_queries(
    login, beheerder, lid, team, django_assert_max_num_queries
):
    client = login(beheerder)
    AccessLogEntryFactory.create_batch(3, user=lid, team=team)
    client.get(reverse(LIST))  # warm the session
    with django_assert_max_num_queries(12) as few:
        client.get(reverse(LIST))
    AccessLogEntryFactory.create_batch(PAGE_SIZE + 20, user=lid, team=team)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse(LIST))
    assert len(response.context["entries"]) == PAGE_SIZE
    second = client.get(reverse(LIST), {"pagina": 2})
    assert len(second.context["entries"]) > 0
    assert "Volgende" in response.content.decode()


def _csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8").lstrip("\ufeff")
    return list(csv.reader(io.StringIO(body), delimiter=";"))


def test_csv_export_is_filtered_scoped_and_logged(
    login, beheerder, lid, team, other_team, member
):
    AccessLogEntryFactory(user=lid, team=team, person_id=7, purpose="=HYPERLINK(1)")
    AccessLogEntryFactory(user=lid, team=team, person_id=8)
    stranger = member(Role.WIJKTEAMLID, other_team)
    AccessLogEntryFactory(user=stranger, team=other_team, person_id=7)
    response = login(beheerder).get(reverse("accesslog_csv"), {"person": 7})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = _csv(response)
    assert rows[0][:3] == ["tijdstip", "gebruiker", "rol"]
    assert len(rows) == 2
    assert rows[1][1] == "youssef" and rows[1][5] == "7"
    assert rows[1][8] == "'=HYPERLINK(1)"  # no formula in a spreadsheet
    logged = AccessLogEntry.objects.get(username="fatma", action=AccessAction.EXPORT)
    assert logged.person_id == 7
    assert "CSV" in logged.purpose


@pytest.mark.parametrize("hostile", HOSTILE)
def test_no_csv_column_can_hold_a_formula(login, beheerder, lid, team, hostile):
    """Every text column gets the apostrophe (tijdstip is written by the export,
    the IP address is checked by the database); a number stays a number."""
    team.name = hostile
    team.save(update_fields=["name"])
    fields = ["username", "role", "action", "object_type", "object_id", "purpose",
              "path", "result"]  # fmt: skip
    values = {
        name: hostile[: AccessLogEntry._meta.get_field(name).max_length]
        for name in fields
    }
    AccessLogEntryFactory(user=lid, team=team, person_id=-5, **values)
    header, *rows = _csv(login(beheerder).get(reverse("accesslog_csv")))
    (row,) = [
        dict(zip(header, r, strict=True))
        for r in rows
        if r[header.index("persoon")] == "-5"
    ]
    for name, label in beheer_views.CSV_COLUMNS:
        if name in values:
            assert row[label] == "'" + values[name], name
    assert row["team"] == "'" + hostile
    assert row["persoon"] == "-5"


def test_csv_export_reads_the_log_in_chunks_without_losing_or_repeating_rows(
    login, beheerder, lid, team, monkeypatch
):
    monkeypatch.setattr(beheer_views, "CSV_CHUNK", 3)
    now = timezone.now()
    # Eight rows written out of time order, three at one moment (as one INSERT
    # writes them): the chunks must cross that moment by id, newest first.
    minutes_ago = [5, 2, 1, 6, 2, 4, 2, 3]
    for i, minutes in enumerate(minutes_ago):
        AccessLogEntryFactory(
            user=lid, team=team, person_id=100 + i, at=now - timedelta(minutes=minutes)
        )
    expected = list(
        AccessLogEntry.objects.filter(person_id__gte=100)
        .order_by("-at", "-id")
        .values_list("person_id", flat=True)
    )
    rows = _csv(login(beheerder).get(reverse("accesslog_csv")))
    shown = [int(row[5]) for row in rows[1:] if row[5]]
    assert shown == expected
    assert len(set(shown)) == 8


def test_unusual_access_reports_many_persons_in_a_day(
    settings, login, beheerder, lid, team, other_team, member,
    django_assert_num_queries,
):  # fmt: skip
    settings.ACCESSLOG_UNUSUAL_PERSONS_PER_DAY = 3
    settings.ACCESSLOG_UNUSUAL_OUTSIDE_PER_DAY = 100  # only the total counts here
    quiet = member(Role.WIJKTEAMLID, team, username="ingrid")
    today = timezone.localtime().replace(hour=10)
    for pid in range(4):  # 4 distinct persons: above the threshold of 3
        AccessLogEntryFactory(user=lid, team=team, person_id=pid, at=today)
    AccessLogEntryFactory(user=lid, team=team, person_id=0, at=today)  # repeat
    for pid in range(3):  # exactly 3: not reported
        AccessLogEntryFactory(user=quiet, team=team, person_id=pid, at=today)
    for pid in range(2):  # 4 over two days: not reported
        AccessLogEntryFactory(
            user=quiet, team=team, person_id=10 + pid, at=today - timedelta(days=1)
        )
    stranger = member(Role.WIJKTEAMLID, other_team, username="kees")
    for pid in range(10):  # another team's user: never in this team's report
        AccessLogEntryFactory(user=stranger, team=other_team, person_id=pid, at=today)
    since = today - timedelta(days=30)
    with django_assert_num_queries(1):
        rows = unusual_access(team, since=since, threshold=3, outside_threshold=100)
    assert [(r["username"], r["persons"]) for r in rows] == [("youssef", 4)]

    response = login(beheerder).get(reverse("accesslog_unusual"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "youssef" in body and "ingrid" not in body and "kees" not in body
    assert AccessLogEntry.objects.filter(
        username="fatma", purpose="toegangslog: opvallend"
    ).exists()


# --- unusual access compared with the user's own casussen --------------------


def _casus(team, *, regievoerder=None, size: int):
    """A casus of `team` with a household of `size` persons, and their ids."""
    case = CaseFactory(team=team, regievoerder=regievoerder)
    members = [
        HouseholdMemberFactory(household=case.household, is_main_contact=i == 0)
        for i in range(size)
    ]
    return case, [m.person_id for m in members]


def _persons_of_casus(team, *, regievoerder=None, size: int) -> list[int]:
    return _casus(team, regievoerder=regievoerder, size=size)[1]


def _viewed(user, team, person_ids, at):
    for pid in person_ids:
        AccessLogEntryFactory(user=user, team=team, person_id=pid, at=at)


def _numbers(rows) -> list[tuple[str, int, int]]:
    return [(r["username"], r["persons"], r["outside"]) for r in rows]


@pytest.fixture
def today():
    return timezone.localtime().replace(hour=10, minute=0)


def test_own_casussen_now_or_before_are_not_outside(
    settings, login, beheerder, lid, team, member, today
):
    settings.ACCESSLOG_UNUSUAL_PERSONS_PER_DAY = 10
    settings.ACCESSLOG_UNUSUAL_OUTSIDE_PER_DAY = 2
    teamleider = member(Role.TEAMLEIDER, team, username="teamleider")
    colleague = member(Role.WIJKTEAMLID, team, username="ingrid")
    current = _persons_of_casus(team, regievoerder=lid, size=4)
    # Lid was regievoerder before the casus moved to a colleague: still own.
    moved, earlier = _casus(team, regievoerder=colleague, size=3)
    CaseAssignment.objects.create(case=moved, to_user=lid, by=teamleider)
    CaseAssignment.objects.create(
        case=moved, from_user=lid, to_user=colleague, by=teamleider
    )
    outside = _persons_of_casus(team, regievoerder=colleague, size=2)
    _viewed(lid, team, current + earlier + outside, today)

    since = today - timedelta(days=30)
    everything = unusual_access(team, since=since, threshold=0, outside_threshold=0)
    # 9 persons, of whom only the 2 of the colleague's casus are outside.
    assert _numbers(everything) == [("youssef", 9, 2)]
    # Below both thresholds (10 in total, 2 outside): not reported.
    assert unusual_access(team, since=since, threshold=10, outside_threshold=2) == []
    body = login(beheerder).get(reverse("accesslog_unusual")).content.decode()
    assert "youssef" not in body and "Geen opvallende inzage gevonden." in body


def test_many_persons_outside_own_casussen_are_reported(
    settings, login, beheerder, lid, team, member, today
):
    settings.ACCESSLOG_UNUSUAL_PERSONS_PER_DAY = 25
    settings.ACCESSLOG_UNUSUAL_OUTSIDE_PER_DAY = 3
    colleague = member(Role.WIJKTEAMLID, team, username="ingrid")
    own = _persons_of_casus(team, regievoerder=lid, size=2)
    others = _persons_of_casus(team, regievoerder=colleague, size=2)
    unassigned = _persons_of_casus(team, size=2)
    _viewed(lid, team, own + others + unassigned, today)  # 6 persons, 4 outside
    _viewed(colleague, team, others + own[:1], today)  # 3 persons, 1 outside
    # The system's own rows (bewaartermijnen) have no user: never reported.
    for pid in range(20):
        AccessLogEntryFactory(
            user=None, username="systeem (bewaartermijn)", team=team,
            person_id=5000 + pid, action=AccessAction.DELETE, at=today,
        )  # fmt: skip

    response = login(beheerder).get(reverse("accesslog_unusual"))
    assert response.status_code == 200
    assert _numbers(response.context["rows"]) == [("youssef", 6, 4)]
    body = response.content.decode()
    assert "Waarvan buiten eigen casussen" in body
    assert "Personen ingezien" in body
    assert "<strong>4</strong>" in body
    assert "boven de grens van 3" in body
    assert "ingrid" not in body and "systeem" not in body


def test_unusual_access_is_one_query_and_the_page_a_constant_number(
    settings, login, beheerder, team, member, today,
    django_assert_num_queries, django_assert_max_num_queries,
):  # fmt: skip
    settings.ACCESSLOG_UNUSUAL_PERSONS_PER_DAY = 1
    settings.ACCESSLOG_UNUSUAL_OUTSIDE_PER_DAY = 1
    client = login(beheerder)

    def add_user(n: int):
        user = member(Role.WIJKTEAMLID, team, username=f"lid{n}")
        own = _persons_of_casus(team, regievoerder=user, size=2)
        for days in range(3):
            _viewed(user, team, own + [9000 + n, 9100 + n], today - timedelta(days))

    add_user(0)
    client.get(reverse("accesslog_unusual"))  # warm the session
    with django_assert_max_num_queries(12) as few:
        response = client.get(reverse("accesslog_unusual"))
    assert len(response.context["rows"]) == 3
    for n in range(1, 6):
        add_user(n)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("accesslog_unusual"))
    assert len(response.context["rows"]) == 18
    assert {(r["persons"], r["outside"]) for r in response.context["rows"]} == {(4, 2)}
    with django_assert_num_queries(1):
        unusual_access(
            team, since=today - timedelta(days=30), threshold=1, outside_threshold=1
        )


def test_another_teams_log_never_appears(
    settings, login, beheerder, lid, team, other_team, member, today
):
    settings.ACCESSLOG_UNUSUAL_PERSONS_PER_DAY = 2
    settings.ACCESSLOG_UNUSUAL_OUTSIDE_PER_DAY = 2
    stranger = member(Role.WIJKTEAMLID, other_team, username="kees")
    _viewed(stranger, other_team, _persons_of_casus(other_team, size=8), today)
    # What lid saw while working in the other team is not this team's.
    _viewed(lid, other_team, _persons_of_casus(other_team, size=8), today)
    # And being regievoerder in the other team makes no person own in this one.
    CaseFactory(team=other_team, regievoerder=lid)
    _viewed(lid, team, _persons_of_casus(team, size=1), today)

    since = today - timedelta(days=30)
    rows = unusual_access(team, since=since, threshold=0, outside_threshold=0)
    assert _numbers(rows) == [("youssef", 1, 1)]
    response = login(beheerder).get(reverse("accesslog_unusual"))
    assert response.context["rows"] == []
    body = response.content.decode()
    assert "kees" not in body and "youssef" not in body
