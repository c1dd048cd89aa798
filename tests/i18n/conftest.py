# The reminder tests' helicopter detachment, clock and dispatcher serve the reminders-in-your-language tests.
from tests.reminders.conftest import asset, eager_celery, provider, run_dispatch  # noqa: F401
