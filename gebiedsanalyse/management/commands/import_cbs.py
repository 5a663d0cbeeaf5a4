from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gebiedsanalyse import cbsdata
from gebiedsanalyse.importer import ImportFout, import_file
from gebiedsanalyse.importreport import max_bytes, too_big_message


class Command(BaseCommand):
    help = (
        "Importeert CBS Kerncijfers wijken en buurten (CSV, met --year) of "
        "gebiedsgrenzen (GeoJSON), ook gzipped (.csv.gz, .geojson.gz). "
        "Idempotent: opnieuw importeren werkt bij. Zelfde grens als de importpagina "
        "(CBS_UPLOAD_MAX_MB)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file", help="CSV- of GeoJSON-bestand van CBS, eventueel met .gz erachter"
        )
        parser.add_argument("--year", type=int, help="jaar van de cijfers (CSV)")
        parser.add_argument(
            "--gemeente", help="alleen deze gemeente (bijv. GM0599) plus NL00"
        )
        parser.add_argument(
            "--blank-missing",
            action="store_true",
            help="een lege cel wist een bekende waarde (standaard: die blijft staan)",
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Bestand niet gevonden: {path}")
        try:
            if path.stat().st_size > max_bytes():
                raise ImportFout(too_big_message())
            raw, file_name = cbsdata.read(path, max_bytes=max_bytes())
            report = import_file(
                raw=raw,
                file_name=file_name,
                year=options["year"],
                only_gemeente=options["gemeente"],
                blank_missing=options["blank_missing"],
                via="manage.py import_cbs",
            )
        except ImportFout as exc:
            raise CommandError(
                f"Niet geïmporteerd, er is niets gewijzigd: {exc}"
            ) from exc
        for line in report.lines():
            self.stdout.write(line)
