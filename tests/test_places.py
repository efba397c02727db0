"""The places gazetteer: names, clitics, demonyms, capitals, the stoplist and user override files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from extractors.errors import DataError
from extractors.normalize import fold
from extractors.places import (
    CITIES_FILE,
    COUNTRIES_FILE,
    REGIONS_FILE,
    STOPLIST_FILE,
    Gazetteer,
    Place,
    PlacesDataError,
    load_gazetteer,
)

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


# (text as written, expected place id, expected canonical name)
NAMES = [
    # English
    ("Tehran", "city:112931", "Tehran"),
    ("Teheran", "city:112931", "Tehran"),
    ("Baku", "city:587084", "Baku"),
    ("Moscow", "city:524901", "Moscow"),
    ("New York", "city:5128581", "New York City"),
    ("Washington", "city:4140963", "Washington, D.C."),
    ("Islamic Republic of Iran", "country:IR", "Iran"),
    ("Republic of Azerbaijan", "country:AZ", "Azerbaijan"),
    ("U.S.", "country:US", "United States"),
    ("Kiev", "city:703448", "Kyiv"),
    ("Nur-Sultan", "city:1526273", "Astana"),
    ("Sharm el-Sheikh", "city:349340", "Sharm el-Sheikh"),
    ("Davos", "city:davos", "Davos"),
    ("Camp David", "city:camp-david", "Camp David"),
    ("Lausanne", "city:2659994", "Lausanne"),
    ("Sana'a", "city:71137", "Sanaa"),
    ("Herat", "city:1140026", "Herat"),
    # Arabic
    ("باكو", "city:587084", "Baku"),
    ("طهران", "city:112931", "Tehran"),
    ("موسكو", "city:524901", "Moscow"),
    ("الرياض", "city:108410", "Riyadh"),
    ("جمهورية أذربيجان", "country:AZ", "Azerbaijan"),
    ("الجمهورية الإسلامية الإيرانية", "country:IR", "Iran"),
    ("أمريكا", "country:US", "United States"),
    ("الولايات المتحدة الأمريكية", "country:US", "United States"),
    ("روسيا", "country:RU", "Russia"),
    ("نيويورك", "city:5128581", "New York City"),
    ("شرم الشيخ", "city:349340", "Sharm el-Sheikh"),
    ("سوتشي", "city:491422", "Sochi"),
    ("عشق آباد", "city:162183", "Ashgabat"),
    ("دبي", "city:292223", "Dubai"),
    # Persian (ی/ک letters, ZWNJ)
    ("تهران", "city:112931", "Tehran"),
    ("مسکو", "city:524901", "Moscow"),
    ("ایالات متحده", "country:US", "United States"),
    ("جمهوری اسلامی ایران", "country:IR", "Iran"),
    ("آذربایجان", "country:AZ", "Azerbaijan"),
    ("نیویورک", "city:5128581", "New York City"),
    ("کمپ دیوید", "city:camp-david", "Camp David"),
    ("عشق‌آباد", "city:162183", "Ashgabat"),
    ("پکن", "city:1816670", "Beijing"),
    ("وین", "city:2761369", "Vienna"),
]

# Arabic proclitics (و ف ب ل ك) and the article in front of a name.
CLITICS = [
    ("بباكو", "city:587084"),
    ("لطهران", "city:112931"),
    ("وطهران", "city:112931"),
    ("وموسكو", "city:524901"),
    ("بالرياض", "city:108410"),
    ("والقاهرة", "city:360630"),
    ("بالولايات المتحدة", "country:US"),
    ("لأذربيجان", "country:AZ"),
    ("وإيران", "country:IR"),
]

DEMONYMS = [
    ("الأذري", "AZ"),
    ("الأذرية", "AZ"),
    ("الأذربيجاني", "AZ"),
    ("الأذربيجانية", "AZ"),
    ("آذربایجانی", "AZ"),
    ("Azeri", "AZ"),
    ("Azerbaijani", "AZ"),
    ("Iranian", "IR"),
    ("Iranians", "IR"),
    ("الإيرانية", "IR"),
    ("الإيرانيين", "IR"),
    ("ایرانی", "IR"),
    ("ایرانی‌ها", "IR"),
    ("والإيراني", "IR"),
    ("للإيرانيين", "IR"),
    ("الأمريكي", "US"),
    ("الأميركية", "US"),
    ("آمریکایی", "US"),
    ("American", "US"),
    ("الروسي", "RU"),
    ("روسی", "RU"),
    ("Russian", "RU"),
    ("Saudi", "SA"),
    ("الأتراك", "TR"),
    ("South Korean", "KR"),
]

CAPITALS = [
    ("AZ", "Baku"),
    ("IR", "Tehran"),
    ("US", "Washington, D.C."),
    ("IN", "New Delhi"),
    ("KZ", "Astana"),
    ("TM", "Ashgabat"),
    ("BR", "Brasília"),
    ("XK", "Pristina"),
]

# Package names that are everyday words or people's names: they must not read as places.
NOT_PLACES = [
    "Nice",  # adjective; Nice, France
    "Reading",  # Reading, England
    "Mobile",  # Mobile, Alabama
    "Split",  # Split, Croatia
    "Vladimir",  # Vladimir Putin; Vladimir, Russia
    "Hassan",  # given name; Hassan, India
    "Male",  # adjective; Malé
    "Of",
    "Korea",  # which one? both Koreas claim it
    "كان",  # "was"; GeoNames spells Caen this way
    "كيف",  # "how"; Kyiv
    "سلطات",  # "authorities"; Settat
    "الجديد",  # "the new"; Al Jadid
    "المدينة",  # "the city"; Medina
    "الأبيض",  # "the white" (البيت الأبيض); El Obeid
    "باراك",  # Barack; would be ب + Arak
    "بايدن",  # Biden; would be ب + Aydin
    "دوشنبه",  # Monday; Dushanbe
    "مالی",  # "financial"; Mali
    "آستانه",  # "threshold"; Astana
    "پسکوف",  # Peskov; Pskov
]


@pytest.mark.parametrize(("text", "pid", "name"), NAMES)
def test_lookup_names(gaz: Gazetteer, text: str, pid: str, name: str) -> None:
    place = gaz.lookup(text)
    assert place is not None, text
    assert (place.id, place.name) == (pid, name)


@pytest.mark.parametrize(("text", "pid"), CLITICS)
def test_lookup_strips_arabic_clitics(gaz: Gazetteer, text: str, pid: str) -> None:
    place = gaz.lookup(text)
    assert place is not None and place.id == pid, text


@pytest.mark.parametrize(("text", "iso"), DEMONYMS)
def test_demonyms_point_to_the_country(gaz: Gazetteer, text: str, iso: str) -> None:
    place = gaz.demonym(text)
    assert place == gaz.country(iso), text
    assert place is not None and place.kind == "country"


@pytest.mark.parametrize("text", ["Iranian", "الإيراني", "آذربایجانی"])
def test_lookup_refuses_demonyms_and_demonym_refuses_names(gaz: Gazetteer, text: str) -> None:
    assert gaz.lookup(text) is None
    assert gaz.demonym("Tehran") is None and gaz.demonym("إيران") is None


@pytest.mark.parametrize(("iso", "name"), CAPITALS)
def test_capitals(gaz: Gazetteer, iso: str, name: str) -> None:
    cap = gaz.capital(iso)
    assert cap is not None and cap.name == name and cap.kind == "city" and cap.country == iso


@pytest.mark.parametrize("text", NOT_PLACES)
def test_common_words_and_person_names_are_not_places(gaz: Gazetteer, text: str) -> None:
    assert gaz.lookup(text) is None, (text, gaz.lookup(text))


def test_country_beats_capital_and_capital_beats_larger_city(gaz: Gazetteer) -> None:
    # عمان is both Oman and Amman: the country wins. "Islamabad" is also an old name of Chattogram
    # (a larger city): the capital's own name wins.
    assert gaz.lookup("عمان") == gaz.country("OM")
    assert gaz.lookup("Islamabad").name == "Islamabad"
    assert gaz.lookup("الجزائر") == gaz.country("DZ")
    assert gaz.lookup("الجزائر العاصمة").name == "Algiers"


def test_country_and_by_id(gaz: Gazetteer) -> None:
    az = gaz.country("az")
    assert az == Place("country:AZ", "Azerbaijan", "country", "AZ")
    assert gaz.by_id("country:AZ") is az
    assert gaz.by_id("city:587084").name == "Baku"
    assert gaz.country("ZZ") is None and gaz.capital("ZZ") is None and gaz.by_id("city:nowhere") is None
    assert gaz.lookup("") is None and gaz.lookup("  ") is None


def test_entries_are_folded_and_typed(gaz: Gazetteer) -> None:
    rows = list(gaz.entries())
    assert len(rows) > 20_000
    keys = [k for k, _, _ in rows]
    assert len(keys) == len(set(keys)), "one place per key"
    sample = rows[::97]
    for key, place, relation in sample:
        assert key == fold(key) and key
        assert relation in ("name", "demonym")
        assert place.kind in ("country", "city", "region") and len(place.country) == 2
    assert ("باکو", gaz.by_id("city:587084"), "name") in rows
    assert ("الاذری", gaz.country("AZ"), "demonym") in rows
    assert any(" " in k for k in keys), "multi-word keys are allowed"


def test_package_keys_respect_length_and_stoplist(gaz: Gazetteer) -> None:
    stop = {json.loads(line)["stop"] for line in STOPLIST_FILE.read_text(encoding="utf-8").splitlines()
            if line.startswith("{")}
    curated = _curated_keys()
    for key, _, _ in gaz.entries():
        if key in curated:
            continue
        assert sum(ch.isalpha() for ch in key) >= 3, key
        assert key not in stop, key
        assert not key.replace(" ", "").isdigit(), key


def _curated_keys() -> set[str]:
    keys: set[str] = set()
    for path in (COUNTRIES_FILE, CITIES_FILE, REGIONS_FILE):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.startswith("{"):
                continue
            obj = json.loads(line)
            for field in ("aliases", "demonyms"):
                for names in (obj.get(field) or {}).values():
                    keys.update(fold(n) for n in names)
            if "name" in obj:
                keys.add(fold(obj["name"]))
    return keys


def test_curated_data_does_not_contradict_the_stoplist() -> None:
    stop = {json.loads(line)["stop"] for line in STOPLIST_FILE.read_text(encoding="utf-8").splitlines()
            if line.startswith("{")}
    assert not (_curated_keys() & stop)
    for line in STOPLIST_FILE.read_text(encoding="utf-8").splitlines():
        if line.startswith("{"):
            entry = json.loads(line)
            assert entry["stop"] == fold(entry["stop"]) and entry["why"].strip(), entry


def test_every_curated_alias_resolves_to_its_own_place(gaz: Gazetteer) -> None:
    """A curated alias that loses to another place is a data bug (two curated lines claim one key)."""
    for path in (COUNTRIES_FILE, CITIES_FILE, REGIONS_FILE):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.startswith("{"):
                continue
            obj = json.loads(line)
            if gaz.by_id(obj["id"]) is None:
                continue  # a GeoNames id this package version lacks
            for names in (obj.get("aliases") or {}).values():
                for n in names:
                    assert gaz.lookup(n) == gaz.by_id(obj["id"]), (obj["id"], n, gaz.lookup(n))
            for names in (obj.get("demonyms") or {}).values():
                for n in names:
                    assert gaz.demonym(n) == gaz.by_id(obj["id"]), (obj["id"], n, gaz.demonym(n))


def test_loading_is_cached(gaz: Gazetteer) -> None:
    assert load_gazetteer() is gaz


def test_user_file_overrides_and_extends(tmp_path: Path, gaz: Gazetteer) -> None:
    extra = tmp_path / "places.jsonl"
    lines = [
        "# a comment line",
        {"id": "city:587084", "name": "Baku City", "aliases": {"en": ["Bakuville"]}},
        {"id": "city:freedonia-hall", "name": "Freedonia Hall", "country": "AZ",
         "aliases": {"en": ["Freedonia Hall"], "ar": ["قاعة فريدونيا"]}},
        {"id": "country:AZ", "demonyms": {"en": ["Azerbaijanian"]}},
        # The user wins a key even against the stoplist or a country.
        {"id": "city:2990440", "aliases": {"en": ["Nice"]}},
        {"stop": "Sochi"},
    ]
    extra.write_text("\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines),
                     encoding="utf-8")
    user = load_gazetteer(extra)
    assert user is not gaz
    assert user.lookup("باكو").name == "Baku City"
    assert user.lookup("Bakuville").id == "city:587084"
    assert user.lookup("قاعة فريدونيا") == Place("city:freedonia-hall", "Freedonia Hall", "city", "AZ")
    assert user.demonym("Azerbaijanian") == user.country("AZ")
    assert user.lookup("Nice").id == "city:2990440"
    assert user.lookup("Sochi").id == "city:491422", "curated aliases are not stoplisted"
    # The built-in gazetteer is untouched.
    assert gaz.lookup("باكو").name == "Baku"
    assert gaz.lookup("Nice") is None and gaz.lookup("Bakuville") is None


@pytest.mark.parametrize(("line", "message"), [
    ("not json", "not valid JSON"),
    ('["a list"]', "JSON object"),
    ('{"id": "town:1"}', "id must look like"),
    ('{"id": "city:new-place", "name": "New Place"}', "'country'"),
    ('{"id": "city:new-place", "country": "Azerbaijan", "name": "X"}', "alpha-2"),
    ('{"id": "country:ZZ", "aliases": ["Zedland"]}', "'name' is required"),
    ('{"id": "city:587084", "aliases": {"xx": ["Baku"]}}', "unknown language"),
    ('{"id": "city:587084", "demonyms": ["Bakuvian"]}', "country entries"),
    ('{"stop": "nice", "langs": ["xx"], "why": "x"}', "langs must be"),
    ('{"stop": "nice", "langs": [], "why": "x"}', "langs must be"),
])
def test_user_file_errors_name_the_line(tmp_path: Path, line: str, message: str) -> None:
    extra = tmp_path / "bad.jsonl"
    extra.write_text("\n" + line + "\n", encoding="utf-8")
    with pytest.raises(PlacesDataError) as err:
        load_gazetteer(extra)
    assert f"{extra}:2:" in str(err.value) and message in str(err.value)


def test_missing_user_file_is_a_places_error(tmp_path: Path) -> None:
    with pytest.raises(PlacesDataError, match="cannot read places file") as err:
        load_gazetteer(tmp_path / "nope.jsonl")
    assert isinstance(err.value, DataError) and err.value.exit_code == 2


def test_cold_load_is_fast_and_imports_no_heavy_modules() -> None:
    code = (
        "import sys, time; t = time.process_time(); from extractors.places import load_gazetteer; "
        "g = load_gazetteer(); dt = time.process_time() - t; "
        "heavy = [m for m in ('torch', 'stanza', 'typer', 'rich', 'spacy') if m in sys.modules]; "
        "print(dt, len(g), heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    seconds, count, heavy = out.stdout.split(" ", 2)
    assert heavy.strip() == "[]"
    assert int(count) > 20_000
    # CPU time, not wall time, so a busy machine does not fail the test. The target is < 1.5 s cold
    # (about 0.9 s measured); the bound leaves room for a slower CI runner.
    assert float(seconds) < 3.0, seconds


def test_user_file_is_cached_until_it_changes(tmp_path: Path) -> None:
    extra = tmp_path / "places.jsonl"
    extra.write_text(json.dumps({"id": "city:587084", "name": "Baku One"}) + "\n", encoding="utf-8")
    first = load_gazetteer(extra)
    assert load_gazetteer(str(extra)) is first
    extra.write_text(json.dumps({"id": "city:587084", "name": "Baku Two, renamed"}) + "\n", encoding="utf-8")
    second = load_gazetteer(extra)
    assert second is not first and second.lookup("Baku").name == "Baku Two, renamed"


def test_user_capital_must_be_a_city_id(tmp_path: Path) -> None:
    extra = tmp_path / "places.jsonl"
    extra.write_text(json.dumps({"id": "country:AZ", "capital": "Baku"}) + "\n", encoding="utf-8")
    with pytest.raises(PlacesDataError, match="city id"):
        load_gazetteer(extra)
    extra.write_text(json.dumps({"id": "country:AZ", "capital": "city:147429"}) + "\n", encoding="utf-8")
    assert load_gazetteer(extra).capital("AZ").name == "Nakhchivan"


# -- regions: first-level ISO 3166-2 subdivisions ------------------------------------------------------
def test_a_state_or_province_is_a_region_of_its_country(gaz: Gazetteer) -> None:
    alaska = gaz.lookup("Alaska")
    assert alaska == Place("region:US-AK", "Alaska", "region", "US") == gaz.by_id("region:US-AK")
    assert gaz.lookup("Hainan") == Place("region:CN-HI", "Hainan", "region", "CN")  # ISO's "Hainan Sheng"
    assert gaz.lookup("Gujarat").kind == "region"  # ISO's "Gujarāt" loses its macron
    assert gaz.lookup("Aceh") == Place("region:ID-AC", "Aceh", "region", "ID")  # under an ISO grouping
    assert gaz.lookup("Goa").kind == "region"  # shorter than the length floor: a curated alias
    # Arabic and Persian spellings come from the curated file
    assert gaz.lookup("ألاسكا") == alaska and gaz.lookup("آلاسکا") == alaska and gaz.lookup("بألاسكا") == alaska


def test_a_region_yields_to_a_city_or_country_of_its_name_and_two_regions_drop_it(gaz: Gazetteer) -> None:
    assert gaz.lookup("Tehran").kind == "city"  # also a province
    assert gaz.lookup("Washington").name == "Washington, D.C."  # also a state
    assert gaz.lookup("Georgia").kind == "country"  # also a state
    assert gaz.lookup("Punjab") is None  # a province of Pakistan and a state of India
    assert "punjab" in gaz.ambiguous
    # region names that news uses for something else are stoplisted (a sea, a family, a word)
    assert gaz.lookup("Texas").kind == "region"
    for text in ("Gulf", "Unity", "Red Sea", "Sabah", "Eastern Province", "Lara"):
        assert gaz.lookup(text) is None, (text, gaz.lookup(text))


def test_a_stop_may_hold_for_some_languages_only(gaz: Gazetteer) -> None:
    # one folded key: an Arabic given name, the Persian name of Riyadh
    riyadh = gaz.by_id("city:108410")
    assert gaz.lookup("ریاض", "fa") == riyadh
    assert gaz.lookup("رياض", "ar") is None and gaz.lookup("ریاض") is None
    key = fold("ریاض")
    assert (key, riyadh, "name") in list(gaz.entries("fa"))
    assert all(k != key for k, _, _ in gaz.entries("ar")) and all(k != key for k, _, _ in gaz.entries())
    assert gaz.lookup("الرياض", "ar") == riyadh  # the Arabic city keeps its article form
    # the other way round: Persian Monday, the Arabic name of Dushanbe
    assert gaz.lookup("دوشنبه", "fa") is None and gaz.lookup("دوشنبة", "ar").name == "Dushanbe"


def test_user_file_adds_a_region_and_a_language_stop(tmp_path: Path, gaz: Gazetteer) -> None:
    extra = tmp_path / "places.jsonl"
    extra.write_text("\n".join([
        json.dumps({"id": "region:US-FL", "aliases": {"fa": ["فلوریدا"]}}, ensure_ascii=False),
        json.dumps({"id": "region:XX-ZZ", "name": "Zedshire"}),
        json.dumps({"stop": "tabriz", "langs": ["en"], "why": "made up for a test"}),
    ]) + "\n", encoding="utf-8")
    user = load_gazetteer(extra)
    assert user.lookup("فلوریدا") == user.by_id("region:US-FL")
    assert user.lookup("Zedshire") == Place("region:XX-ZZ", "Zedshire", "region", "XX")
    assert user.lookup("Tabriz", "en") is None and user.lookup("تبریز", "fa").name == "Tabriz"


@pytest.mark.parametrize(("text", "name"), [
    ("کیپ\u200cتاون", "Cape Town"), ("کیپتاون", "Cape Town"), ("پنومپن", "Phnom Penh")])
def test_a_package_alternate_with_a_zwnj_is_also_found_without_it(gaz: Gazetteer, text: str, name: str) -> None:
    """Fails before the joined key of package alternates (the two forms without a ZWNJ): Persian
    texts that lost their non-joiners upstream print «کیپ‌تاون» as one word."""
    place = gaz.lookup(text, "fa")
    assert place is not None and place.name == name
