"""Building ``attache/1`` records from the extraction stages. Spans always index the original text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .claims import Claim
from .meetings import Meeting
from .mentions import Mention
from .naming import display_name
from .places import Gazetteer
from .view import View

SCHEMA = "attache/1"


def record_id(doc_sha: str, kind: str, n: int) -> str:
    return f"{doc_sha[:12]}-{kind}{n}"


def _span(view: View, s: int, e: int) -> tuple[list[int], str]:
    os_, oe = view.orig_span(s, e)
    return [os_, oe], view.original[os_:oe]


def build_records(doc: dict[str, Any], view: View, meetings: Sequence[Meeting], claims: Sequence[Claim],
                  places: Gazetteer) -> list[dict[str, Any]]:
    """The meeting records, then the claim records, of one document. An unnamed office holder
    speaks under the name he met under ("Ambassador of Brazil to Iran (unnamed)"), and a claim
    made at a meeting of the document cites it."""
    records = [meeting_record(doc, view, m, i + 1, places) for i, m in enumerate(meetings)]
    held = [(m, r) for m, r in zip(meetings, records, strict=True) if m.status == "happened"]
    met_as = {p["key"]: p["name"] for r in records for p in r["participants"] if p["actor"] is None and p["key"]}
    for i, c in enumerate(claims):
        records.append(claim_record(doc, view, c, i + 1, _claim_meeting(c, held), places, met_as))
    return records


def _claim_meeting(c: Claim, held: list[tuple[Meeting, dict[str, Any]]]) -> str | None:
    """The meeting a claim was made at: its speaker took part in a held meeting of this article."""
    if c.speaker is None or not held:
        return None
    ident = c.speaker.identity or c.speaker.text
    for m, rec in held:
        idents = {p.identity or p.text for p in [*m.parties, *m.attendees]}
        if ident in idents and (len(held) == 1 or c.sent in m.evidence_sents):
            return rec["id"]
    return None


def person(view: View, m: Mention, places: Gazetteer, role: str | None = None,
           host: str | None = None) -> dict[str, Any]:
    """A participant or speaker; ``host``: the country of the people an unnamed envoy met."""
    span, text = _span(view, *(m.phrase or (m.start, m.end)))
    out: dict[str, Any] = {
        "name": display_name(m, places, host),
        "text": text,
        "span": span,
    }
    if role is not None:
        out["role"] = role
    src = m.antecedent or m
    out.update({
        "wikidata": m.actor.wikidata if m.actor is not None else src.org if m.kind == "institution" else None,
        "country": _country(m),
        "actor": m.actor.id if m.actor is not None else None,
        "key": m.identity or "",
    })
    if m.kind == "institution":
        out["rule"] = src.rule  # the institutions.jsonl row, or COUNTRY_SPEAKER_RULE for "Moscow said"
    elif m.kind == "person" and m.rule:
        out["rule"] = m.rule  # the name rule that completed a name NER cut (``mentions.complete_names``)
    return out


def _country(m: Mention) -> str | None:
    """The person's country: the actor's, else the title's or the apposed title's."""
    if m.actor is not None:
        return m.actor.country
    return m.title_role[1] if m.title_role is not None else m.country


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


def meeting_record(doc: dict[str, Any], view: View, m: Meeting, n: int, places: Gazetteer) -> dict[str, Any]:
    parts = [person(view, p, places, m.roles.get(id(p), "party"), _host(p, m.parties)) for p in m.parties]
    seen = {p["key"] for p in parts}
    for a in m.attendees:
        rec = person(view, a, places, "attendee")
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
    out = {
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
    if m.status_rule:
        # why it is not reported as held: the plan marker's row, the future form's, or the date's rule;
        # for a held one, the rule that kept a later clause's plan marker off it
        out["evidence"]["status_rule"] = m.status_rule
    if m.clause_rule:
        # the meeting is one clause's of a sentence that tells several: the word that opens that clause
        out["evidence"]["clause_rule"] = m.clause_rule
    return out


def claim_record(doc: dict[str, Any], view: View, c: Claim, n: int, meeting_id: str | None, places: Gazetteer,
                 met_as: dict[str, str | None]) -> dict[str, Any]:
    """``met_as``: the names unnamed office holders had in the meetings, by key."""
    span, text = _span(view, c.start, c.end)
    if c.speaker is not None:
        speaker = person(view, c.speaker, places)
        if c.speaker.actor is None and speaker["key"] in met_as:
            speaker["name"] = met_as[speaker["key"]]
        speaker["resolution"] = c.speaker_resolution
    else:
        via = c.speaker_via
        vspan, vtext = _span(view, via.start, via.end) if via is not None else (None, None)
        speaker = {"name": None, "text": vtext, "span": vspan, "wikidata": None, "country": None,
                   "actor": None, "key": "", "resolution": c.speaker_resolution}
    if c.speaker_via is not None and c.speaker is not None:
        vspan, vtext = _span(view, c.speaker_via.start, c.speaker_via.end)
        # the title, pronoun, document or office noun it was resolved through, and the data row that
        # matched it ("the Minister": ``claims.json`` ``offices``)
        speaker["via"] = {"text": vtext, "span": vspan, "rule": c.speaker_via.rule}
    if c.speaker_rule is not None and c.speaker is not None:
        # a dropped or pronoun subject found to continue a sentence's subject ("ورحب السفير …. وأكد …"):
        # the ``claims.json`` ``sentence_subject`` row that made that person the subject
        speaker["antecedent_rule"] = c.speaker_rule
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
        "evidence": {**_sentence(view, c.sent, c.cue[2]),
                     # words passed over between the speaker and the claim ("وأضاف X الذي …، أن")
                     **({"span_rule": c.span_rule} if c.span_rule else {}),
                     # the ``claims.json`` row that set the claim's extent ("…, state media reported" cut off)
                     **({"claim_rule": c.claim_rule} if c.claim_rule else {})},
    }


def codes(m: Meeting) -> dict[str, str | None]:
    """CAMEO and PLOVER codes for event-data users, from the trigger row's ``codes``: a plan has
    its own CAMEO code, a visit another when its subject is the host; a meeting with a guest is
    a visit in PLOVER's mode whatever the trigger."""
    c = m.trigger["codes"]
    if m.status == "planned":
        cameo = c["cameo_planned"]
    elif "cameo_hosting" in c and m.parties and m.roles.get(id(m.parties[0])) == "host":
        cameo = c["cameo_hosting"]
    else:
        cameo = c["cameo"]
    mode = c["plover_mode"]
    if mode is None and any(r == "guest" for r in m.roles.values()):
        mode = "visit"
    return {"cameo": cameo, "plover": c["plover"], "plover_mode": mode}
