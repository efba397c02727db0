"""The names records give people: canonical English for a known actor, the surface text for an
unknown person, and a label for an office holder the text does not name ("Ambassador of Iraq to
Iran (unnamed)", from ``data/roles.json``). Country names come from the gazetteer the document was
read with, so a ``--places`` file renames countries in labels too."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from .mentions import Mention
from .places import Gazetteer


@cache
def role_labels() -> dict[str, Any]:
    """``data/roles.json``: English labels of offices, by role."""
    return json.loads(resources.files("extractors").joinpath("data", "roles.json").read_text(encoding="utf-8"))


def unnamed_label(m: Mention, places: Gazetteer, host: str | None = None) -> str | None:
    """A name for an office holder the text does not name: "Ambassador of Iraq to Iran (unnamed)"
    (``host``: the country of the people he met), "Belarus officials (unnamed)"; representatives of
    a country stand for it ("United States"). None without a country."""
    if m.kind != "title" or m.actor is not None or not m.country or not m.role or m.named is not None:
        return None
    place = places.country(m.country)
    if place is None:
        return None
    data = role_labels()
    if m.role in data["country_itself"]:
        return place.name
    host = m.posted_to or host
    host_place = places.country(host) if host and host != m.country else None
    if host_place is not None and m.role in data["hosted"]:
        return data["hosted"][m.role].format(country=place.name, host=host_place.name) + data["suffix"]
    if m.role in data["labels"]:
        return data["labels"][m.role].format(country=place.name) + data["suffix"]
    return None


def display_name(m: Mention, places: Gazetteer, host: str | None = None) -> str | None:
    """Canonical English name when resolved; the surface text for unknown people (the fuller name
    a short form stands for) and organisations; an institution's canonical name ("Ministry of Foreign
    Affairs of Russia", "Kremlin", a country for "Moscow said"), else its words; a label for an unnamed
    office holder of a known
    country; None for pronouns and bare titles."""
    if m.actor is not None:
        return m.actor.name
    if m.kind == "institution":
        src = m.antecedent or m
        return src.label or src.text
    if m.kind in ("person", "org"):
        return m.named or m.text
    if host is not None:
        label = unnamed_label(m, places, host)
        if label is not None:
            return label
    return m.named or unnamed_label(m, places)
