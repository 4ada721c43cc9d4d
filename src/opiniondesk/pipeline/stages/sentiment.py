"""Sentiment: the lexicon baseline (trained models replace it when one is active)."""

from __future__ import annotations

from opiniondesk.analysis.sentiment_lexicon import LexiconSentiment
from opiniondesk.pipeline.base import Batch, Label


class SentimentStage:
    name = "sentiment"

    def __init__(self) -> None:
        self.model = LexiconSentiment()

    def process(self, batch: Batch) -> Batch:
        for item in batch:
            if item.skip:
                continue
            result = self.model.analyse(item.analysis_text, item.match_text)
            item.sentiment = result.label
            item.labels.append(
                Label("sentiment", result.label, result.score, "lexicon", result.explanation)
            )
        return batch
