"""The MCDA timeline: a bar per deployment from its deployment to its phase-out, a line for today,
each bar coloured (and labelled) by the least ready civilian alternative among its dependencies;
only what the reader may see, at a cost that does not grow with the registry."""

import datetime as dt
import re

import pytest
from defusedxml import ElementTree as ET
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assets import timeline
from assets.models import AssetStatus, Readiness
from cmcoord.models import Sensitivity
from tests.factories import AssetFactory, DependencyFactory, MilitaryActorFactory

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"


def page(client, user, operation, query="", status=200):
    client.force_login(user)
    response = client.get(reverse("assets:timeline", args=[operation.pk]) + query)
    assert response.status_code == status
    return response.content.decode() if status == 200 else None


def chart(html: str):
    """The page's SVG, parsed as the XML it must be."""
    found = re.search(r"<svg xmlns=.*?</svg>", html, re.S)
    assert found, "no timeline drawn"
    return ET.fromstring(found.group(0))


def bars(svg) -> dict:
    """Asset name -> its link in the drawing (the label, then the bar)."""
    return {a.find(f"{SVG}title").text.split(" · ")[0].strip("\u2068\u2069"): a for a in svg.iter(f"{SVG}a")}


def span(link) -> tuple[float, float] | None:
    rect = link.find(f"{SVG}rect")
    if rect is None:
        return None
    x = float(rect.get("x"))
    return x, x + float(rect.get("width"))


def today_x(svg) -> float:
    line = next(e for e in svg.iter(f"{SVG}line") if e.get("class") == "today")
    return float(line.get("x1"))


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def fleet(operation, today):
    """Four deployments: two ordinary, one without a phase-out date, one without any date."""
    day = dt.timedelta(days=1)
    return {
        "early": AssetFactory(
            operation=operation,
            provider=MilitaryActorFactory(operation=operation),
            name="Early airlift",
            deployed_on=today - 60 * day,
            phase_out_on=today,
        ),
        "later": AssetFactory(
            operation=operation,
            provider=MilitaryActorFactory(operation=operation),
            name="Later sealift",
            deployed_on=today - 20 * day,
            phase_out_on=today + 40 * day,
        ),
        "open": AssetFactory(
            operation=operation,
            provider=MilitaryActorFactory(operation=operation),
            name="Open-ended engineers",
            status=AssetStatus.REQUESTED,
            deployed_on=today - 10 * day,
            phase_out_on=None,
        ),
        "undated": AssetFactory(
            operation=operation,
            provider=MilitaryActorFactory(operation=operation),
            name="Undated water unit",
            status=AssetStatus.REQUESTED,
            deployed_on=None,
            phase_out_on=None,
        ),
    }


def test_bars_run_from_deployment_to_phase_out_in_time_order(client, officer, operation, fleet):
    drawn = bars(chart(page(client, officer, operation)))
    early, later = span(drawn["Early airlift"]), span(drawn["Later sealift"])
    assert early[0] < later[0], "the earlier deployment starts further left"
    assert early[1] < later[1], "the earlier phase-out ends further left"
    opened = drawn["Open-ended engineers"].find(f"{SVG}rect")
    assert opened.get("data-open") == "true"  # drawn to the axis end, dashed, and said so
    assert span(drawn["Open-ended engineers"])[1] > later[1]
    assert "open-ended" in drawn["Open-ended engineers"].find(f"{SVG}title").text
    assert span(drawn["Undated water unit"]) is None  # no bar, a note instead
    assert "no dates recorded" in drawn["Undated water unit"].find(f"{SVG}title").text


def test_the_today_line_stands_where_a_deployment_phasing_out_today_ends(client, officer, operation, fleet):
    svg = chart(page(client, officer, operation))
    drawn = bars(svg)
    assert today_x(svg) == pytest.approx(span(drawn["Early airlift"])[1], abs=0.01)
    assert span(drawn["Later sealift"])[0] < today_x(svg) < span(drawn["Later sealift"])[1]


def test_each_bar_links_to_its_deployment(client, officer, operation, fleet):
    drawn = bars(chart(page(client, officer, operation)))
    assert drawn["Later sealift"].get("href") == fleet["later"].get_absolute_url()


def test_in_arabic_time_runs_from_right_to_left(client, officer, operation, fleet):
    officer.language = "ar"
    officer.save(update_fields=["language"])
    html = page(client, officer, operation)
    assert 'dir="rtl"' in html
    svg = chart(html)
    drawn = bars(svg)
    early, later = span(drawn["Early airlift"]), span(drawn["Later sealift"])
    assert early[1] > later[1] and early[0] > later[0], "earlier is on the reader's start side (right)"
    assert today_x(svg) == pytest.approx(early[0], abs=0.01), "phasing out today: its left end is today"
    label = drawn["Later sealift"].find(f"{SVG}text")
    assert float(label.get("x")) == timeline.WIDTH - timeline.PAD and label.get("text-anchor") == "start"


