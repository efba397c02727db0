"""People a sentence names only in the background of a meeting, and the place the meetings of one
list share: a person inside what the verb says of a list that met no one it governs ("A and B
discussed the sanctions on C"), a person inside a relative clause on a past visit ("the visit that C
made to Damascus") taken as the subject a later sentence continues; a counterpart of a third country
in a list whose other meeting is placed. Passages written for these tests; the stages run without a
model (names NER would tag are given by hand)."""

from __future__ import annotations

import pytest
from test_locations import by_party, run, where
from test_stages import FARHAN, LAVROV, SAFADI, _met


@pytest.mark.parametrize("text", [
    "Sergey Lavrov and Ayman Safadi discussed the U.S. sanctions on Faisal bin Farhan.",
    "Sergey Lavrov and Ayman Safadi discussed the prison term handed to former minister Faisal bin Farhan.",
])
def test_a_person_the_verb_of_a_list_only_talks_about_is_not_met(text: str) -> None:
    people = (LAVROV["en"], SAFADI["en"], FARHAN["en"])
    assert _met(text, "en", people) == [("happened", [LAVROV["en"], SAFADI["en"]])]
    # a comitative after the verb governs the third person, and a later clause may tell who else took
    # part: the verb's own clause is what is read
    for joined in ("Sergey Lavrov and Ayman Safadi met in Riyadh on Monday together with Faisal bin Farhan.",
                   "Sergey Lavrov and Ayman Safadi attended the summit, which Faisal bin Farhan chaired."):
        assert any(FARHAN["en"] in ps for _, ps in _met(joined, "en", people))


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Sergey Lavrov praised the visit which Faisal bin Farhan paid to Damascus last year. "
           "He also held talks with Ayman Safadi."),
    ("ar", "وقال سيرغي لافروف إن الزيارة الأخيرة التي قام بها فيصل بن فرحان إلى دمشق كانت مثمرة.\n"
           "وبحث مع أيمن الصفدي العلاقات الثنائية."),
])
def test_the_party_of_a_visit_recalled_in_a_relative_clause_is_not_the_subject_carried(lang: str, text: str) -> None:
    found = _met(text, lang, (LAVROV[lang], SAFADI[lang], FARHAN[lang]))
    assert ("happened", [LAVROV[lang], SAFADI[lang]]) in found
    assert not any(ps == [FARHAN[lang], SAFADI[lang]] for _, ps in found)
    if lang == "ar":
        # a relative clause on another noun (the statement someone present read out) is no recalled
        # event: the one named in it may well be the subject the next sentence continues
        text = ("وأشار البيان الختامي الذي ألقاه فيصل بن فرحان إلى أهمية الحوار.\n"
                "وبحث مع أيمن الصفدي العلاقات الثنائية.")
        assert ("happened", [FARHAN["ar"], SAFADI["ar"]]) in _met(text, "ar", (SAFADI["ar"], FARHAN["ar"]))


def test_the_meetings_of_one_list_share_their_place_whatever_each_counterparts_country(stages) -> None:
    text = ("Kenyan President William Ruto held separate meetings with Norwegian Prime Minister Jonas Gahr Store "
            "and French Foreign Minister Catherine Colonna during Colonna's visit to Nairobi on Monday.")
    recs = run(stages, text, "2024-03-05", people=("Jonas Gahr Store", "Catherine Colonna"))
    assert where(by_party(recs, "Catherine Colonna"))[0] == "Nairobi"
    assert where(by_party(recs, "Jonas Gahr Støre")) == ("Nairobi", "loc.same_leg")


def roles(m: dict) -> dict[str, str]:
    return {p["name"]: p["role"] for p in m["participants"]}


@pytest.mark.parametrize(("lang", "text", "guest", "host", "capital"), [
    ("en", "Kenyan Foreign Minister Musalia Mudavadi was received on Monday by Ethiopian Prime Minister Abiy Ahmed.",
     "Musalia Mudavadi", "Abiy Ahmed Ali", "Addis Ababa"),
    ("fa", "سرگئی لاوروف روز دوشنبه در فرودگاه مورد استقبال ایمن الصفدی قرار گرفت.",
     "Sergey Lavrov", "Ayman Safadi", "Amman"),
])
def test_a_reception_in_the_passive_has_its_subject_for_guest(stages, lang, text, guest, host, capital) -> None:
    (m,) = run(stages, text, "2024-03-05", lang=lang, people=("Musalia Mudavadi",))
    assert roles(m)[guest] == "guest" and roles(m)[host] == "host"
    assert where(m) == (capital, "loc.host_capital")


def test_a_host_named_only_by_a_title_of_a_country_places_the_meeting_in_its_capital(stages) -> None:
    text = "Amina Wario, the chairperson of the commission, was received today by the Prime Minister of Ethiopia."
    (m,) = run(stages, text, "2024-03-05", people=("Amina Wario",))
    assert roles(m)["Amina Wario"] == "guest"
    assert where(m) == ("Addis Ababa", "loc.host_capital")
    # an envoy hosts abroad: his country's capital is not where he received anyone
    envoy = text.replace("the Prime Minister of Ethiopia", "the Ambassador of Ethiopia")
    (m,) = run(stages, envoy, "2024-03-05", people=("Amina Wario",))
    assert m["location"] is None


def test_a_meeting_after_a_lead_that_places_the_party_at_home_is_there_too(stages) -> None:
    lead = ("Kenyan President William Ruto on Tuesday held talks with two visiting presidents in separate "
            "meetings at State House, Nairobi. Ruto said the talks were useful. ")
    text = lead + "Later, Ruto held talks with Ethiopian Prime Minister Abiy Ahmed."
    (m,) = run(stages, text, "2024-03-05", people=("William Ruto", "Ruto", "Abiy Ahmed"))
    assert where(m) == ("Nairobi", "loc.same_leg")
    # the visitor named in the lead is not at home in Nairobi: his next meeting may be anywhere
    away = (lead.replace("Kenyan President William Ruto", "Ethiopian Prime Minister Abiy Ahmed", 1)
            .replace("Ruto said", "Abiy said") + "Later, Abiy held talks with Somali President Hassan Sheikh Mohamud.")
    recs = run(stages, away, "2024-03-05", people=("Abiy Ahmed", "Abiy", "Hassan Sheikh Mohamud"))
    assert recs
    assert all(r["location"] is None for r in recs)


def test_coordinated_subjects_of_a_passive_reception_are_both_guests(stages) -> None:
    text = ("Musalia Mudavadi and Jeje Odongo were received on Monday by Ethiopian Prime Minister Abiy Ahmed.")
    recs = run(stages, text, "2024-03-05", people=("Musalia Mudavadi", "Jeje Odongo"))
    assert recs and all(roles(m).get("Abiy Ahmed Ali") == "host" for m in recs)
    assert {n for m in recs for n, r in roles(m).items() if r == "guest"} == {"Musalia Mudavadi", "Jeje Odongo"}
