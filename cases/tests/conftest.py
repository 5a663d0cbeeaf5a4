import pytest

from wijkteam.constants import Role


@pytest.fixture
def balie(member, team):
    return member(Role.BALIE, team, first_name="Sanne", last_name="de Vries")


@pytest.fixture
def lid(member, team):
    return member(Role.WIJKTEAMLID, team, first_name="Youssef", last_name="El Amrani")


@pytest.fixture
def outsider(member, other_team):
    """A wijkteamlid of another team."""
    return member(Role.WIJKTEAMLID, other_team)


@pytest.fixture
def kwartiermaker(member, team):
    """In the team, but without rights on intake."""
    return member(Role.KWARTIERMAKER, team)


@pytest.fixture
def leader(member, team):
    return member(Role.TEAMLEIDER, team, first_name="Marieke", last_name="Jansen")
