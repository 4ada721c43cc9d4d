"""Place matching in free text: which 2025 province and commune a document is about.

`PlaceMatcher.resolve(text, hint)` finds unit mentions (with or without diacritics, any case,
abbreviated, old or new names), resolves each against the others in the same text, rolls every
one up to its 2025 province, and picks one best (province, commune) for the document. A `hint`
is a structured location field (a "place" column) and is trusted more than the free text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache, partial

from opiniondesk.geo.candidates import Facts
from opiniondesk.geo.explain import NOTHING_FOUND, Explainer
from opiniondesk.geo.gazetteer import Gazetteer, get_gazetteer
from opiniondesk.geo.memo import remember
from opiniondesk.geo.name_index import NameIndex
from opiniondesk.geo.resolver import Pick, Resolver
from opiniondesk.geo.spotter import Mention, Spotter
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


@dataclass(slots=True, eq=False)
class _Plan:
    """Everything a resolution holds except where in the text each match sits.

    It depends only on what each mention may name, whether it counts on its own and whether
    it came from the hint, so texts naming the same places the same way share one.
    """

    # per resolved mention: its position among the mentions, the unit read, the 2025 commune
    positions: tuple[int, ...]
    facts: tuple[Facts, ...]
    communes: tuple[str, ...]
    province_code: str
    commune_code: str
    places: tuple[tuple[str, str], ...]
    chosen: tuple[int, ...]  # the picks the explanation names, in order
    others: tuple[str, ...]  # other provinces named
    explanation: str | None  # None when it quotes the text (a name read as an older one)


class PlaceMatcher:
    """Built once from the gazetteer (about a second); then `resolve` is cheap."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or get_gazetteer()
        self._spotter = Spotter(NameIndex(self.gazetteer))
        # Place fields repeat a lot ("phường Kim Liên, TP Hà Nội"); their mentions depend only
        # on the field as written (accents and capitals count: folding it would be wrong), so
        # each is scanned once. The mentions are shared between resolutions, never changed.
        self._scan_hint = lru_cache(maxsize=_HINT_CACHE_SIZE)(
            partial(self._spotter.scan, in_hint=True)
        )
        self._resolver = Resolver()
        self._explainer = Explainer(self.gazetteer)
        self._plans: dict[tuple[int, ...], _Plan | None] = {}

    def find(self, text: str) -> list[PlaceMatch]:
        """Every place mention in `text` that could be resolved, in text order."""
        return list(self.resolve(text).matches)

    def resolve(self, text: str, hint: str | None = None) -> PlaceResolution:
        mentions: list[Mention] = [*self._scan_hint(hint)] if hint else []
        from_hint = len(mentions)
        if text:
            mentions += self._spotter.scan(text)
        if not mentions:
            return _NOTHING
        signatures = [m.candidates.signatures[m.strong] for m in mentions]
        key = (from_hint, *signatures)  # the hint's mentions come first
        plan = self._plans.get(key, _UNKNOWN)
        if plan is _UNKNOWN:
            plan = remember(self._plans, key, self._plan(mentions, signatures), _PLAN_CACHE_SIZE)
        if plan is None:
            return _NOTHING
        assert isinstance(plan, _Plan)
        matches = tuple(
            map(_match, map(mentions.__getitem__, plan.positions), plan.facts, plan.communes)
        )
        explanation = plan.explanation
        if explanation is None:
            explanation = self._explainer.explain(
                [matches[j] for j in plan.chosen],
                plan.province_code,
                plan.commune_code,
                plan.others,
            )
        return PlaceResolution(
            province_code=plan.province_code,
            commune_code=plan.commune_code,
            matches=matches,
            places=plan.places,
            explanation=explanation,
        )

    def _plan(self, mentions: list[Mention], signatures: list[int]) -> _Plan | None:
        picks = self._resolver.resolve(mentions, signatures)
        if not picks:
            return None
        if len(picks) == 1:
            return self._single_plan(mentions, picks[0])
        from_hint = [mentions[k].in_hint for k, _, _, _ in picks]
        province, commune = _best(picks, from_hint)
        pairs = [(facts.province_code, c) for _, facts, c, _ in picks]
        chosen = _chosen(
            picks, province, commune, partial(self._resolver.backers, mentions, signatures)
        )
        others = tuple(dict.fromkeys(p for p, _ in pairs if p != province))
        explanation = None
        if not any(picks[j][1].aliased for j in chosen):  # else it quotes this text
            labels = [self._explainer.unit_label(picks[j][1].unit) for j in chosen]
            hinted = any(from_hint[j] for j in chosen)
            explanation = self._explainer.compose(labels, hinted, province, commune, others)
        positions, facts, communes, _ = zip(*picks, strict=True)
        places = _places(pairs)
        return _Plan(
            positions, facts, communes, province, commune, places, chosen, others, explanation
        )

    def _single_plan(self, mentions: list[Mention], pick: Pick) -> _Plan:
        """One place named: it is the place, and the whole explanation."""
        me, facts, commune, _ = pick
        province = facts.province_code
        explanation = None
        if not facts.aliased:
            label = self._explainer.unit_label(facts.unit)
            hinted = mentions[me].in_hint
            explanation = self._explainer.compose([label], hinted, province, commune)
        places = ((province, commune),)
        return _Plan((me,), (facts,), (commune,), province, commune, places, (0,), (), explanation)


