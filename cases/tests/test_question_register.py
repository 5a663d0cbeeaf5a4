import uuid

from django.urls import reverse

import pytest

from cases.intake.constants import QuestionStatus
from cases.models import Person, Question
from cases.tests.factories import PersonFactory, VoorzieningFactory
from wijkteam.constants import AccessAction
from wijkteam.models import AccessLogEntry

pytestmark = pytest.mark.django_db
URL = reverse("cases:question_register")


def form_data(**overrides):
    data = {
        "idempotency_key": str(uuid.uuid4()),
        "first_name": "Gülsen",
        "last_name": "Kaya",
        "birth_date": "02-11-1990",
        "postcode": "3073de",
        "house_number": "233",
        "person_choice": "nieuw",
        "channel": "inloop",
        "text": "Mijn zoon gaat niet meer naar school.",
        "domains": ["werk_opleiding", "huiselijke_relaties"],
        "urgency": "normaal",
        "outcome": "beantwoord",
    }
    data.update(overrides)
    return data


def test_anonymous_goes_to_login(client):
    assert client.get(URL)["Location"].startswith(reverse("login"))
    assert client.post(URL, form_data())["Location"].startswith(reverse("login"))
    assert not Question.objects.exists()


def test_wrong_method_is_405(login, balie):
    assert login(balie).put(URL).status_code == 405


def test_role_without_right_is_403(login, kwartiermaker):
    client = login(kwartiermaker)
    assert client.get(URL).status_code == 403
    assert client.post(URL, form_data()).status_code == 403
    assert not Question.objects.exists()


def test_form_has_autofocus_on_first_field_and_a_fresh_token(login, balie):
    client = login(balie)
    first = client.get(URL).content.decode()
    second = client.get(URL).content.decode()
    assert 'name="first_name"' in first and "autofocus" in first
    token = first.split('name="idempotency_key" value="')[1][:36]
    assert token not in second


def test_walk_in_with_new_resident_is_registered(login, balie, team):
    response = login(balie).post(URL, form_data(bsn="111222333"))
    question = Question.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "cases:question_detail", kwargs={"pk": question.pk}
    )
    person = question.person
    assert (person.first_name, person.postcode, person.bsn) == (
        "Gülsen",
        "3073 DE",
        "111222333",
    )
    assert person.team == team
    assert question.team == team and question.registered_by == balie
    assert question.status == QuestionStatus.AFGEHANDELD
    assert AccessLogEntry.objects.filter(
        action=AccessAction.CHANGE, person_id=person.pk
    ).exists()


def test_handover_to_a_wijkteamlid_with_a_slot(login, balie, lid):
    data = form_data(
        outcome="vraagverheldering",
        assigned_to=lid.pk,
        appointment_at="2030-03-04T14:00",
    )
    login(balie).post(URL, data)
    question = Question.objects.get()
    assert question.status == QuestionStatus.GEPLAND
    assert question.assigned_to == lid


def test_known_resident_is_picked(login, balie, team):
    known = PersonFactory(team=team)
    login(balie).post(URL, form_data(person_choice=str(known.pk)))
    assert Question.objects.get().person == known
    assert Person.objects.count() == 1


def test_resident_of_another_team_cannot_be_picked(login, balie, other_team):
    stranger = PersonFactory(team=other_team)
    response = login(balie).post(URL, form_data(person_choice=str(stranger.pk)))
    assert response.status_code == 200
    assert "Kies een inwoner uit de lijst." in response.content.decode()
    assert not Question.objects.exists()


def test_anonymous_question_needs_only_a_label(login, balie):
    data = form_data(person_choice="anoniem", first_name="", last_name="")
    data.update(anonymous_label="Meneer met hond", birth_date="", postcode="")
    login(balie).post(URL, data)
    question = Question.objects.get()
    assert question.person is None and question.anonymous_label == "Meneer met hond"
    assert not Person.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field_error"),
    [
        ({"bsn": "123456789"}, "11-proef"),
        ({"text": ""}, "Schrijf de vraag op."),
        ({"outcome": ""}, "Kies de uitkomst van de vraagverkenning."),
        ({"birth_date": "31-02-1990"}, "Vul de datum in als dd-mm-jjjj."),
        ({"first_name": "", "last_name": ""}, "Vul de naam in van de nieuwe inwoner"),
        ({"channel": "signaal"}, "Vul in wie het signaal afgeeft"),
        ({"outcome": "doorverwezen"}, "Kies de voorziening waarnaar u verwijst"),
        (
            {"outcome": "vraagverheldering", "appointment_at": "2030-03-04T14:00"},
            "Kies het wijkteamlid bij wie de afspraak is.",
        ),
        ({"person_choice": "anoniem", "first_name": ""}, "Vul een voornaam of korte"),
    ],
)
def test_bad_input_keeps_everything_typed_and_saves_nothing(
    login, balie, overrides, field_error
):
    data = form_data(**overrides)
    response = login(balie).post(URL, data)
    body = response.content.decode()
    assert response.status_code == 200
    assert field_error in body
    assert "nog niet opgeslagen" in body
    assert "Mijn zoon gaat niet meer naar school." in body or not data["text"]
    assert f'value="{data["idempotency_key"]}"' in body
    assert not Question.objects.exists()
    assert not Person.objects.exists()


def test_referral_from_the_list_is_kept(login, balie):
    voorziening = VoorzieningFactory(name="Voedselbank")
    login(balie).post(
        URL, form_data(outcome="doorverwezen", voorziening=voorziening.pk)
    )
    assert Question.objects.get().referred_to == "Voedselbank"


def test_known_bsn_is_refused_for_a_new_resident(login, balie, team):
    PersonFactory(team=team, bsn="111222333")
    response = login(balie).post(URL, form_data(bsn="111222333"))
    assert "Er is al een inwoner met dit BSN" in response.content.decode()
    assert not Question.objects.exists()


def test_likely_duplicate_is_shown_and_must_be_confirmed(login, balie, team):
    known = PersonFactory(
        team=team, first_name="Gülsen", last_name="Kaya", birth_date="1990-11-02"
    )
    client = login(balie)
    data = form_data()
    response = client.post(URL, data)
    body = response.content.decode()
    assert "Deze inwoner lijkt al bekend" in body
    assert f'value="{known.pk}"' in body  # offered to pick
    assert not Question.objects.exists()
    assert AccessLogEntry.objects.filter(
        action=AccessAction.SEARCH, person_id=known.pk
    ).exists()
    client.post(URL, {**data, "confirm_new": "on"})
    assert Person.objects.count() == 2
    assert Question.objects.count() == 1


def test_double_submit_makes_one_question(login, balie):
    client = login(balie)
    data = form_data()
    first = client.post(URL, data)
    second = client.post(URL, data)
    assert Question.objects.count() == 1
    assert Person.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_crisis_shows_the_team_crisis_instructions(login, balie, team):
    team.crisis_instructions = "Bel 112 en daarna de teamleider van dienst."
    team.save()
    client = login(balie)
    body = client.get(URL).content.decode()
    assert "Bel 112 en daarna de teamleider van dienst." in body
    assert 'id="crisis-instructies"' in body
    body = client.post(URL, form_data(urgency="crisis", text="")).content.decode()
    section = body.split('id="crisis-instructies"')[1].split(">")[0]
    assert "hidden" not in section


def test_register_page_has_a_constant_query_count(
    login, balie, team, lid, django_assert_max_num_queries
):
    client = login(balie)
    with django_assert_max_num_queries(12) as few:
        client.get(URL)
    VoorzieningFactory.create_batch(10)
    PersonFactory.create_batch(10, team=team)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(URL)
