"""Each reminder goes out in its recipient's language: their choice, else the operation's default."""

import datetime as dt

import pytest
from django.utils import translation

from cmcoord.reminders.messages import date_text, datetime_text
from tests.i18n.catalogs import install_catalog
from tests.reminders.conftest import days_before

pytestmark = pytest.mark.django_db

FRENCH = {
    "%(asset)s phases out in %(days)d day": "%(asset)s : retrait progressif dans %(days)d jour",
    "%(asset)s phases out in %(days)d days": "%(asset)s : retrait progressif dans %(days)d jours",
}


@pytest.fixture
def french_catalog(settings, tmp_path):
    install_catalog(settings, tmp_path, "fr", lambda msgid: FRENCH.get(msgid, msgid))


def subjects(mailoutbox) -> dict[str, str]:
    return {message.to[0]: message.subject for message in mailoutbox}


def test_a_french_speaking_hct_member_gets_the_reminder_in_french(
    french_catalog,
    asset,
    officer,
    hct,
    field,
    mailoutbox,
    run_dispatch,  # noqa: F811
):
    hct.language = "fr"
    hct.save()
    with days_before(7):
        run_dispatch()
    sent = subjects(mailoutbox)
    assert sent[hct.email].endswith("retrait progressif dans 7 jours")
    assert sent[officer.email].endswith("phases out in 7 days")
    assert translation.get_language() == "en"  # composing for her did not change the worker's language


def test_members_who_chose_nothing_get_the_operations_default_language(
    french_catalog,
    operation,
    asset,
    officer,
    mailoutbox,
    run_dispatch,  # noqa: F811
):
    operation.default_language = "fr"
    operation.save()
    with days_before(7):
        run_dispatch()
    assert subjects(mailoutbox)[officer.email].endswith("retrait progressif dans 7 jours")


def test_dates_in_messages_follow_the_readers_locale_and_the_operations_zone():
    moment = dt.datetime(2026, 11, 30, 22, 30, tzinfo=dt.UTC)
    maputo = dt.timezone(dt.timedelta(hours=2))
    with translation.override("fr"):
        assert date_text(dt.date(2026, 12, 1)) == "1 décembre 2026"
        assert datetime_text(moment, maputo).startswith("1 décembre 2026 00:30")
    with translation.override("en"):
        assert date_text(dt.date(2026, 12, 1)) == "1 December 2026"  # cmcoord/locale_formats/en


def test_with_the_real_catalog_a_french_hct_member_reads_her_reminder_and_its_page_in_french(
    asset,
    hct,
    client,
    mailoutbox,
    run_dispatch,  # noqa: F811
):
    hct.language = "fr"
    hct.save()
    with days_before(7):
        run_dispatch()
    [mail] = [m for m in mailoutbox if m.to == [hct.email]]
    assert mail.subject.endswith("retrait progressif dans 7 jours")
    client.force_login(hct)
    page = client.get(asset.get_absolute_url()).content.decode()
    assert '<html lang="fr"' in page and "Retrait progressif" in page