def test_a_bar_takes_the_colour_of_its_least_ready_alternative(client, officer, operation, fleet):
    for readiness in (Readiness.READY, Readiness.IDENTIFIED, Readiness.ARRANGED):
        DependencyFactory(
            asset=fleet["later"], alternative_readiness=readiness, alternative_provider="WFP trucks"
        )
    DependencyFactory(
        asset=fleet["early"], alternative_readiness=Readiness.READY, alternative_provider="UNHAS"
    )
    drawn = bars(chart(page(client, officer, operation)))

    def colour(name):
        return drawn[name].find(f"{SVG}rect").get("fill")

    assert colour("Later sealift") == timeline.COLOURS["identified"]
    assert drawn["Later sealift"].get("data-readiness") == "identified"
    assert "alternative: identified" in drawn["Later sealift"].find(f"{SVG}title").text  # not colour alone
    assert colour("Early airlift") == timeline.COLOURS["ready"]
    assert drawn["Undated water unit"].get("data-readiness") == timeline.NO_DEPENDENCY


def test_hidden_records_are_neither_drawn_nor_counted_for_field_staff(
    client, field, officer, operation, fleet
):
    secret_provider = MilitaryActorFactory(
        operation=operation, name="Secret Task Force", sensitivity="restricted"
    )
    fleet["later"].provider = secret_provider
    fleet["later"].save()
    AssetFactory(operation=operation, name="Restricted gunship", sensitivity=Sensitivity.RESTRICTED)
    DependencyFactory(asset=fleet["later"], alternative_readiness=Readiness.READY, alternative_provider="WFP")
    DependencyFactory(asset=fleet["later"], sensitivity=Sensitivity.RESTRICTED)  # alternative: none
    html = page(client, field, operation)
    drawn = bars(chart(html))
    assert "Restricted gunship" not in drawn and "Restricted gunship" not in html
    assert "Secret Task Force" not in html, "a provider field staff may not see is not named"
    assert drawn["Later sealift"].get("data-readiness") == "ready", "the hidden dependency does not count"
    assert "4 deployments" in html  # the drawing's description counts only what is drawn

    officer_view = page(client, officer, operation)
    officer_bars = bars(chart(officer_view))
    assert "Restricted gunship" in officer_bars and "Secret Task Force" in officer_view
    assert officer_bars["Later sealift"].get("data-readiness") == "none"


def test_the_status_filter_draws_only_the_chosen_statuses(client, officer, operation, fleet):
    drawn = bars(chart(page(client, officer, operation, "?status=deployed")))
    assert set(drawn) == {"Early airlift", "Later sealift"}
    html = page(client, officer, operation, "?status=requested&status=deployed")
    assert len(bars(chart(html))) == 4
    assert 'value="requested" checked' in html and 'value="withdrawn">' in html


def test_a_status_that_does_not_exist_is_refused_clearly(client, officer, operation, fleet):
    html = page(client, officer, operation, "?status=sunk")
    assert 'class="error" role="alert"' in html
    assert "<svg xmlns" not in html


def test_outsiders_and_other_operations_get_404(client, outsider, field_other, operation):
    page(client, outsider, operation, status=404)
    page(client, field_other, operation, status=404)


def test_the_query_count_does_not_grow_with_the_registry(client, officer, operation, today):
    def queries():
        client.force_login(officer)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("assets:timeline", args=[operation.pk])).status_code == 200
        return len(captured)

    AssetFactory(operation=operation, provider=MilitaryActorFactory(operation=operation))
    few = queries()
    for n in range(12):
        asset = AssetFactory(operation=operation, provider=MilitaryActorFactory(operation=operation))
        DependencyFactory(asset=asset, alternative_readiness=Readiness.ARRANGED, alternative_provider=f"P{n}")
        DependencyFactory(asset=asset)
    assert queries() == few


def test_colours_read_at_4_5_to_1_against_the_white_chart():
    def luminance(hex_colour):
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    for key, colour in timeline.COLOURS.items():
        assert (1.05) / (luminance(colour) + 0.05) >= 4.5, key


def test_linked_from_the_mcda_list_and_the_overview(client, field, operation):
    client.force_login(field)
    url = reverse("assets:timeline", args=[operation.pk])
    for name in ("assets:list", "web:dashboard"):
        assert f'href="{url}"' in client.get(reverse(name, args=[operation.pk])).content.decode()
