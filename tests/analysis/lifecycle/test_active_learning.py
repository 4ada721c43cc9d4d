"""The labelling queue: least-confident documents first, no author information."""

from __future__ import annotations

import dataclasses
import random

import pytest
from sqlalchemy import select

from opiniondesk.analysis.classifiers import active_learning
from opiniondesk.analysis.classifiers.active_learning import QueueEntry, excerpt
from opiniondesk.analysis.classifiers.corrections import correct_label
from opiniondesk.analysis.taxonomy import load_taxonomy
from opiniondesk.errors import NotFoundError
from opiniondesk.storage.models import Document
from tests.analysis.lifecycle.conftest import ingest, train
from tests.analysis.lifecycle.corpus import TOPIC_CLAUSES


def _ambiguous(n: int) -> list[dict[str, str]]:
    """Texts half about traffic, half about health: the model cannot be sure of these."""
    rng = random.Random(7)
    return [
        {
            "text": f"Ở xóm {i}, {rng.choice(TOPIC_CLAUSES['traffic'])}, "
            f"{rng.choice(TOPIC_CLAUSES['health'])} (phản ánh {i}).",
            "topic": "traffic",
            "sentiment": "neutral",
        }
        for i in range(n)
    ]


class TestQueue:
    def test_ambiguous_documents_come_first_in_margin_order(
        self, desk, tmp_path, train_rows, doc_rows
    ):
        train(desk, "topic", train_rows, activate=True)
        ingest(desk, tmp_path, doc_rows + _ambiguous(4))
        with desk.sessions() as s:
            queue = active_learning.least_confident(s, desk.home, task="topic", limit=10)
            ambiguous_ids = set(s.scalars(select(Document.id).where(Document.text.like("Ở xóm %"))))
        margins = [e.margin for e in queue.entries]
        assert margins == sorted(margins)
        assert {e.document_id for e in queue.entries[:4]} == ambiguous_ids
        assert queue.version == 1 and queue.scanned >= 30

    def test_entries_show_no_author_information(self):
        assert {f.name for f in dataclasses.fields(QueueEntry)} == {
            "document_id",
            "excerpt",
            "predicted",
            "score",
            "margin",
        }

    def test_documents_an_analyst_labelled_leave_the_queue(
        self, sqlite_desk, tmp_path, train_rows, doc_rows
    ):
        desk = sqlite_desk
        train(desk, "topic", train_rows, activate=True)
        ingest(desk, tmp_path, doc_rows + _ambiguous(2))
        with desk.sessions() as s:
            first = active_learning.least_confident(s, desk.home, task="topic", limit=1)
        doc_id = first.entries[0].document_id
        with desk.sessions.begin() as s:
            correct_label(
                s, document_id=doc_id, task="topic", value="health", taxonomy=load_taxonomy(None)
            )
        with desk.sessions() as s:
            again = active_learning.least_confident(s, desk.home, task="topic", limit=50)
        assert doc_id not in {e.document_id for e in again.entries}

    def test_needs_a_model(self, sqlite_desk):
        with sqlite_desk.sessions() as s, pytest.raises(NotFoundError, match="no active model"):
            active_learning.least_confident(s, sqlite_desk.home, task="topic")


class TestExcerpt:
    def test_short_text_is_kept_whole(self):
        assert excerpt("  một   hai ba ") == "một hai ba"

    def test_long_text_is_cut_at_a_word(self):
        text = "phản ánh " * 40
        cut = excerpt(text, 30)
        assert cut.endswith("…") and len(cut) <= 31 and not cut[:-1].endswith(" ")
