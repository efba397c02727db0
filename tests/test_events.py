"""Meetings and claims from short passages written for these tests, in Arabic, Persian and English.

The sentences imitate agency style; none is taken from the development set or the seeds. The
stages run without a model: the names NER would tag (people the dictionary does not know) are
given with each text (``people``, ``orgs``), so each test takes milliseconds. A few tests at the
end run the same passages through Stanza, end to end.
"""

from __future__ import annotations

import pytest

from extractors import InputDoc


def run(extractor, text: str, date: str | None = None, lang: str | None = None,
        people: tuple[str, ...] = (), orgs: tuple[str, ...] = ()) -> list[dict]:
    """Records of ``text``; with the ``stages`` stages, ``people`` and ``orgs`` are what NER tags."""
    if hasattr(extractor.ner, "names"):
        extractor.ner.names = {**dict.fromkeys(orgs, "ORG"), **dict.fromkeys(people, "PER")}
    doc = InputDoc(id="t", text=text, lang=lang, date=date, date_source="input" if date else "none")
    (res,) = extractor.extract_many([doc])
    assert res.error is None, res.error
    return res.records


def meetings(recs, status="happened"):
    return [r for r in recs if r["type"] == "meeting" and r["status"] == status]


def claims(recs):
    return [r for r in recs if r["type"] == "claim"]


def names(meeting, role=None):
    return {p["name"] for p in meeting["participants"] if role is None or p["role"] == role}


# -- English ---------------------------------------------------------------------------------
def test_en_met_in_city_on_weekday(stages):
    recs = run(stages, "Iranian Foreign Minister Mohammad Javad Zarif met Russian Foreign Minister "
                          "Sergey Lavrov in Moscow on Monday to discuss the nuclear deal.", "2016-04-13")
    (m,) = meetings(recs)
    assert names(m) == {"Mohammad Javad Zarif", "Sergey Lavrov"}
    assert m["location"]["name"] == "Moscow" and m["location"]["basis"] == "explicit"
    assert m["date"]["value"] == "2016-04-11" and m["date"]["basis"] == "weekday"
    assert m["codes"]["cameo"] == "040"


def test_en_visiting_guest_meets_host_in_capital(stages):
    recs = run(stages, "Turkish President Recep Tayyip Erdogan received visiting Iranian President "
                          "Hassan Rouhani on Tuesday.", "2018-12-20")
    (m,) = meetings(recs)
    roles = {p["name"]: p["role"] for p in m["participants"]}
    assert roles == {"Recep Tayyip Erdoğan": "host", "Hassan Rouhani": "guest"}
    assert m["location"]["name"] == "Ankara" and m["location"]["basis"] == "inferred"


def test_en_planned_visit_is_not_held(stages):
    recs = run(stages, "Emmanuel Macron will visit Vladimir Putin in Moscow next week.", "2019-08-01")
    assert not meetings(recs)
    assert all(m["codes"]["cameo"] == "036" for m in meetings(recs, "planned"))


@pytest.mark.parametrize(("text", "rule"), [
    ("Emmanuel Macron will visit Vladimir Putin in Moscow next week.", "en.plan.future"),
    ("Emmanuel Macron has not met Vladimir Putin since the summit.", "en.plan.future"),
    ("Emmanuel Macron is expected to meet Vladimir Putin in Moscow.", "en.plan.modal_clause"),
    # no plan word: the date after the day of the report makes it a plan
    ("Emmanuel Macron meets Vladimir Putin in Moscow on 3 August 2019.", "status.dated_after"),
])
def test_en_a_meeting_not_held_cites_the_rule_that_says_so(stages, text: str, rule: str):
    recs = run(stages, text, "2019-08-01")
    assert not meetings(recs)
    assert [m["evidence"].get("status_rule") for m in meetings(recs, "planned")] == [rule]


def test_en_a_held_meeting_cites_no_status_rule(stages):
    recs = run(stages, "Emmanuel Macron met Vladimir Putin in Moscow on Monday.", "2019-08-01")
    assert [m["evidence"].get("status_rule") for m in meetings(recs)] == [None]


def test_en_phone_call(stages):
    recs = run(stages, "Vladimir Putin held a phone call with Recep Tayyip Erdogan on Friday.", "2020-03-08")
    (m,) = meetings(recs)
    assert m["kind"] == "phone_call" and m["codes"]["plover_mode"] == "phone"
    assert m["date"]["value"] == "2020-03-06"


def test_en_attendee(stages):
    recs = run(stages, "Ali Khamenei met Bashar al-Assad in Tehran. The meeting was also attended by "
                          "Hassan Rouhani.", "2019-02-25")
    (m,) = meetings(recs)
    assert names(m, "attendee") == {"Hassan Rouhani"}
    assert names(m) - names(m, "attendee") == {"Ali Khamenei", "Bashar al-Assad"}


def test_en_two_alternating_speakers(stages):
    text = ("Sergey Lavrov met Wang Yi in Beijing on Monday. Lavrov said, “Our positions coincide on "
            "every regional question.” Wang Yi said that China valued the partnership with Russia. "
            "He added that both sides would coordinate at the United Nations. Lavrov noted that trade "
            "had grown by a fifth.")
    cs = claims(run(stages, text, "2022-03-30"))
    who = [c["speaker"]["name"] for c in cs]
    assert who == ["Sergey Lavrov", "Wang Yi", "Wang Yi", "Sergey Lavrov"]
    assert cs[0]["direct"] and cs[0]["text"] == "Our positions coincide on every regional question"
    assert cs[2]["speaker"]["resolution"] == "pronoun"
    assert not cs[1]["direct"] and cs[1]["text"].startswith("China valued")


