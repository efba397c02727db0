"""The people a reception lists as receiving one guest are all his hosts: a welcoming party («كان في
استقباله A وB», «با استقبال A و B», "was welcomed by A and B") is one side, never each other's
counterpart; «وكان في استقبال X … A وB» names X as the guest though X stands first; the subjects of an
active reception verb («استقبلا», "A and B received X") each receive its object. Passages written for
these tests; the stages run without a model (names NER would tag are given by hand)."""

from __future__ import annotations

from test_locations import run
from test_stages import FARHAN, LAVROV, SAFADI, _met

WHEN = "2024-03-05"


def roles(m: dict) -> dict[str, str]:
    return {p["name"]: p["role"] for p in m["participants"] if p["role"] != "attendee"}


def test_the_people_a_welcome_lists_after_its_guests_pronoun_never_met_each_other() -> None:
    # fails before: the two hosts, of two countries, were paired as host and guest
    text = ("وصل وزير الخارجية الروسي سيرغي لافروف إلى القاهرة اليوم. وكان في استقباله في المطار وزير "
            "الخارجية الأردني أيمن الصفدي، ووزير الخارجية السعودي فيصل بن فرحان.")
    found = _met(text, "ar", (LAVROV["ar"], SAFADI["ar"], FARHAN["ar"]))
    assert not any(set(ps) == {SAFADI["ar"], FARHAN["ar"]} for _, ps in found)


def test_the_guest_named_right_after_in_reception_of_is_the_guest_of_the_people_listed(stages) -> None:
    # fails before: the guest, standing first, was read as the host of each of his hosts
    text = ("وكان في استقبال وزير الخارجية الروسي سيرغي لافروف لدى وصوله إلى المطار، وزير الخارجية "
            "الأردني أيمن الصفدي ووزير الخارجية السعودي فيصل بن فرحان.")
    recs = run(stages, text, WHEN, lang="ar", people=(LAVROV["ar"], SAFADI["ar"], FARHAN["ar"]))
    assert sorted(sorted(roles(m).items()) for m in recs) == [
        [("Ayman Safadi", "host"), ("Sergey Lavrov", "guest")],
        [("Faisal bin Farhan Al Saud", "host"), ("Sergey Lavrov", "guest")]]


def test_the_subjects_of_an_active_reception_each_receive_its_object(stages) -> None:
    # fails before: one meeting of three, the second host read as a guest
    text = ("وكان وزير الخارجية الأردني أيمن الصفدي ووزير الخارجية السعودي فيصل بن فرحان قد استقبلا في "
            "مطار القاعدة الجوية، بعد ظهر اليوم، وزير الخارجية الروسي سيرغي لافروف.")
    recs = run(stages, text, WHEN, lang="ar", people=(LAVROV["ar"], SAFADI["ar"], FARHAN["ar"]))
    assert sorted(sorted(roles(m).items()) for m in recs) == [
        [("Ayman Safadi", "host"), ("Sergey Lavrov", "guest")],
        [("Faisal bin Farhan Al Saud", "host"), ("Sergey Lavrov", "guest")]]


def test_a_persian_welcome_with_a_guest_after_az_keeps_its_host_and_guest() -> None:
    # guard: «با استقبال A از B» is A's welcome of B; the list of hosts ends at «از», B still met
    text = "این نشست با استقبال ایمن الصفدی، وزیر خارجه اردن از مهمانان از جمله سرگئی لاوروف آغاز شد."
    found = _met(text, "fa", (SAFADI["fa"], LAVROV["fa"]))
    assert any(set(ps) == {SAFADI["fa"], LAVROV["fa"]} for _, ps in found)


def test_a_passive_welcome_by_two_hosts_is_one_meeting_with_each() -> None:
    # guard: the guest, the passive's subject, meets each host
    text = ("Sergey Lavrov arrived in Amman, where he was welcomed by Jordanian Foreign Minister Ayman Safadi "
            "and Saudi Foreign Minister Faisal bin Farhan.")
    found = _met(text, "en", (LAVROV["en"], SAFADI["en"], FARHAN["en"]))
    assert sorted(ps for _, ps in found) == sorted([[LAVROV["en"], SAFADI["en"]], [LAVROV["en"], FARHAN["en"]]])


def test_a_list_after_a_reception_verb_is_its_guests_who_met_each_other(stages) -> None:
    # guard: the reception's subject is no one named ("it"); the two it hosted met one another
    text = "On Monday, it hosted the Jordanian and Saudi foreign ministers in the resort city of Aqaba."
    recs = run(stages, text, WHEN, lang="en")
    assert [sorted(roles(m)) for m in recs] == [["Ayman Safadi", "Faisal bin Farhan Al Saud"]]
