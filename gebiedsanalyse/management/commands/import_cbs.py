from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gebiedsanalyse import cbsdata
from gebiedsanalyse.importer import ImportFout, import_file


class Command(BaseCommand):
    help = (
        "Importeert CBS Kerncijfers wijken en buurten (CSV, met --year) of "
        "gebiedsgrenzen (GeoJSON), ook gzipped (.csv.gz, .geojson.gz). "
        "Idempotent: opnieuw importeren werkt bij."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file", help="CSV- of GeoJSON-bestand van CBS, eventueel met .gz erachter"
        )
        parser.add_argument("--year", type=int, help="jaar van de cijfers (CSV)")
        parser.add_argument(
            "--gemeente", help="alleen deze gemeente (bijv. GM0599) plus NL00"
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Bestand niet gevonden: {path}")
        try:
            raw, file_name = cbsdata.read(path)
            report = import_file(
                raw=raw,
                file_name=file_name,
                year=options["year"],
                only_gemeente=options["gemeente"],
            )
        except ImportFout as exc:
            raise CommandError(
                f"Niet geïmporteerd, er is niets gewijzigd: {exc}"
            ) from exc
        for line in report.lines():
            self.stdout.write(line)
