import datetime as dt

import factory
from factory.django import DjangoModelFactory

from cases.constants import (
    CaseStatus,
    Channel,
    IntakeOutcome,
    QuestionStatus,
    Relation,
    Urgency,
)
from cases.models import (
    Case,
    Household,
    HouseholdMember,
    Person,
    Question,
    Voorziening,
)
from cases.validators import BSN_WEIGHTS, search_key
from wijkteam.tests.factories import TeamFactory, UserFactory


def valid_bsn(n: int) -> str:
    """The n-th 11-proef-valid BSN from 100000000 up (deterministic)."""
    seed = 10000000 + n * 7
    while True:
        head = f"{seed:08d}"
        check = sum(int(d) * w for d, w in zip(head, BSN_WEIGHTS[:8], strict=True)) % 11
        if check < 10:
            return head + str(check)
        seed += 1


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    team = factory.SubFactory(TeamFactory)
    first_name = factory.Faker("first_name", locale="nl_NL")
    prefix = ""
    last_name = factory.Faker("last_name", locale="nl_NL")
    birth_date = factory.Faker(
        "date_between", start_date=dt.date(1940, 1, 1), end_date=dt.date(2005, 1, 1)
    )
    postcode = "3071 AB"
    house_number = factory.Sequence(lambda n: str(n + 1))
    street = "Oranjeboomstraat"
    city = "Rotterdam"
    search_name = factory.LazyAttribute(
        lambda o: search_key(o.first_name, o.prefix, o.last_name)
    )

    class Params:
        with_bsn = factory.Trait(bsn=factory.Sequence(valid_bsn))
        unknown_address = factory.Trait(postcode="", house_number="", street="")


class VoorzieningFactory(DjangoModelFactory):
    class Meta:
        model = Voorziening
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Voorziening {n}")


class QuestionFactory(DjangoModelFactory):
    class Meta:
        model = Question

    team = factory.SubFactory(TeamFactory)
    person = factory.SubFactory(PersonFactory, team=factory.SelfAttribute("..team"))
    channel = Channel.INLOOP
    text = "Ik begrijp een brief van de gemeente niet."
    urgency = Urgency.NORMAAL
    outcome = IntakeOutcome.BEANTWOORD
    status = QuestionStatus.AFGEHANDELD
    registered_by = factory.SubFactory(UserFactory)

    class Params:
        queued = factory.Trait(
            outcome=IntakeOutcome.VRAAGVERHELDERING, status=QuestionStatus.WACHTRIJ
        )
        planned = factory.Trait(
            outcome=IntakeOutcome.VRAAGVERHELDERING,
            status=QuestionStatus.GEPLAND,
            assigned_to=factory.SubFactory(UserFactory),
        )
        anonymous = factory.Trait(person=None, anonymous_label="Mevrouw")
        crisis = factory.Trait(urgency=Urgency.CRISIS)


class HouseholdFactory(DjangoModelFactory):
    class Meta:
        model = Household

    team = factory.SubFactory(TeamFactory)
    name = factory.Sequence(lambda n: f"Huishouden {n}")


class HouseholdMemberFactory(DjangoModelFactory):
    class Meta:
        model = HouseholdMember

    household = factory.SubFactory(HouseholdFactory)
    person = factory.SubFactory(
        PersonFactory, team=factory.SelfAttribute("..household.team")
    )
    relation = Relation.HOOFDBEWONER
    is_main_contact = True


class CaseFactory(DjangoModelFactory):
    class Meta:
        model = Case

    team = factory.SubFactory(TeamFactory)
    household = factory.SubFactory(
        HouseholdFactory, team=factory.SelfAttribute("..team")
    )
    opened_by = factory.SubFactory(UserFactory)
    status = CaseStatus.AANGEMELD

    class Params:
        closed = factory.Trait(status=CaseStatus.AFGESLOTEN)
        in_progress = factory.Trait(status=CaseStatus.IN_BEHANDELING)
