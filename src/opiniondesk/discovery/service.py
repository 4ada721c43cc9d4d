"""Issue discovery: cluster the documents no topic covers, describe the clusters, promote one.

Services never commit: the command or task that calls them owns the transaction.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy.orm import Session

from opiniondesk.analysis.boolean_query import parse_query
from opiniondesk.analysis.rollups import local_day
from opiniondesk.analysis.taxonomy import TaxonomyError, load_taxonomy
from opiniondesk.analysis.topic_store import sync_topics
from opiniondesk.config import Settings
from opiniondesk.discovery import repository
from opiniondesk.discovery.breakdowns import place_counts, protected_places, protected_series
from opiniondesk.discovery.clustering import Clustering, ClusterParams, cluster_texts
from opiniondesk.discovery.ctfidf import class_term_weights, top_terms
from opiniondesk.discovery.models import DiscoveryCluster, DiscoveryRun
from opiniondesk.discovery.rule import build_rule, evaluate_query, phrases_present
from opiniondesk.discovery.taxonomy_file import append_topic, ensure_office_copy
from opiniondesk.discovery.terms import SurfaceForms
from opiniondesk.discovery.window import Window, week_of, weeks
from opiniondesk.errors import InputError, NotFoundError
from opiniondesk.storage.models import UnitLevel

TERMS_PER_CLUSTER = 10
REPRESENTATIVES = 5
EXCERPT_CHARS = 240
ANALYST = "analyst"


def discover(
    session: Session, *, window: Window, params: ClusterParams, min_group_size: int
) -> DiscoveryRun:
    """Cluster the uncovered documents of `window` and store the result as a new run."""
    # a cluster below the minimum group size is never shown, so it is never formed
    params = dataclasses.replace(
        params, min_cluster_size=max(params.min_cluster_size, min_group_size)
    )
    docs = repository.uncovered_documents(session, start=window.start, end=window.end)
    uncovered = len(docs)
    if uncovered > params.max_documents:  # keep the newest; the run records how many there were
        newest = sorted(docs, key=lambda d: (d.published_at, d.id))[-params.max_documents :]
        docs = sorted(newest, key=lambda d: d.id)
    texts = [f"{d.title}. {d.text}" if d.title else d.text for d in docs]
    clustering = cluster_texts(texts, params)
    run = repository.add_run(
        session,
        DiscoveryRun(
            window_start=window.start,
            window_end=window.end,
            method=params.method,
            parameters={**params.as_dict(), "uncovered_in_window": uncovered},
            documents=len(docs),
            clustered=int((clustering.labels >= 0).sum()),
            silhouette=clustering.silhouette,
        ),
    )
    weights = class_term_weights(clustering.counts, clustering.labels)
    cluster_ids: dict[int, int] = {}
    for label in range(clustering.n_clusters):
        members = clustering.members(label)
        cluster = _cluster_row(
            clustering, weights[label], members, label, [docs[i] for i in members]
        )
        cluster.run_id = run.id
        cluster.representative_ids = _representatives(clustering, members, docs)
        cluster_ids[label] = repository.add_cluster(session, cluster).id
    repository.add_members(
        session,
        [
            {
                "run_id": run.id,
                "cluster_id": cluster_ids.get(int(label)),
                "document_id": doc.id,
                "similarity": float(clustering.similarity[i]),
            }
            for i, (doc, label) in enumerate(zip(docs, clustering.labels, strict=True))
        ],
    )
    return run


def _cluster_row(
    clustering: Clustering,
    weights: np.ndarray[Any, Any],
    members: np.ndarray[Any, Any],
    label: int,
    docs: list[repository.UncoveredDocument],
) -> DiscoveryCluster:
    terms = top_terms(weights, clustering.vocabulary, TERMS_PER_CLUSTER)
    forms = SurfaceForms.of(f"{d.title}. {d.text}" if d.title else d.text for d in docs)
    weekly = Counter(week_of(local_day(d.published_at)).isoformat() for d in docs)
    return DiscoveryCluster(
        number=label + 1,
        size=len(members),
        cohesion=float(clustering.similarity[members].mean()),
        terms=[[t, forms.display(t), round(w, 6)] for t, w in terms],
        places=place_counts((d.province_code, d.commune_code) for d in docs),
        weekly=dict(sorted(weekly.items())),
    )


def _representatives(
    clustering: Clustering,
    members: np.ndarray[Any, Any],
    docs: list[repository.UncoveredDocument],
) -> list[int]:
    """The documents closest to the centroid (ties: the older document first)."""
    order = sorted(members.tolist(), key=lambda i: (-clustering.similarity[i], docs[i].id))
    return [docs[i].id for i in order[:REPRESENTATIVES]]


# --------------------------------------------------------------------------- reading runs


def report(session: Session, run_id: int, *, min_group_size: int) -> dict[str, Any]:
    """A run as people see it: every cluster with terms, excerpts, places and weekly trend,
    small cells suppressed. JSON-ready."""
    run = _run(session, run_id)
    window = Window.from_utc(run.window_start, run.window_end)
    clusters = repository.clusters_of(session, run.id)
    excerpts = repository.document_texts(
        session, {i for c in clusters for i in c.representative_ids}
    )
    provinces = repository.unit_names(session, UnitLevel.province)
    communes = repository.unit_names(session, UnitLevel.commune)
    promoted: dict[int, list[str]] = {}
    for promotion in repository.promotions_of(session, [c.id for c in clusters]):
        promoted.setdefault(promotion.cluster_id, []).append(promotion.topic_code)
    periods = weeks(window)
    return {
        **run_summary(run),
        "min_group_size": min_group_size,
        "clusters": [
            {
                "number": c.number,
                "size": c.size,
                "cohesion": round(c.cohesion, 3),
                "terms": [display for _, display, _ in c.terms],
                "representatives": [
                    _excerpt(doc_id, excerpts[doc_id])
                    for doc_id in c.representative_ids
                    if doc_id in excerpts  # deleted since the run (retention)
                ],
                "places": protected_places(
                    c.places,
                    province_names=provinces,
                    commune_names=communes,
                    min_group_size=min_group_size,
                ),
                "weekly": protected_series(
                    {date.fromisoformat(k): v for k, v in c.weekly.items()},
                    periods,
                    min_group_size,
                ),
                "promoted_to": promoted.get(c.id, []),
            }
            for c in clusters
        ],
    }


def run_summary(run: DiscoveryRun) -> dict[str, Any]:
    window = Window.from_utc(run.window_start, run.window_end)
    return {
        "run": run.id,
        "created_at": run.created_at.isoformat(),
        "from": window.first.isoformat(),
        "to": window.last.isoformat(),
        "method": run.method,
        "parameters": run.parameters,
        "documents": run.documents,
        "clustered": run.clustered,
        "silhouette": None if run.silhouette is None else round(run.silhouette, 4),
    }


def list_runs(session: Session, *, limit: int = 20) -> list[dict[str, Any]]:
    return [run_summary(run) for run in repository.list_runs(session, limit)]


def _excerpt(doc_id: int, row: tuple[str | None, str, Any]) -> dict[str, Any]:
    title, text, published_at = row
    full = " ".join(f"{title}. {text}".split()) if title else " ".join(text.split())
    if len(full) > EXCERPT_CHARS:
        cut = full.rfind(" ", 0, EXCERPT_CHARS)
        full = full[: cut if cut > EXCERPT_CHARS // 2 else EXCERPT_CHARS].rstrip(",;:") + " …"
    return {
        "document_id": doc_id,
        "published_on": local_day(published_at).isoformat(),
        "excerpt": full,
    }


def _run(session: Session, run_id: int) -> DiscoveryRun:
    run = repository.get_run(session, run_id)
    if run is None:
        raise NotFoundError(
            f"Không có lượt phát hiện số {run_id}; xem `opiniondesk discover runs`. / "
            f"No discovery run {run_id}; see `opiniondesk discover runs`."
        )
    return run


# --------------------------------------------------------------------------- promotion


@dataclass(frozen=True, slots=True)
class Promotion:
    run_id: int
    cluster: int
    code: str
    query: str | None
    precision: float | None
    recall: float | None
    labels_added: int
    taxonomy_path: Path | None


def promote(
    session: Session,
    *,
    settings: Settings,
    run_id: int,
    cluster_number: int,
    code: str,
    label_vi: str,
    label_en: str,
    parent: str | None = None,
    query: str | None = None,
    write_rule: bool = True,
    write_labels: bool = True,
) -> Promotion:
    """Make a cluster a topic: a rule in the office taxonomy and/or analyst training labels.

    The database work happens first and the taxonomy file is written last, so a failure
    anywhere leaves neither (the caller's transaction rolls back).
    """
    if not (write_rule or write_labels):
        raise InputError(
            "Cần ghi quy tắc hoặc nhãn (bỏ --no-rule hoặc --no-labels). / Nothing to do: keep "
            "the rule or the labels."
        )
    run = _run(session, run_id)
    cluster = repository.get_cluster(session, run.id, cluster_number)
    if cluster is None:
        raise NotFoundError(
            f"Lượt {run_id} không có cụm số {cluster_number}. / Run {run_id} has no cluster "
            f"{cluster_number}."
        )
    path = ensure_office_copy(settings)
    taxonomy_codes = _codes(path)
    if write_rule and code in taxonomy_codes:
        raise TaxonomyError(
            f"{path}: mã chủ đề '{code}' đã có; chọn mã khác, hoặc dùng --no-rule để chỉ gán nhãn. "
            f"/ topic code '{code}' already exists; choose another code, or use --no-rule to "
            "add labels only.",
            code=code,
        )
    if not write_rule and code not in taxonomy_codes:
        raise InputError(
            f"Chủ đề '{code}' chưa có trong {path}; bỏ --no-rule để tạo nó. / Topic '{code}' is "
            f"not in {path}; drop --no-rule to create it."
        )
    rule_query, precision, recall = None, None, None
    if write_rule:
        rule_query, precision, recall = _rule_for(session, run.id, cluster, query)
    added = 0
    if write_labels:
        added = repository.add_analyst_labels(
            session,
            [
                {
                    "document_id": doc_id,
                    "kind": "topic",
                    "value": code,
                    "score": 1.0,
                    "source": ANALYST,
                    "explanation": f"phát hiện / discovery: run {run.id}, cluster {cluster.number}",
                }
                for doc_id in repository.cluster_member_ids(session, cluster.id)
            ],
        )
    repository.add_promotion(
        session,
        {
            "cluster_id": cluster.id,
            "topic_code": code,
            "query": rule_query,
            "taxonomy_path": str(path) if write_rule else None,
            "labels": added,
            "rule_precision": precision,
            "rule_recall": recall,
        },
    )
    if write_rule:
        entry: dict[str, Any] = {"code": code, "label_vi": label_vi, "label_en": label_en}
        if parent:
            entry["parent"] = parent
        entry["query"] = rule_query
        comment = f"từ phát hiện vấn đề / from discovery run {run.id}, cluster {cluster.number}"
        taxonomy = append_topic(path, entry, comment)
        sync_topics(session, taxonomy)
    return Promotion(
        run.id,
        cluster.number,
        code,
        rule_query,
        precision,
        recall,
        added,
        path if write_rule else None,
    )


def _codes(path: Path) -> set[str]:
    return {t.code for t in load_taxonomy(path)}


def _rule_for(
    session: Session, run_id: int, cluster: DiscoveryCluster, query: str | None
) -> tuple[str, float, float]:
    documents = repository.run_documents(session, run_id)
    is_member = [cluster_id == cluster.id for _, cluster_id, _, _ in documents]
    pairs = [(title, text) for _, _, title, text in documents]
    if query is not None:
        present = phrases_present(pairs, _query_phrases(query))
        precision, recall = evaluate_query(query, present, is_member)
        return query, precision, recall
    candidates = [display for _, display, _ in cluster.terms]
    present = phrases_present(pairs, candidates)
    rule = build_rule(present, is_member, candidates)
    if rule is None:
        raise TaxonomyError(
            f"Không tìm được truy vấn cho cụm {cluster.number}: không từ nào xuất hiện trong văn "
            "bản của cụm; hãy tự viết bằng --query. / No query found for this cluster: none of "
            "its terms occurs in its documents as written; give one with --query."
        )
    return rule.query, rule.precision, rule.recall


def _query_phrases(query: str) -> tuple[str, ...]:
    return parse_query(query).phrases
