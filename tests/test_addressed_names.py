"""A name NER leaves untagged after a form of address («سعادة», "H.E.") is a person; the courtesy
words between are not part of it, an office word ends it, and an office held by the form of address
is no name. Sentences are our own."""

from __future__ import annotations

from extractors.mentions import build_mentions, lexicons
from extractors.view import build_view


def _addressed(text: str, lang: str) -> list[str]:
    view = build_view(text, lang)
    return [m.text for m in build_mentions(view, [], None, lexicons(lang))
            if m.kind == "person" and m.rule == f"{lang}.name.address"]


def test_an_untagged_name_after_a_form_of_address_is_a_person() -> None:
    assert _addressed("استقبل الوزير اليوم سعادة السيدة مارتا كوفيل، وبحثا العلاقات.", "ar") == ["مارتا كوفيل"]
    assert _addressed("واستقبل الرئيس صاحبة السعادة سلمى بنت عمر دياو؛ لتوديعها.", "ar") == ["سلمى بنت عمر دياو"]
    # an office word after the name ends it: "assistant" of the assistant secretary
    assert _addressed("التقى الوزير سعادة السيد توماس بريك مساعد وزير الخارجية.", "ar") == ["توماس بريك"]
    assert _addressed("The minister received H.E. Mr. Tobias Wendt Aroyo, the new envoy.", "en") == [
        "Tobias Wendt Aroyo"]


def test_an_office_or_a_clause_after_the_form_of_address_is_no_name() -> None:
    # «معالي السيد الوزير نقل …»: the minister is addressed, and what follows is his act; the
    # woman addressed after it is the one name
    assert _addressed("وأكد معالي السيد الوزير نقل تحياته إلى سعادة السيدة مارتا كوفيل، سفيرة البلاد.",
                      "ar") == ["مارتا كوفيل"]
    # «سعادة» is also "happiness": before a clause it is no form of address
    assert _addressed("أعرب الرئيس عن سعادة كبيرة بهذه الزيارة. والتقى سعادة السيد يوهان ميرك، ثم غادر.",
                      "ar") == ["يوهان ميرك"]
