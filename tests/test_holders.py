"""A title and the name of its holder after it: an envoy's posting with an accreditation participle,
a military rank between title and name, and the envoy's name NER did not tag. Stanza is not
needed: the NER entities are injected by hand."""

from __future__ import annotations

from datetime import date

from extractors.mentions import build_mentions, lexicons
from extractors.ner import Entity
from extractors.view import build_view


def _mentions(text: str, lang: str, ents: list[tuple[str, str]]):
    """``ents``: (text, NER type) pairs, the first occurrence of each."""
    view = build_view(text, lang)
    es = [Entity(view.text.index(t), view.text.index(t) + len(t), typ, t) for t, typ in ents]
    return build_mentions(view, es, date(2021, 5, 4), lexicons(lang))


def _people(ms) -> list[tuple[str, tuple | None]]:
    return [(m.text, m.title_role) for m in ms if m.kind == "person"]


def test_an_accredited_envoys_name_after_his_posting_is_the_titles_holder():
    text = "واستقبل الوزير سفير جمهورية تشيلي المعتمد لدى الأردن خوان بيريز في مكتبه."
    ms = _mentions(text, "ar", [("خوان بيريز", "PER")])
    assert _people(ms) == [("خوان بيريز", ("ambassador", "CL", None))]
    assert not [m for m in ms if m.kind == "title" and m.role == "ambassador"]


def test_a_military_rank_between_a_title_and_its_holder_is_part_of_the_apposition():
    text = "وفي صنعاء التقى نائب الرئيس اليمني الفريق الركن سالم عبد الكريم وفدا أمميا."
    ms = _mentions(text, "ar", [("سالم عبد الكريم", "PER")])
    assert _people(ms) == [("سالم عبد الكريم", ("vice_president", "YE", None))]
    text = "The minister met Chad's Defence Minister Major General Idris Wadai on Monday."
    ms = _mentions(text, "en", [("Idris Wadai", "PER")])
    assert _people(ms)[0][0] == "Idris Wadai" and _people(ms)[0][1] is not None


def test_an_untagged_name_that_closes_an_envoys_title_is_his_and_other_words_there_are_not():
    text = "واستقبل الوزير سفير جمهورية تشيلي خوان بيريز، وبحث معه العلاقات."
    ms = _mentions(text, "ar", [])
    holders = [m for m in ms if m.kind == "person"]
    assert [(m.text, m.title_role, m.rule) for m in holders] == [
        ("خوان بيريز", ("ambassador", "CL", None), "ar.name.holder")]
    text = "The minister received the Chilean Ambassador in Amman Juan Perez."
    ms = _mentions(text, "en", [("Amman Juan Perez", "PER")])
    assert _people(ms) == [("Juan Perez", ("ambassador", "CL", None))]
    # an adjective with the article, a date word, one word alone, a verb of meeting
    for text in ("واستقبل الوزير سفير جمهورية تشيلي الجديد المعين، وبحث معه العلاقات.",
                 "واستقبل الوزير سفير جمهورية تشيلي اليوم الأحد.",
                 "واستقبل الوزير سفير جمهورية تشيلي بيريز، وبحث معه العلاقات.",
                 "وزیر خارجه سفیر شیلی را پذیرفت و با او دیدار کرد."):
        lang = "fa" if "وزیر" in text else "ar"
        ms = _mentions(text, lang, [])
        assert _people(ms) == [], text
        assert [m.role for m in ms if m.kind == "title" and m.role == "ambassador"] == ["ambassador"], text
    # lower case in a script with case is no name
    ms = _mentions("The minister received the Chilean Ambassador in Amman yesterday evening.", "en", [])
    assert _people(ms) == []


def test_an_envoys_name_that_ner_called_an_organisation_is_his():
    text = "The minister received the Ambassador of Chile to Jordan Juan Perez."
    ms = _mentions(text, "en", [("Juan Perez", "ORG")])
    assert _people(ms) == [("Juan Perez", ("ambassador", "CL", None))]
    assert not [m for m in ms if m.kind == "org"]


def test_a_name_ner_cut_before_a_syllable_spelt_like_a_conjunction_runs_to_the_list_mark():
    text = "وتقبل الملك أوراق اعتماد سفير جمهورية كوريا بارك مين أو، وسفير جمهورية الهند راجيف كومار."
    ms = _mentions(text, "ar", [("بارك مين", "PER")])
    assert _people(ms) == [("بارك مين أو", ("ambassador", "KR", None)),
                           ("راجيف كومار", ("ambassador", "IN", None))]
    # inside the phrase the conjunction is one: nothing is read past it
    text = "وتقبل الملك أوراق اعتماد سفير جمهورية كوريا أو سفير جمهورية الهند."
    assert _people(_mentions(text, "ar", [])) == []


def _undated(text: str, lang: str, ents: list[tuple[str, str]]):
    view = build_view(text, lang)
    es = [Entity(view.text.index(t), view.text.index(t) + len(t), typ, t) for t, typ in ents]
    return build_mentions(view, es, None, lexicons(lang))


def _title_holder(ms, role: str) -> str | None:
    t = next(m for m in ms if m.kind == "title" and m.role == role)
    return t.actor.id if t.actor else None


def test_an_undated_title_is_not_a_named_person_the_article_gives_another_office_of_that_country():
    # the record has Putin as Russia's prime minister once; the article calls him president, so
    # "the Russian prime minister" of an undated article is someone else, unnamed
    text = "President Vladimir Putin received the delegation. The Russian prime minister joined them later."
    ms = _undated(text, "en", [("Vladimir Putin", "PER")])
    assert _title_holder(ms, "prime_minister") is None
    text = "رئیس‌جمهور روسیه ولادیمیر پوتین هیئت را پذیرفت. نخست‌وزیر روسیه نیز در دیدار حضور داشت."
    ms = _undated(text, "fa", [("ولادیمیر پوتین", "PER")])
    assert _title_holder(ms, "prime_minister") is None


def test_an_undated_title_is_the_named_person_the_article_gives_that_office():
    # guard: the article calls him prime minister, so the bare title is him
    text = "Prime Minister Vladimir Putin received the delegation. The Russian prime minister said it was useful."
    ms = _undated(text, "en", [("Vladimir Putin", "PER")])
    assert _title_holder(ms, "prime_minister") is not None
    assert "putin" in _title_holder(ms, "prime_minister")
