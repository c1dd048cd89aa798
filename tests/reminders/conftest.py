"""Fixtures of the reminder tests: a helicopter detachment phasing out, its dependencies, a clock."""

import datetime as dt

import pytest
import time_machine

from assets.models import Readiness
from cmcoord.celery import app as celery_app
from cmcoord.reminders import dispatch
from tests.factories import AssetFactory, DependencyFactory, MilitaryActorFactory

from .smtp import SmtpServer

PHASE_OUT = dt.date(2026, 12, 20)
MAPUTO = dt.timezone(dt.timedelta(hours=2))  # Africa/Maputo: UTC+2, no daylight saving


def at(day: dt.date, hour: int = 9, tz: dt.tzinfo = MAPUTO):
    """Freeze the clock at a local hour of a day (Maputo by default)."""
    return time_machine.travel(dt.datetime(day.year, day.month, day.day, hour, tzinfo=tz), tick=False)


def days_before(days: int, hour: int = 9):
    return at(PHASE_OUT - dt.timedelta(days=days), hour)


@pytest.fixture(autouse=True)
def eager_celery():
    """Unit tests run tasks inline even when REDIS_URL is set; the worker tests start real workers."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture
def run_dispatch(django_capture_on_commit_callbacks):
    """One dispatcher run; the test's transaction never commits, so run the on-commit sends."""

    def run():
        with django_capture_on_commit_callbacks(execute=True):
            return dispatch()

    return run


@pytest.fixture
def provider(operation):
    return MilitaryActorFactory(
        operation=operation, name="South African National Defence Force", acronym="SANDF"
    )


@pytest.fixture
def asset(operation, provider, officer, hct, field):
    """Officer and HCT member hear of it, and so does its focal point (field staff)."""
    helicopters = AssetFactory(
        operation=operation,
        provider=provider,
        name="2 × Oryx helicopters, Beira",
        phase_out_on=PHASE_OUT,
        focal_point=field,
    )
    DependencyFactory(
        asset=helicopters,
        operation=operation,
        activity="Food distribution in Búzi district",
        criticality="critical",
        alternative_provider="WFP road convoy",
        alternative_readiness=Readiness.IDENTIFIED,
    )
    DependencyFactory(
        asset=helicopters,
        operation=operation,
        activity="Medical evacuation from Nhamatanda",
        criticality="high",
        alternative_provider="MAF light aircraft",
        alternative_readiness=Readiness.READY,
    )
    return helicopters


@pytest.fixture
def smtp(settings):
    """A real SMTP server on loopback, down until the test starts it; Django sends to it."""
    server = SmtpServer()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", server.port, 5
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield server
    server.stop()