def test_en_unresolvable_title_keeps_text_not_a_wrong_person(stages):
    # no one the article identifies: no claim record at all, and never a wrong person
    cs = claims(run(stages, "The minister said that the talks would continue next month."))
    assert all(c["speaker"]["name"] is None for c in cs)


def test_en_indirect_claim_stops_where_a_colon_opens_a_quotation(stages):
    """The office's summary and the spokesman's quotation are two claims; the quoted call is no
    meeting of the spokesman's."""
    text = ("The Kremlin told reporters that the two leaders had agreed on a prisoner exchange: "
            "“Our president had a telephone conversation with French President Emmanuel Macron. "
            "Humanitarian questions were raised”, Dmitry Peskov said.")
    recs = run(stages, text, "2023-05-12")
    indirect = [c for c in claims(recs) if not c["direct"]]
    assert [c["text"] for c in indirect] == ["the two leaders had agreed on a prisoner exchange"]
    assert all("Dmitry Peskov" not in names(m) for m in meetings(recs))


def _where(m):
    loc = m["location"]
    return loc and (loc["name"], loc["basis"], loc["rule"])


def test_en_dateline_city_places_an_in_person_meeting_but_not_a_phone_call(stages):
    met = run(stages, "BAGHDAD, March 5 (Agency) - Iraqi Foreign Minister Fuad Hussein met Jordanian "
                         "Foreign Minister Ayman Safadi on Sunday to discuss water sharing.", "2023-03-06")
    (m,) = meetings(met)
    assert _where(m) == ("Baghdad", "inferred", "loc.dateline")
    assert m["location"]["text"] == "BAGHDAD"
    call = run(stages, "BAGHDAD, March 5 (Agency) - Fuad Hussein spoke by phone with Ayman Safadi.", "2023-03-06")
    (c,) = meetings(call)
    assert c["kind"] == "phone_call" and c["location"] is None


def test_en_a_headline_that_begins_with_a_city_is_no_dateline(stages):
    # (a city that names the talks may place them, by its own rule; never as a dateline)
    (m,) = meetings(run(stages, "Baghdad talks: Fuad Hussein met Ayman Safadi on Sunday.", "2023-03-06"))
    assert m["location"] is None or m["location"]["rule"] != "loc.dateline"
    (m,) = meetings(run(stages, "Baghdad update: Fuad Hussein met Ayman Safadi on Sunday.", "2023-03-06"))
    assert m["location"] is None


def test_en_united_nations_dateline_and_venue_mean_new_york(stages):
    (m,) = meetings(run(stages, "UNITED NATIONS, March 5 (Agency) - Fuad Hussein met Ayman Safadi on Sunday.",
                        "2023-03-06"))
    assert _where(m) == ("New York City", "inferred", "en.dateline.un")
    (v,) = meetings(run(stages, "Fuad Hussein met Ayman Safadi on the sidelines of the UN General Assembly.",
                        "2023-03-06"))
    assert _where(v) == ("New York City", "inferred", "en.venue.un_hq")


def test_en_next_meeting_on_the_same_leg_shares_its_place_only_with_the_host_countrys_officials(stages):
    first = "On Monday, Sergey Lavrov met Syrian President Bashar al-Assad in Damascus. "
    recs = run(stages, first + "He also held talks with his counterpart Faisal Mekdad.", "2023-03-06")
    assert [_where(m) for m in meetings(recs)] == [("Damascus", "explicit", "en.loc.prep"),
                                                   ("Damascus", "inferred", "loc.same_leg")]
    other = run(stages, first + "He also held talks with Ayman Safadi.", "2023-03-06")  # a Jordanian
    assert [_where(m) for m in meetings(other)][1] is None


def test_en_a_country_narrows_to_its_capital_when_that_is_the_one_city_of_it_the_article_names(stages):
    text = ("Iran's new ambassador Ali Rezaei presented his credentials to King Carl XVI Gustaf in Sweden on "
            "Monday. Rezaei previously served in Copenhagen and now heads the embassy in Stockholm.")
    people = ("Ali Rezaei", "Carl XVI Gustaf", "Rezaei")
    (m,) = meetings(run(stages, text, "2023-03-06", people=people))
    assert _where(m) == ("Stockholm", "inferred", "loc.city_of_country")
    two = text.replace("Copenhagen", "Gothenburg")  # two Swedish cities: no narrowing
    (m2,) = meetings(run(stages, two, "2023-03-06", people=people))
    assert _where(m2) == ("Sweden", "explicit", "en.loc.prep")
    other = text.replace("Stockholm", "Malmo")  # the one Swedish city is not the capital
    (m3,) = meetings(run(stages, other, "2023-03-06", people=people))
    assert _where(m3) == ("Sweden", "explicit", "en.loc.prep")


def test_en_a_dateline_does_not_place_a_meeting_of_its_countrys_envoy_abroad(stages):
    text = ("TEHRAN, May 8 (Agency) - Iran's ambassador to Russia Kazem Jalali met Russian Deputy Foreign "
            "Minister Sergei Ryabkov on Monday.")
    (m,) = meetings(run(stages, text, "2023-05-09", people=("Kazem Jalali", "Sergei Ryabkov")))
    assert names(m) == {"Kazem Jalali", "Sergei Ryabkov"}  # not the Syrian prime minister al-Jalali
    assert m["location"] is None or m["location"]["name"] != "Tehran"


