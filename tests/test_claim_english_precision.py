"""English claims a user should not get: appreciation, which is thanks. The sentences
and names are made up; the stages run without a model (the ``stages`` fixture tags the names given with
each text)."""

from __future__ import annotations

import pytest
from test_claim_cues import claims

NAME = "Marta Ekholm"


def texts(recs: list[dict]) -> list[str]:
    return [r["text"] for r in recs]


@pytest.mark.parametrize("text", [
    f"{NAME} expressed her appreciation to the coastal states for their help with the stranded fleets.",
    f"{NAME} and her deputy expressed appreciation for the help the coastal states gave the fleets.",
])
def test_appreciation_is_thanks(stages, text: str) -> None:
    assert texts(claims(stages, text, (NAME,))) == []


def test_a_claim_that_only_mentions_appreciation_later_stays(stages) -> None:
    text = f"{NAME} said the coastal states had opened their ports, a step the fleets appreciate."
    assert len(claims(stages, text, (NAME,))) == 1
