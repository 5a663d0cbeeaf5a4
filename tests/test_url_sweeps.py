"""Every URL: anonymous visitors go to login; another team's objects are 404."""

from django.urls import reverse

import pytest

from tests.sweep import (
    PUBLIC,
    collect_samples,
    is_admin,
    parameters,
    url_for,
    url_patterns,
)
from wijkteam.constants import Role


@pytest.fixture
def world(team, other_team, member):
    """Team A's user holds every role; the samples are objects of team B."""
    sweeper = member(Role.TEAMLEIDER, team)
    for role in Role.values:
        if role != Role.TEAMLEIDER:
            from wijkteam.tests.factories import MembershipFactory

            MembershipFactory(user=sweeper, team=team, role=role)
    owner_b = member(Role.TEAMLEIDER, other_team)
    return sweeper, collect_samples(other_team, owner_b)


def test_every_url_is_named_and_has_a_sample(world):
    _, samples = world
    unnamed = [str(p.pattern) for name, p in url_patterns() if name is None]
    assert not unnamed, f"URL patterns without a name: {unnamed}"
    missing = [
        name
        for name, pattern in url_patterns()
        if parameters(pattern) and name not in samples and not is_admin(name)
    ]
    assert not missing, f"Add a Sample to <app>/tests/sweep_samples.py for: {missing}"


@pytest.mark.django_db
def test_anonymous_is_sent_to_login_everywhere(client, world):
    """The admin's URLs send them to the admin's own login page."""
    _, samples = world
    checked = admin = 0
    for name, pattern in url_patterns():
        if name in PUBLIC:
            continue
        url = url_for(name, pattern, samples)
        login = reverse("admin:login" if is_admin(name) else "login")
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 302, f"{method.__name__.upper()} {url}"
            assert response["Location"].startswith(login), url
        checked += 1
        admin += is_admin(name)
    assert checked >= 3
    assert admin >= 50  # the admin is swept, not skipped


@pytest.mark.django_db
def test_other_team_gets_404_and_changes_nothing(client, world):
    """GET and POST on team B's objects answer 404 (405 for a method the view never
    accepts, decided before any lookup), and the object is unchanged afterwards.
    The admin does not scope by team: the sweeper (no staff) is sent to its login
    from every admin URL, GET and POST."""
    sweeper, samples = world
    client.force_login(sweeper)
    object_urls = [
        (n, p) for n, p in url_patterns() if parameters(p) and n not in PUBLIC
    ]
    assert object_urls
    for name, pattern in object_urls:
        url = url_for(name, pattern, samples)
        sample = samples.get(name)
        before = sample.snapshot() if sample else None
        if is_admin(name):
            data = sample.post_data if sample else {}
            for response in (client.get(url), client.post(url, data)):
                assert response.status_code == 302, url
                assert response["Location"].startswith(reverse("admin:login")), url
        else:
            answers = {
                "GET": client.get(url).status_code,
                "POST": client.post(url, sample.post_data).status_code,
            }
            assert set(answers.values()) <= {404, 405}, f"{url}: {answers}"
            assert 404 in answers.values(), f"{url}: {answers}"
        if sample is not None:
            assert sample.snapshot() == before, f"{url} changed team B's object"
