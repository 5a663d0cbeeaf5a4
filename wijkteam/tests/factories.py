import factory
from factory.django import DjangoModelFactory

from wijkteam.constants import Role
from wijkteam.models import Membership, Team, User


class DutchName(factory.Faker):
    """A Dutch name from Faker without the apostrophe of names like "'s Gravensande".

    Pages HTML-escape the apostrophe, so a test that looks for a generated name in a
    page failed on the few seeds that drew such a name. Escaping itself is tested
    with fixed names where it matters.
    """

    def __init__(self, kind="name"):
        super().__init__(kind, locale="nl_NL")

    def evaluate(self, instance, step, extra):
        return super().evaluate(instance, step, extra).replace("'", "")


class TeamFactory(DjangoModelFactory):
    class Meta:
        model = Team
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Wijkteam {n}")
    gemeente = "Rotterdam"
    location_name = factory.LazyAttribute(lambda o: f"Informatiepunt {o.name}")
    city = "Rotterdam"
    opening_hours = "Ma t/m vr 9.00–17.00 uur"
    crisis_instructions = "Bij direct gevaar: bel 112."


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = DutchName("first_name")
    last_name = DutchName("last_name")
    email = factory.LazyAttribute(lambda o: f"{o.username}@wijkteam.example")
    password = factory.django.Password("geheim-wachtwoord-123")


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    team = factory.SubFactory(TeamFactory)
    role = Role.WIJKTEAMLID
    moederorganisatie = "Welzijn Rotterdam"

    class Params:
        balie = factory.Trait(role=Role.BALIE)
        teamleider = factory.Trait(role=Role.TEAMLEIDER)
        kwartiermaker = factory.Trait(role=Role.KWARTIERMAKER)
        beheerder = factory.Trait(role=Role.BEHEERDER)
        inactive = factory.Trait(is_active=False)