def test_ar_an_unnamed_envoy_keeps_his_posting_in_the_label_and_it_is_no_meeting_place(stages):
    text = "التقى سفير إيران لدى الأردن اليوم وزير الخارجية الأردني أيمن الصفدي."
    (m,) = meetings(run(stages, text, "2023-05-09"))
    assert names(m) == {"Ambassador of Iran to Jordan (unnamed)", "Ayman Safadi"}
    assert _where(m) == ("Jordan", "inferred", "loc.posting")  # Amman is not named: no narrowing


def test_en_a_group_with_no_one_outside_it_is_one_meeting_of_all(stages):
    (m,) = meetings(run(stages, "The foreign ministers of Iran, Turkey and Russia met in Moscow on Monday.",
                        "2023-05-09"))
    assert names(m) == {"Hossein Amir-Abdollahian", "Mevlüt Çavuşoğlu", "Sergey Lavrov"}


# -- Arabic ----------------------------------------------------------------------------------
def test_ar_iltaqa_in_city_today(stages):
    recs = run(stages, "والتقى وزير الخارجية الإيراني محمد جواد ظريف نظيره الروسي سيرغي لافروف "
                          "اليوم الأربعاء في موسكو.", "2016-04-13")
    (m,) = meetings(recs)
    assert names(m) == {"Mohammad Javad Zarif", "Sergey Lavrov"}
    assert m["location"]["name"] == "Moscow"
    assert m["date"]["value"] == "2016-04-13" and m["date"]["weekday"] == 2


def test_ar_today_with_wrong_weekday_is_not_guessed(stages):
    recs = run(stages, "والتقى حسن روحاني الرئيس التركي رجب طيب أردوغان اليوم الخميس في أنقرة.",
               "2018-12-18")
    (m,) = meetings(recs)
    assert m["date"]["value"] is None and m["date"]["weekday"] == 3


def test_ar_invitation_is_planned(stages):
    recs = run(stages, "ودعا الرئيس الإيراني حسن روحاني نظيره التركي رجب طيب أردوغان لزيارة طهران.")
    assert not meetings(recs)


def test_ar_colon_quote_and_pronoun_speaker(stages):
    text = ("واستقبل الرئيس السوري بشار الأسد وزير الخارجية الإيراني محمد جواد ظريف في دمشق. "
            "وقال الأسد: إن العلاقات بين البلدين استراتيجية وراسخة. "
            "وأضاف سيادته: سنواصل التنسيق في مواجهة الإرهاب.")
    recs = run(stages, text, "2019-04-16")
    (m,) = meetings(recs)
    assert {p["name"]: p["role"] for p in m["participants"]} == {
        "Bashar al-Assad": "host", "Mohammad Javad Zarif": "guest"}
    cs = claims(recs)
    assert [c["speaker"]["name"] for c in cs] == ["Bashar al-Assad", "Bashar al-Assad"]
    assert cs[1]["speaker"]["resolution"] == "pronoun"
    assert all(c["direct"] and c["meeting"] == m["id"] for c in cs)


def test_ar_indirect_with_anna(stages):
    cs = claims(run(stages, "وأكد وزير الخارجية الروسي سيرغي لافروف أن الحوار هو الطريق الوحيد لحل الأزمة.",
                    "2020-01-01"))
    (c,) = cs
    assert c["speaker"]["name"] == "Sergey Lavrov" and not c["direct"]
    assert c["text"].startswith("الحوار هو الطريق")


# -- Persian ---------------------------------------------------------------------------------
def test_fa_didar_with_title_and_date(stages):
    recs = run(stages, "محمدجواد ظریف وزیر امور خارجه کشورمان عصر امروز (دوشنبه) در تهران با سرگئی "
                          "لاوروف وزیر خارجه روسیه دیدار و گفتگو کرد.", "2016-04-11")
    (m,) = meetings(recs)
    assert names(m) == {"Mohammad Javad Zarif", "Sergey Lavrov"}
    assert m["location"]["name"] == "Tehran"
    assert m["date"]["value"] == "2016-04-11"


def test_fa_honorific_plural_and_ishan(stages):
    text = ("رهبر معظم انقلاب اسلامی در دیدار با بشار اسد رئیس‌جمهور سوریه گفتند: مقاومت، هویت ملت سوریه "
            "است.\nایشان همچنین افزودند: ایران در کنار دولت و ملت سوریه خواهد ماند.")
    recs = run(stages, text, "2019-02-25")
    (m,) = meetings(recs)
    assert names(m) == {"Ali Khamenei", "Bashar al-Assad"}
    cs = claims(recs)
    assert [c["speaker"]["name"] for c in cs] == ["Ali Khamenei", "Ali Khamenei"]
    assert [c["speaker"]["resolution"] for c in cs] == ["title", "pronoun"]


def test_fa_lost_zwnj_still_matches(stages):
    recs = run(stages, "حسن روحانی رئیسجمهوری کشورمان امروز در باکو با الهام علیاف دیدار کرد.", "2018-03-28")
    (m,) = meetings(recs)
    assert names(m) == {"Hassan Rouhani", "Ilham Aliyev"} and m["location"]["name"] == "Baku"


def test_fa_planned_trip(stages):
    recs = run(stages, "رئیس‌جمهوری کشورمان هفته آینده به مسکو سفر خواهد کرد و با ولادیمیر پوتین دیدار خواهد کرد.",
               "2017-03-20")
    assert not meetings(recs)


