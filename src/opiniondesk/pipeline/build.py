"""Assemble the standard pipeline from settings and the resources it needs."""

from __future__ import annotations

from functools import lru_cache

from opiniondesk.analysis.taxonomy import Taxonomy, load_taxonomy
from opiniondesk.config import Settings
from opiniondesk.geo.gazetteer import get_gazetteer
from opiniondesk.geo.matcher import PlaceMatcher
from opiniondesk.pipeline.base import PipelineRunner, Stage
from opiniondesk.pipeline.stages.dedupe import NearDuplicateIndex, NearDuplicateStage
from opiniondesk.pipeline.stages.known import AlreadyStoredStage, KnownKeys
from opiniondesk.pipeline.stages.language import LanguageStage
from opiniondesk.pipeline.stages.normalise import NormaliseStage
from opiniondesk.pipeline.stages.places import PlaceStage
from opiniondesk.pipeline.stages.redact import RedactStage
from opiniondesk.pipeline.stages.segment import SegmentStage
from opiniondesk.pipeline.stages.sentiment import SentimentStage
from opiniondesk.pipeline.stages.topics import TopicStage


@lru_cache(maxsize=1)
def place_matcher() -> PlaceMatcher:
    return PlaceMatcher(get_gazetteer())


def taxonomy_for(settings: Settings) -> Taxonomy:
    return load_taxonomy(settings.taxonomy_path)


def analysis_stages(settings: Settings) -> list[Stage]:
    """The stages that label a document; `analyze` re-runs exactly these on stored text."""
    return [
        TopicStage(taxonomy_for(settings)),
        SentimentStage(),
        PlaceStage(place_matcher()),
    ]


def build_pipeline(
    settings: Settings, *, index: NearDuplicateIndex, known_keys: KnownKeys
) -> PipelineRunner:
    stages: list[Stage] = [
        NormaliseStage(),
        RedactStage(settings.secret_key),
        AlreadyStoredStage(known_keys),
        LanguageStage(),
        SegmentStage(),
        NearDuplicateStage(index),
        *analysis_stages(settings),
    ]
    return PipelineRunner(stages)
