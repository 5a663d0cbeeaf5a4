"""Wijkanalyse -> actie (seed 003): groups, focus (duo), actions, meetings."""

from django.urls import reverse

from gebiedsanalyse.models import InfoMeeting, OutreachAction, ResidentGroup
from gebiedsanalyse.tests.factories import (
    InfoMeetingFactory,
    OutreachActionFactory,
    ResidentGroupFactory,
)
from wijkteam.constants import Role

OVERVIEW = reverse("gebiedsanalyse:wijkanalyse")
GROUP = reverse("gebiedsanalyse:group_create")
ACTION = reverse("gebiedsanalyse:action_create")
MEETING = reverse("gebiedsanalyse:meeting_create")


def test_anonymous_goes_to_login(client):
    for url in (OVERVIEW, GROUP, ACTION, MEETING):
        assert client.get(url)["Location"].startswith(reverse("login"))


def test_wrong_method_is_405(login, member, team):
    assert login(member(Role.WIJKTEAMLID, team)).post(OVERVIEW).status_code == 405


def test_other_team_objects_are_404(login, member, team, other_team):
    client = login(member(Role.TEAMLEIDER, team))
    group = ResidentGroupFactory(team=other_team, name="Hun groep")
    for name, obj in [
        ("group_edit", group),
        ("action_edit", OutreachActionFactory(team=other_team)),
        ("meeting_edit", InfoMeetingFactory(team=other_team)),
    ]:
        url = reverse(f"gebiedsanalyse:{name}", args=[obj.pk])
        assert client.get(url).status_code == 404
        assert client.post(url, {"name": "x", "title": "x"}).status_code == 404
    assert "Hun groep" not in client.get(OVERVIEW).content.decode()


def test_balie_gets_403_on_changes(login, member, team):
    client = login(member(Role.BALIE, team))
    assert client.get(OVERVIEW).status_code == 200
    assert client.post(GROUP, {"name": "Jongeren"}).status_code == 403
    assert not ResidentGroup.objects.exists()


def test_group_with_a_duo_of_team_members(login, member, team):
    lead = member(Role.TEAMLEIDER, team)
    youth_worker = member(Role.WIJKTEAMLID, team, first_name="Youssef")
    social_worker = member(Role.WIJKTEAMLID, team, first_name="Ingrid")
    client = login(lead)
    response = client.post(
        GROUP,
        {
            "name": "Jongeren",
            "reason": "Weinig contact",
            "focus_members": [youth_worker.pk, social_worker.pk],
        },
    )
    assert response.status_code == 302
    group = ResidentGroup.objects.get()
    assert set(group.focus_members.all()) == {youth_worker, social_worker}
    body = client.get(OVERVIEW).content.decode()
    assert f"{youth_worker} en {social_worker}" in body or (
        f"{social_worker} en {youth_worker}" in body
    )


def test_three_members_or_an_outsider_are_refused(login, member, team, other_team):
    lead = member(Role.TEAMLEIDER, team)
    desk = member(Role.BALIE, team)
    others = [member(Role.WIJKTEAMLID, team) for _ in range(2)]
    outsider = member(Role.WIJKTEAMLID, other_team)
    client = login(lead)
    response = client.post(
        GROUP, {"name": "X", "focus_members": [lead.pk, *[o.pk for o in others]]}
    )
    assert "hoogstens twee teamleden" in response.content.decode()
    for not_allowed in (outsider, desk):  # another team; the desk does no outreach
        response = client.post(GROUP, {"name": "X", "focus_members": [not_allowed.pk]})
        assert "Selecteer een geldige keuze" in response.content.decode()
    assert not ResidentGroup.objects.exists()


def test_action_with_goal_urgency_and_date(login, member, team, other_team):
    group = ResidentGroupFactory(team=team)
    foreign_group = ResidentGroupFactory(team=other_team)
    client = login(member(Role.WIJKTEAMLID, team))
    response = client.post(ACTION, {"title": "X", "goal": "", "urgency": "hoog"})
    assert "Beschrijf het doel" in response.content.decode()
    response = client.post(
        ACTION,
        {"title": "X", "goal": "Y", "urgency": "hoog", "group": foreign_group.pk},
    )
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert not OutreachAction.objects.exists()
    response = client.post(
        ACTION,
        {
            "title": "Op het schoolplein",
            "goal": "Ouders leren ons kennen",
            "urgency": "hoog",
            "planned_on": "2026-12-08",
            "group": group.pk,
        },
    )
    assert response.status_code == 302
    body = client.get(OVERVIEW).content.decode()
    assert "Op het schoolplein" in body and "08-12-2026" in body and "Hoog" in body


def test_meeting_with_announcement_channels(login, member, team):
    client = login(member(Role.KWARTIERMAKER, team))
    response = client.post(MEETING, {"title": "Resultaten", "held_on": ""})
    assert "Vul de datum in." in response.content.decode()
    response = client.post(
        MEETING,
        {
            "title": "Resultaten wijkanalyse",
            "held_on": "2026-12-15",
            "channels": ["wijkwebsite", "briefjes"],
        },
    )
    assert response.status_code == 302
    assert InfoMeeting.objects.get().channels == ["wijkwebsite", "briefjes"]
    body = client.get(OVERVIEW).content.decode()
    assert "Wijkwebsite, Briefjes in winkels en supermarkt" in body


def test_edit_an_action(login, member, team):
    action = OutreachActionFactory(team=team, title="Oud")
    client = login(member(Role.WIJKTEAMLID, team))
    url = reverse("gebiedsanalyse:action_edit", args=[action.pk])
    client.post(url, {"title": "Nieuw", "goal": "Y", "urgency": "laag", "done": "on"})
    action.refresh_from_db()
    assert (action.title, action.urgency, action.done) == ("Nieuw", "laag", True)


def test_overview_query_count_is_constant(
    login, member, team, django_assert_max_num_queries
):
    user = member(Role.WIJKTEAMLID, team)
    for _ in range(15):
        group = ResidentGroupFactory(team=team)
        group.focus_members.add(user)
        OutreachActionFactory(team=team, group=group)
        InfoMeetingFactory(team=team)
    client = login(user)
    with django_assert_max_num_queries(14):
        assert client.get(OVERVIEW).status_code == 200