@pytest.mark.parametrize("lang", ["ar", "fa", "en"])
def test_spans_slice_the_text(extractor, lang):
    texts = {"en": "Vladimir Putin met Xi Jinping in Beijing on Monday. Putin said, “We agree.”",
             "ar": "والتقى فلاديمير بوتين الرئيس الصيني شي جين بينغ في بكين. وقال بوتين: نحن متفقون تماما.",
             "fa": "ولادیمیر پوتین با شی جین پینگ در پکن دیدار کرد. پوتین گفت: ما کاملا هم نظر هستیم."}
    text = texts[lang]
    for r in run(extractor, text, "2019-06-05", lang):
        fields = [r.get("evidence")]
        fields += r.get("participants", []) + [r.get("speaker") or {}, r.get("location") or {}, r.get("date") or {}]
        for f in fields:
            if f and f.get("span"):
                a, b = f["span"]
                assert text[a:b] == (f.get("text") or f.get("sentence"))
        if r["type"] == "claim":
            a, b = r["span"]
            assert text[a:b] == r["text"]


def test_ar_capital_named_as_subject_and_visitor_clause(stages):
    text = ("شهدت العاصمة المصرية القاهرة اليوم لقاء جمع وزير الخارجية المصري سامح شكري مع نظيره التركي "
            "هاكان فيدان الذي يزور البلاد حاليا.")
    (m,) = meetings(run(stages, text, "2024-02-02"))
    assert m["location"]["name"] == "Cairo" and m["location"]["basis"] == "explicit"
    assert {p["name"]: p["role"] for p in m["participants"]}["Hakan Fidan"] == "guest"


def test_en_who_is_visiting_makes_a_guest(stages):
    recs = run(stages, "Saudi Foreign Minister Faisal bin Farhan met Sergey Lavrov, who is visiting "
                          "the kingdom, on Tuesday.", "2023-09-06")
    (m,) = meetings(recs)
    roles = {p["name"]: p["role"] for p in m["participants"]}
    assert roles["Sergey Lavrov"] == "guest" and roles["Faisal bin Farhan Al Saud"] == "host"
    assert m["location"]["name"] == "Riyadh" and m["location"]["basis"] == "inferred"


# -- groups, unnamed office holders, farewells ------------------------------------------------
def test_fa_plural_ambassadors_of_listed_countries_each_meet_the_minister(stages):
    text = ("سفیران جدید کشورهای مالزی، کنیا و شیلی صبح امروز (سه‌شنبه) رونوشت استوارنامه‌هایشان را به "
            "وزیر امور خارجه کشورمان تقدیم کردند.")
    ms = meetings(run(stages, text, "2019-05-07"))
    assert sorted(tuple(sorted(names(m))) for m in ms) == [
        ("Ambassador of Chile to Iran (unnamed)", "Mohammad Javad Zarif"),
        ("Ambassador of Kenya to Iran (unnamed)", "Mohammad Javad Zarif"),
        ("Ambassador of Malaysia to Iran (unnamed)", "Mohammad Javad Zarif"),
    ]
    assert {m["date"]["value"] for m in ms} == {"2019-05-07"}
    amb = next(p for p in ms[0]["participants"] if p["actor"] is None)
    assert amb["text"] == "سفیران جدید کشورهای مالزی، کنیا و شیلی" and amb["country"] == "MY"
    assert text[slice(*amb["span"])] == amb["text"]


def test_en_plural_ambassadors_and_a_later_sentence_about_one_of_them_are_one_meeting(stages):
    text = ("The new ambassadors of Ghana, Peru and Nepal presented copies of their credentials to Iranian "
            "Foreign Minister Mohammad Javad Zarif on Tuesday. Zarif later met the ambassador of Peru again.")
    ms = meetings(run(stages, text, "2019-05-07"))
    assert len(ms) == 3
    peru = next(m for m in ms if "Ambassador of Peru to Iran (unnamed)" in names(m))
    assert peru["date"]["value"] == "2019-05-07"


@pytest.mark.parametrize("lang,text", [
    ("fa", "امیرخان متقی روز دوشنبه در کابل با سفرای کشورهای مختلف دیدار کرد. در این نشست نمایندگان چین، "
           "روسیه و پاکستان حضور داشتند."),
    ("en", "Amir Khan Muttaqi met ambassadors of several countries in Kabul on Monday. Representatives of "
           "China, Russia and Pakistan took part in the meeting."),
])
def test_countries_named_later_fill_a_group_met_without_them(stages, lang, text):
    (m,) = meetings(run(stages, text, "2023-05-09"))
    assert names(m) == {"Amir Khan Muttaqi", "China", "Russia", "Pakistan"}
    assert m["location"]["name"] == "Kabul" and m["date"]["value"] == "2023-05-08"


def test_a_bare_plural_title_is_nobody(stages):
    recs = run(stages, "Sergey Lavrov met officials in Moscow on Monday.", "2023-05-09")
    assert not meetings(recs)


def test_fa_a_title_the_article_gave_a_named_person_is_that_person(stages):
    text = ("«علی رضایی» سفیر جدید ایران در سوئد روز دوشنبه استوارنامه خود را به پادشاه سوئد تقدیم کرد. "
            "سفیر ایران در این دیدار گفت: روابط دو کشور رو به گسترش است و باید تقویت شود.")
    recs = run(stages, text, "2023-05-09", people=("علی رضایی",))
    (m,) = meetings(recs)
    assert names(m) == {"علی رضایی", "Carl XVI Gustaf"}
    (c,) = claims(recs)
    assert c["speaker"]["name"] == "علی رضایی" and c["speaker"]["text"] == "سفیر ایران"


