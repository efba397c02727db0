"""A dropped subject or a pronoun after a sentence whose verb reports no speech continues that
sentence's subject, not the last person named (``claims.json`` ``sentence_subject``): the person right
after the verb that opens an Arabic sentence, the person after a connective that opens a Persian one;
and the people met in a Persian meeting phrase («در دیدار X») are no subject. The sentences are made up;
the stages run without a model (``stages`` tags the names given)."""

from __future__ import annotations

from extractors import InputDoc


def claims(extractor, text: str, people: tuple[str, ...] = ()) -> list[dict]:
    extractor.ner.names = dict.fromkeys(people, "PER")
    (res,) = extractor.extract_many([InputDoc(id="t", text=text, date="2024-05-01", date_source="input")])
    assert res.error is None, res.error
    return [r for r in res.records if r["type"] == "claim"]


def by_text(records: list[dict], words: str) -> dict:
    return next(r for r in records if words in r["text"])


def test_arabic_dropped_subject_continues_the_subject_after_the_opening_verb(stages) -> None:
    # "ورحب السفير": the ambassador welcomed, though no claim is his; "وأكد" then is his, not the minister's
    text = ("التقى وزير الخارجية الأردني سامي الخطيب اليوم السفير الفرنسي جان دوبون. "
            "وقال الخطيب إن العلاقات بين البلدين متينة وتتطور باستمرار. "
            "ورحب السفير الفرنسي بالخطوات التي اتخذتها الحكومة الأردنية. "
            "وأكد دعم بلاده الكامل لهذه الخطوات في المرحلة المقبلة.")
    out = claims(stages, text, ("سامي الخطيب", "جان دوبون", "الخطيب"))
    first = by_text(out, "العلاقات بين البلدين")
    assert first["speaker"]["name"] == "سامي الخطيب" and "antecedent_rule" not in first["speaker"]
    second = by_text(out, "دعم بلاده الكامل")
    assert second["speaker"]["name"] == "جان دوبون"
    assert second["speaker"]["resolution"] == "pronoun"
    assert second["speaker"]["antecedent_rule"] == "ar.claim.sentence_subject"


def test_persian_pronoun_continues_the_subject_after_a_connective(stages) -> None:
    # "در مقابل رئیس‌جمهور X … تشکر کرد": thanks are no claim, but X is the subject «وی» continues
    text = ("وزیر خارجه فرانسه ژان دوپون با رئیس‌جمهور کنیا ویلیام کاما دیدار کرد. "
            "خانم دوپون از رهبری رئیس‌جمهور کاما ابراز امتنان کرد و حمایت کشورش را از روند صلح ابراز داشت. "
            "درمقابل رئیس‌جمهور کاما ضمن خوشامدگویی به خانم دوپون، از کمک‌های فرانسه تشکر کرد. "
            "وی افزود که مردم از آتش‌بس استقبال کرده‌اند و اجماع ملی به وجود آمده است.")
    out = claims(stages, text, ("ژان دوپون", "ویلیام کاما", "دوپون", "کاما"))
    assert by_text(out, "حمایت کشورش")["speaker"]["name"] == "ژان دوپون"
    added = by_text(out, "اجماع ملی")
    assert added["speaker"]["name"] == "ویلیام کاما"
    assert added["speaker"]["antecedent_rule"] == "fa.claim.sentence_subject"


def test_arabic_attribution_opening_a_sentence_makes_no_subject(stages) -> None:
    # guard: «وبحسب X» is no verb with its subject; the dropped subject after it stays the last speaker's
    text = ("قال وزير الخارجية الأردني سامي الخطيب إن العلاقات بين البلدين متينة وتتطور باستمرار. "
            "وبحسب السفير الفرنسي جان دوبون فإن الزيارة المقبلة ستتم في الربيع. "
            "وأضاف أن الحكومة ستواصل الإصلاحات في المرحلة المقبلة.")
    out = claims(stages, text, ("سامي الخطيب", "جان دوبون"))
    added = by_text(out, "الإصلاحات")
    assert "antecedent_rule" not in added["speaker"]


def test_persian_people_met_in_a_meeting_phrase_are_not_the_subject(stages) -> None:
    # "در دیدار سفیران X": the ambassadors are the meeting noun's complement, and the one who spoke is
    # the subject named after the phrase, though the ambassadors come first
    text = ("در دیدار سفیران کشورمان در آسیا رئیس‌جمهور ایران حسن کاظمی سفیران را نمایندگان ملت خواند و "
            "تاکید کرد: ایران برای گسترش روابط با همه کشورهای آسیایی آمادگی کامل دارد.")
    out = claims(stages, text, ("حسن کاظمی",))
    assert by_text(out, "گسترش روابط")["speaker"]["name"] == "حسن کاظمی"


def test_persian_subject_before_a_meeting_phrase_still_speaks(stages) -> None:
    # guard: «X در دیدار با Y گفت»: X, before the phrase, is the subject
    text = "وزیر خارجه ایران حسن کاظمی در دیدار با همتای ژاپنی خود گفت که دو کشور روابط اقتصادی خود را گسترش می‌دهند."
    out = claims(stages, text, ("حسن کاظمی",))
    assert by_text(out, "روابط اقتصادی")["speaker"]["name"] == "حسن کاظمی"


def test_arabic_dropped_subject_before_any_claim_is_the_host_not_the_guest(stages) -> None:
    # "استقبل X … Y. وأكد …": the host opens the sentence after its verb; the guest is only named last
    text = ("استقبل وزير الخارجية الأردني سامي الخطيب اليوم في عمان السفير الفرنسي جان دوبون. "
            "وأكد أهمية تطوير العلاقات بين البلدين في جميع المجالات.")
    out = claims(stages, text, ("سامي الخطيب", "جان دوبون"))
    stressed = by_text(out, "تطوير العلاقات")
    assert stressed["speaker"]["name"] == "سامي الخطيب"
    assert stressed["speaker"]["antecedent_rule"] == "ar.claim.sentence_subject"
