"""Beheer of the own team's members (/beheer/medewerkers/): through the one access
check (`team.manage`, beheerder only), scoped to the current team, POST for every
change, and no rights beyond a role."""

import re

from django.urls import reverse

import pytest

from wijkteam.constants import AccessAction, Role
from wijkteam.models import AccessLogEntry, Membership, User
from wijkteam.tests.factories import MembershipFactory, UserFactory

PASSWORD = "geheim-wachtwoord-123"


@pytest.fixture
def beheerder(member, team):
    return member(Role.BEHEERDER, team, username="fatma")


@pytest.fixture
def as_beheerder(client, beheerder):
    client.force_login(beheerder)
    return client


@pytest.fixture
def colleague(member, team):
    return member(Role.WIJKTEAMLID, team, username="youssef")


def test_anonymous_goes_to_login(client, colleague):
    for url in (reverse("member_list"), reverse("member_detail", args=[colleague.pk])):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("role", [r for r in Role.values if r != Role.BEHEERDER])
def test_other_roles_get_403(client, member, team, colleague, role):
    client.force_login(member(role, team))
    assert client.get(reverse("member_list")).status_code == 403
    assert client.get(reverse("member_detail", args=[colleague.pk])).status_code == 403
    membership = colleague.memberships.get()
    url = reverse("membership_role", args=[membership.pk])
    assert client.post(url, {"role": Role.BEHEERDER}).status_code == 403
    membership.refresh_from_db()
    assert membership.role == Role.WIJKTEAMLID


def test_wrong_method_is_405(as_beheerder, colleague):
    assert as_beheerder.post(reverse("member_list")).status_code == 405
    assert as_beheerder.get(reverse("member_add")).status_code == 405
    membership = colleague.memberships.get()
    for name, pk in [
        ("membership_role", membership.pk),
        ("membership_end", membership.pk),
        ("member_deactivate", colleague.pk),
        ("member_reset_link", colleague.pk),
    ]:
        assert as_beheerder.get(reverse(name, args=[pk])).status_code == 405, name


def test_the_list_shows_the_own_team_only(
    as_beheerder, colleague, member, other_team, django_assert_max_num_queries
):
    member(Role.WIJKTEAMLID, other_team, username="lotte", first_name="Lotte")
    with django_assert_max_num_queries(12):
        body = as_beheerder.get(reverse("member_list")).content.decode()
    assert "youssef" in body and "lotte" not in body


def test_another_team_s_member_and_membership_are_404(as_beheerder, member, other_team):
    other = member(Role.WIJKTEAMLID, other_team)
    membership = other.memberships.get()
    assert (
        as_beheerder.get(reverse("member_detail", args=[other.pk])).status_code == 404
    )
    for name, pk in [
        ("membership_role", membership.pk),
        ("membership_end", membership.pk),
        ("member_deactivate", other.pk),
        ("member_reset_link", other.pk),
    ]:
        response = as_beheerder.post(reverse(name, args=[pk]), {"role": "beheerder"})
        assert response.status_code == 404, name
    membership.refresh_from_db()
    other.refresh_from_db()
    assert membership.role == Role.WIJKTEAMLID and membership.is_active
    assert other.is_active


def test_add_a_new_member_with_a_role(as_beheerder, team):
    response = as_beheerder.post(
        reverse("member_add"),
        {"username": "ingrid", "first_name": "Ingrid", "last_name": "Smit",
         "email": "ingrid@wijkteam.example", "role": Role.BALIE,
         "moederorganisatie": "Gemeente"},
    )  # fmt: skip
    user = User.objects.get(username="ingrid")
    assert response.status_code == 302
    assert response["Location"] == reverse("member_detail", args=[user.pk])
    assert not user.has_usable_password()
    assert not (user.is_staff or user.is_superuser)
    assert user.memberships.get().team == team
    assert AccessLogEntry.objects.filter(
        action=AccessAction.CHANGE, purpose__contains="ingrid als balie"
    ).exists()


def test_add_an_existing_account_of_another_team(
    as_beheerder, team, member, other_team
):
    lotte = member(Role.WIJKTEAMLID, other_team, username="lotte")
    as_beheerder.post(reverse("member_add"), {"username": "Lotte", "role": Role.BALIE})
    assert Membership.objects.get(user=lotte, team=team).role == Role.BALIE
    assert Membership.objects.get(user=lotte, team=other_team).is_active


