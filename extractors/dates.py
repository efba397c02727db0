"""Dates in text: absolute dates in three calendars, relative days and weekdays, document dates.

Month, weekday and relative-day words are data (``lang/<code>/dates.json``). Solar Hijri dates
convert with jdatetime, Hijri (Umm al-Qura) with hijridate. A relative expression resolves only
against a known document date, and only when any weekday it gives agrees; otherwise the value
stays null and the text and weekday are kept. Nothing falls back to today's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from .lang import load_json

_SEP = r"[\s/\-.,،]*"


@dataclass(frozen=True)
class DateExpr:
    start: int
    end: int
    text: str
    value: date | None
    granularity: str  # day | month | year
    weekday: int | None
    basis: str  # explicit | relative | weekday
    rule: str
    # the words themselves put the day after publication ("tomorrow", "next Monday"), known even
    # when the publication date is not
    ahead: bool = False


def _alt(words) -> str:
    words = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"[\s\u200c]*").replace("\u200c", r"[\s\u200c]*") for w in words)


@cache
def _patterns(lang: str):
    d = load_json(lang, "dates.json")
    months: dict[str, tuple[str, int]] = {}
    for cal, names in d["months"].items():
        for name, num in names.items():
            months.setdefault(name.lower(), (cal, num))
    m_alt = _alt(months)
    w_alt = _alt(d["weekdays"])
    r_alt = _alt(d["relative"])
    ysuf = _alt(d.get("year_suffixes", [])) or "(?!)"
    b_l = r"(?<![\w])"
    b_r = r"(?![\w])"
    wd_pre = _alt(d.get("weekday_prefixes", [])) or "(?!)"
    nxt = d.get("coming_weekday", {})
    n_pre = _alt(nxt.get("before", [])) or "(?!)"
    n_suf = _alt(nxt.get("after", [])) or "(?!)"
    ordinals = d.get("ordinal_days", {})
    o_alt = _alt(ordinals) or "(?!)"
    # "the 22nd of April", «الـ22 من نيسان», «22 من شهر أبريل»: an article on the day, a word between
    # day and month
    d_pre = _alt(d.get("day_prefixes", [])) or "(?!)"
    link = rf"(?:(?:{_alt(d['day_links'])})\s+)?" if d.get("day_links") else ""
    # a month named twice, in two traditions: «نيسان/أبريل», «نيسان (أبريل)»
    twice = rf"(?:\s*[/(]\s*(?:{m_alt})\s*\)?)?"
    pats = [
        ("date.ordinal_dmy", re.compile(rf"{b_l}({o_alt}){_SEP}({m_alt}){_SEP}(\d{{4}})(?:\s*(?:{ysuf}){b_r})?", re.I)),
        ("date.dmy", re.compile(
            rf"{b_l}(?:{d_pre})?(\d{{1,2}}){_SEP}{link}({m_alt}){twice}\.?{_SEP}(\d{{4}})(?:\s*(?:{ysuf}){b_r})?",
            re.I)),
        ("date.mdy", re.compile(rf"{b_l}({m_alt})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}}){b_r}", re.I)),
        ("date.iso", re.compile(rf"{b_l}(\d{{4}})-(\d{{2}})-(\d{{2}}){b_r}")),
        ("date.dm", re.compile(rf"{b_l}(?:{d_pre})?(\d{{1,2}})(?:st|nd|rd|th)?\s+{link}({m_alt}){b_r}", re.I)),
        ("date.md", re.compile(rf"{b_l}({m_alt})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?{b_r}", re.I)),
        ("date.relative", re.compile(
            rf"{b_l}(?:ال)?({r_alt}){b_r}(?:[\s,،(]*(?:{wd_pre})?[\s(]*(?:ال)?({w_alt}){b_r}\)?)?", re.I)),
        # "next Tuesday", "Tuesday next week", «سه‌شنبه هفته آینده», «الثلاثاء المقبل»: a day ahead
        ("date.coming_weekday", re.compile(
            rf"{b_l}(?:(?:{n_pre})\s+(?:ال)?({w_alt}){b_r}"
            rf"|(?:(?:{wd_pre})\s+)?(?:ال)?({w_alt})\s+(?:{n_suf}){b_r})", re.I)),
        ("date.weekday", re.compile(rf"{b_l}(?:(?:{wd_pre})\s+)?(?:ال)?({w_alt}){b_r}", re.I)),
    ]
    return d, months, pats


@cache
def _word_cues(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The month names, and the weekday and relative-day words, as the patterns spell them (same
    alternatives, same flags): every match of a rule of ``_MONTH_RULES`` holds a month name and
    every match of one of ``_DAY_RULES`` a weekday or relative word, so a sentence that has none is
    not scanned by those rules. One search for the words is cheaper than a pattern per rule."""
    d = load_json(lang, "dates.json")
    months = {name.lower() for names in d["months"].values() for name in names}
    return (re.compile(_alt(months), re.I),
            re.compile(f"{_alt(d['weekdays'])}|{_alt(d['relative'])}", re.I))


