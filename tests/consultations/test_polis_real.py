"""Checks against real Pol.is conversations in ../shared/data/polis (skipped when absent):
each layout imports with every latest vote, and the group-informed consensus formula gives
bg2050-volunteers' published values exactly."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from opiniondesk.consultations import polis_import
from opiniondesk.consultations import repository as repo
from opiniondesk.consultations.consensus import group_informed_consensus
from opiniondesk.consultations.matrix import VoteMatrix
from opiniondesk.consultations.polis_files import read_conversation, read_participant_votes
from opiniondesk.consultations.tallies import tally
from tests.conftest import SHARED_DATA, DeskFixture

POLIS = SHARED_DATA / "polis"
pytestmark = pytest.mark.skipif(not POLIS.is_dir(), reason=f"Pol.is open data not found at {POLIS}")


def _matrix_cells(folder: Path) -> int:
    votes, _ = read_participant_votes(folder / "participants-votes.csv")
    return len(votes)


# one conversation per layout: old (no xid), new with xid, bg2050 (is-meta, consensus column)
@pytest.mark.parametrize("name", ["brexit-consensus", "london.youth.policing", "bg2050-volunteers"])
def test_each_layout_imports_every_latest_vote(sqlite_desk: DeskFixture, name: str) -> None:
    folder = POLIS / name
    with sqlite_desk.sessions.begin() as session:
        cid, _ = polis_import.import_folder(
            session, folder, secret_key=sqlite_desk.settings.secret_key
        )
    with sqlite_desk.sessions() as session:
        # votes.csv replayed to the latest vote per cell equals the published matrix
        assert repo.vote_count(session, cid) == _matrix_cells(folder)
        comments = read_conversation(folder).comments
        assert len(repo.statements(session, cid)) == len(comments)


def test_bg2050_group_informed_consensus_matches_exactly() -> None:
    conversation = read_conversation(POLIS / "bg2050-volunteers")
    matrix = VoteMatrix.from_votes(
        ((v.participant, v.comment, v.vote) for v in conversation.votes),
        statements=[c.id for c in conversation.comments],
    )
    published_groups = np.array(
        [conversation.published_groups.get(p, -1) for p in matrix.participants]
    )
    k = int(published_groups.max()) + 1
    ours = group_informed_consensus(tally(matrix.values, published_groups, k))
    published = {c.id: c.published_consensus for c in conversation.comments}
    differences = [
        abs(ours[j] - published[s])
        for j, s in enumerate(matrix.statements)
        if published.get(s) is not None
    ]
    assert len(differences) == 371
    assert max(differences) < 1e-12
