"""The demo showcase on a small ingested demo corpus: every feature has content afterwards,
through its own read paths, and a second run adds nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from opiniondesk.accounts.demo import ensure_demo_accounts
from opiniondesk.accounts.models import Membership, User
from opiniondesk.accounts.principal import UnitScope
from opiniondesk.analysis.topic_store import sync_topics
from opiniondesk.cases import repository as cases_repo
from opiniondesk.cases.models import Case, CaseEvent
from opiniondesk.cases.public import published_cases
from opiniondesk.cases.service import views_of
from opiniondesk.cases.state import CaseStatus
from opiniondesk.claims.public import published_clarifications
from opiniondesk.consultations import repository as consultations_repo
from opiniondesk.consultations import service as consultations
from opiniondesk.consultations.models import ConsultationStatus, Vote
from opiniondesk.demo.corpus import generate_demo_corpus
from opiniondesk.demo.showcase import STEPS, Seeded, ShowcaseContext, run_showcase, showcase_pages
from opiniondesk.demo.showcase.cases import CASES, DEMO_AGENCY_USER
from opiniondesk.demo.showcase.dialogue import PAST_TITLE, UPCOMING_TITLE
from opiniondesk.demo.showcase.survey_form import FORM_ID
from opiniondesk.dialogue import feed as dialogue_feed
from opiniondesk.dialogue import repository as dialogue_repo
from opiniondesk.dialogue import sessions as dialogue_sessions
from opiniondesk.dialogue.models import GroupState
from opiniondesk.fieldwork import repository as field_repo
from opiniondesk.fieldwork.models import CollaboratorInvitation, FieldReport
from opiniondesk.geo.loader import load_admin_units
from opiniondesk.ingest.readers import open_source
from opiniondesk.pipeline.build import taxonomy_for
from opiniondesk.pipeline.ingestion import Ingestor
from opiniondesk.storage.models import Channel, ChannelKind, Document
from opiniondesk.surveys import repository as surveys_repo
from opiniondesk.surveys import service as surveys

END = date(2026, 11, 26)
NOW = datetime(2026, 11, 26, 3, 0, tzinfo=UTC)


def _ingested(desk, folder: Path) -> ShowcaseContext:
    with desk.sessions.begin() as session:
        load_admin_units(session)
        sync_topics(session, taxonomy_for(desk.settings))
    manifest = generate_demo_corpus(folder, seed=2025, documents=600, end=END)
    with Ingestor(desk.settings, desk.sessions) as ingestor:
        for entry in manifest.entries:
            ingestor.ingest(
                open_source(folder / entry.path, settings=desk.settings),
                kind=ChannelKind(entry.channel_kind),
                channel_name=entry.channel_name,
                source=entry.path,
            )
    return ShowcaseContext(
        settings=desk.settings,
        manifest=manifest,
        folder=folder,
        password="Demo-showcase-2026!",
        now=NOW,
        seed=2025,
    )


def _counts(session: Session) -> dict[str, int]:
    def count(model: type) -> int:
        return session.scalar(select(func.count()).select_from(model)) or 0

    survey = surveys_repo.survey_by_form_id(session, FORM_ID)
    return {
        "cases": count(Case),
        "case_events": count(CaseEvent),
        "field_reports": count(FieldReport),
        "invitations": count(CollaboratorInvitation),
        "votes": count(Vote),
        "responses": surveys_repo.count_responses(session, survey.id) if survey else 0,
        "consultations": len(consultations_repo.consultations(session)),
        "dialogue_sessions": len(dialogue_repo.sessions(session)),
    }


@pytest.fixture
def showcased(desk, tmp_path):
    ctx = _ingested(desk, tmp_path / "corpus")
    with desk.sessions.begin() as session:  # as `opiniondesk demo` does, before the showcase
        ensure_demo_accounts(session, password=ctx.password)
    first = run_showcase(desk.sessions, ctx)
    return desk, ctx, first


def test_every_feature_has_content(showcased):
    desk, _, seeded = showcased
    assert len(seeded) == len(STEPS)
    assert all(s.added > 0 for s in seeded), [(s.feature_en, s.added) for s in seeded]
    k = desk.settings.min_group_size
    with desk.sessions() as session:
        public = published_cases(session, min_group_size=k)
        assert len(public) == 3 and all(p.answers for p in public)
        titles = [spec.title for spec in CASES]
        views = views_of(session, cases_repo.cases(session, where=Case.title.in_(titles)))
        assert len(views) == len(CASES)
        overdue = [v for v in views if v.state.status is not CaseStatus.published]
        assert len(overdue) == 1
        assert overdue[0].state.open_assignments()
        assert overdue[0].state.open_assignments()[0].deadline < NOW.date()
        assert all(cases_repo.evidence_of(session, v.case.id) for v in views)

        assert len(published_clarifications(session, now=NOW)) == 2

        reports = field_repo.recent_reports(session, UnitScope(everything=True), limit=100)
        assert len(reports) == 30
        duty = field_repo.duties(session, UnitScope(everything=True))[0]
        assert any(r.duty_id == duty.id for r in reports)
        pending = field_repo.pending_invitation_units(session, NOW)
        assert len(pending) == 1

        survey = surveys.get_survey(session, FORM_ID)
        responses = surveys_repo.responses_of(session, survey.id)
        assert len(responses) == 200
        assert len({r.weight for r in responses}) == 3  # one weight per age group
        assert surveys_repo.open_link_of(session, survey.id) is not None
        # the skip logic held: a reason only from those who do not support the fee
        assert all(r.answers.get("thu_phi") == "khong" for r in responses if "ly_do" in r.answers)

        (consultation,) = consultations_repo.consultations(session)
        assert consultation.status == ConsultationStatus.open
        assert consultations_repo.participant_count(session, consultation.id) == 150
        latest = consultations.latest(session, consultation.id)
        assert latest is not None and len(latest[0].groups) >= 2

        _assert_dialogue(session)

        # the demo agency account answers for the agency that still owes the overdue answer
        (membership,) = session.scalars(
            select(Membership).join(User).where(User.username == DEMO_AGENCY_USER)
        )
        owing = overdue[0].state.open_assignments()[0].agency_id
        assert membership.agency_id == owing


def _assert_dialogue(session: Session) -> None:
    held, coming = (
        next(d for d in dialogue_repo.sessions(session) if d.title == title)
        for title in (PAST_TITLE, UPCOMING_TITLE)
    )
    assert dialogue_sessions.phase(held, NOW) is dialogue_sessions.Phase.past
    assert dialogue_sessions.phase(coming, NOW) is dialogue_sessions.Phase.intake
    groups = dialogue_repo.groups(session, held.id)
    assert len(groups) < len(dialogue_repo.questions(session, held.id))  # questions were grouped
    assert sum(g.state == GroupState.answered for g in groups) >= 2
    (commitment,) = dialogue_repo.commitments(session, held.id)
    assert cases_repo.case_by_id(session, commitment.case_id) is not None
    assert dialogue_repo.questions(session, coming.id)
    asked = sum(len(dialogue_repo.questions(session, d.id)) for d in (held, coming))
    fed = session.scalar(
        select(func.count())
        .select_from(Document)
        .join(Channel, Channel.id == Document.channel_id)
        .where(Channel.kind == ChannelKind.dialogue, Channel.name == dialogue_feed.CHANNEL_NAME)
    )
    assert fed == asked  # every question also counts on the dashboard, once


def test_a_second_run_adds_nothing(showcased):
    desk, ctx, _ = showcased
    with desk.sessions() as session:
        before = _counts(session)
    again = run_showcase(desk.sessions, ctx)
    assert [s.added for s in again] == [0] * len(STEPS)
    with desk.sessions() as session:
        assert _counts(session) == before


def test_pages_worth_opening_list_each_page_once_portal_first():
    seeded = [
        Seeded("Vấn đề", "Cases", "", "", 0, url="/cong-khai"),
        Seeded("Tham vấn", "Consultations", "", "", 0, url="/cong-khai/tham-van/3"),
    ]
    pages = showcase_pages(seeded)
    paths = [path for path, _ in pages]
    assert paths[0] == "/cong-khai" and len(paths) == len(set(paths))
    assert "/cong-khai/tham-van/3" in paths and "/cases" in paths
