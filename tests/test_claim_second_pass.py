"""Who is not the speaker (a person inside the adverbial phrase of a verbal noun; the speaker of a
verb coordinated with one whose subject is not named) and what is only the account of a meeting.
The sentences and names are made up; the stages run without a model (the ``stages`` fixture tags
the names given with each text)."""

from __future__ import annotations

from test_claim_cues import claims


def said(recs: list[dict]) -> list[tuple]:
    return [(r["speaker"]["name"] or r["speaker"]["text"], r["text"]) for r in recs]


# -- a person inside the adverbial phrase of a verbal noun is its complement ---------------------------
ADVERBIAL = [
    # "A, in this call, while thanking B for his role in the talks, and criticising C's remarks, stated: …"
    "علی رضایی در این گفتگو ضمن تشکر از نقش حسن کاظمی در روند مذاکرات، و با انتقاد از سخنان اخیر "
    "منصور تقوی اظهار داشت: تحریم‌ها هیچ کمکی به حل این بحران نمی‌کند.",
    # "A, head of the commission, referring to the need for B to know the country's capacities, said: …"
    "علی رضایی، رئیس کمیسیون، با اشاره به ضرورت آشنایی حسن کاظمی با ظرفیت‌های کشور گفت: همکاری "
    "اقتصادی دو کشور باید گسترش یابد.",
]


def test_a_person_inside_an_adverbial_phrase_of_a_verbal_noun_is_not_the_speaker(stages) -> None:
    for text in ADVERBIAL:
        out = said(claims(stages, text, ("علی رضایی", "حسن کاظمی", "منصور تقوی")))
        assert [who for who, _ in out] == ["علی رضایی"], text
    # a subject after the phrase and its comma still speaks
    text = "ضمن تشکر از میزبانی حسن کاظمی، علی رضایی گفت: دو کشور بر گسترش تجارت مرزی توافق کردند."
    assert [who for who, _ in said(claims(stages, text, ("علی رضایی", "حسن کاظمی")))] == ["علی رضایی"]


# -- a verb coordinated with one whose subject is unnamed ---------------------------------------------
def test_a_coordinated_verb_shares_an_unnamed_subject_not_the_last_person_named(stages) -> None:
    text = ("Lorenzo Baldi said the talks went well. The final declaration of the forum reads: “We strongly "
            "condemned the attacks on the harbour and urged all sides to return to the negotiating table.”")
    out = said(claims(stages, text, ("Lorenzo Baldi",)))
    assert [who for who, _ in out] == ["Lorenzo Baldi"]
    # the same coordinated verb after a named subject is still that person's
    text = "Lorenzo Baldi condemned the attacks on the harbour and urged all sides to return to the table."
    out = said(claims(stages, text, ("Lorenzo Baldi",)))
    assert [who for who, _ in out] == ["Lorenzo Baldi", "Lorenzo Baldi"]


# -- the account of a meeting is no claim ---------------------------------------------------------------
ACCOUNTS = [
    "“We have had very frank and useful talks,” Lorenzo Baldi told reporters.",
    "“Good first meeting with Foreign Minister Karl Osterberg,” Lorenzo Baldi wrote.",
    "Lorenzo Baldi said they had held long consultations in Vienna.",
]
# a clause about a meeting that asserts more than that it took place
ABOUT_MEETINGS = [
    ("“We have had useful talks that opened the border crossings again,” Lorenzo Baldi said.",
     "We have had useful talks that opened the border crossings again"),
    ("Lorenzo Baldi said the meeting was a turning point for the region.",
     "the meeting was a turning point for the region"),
    ("Lorenzo Baldi said that progress in the talks was slow but real.", "progress in the talks was slow but real"),
]


