"""Discovery end to end on SQLite and PostgreSQL: planted issues are found, described,
stored as an immutable run, shown with small cells suppressed, and promoted to a topic.

Each test ingests the planted corpus through the real pipeline (a few seconds), so related
checks share a test rather than paying for the set-up again.
"""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import func, select

from opiniondesk.analysis.taxonomy import TaxonomyError, load_taxonomy
from opiniondesk.discovery import service
from opiniondesk.discovery.clustering import ClusterParams
from opiniondesk.discovery.models import DiscoveryCluster, DiscoveryMember, DiscoveryPromotion
from opiniondesk.discovery.taxonomy_file import office_taxonomy_path
from opiniondesk.errors import InputError, NotFoundError
from opiniondesk.storage.models import Annotation, Document, Topic
from tests.discovery.conftest import WINDOW
from tests.discovery.planted import ISSUES

HDBSCAN = ClusterParams(method="hdbscan")
ISSUE_TERMS = {"chó", "chó thả", "thả rông", "yến", "chim yến", "nhà yến", "khỉ", "bầy khỉ"}


def _run(desk, params: ClusterParams = HDBSCAN) -> int:
    with desk.sessions.begin() as session:
        return service.discover(session, window=WINDOW, params=params, min_group_size=5).id


def _report(desk, run_id: int, k: int = 5) -> dict:
    with desk.sessions() as session:
        return service.report(session, run_id, min_group_size=k)


def _issue_of(desk, run_id: int) -> dict[int, Counter[str]]:
    """cluster number → which planted issue its documents came from (by external id)."""
    with desk.sessions() as session:
        rows = session.execute(
            select(DiscoveryCluster.number, Document.external_id)
            .join(DiscoveryMember, DiscoveryMember.cluster_id == DiscoveryCluster.id)
            .join(Document, Document.id == DiscoveryMember.document_id)
            .where(DiscoveryMember.run_id == run_id)
        )
        found: dict[int, Counter[str]] = {}
        for number, external_id in rows:
            found.setdefault(number, Counter())[external_id.rsplit("-", 1)[0]] += 1
    return found


class TestDiscover:
    def test_finds_describes_and_stores_the_planted_issues(self, planted_desk):
        run_id = _run(planted_desk)
        clusters = _issue_of(planted_desk, run_id)
        majority = {c.most_common(1)[0][0]: c for c in clusters.values()}
        assert set(majority) == {issue.key for issue in ISSUES}
        for counts in majority.values():
            _, n = counts.most_common(1)[0]
            assert n >= 8 and n / sum(counts.values()) >= 0.85

        report = _report(planted_desk, run_id)
        assert [c["number"] for c in report["clusters"]] == sorted(clusters)
        assert report["documents"] > report["clustered"] > 0
        for cluster in report["clusters"]:
            # the heaviest terms name the issue, in the diacritic form people wrote
            assert ISSUE_TERMS & set(cluster["terms"][:2]), cluster["terms"]
            reps = cluster["representatives"]
            assert 3 <= len(reps) <= 5
            assert all(set(r) == {"document_id", "published_on", "excerpt"} for r in reps)
            assert all(len(r["excerpt"]) <= 245 for r in reps)

        with planted_desk.sessions() as session:
            read = set(
                session.scalars(
                    select(Document.external_id)
                    .join(DiscoveryMember, DiscoveryMember.document_id == Document.id)
                    .where(DiscoveryMember.run_id == run_id)
                )
            )
            topical = session.scalars(
                select(Document.external_id)
                .join(Annotation, Annotation.document_id == Document.id)
                .where(Annotation.kind == "topic", Annotation.value != "other")
            ).all()
            reposts = session.scalars(
                select(Document.external_id).where(Document.duplicate_of_id.is_not(None))
            ).all()
        assert not any(key.startswith("covered-") for key in read)
        assert read.isdisjoint(topical) and read.isdisjoint(reposts)

    def test_a_run_reads_back_unchanged_and_repeats(self, planted_desk):
        run_id = _run(planted_desk)
        first = _report(planted_desk, run_id)
        again = _run(planted_desk)
        assert again != run_id
        assert _report(planted_desk, run_id) == first  # a stored run never changes
        second = _report(planted_desk, again)
        shape = [(c["size"], c["terms"]) for c in first["clusters"]]
        assert shape == [(c["size"], c["terms"]) for c in second["clusters"]]
        assert first["parameters"]["method"] == "hdbscan"
        assert first["parameters"]["min_cluster_size"] == 5
        capped = _report(planted_desk, _run(planted_desk, ClusterParams(max_documents=20)))
        assert capped["documents"] == 20  # the newest 20 ...
        assert capped["parameters"]["uncovered_in_window"] == first["documents"]  # ... of all
        with planted_desk.sessions() as session:
            runs = service.list_runs(session)
        assert [r["run"] for r in runs] == [capped["run"], again, run_id]

    def test_small_cells_never_leave_the_report(self, planted_desk):
        run_id = _run(planted_desk)
        for cluster in _report(planted_desk, run_id)["clusters"]:
            assert cluster["size"] >= 5
            places = cluster["places"]
            for cell in places["provinces"] + places["communes"]:
                assert cell["count"] >= 5
            counts = [w["count"] for w in cluster["weekly"]]
            assert all(c is None or c >= 5 for c in counts)
            hidden = [c for c in counts if c is None]
            # size − visible weeks must not pin one hidden week to an exact number
            assert len(hidden) != 1 or cluster["size"] == sum(c or 0 for c in counts)
        for cluster in _report(planted_desk, run_id, k=50)["clusters"]:
            assert all(w["count"] is None for w in cluster["weekly"])
            assert cluster["places"]["provinces"] == []

    def test_an_empty_window_and_an_unknown_run(self, desk):
        run_id = _run(desk)
        report = _report(desk, run_id)
        assert report["documents"] == 0 and report["clusters"] == []
        with desk.sessions() as session, pytest.raises(NotFoundError, match="discover runs"):
            service.report(session, 999, min_group_size=5)


