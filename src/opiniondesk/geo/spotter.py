"""Finding candidate place mentions in one text: token n-grams looked up in the name index.

The scan works on folded tokens; the original words (accents, capitals) are only read for the
spans that hit the index. Each mention keeps the units it may name and whether it counts on
its own ("strong": a marker, a province name, a field meant for places) or only when other
places in the text agree with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice

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
from opiniondesk.geo.candidates import Candidates, make_candidates
from opiniondesk.geo.doc import Doc
from opiniondesk.geo.fold import accents_agree, normalise_number
from opiniondesk.geo.markers import COMPATIBLE_LEVELS, MARKER_STARTS, MARKERS, Marker
from opiniondesk.geo.name_index import NameEntry, NameIndex
from opiniondesk.geo.unit import Unit
from opiniondesk.storage.models import UnitLevel

_PROVINCE_LEVELS = frozenset({UnitLevel.province, UnitLevel.legacy_province})
_COMMUNE_LEVELS = frozenset({UnitLevel.commune, UnitLevel.legacy_commune})
_DISTRICT_LEVELS = frozenset({UnitLevel.legacy_district})
_URBAN = frozenset({"Quận", "Thành phố", "Thị xã"})
_MEMO_SIZE = 50_000
_NO_FOLLOWER: frozenset[str] = frozenset()
_UNSEEN = object()

# "Hà Nội và Thái Bình", "huyện Lạc Sơn, Hòa Bình", "(Hòa Bình)": the second follows the first
_JOINERS = frozenset({"va", "hoac", ",", "("})


class _Readable:
    """The units a name may stand for as written (accents, capitals), and (as ids) those read
    only through an alias; `filtered` keeps the `Candidates` each context narrows them to."""

    __slots__ = ("by_alias", "filtered", "units")

    def __init__(self, units: list[Unit], by_alias: frozenset[int]) -> None:
        self.units = units
        self.by_alias = by_alias
        self.filtered: dict[str, Candidates | None] = {}


@dataclass(slots=True)
class Mention:
    """A span of tokens that may name a unit. `candidates` are the readings still possible."""

    start: int  # first token of the name (after the marker)
    end: int  # one past the last token
    marker_start: int  # first token of the marker, == start without one
    key: str
    candidates: Candidates
    marker: Marker | None
    strong: bool
    in_hint: bool
    doc: Doc | None = None  # the text it was found in


class Spotter:
    """Finds the mentions in one text (or place field) at a time, remembering across texts
    what the names and markers it meets read as."""

    def __init__(self, index: NameIndex) -> None:
        self.index = index
        # Most tokens begin some name ("tan", "an", "binh"...), but few begin one together with
        # the token after them: a token is worth a closer look only if it is a marker or a
        # whole name by itself, or the pair it starts begins a longer name; the full
        # longest-match walk finds nothing anywhere else. Free text takes a bare one-token name
        # only as a province ("HN", "Hanoi"): `_may_be_unit` wants two words or more.
        singles = {k for k in index.entries if " " not in k}
        self._alone_in_hint = frozenset(singles | MARKER_STARTS)
        self._alone_in_text = frozenset(
            {k for k in singles if k in index.province_keys or k in index.not_place_keys}
            | MARKER_STARTS
        )
        followers: dict[str, set[str]] = {}
        for key in index.entries:
            words = key.split(" ")
            if len(words) > 1:
                followers.setdefault(words[0], set()).add(words[1])
        self._followers = {first: frozenset(seconds) for first, seconds in followers.items()}
        # The same few names recur in a stream ("Hà Nội", "TP.HCM"), written the same few
        # ways: remember, by the text as written, what each marker and name reads as.
        self._readings: dict[tuple[str, str], _Readable] = {}
        self._markers: dict[str, tuple[Marker, int] | None] = {}
        self._marked_names: dict[str, Candidates | None] = {}

    def scan(self, text: str, *, in_hint: bool = False) -> list[Mention]:
        doc = Doc(text)
        tokens = doc.tokens
        if not tokens:
            return []
        alone = self._alone_in_hint if in_hint else self._alone_in_text
        follows = self._followers.get
        # (the last token has no pair: `zip` stops before it, and only `alone` can take it)
        worth_a_look = [
            i
            for i, (token, after) in enumerate(zip(tokens, islice(tokens, 1, None), strict=False))
            if token in alone or after in follows(token, _NO_FOLLOWER)
        ]
        if tokens[-1] in alone:
            worth_a_look.append(len(tokens) - 1)
        if not worth_a_look:
            return []  # no name can start anywhere: most texts without a place
        starts, entries, prefixes = self.index.starts, self.index.entries, self.index.prefixes
        not_place_keys, province_keys = self.index.not_place_keys, self.index.province_keys
        written, bounds = doc.text, doc.bounds
        mentions: list[Mention] = []
        n = len(tokens)
        free = 0  # tokens before this one are taken by a mention already found
        for i in worth_a_look:
            if i < free:
                continue
            token = tokens[i]
            if token in MARKER_STARTS:
                marked = self._marked(doc, i, in_hint)
                if marked is not None:
                    mentions.append(marked)
                    free = marked.end
                    continue
                if token not in starts:
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
                continue
            if key in not_place_keys and self._not_a_place(doc, i, end, key):
                free = end  # "Thái Bình Dương": none of its words is a place
                continue
            # A bare commune or district name must be capitalised (unless the whole text is
            # lower case): a small first letter settles most ordinary words right here ("giá
            # điện", "dịch vụ công"), as `_may_be_unit` would after more work.
            capitalised = written[bounds[2 * i]].isupper()
            if not (in_hint or key in province_keys or capitalised or doc.all_lower):
                continue
            bare = self._bare(doc, i, end, key, mentions, in_hint)
            if bare is None:
                continue  # "dân phường Tuy Hòa": a rejected "Đan Phượng" must not hide "phường"
            mentions.append(bare)
            free = end
        return mentions

    def _longest(self, tokens: list[str], i: int) -> tuple[int, str] | None:
        """The longest name at token `i`, numbers read without leading zeros ("P.01")."""
        entries, prefixes = self.index.entries, self.index.prefixes
        current = normalise_number(tokens[i])
        found = (i + 1, current) if current in entries else None
        j, n = i + 1, len(tokens)
        while j < n and current in prefixes:
            current = f"{current} {normalise_number(tokens[j])}"
            j += 1
            if current in entries:
                found = (j, current)
        return found

    def _read_marker(self, doc: Doc, i: int) -> tuple[Marker, int] | None:
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
        if doc.word(i).isupper():
            return True
        following = doc.tokens[i + 1] if i + 1 < len(doc.tokens) else ""
        if following == ".":
            return True
        return following.isdigit() and doc.glued(i + 1)

    def _marked(self, doc: Doc, i: int, in_hint: bool) -> Mention | None:
        tokens = doc.tokens
        n = len(tokens)
        # What a marker reads as depends on its tokens and the one after (a dot, a glued
        # number): the text from token i to token i + 2 as written settles it.
        window = doc.raw(i, i + 3 if i + 3 < n else n)
        found_marker = self._markers.get(window, _UNSEEN)
        if found_marker is _UNSEEN:
            found_marker = self._read_marker(doc, i)
            if len(self._markers) >= _MEMO_SIZE:
                self._markers.clear()
            self._markers[window] = found_marker
        if found_marker is None:
            return None
        assert isinstance(found_marker, tuple)
        marker, length = found_marker
        name_start = i + length
        if name_start >= n:
            return None
        found = self._longest(tokens, name_start)
        if found is None:
            return None
        end, key = found
        # Marker and name as written settle the candidates (the marker read the same way).
        written = doc.raw(i, end)
        candidates = self._marked_names.get(written, _UNSEEN)
        if candidates is _UNSEEN:
            readable = self._readable(doc, name_start, end, key)
            allowed = COMPATIBLE_LEVELS[marker.kind]
            # The unit type names the marker kind, so it alone tells the filters apart.
            candidates = _narrowed(readable, marker.unit_type, allowed, marker.unit_type)
            if len(self._marked_names) >= _MEMO_SIZE:
                self._marked_names.clear()
            self._marked_names[written] = candidates
        if candidates is None:
            return None
        assert isinstance(candidates, Candidates)
        return Mention(name_start, end, i, key, candidates, marker, True, in_hint, doc)

    def _readable(self, doc: Doc, start: int, end: int, key: str) -> _Readable:
        """Units whose spelling agrees with the accents and capitals actually written, and
        (as ids) those of them read only through an alias."""
        # The words as written settle accents and capitals; the key stays in the memo's key
        # because a marked name reads "01" as "1" and a bare one does not.
        memo = (key, doc.raw(start, end))
        known = self._readings.get(memo)
        if known is not None:
            return known
        words = doc.words(start, end)
        written = tuple([w.lower() for w in words])
        capitals = all(w.isupper() for w in words)
        canonical: dict[int, Unit] = {}
        aliased: dict[int, Unit] = {}
        for entry in self.index.lookup(key):
            if entry.unit is not None and _agrees(entry, written, capitals):
                (aliased if entry.is_alias else canonical)[id(entry.unit)] = entry.unit
        readable = _Readable(
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
        may_be_unit: bool | None = None  # worked out once, when first needed
        if not in_hint and key not in self.index.province_keys:
            may_be_unit = self._may_be_unit(doc, start, end, key)
            if not may_be_unit:
                return None  # cheap checks first: most hits are ordinary words
        readable = self._readable(doc, start, end, key)
        if not readable.units:
            return None
        provinces = _narrowed(readable, "province", _PROVINCE_LEVELS)
        if provinces is not None:
            if in_hint or self._province_counts(doc, start, end, key, mentions):
                return Mention(start, end, start, key, provinces, None, True, in_hint, doc)
            return None
        if in_hint:
            larger = _narrowed(readable, "larger", None)
            assert larger is not None  # some units are readable, and it keeps at least them
            return Mention(start, end, start, key, larger, None, True, True, doc)
        if may_be_unit is None:
            may_be_unit = self._may_be_unit(doc, start, end, key)
        if not may_be_unit:
            return None
        districts = _narrowed(readable, "district", _DISTRICT_LEVELS)
        if districts is not None:
            alone = key not in COMMON_WORD_NAMES and _stands_alone(districts.units, readable.units)
            return Mention(start, end, start, key, districts, None, alone, False, doc)
        communes = _narrowed(readable, "commune", _COMMUNE_LEVELS)
        if communes is None or doc.word_before(start) in NATURAL_FEATURES:
            return None
        return Mention(start, end, start, key, communes, None, False, False, doc)

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
        accented = any(not w.isascii() for w in doc.words(start, end))
        return accented or cue or title or follows

    def _not_a_place(self, doc: Doc, start: int, end: int, key: str) -> bool:
        written = doc.lower(start, end)
        return any(e.unit is None and _agrees(e, written, False) for e in self.index.lookup(key))

    def _may_be_unit(self, doc: Doc, start: int, end: int, key: str) -> bool:
        """A bare commune or district name: two syllables or more, capitalised (or the whole
        text is lower case and the name is no common word), not after "đường", "thôn"..."""
        if end - start < 2 or key[0].isdigit():
            return False
        if not (doc.title_case(start, end) or (doc.all_lower and key not in COMMON_WORD_NAMES)):
            return False  # checked before the word in front: it settles most ordinary words
        return not self._blocked(doc, start)

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


def _narrowed(
    readable: _Readable,
    tag: str,
    levels: frozenset[UnitLevel] | None,
    marker_type: str | None = None,
) -> Candidates | None:
    """The readable units of `levels` (None: the largest ones, for a place field), built once
    per reading and context `tag`; None when no unit is left."""
    filtered = readable.filtered
    if tag in filtered:
        return filtered[tag]
    if levels is None:
        units = _prefer_larger(readable.units)
    else:
        units = [u for u in readable.units if u.level in levels]
    found = make_candidates(units, readable.by_alias, marker_type) if units else None
    filtered[tag] = found
    return found


def _stands_alone(districts: Sequence[Unit], units: Sequence[Unit]) -> bool:
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
