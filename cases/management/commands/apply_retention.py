"""manage.py apply_retention [--dry-run]: remove what has been kept long enough."""

from django.core.management.base import BaseCommand

from cases.privacy.retention import retention_apply


class Command(BaseCommand):
    help = (
        "Verwijdert wat langer bewaard is dan de bewaartermijn (zie "
        "cases/privacy/retention.py) en meldt wat er is gedaan."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Alleen melden wat er verwijderd zou worden; niets wijzigen.",
        )

    def handle(self, *args, dry_run: bool = False, **options):
        report = retention_apply(dry_run=dry_run)
        for line in report.lines():
            self.stdout.write(line)
