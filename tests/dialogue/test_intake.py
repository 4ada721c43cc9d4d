"""Taking questions in and grouping them; distinct people; merge and split; privacy."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from opiniondesk.dialogue import intake, moderation, show
from opiniondesk.dialogue import repository as repo
from opiniondesk.dialogue.intake import Contact, Outcome
from opiniondesk.dialogue.models import AskerContact, GroupState, Question, Source
from opiniondesk.dialogue.sessions import Phase, phase
from opiniondesk.errors import InputError
from tests.dialogue.builders import NOW, get, make_session

ROAD = "Bao giờ thì sửa đoạn đường Nguyễn Trãi bị lún sụt trước chợ?"
ROAD_TEENCODE = "duong nguyen trai truoc cho lun qua, bao h dc sua v a"
ROAD_LIGHTS = "Đường Nguyễn Trãi trước chợ có được lắp thêm đèn chiếu sáng không?"
SCHOOL = "Khi nào trường tiểu học xã xây thêm phòng học để không phải học ca ba?"


def ask(session, dialogue, text, person, **kw):  # type: ignore[no-untyped-def]
    return intake.ask(
        session, dialogue, text=text, source=Source.web, person_key=person, now=NOW, **kw
    )


def test_phase_follows_the_clock(desk) -> None:  # type: ignore[no-untyped-def]
    sid = make_session(desk.sessions)
    with desk.sessions() as session:
        d = get(session, sid)
        assert phase(d, NOW) == Phase.intake
        assert phase(d, NOW - timedelta(days=2)) == Phase.upcoming
        assert phase(d, d.intake_closes_at) == Phase.closed
        assert phase(d, d.ends_at) == Phase.past


def test_similar_questions_group_and_people_count_once(desk) -> None:  # type: ignore[no-untyped-def]
    sid = make_session(desk.sessions)
    with desk.sessions.begin() as session:
        d = get(session, sid)
        first = ask(session, d, ROAD, "alice")
        teen = ask(session, d, ROAD_TEENCODE, "bob")
        lights = ask(session, d, ROAD_LIGHTS, "carol")
        school = ask(session, d, SCHOOL, "alice")
        assert first.outcome == Outcome.new
        assert (teen.outcome, teen.group_id) == (Outcome.attached, first.group_id)
        assert lights.group_id != first.group_id  # same road, a different question
        assert school.outcome == Outcome.new
        # bob supports his own group again, and alice supports it although she asked it
        assert intake.support(session, first.group_id, "dave", NOW) is True
        assert intake.support(session, first.group_id, "dave", NOW) is False
        assert intake.support(session, first.group_id, "alice", NOW) is False
        counts = repo.people_per_group(session, sid)
        assert counts[first.group_id] == 3  # alice, bob, dave
        assert counts[school.group_id] == 1


def test_same_person_near_identical_text_is_a_duplicate(desk) -> None:  # type: ignore[no-untyped-def]
    sid = make_session(desk.sessions)
    with desk.sessions.begin() as session:
        d = get(session, sid)
        first = ask(session, d, ROAD, "alice")
        again = ask(session, d, ROAD.replace("Bao giờ thì", "Bao giờ"), "alice")
        assert again == intake.Asked(Outcome.duplicate, first.group_id, None)
        assert len(repo.questions(session, sid)) == 1


def test_merge_counts_a_person_in_both_groups_once(desk) -> None:  # type: ignore[no-untyped-def]
    sid = make_session(desk.sessions)
    with desk.sessions.begin() as session:
        d = get(session, sid)
        road = ask(session, d, ROAD, "alice")
        lights = ask(session, d, ROAD_LIGHTS, "bob")
        intake.support(session, road.group_id, "carol", NOW)
        intake.support(session, lights.group_id, "alice", NOW)  # alice is in both
        intake.support(session, lights.group_id, "carol", NOW)  # carol too
        intake.support(session, lights.group_id, "erin", NOW)
        before = repo.people_per_group(session, sid)
        assert (before[road.group_id], before[lights.group_id]) == (2, 4)
        assert moderation.merge(session, sid, road.group_id, [lights.group_id]) == 1
        after = repo.people_per_group(session, sid)
        assert after == {road.group_id: 4}  # alice, bob, carol, erin — not 6
        assert repo.group_by_id(session, lights.group_id).state == GroupState.merged


def test_split_gives_a_question_its_own_group(desk) -> None:  # type: ignore[no-untyped-def]
    sid = make_session(desk.sessions)
    with desk.sessions.begin() as session:
        d = get(session, sid)
        road = ask(session, d, ROAD, "alice")
        teen = ask(session, d, ROAD_TEENCODE, "bob")
        assert teen.group_id == road.group_id
        new = moderation.split(session, sid, teen.question_id, NOW)
        counts = repo.people_per_group(session, sid)
        assert counts == {road.group_id: 1, new.id: 1}
        with pytest.raises(moderation.GroupConflict):
            moderation.split(session, sid, teen.question_id, NOW)


def test_suggestion_is_accepted_or_declined(desk) -> None:  # type: ignore[no-untyped-def]
    sid = make_session(desk.sessions)
    with desk.sessions.begin() as session:
        d = get(session, sid)
        road = ask(session, d, ROAD, "alice")
        ask(session, d, SCHOOL, "carol")  # some other question, so IDF has a background
        close = ask(session, d, "Khi nào nâng cấp đường Nguyễn Trãi?", "bob")
        assert close.outcome == Outcome.suggested
        question = repo.question_by_id(session, close.question_id)
        assert question.suggested_group_id == road.group_id
        target = moderation.accept_suggestion(session, sid, close.question_id)
        assert target == road.group_id
        assert repo.people_per_group(session, sid)[road.group_id] == 2
    declined = make_session(desk.sessions)
    with desk.sessions.begin() as session:
        d = get(session, declined)
        ask(session, d, ROAD, "alice")
        ask(session, d, SCHOOL, "carol")
        close = ask(session, d, "Khi nào nâng cấp đường Nguyễn Trãi?", "bob")
        assert close.outcome == Outcome.suggested
        moderation.decline_suggestion(session, declined, close.question_id)
        assert repo.question_by_id(session, close.question_id).suggested_group_id is None
        assert len(repo.people_per_group(session, declined)) == 3


def test_rename_reject_and_run_of_show(desk) -> None:  # type: ignore[no-untyped-def]
    sid = make_session(desk.sessions)
    with desk.sessions.begin() as session:
        d = get(session, sid)
        road = ask(session, d, ROAD, "alice")
        school = ask(session, d, SCHOOL, "bob")
        intake.support(session, school.group_id, "carol", NOW)
        lights = ask(session, d, ROAD_LIGHTS, "dave")
        assert next(r.group.id for r in show.queue(session, sid)) == school.group_id  # 2 people
        show.move(session, sid, road.group_id, -1)
        assert [r.group.id for r in show.queue(session, sid)][:2] == [
            road.group_id,
            school.group_id,
        ]
        moderation.rename(session, sid, road.group_id, "Sửa đường Nguyễn Trãi, gọi 0912345678")
        assert "0912345678" not in repo.group_by_id(session, road.group_id).title
        with pytest.raises(InputError):
            moderation.reject(session, sid, lights.group_id, "  ")
        moderation.reject(session, sid, lights.group_id, "Trùng nội dung đã trả lời")
        show.on_air(session, sid, road.group_id, NOW)
        show.on_air(session, sid, school.group_id, NOW)  # one on air at a time
        assert repo.group_by_id(session, road.group_id).state == GroupState.queued
        with pytest.raises(InputError):
            show.answered(session, sid, school.group_id, "", NOW)
        show.answered(session, sid, school.group_id, "Quý I năm 2027 xây 6 phòng học.", NOW)
        assert [r.group.id for r in show.queue(session, sid)] == [road.group_id]
        with pytest.raises(moderation.GroupConflict):
            show.on_air(session, sid, lights.group_id, NOW)


def test_text_is_redacted_and_contact_kept_apart(desk) -> None:  # type: ignore[no-untyped-def]
    sid = make_session(desk.sessions)
    with desk.sessions.begin() as session:
        d = get(session, sid)
        asked = ask(
            session,
            d,
            "Tôi ở tổ 5, gọi 0912345678, khi nào xây cống thoát nước để hết ngập?",
            "alice",
            contact=Contact(name="Nguyễn Văn An", phone="0912 345 678"),
            contact_retention=timedelta(days=30),
        )
        question = repo.question_by_id(session, asked.question_id)
        assert "0912345678" not in question.text
        contact = session.scalars(select(AskerContact)).one()
        assert contact.phone == "0912 345 678" and contact.question_id == question.id
    with desk.sessions.begin() as session:
        assert intake.purge_expired(session, now=NOW + timedelta(days=29)) == 0
        assert intake.purge_expired(session, now=NOW + timedelta(days=31)) == 1
        assert session.scalars(select(Question)).one()  # the question stays


def test_person_keys_are_stable_and_keyed() -> None:
    a = intake.person_from_contact("k1", Contact(phone="0912 345 678"))
    assert a == intake.person_from_contact("k1", Contact(phone="0912345678"))
    assert a != intake.person_from_contact("k2", Contact(phone="0912345678"))
    assert "0912345678" not in a
    assert intake.person_for_entry() != intake.person_for_entry()


def test_rate_limit_per_browser(desk) -> None:  # type: ignore[no-untyped-def]
    with desk.sessions.begin() as session:
        for _ in range(intake.MAX_PER_BROWSER):
            intake.check_rate(session, secret_key="s", browser_key="b", ip="1.2.3.4", now=NOW)
        with pytest.raises(intake.TooManyQuestions):
            intake.check_rate(session, secret_key="s", browser_key="b", ip="1.2.3.4", now=NOW)
        # another browser on the same address still may; the window passes
        intake.check_rate(session, secret_key="s", browser_key="c", ip="1.2.3.4", now=NOW)
        later = NOW + intake.RATE_WINDOW + timedelta(seconds=1)
        intake.check_rate(session, secret_key="s", browser_key="b", ip="1.2.3.4", now=later)


def test_too_short_question_is_refused(desk) -> None:  # type: ignore[no-untyped-def]
    sid = make_session(desk.sessions)
    with desk.sessions.begin() as session, pytest.raises(InputError):
        ask(session, get(session, sid), "  sao ?  ", "alice")


def test_publishing_follows_moderation(desk) -> None:  # type: ignore[no-untyped-def]
    sid = make_session(desk.sessions)
    with desk.sessions.begin() as session:
        d = get(session, sid)
        road = ask(session, d, ROAD, "alice")
        lights = ask(session, d, ROAD_LIGHTS, "bob")
        school = ask(session, d, SCHOOL, "carol")
        group = repo.group_by_id(session, road.group_id)
        assert group.published is False  # citizens' words wait for a moderator
        moderation.publish(session, sid, lights.group_id)
        moderation.merge(session, sid, road.group_id, [lights.group_id])
        assert group.published is True  # the merged group was public: so is the result
        moderation.publish(session, sid, road.group_id, False)
        assert group.published is False
        show.answered(session, sid, road.group_id, "Sửa trong tháng 12.", NOW)
        assert group.published is True  # answered on air is public
        moderation.publish(session, sid, school.group_id)
        moderation.reject(session, sid, school.group_id, "Ngoài thẩm quyền")
        assert repo.group_by_id(session, school.group_id).published is False
