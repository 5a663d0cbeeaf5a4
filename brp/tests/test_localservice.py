"""The local BRP over real HTTP: the three search types, `fields`, the v2 shape
(validated against the spec's response schemas) and its refusals."""

from __future__ import annotations

import httpx
import jsonschema
import pytest
import yaml
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from brp import localdata, localservice
from brp.tests.conftest import API_KEY

SPEC = localdata.DATA.parent / "openapi.yaml"
ALL_FIELDS = sorted(localdata.FIELDS)


def post(base_url, body, *, key=API_KEY):
    headers = {"X-API-KEY": key} if key else {}
    return httpx.post(f"{base_url}/personen", json=body, headers=headers, timeout=5)


def by_bsn(*bsns, fields=ALL_FIELDS):
    return {
        "type": "RaadpleegMetBurgerservicenummer",
        "burgerservicenummer": list(bsns),
        "fields": fields,
    }


@pytest.fixture(scope="module")
def validator_for():
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    registry = Registry().with_resource(
        "urn:brp", Resource.from_contents(spec, default_specification=DRAFT202012)
    )

    def make(schema: str):
        ref = {"$ref": f"urn:brp#/components/schemas/{schema}"}
        return jsonschema.Draft202012Validator(ref, registry=registry)

    return make


def test_suzanne_moulin_by_bsn_in_the_v2_shape(brp_base_url):
    answer = post(brp_base_url, by_bsn("999993653"))
    assert answer.status_code == 200
    body = answer.json()
    assert body["type"] == "RaadpleegMetBurgerservicenummer"
    [person] = body["personen"]
    assert person["naam"]["volledigeNaam"] == "Suzanne Moulin"
    assert person["naam"]["aanduidingNaamgebruik"]["code"] == "E"
    assert person["geboorte"]["datum"] == {
        "type": "Datum",
        "datum": "1985-12-01",
        "langFormaat": "1 december 1985",
    }
    assert person["verblijfplaats"]["type"] == "Adres"
    assert person["verblijfplaats"]["verblijfadres"] == {
        "officieleStraatnaam": "Boterdiep",
        "korteStraatnaam": "Boterdiep",
        "huisnummer": 31,
        "postcode": "3077AW",
        "woonplaats": "Rotterdam",
    }
    assert person["partners"][0]["naam"]["geslachtsnaam"] == "Beaudelaire"
    assert {o["ouderAanduiding"] for o in person["ouders"]} == {"1", "2"}


def test_unknown_bsn_is_200_with_nobody(brp_base_url):
    answer = post(brp_base_url, by_bsn("111222333"))
    assert answer.status_code == 200
    assert answer.json() == {"type": "RaadpleegMetBurgerservicenummer", "personen": []}


def test_fields_limit_the_answer_and_the_notices_come_along(brp_base_url):
    fields = [
        "burgerservicenummer",
        "naam.geslachtsnaam",
        "kinderen.burgerservicenummer",
    ]
    [person] = post(brp_base_url, by_bsn("999970124", fields=fields)).json()["personen"]
    assert set(person) == {"burgerservicenummer", "naam", "kinderen"}
    assert person["naam"] == {"geslachtsnaam": "Paassen"}
    assert person["kinderen"] == [
        {"burgerservicenummer": b}
        for b in ("999970409", "999970161", "999970173", "999970185")
    ]
    # Opschorting is added whatever the fields say (as the real API does).
    [emigrated] = post(
        brp_base_url, by_bsn("000009957", fields=["burgerservicenummer"])
    ).json()["personen"]
    assert emigrated["opschortingBijhouding"]["reden"]["code"] == "E"


def test_search_by_surname_and_birth_date(brp_base_url):
    body = {
        "type": "ZoekMetGeslachtsnaamEnGeboortedatum",
        "geslachtsnaam": "moul*",
        "geboortedatum": "1985-12-01",
        "fields": ["burgerservicenummer"],
    }
    answer = post(brp_base_url, body).json()
    assert answer == {
        "type": "ZoekMetGeslachtsnaamEnGeboortedatum",
        "personen": [{"burgerservicenummer": "999993653"}],
    }


def test_search_by_surname_leaves_out_the_deceased_unless_asked(brp_base_url):
    body = {
        "type": "ZoekMetGeslachtsnaamEnGeboortedatum",
        "geslachtsnaam": "Saasveld",
        "geboortedatum": "1998-12-01",
        "fields": ["burgerservicenummer"],
    }
    assert post(brp_base_url, body).json()["personen"] == []
    body["inclusiefOverledenPersonen"] = True
    [deceased] = post(brp_base_url, body).json()["personen"]
    assert deceased["burgerservicenummer"] == "999970239"
    assert deceased["opschortingBijhouding"]["reden"]["code"] == "O"


