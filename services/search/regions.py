"""Countries to UN M49 regions, from the table packaged with country_converter.

country_converter ships `country_data.tsv` (a name regex per country, its UN M49 sub-region and its
continent). Its Python API loads the table through pandas, which this service otherwise never
imports, so the file is read here with the csv module: the data is the package's, not a hand list.
"""

from __future__ import annotations

import csv
import importlib.util
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class Country:
    name: str
    pattern: re.Pattern[str]
    region: str  # UN M49 sub-region, e.g. "Eastern Europe"
    continent: str  # e.g. "Europe"


def _table_path() -> Path:
    spec = importlib.util.find_spec("country_converter")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("country_converter is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "country_data.tsv"


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    with _table_path().open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return tuple(
        Country(row["name_short"], re.compile(row["regex"], re.IGNORECASE), row["UNregion"], row["continent"])
        for row in rows
        if row.get("regex") and row.get("UNregion") and row.get("obsolete", "") == ""
    )


@lru_cache(maxsize=1)
def regions() -> tuple[str, ...]:
    """Every M49 sub-region, then every continent, each sorted."""
    subregions = sorted({c.region for c in countries()})
    continents = sorted({c.continent for c in countries()} - set(subregions))
    return (*subregions, *continents)


@lru_cache(maxsize=65536)
def country_named(name: str) -> Country | None:
    """The country a name refers to (its everyday or official name), or None."""
    text = name.strip()
    if not text:
        return None
    for country in countries():
        if country.pattern.search(text):
            return country
    return None


def region_of(name: str) -> str | None:
    country = country_named(name)
    return country.region if country else None


def in_region(names: Iterable[str], region: str) -> list[str]:
    """The names among `names` whose country lies in `region` (a sub-region or a continent)."""
    wanted = region.strip().casefold()
    out = []
    for name in names:
        country = country_named(name)
        if country and wanted in (country.region.casefold(), country.continent.casefold()):
            out.append(name)
    return out
