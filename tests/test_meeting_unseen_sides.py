"""Sides and parties on forms of unseen news: an envoy whose country a tenure word separates from
his title is his country's side. Hand-built documents, no model loaded."""

from __future__ import annotations

import pytest
from test_stages import _met


@pytest.mark.parametrize("text", [
    "Masoud Pezeshkian discussed trade at a meeting with Iran’s newly appointed ambassador to China, Kamran Rostami.",
    "Masoud Pezeshkian received Iran's outgoing envoy to Brazil, Kamran Rostami, in Tehran.",
])
def test_an_envoy_whose_country_a_tenure_word_parts_from_his_title_is_his_countrys_side(text: str) -> None:
    assert _met(text, "en", ("Masoud Pezeshkian", "Kamran Rostami")) == []


def test_an_envoy_of_another_country_with_a_tenure_word_is_still_a_counterpart() -> None:
    people = ("Masoud Pezeshkian", "Kamran Rostami")
    text = "Masoud Pezeshkian received Chile's newly appointed ambassador to Iran, Kamran Rostami, in Tehran."
    assert _met(text, "en", people) == [("happened", list(people))]
