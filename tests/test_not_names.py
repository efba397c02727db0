"""Names that are not names: spans NER tags as a person or a body that name no one. An office held
by one person tagged as an organisation ("the Head of State"), a news agency or a broadcaster tagged
as a person or a body. Stanza is not needed: the NER entities are injected by hand. The sentences
are made up."""

from __future__ import annotations

import re
from datetime import date

from extractors.claims import extract_claims
from extractors.mentions import build_mentions, lexicons
from extractors.naming import display_name
from extractors.ner import Entity
from extractors.view import build_view


def _mentions(text: str, lang: str, people: tuple[str, ...] = (), orgs: tuple[str, ...] = ()):
    view = build_view(text, lang)
    ents = [Entity(m.start(), m.end(), t, p) for t, names in (("PER", people), ("ORG", orgs))
            for p in names for m in re.finditer(re.escape(p), view.text)]
    lex = lexicons(lang)
    return view, lex, build_mentions(view, sorted(ents, key=lambda e: e.start), date(2024, 3, 1), lex)


def _people(text: str, lang: str, people: tuple[str, ...]) -> list[str]:
    return [m.text for m in _mentions(text, lang, people)[2] if m.kind == "person" and m.actor is None]


def _speakers(text: str, lang: str, people: tuple[str, ...] = (), orgs: tuple[str, ...] = ()) -> list:
    view, lex, mentions = _mentions(text, lang, people, orgs)
    return [display_name(c.speaker, lex.places) if c.speaker is not None else None
            for c in extract_claims(view, mentions)]


# -- one person's office tagged as an organisation -----------------------------------------------------
def test_an_office_tagged_as_an_organisation_is_no_speaker() -> None:
    # fails before: "Principal Secretary" and "Head of State" spoke as bodies
    out = _speakers("The Principal Secretary said that the border talks had been useful.", "en",
                    orgs=("Principal Secretary",))
    assert "Principal Secretary" not in out
    out = _speakers("The Head of State said that the border talks had been useful.", "en", orgs=("Head of State",))
    assert "Head of State" not in out


def test_guard_a_body_whose_name_has_title_words_still_speaks() -> None:
    # guard: the words of titles ("state", "council") also name bodies; these begin with a body's noun
    out = _speakers("The State Council said that the border talks had been useful.", "en",
                    orgs=("State Council",))
    assert out == ["State Council"]
    out = _speakers("The House of Representatives said that the border talks had been useful.", "en",
                    orgs=("House of Representatives",))
    assert out == ["House of Representatives"]


# -- a news agency or a broadcaster tagged as a person -----------------------------------------------
def test_a_news_agency_tagged_as_a_person_is_no_party() -> None:
    # fails before: "Kazinform" (Kazakhstan's national news agency) stood as a person
    text = "President Ali Nurlanov received Kenji Sato on Monday, Kazinform reported."
    _, _, mentions = _mentions(text, "en", ("Ali Nurlanov", "Kenji Sato", "Kazinform"))
    assert [m.text for m in mentions if m.kind == "person"] == ["Ali Nurlanov", "Kenji Sato"]
    assert [(m.text, m.role) for m in mentions if m.kind == "institution"] == [("Kazinform", "agency")]


def test_a_broadcaster_is_a_source_not_a_speaker() -> None:
    # fails before: «صداوسیما» (Iran's state broadcaster) spoke as a body
    assert _speakers("صداوسیما اعلام کرد که مذاکرات دو کشور مفید بود.", "fa", orgs=("صداوسیما",)) == []


def test_an_office_tagged_as_an_organisation_is_the_person_given_that_office_before() -> None:
    # fails before: "the Principal Secretary" spoke as a body of its own
    text = ("Principal Secretary Jane Roe said that the border talks had been useful. "
            "The Principal Secretary added that a second round would follow.")
    out = _speakers(text, "en", people=("Jane Roe",), orgs=("Principal Secretary",))
    assert out == ["Jane Roe", "Jane Roe"]