_MONTH_RULES = frozenset({"date.ordinal_dmy", "date.dmy", "date.mdy", "date.dm", "date.md"})
_DAY_RULES = frozenset({"date.relative", "date.coming_weekday", "date.weekday"})
# The rules whose every match holds a digit (a day number, a year): in a sentence with none, the
# rest (relative words, weekdays) are all there is to try. Most sentences of an article name no
# date, and each of these patterns would scan the sentence for nothing.
_DIGIT_RULES = frozenset({"date.ordinal_dmy", "date.dmy", "date.mdy", "date.iso", "date.dm", "date.md"})
# ``\d`` as the patterns read it (any Unicode decimal digit), so the test never skips a match.
_DIGIT = re.compile(r"\d")


def _convert(cal: str, y: int, m: int, dd: int) -> date | None:
    try:
        if cal == "jalali" or (cal == "gregorian" and y < 1500):
            import jdatetime

            return jdatetime.date(y, m, dd).togregorian()
        if cal == "hijri":
            from hijridate import Hijri

            g = Hijri(y, m, dd).to_gregorian()
            return date(g.year, g.month, g.day)
        return date(y, m, dd)
    except (ValueError, OverflowError, ImportError):
        return None


def _month(months, word: str) -> tuple[str, int] | None:
    return months.get(word.lower()) or months.get(re.sub(r"[\s\u200c]+", " ", word.lower()))


def find_dates(text: str, lang: str, doc_date: date | None, base: int = 0) -> list[DateExpr]:
    """Date expressions in ``text`` (offsets shifted by ``base``), in text order, non-overlapping."""
    d, months, pats = _patterns(lang)
    weekdays = {k: v for k, v in d["weekdays"].items()}
    relative = d["relative"]
    out: list[DateExpr] = []
    taken: list[tuple[int, int]] = []
    digits = _DIGIT.search(text) is not None
    month_words, day_words = _word_cues(lang)
    months_named = digits and month_words.search(text) is not None
    days_named = day_words.search(text) is not None
    for rule, pat in pats:
        if not digits and rule in _DIGIT_RULES:
            continue
        if (not months_named and rule in _MONTH_RULES) or (not days_named and rule in _DAY_RULES):
            continue
        for m in pat.finditer(text):
            s, e = m.span()
            if any(a < e and s < b for a, b in taken):
                continue
            expr = _interpret(rule, m, months, weekdays, relative, doc_date, d.get("ordinal_days", {}),
                              d.get("coming_weekday", {}).get("week_starts", 0))
            if expr is None:
                continue
            value, gran, wd, basis = expr
            ahead = rule == "date.coming_weekday" or (
                rule == "date.relative" and (_offset(relative, m.group(1)) or 0) > 0)
            out.append(DateExpr(base + s, base + e, m.group(), value, gran, wd, basis, f"{lang}.{rule}", ahead))
            taken.append((s, e))
    return sorted(out, key=lambda x: x.start)


def _weekday_of(weekdays, word: str | None) -> int | None:
    if not word:
        return None
    w = re.sub(r"[\s\u200c]+", " ", word)
    for k, v in weekdays.items():
        if re.sub(r"[\s\u200c]+", " ", k) == w or k.lower() == word.lower():
            return v
    return None


