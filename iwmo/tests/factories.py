import datetime as dt
import hashlib

import factory
from factory.django import DjangoModelFactory

from iwmo.constants import ImportStatus, Richting, Via
from iwmo.models import Bericht, BerichtImport
from iwmo.tests import builders


class BerichtImportFactory(DjangoModelFactory):
    class Meta:
        model = BerichtImport

    via = Via.PAGINA
    status = ImportStatus.DONE
    total = 1
    processed = 1
    stored = 1
    report = factory.LazyFunction(
        lambda: [
            {
                "bestand": "WMO301.xml",
                "uitkomst": "opgeslagen",
                "melding": "Opgeslagen.",
                "bericht": "WMO301 T1 van 06-01-2025",
            }
        ]
    )


class BerichtFactory(DjangoModelFactory):
    """A 301 toewijzing the gemeente sent (what a later session will write)."""

    class Meta:
        model = Bericht

    class Params:
        identificatie_n = factory.Sequence(lambda n: f"V{n:011d}")

    code = "301"
    richting = Richting.VERZONDEN
    afzender = builders.GEMEENTE
    ontvanger = builders.AANBIEDER
    identificatie = factory.LazyAttribute(lambda o: o.identificatie_n)
    dagtekening = dt.date(2025, 1, 6)
    xml = factory.LazyAttribute(
        lambda o: builders.toewijzing(
            identificatie=o.identificatie, dagtekening=o.dagtekening
        ).decode()
    )
    sha256 = factory.LazyAttribute(lambda o: hashlib.sha256(o.xml.encode()).hexdigest())
    inhoud = factory.LazyFunction(lambda: {"bsn": builders.BSN, "producten": []})
    bsn = builders.BSN
