"""Dates (issue 2): three calendars, relative days and weekdays, and the document date.

A meeting's date is often only "today (Thursday)" or "on Monday"; it becomes a calendar date only
against the publication date, and only when the weekday the text gives agrees with it. Without a
publication date nothing may be guessed (least of all today's date): the value stays null and the
text and weekday are kept. Dates are found the way the pipeline finds them: on the normalized
view, sentence by sentence, with spans mapped back to the original.
"""

from __future__ import annotations

from datetime import date

import pytest

from extractors.dates import DateExpr, document_date, find_dates
from extractors.view import build_view

THU = date(2017, 3, 2)
FRI = date(2017, 3, 3)
TUE = date(2017, 3, 7)


def _dates(text: str, lang: str, doc_date: date | None) -> list[tuple[str, DateExpr]]:
    """(original text of the expression, expression) for each date the pipeline would see."""
    view = build_view(text, lang)
    out = []
    for s, e in view.sentences:
        for x in find_dates(view.text[s:e], lang, doc_date, base=s):
            os_, oe = view.orig_span(x.start, x.end)
            out.append((text[os_:oe], x))
    return out


def _one(text: str, lang: str, doc_date: date | None) -> tuple[str, DateExpr]:
    found = _dates(text, lang, doc_date)
    assert len(found) == 1, found
    return found[0]


def test_weekdays_of_the_fixed_dates() -> None:
    assert (THU.weekday(), FRI.weekday(), TUE.weekday()) == (3, 4, 1)


# -- document date ----------------------------------------------------------------------------
def test_seed_004_document_date_comes_from_its_header(seed_path) -> None:
    text = seed_path("004").read_text(encoding="utf-8")
    expr = document_date(text, "en")
    assert expr is not None
    assert expr.value == date(2017, 3, 5)
    assert expr.basis == "explicit"
    header = next(line for line in text.splitlines() if line.strip())
    assert expr.text in header  # from the header line, not from the body


def test_document_date_only_from_the_opening_lines() -> None:
    body = "\n".join(f"Paragraph {i} is about trade between the two countries." for i in range(8))
    text = f"Ministers meet in Ankara\n\n{body}\nThe previous round was held on 12 March 2015.\n"
    assert document_date(text, "en") is None


def test_document_date_is_never_a_relative_or_partial_date() -> None:
    assert document_date("Talks today\n\nThe ministers met on Monday, 5 March.\n", "en") is None


# -- absolute dates in three calendars --------------------------------------------------------
def test_jalali_date_in_persian_digits() -> None:
    text = "رئیس‌جمهور روز ۱۴ اسفند ۱۳۹۵ با همتای خود دیدار کرد."
    surface, x = _one(text, "fa", None)
    assert surface == "۱۴ اسفند ۱۳۹۵"
    assert x.value == date(2017, 3, 4)
    assert (x.granularity, x.basis) == ("day", "explicit")


def test_jalali_date_in_ascii_digits_with_year_suffix() -> None:
    surface, x = _one("این دیدار در 14 اسفند 1395 ش برگزار شد.", "fa", None)
    assert x.value == date(2017, 3, 4)
    assert surface.startswith("14 اسفند 1395")


def test_hijri_date() -> None:
    # 1 Ramadan 1438 AH (Umm al-Qura) was Saturday 27 May 2017
    surface, x = _one("وصل الوزير إلى الرياض في 1 رمضان 1438 هـ لإجراء محادثات.", "ar", None)
    assert x.value == date(2017, 5, 27)
    assert surface.startswith("1 رمضان 1438")


def test_gregorian_arabic_month_name() -> None:
    _, x = _one("عقد الاجتماع في 5 مارس 2017 في طهران.", "ar", None)
    assert x.value == date(2017, 3, 5)


def test_english_month_day_year() -> None:
    _, x = _one("The ministers met on March 5, 2017 in Tehran.", "en", None)
    assert x.value == date(2017, 3, 5)


def test_impossible_calendar_date_has_no_value() -> None:
    found = _dates("The talks were held on 31 February 2017 in Tehran.", "en", None)
    assert all(x.value is None for _, x in found)


# -- relative days and weekdays ---------------------------------------------------------------
def test_arabic_today_thursday_with_a_thursday_doc_date() -> None:
    surface, x = _one("التقى الرئيسان اليوم الخميس في باكو.", "ar", THU)
    assert surface == "اليوم الخميس"
    assert x.value == THU
    assert (x.weekday, x.basis) == (3, "relative")


def test_arabic_today_thursday_without_doc_date_keeps_text_and_weekday() -> None:
    surface, x = _one("التقى الرئيسان اليوم الخميس في باكو.", "ar", None)
    assert surface == "اليوم الخميس"
    assert x.value is None
    assert x.weekday == 3


def test_weekday_that_contradicts_the_doc_date_gives_no_value() -> None:
    surface, x = _one("التقى الرئيسان اليوم الخميس في باكو.", "ar", FRI)
    assert surface == "اليوم الخميس"
    assert x.value is None  # "today (Thursday)" cannot be a Friday: no guess either way
    assert x.weekday == 3


def test_yesterday_with_a_consistent_weekday() -> None:
    _, x = _one("واستقبل الوزير أمس الأربعاء نظيره التركي.", "ar", THU)
    assert x.value == date(2017, 3, 1)
    assert x.weekday == 2


def test_persian_afternoon_today_with_weekday_in_brackets() -> None:
    surface, x = _one("رهبر انقلاب عصر امروز (پنجشنبه) با رئیس‌جمهور دیدار کرد.", "fa", THU)
    assert x.value == THU
    assert "عصر امروز" in surface


