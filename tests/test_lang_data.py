"""The language data files: every rule row has a unique id naming its language, and every place a
row points to exists in the gazetteer. A record cites these ids in ``evidence.rule`` and
``location.rule``, so a duplicate or a dangling reference would make the output lie."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from extractors.places import load_gazetteer

LANGS = ("ar", "fa", "en")


def _rows(lang: str) -> list[tuple[str, dict]]:
    """(file, row) for every row with an id in the language's rule files."""
    base = resources.files("extractors").joinpath("lang", lang)
    out = []
    for name in ("cues.jsonl", "titles.jsonl", "institutions.jsonl"):
        for line in base.joinpath(name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                out.append((name, json.loads(line)))
    not_claims = json.loads(base.joinpath("claims.json").read_text(encoding="utf-8"))["not_claims"]
    out += [("claims.json:not_claims", row) for row in not_claims]
    meetings = json.loads(base.joinpath("meetings.json").read_text(encoding="utf-8"))
    for group, rows in meetings.items():
        if isinstance(rows, list) and rows and isinstance(rows[0], dict):
            out += [(f"meetings.json:{group}", row) for row in rows]
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_rule_ids_are_unique_and_name_their_language(lang: str) -> None:
    rows = _rows(lang)
    ids = [row["id"] for _, row in rows]
    assert all(i.startswith(f"{lang}.") for i in ids), [i for i in ids if not i.startswith(f"{lang}.")]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    assert all(row.get("patterns") or row.get("inflect") for _, row in rows), "a rule without forms never fires"


@pytest.mark.parametrize("lang", LANGS)
def test_venues_point_to_known_cities(lang: str) -> None:
    gaz = load_gazetteer()
    venues = [row for where, row in _rows(lang) if where.endswith(("venues", "dateline_venues"))]
    assert venues, "each language names the venues with a fixed seat"
    for row in venues:
        place = gaz.by_id(row["place"])
        assert place is not None and place.kind == "city", row["id"]


def test_every_title_role_is_an_office_or_a_group_role_and_has_a_label() -> None:
    from extractors.actors import ROLES
    from extractors.mentions import UNRESOLVED_ROLES
    from extractors.naming import role_labels

    data = role_labels()
    labelled = set(data["labels"]) | set(data["country_itself"])
    for lang in LANGS:
        for where, row in _rows(lang):
            if where != "titles.jsonl" or row["role"] == "counterpart":
                continue
            assert row["role"] in ROLES | UNRESOLVED_ROLES, row["id"]
            assert row["role"] in labelled or row.get("org"), f"{row['id']}: no English label for {row['role']}"
    assert all("{country}" in v for v in data["labels"].values())


def test_every_language_file_fits_its_schema() -> None:
    from extractors.lang import load_json, load_jsonl, profile

    for lang in LANGS:
        assert profile(lang)["code"] == lang
        for name in ("meetings.json", "pronouns.json", "dates.json", "normalize.json", "claims.json"):
            load_json(lang, name)
        for name in ("cues.jsonl", "titles.jsonl", "institutions.jsonl"):
            assert load_jsonl(lang, name)


def _broken_copy(tmp_path, monkeypatch, name: str, edit) -> str:
    """A language "xx" whose ``name`` is the English file changed by ``edit``; returns its path."""
    import extractors.lang as L

    src = resources.files("extractors").joinpath("lang", "en", name).read_text(encoding="utf-8")
    (tmp_path / "xx").mkdir()
    target = tmp_path / "xx" / name
    target.write_text(edit(src), encoding="utf-8")
    monkeypatch.setattr(L, "_path", lambda lang, n: tmp_path / lang / n)
    return str(target)


def test_a_json_file_that_breaks_its_schema_names_the_file_and_the_line(tmp_path, monkeypatch) -> None:
    import extractors.lang as L
    from extractors.errors import DataError

    def lunch(text: str) -> str:
        data = json.loads(text)
        data["triggers"][1]["kind"] = "lunch"
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"

    path = _broken_copy(tmp_path, monkeypatch, "meetings.json", lunch)
    line = next(n for n, s in enumerate(open(path, encoding="utf-8"), 1) if '"lunch"' in s)
    with pytest.raises(DataError) as err:
        L._json("xx", "meetings.json")
    assert str(err.value).startswith(f"{path}:{line}: triggers/1/kind: ")
    assert "lunch" in str(err.value) and "\n" not in str(err.value)


def test_a_jsonl_row_that_breaks_its_schema_names_the_file_and_the_line(tmp_path, monkeypatch) -> None:
    import extractors.lang as L
    from extractors.errors import DataError

    def no_form(text: str) -> str:
        lines = text.splitlines()
        k = next(i for i, s in enumerate(lines) if s.startswith("{"))
        row = json.loads(lines[k])
        del row["form"]
        lines[k] = json.dumps(row)
        return "\n".join(lines) + "\n"

    path = _broken_copy(tmp_path, monkeypatch, "cues.jsonl", no_form)
    line = next(n for n, s in enumerate(open(path, encoding="utf-8"), 1) if s.startswith("{"))
    with pytest.raises(DataError) as err:
        L.load_jsonl.__wrapped__("xx", "cues.jsonl")
    assert str(err.value) == f"{path}:{line}: 'form' is a required property"