class TestPromote:
    def _promote(self, desk, run_id: int, **kwargs):
        args = {
            "cluster_number": 1,
            "code": "stray_dogs",
            "label_vi": "Chó thả rông",
            "label_en": "Stray dogs",
        } | kwargs
        with desk.sessions.begin() as session:
            return service.promote(session, settings=desk.settings, run_id=run_id, **args)

    def _dog_cluster(self, desk, run_id: int) -> int:
        report = _report(desk, run_id)
        return next(c["number"] for c in report["clusters"] if "chó" in " ".join(c["terms"]))

    def test_writes_a_loadable_rule_and_analyst_labels(self, planted_desk):
        run_id = _run(planted_desk)
        number = self._dog_cluster(planted_desk, run_id)
        result = self._promote(planted_desk, run_id, cluster_number=number)

        path = office_taxonomy_path(planted_desk.settings)
        assert result.taxonomy_path == path
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# Danh mục chủ đề của OpinionDesk")  # the office's comments
        assert f"from discovery run {run_id}, cluster {number}" in text
        taxonomy = load_taxonomy(path)
        assert len(taxonomy) == len(load_taxonomy()) + 1
        topic = taxonomy.get("stray_dogs")
        assert topic.label_vi == "Chó thả rông" and topic.query is not None
        assert topic.query.source == result.query
        assert result.precision >= 0.8 and result.recall >= 0.8

        with planted_desk.sessions() as session:
            labelled = session.scalars(
                select(Document.external_id)
                .join(Annotation, Annotation.document_id == Document.id)
                .where(Annotation.source == "analyst", Annotation.value == "stray_dogs")
            ).all()
            assert session.scalar(select(Topic.label_en).where(Topic.code == "stray_dogs"))
        assert result.labels_added == len(labelled) >= 8
        assert sum(k.startswith("stray_dogs") for k in labelled) / len(labelled) >= 0.85

        with pytest.raises(TaxonomyError, match="already exists"):
            self._promote(planted_desk, run_id, cluster_number=number)
        assert path.read_text(encoding="utf-8") == text  # a refused promotion writes nothing
        with planted_desk.sessions() as session:
            assert session.scalar(select(func.count()).select_from(DiscoveryPromotion)) == 1

    def test_labels_only_and_the_errors_people_meet(self, planted_desk):
        run_id = _run(planted_desk)
        first = self._promote(planted_desk, run_id, code="security", write_rule=False)
        assert first.query is None and first.labels_added >= 5
        again = self._promote(planted_desk, run_id, code="security", write_rule=False)
        assert again.labels_added == 0  # idempotent: the labels are there already
        with pytest.raises(InputError, match="drop --no-rule"):
            self._promote(planted_desk, run_id, code="new_topic", write_rule=False)
        with pytest.raises(TaxonomyError, match="slug"):
            self._promote(planted_desk, run_id, code="Chó Thả Rông")
        with pytest.raises(NotFoundError, match="no cluster 42"):
            self._promote(planted_desk, run_id, cluster_number=42)
        with pytest.raises(InputError, match="Nothing to do"):
            self._promote(planted_desk, run_id, write_rule=False, write_labels=False)

    def test_a_hand_written_query_is_measured_and_kept(self, planted_desk):
        run_id = _run(planted_desk)
        number = self._dog_cluster(planted_desk, run_id)
        result = self._promote(
            planted_desk, run_id, cluster_number=number, query='"thả rông" OR "rọ mõm"'
        )
        assert result.query == '"thả rông" OR "rọ mõm"'
        assert 0.5 < result.recall <= 1.0 and result.precision == 1.0
        with pytest.raises(InputError, match="closing quote"):
            self._promote(planted_desk, run_id, code="dogs_2", query='"thả rông')
