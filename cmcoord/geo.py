"""Places on the earth as the map formats need them (GeoJSON, KML, ``geo:`` URIs, the in-page map).

Coordinates are WGS84 decimal degrees, longitude first as in GeoJSON (RFC 7946) and KML. A record
of an app (a notified site, a movement's route) turns itself into ``Feature``s; the writers in
``cmcoord.formats`` and the map in ``cmcoord.maps`` know only these types, never an app's model.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Position:
    lon: float
    lat: float

    def __post_init__(self):
        if not (-180 <= self.lon <= 180 and -90 <= self.lat <= 90):
            raise ValueError(f"not a WGS84 position: {self.lon}, {self.lat}")


@dataclass(frozen=True)
class Point:
    at: Position


@dataclass(frozen=True)
class LineString:
    """A route: at least two positions, in travel order."""

    positions: tuple[Position, ...]

    def __post_init__(self):
        if len(self.positions) < 2:
            raise ValueError("a line needs at least two positions")


@dataclass(frozen=True)
class Feature:
    """One thing on the map: its geometry, a stable id, a name and the properties a party reads."""

    id: str
    name: str
    geometry: Point | LineString
    properties: dict = field(default_factory=dict)  # str -> str | int | float | bool | None
    description: str = ""
