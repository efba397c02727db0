"""Persian place words written with a zero-width non-joiner are read whether the ZWNJ survived or
was lost: the scanning view squeezes it, so the gazetteer keeps a squeezed key beside the folded one."""

from __future__ import annotations

from datetime import date

from extractors.mentions import build_mentions, lexicons
from extractors.view import build_view


def test_a_persian_demonym_with_its_zwnj_lost_or_kept_or_spaced_gives_the_counterparts_country() -> None:
    for word in ("ترکیه\u200cای", "ترکیهای", "ترکیه ای"):
        view = build_view(f"وزیر خارجه با همتای {word} خود تلفنی گفتگو کرد.", "fa")
        ms = build_mentions(view, [], date(2019, 12, 2), lexicons("fa"))
        counterpart = [m for m in ms if m.kind == "title" and "همتای" in m.text]
        assert [m.country for m in counterpart] == ["TR"], word
