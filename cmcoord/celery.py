"""The Celery app: configured from Django settings (CELERY_ namespace), tasks autodiscovered."""

import os

from celery import Celery
from celery.signals import setup_logging, task_postrun, task_prerun

from cmcoord.logs import configure, request_id_var

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cmcoord.settings")

app = Celery("cmcoord")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@setup_logging.connect
def use_django_logging(**kwargs):
    """The worker and beat log like the web processes (settings.LOGGING: JSON in production)."""
    from django.conf import settings

    configure(settings.LOGGING)


# A task run in-process (local mode, eager) gives the request's id back when it ends.
_outer_ids = {}


@task_prerun.connect
def bind_task_id(task_id=None, **kwargs):
    """Inside a task, every log line's request_id is the task's id."""
    _outer_ids[task_id] = request_id_var.set(task_id)


@task_postrun.connect
def unbind_task_id(task_id=None, **kwargs):
    token = _outer_ids.pop(task_id, None)
    if token is not None:
        try:
            request_id_var.reset(token)
        except ValueError:  # set in another context: nothing to give back
            request_id_var.set(None)