_HINT_CACHE_SIZE = 4096
_PLAN_CACHE_SIZE = 10_000  # about 1 kB each
_UNKNOWN = object()
_NOTHING = PlaceResolution("", "", (), (), NOTHING_FOUND)


def _match(mention: Mention, facts: Facts, commune_code: str) -> PlaceMatch:
    doc = mention.doc
    if doc is None:
        start = end = 0
        surface = ""
    else:  # from the start of the marker (if any) to the end of the name, as written
        start, end = doc.bounds[2 * mention.marker_start], doc.bounds[2 * mention.end - 1]
        surface = doc.text[start:end]
    return PlaceMatch(
        surface,
        start,
        end,
        facts.unit,
        facts.province_code,
        commune_code,
        mention.in_hint,
        not mention.strong,  # by_context
        facts.aliased,  # by_alias
    )


def _best(picks: list[Pick], from_hint: list[bool]) -> tuple[str, str]:
    """The hint's place if it has one; else the province named most often (first on ties),
    with the first commune found in it (the hint's first: its matches come first)."""
    if from_hint[0]:
        province = next(
            (
                f.province_code
                for (_, f, c, _), hinted in zip(picks, from_hint, strict=True)
                if hinted and c
            ),
            picks[0][1].province_code,
        )
    else:
        counts: dict[str, int] = {}
        for _, f, _, _ in picks:
            counts[f.province_code] = counts.get(f.province_code, 0) + 1
        province = max(counts, key=counts.__getitem__)  # max keeps the first on ties
    commune = next((c for _, f, c, _ in picks if f.province_code == province and c), "")
    return province, commune


def _chosen(
    picks: list[Pick], province: str, commune: str, backers: Callable[[Pick], list[int]]
) -> tuple[int, ...]:
    """The picks the explanation names: those of the chosen place, and the district or
    province that settled its commune. Hint matches come first, then the text's, each in
    order, as the picks already are."""
    chosen = [f.province_code == province and c in ("", commune) for _, f, c, _ in picks]
    position = {k: j for j, (k, _, _, _) in enumerate(picks)}
    for pick in picks:
        if pick[2] and pick[2] == commune and len(picks) > 1:
            for k in backers(pick):
                j = position.get(k)
                if j is not None and picks[j][1].province_code == province:
                    chosen[j] = True
    return tuple(j for j, keep in enumerate(chosen) if keep)


def _places(found: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    pairs = list(dict.fromkeys(found))
    with_commune = {p for p, c in pairs if c}
    return tuple((p, c) for p, c in pairs if c or p not in with_commune)


@cache
def get_place_matcher() -> PlaceMatcher:
    """The process-wide matcher over the process-wide gazetteer."""
    return PlaceMatcher()
