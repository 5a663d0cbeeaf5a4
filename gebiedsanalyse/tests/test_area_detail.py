from django.urls import reverse

import pytest

from gebiedsanalyse.tests.factories import ResourceFactory, SocialPlaceFactory
from wijkteam.constants import Role


def url(code):
    return reverse("gebiedsanalyse:area_detail", args=[code])


def test_anonymous_goes_to_login(client, areas):
    response = client.get(url("BU05991086"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_wrong_method_is_405(login, member, team, areas):
    client = login(member(Role.WIJKTEAMLID, team))
    assert client.post(url("BU05991086")).status_code == 405


def test_unknown_code_is_404(login, member, team, areas):
    client = login(member(Role.WIJKTEAMLID, team))
    assert client.get(url("BU00000000")).status_code == 404


def test_user_without_team_gets_404(client, areas):
    from wijkteam.tests.factories import UserFactory

    client.force_login(UserFactory())
    assert client.get(url("BU05991086")).status_code == 404


@pytest.mark.parametrize("role", Role.values)
def test_figures_with_comparison_trend_chart_and_map(login, member, team, areas, role):
    response = login(member(role, team)).get(url("BU05991086"))
    assert response.status_code == 200
    body = response.content.decode()
    # Key figures of the buurt, its gemeente and the country, Dutch number format.
    assert "9.280" in body and "670.610" in body and "17.942.942" in body
    # 65+ as a share of the inhabitants: 1090 / 9280 = 11.7%.
    assert "11,7%" in body
    # Unknown is shown as unknown, never as 0.
    assert "Personen met bijstand" in body and "onbekend" in body
    # Trend over the imported years, as a table.
    assert '<th scope="col" class="text-end">2019</th>' in body
    assert "9.100" in body
    # Chart canvases with their data in json_script, no inline script.
    assert 'data-chart="ages"' in body and 'id="chart-ages"' in body
    assert 'id="chart-second"' in body and '"type": "line"' in body
    assert "<script>" not in body
    # The map: sibling buurten as links to their pages.
    assert "<svg" in body and url("BU05991081") in body
    assert "TODO" not in body  # the TODO is a template comment, not shown


def test_map_colours_by_chosen_indicator_with_legend(login, member, team, areas):
    client = login(member(Role.KWARTIERMAKER, team))
    body = client.get(
        url("GM0599"), {"indicator": "leeftijd_65_plus", "niveau": "buurt"}
    ).content.decode()
    assert "65 jaar of ouder" in body and "Legenda" in body
    assert url("BU05991086") in body and url("BU05991081") in body
    # 65+ share per buurt: Afrikaanderwijk 11,7%, Bloemhof 10,7%.
    assert "Afrikaanderwijk: 11,7%" in body and "Bloemhof: 10,7%" in body


def test_only_own_team_infrastructure_is_shown(login, member, team, other_team, areas):
    SocialPlaceFactory(team=team, area=areas["bu1"], name="Ons wijkcentrum")
    SocialPlaceFactory(team=other_team, area=areas["bu1"], name="Hun wijkcentrum")
    ResourceFactory(team=other_team, area=areas["bu1"], title="Hun speeltuin")
    body = login(member(Role.WIJKTEAMLID, team)).get(url("BU05991086")).content
    body = body.decode()
    assert "Ons wijkcentrum" in body
    assert "Hun wijkcentrum" not in body and "Hun speeltuin" not in body


def test_wijk_page_shows_the_infrastructure_of_its_buurten(
    login, member, team, other_team, areas
):
    SocialPlaceFactory(team=team, area=areas["bu1"], name="Ons wijkcentrum")
    SocialPlaceFactory(team=other_team, area=areas["bu1"], name="Hun wijkcentrum")
    ResourceFactory(team=team, area=areas["wk"], title="Onze speeltuin")
    client = login(member(Role.WIJKTEAMLID, team))
    body = client.get(url("WK059910")).content.decode()
    assert "Ons wijkcentrum" in body and "Onze speeltuin" in body
    assert f'<a href="{url("BU05991086")}">Afrikaanderwijk</a>' in body
    assert "Hun wijkcentrum" not in body
    body = client.get(url("BU05991081")).content.decode()
    assert "Ons wijkcentrum" not in body and "Onze speeltuin" not in body


def test_area_without_figures_says_so(login, member, team, areas):
    from gebiedsanalyse.tests.factories import AreaFactory

    AreaFactory(code="BU05991099", name="Leeg", parent=areas["wk"])
    body = login(member(Role.WIJKTEAMLID, team)).get(url("BU05991099")).content
    assert "nog geen CBS-cijfers" in body.decode()


def test_query_count_is_constant(
    login, member, team, areas, django_assert_max_num_queries
):
    from gebiedsanalyse.tests.factories import AreaFactory, AreaFigureFactory

    for n in range(20):
        buurt = AreaFactory(
            code=f"BU059910{n + 20}", parent=areas["wk"], geometry=areas["bu1"].geometry
        )
        AreaFigureFactory(area=buurt)
    client = login(member(Role.KWARTIERMAKER, team))
    with django_assert_max_num_queries(22):
        assert client.get(url("BU05991086")).status_code == 200


def test_single_year_shows_benefits_compared_instead_of_a_trend(
    login, member, team, areas
):
    from gebiedsanalyse.tests.factories import AreaFigureFactory

    AreaFigureFactory(area=areas["bu2"], indicator="bijstand", value=700)
    AreaFigureFactory(area=areas["gm"], indicator="bijstand", value=33630)
    response = login(member(Role.KWARTIERMAKER, team)).get(url("BU05991081"))
    charts = response.context["page"]["charts"]
    assert charts["second"]["type"] == "bar"
    assert charts["second"]["labels"] == ["Personen met bijstand"]
    # 700 of 14,000 inhabitants = 5.0%; Rotterdam 33,630 of 670,610 = 5.0%.
    assert charts["second"]["datasets"][0]["data"] == [5.0]
    assert charts["second"]["datasets"][1]["data"] == [5.0]
