"""Officers keep the security context per area in the browser; members read it before they travel."""

import datetime as dt

from django.test import Client

from cmcoord.models import SecurityAssessment, Sensitivity
from tests.factories import AreaFactory
from tests.pages import form_errors, page


def _assessment_data(area, **changes):
    return {
        "area": area.pk,
        "level": "4",
        "association_risks": "Armed escorts draw attention on the Beira corridor.",
        "assessed_on": "2026-11-20",
        "sensitivity": "internal",
        **changes,
    }


def _body(response) -> str:
    return response.content.decode()


def test_an_officer_records_a_newer_assessment_and_the_older_one_stays_as_history(
    browser, operation, officer
):
    sofala = AreaFactory(pcode="MZ07", name="Sofala")
    response = browser.post(page("cmcoord:security-create", operation), _assessment_data(sofala), follow=True)
    first = SecurityAssessment.objects.get(operation=operation)
    assert response.redirect_chain[-1][0] == page("cmcoord:security-detail", operation, pk=first.pk)
    assert "recorded" in _body(response) and first.level == 4

    newer = _assessment_data(
        sofala, level="2", assessed_on="2026-11-28", association_risks="Calm since the rains."
    )
    browser.post(page("cmcoord:security-create", operation), newer)
    second = SecurityAssessment.objects.exclude(pk=first.pk).get()

    listing = _body(browser.get(page("cmcoord:security-list", operation)))
    current, earlier = listing.split("Earlier assessments")
    assert "Calm since the rains." in current and "Armed escorts" not in current
    assert "Armed escorts" in earlier  # still readable, as the area's history
    older_page = _body(browser.get(first.get_absolute_url()))
    assert "A newer assessment of this area replaces this one" in older_page
    assert second.get_absolute_url() in older_page


def test_an_officer_corrects_then_deletes_an_assessment(browser, operation):
    area = AreaFactory(pcode="MZ07", name="Sofala")
    browser.post(page("cmcoord:security-create", operation), _assessment_data(area))
    assessment = SecurityAssessment.objects.get()
    edited = _assessment_data(area, level="5", version=assessment.version)
    response = browser.post(page("cmcoord:security-update", operation, pk=assessment.pk), edited, follow=True)
    assessment.refresh_from_db()
    assert assessment.level == 5 and "saved" in _body(response)

    confirm = browser.get(page("cmcoord:security-delete", operation, pk=assessment.pk))
    assert "Delete security assessment" in _body(confirm)
    response = browser.post(page("cmcoord:security-delete", operation, pk=assessment.pk), follow=True)
    assert not SecurityAssessment.objects.exists()
    assert response.redirect_chain[-1][0] == page("cmcoord:security-list", operation)


def test_a_bad_assessment_is_refused_with_what_was_typed_kept(browser, operation):
    area = AreaFactory(pcode="MZ07", name="Sofala")
    typed = _assessment_data(area, level="9", association_risks="Kept text")
    response = browser.post(page("cmcoord:security-create", operation), typed)
    assert response.status_code == 200 and "level" in form_errors(response)
    assert "Kept text" in _body(response) and not SecurityAssessment.objects.exists()
    malawi = AreaFactory(pcode="MW", name="Malawi", level=0, country="MWI", parent=None)
    response = browser.post(page("cmcoord:security-create", operation), _assessment_data(malawi))
    assert "area" in form_errors(response) and not SecurityAssessment.objects.exists()


def test_field_staff_and_the_hct_read_but_do_not_write(client, operation, field, hct):
    area = AreaFactory(pcode="MZ07", name="Sofala")
    assessment = SecurityAssessment.objects.create(
        operation=operation,
        area=area,
        level=3,
        association_risks="Avoid convoys.",
        assessed_on=dt.date(2026, 11, 1),
    )
    for reader in (field, hct):
        client.force_login(reader)
        listing = client.get(page("cmcoord:security-list", operation))
        assert listing.status_code == 200 and "Avoid convoys." in _body(listing)
        assert page("cmcoord:security-create", operation) not in _body(listing)
        assert page("cmcoord:security-update", operation, pk=assessment.pk) not in _body(
            client.get(assessment.get_absolute_url())
        )
        assert client.get(page("cmcoord:security-create", operation)).status_code == 403
        assert (
            client.post(page("cmcoord:security-create", operation), _assessment_data(area)).status_code == 403
        )
        assert client.post(page("cmcoord:security-delete", operation, pk=assessment.pk)).status_code == 403
    assert list(SecurityAssessment.objects.all()) == [assessment]


def test_field_staff_see_their_current_assessment_without_learning_of_a_hidden_newer_one(
    client, operation, field, officer
):
    area = AreaFactory(pcode="MZ07", name="Sofala")
    internal = SecurityAssessment.objects.create(
        operation=operation,
        area=area,
        level=3,
        association_risks="Avoid convoys.",
        assessed_on=dt.date(2026, 11, 1),
    )
    SecurityAssessment.objects.create(
        operation=operation,
        area=area,
        level=5,
        association_risks="Liaison officers only.",
        assessed_on=dt.date(2026, 11, 20),
        sensitivity=Sensitivity.RESTRICTED,
    )
    client.force_login(field)
    listing = _body(client.get(page("cmcoord:security-list", operation)))
    assert "Avoid convoys." in listing and "Earlier assessments" not in listing and "Liaison" not in listing
    assert "replaces this one" not in _body(client.get(internal.get_absolute_url()))
    officers = Client()
    officers.force_login(officer)
    assert "Earlier assessments" in _body(officers.get(page("cmcoord:security-list", operation)))


def test_the_list_costs_the_same_for_many_areas(browser, operation, django_assert_max_num_queries):
    made = []

    def add(count):
        for _n in range(count):
            area = AreaFactory(pcode=f"MZ9{len(made):03d}")
            made.append(area)
            for day in (1, 2):
                SecurityAssessment.objects.create(
                    operation=operation,
                    area=area,
                    level=2,
                    association_risks="r",
                    assessed_on=dt.date(2026, 11, day),
                )

    add(1)
    browser.get(page("cmcoord:security-list", operation))
    with django_assert_max_num_queries(25) as few:
        browser.get(page("cmcoord:security-list", operation))
    add(15)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert browser.get(page("cmcoord:security-list", operation)).status_code == 200
