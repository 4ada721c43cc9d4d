"""Active learning: which stored documents the model is least sure about, for analysts to label.

Uncertainty is the margin between the two most probable labels (a document the model splits
between two labels teaches it most); ties go to the lower top probability. Only the document
id, a redacted excerpt and the model's guess are shown: never who wrote it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sqlalchemy.orm import Session

from opiniondesk.analysis.classifiers import repository, service
from opiniondesk.pipeline.stages.normalise import analysis_forms
from opiniondesk.text.segment import segment

EXCERPT_CHARS = 160


@dataclass(frozen=True, slots=True)
class QueueEntry:
    document_id: int
    excerpt: str
    predicted: str
    score: float  # probability of the predicted label
    margin: float  # top probability minus the second


@dataclass(frozen=True, slots=True)
class LabellingQueue:
    task: str
    version: int
    scanned: int
    entries: list[QueueEntry]


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The start of an (already redacted) text, cut at a word boundary."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0]
    return f"{cut}…"


def least_confident(
    session: Session,
    home: Path,
    *,
    task: str,
    limit: int = 50,
    scan: int = 2000,
    version: int | None = None,
    on_progress: service.Progress | None = None,
) -> LabellingQueue:
    """The `limit` least-confident of the `scan` newest originals not yet labelled by an
    analyst for `task`, scored by the active (or given) model version."""
    row = service.find_version(session, task, version)
    model = service.load(home, row)
    docs = repository.unlabelled_recent(session, task, scan)
    texts, tokens = [], []
    for i, doc in enumerate(docs, 1):
        texts.append(analysis_forms(doc.title, doc.text)[0])
        tokens.append(segment(doc.text) if doc.language in ("vi", "") else [])
        if on_progress and (i % 100 == 0 or i == len(docs)):
            on_progress(i, len(docs))
    if not docs:
        return LabellingQueue(task, row.version, 0, [])
    proba = np.asarray(model.classifier.predict_proba(texts, tokens), dtype=float)
    ranked = np.sort(proba, axis=1)
    top = ranked[:, -1]
    margin = top - ranked[:, -2] if proba.shape[1] > 1 else top
    best = proba.argmax(axis=1)
    order = sorted(range(len(docs)), key=lambda i: (margin[i], top[i], docs[i].id))[:limit]
    classes = model.classifier.classes_
    entries = [
        QueueEntry(
            docs[i].id,
            excerpt(docs[i].text),
            str(classes[int(best[i])]),
            round(float(top[i]), 4),
            round(float(margin[i]), 4),
        )
        for i in order
    ]
    return LabellingQueue(task, row.version, len(docs), entries)
