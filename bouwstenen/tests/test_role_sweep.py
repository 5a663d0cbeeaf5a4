"""Every URL of kwartiermaken and of the exports, on the user's OWN team, for roles
without the right: 403 (or 405 for a method the view never accepts), nothing changed."""

import pytest

from bouwstenen.tests import sweep_samples
from tests.sweep import url_for, url_patterns
from wijkteam.constants import Role

LISTS = {
    "bouwstenen:startdocument_list",
    "bouwstenen:plan_list",
    "bouwstenen:startdocument_new",
    "bouwstenen:plan_new",
}


@pytest.mark.parametrize("role", [Role.BALIE, Role.WIJKTEAMLID, Role.BEHEERDER])
def test_roles_without_the_right_get_403_everywhere(login, member, team, role):
    owner = member(Role.KWARTIERMAKER, team)
    samples = sweep_samples.samples(team, owner)
    client = login(member(role, team))
    checked = 0
    for name, pattern in url_patterns():
        if name not in samples and name not in LISTS:
            continue
        sample = samples.get(name)
        before = sample.snapshot() if sample else None
        url = url_for(name, pattern, samples)
        answers = {
            "GET": client.get(url).status_code,
            "POST": client.post(url, sample.post_data if sample else {}).status_code,
        }
        assert set(answers.values()) <= {403, 405}, f"{role} {url}: {answers}"
        assert 403 in answers.values(), f"{role} {url}: {answers}"
        if sample:
            assert sample.snapshot() == before, url
        checked += 1
    assert checked == len(samples) + len(LISTS)


def test_teamleider_reads_but_does_not_write(login, member, team):
    client = login(member(Role.TEAMLEIDER, team))
    samples = sweep_samples.samples(team, member(Role.KWARTIERMAKER, team))
    for name in ["bouwstenen:section_edit", "bouwstenen:version_status",
                 "bouwstenen:version_new"]:  # fmt: skip
        pattern = dict(url_patterns())[name]
        url = url_for(name, pattern, samples)
        assert client.post(url, samples[name].post_data).status_code == 403, url
