"""Assemble the standard pipeline from settings and the resources it needs."""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import inspect

from opiniondesk.analysis.classifiers.models import ModelVersion
from opiniondesk.analysis.classifiers.registry import LoadedModel
from opiniondesk.analysis.classifiers.service import PIPELINE_TASKS, load_active
from opiniondesk.analysis.taxonomy import Taxonomy, load_taxonomy
from opiniondesk.config import Settings
from opiniondesk.geo.gazetteer import get_gazetteer
from opiniondesk.geo.matcher import PlaceMatcher
from opiniondesk.pipeline.base import Stage
from opiniondesk.pipeline.stages.dedupe import NearDuplicateIndex, NearDuplicateStage
from opiniondesk.pipeline.stages.known import AlreadyStoredStage, KnownKeys
from opiniondesk.pipeline.stages.language import LanguageStage
from opiniondesk.pipeline.stages.normalise import NormaliseStage
from opiniondesk.pipeline.stages.places import PlaceStage
from opiniondesk.pipeline.stages.redact import RedactStage
from opiniondesk.pipeline.stages.segment import SegmentStage
from opiniondesk.pipeline.stages.sentiment import SentimentStage
from opiniondesk.pipeline.stages.topics import TopicStage
from opiniondesk.storage.engine import make_engine, make_session_factory


@lru_cache(maxsize=1)
def place_matcher() -> PlaceMatcher:
    return PlaceMatcher(get_gazetteer())


def taxonomy_for(settings: Settings) -> Taxonomy:
    return load_taxonomy(settings.taxonomy_path)


def active_models(settings: Settings) -> dict[str, LoadedModel]:
    """The active `topic` and `sentiment` models of the settings' database, verified and loaded
    (each version once per process). Looked up when a pipeline is built: a model activated
    later takes effect from the next command."""
    engine = make_engine(settings.resolved_database_url)
    try:
        if not inspect(engine).has_table(ModelVersion.__tablename__):
            return {}  # a database from before model versions existed: nothing can be active
        with make_session_factory(engine)() as session:
            return load_active(session, settings.home, PIPELINE_TASKS)
    finally:
        engine.dispose()


def analysis_stages(settings: Settings) -> list[Stage]:
    """The stages that label a document; `analyze` re-runs exactly these on stored text."""
    models = active_models(settings)
    return [
        TopicStage(taxonomy_for(settings), models.get("topic")),
        SentimentStage(models.get("sentiment")),
        PlaceStage(place_matcher()),
    ]


def labelling_stages(settings: Settings) -> list[Stage]:
    """Everything that needs no database: may run in a worker process (pipeline/parallel.py)."""
    return [
        NormaliseStage(),
        RedactStage(settings.secret_key),
        LanguageStage(),
        SegmentStage(),
        *analysis_stages(settings),
    ]


def settling_stages(*, index: NearDuplicateIndex, known_keys: KnownKeys) -> list[Stage]:
    """The stages that consult what is stored; they run where the batch is committed."""
    return [
        AlreadyStoredStage(known_keys),
        NearDuplicateStage(index),  # after places: copies about different communes both count
    ]
