"""A visit told by a relative clause on the visit noun, whose light verb ("made", «قام بها», «أداها»)
has the visitor for subject: «الزيارة التي قام بها X إلى Y» is a visit X made to Y, though X does
not stand right after the noun. Passages written for these tests; the stages run without a model
(names NER would tag are given by hand)."""

from __future__ import annotations

import pytest
from test_locations import run


def visits(recs: list[dict]) -> list[tuple[list[tuple[str, str]], str | None]]:
    return [([(p["name"], p["role"]) for p in r["participants"]], (r["location"] or {}).get("name"))
            for r in recs if r["kind"] == "visit"]


@pytest.mark.parametrize(("text", "name", "visitor", "country", "city"), [
    # subject right after the verb and its resumptive pronoun, the destination after him
    ("وأشاد الوزير بنتائج الزيارة التي قام بها رئيس الوزراء الأردني بشر الخصاونة إلى القاهرة الشهر الماضي.",
     "بشر الخصاونة", "Bisher Al-Khasawneh", "Egypt", "Cairo"),
    # the destination first, the subject after it; an adjective between the noun and the pronoun
    ("وتحدث السفير عن زيارة العمل التي أداها إلى روما وزير الخارجية الأردني أيمن الصفدي.",
     "أيمن الصفدي", "Ayman Safadi", "Italy", "Rome"),
    # an indefinite noun's relative clause has no relative pronoun
    ("وأشاد الوزير بنتائج زيارة قام بها وزير الخارجية الأردني أيمن الصفدي إلى روما الشهر الماضي.",
     "أيمن الصفدي", "Ayman Safadi", "Italy", "Rome"),
    # a long title between the verb and the name; the present tense of a visit under way
    ("وتأتي الزيارة الرسمية التي يقوم بها النائب الأول للرئيس الإيراني إسحاق جهانغيري إلى دمشق في إطار التعاون.",
     "إسحاق جهانغيري", "Eshaq Jahangiri", "Syria", "Damascus"),
])
def test_the_subject_of_a_visit_nouns_light_verb_is_the_visitor(stages, text: str, name: str, visitor: str,
                                                                  country: str, city: str) -> None:
    recs = run(stages, text, "2024-05-01", lang="ar", people=(name,))
    assert visits(recs) == [([(visitor, "guest"), (country, "host")], city)]


@pytest.mark.parametrize("text", [
    # the relative clause has a verb of its own: its subject received someone, he made no visit
    "وتحدث الوزير عن الزيارة التي استقبل فيها وزير الخارجية الأردني أيمن الصفدي نظيره في روما.",
    # a future light verb: the visit is still ahead
    "وتحدث الوزير عن الزيارة التي سيقوم بها وزير الخارجية الأردني أيمن الصفدي إلى روما.",
])
def test_another_verb_or_a_visit_still_ahead_names_no_visitor(stages, text: str) -> None:
    assert visits(run(stages, text, "2024-05-01", lang="ar", people=("أيمن الصفدي",))) == []


def test_who_speaks_of_the_visit_is_none_of_its_parties(stages) -> None:
    text = "وأشار وزير الخارجية الأردني أيمن الصفدي إلى الزيارة التي قام بها سيرغي لافروف إلى القاهرة العام الماضي."
    recs = run(stages, text, "2024-05-01", lang="ar", people=("أيمن الصفدي", "سيرغي لافروف"))
    assert [[p["name"] for p in r["participants"]] for r in recs] == [["Sergey Lavrov", "Egypt"]]


@pytest.mark.parametrize(("dest", "city"), [
    # one written name for the country and its capital: the meeting was in the city
    ("تونس", "Tunis"),
    ("الكويت", "Kuwait City"),
    # a name of the country alone stays the country
    ("العراق", "Iraq"),
])
def test_a_visit_to_a_country_written_as_its_capital_is_placed_in_the_city(stages, dest: str, city: str) -> None:
    text = f"وأشاد الوزير بنتائج الزيارة التي قام بها أيمن الصفدي إلى {dest} في شهر مايو."
    (visit,) = run(stages, text, "2024-06-01", lang="ar", people=("أيمن الصفدي",))
    assert visit["location"]["name"] == city and visit["location"]["rule"] == "loc.visit_destination"


def test_the_gazetteer_knows_which_capitals_are_written_as_their_countries() -> None:
    from extractors.places import load_gazetteer
    places = load_gazetteer()
    assert places.capital_written_alike("تونس").name == "Tunis"
    assert places.capital_written_alike("بتونس").name == "Tunis"  # a preposition written on
    assert places.capital_written_alike("Singapore").name == "Singapore"
    assert places.capital_written_alike("العراق") is None and places.capital_written_alike("Iraq") is None
