"""Sentiment: the active `sentiment` model when there is one, the lexicon baseline otherwise.

Documents not in Vietnamese keep the lexicon: the model never saw such text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opiniondesk.analysis.classifiers.service import words_of
from opiniondesk.analysis.sentiment_lexicon import LexiconSentiment
from opiniondesk.pipeline.base import Batch, Label

if TYPE_CHECKING:
    from opiniondesk.analysis.classifiers.registry import LoadedModel


class SentimentStage:
    name = "sentiment"

    def __init__(self, model: LoadedModel | None = None) -> None:
        self.lexicon = LexiconSentiment()
        self.model = model

    def process(self, batch: Batch) -> Batch:
        live = [item for item in batch if not item.skip]
        modelled = [i for i in live if self.model and i.language in ("vi", "")]
        if self.model and modelled:
            predictions = self.model.classifier.predict(
                [i.analysis_text for i in modelled], [words_of(i) for i in modelled]
            )
            for item, p in zip(modelled, predictions, strict=True):
                item.sentiment = p.label
                item.labels.append(
                    Label("sentiment", p.label, p.score, self.model.source, p.explanation)
                )
        chosen = {id(i) for i in modelled}
        for item in live:
            if id(item) not in chosen:
                result = self.lexicon.analyse(item.analysis_text, item.match_text)
                item.sentiment = result.label
                item.labels.append(
                    Label("sentiment", result.label, result.score, "lexicon", result.explanation)
                )
        return batch
