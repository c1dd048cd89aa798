"""?format=geojson and ?format=kml on an API list: the right type, a safe file name, every row the
reader may read streamed chunk by chunk into one valid file, errors still JSON."""

import json
from pathlib import Path

import geojson
import pytest
from lxml import etree
from rest_framework.test import APIRequestFactory, force_authenticate

from cmcoord.api import viewsets
from cmcoord.api.views import OperationViewSet
from cmcoord.formats.renderers import EXPORT_RENDERERS, GeoJSONRenderer, KMLRenderer
from cmcoord.geo import Feature, Point, Position
from cmcoord.roles import Role
from cmcoord.services import role_grant
from tests.factories import OperationFactory

NS = {"k": "http://www.opengis.net/kml/2.2"}


def operation_sites(rows, *, request, view):
    """One point per operation (a stand-in for an app's notified sites)."""
    return [
        Feature(id=f"operation-{o.pk}", name=o.name, geometry=Point(Position(30 + o.pk % 10, -19)))
        for o in rows
    ]


class MappedOperations(OperationViewSet):
    exports = {"geojson": operation_sites, "kml": operation_sites}

    def export_title(self, fmt):
        return "Operations <&> map"


def _get(user, fmt="", **params):
    request = APIRequestFactory().get("/api/v1/operations/", {**params, **({"format": fmt} if fmt else {})})
    if user is not None:
        force_authenticate(request, user=user)
    response = MappedOperations.as_view({"get": "list"}, basename="operation")(request)
    if hasattr(response, "render"):  # an error: a DRF response
        response.render()
    return response


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def many_operations(officer, operation, monkeypatch):
    """Seven operations the officer belongs to (three chunks of three), one they do not."""
    monkeypatch.setattr(viewsets, "EXPORT_CHUNK", 3)
    mine = [operation] + [OperationFactory() for _ in range(6)]
    for other in mine[1:]:
        role_grant(user=officer, operation=other, role=Role.OFFICER)
    OperationFactory(name="Not yours")
    return mine


def test_geojson_of_every_readable_row_in_one_collection(officer, many_operations):
    response = _get(officer, "geojson")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    assert response["Content-Disposition"] == 'attachment; filename="cmcoord-operation.geojson"'
    collection = geojson.loads(_body(response).decode())
    assert collection.is_valid
    names = {f["properties"]["name"] for f in collection["features"]}
    assert names == {o.name for o in many_operations}  # all seven, across chunks; not "Not yours"


def test_kml_of_every_readable_row_in_one_valid_document(officer, many_operations):
    response = _get(officer, "kml")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.google-earth.kml+xml; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="cmcoord-operation.kml"'
    schema = etree.XMLSchema(etree.parse(str(Path(__file__).parent / "kml22" / "ogckml22.xsd")))
    document = etree.fromstring(_body(response))
    schema.assertValid(document)
    assert document.findtext("k:Document/k:name", namespaces=NS) == "Operations <&> map"
    placemarks = document.findall(".//k:Placemark", namespaces=NS)
    assert {p.findtext("k:name", namespaces=NS) for p in placemarks} == {o.name for o in many_operations}


@pytest.mark.parametrize("fmt", ["geojson", "kml"])
def test_no_rows_is_an_empty_but_valid_file(outsider, fmt):
    body = _body(_get(outsider, fmt))
    if fmt == "geojson":
        assert json.loads(body) == {"type": "FeatureCollection", "features": []}
    else:
        assert etree.fromstring(body).findall(".//k:Placemark", namespaces=NS) == []


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["geojson", "kml"])
def test_an_error_is_json_not_a_broken_map_file(fmt):
    response = _get(None, fmt)  # signed out
    assert response.status_code in (401, 403)
    assert response["Content-Type"].startswith("application/json")
    assert "detail" in json.loads(response.content)


@pytest.mark.django_db
def test_a_file_name_never_breaks_the_header():
    response = GeoJSONRenderer.features_response([], filename='sites"\r\nX-Evil: 1.geojson')
    assert response["Content-Disposition"] == 'attachment; filename="sites X-Evil: 1.geojson"'
    kml = KMLRenderer.features_response([], filename="movement-3.kml", description="One movement")
    assert b"<name>movement-3</name>" in kml.content


def test_the_formats_are_registered_for_the_api_schema():
    assert EXPORT_RENDERERS["geojson"] is GeoJSONRenderer and EXPORT_RENDERERS["kml"] is KMLRenderer
    assert not GeoJSONRenderer.binary and not KMLRenderer.binary  # text in the OpenAPI schema
