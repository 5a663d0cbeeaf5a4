from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from iwmo import services
from iwmo.constants import Uitkomst, Via


class Command(BaseCommand):
    help = (
        "Importeert iWmo 3.2-berichten (301, 305, 307, 315, 317 en de retours): "
        "bestanden, mappen (alles eronder, zoals een berichtenbox ze neerzet) of "
        "zip-bestanden. Idempotent: een bericht dat al ontvangen is, wordt "
        "overgeslagen. Een geweigerd bestand stopt de rest niet."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="bestanden, mappen of zips")
        parser.add_argument(
            "--verbose-report",
            action="store_true",
            help="ook elk opgeslagen en al ontvangen bestand noemen",
        )

    def handle(self, *args, **options):
        missing = [p for p in options["paths"] if not Path(p).exists()]
        if missing:
            raise CommandError("Niet gevonden: " + ", ".join(missing))
        run = services.import_files(
            bestanden=services.from_paths(options["paths"]), via=Via.COMMANDO
        )
        for entry in run.report:
            refused = entry["uitkomst"] == Uitkomst.GEWEIGERD
            if refused:
                self.stderr.write(f"{entry['bestand']}: {entry['melding']}")
            elif options["verbose_report"]:
                self.stdout.write(f"{entry['bestand']}: {entry['melding']}")
        self.stdout.write(
            f"Import {run.pk}: {run.total} bestand(en), {run.stored} opgeslagen, "
            f"{run.duplicates} al ontvangen, {run.refused} geweigerd."
        )
