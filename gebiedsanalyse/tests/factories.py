import factory
from factory.django import DjangoModelFactory

from gebiedsanalyse.constants import AreaLevel, PlaceKind, ResourceKind, Urgency
from gebiedsanalyse.models import (
    Area,
    AreaFigure,
    InfoMeeting,
    OutreachAction,
    ResidentGroup,
    Resource,
    SocialPlace,
)
from wijkteam.tests.factories import TeamFactory

SQUARE = {
    "type": "Polygon",
    "coordinates": [
        [[4.0, 51.0], [4.01, 51.0], [4.01, 51.01], [4.0, 51.01], [4.0, 51.0]]
    ],
}


class AreaFactory(DjangoModelFactory):
    class Meta:
        model = Area
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"BU{9000 + n // 100:04d}{n % 100:02d}01")
    name = factory.Sequence(lambda n: f"Buurt {n}")
    level = AreaLevel.BUURT

    class Params:
        gemeente = factory.Trait(
            level=AreaLevel.GEMEENTE,
            code=factory.Sequence(lambda n: f"GM{8000 + n:04d}"),
            name=factory.Sequence(lambda n: f"Gemeente {n}"),
        )
        wijk = factory.Trait(
            level=AreaLevel.WIJK,
            code=factory.Sequence(lambda n: f"WK{8000 + n:04d}01"),
            name=factory.Sequence(lambda n: f"Wijk {n}"),
        )
        with_boundary = factory.Trait(geometry=SQUARE)


class AreaFigureFactory(DjangoModelFactory):
    class Meta:
        model = AreaFigure

    area = factory.SubFactory(AreaFactory)
    year = 2024
    indicator = "inwoners"
    value = 1000

    class Params:
        unknown = factory.Trait(value=None)


class SocialPlaceFactory(DjangoModelFactory):
    class Meta:
        model = SocialPlace

    team = factory.SubFactory(TeamFactory)
    kind = PlaceKind.WIJKORGANISATIE
    name = factory.Sequence(lambda n: f"Wijkcentrum {n}")
    offer = "Inloop en taalcafé"

    class Params:
        sleutelfiguur = factory.Trait(kind=PlaceKind.SLEUTELFIGUUR)
        religieus = factory.Trait(kind=PlaceKind.RELIGIEUS)


class ResourceFactory(DjangoModelFactory):
    class Meta:
        model = Resource

    team = factory.SubFactory(TeamFactory)
    kind = ResourceKind.HULPBRON
    title = factory.Sequence(lambda n: f"Speeltuin {n}")

    class Params:
        potentie = factory.Trait(kind=ResourceKind.POTENTIE)


class ResidentGroupFactory(DjangoModelFactory):
    class Meta:
        model = ResidentGroup

    team = factory.SubFactory(TeamFactory)
    name = factory.Sequence(lambda n: f"Jongeren {n}")


class OutreachActionFactory(DjangoModelFactory):
    class Meta:
        model = OutreachAction

    team = factory.SubFactory(TeamFactory)
    title = factory.Sequence(lambda n: f"Actie {n}")
    goal = "Kennismaken"
    urgency = Urgency.MIDDEL

    class Params:
        urgent = factory.Trait(urgency=Urgency.HOOG)


class InfoMeetingFactory(DjangoModelFactory):
    class Meta:
        model = InfoMeeting

    team = factory.SubFactory(TeamFactory)
    title = factory.Sequence(lambda n: f"Bijeenkomst {n}")
    held_on = factory.Faker("date_this_year")
    channels = factory.LazyFunction(lambda: ["wijkkrant"])
