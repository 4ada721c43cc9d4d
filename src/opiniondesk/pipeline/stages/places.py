"""Places: administrative units mentioned in the text (or given as a hint), rolled up to 2025."""

from __future__ import annotations

from opiniondesk.geo.matcher import PlaceMatcher
from opiniondesk.pipeline.base import Batch, Label


class PlaceStage:
    name = "places"

    def __init__(self, matcher: PlaceMatcher) -> None:
        self.matcher = matcher

    def process(self, batch: Batch) -> Batch:
        for item in batch:
            if item.skip:
                continue
            place = self.matcher.resolve(item.analysis_text, hint=item.location)
            item.province_code = place.province_code
            item.commune_code = place.commune_code
            if place.province_code:
                value = place.commune_code or place.province_code
                level = "commune" if place.commune_code else "province"
                item.labels.append(
                    Label("place", value, 1.0, f"gazetteer:{level}", place.explanation)
                )
        return batch