def test_add_errors_are_dutch_and_save_nothing(as_beheerder, colleague):
    cases = [
        ({"username": "", "role": ""}, "Vul een gebruikersnaam in."),
        ({"username": "nieuw", "role": "baas"}, "Kies een rol uit de lijst."),
        ({"username": "nieuw", "role": Role.BALIE}, "vul voor- en achternaam in"),
        ({"username": "youssef", "role": Role.WIJKTEAMLID}, "heeft deze rol al"),
        ({"username": "fatma", "role": Role.WIJKTEAMLID}, "Uw eigen rollen"),
    ]
    before = Membership.objects.count()
    for data, message in cases:
        response = as_beheerder.post(reverse("member_add"), data)
        assert response.status_code == 400, data
        assert message in response.content.decode(), data
    assert Membership.objects.count() == before
    assert not User.objects.filter(username="nieuw").exists()


def test_change_and_end_a_role(as_beheerder, colleague):
    membership = colleague.memberships.get()
    as_beheerder.post(
        reverse("membership_role", args=[membership.pk]), {"role": Role.TEAMLEIDER}
    )
    membership.refresh_from_db()
    assert membership.role == Role.TEAMLEIDER
    as_beheerder.post(reverse("membership_end", args=[membership.pk]))
    membership.refresh_from_db()
    assert not membership.is_active
    assert (
        as_beheerder.get(reverse("member_detail", args=[colleague.pk])).status_code
        == 200
    )


def test_a_beheerder_cannot_change_her_own_roles(as_beheerder, beheerder, team):
    own = beheerder.memberships.get()
    as_beheerder.post(reverse("membership_role", args=[own.pk]), {"role": "teamleider"})
    as_beheerder.post(reverse("membership_end", args=[own.pk]))
    own.refresh_from_db()
    assert own.role == Role.BEHEERDER and own.is_active


def test_deactivate_ends_the_account(as_beheerder, colleague):
    response = as_beheerder.post(reverse("member_deactivate", args=[colleague.pk]))
    assert response.status_code == 302
    colleague.refresh_from_db()
    assert not colleague.is_active


@pytest.mark.parametrize("kind", ["staff", "superuser", "elsewhere", "self"])
def test_account_changes_only_for_accounts_of_this_team_alone(
    as_beheerder, beheerder, team, other_team, kind
):
    if kind == "self":
        target = beheerder
    else:
        target = UserFactory(is_staff=kind == "staff", is_superuser=kind == "superuser")
        MembershipFactory(user=target, team=team)
        if kind == "elsewhere":
            MembershipFactory(user=target, team=other_team)
    password = target.password
    as_beheerder.post(reverse("member_deactivate", args=[target.pk]))
    response = as_beheerder.post(reverse("member_reset_link", args=[target.pk]))
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.is_active and target.password == password
    assert (
        "accounts/wachtwoord/"
        not in as_beheerder.get(response["Location"]).content.decode()
    )


def test_a_reset_link_lets_the_member_choose_a_password_once(
    client, as_beheerder, colleague
):
    response = as_beheerder.post(reverse("member_reset_link", args=[colleague.pk]))
    assert response.status_code == 200
    link = re.search(
        r"http://testserver(/accounts/wachtwoord/[^<\s]+)", response.content.decode()
    )
    assert link, "no link on the page"
    as_beheerder.logout()
    page = client.get(link.group(1), follow=True)
    assert "Nieuw wachtwoord kiezen" in page.content.decode()
    new = "een-heel-nieuw-wachtwoord-42"
    done = client.post(
        page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}
    )
    assert done.status_code == 302 and done["Location"] == reverse("login")
    colleague.refresh_from_db()
    assert colleague.check_password(new)
    again = client.get(link.group(1), follow=True)
    assert "Deze link werkt niet meer" in again.content.decode()
    assert (
        AccessLogEntry.objects.filter(
            action=AccessAction.CHANGE, purpose__contains="herstellink"
        ).count()
        == 2
    )


def test_the_beheerder_menu_links_the_page(as_beheerder):
    assert reverse("member_list") in as_beheerder.get(reverse("home")).content.decode()
