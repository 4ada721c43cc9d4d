"""Helpers for the model-lifecycle tests: labelled files, training, ingesting."""

from __future__ import annotations

from pathlib import Path

import pytest

from opiniondesk.analysis.classifiers import registry, service
from opiniondesk.analysis.classifiers.models import ModelVersion
from opiniondesk.ingest.readers import open_source
from opiniondesk.pipeline.build import taxonomy_for
from opiniondesk.pipeline.ingestion import Ingestor, IngestReport
from opiniondesk.storage.models import ChannelKind
from tests.analysis.lifecycle.corpus import ingest_rows, labelled_rows
from tests.builders import write_csv


@pytest.fixture(autouse=True)
def _fresh_model_cache():
    # identical training data gives identical artefacts across tests: start each one cold
    registry.clear_cache()
    yield
    registry.clear_cache()


FIGURE_KEYS = {"accuracy", "macro_f1", "weighted_f1", "n", "per_class", "confusion"}
_prepared: dict[tuple[object, ...], list[service.Example]] = {}


def examples(rows: list[dict[str, str]], task: str, source: str = "t.csv") -> list[service.Example]:
    # redaction and segmentation are pure: prepare each set of rows once per session
    key = (tuple((r["text"], r[task]) for r in rows), source)
    if key not in _prepared:
        _prepared[key] = service.examples_from_rows(
            [(i + 2, row["text"], row[task]) for i, row in enumerate(rows)], source
        )
    return _prepared[key]


def train(
    desk, task: str, rows: list[dict[str, str]], *, activate: bool = False, holdout: float = 0.0
) -> ModelVersion:
    """Record a model trained on `rows` (no held-out figures unless asked: one fit is faster)."""
    trained = service.fit_model(
        task,
        examples(rows, task),
        source="csv:t.csv",
        taxonomy=taxonomy_for(desk.settings),
        holdout=holdout,
    )
    with desk.sessions.begin() as session:
        return service.record_version(session, desk.home, trained, activate=activate)


def ingest(desk, tmp_path: Path, rows: list[dict[str, str]], name: str = "docs") -> IngestReport:
    path = write_csv(tmp_path / f"{name}.csv", ingest_rows(rows, prefix=name))
    ingestor = Ingestor(desk.settings, desk.sessions)
    return ingestor.ingest(
        open_source(path, settings=desk.settings),
        kind=ChannelKind.feedback,
        channel_name="Góp ý",
        source=str(path),
    )


@pytest.fixture(scope="session")
def train_rows() -> list[dict[str, str]]:
    return labelled_rows(90, seed=1)


@pytest.fixture(scope="session")
def dev_rows() -> list[dict[str, str]]:
    return labelled_rows(45, seed=2)


@pytest.fixture(scope="session")
def doc_rows() -> list[dict[str, str]]:
    return labelled_rows(36, seed=3)