def test_ar_undated_title_is_the_latest_holder_named_and_a_tomb_is_not_a_meeting(stages):
    text = ("زار إلهام علييف ضريح والده حيدر علييف في باكو. وقال رئيس جمهورية أذربيجان إن بلاده ماضية في "
            "طريق التنمية والازدهار.")
    recs = run(stages, text)
    assert not meetings(recs)
    (c,) = claims(recs)
    assert c["speaker"]["name"] == "Ilham Aliyev" and c["speaker"]["resolution"] == "title"


@pytest.mark.parametrize("lang,text,who,people", [
    ("en", "Japan's outgoing ambassador Kenji Suzuki paid a farewell call on Turkish Foreign Minister Hakan "
           "Fidan on Monday.", {"Kenji Suzuki", "Hakan Fidan"}, ("Kenji Suzuki", "Hakan Fidan")),
    ("fa", "سفیر ژاپن امروز با حضور در وزارت امور خارجه با حسین امیرعبداللهیان وزیر امور خارجه خداحافظی کرد.",
     {"Ambassador of Japan to Iran (unnamed)", "Hossein Amir-Abdollahian"}, ("حسین امیرعبداللهیان",)),
])
def test_a_farewell_call_is_a_meeting_and_presence_at_a_place_is_no_attendance(stages, lang, text, who, people):
    (m,) = meetings(run(stages, text, "2023-10-10", people=people))
    assert names(m) == who and names(m, "attendee") == set()
    assert m["evidence"]["rule"] == f"{lang}.meet.farewell"


def test_fa_a_meeting_scheduled_for_someone_is_planned(stages):
    text = "به گفته وی چندین دیدار دیگر برای رئیس جمهور روسیه تنظیم شده که از جمله دیدار با مقامات بلاروس است."
    recs = run(stages, text, "2023-10-10")
    assert not meetings(recs)
    (m,) = meetings(recs, "planned")
    assert names(m) == {"Vladimir Putin", "Belarus officials (unnamed)"}


@pytest.mark.parametrize("lang,text,place", [
    ("fa", "سخنگوی وزارت امور خارجه گفت که حسین امیرعبداللهیان در دوحه با هاکان فیدان دیدار کرده است.", "Doha"),
    ("en", "The spokesman said that Fuad Hussein had met Ayman Safadi in Amman on Sunday.", "Amman"),
])
def test_the_place_of_a_reported_meeting_is_inside_the_report(stages, lang, text, place):
    (m,) = meetings(run(stages, text, "2023-03-06"))
    assert m["location"]["name"] == place and m["location"]["basis"] == "explicit"


def test_ar_two_calls_reported_by_a_spokesman_under_a_headline(stages):
    """A headline run into the lead, a dual ("اتصالين هاتفيين"): the spokesman reports two calls
    and is in none of them."""
    text = ("وزير الخارجية يتلقى اتصالين هاتفيين من نظيريه\nصرح المتحدث الرسمي باسم وزارة الخارجية أحمد أبو زيد "
            "بأن وزير الخارجية سامح شكري تلقى اليوم الأحد اتصالين هاتفيين من نظيريه الأردني أيمن الصفدي "
            "والعراقي فؤاد حسين.")
    ms = meetings(run(stages, text, "2021-03-07"))
    assert sorted(tuple(sorted(names(m))) for m in ms) == [("Ayman Safadi", "Sameh Shoukry"),
                                                           ("Fuad Hussein", "Sameh Shoukry")]
    assert {m["kind"] for m in ms} == {"phone_call"} and {m["date"]["value"] for m in ms} == {"2021-03-07"}


SPOKESMEN = [
    ("ar", "صرح المتحدث الرسمي باسم وزارة الخارجية السفير أحمد أبو زيد بأن الوزير سيزور عمان قريبا. "
           "وأضاف المتحدث الرسمي أن المحادثات ستتناول التعاون الاقتصادي بين البلدين.", "أحمد أبو زيد",
     ("وزارة الخارجية السفير",)),
    ("fa", "سعید خطیب‌زاده سخنگوی وزارت امور خارجه گفت: ایران به دنبال گسترش روابط با همسایگان است. "
           "سخنگوی وزارت امور خارجه افزود، مذاکرات با جدیت ادامه خواهد یافت.", "سعید خطیب‌زاده",
     ("وزارت امور خارجه",)),
    ("en", "Foreign Ministry spokesman Wang Wenbin said China valued the partnership. The spokesman added "
           "that the talks would resume next month.", "Wang Wenbin", ("Foreign Ministry",)),
]


@pytest.mark.parametrize("lang,text,who,orgs", SPOKESMEN)
def test_the_spokesman_is_the_one_the_article_named(stages, lang, text, who, orgs):
    cs = claims(run(stages, text, "2021-05-09", people=(who,), orgs=orgs))
    assert len(cs) == 2
    assert [c["speaker"]["name"] for c in cs] == [who, who]
    assert cs[1]["speaker"]["resolution"] == "title"


def test_fa_dari_month_and_spelling_of_a_phone_call(stages):
    text = "محمد حنیف اتمر روز شنبه، ۲۵ ثور ۱۴۰۰ در یک تماس تیلفونی با محمدجواد ظریف صحبت کرد."
    (m,) = meetings(run(stages, text, "2021-05-17"))
    assert m["kind"] == "phone_call" and m["date"]["value"] == "2021-05-15"
    assert names(m) == {"Mohammad Hanif Atmar", "Mohammad Javad Zarif"}


