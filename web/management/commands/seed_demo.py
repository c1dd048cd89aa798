from django.core.management.base import BaseCommand, CommandError

from web.demo import SeedError, seed_demo
from web.demo_data import USERS


class Command(BaseCommand):
    help = (
        "Create or refresh the demo: reference data, two operations (Mozambique cyclone, Malawi floods) "
        "and the users officer, hct, field, field2, outsider and admin. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            help="Password for every demo user (set on each run). Required the first time; "
            "without it, existing users keep their passwords.",
        )

    def handle(self, *args, password=None, **options):
        try:
            counts = seed_demo(password)
        except SeedError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS("Demo data is in place."))
        for label, count in counts:
            self.stdout.write(f"  {label:<28} {count:>5}")
        logins = ", ".join(username for username, *_ in USERS)
        secret = "the password given" if password else "their existing passwords"
        self.stdout.write(f"Logins: {logins} (admin is a superuser), with {secret}.")
