import pytest

from bouwstenen.tests.factories import DocumentFactory
from wijkteam.constants import Role


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def kwartiermaker(member, team):
    return member(Role.KWARTIERMAKER, team)


@pytest.fixture
def teamleider(member, team):
    return member(Role.TEAMLEIDER, team)


@pytest.fixture
def document(team, kwartiermaker):
    return DocumentFactory(team=team, created_by=kwartiermaker)


@pytest.fixture
def plan(team, kwartiermaker):
    return DocumentFactory(team=team, created_by=kwartiermaker, plan=True)