@pytest.mark.parametrize("lang,text,start,person", [
    ("ar", "وقال أردوغان في مؤتمر صحفي مشترك مع ضيفه إن تركيا ستواصل دعم الاستقرار في المنطقة.",
     "تركيا ستواصل", "أردوغان"),
    ("ar", "وقال لافروف للصحفيين عقب المباحثات: نحن مستعدون لمواصلة الحوار مع جميع الأطراف.", "نحن مستعدون",
     "لافروف"),
    ("fa", "رجب طیب اردوغان در این دیدار خواستار گسترش همکاری‌های اقتصادی دو کشور شد.", "گسترش همکاری",
     "رجب طیب اردوغان"),
    ("fa", "اردوغان تحریم‌ها را غیرقانونی خواند و گفت ترکیه به این تحریم‌ها تن نخواهد داد.", "ترکیه به این",
     "اردوغان"),
])
def test_claims_past_a_circumstance_a_split_verb_and_a_bare_clause(stages, lang, text, start, person):
    cs = claims(run(stages, text, "2019-05-07", people=(person,)))
    who = "Sergey Lavrov" if "لافروف" in text else "Recep Tayyip Erdoğan"
    assert any(c["text"].startswith(start) and c["speaker"]["name"] == who for c in cs), cs


def test_en_descriptive_city_phrases_and_plans_near_the_right_trigger(stages):
    (m,) = meetings(run(stages, "Ebrahim Raisi met Mohammed bin Salman in the Red Sea city of Jeddah on Friday.",
                        "2023-05-07"))
    assert m["location"]["name"] == "Jeddah" and m["location"]["basis"] == "explicit"
    recs = run(stages, "Antony Blinken had been scheduled to meet Wang Yi in Beijing on Sunday.", "2023-02-03")
    assert not meetings(recs) and meetings(recs, "planned")
    recs = run(stages, "Subrahmanyam Jaishankar met Sergey Lavrov on Thursday and discussed the upcoming "
                          "G20 summit.", "2023-07-14")
    (held,) = meetings(recs)
    assert names(held) == {"S. Jaishankar", "Sergey Lavrov"}


@pytest.mark.parametrize("lang,text,when,who,people", [
    ("ar", "وكان عراقجي قد عقد جلسة مباحثات مع نظيره المصري في القاهرة.", "2024-12-10",
     {"Abbas Araghchi", "Badr Abdelatty"}, ("عراقجي",)),
    ("en", "The Iranian president also held separate talks with his Russian counterpart on Tuesday.", "2022-07-20",
     {"Ebrahim Raisi", "Vladimir Putin"}, ()),
])
def test_an_unnamed_counterpart_holds_the_subjects_office_in_his_country(stages, lang, text, when, who, people):
    (m,) = meetings(run(stages, text, when, people=people))
    assert names(m) == who


def test_fa_an_unnamed_envoy_speaks_under_the_name_he_met_under(stages):
    text = ("سفیر برزیل امروز با حسین امیرعبداللهیان وزیر امور خارجه کشورمان دیدار کرد. سفیر برزیل در این دیدار "
            "گفت: کشورش خواهان گسترش روابط با ایران است.")
    recs = run(stages, text, "2023-05-10")
    (m,) = meetings(recs)
    (c,) = claims(recs)
    assert c["speaker"]["name"] == "Ambassador of Brazil to Iran (unnamed)" in names(m)


def test_fa_a_place_written_with_or_without_its_zwnj_or_space(stages):
    for city in ("عشق‌آباد", "عشقآباد", "عشق آباد"):
        (m,) = meetings(run(stages, f"حسین امیرعبداللهیان امروز در {city} با رشید مرادوف دیدار کرد.", "2023-05-10"))
        assert m["location"]["name"] == "Ashgabat", city


def test_ar_a_dateline_on_the_line_after_the_headline(stages):
    text = ("وزير الخارجية يبحث مع نظيره العراقي العلاقات الثنائية\nبغداد - واع - التقى وزير الخارجية الإيراني "
            "حسين أمير عبداللهيان اليوم الأحد وزير الخارجية العراقي فؤاد حسين.")
    (m,) = meetings(run(stages, text, "2023-05-07"))
    assert names(m) == {"Hossein Amir-Abdollahian", "Fuad Hussein"}
    assert m["location"]["name"] == "Baghdad" and m["location"]["rule"] == "loc.dateline"


def test_ar_the_meeting_named_again_is_no_new_meeting(stages):
    text = ("استقبل الرئيس عبد الفتاح السيسي اليوم وزير الخارجية الأمريكي أنتوني بلينكن. وصرح المتحدث الرسمي "
            "أحمد فهمي بأن اللقاء تناول الأوضاع في المنطقة.")
    ms = meetings(run(stages, text, "2023-10-15"))
    assert [names(m) for m in ms] == [{"Abdel Fattah el-Sisi", "Antony Blinken"}]


@pytest.mark.parametrize("lang,text", [
    ("fa", "محمد اشرف غنی که به دعوت رسمی حکومت پاکستان به اسلام‌آباد سفر کرده است، روز پنجشنبه با عمران خان "
           "دیدار کرد."),
    ("en", "At the invitation of Prime Minister Imran Khan, Ashraf Ghani visited Islamabad and met Khan on Thursday."),
])
def test_at_the_invitation_of_is_no_plan(stages, lang, text):
    # the short form "Khan" is what the English model tags in the second clause (the host is met
    # there, not in the invitation's phrase)
    (m,) = meetings(run(stages, text, "2019-06-28", people=("Imran Khan", "Ashraf Ghani", "Khan")))
    assert names(m) == {"Ashraf Ghani", "Imran Khan"} and m["location"]["name"] == "Islamabad"


