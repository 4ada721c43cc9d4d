"""Topics: the active `topic` model when there is one, the taxonomy's boolean rules otherwise.

With a model active, its label is the document's one counted topic (kind 'topic', source
'model:topic:v<N>', its probability and strongest terms). The rules still run and their hits
are kept as kind 'topic_rule': evidence an analyst can compare, and candidate training labels,
but not counted, so the rollups count each document once under the model's topic. Documents
not in Vietnamese (the model never saw such text) keep the rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opiniondesk.analysis.classifiers.service import words_of
from opiniondesk.analysis.taxonomy import Taxonomy
from opiniondesk.analysis.topic_rules import TopicRuleClassifier
from opiniondesk.pipeline.base import Batch, Label, WorkItem

if TYPE_CHECKING:
    from opiniondesk.analysis.classifiers.registry import LoadedModel

OTHER = "other"
RULE_EVIDENCE = "topic_rule"  # kind of rule hits recorded, not counted, beside a model label


class TopicStage:
    name = "topics"

    def __init__(self, taxonomy: Taxonomy, model: LoadedModel | None = None) -> None:
        self.classifier = TopicRuleClassifier(taxonomy)
        self.model = model

    def process(self, batch: Batch) -> Batch:
        live = [item for item in batch if not item.skip]
        modelled = [i for i in live if self.model and i.language in ("vi", "")]
        if self.model and modelled:
            predictions = self.model.classifier.predict(
                [i.analysis_text for i in modelled], [words_of(i) for i in modelled]
            )
            for item, p in zip(modelled, predictions, strict=True):
                item.topics = [p.label]
                item.labels.append(
                    Label("topic", p.label, p.score, self.model.source, p.explanation)
                )
                self._rules(item, kind=RULE_EVIDENCE)
        chosen = {id(i) for i in modelled}
        for item in live:
            if id(item) not in chosen:
                item.topics = self._rules(item, kind="topic") or [OTHER]
                if item.topics == [OTHER]:
                    item.labels.append(
                        Label("topic", OTHER, 1.0, "rule:none", "không khớp quy tắc chủ đề nào")
                    )
        return batch

    def _rules(self, item: WorkItem, *, kind: str) -> list[str]:
        hits = self.classifier.classify(item.analysis_text, item.match_text)
        for hit in hits:
            item.labels.append(
                Label(kind, hit.code, hit.score, f"rule:{hit.code}", hit.explanation)
            )
        return [hit.code for hit in hits]
