"""Finding candidate place mentions in one text: token n-grams looked up in the name index.

The scan works on folded tokens; the original words (accents, capitals) are only read for the
spans that hit the index. Each mention keeps the units it may name and whether it counts on
its own ("strong": a marker, a province name, a field meant for places) or only when other
places in the text agree with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from opiniondesk.geo.aliases import (
    COMMON_WORD_NAMES,
    CONFUSABLE_PROVINCES,
    LOCATIVE_CUES,
    NATURAL_FEATURES,
    NOT_A_PROVINCE_BEFORE,
    NOT_A_UNIT_BEFORE,
    NOT_A_UNIT_BEFORE_PLAIN,
    PERSON_TITLES,
)
from opiniondesk.geo.doc import Doc
from opiniondesk.geo.fold import accents_agree, normalise_number
from opiniondesk.geo.markers import COMPATIBLE_LEVELS, MARKER_STARTS, MARKERS, Marker
from opiniondesk.geo.name_index import NameEntry, NameIndex
from opiniondesk.geo.unit import Unit
from opiniondesk.storage.models import UnitLevel

_PROVINCE_LEVELS = frozenset({UnitLevel.province, UnitLevel.legacy_province})
_COMMUNE_LEVELS = frozenset({UnitLevel.commune, UnitLevel.legacy_commune})
_URBAN = frozenset({"Quận", "Thành phố", "Thị xã"})
_MEMO_SIZE = 50_000

Readable = tuple[list[Unit], frozenset[int]]
# "Hà Nội và Thái Bình", "huyện Lạc Sơn, Hòa Bình", "(Hòa Bình)": the second follows the first
_JOINERS = frozenset({"va", "hoac", ",", "("})


@dataclass(slots=True)
class Mention:
    """A span of tokens that may name a unit. `units` are the readings still possible."""

    start: int  # first token of the name (after the marker)
    end: int  # one past the last token
    marker_start: int  # first token of the marker, == start without one
    key: str
    units: list[Unit]
    marker: Marker | None
    strong: bool
    in_hint: bool
    # units read only through an older or informal name ("An Hòa" for today's "An Phước")
    by_alias: frozenset[int] = frozenset()
    doc: Doc | None = None

    def location(self) -> tuple[int, int, str]:
        """Character offsets (in the NFC text) and the words as written, marker included."""
        if self.doc is None:
            return 0, 0, ""
        start = self.doc.span(self.marker_start)[0]
        end = self.doc.span(self.end - 1)[1]
        return start, end, self.doc.text[start:end]


class Spotter:
    def __init__(self, index: NameIndex) -> None:
        self.index = index
        self._worth_a_look = index.starts | MARKER_STARTS
        # The same few names recur in a stream ("Hà Nội", "TP.HCM"): remember their readings.
        self._readings: dict[tuple[str, tuple[str, ...], bool], Readable] = {}

    def scan(self, text: str, *, in_hint: bool = False) -> list[Mention]:
        doc = Doc(text)
        tokens = doc.tokens
        starts, entries, prefixes = self.index.starts, self.index.entries, self.index.prefixes
        mentions: list[Mention] = []
        i, n = 0, len(tokens)
        worth_a_look = self._worth_a_look
        while i < n:
            token = tokens[i]
            if token not in worth_a_look:  # most words: one set lookup and on
                i += 1
                continue
            if token in MARKER_STARTS:
                marked = self._marked(doc, i, mentions, in_hint)
                if marked is not None:
                    marked.doc = doc
                    mentions.append(marked)
                    i = marked.end
                    continue
            if token not in starts:
                i += 1
                continue
            # Longest name starting here, inlined: this loop is the matcher's hot path.
            key, end = (token, i + 1) if token in entries else ("", i)
            current, j = token, i + 1
            while j < n and current in prefixes:
                current = f"{current} {tokens[j]}"
                j += 1
                if current in entries:
                    key, end = current, j
            if not key:
                i += 1
                continue
            if key in self.index.not_place_keys and self._not_a_place(doc, i, end, key):
                i = end  # "Thái Bình Dương": none of its words is a place
                continue
            bare = self._bare(doc, i, end, key, mentions, in_hint)
            if bare is None:
                i += 1  # "dân phường Tuy Hòa": a rejected "Đan Phượng" must not hide "phường"
                continue
            bare.doc = doc
            mentions.append(bare)
            i = end
        return mentions

    def _longest(self, tokens: list[str], i: int) -> tuple[int, str] | None:
        """The longest name at token `i`, numbers read without leading zeros ("P.01")."""
        entries, prefixes = self.index.entries, self.index.prefixes
        current = normalise_number(tokens[i])
        found = (i + 1, current) if current in entries else None
        j = i + 1
        while j < len(tokens) and current in prefixes:
            current = f"{current} {normalise_number(tokens[j])}"
            j += 1
            if current in entries:
                found = (j, current)
        return found

    def _marker_at(self, doc: Doc, i: int) -> tuple[Marker, int] | None:
        tokens = doc.tokens
        for length in (2, 1):
            marker = MARKERS.get(tuple(tokens[i : i + length]))
            if marker is None or i + length > len(tokens):
                continue
            written = doc.lower(i, i + length)
            if marker.accented and not all(map(accents_agree, written, marker.accented)):
                continue
            if marker.needs_signal and not self._abbreviation_signalled(doc, i + length - 1):
                continue
            if i + length < len(tokens) and tokens[i + length] == ".":
                length += 1  # "TP.", "Q.", "P." : the name starts after the dot
            return marker, length
        return None

    @staticmethod
    def _abbreviation_signalled(doc: Doc, i: int) -> bool:
        """ "Q.1", "Q1", "P. Bến Nghé", "H.Củ Chi": a dot, a glued number or a capital."""
        if doc.words[i].isupper():
            return True
        following = doc.tokens[i + 1] if i + 1 < len(doc.tokens) else ""
        if following == ".":
            return True
        return following.isdigit() and doc.span(i + 1)[0] == doc.span(i)[1]

    def _marked(self, doc: Doc, i: int, mentions: list[Mention], in_hint: bool) -> Mention | None:
        found_marker = self._marker_at(doc, i)
        if found_marker is None:
            return None
        marker, length = found_marker
        name_start = i + length
        if name_start >= len(doc.tokens):
            return None
        found = self._longest(doc.tokens, name_start)
        if found is None:
            return None
        end, key = found
        allowed = COMPATIBLE_LEVELS[marker.kind]
        readable, by_alias = self._readable_units(doc, name_start, end, key)
        units = [u for u in readable if u.level in allowed]
        if not units:
            return None
        return Mention(name_start, end, i, key, units, marker, True, in_hint, by_alias)

    def _readable_units(
        self, doc: Doc, start: int, end: int, key: str
    ) -> tuple[list[Unit], frozenset[int]]:
        """Units whose spelling agrees with the accents and capitals actually written, and
        (as ids) those of them read only through an alias."""
        written = tuple(doc.lower(start, end))
        capitals = all(w.isupper() for w in doc.words[start:end])
        memo = (key, written, capitals)
        known = self._readings.get(memo)
        if known is not None:
            return known
        canonical: dict[int, Unit] = {}
        aliased: dict[int, Unit] = {}
        for entry in self.index.lookup(key):
            if entry.unit is not None and _agrees(entry, written, capitals):
                (aliased if entry.is_alias else canonical)[id(entry.unit)] = entry.unit
        readable = (
            list({**canonical, **aliased}.values()),
            frozenset(aliased.keys() - canonical.keys()),
        )
        if len(self._readings) >= _MEMO_SIZE:
            self._readings.clear()
        self._readings[memo] = readable
        return readable

    def _bare(
        self, doc: Doc, start: int, end: int, key: str, mentions: list[Mention], in_hint: bool
    ) -> Mention | None:
        if (
            not in_hint
            and key not in self.index.province_keys
            and not self._may_be_unit(doc, start, end, key)
        ):
            return None  # cheap checks first: most hits are ordinary words
        units, by_alias = self._readable_units(doc, start, end, key)
        if not units:
            return None
        provinces = [u for u in units if u.level in _PROVINCE_LEVELS]
        if provinces:
            if in_hint or self._province_counts(doc, start, end, key, mentions):
                return Mention(start, end, start, key, provinces, None, True, in_hint, by_alias)
            return None
        if in_hint:
            larger = _prefer_larger(units)
            return Mention(start, end, start, key, larger, None, True, True, by_alias)
        if not self._may_be_unit(doc, start, end, key):
            return None
        districts = [u for u in units if u.level is UnitLevel.legacy_district]
        if districts:
            alone = key not in COMMON_WORD_NAMES and _stands_alone(districts, units)
            return Mention(start, end, start, key, districts, None, alone, False, by_alias)
        communes = [u for u in units if u.level in _COMMUNE_LEVELS]
        if not communes or doc.word_before(start) in NATURAL_FEATURES:
            return None
        return Mention(start, end, start, key, communes, None, False, False, by_alias)

    @staticmethod
    def _province_counts(doc: Doc, start: int, end: int, key: str, mentions: list[Mention]) -> bool:
        before = doc.word_before(start)
        if before in NOT_A_PROVINCE_BEFORE or before == "duong":
            return False  # "Xa lộ Hà Nội", "phố Huế", "đường Thái Bình"
        rule = CONFUSABLE_PROVINCES.get(key)
        if rule is None:
            return True
        if before in PERSON_TITLES:
            return False  # "anh Bình Định" is a man
        follows = _follows(mentions, start, doc.tokens)
        cue = before in LOCATIVE_CUES
        title = doc.title_case(start, end)
        if rule == "cue":
            return cue or follows
        if rule == "title":
            # "bàn về hòa bình" is about peace; "ở Hòa Bình" or "ở hoa binh" is a place
            return title or follows or (cue and doc.all_lower)
        accented = any(not w.isascii() for w in doc.words[start:end])
        return accented or cue or title or follows

    def _not_a_place(self, doc: Doc, start: int, end: int, key: str) -> bool:
        written = doc.lower(start, end)
        return any(e.unit is None and _agrees(e, written, False) for e in self.index.lookup(key))

    def _may_be_unit(self, doc: Doc, start: int, end: int, key: str) -> bool:
        """A bare commune or district name: two syllables or more, capitalised (or the whole
        text is lower case and the name is no common word), not after "đường", "thôn"..."""
        if end - start < 2 or key[0].isdigit() or self._blocked(doc, start):
            return False
        return doc.title_case(start, end) or (doc.all_lower and key not in COMMON_WORD_NAMES)

    @staticmethod
    def _blocked(doc: Doc, start: int) -> bool:
        before = doc.word_before(start)
        if before.isascii():
            return before in NOT_A_UNIT_BEFORE_PLAIN
        return before in NOT_A_UNIT_BEFORE or before in PERSON_TITLES


def _agrees(entry: NameEntry, written: Sequence[str], capitals: bool) -> bool:
    if entry.capitals_only and not capitals:
        return False
    if entry.accented is None or len(entry.accented) != len(written):
        return True
    return all(map(accents_agree, written, entry.accented))


def _follows(mentions: list[Mention], start: int, tokens: list[str]) -> bool:
    """Right after another place ("huyện Lạc Sơn, Hòa Bình"), maybe joined by "và"."""
    if not mentions:
        return False
    last = mentions[-1].end
    return last == start or (last == start - 1 and tokens[start - 1] in _JOINERS)


def _stands_alone(districts: list[Unit], units: list[Unit]) -> bool:
    """A distinctive former district ("Củ Chi", "Hóc Môn", "Hội An") names its province by
    itself. A former commune of that name elsewhere is too small to compete with it, and so is
    a rural commune (xã) when the district was a town or city ("Hội An" is not xã Hội An)."""
    urban = any(d.unit_type in _URBAN for d in districts)
    rivals = {
        u.province_code
        for u in units
        if u.level is not UnitLevel.legacy_commune and not (urban and u.unit_type == "Xã")
    }
    return len(rivals) == 1


def _prefer_larger(units: list[Unit]) -> list[Unit]:
    """In a place field a bare name most likely means the largest unit of that name."""
    for levels in (
        frozenset({UnitLevel.legacy_district}),
        _COMMUNE_LEVELS,
    ):
        chosen = [u for u in units if u.level in levels]
        if chosen:
            return chosen
    return units
