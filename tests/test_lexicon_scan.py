"""The dictionary scan over part of a document that looks only where an entry may begin
(``Trie.scan`` with ``lo``, ``hi`` and ``starts`` from ``start_indices``) finds what a plain scan of
that part finds, match for match, on made-up sentences."""

from __future__ import annotations

import pytest

from extractors.lang import profile
from extractors.lexicon import Trie
from extractors.meetings import _tries, scan
from extractors.normalize import match_keys
from extractors.view import build_view


def _trie(*keys: str) -> Trie:
    t = Trie()
    for k in keys:
        for m in match_keys(k):
            t.add(m, {"id": k})
    return t


def test_range_scan_with_starts_matches_a_plain_scan_of_the_range() -> None:
    # new: fails on the code before (no start_indices; Trie.scan took no range and no starts)
    from extractors.lexicon import start_indices

    view = build_view("The envoy met the foreign minister and the foreign office in the capital today.\n", "en")
    tries = {"offices": _trie("foreign minister", "foreign office", "minister"), "places": _trie("capital")}
    starts = start_indices(view.tokens, tries)
    assert starts["places"] == [i for i, t in enumerate(view.tokens) if t.text == "capital"]
    n = len(view.tokens)
    for lo in range(n + 1):
        for hi in range(lo, n + 1):
            for name, trie in tries.items():
                plain = list(trie.scan(view.tokens[lo:hi]))
                assert list(trie.scan(view.tokens, lo=lo, hi=hi, starts=starts[name])) == plain
                # an entry cut by the end of the range is not found: "foreign" alone is no office
                assert all(m.last <= hi - lo for m in plain)


@pytest.mark.parametrize("lang,text", [
    ("ar", "والتقى الوزير بنظيره في العاصمة، وبحث معه العلاقات الثنائية.\n"),
    ("fa", "وزیر امور خارجه با همتای خود در پایتخت دیدار و گفتگو کرد.\n"),
    ("en", "The minister met his counterpart in the capital and held talks with him.\n"),
])
def test_meeting_word_scans_match_a_plain_scan_of_each_stretch(lang: str, text: str) -> None:
    # guard (passes before and after): meetings.scan, now with the starts kept on the view, finds
    # what the plain scan of the stretch's tokens finds
    view = build_view(text, lang)
    clitics = profile(lang)["proclitics"]
    tries = _tries(lang)
    bounds = sorted({t.start for t in view.tokens} | {t.end for t in view.tokens} | {0, len(view.text)})
    for group in tries:
        for s in bounds[::2]:
            for e in bounds[1::2]:
                if s <= e:
                    assert scan(view, group, s, e) == list(tries[group].scan(view.tokens_in(s, e), clitics=clitics))
