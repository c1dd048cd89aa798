"""Run the reminder dispatcher without Celery beat: once (for cron) or in a loop (make run)."""

import logging
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections

from cmcoord.reminders import dispatch

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Send the reminders that are due (MCDA phase-outs, action points, meetings tomorrow), "
        "exactly as the Celery beat dispatcher does. Without Redis the e-mails are sent inline; "
        "with REDIS_URL set, each delivery is queued for the workers."
    )

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="Repeat until killed.")
        parser.add_argument(
            "--every",
            type=int,
            default=None,
            help="Seconds between runs with --loop (default: REMINDER_DISPATCH_EVERY_SECONDS).",
        )

    def handle(self, *args, loop=False, every=None, **options):
        every = every if every is not None else settings.REMINDER_DISPATCH_EVERY_SECONDS
        if every < 1:
            raise CommandError("--every must be at least 1 second.")
        if not loop:
            self.stdout.write(f"Reminders: {dispatch()}")
            return
        try:
            self._loop(every)
        except KeyboardInterrupt:
            self.stdout.write("Reminder loop stopped.")

    def _loop(self, every: int) -> None:
        while True:
            close_old_connections()  # a long-lived process must not keep a dead connection
            try:
                self.stdout.write(f"Reminders: {dispatch()}")
            except Exception:
                # A database hiccup must not end the loop: the next run catches up.
                logger.exception("Reminder dispatch failed; retrying in %s s", every)
            self.stdout.flush()
            time.sleep(every)