def test_search_by_postcode_and_house_number(brp_base_url):
    body = {
        "type": "ZoekMetPostcodeEnHuisnummer",
        "postcode": "3077 aw",
        "huisnummer": 31,
        "fields": ["burgerservicenummer"],
    }
    assert post(brp_base_url, body).json()["personen"] == [
        {"burgerservicenummer": "999993653"}
    ]


@pytest.mark.parametrize(
    ("body", "param"),
    [
        (
            {
                "type": "RaadpleegMetBurgerservicenummer",
                "burgerservicenummer": ["999993653"],
            },
            "fields",
        ),  # noqa: E501
        ({"burgerservicenummer": ["999993653"], "fields": ["naam"]}, "type"),
        (by_bsn("99999365", fields=["naam"]), "burgerservicenummer"),
        (by_bsn("999993653", fields=["wachtwoord"]), "fields"),
        (by_bsn("999993653", fields=["inOnderzoek"]), "fields"),
        (by_bsn("999993653", fields=["naam.inOnderzoek"]), "fields"),
        (by_bsn("999993653", fields=["geheimhoudingPersoonsgegevens"]), "fields"),
        (by_bsn("999993653", fields=["naam;voornamen"]), "fields"),
        # A search answers a limited person (PersoonBeperkt): no verblijfplaats.
        (
            {
                "type": "ZoekMetPostcodeEnHuisnummer",
                "postcode": "3077AW",
                "huisnummer": 31,
                "fields": ["verblijfplaats"],
            },
            "fields",
        ),  # noqa: E501
        (
            {
                "type": "ZoekMetPostcodeEnHuisnummer",
                "postcode": "0123AB",
                "huisnummer": 1,
                "fields": ["naam"],
            },
            "postcode",
        ),  # noqa: E501
        (
            {
                "type": "ZoekMetGeslachtsnaamEnGeboortedatum",
                "geslachtsnaam": "Moulin",
                "fields": ["naam"],
            },
            "geboortedatum",
        ),  # noqa: E501
    ],
)
def test_a_bad_request_is_400_problem_json(brp_base_url, body, param, validator_for):
    answer = post(brp_base_url, body)
    assert answer.status_code == 400
    assert answer.headers["content-type"].startswith("application/problem+json")
    problem = answer.json()
    assert problem["status"] == 400
    assert [p["name"] for p in problem["invalidParams"]] == [param]
    validator_for("Foutbericht").validate(problem)


def test_malformed_json_is_400(brp_base_url):
    answer = httpx.post(
        f"{brp_base_url}/personen",
        content=b"{niet json",
        headers={"X-API-KEY": API_KEY, "Content-Type": "application/json"},
    )
    assert answer.status_code == 400


def test_the_api_key_is_checked(brp_base_url):
    assert post(brp_base_url, by_bsn("999993653"), key="").status_code == 401
    assert post(brp_base_url, by_bsn("999993653"), key="fout").status_code == 401


def _errors(validator, body):
    """The schema's errors, but for `pattern`: the mock's test data deliberately
    holds names and descriptions the spec's patterns exclude (`/`, `°`, `@`,
    `<Onbekend> & </Onbemind>`) to test clients; the shape is what we check."""
    return [
        (list(e.absolute_path), e.message)
        for e in validator.iter_errors(body)
        if e.validator != "pattern"
    ]


def test_every_person_validates_against_the_spec_response_schema(validator_for):
    """All 1,176 persons, every field, without HTTP (the shape is the converter's)."""
    validator = validator_for("RaadpleegMetBurgerservicenummerResponse")
    for record in localdata.records():
        bsn = record["burgerservicenummer"]
        body = {
            "type": "RaadpleegMetBurgerservicenummer",
            "personen": localservice.search(by_bsn(bsn)),
        }
        assert _errors(validator, body) == [], bsn


@pytest.mark.parametrize(
    ("schema", "body"),
    [
        (
            "ZoekMetPostcodeEnHuisnummerResponse",
            {
                "type": "ZoekMetPostcodeEnHuisnummer",
                "postcode": "2511CA",
                "huisnummer": 1,
            },  # noqa: E501
        ),
        (
            "ZoekMetGeslachtsnaamEnGeboortedatumResponse",
            {
                "type": "ZoekMetGeslachtsnaamEnGeboortedatum",
                "geslachtsnaam": "Moulin",
                "geboortedatum": "1985-12-01",
            },  # noqa: E501
        ),
    ],
)
def test_searches_validate_over_http(brp_base_url, validator_for, schema, body):
    fields = ["burgerservicenummer", "naam", "geboorte", "leeftijd", "adressering"]
    answer = post(brp_base_url, body | {"fields": fields}).json()
    assert answer["personen"]
    assert _errors(validator_for(schema), answer) == []