def test_en_coordinated_subjects_and_a_host_make_one_meeting(stages):
    (m,) = meetings(run(stages, "Nikol Pashinyan and Ilham Aliyev met in Brussels on Sunday for talks hosted by "
                                   "Charles Michel.", "2023-05-15"))
    assert names(m) == {"Nikol Pashinyan", "Ilham Aliyev", "Charles Michel"}
    (t,) = meetings(run(stages, "Ebrahim Raisi, Vladimir Putin and Recep Tayyip Erdogan met in Tehran on Tuesday.",
                        "2022-07-20"))
    assert len(t["participants"]) == 3


def test_en_a_host_named_in_the_next_sentence_joins_the_meeting(stages):
    text = ("Hakan Fidan met Sergey Lavrov in Antalya on Thursday. The meeting was hosted by Turkish Foreign "
            "Minister Mevlut Cavusoglu.")
    (m,) = meetings(run(stages, text, "2023-05-15"))
    assert names(m) == {"Hakan Fidan", "Sergey Lavrov", "Mevlüt Çavuşoğlu"}
    assert names(m, "host") == {"Mevlüt Çavuşoğlu"}


def test_en_a_where_clause_has_its_own_subject_and_place(stages):
    text = ("Bilawal Bhutto Zardari is on a visit to Washington after attending the UN session in New York, where "
            "Prime Minister Shehbaz Sharif met French President Emmanuel Macron.")
    (m,) = meetings(run(stages, text, "2022-09-26"))
    assert names(m) == {"Shehbaz Sharif", "Emmanuel Macron"}
    (z,) = meetings(run(stages, "Mohammad Javad Zarif arrived in Moscow from Beijing, where he held talks with "
                                   "Wang Yi on Sunday.", "2019-05-06"))
    assert names(z) == {"Mohammad Javad Zarif", "Wang Yi"}
    assert z["location"]["name"] == "Beijing" and z["location"]["rule"] == "en.loc.where"


def test_ar_a_reporting_verb_read_as_a_name_takes_no_title(stages):
    """NER may tag "أعرب" as a person; the title after it is the speaker's, not that non-name's."""
    text = ("استقبل الرئيس عبد الفتاح السيسي اليوم وزير الخارجية الأمريكي أنتوني بلينكن. ومن جانبه، أعرب وزير "
            "الخارجية الأمريكي عن تقدير بلاده للدور المصري في المنطقة.")
    (c,) = claims(run(stages, text, "2023-10-15"))
    assert c["speaker"]["name"] == "Antony Blinken" and c["speaker"]["resolution"] == "title"
    assert not c["text"].startswith("وزير")


# -- end to end, with Stanza: the entities above are what the models find ---------------------------
@pytest.mark.parametrize("lang,text,who,orgs", SPOKESMEN)
def test_the_spokesman_is_the_one_the_article_named_end_to_end(extractor, lang, text, who, orgs):
    cs = claims(run(extractor, text, "2021-05-09"))
    assert [c["speaker"]["name"] for c in cs] == [who, who]
    assert cs[1]["speaker"]["resolution"] == "title"


# -- one side is no meeting ------------------------------------------------------------------
def test_fa_an_envoy_abroad_welcoming_his_compatriot_is_not_his_counterpart(stages):
    # the speaker is welcomed in Yerevan by Iran's own ambassador there: one side, no meeting of the two
    text = ("رئیس مجلس شورای اسلامی علی لاریجانی هنگام ورود به ایروان از سوی رضا کریمی سفیر ایران در ارمنستان "
            "مورد استقبال قرار گرفت.")
    recs = run(stages, text, "2016-02-10", people=("رضا کریمی",))
    assert not any({"Ali Larijani", "رضا کریمی"} <= names(m) for m in meetings(recs))


def test_en_two_ministers_of_one_country_on_a_visit_travelled_together(stages):
    text = ("Iranian Foreign Minister Mohammad Javad Zarif visited Beijing with parliament speaker "
            "Ali Larijani on Monday.")
    recs = run(stages, text, "2016-01-20")
    assert not any(names(m) == {"Mohammad Javad Zarif", "Ali Larijani"} for m in meetings(recs))


def test_en_envoys_presenting_credentials_are_guests_of_one_host_not_of_each_other(stages):
    text = ("The envoys who presented their credentials were – Ambassador of the Republic of Peru Luis "
            "Quispe, Ambassador of Ghana Kofi Mensah.")
    recs = run(stages, text, "2019-03-12", people=("Luis Quispe", "Kofi Mensah"))
    assert not any({"Luis Quispe", "Kofi Mensah"} <= names(m) for m in meetings(recs))
    text = ("The envoys who presented their credentials were the Ambassador of Peru, the Ambassador of "
            "Ghana Kofi Mensah and the Ambassador of Chile.")
    assert meetings(run(stages, text, "2019-03-12", people=("Kofi Mensah",))) == []


def test_en_an_envoy_meets_the_host_countrys_minister(stages):
    # the rule divides sides only: an envoy abroad with a minister of the country he is posted to met him
    text = "Iran's ambassador to Russia Kazem Jalali met Russian Foreign Minister Sergey Lavrov in Moscow."
    recs = run(stages, text, "2021-06-01", people=("Kazem Jalali",))
    assert any({"Kazem Jalali", "Sergey Lavrov"} <= names(m) for m in meetings(recs))


