"""Place matching in free text: which 2025 province and commune a document is about.

`PlaceMatcher.resolve(text, hint)` finds unit mentions (with or without diacritics, any case,
abbreviated, old or new names), resolves each against the others in the same text, rolls every
one up to its 2025 province, and picks one best (province, commune) for the document. A `hint`
is a structured location field (a "place" column) and is trusted more than the free text.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache

from opiniondesk.geo.explain import NOTHING_FOUND, explain_place
from opiniondesk.geo.gazetteer import Gazetteer, get_gazetteer
from opiniondesk.geo.name_index import NameIndex
from opiniondesk.geo.resolver import Reading, resolve_mentions
from opiniondesk.geo.spotter import Spotter
from opiniondesk.geo.unit import Unit


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    """One resolved mention. Offsets are into the NFC form of the text (or hint) it came from."""

    surface: str  # as written, marker included: "huyện Châu Thành", "TP.HCM"
    start: int
    end: int
    unit: Unit  # the unit named (may be a pre-2025 one)
    province_code: str  # the 2025 province it rolls up to
    commune_code: str  # the 2025 commune it stands for, "" when larger or unknown
    from_hint: bool
    by_context: bool  # a bare name accepted only because other places in the text agree
    by_alias: bool  # named by an older or informal name of the unit


@dataclass(frozen=True, slots=True)
class PlaceResolution:
    province_code: str  # best 2025 province, "" if none
    commune_code: str  # best 2025 commune in it, "" if none
    matches: tuple[PlaceMatch, ...]
    places: tuple[tuple[str, str], ...]  # distinct (province, commune); province-only
    # pairs are dropped when a commune of the same province is known
    explanation: str


class PlaceMatcher:
    """Built once from the gazetteer (about a second); then `resolve` is cheap."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or get_gazetteer()
        self._spotter = Spotter(NameIndex(self.gazetteer))

    def find(self, text: str) -> list[PlaceMatch]:
        """Every place mention in `text` that could be resolved, in text order."""
        return list(self.resolve(text).matches)

    def resolve(self, text: str, hint: str | None = None) -> PlaceResolution:
        hint_mentions = self._spotter.scan(hint, in_hint=True) if hint else []
        text_mentions = self._spotter.scan(text) if text else []
        readings = resolve_mentions([*hint_mentions, *text_mentions])
        matches = tuple(_to_match(r) for r in readings)
        if not matches:
            return PlaceResolution("", "", (), (), NOTHING_FOUND)
        province, commune = _best(matches)
        return PlaceResolution(
            province_code=province,
            commune_code=commune,
            matches=matches,
            places=_places(matches),
            explanation=self._explain(readings, matches, province, commune),
        )

    def _explain(
        self,
        readings: list[Reading],
        matches: tuple[PlaceMatch, ...],
        province: str,
        commune: str,
    ) -> str:
        chosen = {
            id(m)
            for m in matches
            if m.province_code == province and m.commune_code in ("", commune)
        }
        by_mention = {id(r.mention): m for r, m in zip(readings, matches, strict=True)}
        for reading in readings:  # add the district or province that settled the commune
            if reading.commune_code and reading.commune_code == commune:
                backers = (by_mention.get(id(s)) for s in reading.supporters)
                chosen.update(id(b) for b in backers if b and b.province_code == province)
        mine = [m for m in matches if id(m) in chosen]
        mine.sort(key=lambda m: (not m.from_hint, m.start))
        text = explain_place(self.gazetteer, mine, province, commune)
        others = dict.fromkeys(m.province_code for m in matches if m.province_code != province)
        if others:
            names = ", ".join(self.gazetteer.province_name(code) for code in others)
            text += f"; cũng nhắc đến: {names}"
        return text


def _to_match(reading: Reading) -> PlaceMatch:
    mention = reading.mention
    start, end, surface = mention.location()
    return PlaceMatch(
        surface=surface,
        start=start,
        end=end,
        unit=reading.unit,
        province_code=reading.province_code,
        commune_code=reading.commune_code,
        from_hint=mention.in_hint,
        by_context=not mention.strong,
        by_alias=id(reading.unit) in mention.by_alias,
    )


def _best(matches: tuple[PlaceMatch, ...]) -> tuple[str, str]:
    """The hint's place if it has one; else the province named most often (first on ties),
    with the first commune found in it."""
    from_hint = [m for m in matches if m.from_hint]
    if from_hint:
        province = next((m.province_code for m in from_hint if m.commune_code), None)
        province = province or from_hint[0].province_code
    else:
        counts = Counter(m.province_code for m in matches)
        province = max(counts, key=lambda code: counts[code])  # max keeps the first on ties
    ordered = sorted(matches, key=lambda m: not m.from_hint)
    commune = next(
        (m.commune_code for m in ordered if m.province_code == province and m.commune_code), ""
    )
    return province, commune


def _places(matches: tuple[PlaceMatch, ...]) -> tuple[tuple[str, str], ...]:
    pairs = list(dict.fromkeys((m.province_code, m.commune_code) for m in matches))
    with_commune = {p for p, c in pairs if c}
    return tuple((p, c) for p, c in pairs if c or p not in with_commune)


@cache
def get_place_matcher() -> PlaceMatcher:
    """The process-wide matcher over the process-wide gazetteer."""
    return PlaceMatcher()
