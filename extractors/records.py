"""Building ``attache/1`` records from the extraction stages. Spans always index the original text."""

from __future__ import annotations

import hashlib
from typing import Any

from .claims import Claim
from .meetings import Meeting, codes
from .mentions import Mention, display_name, unnamed_label
from .view import View

SCHEMA = "attache/1"


def record_id(doc_sha: str, kind: str, n: int) -> str:
    return f"{doc_sha[:12]}-{kind}{n}"


def _span(view: View, s: int, e: int) -> tuple[list[int], str]:
    os_, oe = view.orig_span(s, e)
    return [os_, oe], view.original[os_:oe]


def person(view: View, m: Mention, role: str | None = None, host: str | None = None) -> dict[str, Any]:
    """A participant or speaker; ``host``: the country of the people an unnamed envoy met."""
    span, text = _span(view, *m.extra.get("phrase", (m.start, m.end)))
    out: dict[str, Any] = {
        "name": (unnamed_label(m, host) if host else None) or display_name(m),
        "text": text,
        "span": span,
    }
    if role is not None:
        out["role"] = role
    out.update({
        "wikidata": m.actor.wikidata if m.actor is not None else None,
        "country": _country(m),
        "actor": m.actor.id if m.actor is not None else None,
        "key": m.identity or "",
    })
    return out


def _country(m: Mention) -> str | None:
    """The person's country: the actor's, else the title's or the apposed title's."""
    if m.actor is not None:
        return m.actor.country
    return m.extra["title_role"][1] if "title_role" in m.extra else m.country


def _host(p: Mention, parties: list[Mention]) -> str | None:
    """The country an unnamed office holder ``p`` met people of: that of the first other party
    from another country ("سفیر جدید عراق" meeting Iran's foreign minister: Iran)."""
    if p.actor is not None or p.kind != "title":
        return None
    return next((c for q in parties if q is not p and (c := _country(q)) and c != p.country), None)


def _sentence(view: View, si: int, rule: str) -> dict[str, Any]:
    s, e = view.sentences[si]
    span, text = _span(view, s, e)
    return {"sentence": text, "span": span, "rule": rule}


def meeting_record(doc: dict[str, Any], view: View, m: Meeting, n: int) -> dict[str, Any]:
    parts = [person(view, p, m.roles.get(id(p), "party"), _host(p, m.parties)) for p in m.parties]
    seen = {p["key"] for p in parts}
    for a in m.attendees:
        rec = person(view, a, "attendee")
        if rec["key"] not in seen:
            seen.add(rec["key"])
            parts.append(rec)
    loc = None
    if m.location is not None:
        w = m.location
        if w.mention is not None:
            span, text = _span(view, w.mention.start, w.mention.end)
        else:
            span, text = None, None
        loc = {"name": w.place.name, "text": text, "span": span, "country": w.place.country, "basis": w.basis,
               "rule": w.rule}
    date = None
    if m.date is not None:
        span, text = _span(view, m.date.start, m.date.end)
        date = {"value": m.date.value.isoformat() if m.date.value else None, "text": text, "span": span,
                "granularity": m.date.granularity, "weekday": m.date.weekday, "basis": m.date.basis}
    return {
        "schema": SCHEMA,
        "type": "meeting",
        "id": record_id(doc["sha256"], "m", n),
        "doc": doc,
        "kind": m.kind,
        "status": m.status,
        "participants": parts,
        "location": loc,
        "date": date,
        "codes": codes(m),
        "evidence": _sentence(view, m.evidence_sents[0], m.rule),
    }


def claim_record(doc: dict[str, Any], view: View, c: Claim, n: int, meeting_id: str | None) -> dict[str, Any]:
    span, text = _span(view, c.start, c.end)
    if c.speaker is not None:
        speaker = person(view, c.speaker)
        speaker["resolution"] = c.speaker_resolution
    else:
        via = c.speaker_via
        vspan, vtext = _span(view, via.start, via.end) if via is not None else (None, None)
        speaker = {"name": None, "text": vtext, "span": vspan, "wikidata": None, "country": None,
                   "actor": None, "key": "", "resolution": c.speaker_resolution}
    if c.speaker_via is not None and c.speaker is not None:
        vspan, vtext = _span(view, c.speaker_via.start, c.speaker_via.end)
        speaker["via"] = {"text": vtext, "span": vspan}
    cspan, ctext = _span(view, c.cue[0], c.cue[1])
    return {
        "schema": SCHEMA,
        "type": "claim",
        "id": record_id(doc["sha256"], "c", n),
        "doc": doc,
        "speaker": speaker,
        # one line per claim (``jq -r .text``): hard line breaks and runs of spaces become one space;
        # ``span`` still slices the exact original
        "text": " ".join(text.split()),
        "span": span,
        "direct": c.direct,
        "cue": ctext,
        "meeting": meeting_id,
        "evidence": {**_sentence(view, c.sent, c.cue[2])},
    }


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