def test_fa_present_tense_dated_after_publication_is_planned(stages):
    # Persian uses the present tense for a schedule: "tomorrow, Sunday, he travels to Tehran"
    text = "قاسم-جومارت توکایف رئیس‌جمهور قزاقستان فردا دوشنبه در تهران با ابراهیم رئیسی رئیس‌جمهور ایران دیدار می‌کند."
    recs = run(stages, text, "2023-11-26")
    assert meetings(recs) == []
    assert meetings(recs, "planned")


def test_ar_present_tense_with_tomorrow_is_planned_and_its_day_is_not_a_held_meetings(stages):
    # the present tense with "tomorrow" is a plan; the phone call reported after it keeps no day of it
    text = ("وزير الخارجية الروسي سيرغي لافروف يلتقي نظيره الإيراني محمد جواد ظريف في موسكو غدا.\n"
            "وبحث لافروف هاتفيا مع ظريف الاتفاق النووي.")
    recs = run(stages, text, "2019-05-07")
    (held,) = meetings(recs)
    assert held["date"] is None
    (plan,) = meetings(recs, "planned")
    assert plan["date"]["value"] == "2019-05-08"


def test_ar_two_names_no_office_or_country_describes_are_no_diplomatic_meeting(stages):
    # "اللقاء" is also a football match: a referee and a scorer, whom nothing ties to a state
    text = "وفي الدقيقة 70 من اللقاء، احتسب الحكم سامي فؤاد ركلة جزاء نفذها كريم ناصر بنجاح."
    assert meetings(run(stages, text, "2019-03-12", people=("سامي فؤاد", "كريم ناصر"))) == []


def test_en_a_country_in_a_persons_description_makes_him_a_party_though_his_office_is_unlisted(stages):
    text = "Omar Salih, Russia's special coordinator for the Arctic, met Tariq Hamdi in Oslo on Monday."
    (m,) = meetings(run(stages, text, "2019-03-12", people=("Omar Salih", "Tariq Hamdi")))
    assert names(m) == {"Omar Salih", "Tariq Hamdi"}


def test_en_a_bare_office_before_the_verb_refers_back_like_a_pronoun(stages):
    # "the Foreign Minister" names no one: the minister named before met the two envoys, who did
    # not meet each other
    text = ("Iranian Foreign Minister Abbas Araghchi arrived in Lima on Monday.\n"
            "Later the Foreign Minister met ambassador Luis Quispe and ambassador Kofi Mensah.")
    recs = run(stages, text, "2019-03-12", people=("Luis Quispe", "Kofi Mensah"))
    assert {frozenset(names(m)) for m in meetings(recs)} == {
        frozenset({"Abbas Araghchi", "Luis Quispe"}), frozenset({"Abbas Araghchi", "Kofi Mensah"})}



@pytest.mark.parametrize("lang,text", [
    ("en", "Kazakh President Kassym-Jomart Tokayev paid a state visit to Iran on Sunday at the invitation "
           "of Iranian President Ebrahim Raisi."),
    ("ar", "قام الرئيس الكازاخستاني قاسم جومارت توكاييف اليوم الأحد بزيارة دولة إلى إيران تلبية لدعوة من "
           "الرئيس الإيراني إبراهيم رئيسي."),
    ("fa", "قاسم-جومارت توکایف رئیس‌جمهور قزاقستان امروز یکشنبه به دعوت ابراهیم رئیسی رئیس‌جمهور ایران "
           "به تهران سفر کرد."),
])
def test_the_person_who_invited_a_visitor_is_not_said_to_have_met_him(stages, lang, text):
    # the visit is held; the invitation says who asked him, not whom he met
    recs = run(stages, text, "2023-11-26")
    assert not any("Ebrahim Raisi" in names(m) for m in meetings(recs))


def test_en_calling_on_someone_is_a_visit_and_calling_on_someone_to_act_is_an_appeal(stages):
    text = "Bangladesh Prime Minister Sheikh Hasina called on President Ram Nath Kovind in New Delhi on Monday."
    (m,) = meetings(run(stages, text, "2019-10-07"))
    assert names(m) == {"Sheikh Hasina", "Ram Nath Kovind"} and m["kind"] == "meeting"
    assert m["location"]["name"] == "New Delhi"
    text = "Sheikh Hasina called on President Ram Nath Kovind to release the detained fishermen."
    assert meetings(run(stages, text, "2019-10-07")) == []


def test_fa_a_welcome_home_on_arrival_is_no_meeting(stages):
    # the speaker lands in his own capital, welcomed by members of his parliament: no two sides met
    text = ("محمدباقر قالیباف رئیس مجلس شورای اسلامی امروز با استقبال رضا کریمی و علی نوری وارد فرودگاه "
            "مهرآباد تهران شد.")
    recs = run(stages, text, "2023-04-20", people=("رضا کریمی", "علی نوری"))
    assert not any("Mohammad Bagher Ghalibaf" in names(m) for m in meetings(recs))


def test_en_a_welcome_on_arrival_abroad_is_a_meeting(stages):
    # the guard of the welcome-home rule: the one welcomed is of another country than the place
    text = ("Algerian President Abdelmadjid Tebboune received Iranian President Ebrahim Raisi on his arrival in "
            "Algiers on Monday.")
    (m,) = meetings(run(stages, text, "2023-05-08"))
    assert names(m) == {"Ebrahim Raisi", "Abdelmadjid Tebboune"}
