"""Who is a counterpart: one person named twice, a country's generic officials beside a named
official, compatriots, people travelling with a visitor; and meetings still ahead. Hand-built
documents, no model loaded (the entities NER would find are given by hand)."""

from __future__ import annotations

import pytest
from test_stages import LAVROV, SAFADI, _met


@pytest.mark.parametrize(("lang", "text", "people"), [
    # a host and his own foreign minister: one state, no diplomatic meeting
    ("en", "Masoud Pezeshkian received Abbas Araghchi in Tehran on Monday.", ("Masoud Pezeshkian", "Abbas Araghchi")),
    ("ar", "استقبل مسعود بزشكيان عباس عراقجي في طهران.", ("مسعود بزشكيان", "عباس عراقجي")),
    ("fa", "مسعود پزشکیان با عباس عراقچی در تهران دیدار کرد.", ("مسعود پزشکیان", "عباس عراقچی")),
])
def test_two_people_of_one_country_are_one_side(lang: str, text: str, people: tuple[str, ...]) -> None:
    assert _met(text, lang, people) == []


def test_an_unnamed_office_beside_a_named_holder_of_it_is_that_holder() -> None:
    # the office apposed after a semicolon: still the same man, and the one he met is not cut off
    people = ("زلمی خلیلزاد", "اشرف غنی")
    assert _met("زلمی خلیلزاد؛ نماینده ویژه آمریکا امروز با اشرف غنی دیدار کرد.", "fa", people) == \
        [("happened", list(people))]


def test_a_countrys_generic_officials_give_way_to_the_named_official_met() -> None:
    people = ("سرگئی لاوروف", "محمد بن عبدالرحمن آل ثانی")
    text = ("سرگئی لاوروف که برای دیدار با مقامات قطر به دوحه سفر کرده است، امروز با محمد بن عبدالرحمن آل ثانی "
            "دیدار کرد.")
    assert _met(text, "fa", people) == [("happened", list(people))]


@pytest.mark.parametrize(("lang", "text", "people", "met"), [
    # advisers travelling with the visitor are present, not his counterparts
    ("ar", "وصل أيمن الصفدي الى الدوحة برفقة مستشاريه كريم ناصر وسامي حداد، وكان في استقباله فيصل بن فرحان.",
     ("أيمن الصفدي", "كريم ناصر", "سامي حداد", "فيصل بن فرحان"), [("happened", ["أيمن الصفدي", "فيصل بن فرحان"])]),
    ("fa", "ایمن الصفدی به همراه کریم ناصر با فیصل بن فرحان دیدار کرد.",
     ("کریم ناصر", "ایمن الصفدی", "فیصل بن فرحان"), [("happened", ["ایمن الصفدی", "فیصل بن فرحان"])]),
    # the people who accompany a minister on his trip did not meet him
    ("fa", "کریم ناصر و سامی حداد در این سفر ایمن الصفدی را همراهی می‌کنند.", ("کریم ناصر", "سامی حداد", "ایمن الصفدی"),
     []),
])
def test_the_people_who_travel_with_a_visitor_are_not_his_counterparts(lang: str, text: str, people: tuple[str, ...],
                                                                       met: list) -> None:
    assert _met(text, lang, people) == met


@pytest.mark.parametrize(("lang", "text"), [
    # a schedule predicate governs the first meeting word after it, across an apposition's commas
    ("ar", "ومن المقرر أن سيرغي لافروف، الذي وصل اليوم إلى الدوحة في زيارة رسمية تستغرق يومين، يجري محادثات مع "
           "أيمن الصفدي."),
    # an intention verb
    ("ar", "وينوي سيرغي لافروف، بعد القمة، إجراء محادثات مع أيمن الصفدي."),
    # on the agenda; in preparation for
    ("ar", "ويتضمن جدول أعمال الزيارة لقاء سيرغي لافروف مع أيمن الصفدي."),
    ("en", "Sergey Lavrov is in Doha this week to prepare for talks with Ayman Safadi."),
    ("fa", "سرگئی لاوروف به دوحه رفت تا مقدمات سفر ایمن الصفدی به مسکو را فراهم کند."),
])
def test_an_intention_a_schedule_or_a_preparation_makes_the_meeting_planned(lang: str, text: str) -> None:
    people = {"ar": ("سيرغي لافروف", "أيمن الصفدي"), "en": ("Sergey Lavrov", "Ayman Safadi"),
              "fa": ("سرگئی لاوروف", "ایمن الصفدی")}[lang]
    assert _met(text, lang, people) == [("planned", list(people))]