def _offset(relative: dict[str, int], key: str) -> int | None:
    """Days from the publication date a relative word gives ("yesterday" -1), or None."""
    off = relative.get(key, relative.get(key.lower()))
    if off is None:
        off = next((v for k, v in relative.items() if re.sub(r"[\s\u200c]+", " ", k) ==
                    re.sub(r"[\s\u200c]+", " ", key)), None)
    return off


def _interpret(rule, m, months, weekdays, relative, doc_date, ordinals=None, week_starts: int = 0):
    ordinals = ordinals or {}
    g = m.groups()
    if rule == "date.coming_weekday":
        wd = _weekday_of(weekdays, g[0] or g[1])
        if wd is None:
            return None
        if doc_date is None:
            return (None, "day", wd, "weekday")
        return (_coming(doc_date, wd, week_starts), "day", wd, "weekday")
    if rule == "date.ordinal_dmy":
        day = next((str(v) for k, v in ordinals.items() if re.sub(r"[\s\u200c]+", " ", k) ==
                    re.sub(r"[\s\u200c]+", " ", g[0])), None)
        if day is None:
            return None
        g = (day, g[1], g[2])
        rule = "date.dmy"
    if rule in ("date.dmy", "date.mdy"):
        day, mon, year = (g[0], g[1], g[2]) if rule == "date.dmy" else (g[1], g[0], g[2])
        mm = _month(months, mon)
        if not mm:
            return None
        v = _convert(mm[0], int(year), mm[1], int(day))
        return (v, "day", None, "explicit") if v else None
    if rule == "date.iso":
        v = _convert("gregorian", int(g[0]), int(g[1]), int(g[2]))
        return (v, "day", None, "explicit") if v else None
    if rule in ("date.dm", "date.md"):
        day, mon = (g[0], g[1]) if rule == "date.dm" else (g[1], g[0])
        mm = _month(months, mon)
        if not mm or not 1 <= int(day) <= 31:
            return None
        if doc_date is None or mm[0] != "gregorian":
            return (None, "day", None, "explicit")
        # the year is the document's, unless that puts the date months after publication
        for y in (doc_date.year, doc_date.year - 1):
            v = _convert("gregorian", y, mm[1], int(day))
            if v and v <= doc_date + timedelta(days=31):
                return (v, "day", None, "explicit")
        return (None, "day", None, "explicit")
    if rule == "date.relative":
        off = _offset(relative, m.group(1))
        if off is None:
            return None
        wd = _weekday_of(weekdays, g[1]) if len(g) > 1 else None
        if doc_date is None:
            return (None, "day", wd, "relative")
        v = doc_date + timedelta(days=off)
        if wd is not None and v.weekday() != wd:
            return (None, "day", wd, "relative")  # the text contradicts the document date
        return (v, "day", wd if wd is not None else v.weekday(), "relative")
    if rule == "date.weekday":
        wd = _weekday_of(weekdays, g[0])
        if wd is None:
            return None
        if doc_date is None:
            return (None, "day", wd, "weekday")
        back = (doc_date.weekday() - wd) % 7
        return (doc_date - timedelta(days=back), "day", wd, "weekday")
    return None


def _coming(doc_date: date, wd: int, week_starts: int) -> date:
    """The day ``wd`` of the week after the one ``doc_date`` falls in, weeks starting on
    ``week_starts`` (0 Monday … 5 Saturday): "Tuesday next week" said on a Thursday is five days on,
    said on a Monday eight. "next Tuesday" is read the same way."""
    into_week = (doc_date.weekday() - week_starts) % 7
    next_week = doc_date + timedelta(days=7 - into_week)
    return next_week + timedelta(days=(wd - week_starts) % 7)


def document_date(text: str, lang: str) -> DateExpr | None:
    """The publication date from a header or dateline: the first full date in the opening lines."""
    head = "\n".join(text.strip().splitlines()[:4])[:400]
    for expr in find_dates(head, lang, None):
        if expr.value is not None and expr.basis == "explicit":
            return expr
    return None