def test_a_clause_that_only_says_a_meeting_took_place_is_no_claim(stages) -> None:
    for text in ACCOUNTS:
        assert said(claims(stages, text, ("Lorenzo Baldi", "Karl Osterberg"))) == [], text
    for text, body in ABOUT_MEETINGS:
        assert said(claims(stages, text, ("Lorenzo Baldi",))) == [("Lorenzo Baldi", body)], text


# -- a verb of naming with its object complement ------------------------------------------------------
def test_called_with_a_quoted_complement_is_an_evaluation_and_without_one_a_phone_call(stages) -> None:
    text = ("Lorenzo Baldi called the joint naval drills “a rehearsal for an invasion” and warned that they "
            "would raise tensions.")
    out = said(claims(stages, text, ("Lorenzo Baldi",)))
    assert out[0][0] == "Lorenzo Baldi" and out[0][1].startswith("the joint naval drills “a rehearsal")
    # a phone call opens nothing and does not end the claim before it
    text = "Lorenzo Baldi said the minister called Karl Osterberg on Monday to discuss the border."
    assert said(claims(stages, text, ("Lorenzo Baldi", "Karl Osterberg"))) == [
        ("Lorenzo Baldi", "the minister called Karl Osterberg on Monday to discuss the border")]
    # nor does a phrasal verb ("called on"), also where a clause stands before it
    text = "Before the talks, Lorenzo Baldi called on Karl Osterberg at his office in the capital."
    assert said(claims(stages, text, ("Lorenzo Baldi", "Karl Osterberg"))) == []
    # nor does a passive or a compound ("so-called")
    text = "Lorenzo Baldi labeled the reports as false and an attack on the government."
    assert said(claims(stages, text, ("Lorenzo Baldi",))) == [
        ("Lorenzo Baldi", "the reports as false and an attack on the government")]
    text = "Lorenzo Baldi said the agreement was labeled as historic by the press in the capital."
    assert [body for _, body in said(claims(stages, text, ("Lorenzo Baldi",)))] == [
        "the agreement was labeled as historic by the press in the capital"]


# -- a discontinuous compound and a country opening a subordinate clause --------------------------------
def test_the_object_of_a_split_compound_ends_before_its_light_verb_and_a_country_after_ke_speaks(stages) -> None:
    # "Ukraine seeks guarantees, while Moscow demands more land in the east."
    text = "اوکراین به دنبال تضمین‌های امنیتی است، در حالی که مسکو خواستار واگذاری زمین‌های بیشتری در شرق است."
    assert said(claims(stages, text)) == [("Russia", "واگذاری زمین‌های بیشتری در شرق")]
    text = "علی رضایی خواستار آزادی فوری همه زندانیان سیاسی شد."
    assert said(claims(stages, text, ("علی رضایی",))) == [("علی رضایی", "آزادی فوری همه زندانیان سیاسی")]


def test_a_pronouns_antecedent_stands_before_the_pronoun_not_only_before_the_cue(stages) -> None:
    # no one has spoken yet: "He" refers back to the person named before it, not to the one after it
    text = ("Lorenzo Baldi arrived in the capital on Monday. He, in reply to Karl Osterberg, said the border "
            "would reopen.")
    out = said(claims(stages, text, ("Lorenzo Baldi", "Karl Osterberg")))
    assert [who for who, _ in out] == ["Lorenzo Baldi"]


def test_a_relative_pronoun_gives_the_cue_its_antecedent_even_after_a_preposition(stages) -> None:
    text = ("Karl Osterberg announced the deal after a summit with Lorenzo Baldi, who called it “a first step” "
            "toward peace.")
    assert [who for who, _ in said(claims(stages, text, ("Karl Osterberg", "Lorenzo Baldi")))] == ["Lorenzo Baldi"]


def test_a_country_after_a_subordinator_opens_its_clause_and_speaks(stages) -> None:
    text = ("Kyiv wants security guarantees, while Moscow has called for the transfer of more territory in "
            "the east of the country.")
    assert said(claims(stages, text)) == [("Russia", "the transfer of more territory in the east of the country")]