def test_a_future_auxiliary_closing_the_clause_makes_its_meeting_planned_however_far() -> None:
    people = ("سرگئی لاوروف", "ایمن الصفدی")
    text = ("نشست سرگئی لاوروف و ایمن الصفدی، وزیران خارجه روسیه و اردن، با حضور خبرنگاران در کاخ ریاست جمهوری "
            "دوحه آغاز خواهد شد.")
    assert _met(text, "fa", people) == [("planned", list(people))]


@pytest.mark.parametrize("text", [
    "سرگئی لاوروف با ایمن الصفدی در دوحه دیدار کرد و گفت روسیه به همکاری ادامه خواهد داد.",
    "سرگئی لاوروف که با ایمن الصفدی در دوحه دیدار کرده است، هفته آینده به ریاض خواهد رفت.",
])
def test_a_future_auxiliary_past_a_finite_verb_belongs_to_another_clause(text: str) -> None:
    people = ("سرگئی لاوروف", "ایمن الصفدی")
    assert _met(text, "fa", people) == [("happened", list(people))]


@pytest.mark.parametrize(("lang", "text", "people"), [
    ("fa", "هیئت روسیه به رهبری سرگئی لاوروف روز دوشنبه وارد دوحه شد. به گفته منابع قطری، هیئت روسیه با ایمن الصفدی و "
           "فیصل بن فرحان دیدار کرده است.", ("سرگئی لاوروف", "ایمن الصفدی", "فیصل بن فرحان")),
    ("en", "A Russian delegation headed by Sergey Lavrov arrived in Doha on Monday. According to Qatari sources, the "
           "Russian delegation held talks with Ayman Safadi and Faisal bin Farhan.",
     ("Sergey Lavrov", "Ayman Safadi", "Faisal bin Farhan")),
    ("ar", "وصل الوفد الروسي برئاسة سيرغي لافروف إلى الدوحة يوم الاثنين. وبحسب مصادر قطرية، عقد الوفد الروسي "
           "محادثات مع أيمن الصفدي وفيصل بن فرحان.", ("سيرغي لافروف", "أيمن الصفدي", "فيصل بن فرحان")),
])
def test_a_delegation_that_meets_people_stands_for_the_head_the_article_names_for_it(lang: str, text: str,
                                                                                     people: tuple[str, ...]) -> None:
    head, a, b = people
    assert _met(text, lang, people) == [("happened", [head, a]), ("happened", [head, b])]


@pytest.mark.parametrize(("lang", "text", "people"), [
    ("fa", "کرملین فکر برگزاری سریع نشست میان سرگئی لاوروف و ایمن الصفدی را رد کرد.", ("سرگئی لاوروف", "ایمن الصفدی")),
    ("en", "The Kremlin rejected the idea of talks between Sergey Lavrov and Ayman Safadi.",
     ("Sergey Lavrov", "Ayman Safadi")),
    ("ar", "ورفض الكرملين فكرة لقاء بين سيرغي لافروف وأيمن الصفدي.", ("سيرغي لافروف", "أيمن الصفدي")),
])
def test_a_meeting_that_is_an_idea_or_a_proposal_is_not_held(lang: str, text: str, people: tuple[str, ...]) -> None:
    assert _met(text, lang, people) == [("planned", list(people))]


@pytest.mark.parametrize(("lang", "text", "people"), [
    ("ar", "استقبل سيرغي لافروف وفدا أردنيا برئاسة أيمن الصفدي وفيصل بن فرحان.",
     ("سيرغي لافروف", "أيمن الصفدي", "فيصل بن فرحان")),
    ("en", "Sergey Lavrov received a delegation headed by Ayman Safadi and Faisal bin Farhan.",
     ("Sergey Lavrov", "Ayman Safadi", "Faisal bin Farhan")),
])
def test_the_heads_of_one_delegation_meet_its_host_together(lang: str, text: str, people: tuple[str, ...]) -> None:
    assert _met(text, lang, people) == [("happened", list(people))]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Sergey Lavrov discussed trade with Ayman Safadi over the phone on Monday."),
    ("ar", "بحث سيرغي لافروف هاتفيا مع أيمن الصفدي العلاقات الثنائية."),
    ("fa", "سرگئی لاوروف در تماس تلفونی با ایمن الصفدی درباره روابط دوجانبه رایزنی کرد."),
])
def test_talks_held_by_phone_are_a_phone_call(lang: str, text: str) -> None:
    from test_stages import document

    from extractors.claims import extract_claims
    from extractors.meetings import extract_meetings

    people = (LAVROV[lang], SAFADI[lang])
    view, mentions, dates, _ = document(text, lang, "2024-05-06", people)
    found, _ = extract_meetings(view, mentions, dates, extract_claims(view, mentions))
    assert [(m.kind, [p.text for p in m.parties]) for m in found] == [("phone_call", list(people))]
    # without the adverbial the same talks keep their own kind
    plain = text.replace(" over the phone", "").replace(" هاتفيا", "").replace(" در تماس تلفونی", "")
    view, mentions, dates, _ = document(plain, lang, "2024-05-06", people)
    found, _ = extract_meetings(view, mentions, dates, extract_claims(view, mentions))
    assert [m.kind for m in found] == ["talks"]


