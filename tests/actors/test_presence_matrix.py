"""The 3W matrix: actors as rows, the areas (or sectors) where they work now as columns, a marked
cell linking to the actor; filtered by category; only actors the reader may see."""

import datetime as dt
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from actors.models import ActorPresence, Category
from cmcoord.models import Sensitivity
from tests.factories import ActorFactory, AreaFactory, MilitaryActorFactory, SectorFactory

pytestmark = pytest.mark.django_db


class _Matrix(HTMLParser):
    """The table as a reader sees it: header texts, then each row's texts (and cell links)."""

    def __init__(self):
        super().__init__()
        self.header, self.rows, self.links = [], [], {}
        self._in, self._section, self._cell, self._href = False, None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and "matrix" in (attrs.get("class") or ""):
            self._in = True
        elif not self._in:
            return
        elif tag in ("thead", "tbody", "tfoot"):
            self._section = tag
        elif tag == "tr" and self._section == "tbody":
            self.rows.append([])
        elif tag in ("th", "td"):
            self._cell, self._href = "", None
        elif tag == "a" and self._cell is not None and self._href is None:
            self._href = attrs.get("href")

    def handle_endtag(self, tag):
        if tag == "table":
            self._in = False
        if not self._in or tag not in ("th", "td") or self._cell is None:
            return
        text = " ".join(self._cell.split())
        if self._section == "thead":
            self.header.append(text)
        elif self._section == "tbody":
            self.rows[-1].append(text)
            if self._href and len(self.rows[-1]) > 1:
                self.links[(len(self.rows) - 1, len(self.rows[-1]) - 1)] = self._href
        self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += " " + data


def read(html: str) -> dict:
    """{actor name: {column header: cell text}} for the marked cells, and the links."""
    parser = _Matrix()
    parser.feed(html)
    grid = {}
    for row in parser.rows:
        name = row[0].rsplit(" ", 0)[0]
        grid[name] = {parser.header[i]: text for i, text in enumerate(row) if i and text}
    return {"grid": grid, "header": parser.header, "links": parser.links, "rows": parser.rows}


def page(client, user, operation, query="", status=200):
    client.force_login(user)
    response = client.get(reverse("actors:presence-matrix", args=[operation.pk]) + query)
    assert response.status_code == status
    return response.content.decode() if status == 200 else None


@pytest.fixture
def world(operation):
    sofala = AreaFactory(pcode="MZ07", name="Sofala")
    manica = AreaFactory(pcode="MZ06", name="Manica")
    log = SectorFactory(code="LOG", name="Logistics")
    wsh = SectorFactory(code="WSH", name="Water Sanitation Hygiene")
    wfp = ActorFactory(operation=operation, name="WFP")
    force = MilitaryActorFactory(operation=operation, name="SADC Force")
    secret = ActorFactory(operation=operation, name="Quiet Donor", sensitivity=Sensitivity.RESTRICTED)
    gone = ActorFactory(operation=operation, name="Departed NGO")
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    for actor, area, sector, end in [
        (wfp, sofala, log, None),
        (wfp, sofala, wsh, None),
        (wfp, manica, None, None),
        (force, manica, log, None),
        (secret, sofala, wsh, None),
        (gone, sofala, log, yesterday),
    ]:
        ActorPresence.objects.create(actor=actor, area=area, sector=sector, end_date=end)
    return {"wfp": wfp, "force": force}


def label(header: list[str], start: str) -> str:
    return next(h for h in header if h.startswith(start))


def test_rows_are_actors_columns_areas_and_cells_name_the_sectors(client, officer, operation, world):
    html = page(client, officer, operation)
    m = read(html)
    sofala, manica = label(m["header"], "Sofala"), label(m["header"], "Manica")
    wfp = next(k for k in m["grid"] if k.startswith("WFP"))
    force = next(k for k in m["grid"] if k.startswith("SADC Force"))
    assert "LOG" in m["grid"][wfp][sofala] and "WSH" in m["grid"][wfp][sofala]
    assert m["grid"][wfp][manica].startswith("●")
    assert "WFP: present in Manica" in m["grid"][wfp][manica]  # said in words, not by colour alone
    assert sofala not in m["grid"][force] and "LOG" in m["grid"][force][manica]
    assert not any(k.startswith("Departed NGO") for k in m["grid"]), "ended presences are left out"
    assert world["wfp"].get_absolute_url() in m["links"].values()


def test_columns_switch_to_sectors_with_their_translated_names(client, officer, operation, world):
    m = read(page(client, officer, operation, "?by=sector"))
    logistics = label(m["header"], "Logistics")
    assert logistics == "Logistics LOG"
    wfp = next(k for k in m["grid"] if k.startswith("WFP"))
    force = next(k for k in m["grid"] if k.startswith("SADC Force"))
    assert set(m["grid"][wfp]) == {logistics, label(m["header"], "Water"), label(m["header"], "Sector not")}
    assert set(m["grid"][force]) == {logistics}
    officer.language = "fr"
    officer.save(update_fields=["language"])
    header = read(page(client, officer, operation, "?by=sector"))["header"]
    assert "Logistique LOG" in header  # Sector.display_name: the IASC name in the reader's language


def test_filtered_by_category(client, officer, operation, world):
    m = read(page(client, officer, operation, f"?category={Category.FOREIGN_MILITARY}"))
    assert [k.split(" ")[0] for k in m["grid"]] == ["SADC"]
    assert [h.split(" ")[0] for h in m["header"]] == ["Actor", "Manica"], "columns follow the rows shown"
    query = "?category=foreign_military&category=international_civilian"
    both = read(page(client, officer, operation, query))
    assert len(both["grid"]) == 3


def test_bad_parameters_are_refused_clearly(client, officer, operation, world):
    html = page(client, officer, operation, "?by=country&category=pirates")
    assert 'class="error" role="alert"' in html and 'class="matrix"' not in html


def test_field_staff_do_not_see_hidden_actors_in_rows_or_counts(client, field, officer, operation, world):
    html = page(client, field, operation)
    assert "Quiet Donor" not in html
    m = read(html)
    sofala = m["header"].index(label(m["header"], "Sofala"))
    assert "Sofala" in html and html.count("present in Sofala") == 1  # WFP only
    assert sofala and "Quiet Donor" in page(client, officer, operation)
    footer = html.split("<tfoot>", 1)[1].split("</tfoot>", 1)[0]
    assert "<td>1</td>" in footer and "<td>2</td>" in footer  # Sofala 1 (WFP); Manica 2


def test_outsiders_and_other_operations_get_404(client, outsider, field_other, operation):
    page(client, outsider, operation, status=404)
    page(client, field_other, operation, status=404)


def test_the_query_count_does_not_grow_with_the_registry(client, officer, operation, world):
    def queries():
        client.force_login(officer)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("actors:presence-matrix", args=[operation.pk])).status_code == 200
        return len(captured)

    few = queries()
    for n in range(10):
        actor = ActorFactory(operation=operation)
        area = AreaFactory(pcode=f"MZ1{n}", name=f"District {n}")
        ActorPresence.objects.create(actor=actor, area=area, sector=SectorFactory(code="LOG"))
        ActorPresence.objects.create(actor=actor, area=area)
    assert queries() == few


def test_linked_from_the_actor_list_and_the_overview(client, field, operation):
    client.force_login(field)
    url = reverse("actors:presence-matrix", args=[operation.pk])
    for name in ("actors:list", "web:dashboard"):
        assert f'href="{url}"' in client.get(reverse(name, args=[operation.pk])).content.decode()
