"""Reference data shipped with the project: IASC sectors and administrative areas (P-codes).

The loaders are idempotent: each row is keyed on its code, parents load before children,
every record is validated with ``full_clean()`` and saved only when something changed, so a
second load writes nothing.
"""

import csv
from collections import Counter
from pathlib import Path

from django.db import models, transaction

from cmcoord.models import Area, Sector

DATA_DIR = Path(__file__).resolve().parent / "data"
AREA_FILE_PREFIX = "areas_"


def upsert(model: type[models.Model], lookup: dict, **values) -> tuple[models.Model, str]:
    """Create or update the record that ``lookup`` names; return it and what happened.

    Like ``update_or_create``, but the record is validated with ``full_clean()`` and only
    saved when it is new or a value differs ("created", "updated" or "unchanged").
    """
    obj = model.objects.filter(**lookup).first()
    created = obj is None
    if created:
        obj = model(**lookup)
    changed = [name for name, value in values.items() if _differs(obj, name, value)]
    for name in changed:
        setattr(obj, name, values[name])
    if created or changed:
        obj.full_clean()
        obj.save()
    return obj, "created" if created else "updated" if changed else "unchanged"


def _differs(obj: models.Model, name: str, value) -> bool:
    field = obj._meta.get_field(name)
    if field.many_to_one or field.one_to_one:
        return getattr(obj, field.attname) != (value.pk if value is not None else None)
    return getattr(obj, name) != value


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return [{key: (value or "").strip() for key, value in row.items()} for row in csv.DictReader(handle)]


@transaction.atomic
def load_sectors(path: Path | None = None) -> Counter:
    """Load the IASC clusters, their areas of responsibility and non-cluster sectors."""
    rows = read_rows(path or DATA_DIR / "sectors.csv")
    loaded: dict[str, Sector] = {}
    outcomes: Counter = Counter()
    for row in sorted(rows, key=lambda r: bool(r["parent_code"])):
        parent = _parent(loaded, Sector, "code", row["parent_code"])
        sector, outcome = upsert(
            Sector, {"code": row["code"]}, name=row["name"], kind=row["kind"], parent=parent
        )
        loaded[sector.code] = sector
        outcomes[outcome] += 1
    return outcomes


def area_countries() -> list[str]:
    """The ISO3 codes of the countries whose areas ship with the project."""
    return sorted(p.stem.removeprefix(AREA_FILE_PREFIX) for p in DATA_DIR.glob(f"{AREA_FILE_PREFIX}*.csv"))


@transaction.atomic
def load_areas(country_iso3: str, path: Path | None = None) -> Counter:
    """Load one country's admin 0-2 areas from ``areas_<ISO3>.csv``."""
    country = country_iso3.upper()
    path = path or DATA_DIR / f"{AREA_FILE_PREFIX}{country}.csv"
    if not path.exists():
        raise FileNotFoundError(f"No area file for {country}: {path.name} is not in {DATA_DIR}.")
    loaded: dict[str, Area] = {}
    outcomes: Counter = Counter()
    for row in sorted(read_rows(path), key=lambda r: int(r["level"])):
        if row["country"] != country:
            raise ValueError(f"{path.name}: {row['pcode']} is in {row['country']}, not {country}.")
        parent = _parent(loaded, Area, "pcode", row["parent_pcode"])
        area, outcome = upsert(
            Area,
            {"pcode": row["pcode"]},
            name=row["name"],
            level=int(row["level"]),
            parent=parent,
            country=country,
        )
        loaded[area.pcode] = area
        outcomes[outcome] += 1
    return outcomes


def _parent(loaded: dict, model, key: str, code: str):
    if not code:
        return None
    return loaded.get(code) or model.objects.get(**{key: code})


def load_all() -> dict[str, Counter]:
    """Sectors and every shipped area file: {"sectors": ..., "areas MOZ": ...}."""
    results = {"sectors": load_sectors()}
    for country in area_countries():
        results[f"areas {country}"] = load_areas(country)
    return results
