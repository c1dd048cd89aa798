# The sender's e-mails go through the reminder delivery task: inline here even when REDIS_URL is
# set (CI), as in the reminder tests; the worker tests start real workers.
from tests.reminders.conftest import eager_celery  # noqa: F401
