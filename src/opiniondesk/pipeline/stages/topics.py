"""Topics by boolean-query rules from the office's taxonomy; no match means 'other'."""

from __future__ import annotations

from opiniondesk.analysis.taxonomy import Taxonomy
from opiniondesk.analysis.topic_rules import TopicRuleClassifier
from opiniondesk.pipeline.base import Batch, Label

OTHER = "other"


class TopicStage:
    name = "topics"

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.classifier = TopicRuleClassifier(taxonomy)

    def process(self, batch: Batch) -> Batch:
        for item in batch:
            if item.skip:
                continue
            hits = self.classifier.classify(item.analysis_text, item.match_text)
            item.topics = [hit.code for hit in hits] or [OTHER]
            for hit in hits:
                item.labels.append(
                    Label("topic", hit.code, hit.score, f"rule:{hit.code}", hit.explanation)
                )
            if not hits:
                item.labels.append(
                    Label("topic", OTHER, 1.0, "rule:none", "không khớp quy tắc chủ đề nào")
                )
        return batch
