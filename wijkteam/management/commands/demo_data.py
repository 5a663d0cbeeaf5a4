from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from wijkteam import demo


class Command(BaseCommand):
    help = "Laadt demodata met demo-accounts (wachtwoord 'demo'). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Ook buiten DEBUG/WIJKTEAM_DEMO (nooit in productie).",
        )

    def handle(self, *args, **options):
        if not (settings.DEBUG or settings.DEMO_MODE or options["force"]):
            raise CommandError(
                "Demodata maakt accounts met wachtwoord 'demo'. Alleen met DEBUG, "
                "WIJKTEAM_DEMO=true of --force."
            )
        context = demo.load()
        self.stdout.write(
            f"Demodata staat klaar ({context.created} nieuw). Accounts, wachtwoord "
            f"'{demo.DEMO_PASSWORD}': {', '.join(demo.DEMO_ACCOUNTS)}"
        )
