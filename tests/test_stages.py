"""The stages after NER, one at a time, on hand-built documents with no model loaded: the entities
NER would find are given by hand, as spaCy and Stanza test their components."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from extractors import InputDoc
from extractors.claims import extract_claims
from extractors.dates import find_dates
from extractors.locations import RULES, place_meetings
from extractors.meetings import extract_meetings, joint_speakers
from extractors.mentions import build_mentions, lexicons
from extractors.ner import Entity
from extractors.view import build_view

REPO = Path(__file__).resolve().parents[1]


def document(text: str, lang: str, when: str, people: tuple[str, ...] = ()):
    """(view, mentions, dates, lexicons) of ``text``; ``people``: the names NER would tag PER."""
    view = build_view(text, lang)
    ents = sorted((Entity(m.start(), m.end(), "PER", p) for p in people for m in re.finditer(re.escape(p), view.text)),
                  key=lambda e: e.start)
    lex = lexicons(lang)
    d = date.fromisoformat(when)
    mentions = build_mentions(view, ents, d, lex)
    dates = [x for s, e in view.sentences for x in find_dates(view.text[s:e], lang, d, base=s)]
    return view, mentions, dates, lex


def records(stages, text: str, when: str, lang: str | None = None, places: str | None = None) -> list[dict]:
    stages.places_file = places
    doc = InputDoc(id="t", text=text, lang=lang, date=when, date_source="input")
    (res,) = stages.extract_many([doc])
    assert res.error is None, res.error
    return res.records


def meetings(recs: list[dict]) -> list[dict]:
    return [r for r in recs if r["type"] == "meeting"]


def names(m: dict) -> list[str]:
    return [p["name"] for p in m["participants"]]


# -- claims and meetings --------------------------------------------------------------------------
def test_a_joint_claim_waits_for_the_meeting_it_follows_and_then_has_each_party_as_speaker() -> None:
    text = ("Abbas Araghchi met Sergey Lavrov in Moscow on Monday. The two ministers stressed that the "
            "ties between their countries were growing.")
    view, mentions, dates, lex = document(text, "en", "2025-04-07")
    claims = extract_claims(view, mentions)
    (joint,) = claims
    assert joint.joint and joint.speaker is None and joint.speaker_via.text == "The two ministers"
    found, _ = extract_meetings(view, mentions, dates, [c for c in claims if not c.joint])
    (m,) = found
    spoken = joint_speakers(view, claims, found)
    assert [c.speaker.actor.name for c in spoken] == ["Abbas Araghchi", "Sergey Lavrov"]
    assert all((c.start, c.end, c.joint) == (joint.start, joint.end, True) for c in spoken)
    assert joint_speakers(view, claims, []) == []  # no meeting held: nobody to give it to


def test_meetings_keep_their_clauses_and_the_trips_for_the_locations_stage() -> None:
    text = "Ilham Aliyev received Ebrahim Raisi during Raisi's visit to Baku. Aliyev held talks with Raisi at noon."
    view, mentions, dates, lex = document(text, "en", "2023-01-09")
    found, trips = extract_meetings(view, mentions, dates)
    (m,) = found  # one meeting, stated in two sentences
    assert [(c.start, c.end) for c in m.clauses] == view.sentences
    assert m.location is None  # places come later
    assert [(t.visitor.identity, t.dest.place.name) for t in trips] == [("ir-ebrahim-raisi", "Baku")]
    roles = {p.actor.name: m.roles[id(p)] for p in m.parties}
    assert roles == {"Ilham Aliyev": "host", "Ebrahim Raisi": "guest"}


def test_the_people_a_meeting_is_reported_in_a_claim_with_are_the_claims() -> None:
    text = "Nasser Kanaani said that Abbas Araghchi met Sergey Lavrov in Doha on Monday."
    view, mentions, dates, lex = document(text, "en", "2025-04-07")
    claims = extract_claims(view, mentions)
    found, trips = extract_meetings(view, mentions, dates, claims)
    (m,) = found
    assert {p.actor.name for p in m.parties} == {"Abbas Araghchi", "Sergey Lavrov"}
    assert m.clauses[0].said is claims[0]
    place_meetings(view, found, mentions, lex, claims, trips)
    assert (m.location.place.name, m.location.rule) == ("Doha", "en.loc.prep")


# -- locations ------------------------------------------------------------------------------------
def _readme_rule_rows() -> list[tuple[str, ...]]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    table = text[text.index("| `location.rule` |"):]
    table = table[:table.index("\n\n")]
    rows = [line for line in table.splitlines()[2:] if line.startswith("|")]
    return [tuple(re.findall(r"`((?:<lang>|loc)\.[^`]+)`", row.split("|")[1])) for row in rows]


def test_the_readme_lists_the_location_rules_in_the_order_the_code_tries_them() -> None:
    assert _readme_rule_rows() == [r.ids for r in RULES]


def test_a_venue_with_a_fixed_seat_outranks_the_hosts_capital(stages) -> None:
    (m,) = meetings(records(stages, "Hassan Rouhani received Shinzo Abe on the sidelines of the UN General Assembly.",
                            "2019-09-24"))
    assert names(m) == ["Hassan Rouhani", "Shinzo Abe"]
    assert (m["location"]["name"], m["location"]["rule"]) == ("New York City", "en.venue.un_hq")
    # with no venue the same sentence is placed at the host's capital
    (m,) = meetings(records(stages, "Hassan Rouhani received Shinzo Abe on Tuesday.", "2019-09-24"))
    assert (m["location"]["name"], m["location"]["rule"]) == ("Tehran", "loc.host_capital")


def test_a_visit_destination_outranks_the_hosts_capital(stages) -> None:
    text = "Ilham Aliyev received Ebrahim Raisi during Raisi's visit to Ganja on Monday."
    (m,) = meetings(records(stages, text, "2023-01-09"))
    assert (m["location"]["name"], m["location"]["rule"]) == ("Ganja", "loc.visit_destination")
    assert {p["name"]: p["role"] for p in m["participants"]} == {"Ilham Aliyev": "host", "Ebrahim Raisi": "guest"}


# -- records --------------------------------------------------------------------------------------
def test_an_unnamed_office_holder_is_labelled_with_the_places_the_document_was_read_with(stages, tmp_path) -> None:
    text = "The Iraqi ambassador met Iranian Foreign Minister Abbas Araghchi in Tehran on Monday."
    (m,) = meetings(records(stages, text, "2025-03-03"))
    assert "Ambassador of Iraq to Iran (unnamed)" in names(m)
    places = tmp_path / "places.jsonl"
    places.write_text(json.dumps({"id": "country:IQ", "name": "Republic of Iraq"}) + "\n", encoding="utf-8")
    (m,) = meetings(records(stages, text, "2025-03-03", places=str(places)))
    assert "Ambassador of Republic of Iraq to Iran (unnamed)" in names(m)


def test_the_stages_after_ner_load_no_model() -> None:
    code = ("import sys\n"
            "from extractors.pipeline import Extractor, InputDoc\n"
            "class NoNER:\n"
            "    def tag(self, lang, sentences): return [[] for _ in sentences]\n"
            "ex = Extractor(); ex.ner = NoNER()\n"
            "recs = ex.extract(InputDoc(id='t', text='Abbas Araghchi met Sergey Lavrov in Moscow.', lang='en'))\n"
            "assert [r['type'] for r in recs] == ['meeting'], recs\n"
            "print(sorted(m for m in ('stanza', 'torch') if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "[]"


# -- where, when, and visits with no one named on the host side --------------------------------------
def _placed(text: str, lang: str, when: str, people: tuple[str, ...] = ()):
    view, mentions, dates, lex = document(text, lang, when, people)
    found, trips = extract_meetings(view, mentions, dates)
    place_meetings(view, found, mentions, lex, [], trips)
    return found


def _who(m) -> list[str]:
    return [p.actor.name if p.actor is not None else f"country:{p.country}" for p in m.parties]


def test_envoys_presenting_credentials_are_the_guests_of_the_head_of_state_who_receives_them() -> None:
    text = "The ambassador of Chile Laura Vidal presented her credentials to King Abdullah II on Tuesday."
    (m,) = _placed(text, "en", "2024-03-05", ("Laura Vidal",))
    assert {p.text: m.roles[id(p)] for p in m.parties} == {"Laura Vidal": "guest", "King Abdullah II": "host"}
    assert (m.location.place.name, m.location.rule) == ("Amman", "loc.host_capital")


def test_a_dateline_below_a_headline_and_a_timestamp_line_places_a_meeting_at_home() -> None:
    text = ("Ministers discuss trade\n\nMarch 4, 2024 - 10:15\n\nTEHRAN – Abbas Araghchi met "
            "Omani Foreign Minister Badr Albusaidi on Monday.")
    (m,) = _placed(text, "en", "2024-03-05")
    assert (m.location.place.name, m.location.rule) == ("Tehran", "loc.dateline")
    # below a third line of text it is no dateline
    (m,) = _placed(text.replace("\n\nTEHRAN", "\nIran and Oman talk.\nTEHRAN"), "en", "2024-03-05")
    assert m.location is None


def test_a_meeting_its_own_sentence_does_not_date_takes_the_day_of_the_lead_that_reports_it() -> None:
    text = ("Sergey Lavrov held talks in Ankara on Monday with Turkish officials.\n"
            "Lavrov met Hakan Fidan and the two discussed Syria.")
    (m,) = _placed(text, "en", "2024-03-06")
    assert _who(m) == ["Sergey Lavrov", "Hakan Fidan"]
    assert m.date is not None and m.date.value == date(2024, 3, 4)
    # a lead about someone else dates nothing
    text = "Ebrahim Raisi spoke in Tehran on Monday.\nSergey Lavrov met Hakan Fidan and the two discussed Syria."
    (m,) = _placed(text, "en", "2024-03-06")
    assert m.date is None


def test_the_place_right_after_a_visit_verb_or_its_subject_is_the_destination() -> None:
    (m,) = _placed("Sergey Lavrov visited Turkey and met Hakan Fidan.", "en", "2024-03-05")
    assert (m.location.place.name, m.location.rule) == ("Turkey", "loc.visit_destination")
    # verb, subject, object
    (m,) = _placed("زار سيرغي لافروف تركيا يوم الاثنين والتقى هاكان فيدان.", "ar", "2024-03-05")
    assert _who(m) == ["Sergey Lavrov", "Hakan Fidan"]
    assert (m.location.place.name, m.location.rule) == ("Turkey", "loc.visit_destination")


def test_a_held_visit_abroad_with_no_one_named_there_has_the_country_visited_as_party(stages) -> None:
    for text, lang in (("Sergey Lavrov visited Turkey on Monday.", "en"),
                       ("زار الرئيس الإيراني إبراهيم رئيسي تركيا يوم الاثنين.", "ar"),
                       ("سرگئی لاوروف روز دوشنبه به ترکیه سفر کرد.", "fa")):
        (m,) = _placed(text, lang, "2024-03-05")
        assert _who(m)[1] == "country:TR" and m.kind == "visit" and m.status == "happened"
        assert m.date.value == date(2024, 3, 4) and m.location.place.name == "Turkey"
    (rec,) = meetings(records(stages, "Sergey Lavrov visited Turkey on Monday.", "2024-03-05"))
    assert {p["name"]: p["role"] for p in rec["participants"]} == {"Sergey Lavrov": "guest", "Turkey": "host"}


def test_no_country_party_for_a_planned_or_domestic_visit_or_one_whose_meetings_are_reported() -> None:
    assert _placed("Sergey Lavrov will visit Turkey next week.", "en", "2024-03-05") == []
    assert _placed("Ebrahim Raisi visited Isfahan on Monday.", "en", "2024-03-05") == []
    found = _placed("Sergey Lavrov visited Turkey on Monday. In Ankara he met Hakan Fidan.", "en", "2024-03-05")
    assert [_who(m) for m in found] == [["Sergey Lavrov", "Hakan Fidan"]]


def test_the_city_after_a_venue_noun_is_where_the_meeting_was() -> None:
    for text, lang, city in (("Abbas Araghchi met Sergey Lavrov at Vnukovo airport Moscow on Monday.", "en", "Moscow"),
                             ("سرگئی لاوروف پس از ورود به فرودگاه مهرآباد تهران با عباس عراقچی دیدار کرد.", "fa",
                              "Tehran")):
        (m,) = _placed(text, lang, "2024-03-05")
        assert (m.location.place.name, m.location.rule) == (city, f"{lang}.loc.venue_head")


def test_an_arrival_says_where_the_visitor_went_and_states_no_meeting_itself() -> None:
    for text, lang, city in (("Abbas Araghchi arrived in Moscow on Monday.\nHe met Sergey Lavrov.", "en", "Moscow"),
                             ("عباس عراقچی روز دوشنبه وارد مسکو شد.\nوی با سرگئی لاوروف دیدار کرد.", "fa", "Moscow"),
                             ("عباس عراقچی به مسکو رفته است. وی با سرگئی لاوروف دیدار و گفتگو کرد.", "fa", "Moscow")):
        (m,) = _placed(text, lang, "2024-03-05")
        assert _who(m) == ["Abbas Araghchi", "Sergey Lavrov"]
        assert (m.location.place.name, m.location.rule) == (city, "loc.visit_destination")



@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Abbas Araghchi arrived in Moscow on Monday."),
    ("ar", "وصل عباس عراقجي إلى موسكو يوم الاثنين."),
    ("fa", "عباس عراقچی روز دوشنبه وارد مسکو شد."),
])
def test_an_arrival_abroad_with_no_one_named_there_is_a_visit_under_way(lang: str, text: str) -> None:
    (m,) = _placed(text, lang, "2024-03-05")
    assert _who(m)[1] == "country:RU" and (m.kind, m.status, m.rule) == ("visit", "happened", f"{lang}.arrive.travel")
    assert m.location.place.name == "Moscow"


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Abbas Araghchi arrived in Moscow on Monday to attend a forum on energy."),
    ("ar", "وصل عباس عراقجي إلى موسكو يوم الاثنين للمشاركة في منتدى الطاقة."),
    ("fa", "عباس عراقچی روز دوشنبه برای شرکت در همایش انرژی وارد مسکو شد."),
    # the purpose stated in another sentence of the same trip
    ("fa", "عباس عراقچی برای حضور در همایش انرژی به روسیه سفر کرد. سفر عراقچی به روسیه دو روز طول می‌کشد."),
])
def test_a_trip_made_to_attend_an_event_is_no_visit_of_the_country(lang: str, text: str) -> None:
    assert _placed(text, lang, "2024-03-05") == []


def test_an_arrival_whose_meetings_are_ahead_is_no_visit_of_the_country() -> None:
    found = _placed("Abbas Araghchi arrived in Moscow on Monday. He will meet Sergey Lavrov on Tuesday.", "en",
                    "2024-03-05")
    assert [(_who(m), m.status) for m in found] == [(["Abbas Araghchi", "Sergey Lavrov"], "planned")]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Sergey Lavrov visited Qatar, Oman and then Jordan last week."),
    ("ar", "زار سيرغي لافروف قطر ثم سلطنة عمان والأردن الأسبوع الماضي."),
    ("fa", "سرگئی لاوروف هفته گذشته به قطر، عمان و سپس اردن سفر کرد."),
])
def test_each_stop_of_a_tour_is_a_visit_placed_in_its_own_country(lang: str, text: str) -> None:
    found = _placed(text, lang, "2024-03-05")
    assert [(_who(m)[1], m.location.place.country) for m in found] == [
        ("country:QA", "QA"), ("country:OM", "OM"), ("country:JO", "JO")]


def test_a_trip_still_ahead_is_no_visit_and_places_nothing() -> None:
    for text, lang in (("Ahead of his visit to Turkey, Sergey Lavrov spoke to reporters.", "en"),
                       ("سرگئی لاوروف امروز به ترکیه سفر می‌کند.", "fa"),
                       ("سرگئی لاوروف پیش از سفر به ترکیه با خبرنگاران گفتگو کرد.", "fa")):
        view, mentions, dates, lex = document(text, lang, "2024-03-05")
        found, trips = extract_meetings(view, mentions, dates)
        assert found == [] and trips == []


# -- who met whom: a carried subject; status from the trigger's own clause ------------------------
def _met(text: str, lang: str, people: tuple[str, ...], when: str = "2024-05-06") -> list[tuple[str, list[str]]]:
    view, mentions, dates, _ = document(text, lang, when, people)
    found, _ = extract_meetings(view, mentions, dates, extract_claims(view, mentions))
    return [(m.status, [p.text for p in m.parties]) for m in found]


LAVROV = {"en": "Sergey Lavrov", "ar": "سيرغي لافروف", "fa": "سرگئی لاوروف"}
SAFADI = {"en": "Ayman Safadi", "ar": "أيمن الصفدي", "fa": "ایمن الصفدی"}
FARHAN = {"en": "Faisal bin Farhan", "ar": "فيصل بن فرحان", "fa": "فیصل بن فرحان"}


def _three(lang: str) -> tuple[str, str, str]:
    return LAVROV[lang], SAFADI[lang], FARHAN[lang]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Sergey Lavrov landed in Doha on Monday. He then met Ayman Safadi and Faisal bin Farhan."),
    # an honorific pronoun right after the verb is its subject
    ("ar", "وصل سيرغي لافروف إلى الدوحة يوم الاثنين. واستقبل جلالته أيمن الصفدي وفيصل بن فرحان."),
    # the pronoun opens the clause; the people met come before the verb
    ("fa", "سرگئی لاوروف روز دوشنبه وارد دوحه شد. وی با ایمن الصفدی و فیصل بن فرحان دیدار کرد."),
    # a possessive on the meeting noun
    ("en", "Sergey Lavrov landed in Doha on Monday. During his talks with Ayman Safadi and Faisal bin Farhan "
           "the ministers discussed trade."),
    ("ar", "وصل سيرغي لافروف إلى الدوحة يوم الاثنين. وخلال لقائه أيمن الصفدي وفيصل بن فرحان بحث التجارة."),
])
def test_a_pronoun_subject_meets_each_person_named_and_they_do_not_meet_each_other(lang: str, text: str) -> None:
    subject, a, b = _three(lang)
    assert _met(text, lang, (subject, a, b)) == [("happened", [subject, a]), ("happened", [subject, b])]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "He met Ayman Safadi and Faisal bin Farhan."),
    ("ar", "واستقبل جلالته أيمن الصفدي وفيصل بن فرحان."),
    ("fa", "وی با ایمن الصفدی و فیصل بن فرحان دیدار کرد."),
])
def test_two_people_met_by_an_unknown_subject_are_not_each_others_counterpart(lang: str, text: str) -> None:
    _, a, b = _three(lang)
    assert _met(text, lang, (a, b)) == []


def test_a_named_subject_is_not_replaced_by_a_pronoun_in_a_report_of_his_own_meeting() -> None:
    text = "Sergey Lavrov said that he met Ayman Safadi and Faisal bin Farhan in Doha."
    subject, a, b = _three("en")
    assert _met(text, "en", (subject, a, b)) == [("happened", [subject, a]), ("happened", [subject, b])]


@pytest.mark.parametrize(("lang", "text"), [
    # the future prefix on an imperfect trigger
    ("ar", "سيستقبل سيرغي لافروف أيمن الصفدي في الدوحة."),
    ("ar", "وصل سيرغي لافروف إلى الدوحة حيث سيلتقي أيمن الصفدي يوم الثلاثاء."),
    # a modal that opens the clause, however far the verb
    ("fa", "قرار است سرگئی لاوروف روز سه شنبه در سفری کوتاه به دوحه با ایمن الصفدی درباره غزه رایزنی کند."),
    ("en", "Sergey Lavrov is expected to travel on Tuesday to the Qatari capital and then hold talks with "
           "Ayman Safadi."),
    # a preposition that governs the meeting noun
    ("en", "Sergey Lavrov spoke to reporters on the eve of his talks with Ayman Safadi."),
    ("fa", "سرگئی لاوروف در آستانه دیدار با ایمن الصفدی به خبرنگاران گفت که آماده است."),
])
def test_a_meeting_still_ahead_is_planned(lang: str, text: str) -> None:
    subject, a, _ = _three(lang)
    assert _met(text, lang, (subject, a)) == [("planned", [subject, a])]


def test_a_preposition_that_governs_a_later_meeting_leaves_the_meeting_before_it_held() -> None:
    text = "Sergey Lavrov met Ayman Safadi in Doha ahead of the summit."
    subject, a, _ = _three("en")
    assert _met(text, "en", (subject, a)) == [("happened", [subject, a])]


@pytest.mark.parametrize(("lang", "text"), [
    # the topic of the talks
    ("en", "Sergey Lavrov met Ayman Safadi in Doha and talked about Faisal bin Farhan."),
    ("fa", "سرگئی لاوروف با ایمن الصفدی در دوحه دیدار و درباره فیصل بن فرحان گفتگو کرد."),
    ("ar", "التقى سيرغي لافروف أيمن الصفدي في الدوحة وتحدثا حول فيصل بن فرحان."),
    # the one someone acts for: a construct without the article governs the name after it
    ("ar", "التقى سيرغي لافروف أيمن الصفدي مستشار فيصل بن فرحان في الدوحة."),
    ("en", "Sergey Lavrov met Ayman Safadi, an adviser to Faisal bin Farhan, in Doha."),
    # the one a deputy stands in for
    ("ar", "التقى سيرغي لافروف أيمن الصفدي مساعد فيصل بن فرحان في الدوحة."),
    # a venue named after someone
    ("fa", "سرگئی لاوروف با ایمن الصفدی در مهمانسرای «فیصل بن فرحان» دیدار کرد."),
    # the sender of the message handed over
    ("en", "Sergey Lavrov received Ayman Safadi, who handed him a letter from Faisal bin Farhan."),
    ("fa", "سرگئی لاوروف با ایمن الصفدی دیدار کرد و پیام فیصل بن فرحان را دریافت کرد."),
])
def test_a_person_a_word_governs_was_not_met(lang: str, text: str) -> None:
    subject, a, b = _three(lang)
    found = _met(text, lang, (subject, a, b))
    assert found and all(b not in parties for _, parties in found)
    assert any(set(parties) == {subject, a} for _, parties in found)


@pytest.mark.parametrize("text", [
    # "المستشار X": the adviser X (met), unlike "مستشار X": X's adviser
    "التقى {s} المستشار {a} في الدوحة.",
    # the object with its article comes first: the letter is no construct with the subject after it
    "وتسلم الرسالة {s} خلال استقباله {a} في الدوحة.",
])
def test_an_article_on_the_governing_noun_makes_it_no_construct_and_the_person_was_met(text: str) -> None:
    subject, a, _ = _three("ar")
    found = _met(text.format(s=subject, a=a), "ar", (subject, a))
    assert [sorted(parties) for _, parties in found] == [sorted([subject, a])]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Kremlin spokesman Dmitry Peskov told reporters that Sergey Lavrov had met Ayman Safadi in Doha."),
    ("ar", "قال المتحدث باسم الكرملين دميتري بيسكوف إن سيرغي لافروف التقى أيمن الصفدي في الدوحة."),
    ("fa", "دمیتری پسکوف سخنگوی کرملین گفت سرگئی لاوروف با ایمن الصفدی در دوحه دیدار کرد."),
])
def test_a_spokesperson_reports_a_meeting_and_is_no_party_to_it(lang: str, text: str) -> None:
    subject, a, _ = _three(lang)
    spokesman = {"en": "Dmitry Peskov", "ar": "دميتري بيسكوف", "fa": "دمیتری پسکوف"}[lang]
    assert _met(text, lang, (subject, a, spokesman)) == [("happened", [subject, a])]


def test_in_a_verb_final_language_the_clause_final_verb_sets_the_status() -> None:
    # "in this trip" is where; "will meet" at the clause's end is when
    subject, a, _ = _three("fa")
    text = f"{subject} در این سفر، علاوه بر گفتگو با وزیر خارجه، با {a} نیز دیدار خواهد کرد."
    found = _met(text, "fa", (subject, a))
    assert found and all(status == "planned" for status, _ in found)


@pytest.mark.parametrize("verb", ["أجريا", "التقيا"])
def test_a_meeting_verb_with_an_agreement_suffix_is_no_name(verb: str) -> None:
    subject, a, _ = _three("ar")
    # the title in apposition before the verb is the second minister's, not the verb's
    text = f"{subject}، وزير الخارجية الروسي، و{a}، وزير الخارجية الأردني، {verb} اتصالا هاتفيا يوم الاثنين."
    view, mentions, _, _ = document(text, "ar", "2024-05-06", (subject, a, verb))
    assert verb not in {m.text for m in mentions}


@pytest.mark.parametrize(("lang", "text"), [
    ("fa", "به گزارش {b}، {s} با {a} در دوحه دیدار کرد."),
    ("en", "According to {b}, {s} met {a} in Doha on Monday."),
])
def test_the_source_a_report_is_attributed_to_is_no_party(lang: str, text: str) -> None:
    subject, a, b = _three(lang)
    found = _met(text.format(s=subject, a=a, b=b), lang, (subject, a, b))
    assert [sorted(parties) for _, parties in found] == [sorted([subject, a])]


def test_the_people_listed_after_a_governing_word_were_not_met() -> None:
    subject, a, _ = _three("en")
    text = (f"{subject} met {a} in Doha, where they discussed the actions of Donald Trump, Emmanuel Macron and "
            "Vladimir Putin.")
    found = _met(text, "en", (subject, a, "Donald Trump", "Emmanuel Macron", "Vladimir Putin"))
    assert [sorted(parties) for _, parties in found] == [sorted([subject, a])]


def test_a_name_in_apposition_after_a_venue_was_met() -> None:
    subject, a, _ = _three("en")
    text = f"{subject} received a delegation of the Presidential Palace, {a}, and other officials."
    found = _met(text, "en", (subject, a))
    assert [sorted(parties) for _, parties in found] == [sorted([subject, a])]


def test_a_detached_pronoun_clitic_leaves_no_name_behind() -> None:
    subject, _, _ = _three("fa")
    text = f"{subject} در نخستین سفر ولایتی اش به روز جمعه از کندز دیدن کرد."
    view, mentions, _, _ = document(text, "fa", "2024-05-06", (subject, "ولایتی اش"))
    assert {m.text for m in mentions if m.is_person} == {subject}


@pytest.mark.parametrize(("lang", "text"), [
    ("ar", "وتعد هذه الزيارة الأولى لسيرغي لافروف إلى الدوحة ومن المقرر أن يجري خلال زيارته محادثات مع أيمن الصفدي."),
    ("en", "The visit is the first by Sergey Lavrov to Doha, and during it he is expected to hold talks "
           "with Ayman Safadi."),
])
def test_the_trigger_that_governs_the_counterpart_sets_the_status(lang: str, text: str) -> None:
    subject, a, _ = _three(lang)
    found = _met(text, lang, (subject, a))
    assert found and all(status == "planned" for status, _ in found)


def test_a_visit_whose_meetings_are_still_ahead_is_no_held_visit_to_the_country() -> None:
    text = ("Antony Blinken arrived in Israel on Wednesday. Blinken will meet Isaac Herzog and Benjamin "
            "Netanyahu on Thursday.")
    found = _met(text, "en", ("Antony Blinken", "Isaac Herzog", "Benjamin Netanyahu"))
    assert found and all(status == "planned" for status, _ in found)


@pytest.mark.parametrize(("lang", "text", "city"), [
    ("en", "Sergey Lavrov and Ayman Safadi held the Moscow talks on Monday.", "Moscow"),
    ("ar", "عقد سيرغي لافروف وأيمن الصفدي محادثات موسكو يوم الاثنين.", "Moscow"),
    ("fa", "سرگئی لاوروف و ایمن الصفدی روز دوشنبه مذاکرات مسکو را برگزار کردند.", "Moscow"),
])
def test_a_city_that_names_the_talks_is_where_they_were(stages, lang: str, text: str, city: str) -> None:
    subject, a, _ = _three(lang)
    stages.ner.names = {subject: "PER", a: "PER"}
    (m,) = meetings(records(stages, text, "2024-05-06"))
    assert (m["location"]["name"], m["location"]["rule"]) == (city, f"{lang}.loc.modifier")


def test_two_cities_joined_name_the_sides_not_the_place(stages) -> None:
    subject, a, _ = _three("fa")
    stages.ner.names = {subject: "PER", a: "PER"}
    text = f"{subject} و {a} روز دوشنبه درباره مذاکرات تهران و واشنگتن دیدار کردند."
    (m,) = meetings(records(stages, text, "2024-05-06"))
    assert m["location"] is None or m["location"]["rule"] != "fa.loc.modifier"


def test_a_person_named_after_the_list_of_counterparts_ends_is_only_mentioned() -> None:
    subject, a, b = _three("en")
    text = f"{subject} met {a} in Doha to discuss the sanctions that a court had imposed on {b} last year."
    assert _met(text, "en", (subject, a, b)) == [("happened", [subject, a])]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "{s} met {a}, the Jordanian foreign minister, and {b} in Doha."),
    ("ar", "التقى {s} كلا من {a}، وزير الخارجية الأردني، و{b} في الدوحة."),
    ("en", "{s} met {a} in Doha and later held talks with {b}."),
])
def test_counterparts_joined_by_a_separator_or_another_meeting_word_are_one_list(lang: str, text: str) -> None:
    subject, a, b = _three(lang)
    found = _met(text.format(s=subject, a=a, b=b), lang, (subject, a, b))
    assert sorted(sorted(parties) for _, parties in found) == sorted([sorted([subject, a]), sorted([subject, b])])


@pytest.mark.parametrize(("lang", "span"), [("en", "His Excellency"), ("ar", "الأمين العام")])
def test_a_span_of_office_or_courtesy_words_is_no_name(lang: str, span: str) -> None:
    subject, a, _ = _three(lang)
    text = {"en": f"{a} was received by {span} in Doha, where {subject} also met him.",
            "ar": f"استقبل {span} {a} في الدوحة."}[lang]
    view, mentions, _, _ = document(text, lang, "2024-05-06", (subject, a, span))
    assert all(m.text != span for m in mentions if m.kind == "person")


def test_a_person_of_the_country_present_at_a_visit_is_its_host() -> None:
    subject, a, _ = _three("en")
    text = f"A welcome ceremony was held for {subject} on his visit to Jordan, in the presence of {a}."
    found = _met(text, "en", (subject, a))
    assert [sorted(parties) for _, parties in found] == [sorted([subject, a])]


def test_a_governing_word_reaches_a_name_across_its_description() -> None:
    subject, a, b = _three("en")
    text = f"{subject} met {a}, the sister of Jordanian foreign minister {b}, in Doha."
    found = _met(text, "en", (subject, a, b))
    assert [sorted(parties) for _, parties in found] == [sorted([subject, a])]


def test_stacked_arabic_titles_describe_the_named_minister_who_was_met() -> None:
    # "deputy prime minister, foreign minister X": the deputy's office is his own, not a principal's
    subject, a, _ = _three("ar")
    text = f"تلقى نائب رئيس مجلس الوزراء وزير الخارجية الأردني، {a}، اتصالا هاتفيا من {subject}."
    found = _met(text, "ar", (subject, a))
    assert [sorted(parties) for _, parties in found] == [sorted([subject, a])]
# -- who met whom: the structure of lists ---------------------------------------------------------
def _pairs_met(text: str, lang: str, people: tuple[str, ...] = (), when: str = "2017-03-28") -> list[list[str]]:
    view, mentions, dates, _ = document(text, lang, when, people)
    found, _ = extract_meetings(view, mentions, dates, extract_claims(view, mentions))
    return [[p.identity for p in m.parties] for m in found if m.status == "happened"]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Ayman Safadi met his Saudi, Omani and Egyptian counterparts in Amman on Monday."),
    ("ar", "التقى أيمن الصفدي نظراءه السعودي والعماني والمصري في عمان يوم الاثنين."),
    ("fa", "ایمن الصفدی روز دوشنبه با همتایان سعودی، عمانی و مصری خود در امان دیدار کرد."),
])
def test_each_counterpart_of_a_list_is_the_holder_of_the_subjects_office_in_that_country(lang: str, text: str) -> None:
    assert _pairs_met(text, lang) == [["jo-ayman-safadi", "sa-adel-al-jubeir"],
                                      ["jo-ayman-safadi", "om-yusuf-bin-alawi-bin-abdullah"],
                                      ["jo-ayman-safadi", "eg-sameh-shoukry"]]


def test_a_counterpart_with_no_recorded_holder_is_that_office_of_that_country_unnamed() -> None:
    met = _pairs_met("Ayman Safadi met his Maltese counterpart in Amman on Monday.", "en", when="2017-03-28")
    assert met == [["jo-ayman-safadi", "title:foreign_minister:MT:"]]


def test_a_list_of_office_holders_before_the_verb_is_one_side_and_each_meets_the_host() -> None:
    text = ("The Presidents of Afghanistan and Sri Lanka and the Prime Ministers of Pakistan and Nepal called on "
            "Pranab Mukherjee in New Delhi on Tuesday.")
    met = _pairs_met(text, "en", when="2014-05-27")
    assert met == [[guest, "in-pranab-mukherjee"] for guest in
                   ("af-hamid-karzai", "lk-mahinda-rajapaksa", "pk-nawaz-sharif", "np-sushil-koirala")]


def test_coordinated_guests_who_met_one_host_are_not_each_others_counterparts() -> None:
    text = ("Chilean Ambassador Tomas Vidal, Kenyan Ambassador Ruth Njeri and Fijian Ambassador Manoa Tuilagi all "
            "met separately with President Ebrahim Raisi on Sunday.")
    met = _pairs_met(text, "en", ("Tomas Vidal", "Ruth Njeri", "Manoa Tuilagi"), when="2023-01-08")
    assert met == [[g, "ir-ebrahim-raisi"] for g in ("unk:tomas_vidal", "unk:ruth_njeri", "unk:manoa_tuilagi")]


@pytest.mark.parametrize(("lang", "text"), [
    ("fa", "به گفته وزارت خارجه، هیئت این کشور با سرگئی لاوروف، ایمن الصفدی و فیصل بن فرحان دیدار کرده است."),
    ("en", "According to the ministry, talks with Sergey Lavrov, Ayman Safadi and Faisal bin Farhan were held "
           "in Doha."),
    ("ar", "وبحسب الوزارة، جرت مباحثات مع سيرغي لافروف وأيمن الصفدي وفيصل بن فرحان في الدوحة."),
])
def test_people_a_comitative_governs_are_all_met_and_none_is_the_subject(lang: str, text: str) -> None:
    assert _met(text, lang, _three(lang)) == []


@pytest.mark.parametrize(("lang", "text"), [
    # a dropped subject is carried from the sentence before
    ("fa", "سرگئی لاوروف روز دوشنبه وارد دوحه شد. سپس با ایمن الصفدی و فیصل بن فرحان دیدار کرد."),
    # the subject after the comitative phrase
    ("fa", "سرگئی لاوروف روز دوشنبه وارد دوحه شد. در دیدار با ایمن الصفدی و فیصل بن فرحان، سرگئی لاوروف گفت "
           "که روابط خوب است."),
])
def test_the_subject_of_a_comitative_list_is_outside_it(lang: str, text: str) -> None:
    subject, a, b = _three(lang)
    met = _met(text, lang, (subject, a, b))
    assert [sorted(p) for _, p in met] == [sorted([subject, a]), sorted([subject, b])]


@pytest.mark.parametrize(("lang", "text"), [
    # a list opener, then people each described by an apposition and joined by commas and "و"
    ("ar", "التقى سيرغي لافروف مع أيمن الصفدي بحضور كل من فيصل بن فرحان، وزير خارجية السعودية، والسيد علي رضائي."),
    # the list's first items are no one the text names; the person named opens a later conjunct
    ("en", "Sergey Lavrov met Ayman Safadi in the presence of senior aides of both ministries and Faisal bin Farhan."),
    ("fa", "سرگئی لاوروف با ایمن الصفدی با حضور معاونان ارشد هر دو وزارتخانه و فیصل بن فرحان دیدار کرد."),
])
def test_everyone_an_attendance_list_names_attends_and_meets_no_one(lang: str, text: str) -> None:
    subject, a, b = _three(lang)
    view, mentions, dates, _ = document(text, lang, "2024-05-06", (subject, a, b, "علي رضائي"))
    found, _ = extract_meetings(view, mentions, dates, extract_claims(view, mentions))
    assert [([p.text for p in m.parties], [x.text for x in m.attendees]) for m in found] == \
        [([subject, a], [b, "علي رضائي"] if lang == "ar" else [b])]


def test_a_phone_call_and_a_visit_of_the_same_people_are_two_meetings() -> None:
    text = ("Sergey Lavrov spoke by phone with Ayman Safadi on Monday. Lavrov had visited Amman in January and "
            "met Ayman Safadi there.")
    subject, a, _ = _three("en")
    met = _met(text, "en", (subject, a))
    assert len(met) == 2 and all(status == "happened" for status, _ in met)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Ayman Safadi held talks with a Chinese delegation in Amman on Monday."),
    ("ar", "أجرى أيمن الصفدي مباحثات مع الوفد الصيني في عمان يوم الاثنين."),
    ("fa", "ایمن الصفدی روز دوشنبه در امان با هیئت چینی دیدار کرد."),
])
def test_a_countrys_delegation_is_a_party_where_no_one_of_that_country_is_named(lang: str, text: str) -> None:
    assert _pairs_met(text, lang, when="2024-05-06") == [["jo-ayman-safadi", "inst:china"]]


def test_a_delegation_whose_head_is_named_is_represented_by_him() -> None:
    text = "Ayman Safadi held talks with a Chinese delegation headed by Wang Yi in Amman on Monday."
    assert _pairs_met(text, "en", when="2024-05-06") == [["jo-ayman-safadi", "cn-wang-yi"]]


def test_a_side_the_meeting_words_do_not_govern_is_no_party() -> None:
    text = "Ayman Safadi said talks would resume, after sanctions were imposed on the Chinese side in March."
    assert _pairs_met(text, "en", when="2024-05-06") == []


@pytest.mark.parametrize(("lang", "text"), [
    ("fa", "سرگئی لاوروف، ایمن الصفدی و فیصل بن فرحان با یکدیگر در کاخ دیدار کردند."),
    ("en", "Sergey Lavrov, Ayman Safadi and Faisal bin Farhan met each other at the palace."),
])
def test_with_a_reciprocal_the_people_named_met_one_another(lang: str, text: str) -> None:
    subject, a, b = _three(lang)
    assert [sorted(p) for _, p in _met(text, lang, (subject, a, b))] == [sorted([subject, a, b])]


def test_a_list_whose_trigger_governs_no_one_after_it_met_one_another() -> None:
    # the person after the trigger is in its topic, not its object: the two named before it met
    text = "Sergey Lavrov and Ayman Safadi discussed the long detention of the nephew of Faisal bin Farhan."
    subject, a, b = _three("en")
    met = [set(p) for _, p in _met(text, "en", (subject, a, b))]
    assert len(met) == 1 and {subject, a} <= met[0]


def test_a_call_reported_again_as_talks_is_one_meeting() -> None:
    text = ("Sergey Lavrov held a phone call with Ayman Safadi on Monday. Lavrov and Ayman Safadi discussed "
            "by phone the situation in the region.")
    subject, a, _ = _three("en")
    assert len(_met(text, "en", (subject, a))) == 1


def test_a_list_that_meets_a_list_is_one_meeting() -> None:
    text = "Sergey Lavrov and Ayman Safadi met Faisal bin Farhan and Wang Yi in Doha on Monday."
    subject, a, b = _three("en")
    met = _met(text, "en", (subject, a, b, "Wang Yi"))
    assert len(met) == 1 and {subject, a, b} <= set(met[0][1])


def test_the_collector_is_off_only_while_a_language_loads_and_as_the_caller_left_it_after(stages) -> None:
    import gc

    seen: list[tuple[str, bool]] = []
    given = stages.ner

    class Watching:
        def tag(self, lang, sentences):
            seen.append((lang, gc.isenabled()))
            return given.tag(lang, sentences)

    stages.ner = Watching()
    stages.doc_date = date(2024, 5, 2)
    stages.group_chars = 1  # one document per group
    first = InputDoc(id="a", text="The minister of Ruritania spoke to reporters in the capital.", lang="en")
    second = InputDoc(id="b", text="The delegation left the capital on Tuesday evening by train.", lang="en")
    was = gc.isenabled()
    try:
        gc.enable()
        stages.extract_many([first, second])
        assert seen == [("en", False), ("en", True)]  # off for the cold group only
        assert gc.isenabled()
        gc.disable()  # a caller that runs with the collector off keeps it off
        stages.extract_many([InputDoc(id="c", text="Talks resumed in the morning.", lang="fa")])
        assert seen[-1] == ("fa", False) and not gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()
