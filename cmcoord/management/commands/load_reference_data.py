from django.core.management.base import BaseCommand

from cmcoord.reference import load_all


class Command(BaseCommand):
    help = "Load the IASC sectors and the administrative areas shipped in cmcoord/data (idempotent)."

    def handle(self, *args, **options):
        for label, outcomes in load_all().items():
            self.stdout.write(f"{label}: {format_outcomes(outcomes)}")


def format_outcomes(outcomes) -> str:
    total = sum(outcomes.values())
    parts = ", ".join(f"{outcomes[key]} {key}" for key in ("created", "updated", "unchanged"))
    return f"{total} rows ({parts})"