def test_envoys_listed_at_a_credentials_ceremony_did_not_meet_each_other() -> None:
    people = ("Tomas Rivera", "Jorge Paz", "Amos Kiptoo")
    text = ("The veteran statesman received the credentials of the new ambassadors of Uruguay, Tomas Rivera, "
            "Chile, Jorge Paz, and Kenya, Amos Kiptoo, on Monday.")
    assert _met(text, "en", people) == []
    # with the head of state named, each envoy met him
    named = text.replace("The veteran statesman", "President João Lourenço")
    met = _met(named, "en", people)
    assert met and all("Lourenço" in " ".join(parties) for _, parties in met), met


def test_the_announcer_after_an_arabic_attribution_clause_is_no_party() -> None:
    # "according to what the spokesman announced": the spokesman reports the call, he is not in it
    people = ("السيسي", "ترامب", "بسام راضي")
    text = "وتلقى السيسي اتصالا من ترامب، بحسب ما أعلن المتحدث الرسمي باسم الرئاسة السفير بسام راضي."
    assert _met(text, "ar", people) == [("happened", ["السيسي", "ترامب"])]


@pytest.mark.parametrize(("lang", "text", "met"), [
    # a demonym before the group noun ("Kenyan officials")
    ("en", "Sergey Lavrov held talks with Kenyan officials in Nairobi on Monday.", "Kenyan officials"),
    ("en", "Sergey Lavrov met Kenyan authorities in Nairobi on Monday.", "Kenyan authorities"),
    # a rank adjective written in two words between the noun and its country
    ("fa", "سرگئی لاوروف روز دوشنبه با مقامات عالی رتبه چین در پکن دیدار کرد.", "مقامات عالی رتبه چین"),
])
def test_a_named_person_meets_a_group_of_another_country(lang: str, text: str, met: str) -> None:
    assert _met(text, lang, (LAVROV[lang],)) == [("happened", [LAVROV[lang], met])]


@pytest.mark.parametrize(("lang", "foreign", "own"), [
    # the same group of his own country is his side, not his counterpart
    ("en", "Sergey Lavrov met Chinese officials in Beijing on Monday.",
     "Sergey Lavrov met Russian officials in Moscow on Monday."),
    ("fa", "سرگئی لاوروف روز دوشنبه با مقامات عالی رتبه چین در پکن دیدار کرد.",
     "سرگئی لاوروف روز دوشنبه با مقامات عالی رتبه روسیه در مسکو دیدار کرد."),
    # a bare group noun names no one
    ("en", "Sergey Lavrov met Chinese officials in Beijing on Monday.",
     "Sergey Lavrov met officials in Beijing on Monday."),
])
def test_a_group_of_the_persons_own_country_or_of_no_country_is_no_counterpart(lang: str, foreign: str,
                                                                             own: str) -> None:
    assert len(_met(foreign, lang, (LAVROV[lang],))) == 1
    assert _met(own, lang, (LAVROV[lang],)) == []


def test_two_groups_of_two_countries_meet_and_a_planned_meeting_of_them_stays_planned() -> None:
    assert _met("Kenyan officials held talks with Ethiopian officials in Nairobi on Monday.", "en", ()) == \
        [("happened", ["Kenyan officials", "Ethiopian officials"])]
    assert _met("Kenyan officials will hold talks with Ethiopian officials in Nairobi next week.", "en", ()) == \
        [("planned", ["Kenyan officials", "Ethiopian officials"])]


def test_a_meeting_on_a_trips_agenda_is_still_ahead() -> None:
    # «با دستور کار دیدار …»: the agenda noun, as «جدول أعمال» and "on the agenda" in the other languages
    text = "سرگئی لاوروف با دستور کار دیدار با مقامات عالی رتبه چین عازم پکن شد."
    assert _met(text, "fa", (LAVROV["fa"],)) == [("planned", [LAVROV["fa"], "مقامات عالی رتبه چین"])]
