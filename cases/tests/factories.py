import datetime as dt

from django.utils import timezone

import factory
from factory.django import DjangoModelFactory

from cases.casework.constants import CaseStatus
from cases.intake.constants import (
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
from cases.persons.validators import BSN_WEIGHTS, search_key
from wijkteam.tests.factories import DutchName, TeamFactory, UserFactory


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
    first_name = DutchName("first_name")
    prefix = ""
    last_name = DutchName("last_name")
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


# --- netwerk en achterdeur -----------------------------------------------------


class NetworkEntryFactory(DjangoModelFactory):
    class Meta:
        model = "cases.NetworkEntry"

    case = factory.SubFactory(CaseFactory)
    kind = "familie"
    name = DutchName()
    relation = "tante"
    since = dt.date(2026, 1, 5)
    created_by = factory.SubFactory(UserFactory)

    class Params:
        professional = factory.Trait(
            kind="professional", organisation="GGD", relation="jeugdverpleegkundige"
        )


class ProviderFactory(DjangoModelFactory):
    class Meta:
        model = "cases.Provider"

    team = factory.SubFactory(TeamFactory)
    name = factory.Sequence(lambda n: f"Zorgaanbieder {n}")


class ProviderProductFactory(DjangoModelFactory):
    class Meta:
        model = "cases.ProviderProduct"

    provider = factory.SubFactory(ProviderFactory)
    name = factory.Sequence(lambda n: f"Product {n}")
    norm_weeks = 4
    current_wait_weeks = 6
    current_wait_since = dt.date(2026, 10, 1)


class ReferralFactory(DjangoModelFactory):
    class Meta:
        model = "cases.Referral"

    case = factory.SubFactory(CaseFactory)
    product = factory.SubFactory(
        ProviderProductFactory, provider__team=factory.SelfAttribute("...case.team")
    )
    reason = "Specialistische hulp nodig."
    asked_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=7))
    norm_weeks = factory.SelfAttribute("product.norm_weeks")
    due_on = factory.LazyAttribute(
        lambda o: o.asked_on + dt.timedelta(weeks=o.norm_weeks)
    )
    created_by = factory.SubFactory(UserFactory)


class AllocationFactory(DjangoModelFactory):
    class Meta:
        model = "cases.Allocation"

    case = factory.SubFactory(CaseFactory)
    kind = "begeleiding"
    legal_basis = "wmo"
    status = "toegekend"
    decided_on = dt.date(2026, 9, 1)
    start_on = dt.date(2026, 9, 15)
    created_by = factory.SubFactory(UserFactory)
