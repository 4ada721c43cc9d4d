"""Importing Pol.is exports: both file layouts (hand-written here), the latest vote per cell,
moderation kept, text redacted, participants pseudonymous, a second import adds nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from opiniondesk.consultations import polis_import, service
from opiniondesk.consultations import repository as repo
from opiniondesk.consultations.models import StatementStatus
from opiniondesk.consultations.polis_files import read_conversation
from opiniondesk.errors import InputError
from tests.conftest import DeskFixture
from tests.consultations.builders import write_new_layout, write_old_layout


def _import(desk: DeskFixture, folder: Path) -> tuple[int, bool]:
    with desk.sessions.begin() as session:
        return polis_import.import_folder(session, folder, secret_key=desk.settings.secret_key)


class TestOldLayout:
    def test_statements_votes_and_moderation(self, desk: DeskFixture, tmp_path: Path) -> None:
        cid, created = _import(desk, write_old_layout(tmp_path / "tiny"))
        assert created
        with desk.sessions() as session:
            consultation = service.get(session, cid)
            assert consultation.title == "Tiny test" and str(consultation.status) == "closed"
            statements = {s.external_id: s for s in repo.statements(session, cid)}
            assert {k: str(s.status) for k, s in statements.items()} == {
                "0": "accepted",
                "1": "rejected",
                "2": "pending",
            }
            assert "0912345678" not in statements["1"].text  # redacted before storing
            matrix = service.vote_matrix(session, cid)
            assert repo.vote_count(session, cid) == 5  # six events, one of them superseded
            voter_1 = repo.participant_id(
                session, cid, service.participant_key(desk.settings.secret_key, cid, "1")
            )
            latest = {(p, s): v for p, s, v in repo.votes(session, cid)}
        # voter 1 disagreed with comment 0, then agreed: the latest vote counts
        assert latest[(voter_1, statements["0"].id)] == 1
        assert sorted(latest.values()) == [-1, -1, 1, 1, 1]
        assert matrix.moderated_out.sum() == 1

    def test_participants_are_keyed_hashes(self, desk: DeskFixture, tmp_path: Path) -> None:
        cid, _ = _import(desk, write_old_layout(tmp_path / "tiny"))
        with desk.sessions() as session:
            keys = set(repo.participant_ids(session, cid))
        secret = desk.settings.secret_key
        assert keys == {service.participant_key(secret, cid, voter) for voter in ("0", "1")}
        assert not keys & {"0", "1"}

    def test_a_second_import_adds_nothing(self, desk: DeskFixture, tmp_path: Path) -> None:
        folder = write_old_layout(tmp_path / "tiny")
        first, _ = _import(desk, folder)
        again, created = _import(desk, folder)
        assert again == first and not created
        with desk.sessions() as session:
            assert len(repo.consultations(session)) == 1


class TestNewLayout:
    def test_votes_from_the_participant_matrix(self, desk: DeskFixture, tmp_path: Path) -> None:
        folder = write_new_layout(tmp_path / "bg")
        conversation = read_conversation(folder)
        assert conversation.published_groups == {"3": 0}
        assert conversation.comments[0].published_consensus == 0.25
        cid, _ = _import(desk, folder)
        with desk.sessions() as session:
            assert sorted(v for _, _, v in repo.votes(session, cid)) == [-1, 0, 1]
            assert all(s.status == StatementStatus.accepted for s in repo.statements(session, cid))


def test_a_folder_without_the_export_files_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"comments\.csv"):
        read_conversation(tmp_path)
    (tmp_path / "comments.csv").write_text("comment-id,comment-body\n1,x\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"votes\.csv"):
        read_conversation(tmp_path)


def test_a_bad_vote_says_where(tmp_path: Path) -> None:
    folder = write_old_layout(tmp_path / "tiny")
    (folder / "votes.csv").write_text(
        "timestamp,datetime,comment-id,voter-id,vote\n1,x,0,0,5\n", encoding="utf-8"
    )
    with pytest.raises(InputError, match="line 2"):
        read_conversation(folder)
