"""Choosing one reading per mention from what the other mentions in the same text say.

Evidence for a candidate unit comes from the other mentions: a strong mention naming only its
province adds 1 (an ambiguous one adds its share, 1/k), a mention naming its former district
adds 3, one naming its former province adds 1 more. The best-supported readings are kept; a
mention is accepted only if they agree on one 2025 province, and a weak mention (a bare
commune or district name) only if something else in the text supports it.
"""

from __future__ import annotations

from collections.abc import Sequence

from opiniondesk.geo.candidates import LINK_TO_COMMUNES, LINK_TO_DISTRICT, Facts, Profile
from opiniondesk.geo.memo import remember
from opiniondesk.geo.spotter import Mention

_PARENT_LINK = 3.0  # "huyện Châu Thành" + "xã An Hòa" under it
_LEGACY_PROVINCE_LINK = 1.0  # "Kiên Giang" + a commune of former Kiên Giang
_NEEDED_BY_WEAK = 0.99
_CACHE_SIZE = 20_000  # each of the two memories

Gains = tuple[float, ...]


# A mention resolved: (its position among the mentions, the unit chosen, the 2025 commune it
# stands for or "", the positions of the other mentions that backed it, None until asked).
Pick = tuple[int, Facts, str, tuple[int, ...] | None]


def _gained(facts: Facts, strong: bool, other: Profile) -> float:
    """What one other mention adds to one candidate unit."""
    gained = 0.0
    if facts.link == LINK_TO_DISTRICT and facts.link_code in other.districts:
        gained = _PARENT_LINK * other.districts[facts.link_code]
    elif facts.link == LINK_TO_COMMUNES and facts.link_code in other.commune_parents:
        gained = _PARENT_LINK * other.commune_parents[facts.link_code]
    elif facts.legacy_province and facts.legacy_province in other.legacy_provinces:
        gained = _LEGACY_PROVINCE_LINK
    if strong and facts.province_code in other.provinces:
        gained += other.share
    return gained


# How one mention reads, given what all the mentions of its text may name: the position of
# the unit chosen among its candidates (-1: none), the 2025 commune it stands for or "", and
# which of the other mentions (counted among the others, in order) backed it.
Verdict = tuple[int, str, tuple[int, ...]]


class Resolver:
    """Reads the mentions of one text against each other, with two memories. What one reading
    gains from another depends only on the two (and whether the other counts on its own); how
    a mention reads depends only on its reading and the others', in order. Both come back text
    after text ("xã Hưng Đạo" with "Hà Nội"), and within one text when a name is repeated."""

    def __init__(self) -> None:
        self._gains: dict[tuple[int, int], Gains] = {}
        self._verdicts: dict[tuple[int, ...], Verdict] = {}

    def resolve(self, mentions: list[Mention], signatures: Sequence[int]) -> list[Pick]:
        """One reading per mention that can be resolved with confidence, in text order.
        `signatures[k]` is `mentions[k].candidates.signatures[mentions[k].strong]`."""
        picks: list[Pick] = []
        for me, mention in enumerate(mentions):
            all_facts = mention.candidates.facts
            if len(all_facts) == 1 and mention.strong:
                # Nothing to weigh; who backed it is asked only for some explanations.
                picks.append((me, all_facts[0], all_facts[0].commune_code, None))
                continue
            j, commune, backed_by = self._verdict(mentions, signatures, me)
            if j >= 0:
                others = _others(len(mentions), me)
                backers = tuple([others[b] for b in backed_by])
                picks.append((me, all_facts[j], commune, backers))
        return picks

    def backers(self, mentions: list[Mention], signatures: Sequence[int], pick: Pick) -> list[int]:
        """The other mentions that added to the unit `pick` chose."""
        me, _, _, backers = pick
        if backers is not None:
            return list(backers)
        others = _others(len(mentions), me)
        return [others[b] for b in self._verdict(mentions, signatures, me)[2]]

    def _verdict(self, mentions: list[Mention], signatures: Sequence[int], me: int) -> Verdict:
        key = (signatures[me], *signatures[:me], *signatures[me + 1 :])
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = _read(mentions[me], self.gains(mentions, signatures, me))
            remember(self._verdicts, key, verdict, _CACHE_SIZE)
        return verdict

    def gains(self, mentions: list[Mention], signatures: Sequence[int], me: int) -> list[Gains]:
        """What each other mention, in order, adds to each candidate unit of mention `me`."""
        cache = self._gains
        mine = mentions[me].candidates
        found = []
        for k in _others(len(mentions), me):
            if mentions[k].key == mentions[me].key:
                # The same name twice ("Tân Châu" in the place field, "phường Tân Châu" in the
                # text) is one place said twice, not a district backing a commune under it.
                found.append(tuple(0.0 for _ in mine.facts))
                continue
            key = (mine.signatures[0], signatures[k])
            known = cache.get(key)
            if known is None:
                other = mentions[k]
                strong, profile = other.strong, other.candidates.profile
                known = tuple([_gained(facts, strong, profile) for facts in mine.facts])
                remember(cache, key, known, _CACHE_SIZE)
            found.append(known)
        return found


def _others(n: int, me: int) -> range | list[int]:
    """The positions of the mentions other than `me`, in order."""
    return range(1, n) if me == 0 else [k for k in range(n) if k != me]


def _read(mention: Mention, gains: list[Gains]) -> Verdict:
    """`gains` holds what each other mention, in order, adds to each candidate unit."""
    candidates = mention.candidates
    all_facts = candidates.facts
    # Each score is its unit's base plus what the others add, summed in text order (as `sum`
    # does, from 0): equal evidence gives equal floats.
    scores = list(map(sum, zip(candidates.bases, *gains, strict=True)))
    best = max(scores)
    if not mention.strong and best < _NEEDED_BY_WEAK:
        return _NONE
    if len(all_facts) == 1:
        best_j, commune = 0, all_facts[0].commune_code
    else:
        top = [j for j, score in enumerate(scores) if score >= best - 1e-9]
        if len(top) > 1 and len({all_facts[j].province_code for j in top}) != 1:
            current = [j for j in top if not all_facts[j].is_legacy]
            if len(current) != 1:
                return _NONE  # still ambiguous between provinces: better none than a wrong one
            top = current  # the one unit of today's map with that name beats former ones
        best_j = max(top, key=candidates.preferences.__getitem__)  # the first of the best
        chosen = all_facts[best_j]
        level = chosen.unit.level
        same_level = {all_facts[j].commune_code for j in top if all_facts[j].unit.level is level}
        commune = chosen.commune_code if len(same_level) == 1 else ""
    backed_by = tuple([b for b, gained in enumerate(gains) if gained[best_j]])
    return best_j, commune, backed_by


_NONE: Verdict = (-1, "", ())