def test_english_yesterday() -> None:
    _, x = _one("The two presidents met yesterday in Baku.", "en", THU)
    assert x.value == date(2017, 3, 1)


def test_on_monday_relative_to_a_tuesday_doc_date() -> None:
    surface, x = _one("The foreign ministers met on Monday in Ankara.", "en", TUE)
    assert surface == "on Monday"
    assert x.value == date(2017, 3, 6)
    assert (x.weekday, x.basis) == (0, "weekday")


def test_weekday_naming_the_doc_date_itself_is_that_day() -> None:
    _, x = _one("The foreign ministers met on Tuesday in Ankara.", "en", TUE)
    assert x.value == TUE



@pytest.mark.parametrize("text, lang, surface, value", [
    ("بحث الوزيران في الـ14 من آب/أغسطس الماضي العلاقات الثنائية.", "ar", "الـ14 من آب", date(2016, 8, 14)),
    ("التقى الوزيران في 14 من شهر آب الماضي.", "ar", "14 من شهر آب", date(2016, 8, 14)),
    ("التقى الوزيران يوم 14 آب (أغسطس) 2015 في عمان.", "ar", "14 آب (أغسطس) 2015", date(2015, 8, 14)),
    ("The ministers met on the 14th of August in Oslo.", "en", "14th of August", date(2016, 8, 14)),
])
def test_a_day_with_its_article_a_link_word_or_a_month_named_twice(text, lang, surface, value) -> None:
    found, x = _one(text, lang, date(2016, 9, 1))
    assert (found, x.value) == (surface, value)


# -- a weekday in the coming week ---------------------------------------------------------------
@pytest.mark.parametrize("text, lang, surface", [
    ("The two ministers will meet next Monday in Ankara.", "en", "next Monday"),
    ("The ministers meet on Monday next week in Ankara.", "en", "on Monday next week"),
    ("يلتقي الوزيران يوم الاثنين المقبل في أنقرة.", "ar", "يوم الاثنين المقبل"),
    ("وزیران روز دوشنبه هفته آینده در آنکارا دیدار می‌کنند.", "fa", "روز دوشنبه هفته آینده"),
])
def test_a_weekday_of_the_coming_week_lies_after_the_doc_date(text: str, lang: str, surface: str) -> None:
    found, x = _one(text, lang, THU)
    assert found == surface
    assert x.value == date(2017, 3, 6)  # the Monday after Thursday 2 March, not the Monday before


def test_the_coming_week_starts_on_the_languages_first_day() -> None:
    # Saturday 4 March 2017: the Persian week has begun (it starts on Saturday), so "Monday next
    # week" is nine days on; for English (weeks from Monday) the Monday two days on is next week's
    sat = date(2017, 3, 4)
    assert _one("وزیران روز دوشنبه هفته آینده دیدار می‌کنند.", "fa", sat)[1].value == date(2017, 3, 13)
    assert _one("The ministers meet on Monday next week.", "en", sat)[1].value == date(2017, 3, 6)


def test_a_meeting_on_a_weekday_of_the_coming_week_is_planned(extractor) -> None:
    from extractors.pipeline import InputDoc

    # the verb that governs the meeting noun is a past "announced": only the date says it is ahead
    text = "آژانس از دیدار رافائل گروسی با محمد اسلامی در تهران در سه‌شنبه هفته آینده خبر داد."
    (res,) = extractor.extract_many([InputDoc(id="next", text=text, lang="fa", date="2024-11-07",
                                              date_source="input")])
    assert res.ok, res.error
    meetings = [r for r in res.records if r["type"] == "meeting"]
    assert meetings and all(m["status"] == "planned" for m in meetings), meetings
    # with no publication date the words alone still put the day ahead
    (res,) = extractor.extract_many([InputDoc(id="next", text=text, lang="fa")])
    meetings = [r for r in res.records if r["type"] == "meeting"]
    assert meetings and all(m["status"] == "planned" and m["date"]["value"] is None for m in meetings), meetings


# -- no guessing ------------------------------------------------------------------------------
@pytest.mark.parametrize("text, lang", [
    ("The foreign ministers met on Monday in Ankara.", "en"),
    ("The two presidents met yesterday in Baku.", "en"),
    ("The ministers met on 5 March in Tehran.", "en"),
    ("التقى الرئيسان صباح اليوم في باكو.", "ar"),
    ("وزیر امور خارجه دیروز با همتای خود دیدار کرد.", "fa"),
    ("وزیر امور خارجه روز دوشنبه با همتای خود دیدار کرد.", "fa"),
])
def test_no_value_without_a_doc_date(text: str, lang: str) -> None:
    found = _dates(text, lang, None)
    assert found, "the expression should still be found (its text is kept)"
    assert all(x.value is None for _, x in found), found
    assert all(x.value != date.today() for _, x in found)


def test_meeting_record_date_not_guessed_without_doc_date(extractor) -> None:
    from extractors.pipeline import InputDoc

    text = ("Iranian Foreign Minister Mohammad Javad Zarif met Turkish President Recep Tayyip Erdogan "
            "in Ankara on Monday.")
    (res,) = extractor.extract_many([InputDoc(id="nodate", text=text, lang="en")])
    assert res.ok, res.error
    meetings = [r for r in res.records if r["type"] == "meeting"]
    assert meetings, res.records
    for m in meetings:
        assert m["doc"]["date"] == {"value": None, "source": "none"}
        assert m["date"] is None or m["date"]["value"] is None


def test_persian_ordinal_day_and_month_with_mah() -> None:
    from extractors.dates import find_dates

    found = [x for x in find_dates("روز دوشنبه دوم تیرماه ۱۳۹۹".translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")),
                                   "fa", None) if x.value]
    assert [x.value.isoformat() for x in found] == ["2020-06-22"]
