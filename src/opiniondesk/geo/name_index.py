"""The dictionary the matcher looks names up in: folded token n-gram → the units it may name.

One dict lookup per n-gram replaces thousands of regular expressions; a set of key prefixes
lets the scan stop extending an n-gram as soon as no name can start that way.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from opiniondesk.geo.aliases import CAPITALS_ONLY, NOT_PLACES
from opiniondesk.geo.fold import WORD_RE, nfc
from opiniondesk.geo.fold import key as fold_key
from opiniondesk.geo.gazetteer import Gazetteer
from opiniondesk.geo.unit import Unit
from opiniondesk.storage.models import UnitLevel

_PROVINCE_LEVELS = frozenset({UnitLevel.province, UnitLevel.legacy_province})


@dataclass(frozen=True, slots=True)
class NameEntry:
    """One way of writing one unit's name. `accented` holds the lower-case syllables with
    diacritics when the spelling has any (text with diacritics must agree with them);
    `unit` is None for a phrase that only looks like a place ("Thái Bình Dương")."""

    unit: Unit | None
    accented: tuple[str, ...] | None
    is_alias: bool
    capitals_only: bool


class NameIndex:
    def __init__(self, gazetteer: Gazetteer) -> None:
        entries: dict[str, list[NameEntry]] = defaultdict(list)
        for unit in gazetteer.iter_units():
            accented_keys: set[str] = set()
            spellings = (unit.short_name, *unit.aliases)
            for position, spelling in enumerate(dict.fromkeys(spellings)):
                key = fold_key(spelling)
                entry = _entry(unit, spelling, key, is_alias=position > 0)
                # "can tho" adds nothing to "Cần Thơ" but would let "cần thở" through
                if not key or (entry.accented is None and key in accented_keys):
                    continue
                if entry.accented is not None:
                    accented_keys.add(key)
                entries[key].append(entry)
            number = _number_name(unit)
            if number:  # "Phường 3" is also written "P.3", "P3": index the number itself
                entries[number].append(_entry(unit, number, number, is_alias=True))
        for phrase in NOT_PLACES:
            entries[fold_key(phrase)].append(_entry(None, phrase, fold_key(phrase), False))
        self.entries: dict[str, tuple[NameEntry, ...]] = {
            k: tuple(_dedupe(v)) for k, v in entries.items()
        }
        self.not_place_keys = frozenset(
            k for k, v in self.entries.items() if any(e.unit is None for e in v)
        )
        self.province_keys = frozenset(
            k
            for k, v in self.entries.items()
            if any(e.unit is not None and e.unit.level in _PROVINCE_LEVELS for e in v)
        )
        prefixes: set[str] = set()
        for key in self.entries:
            words = key.split(" ")
            prefixes.update(" ".join(words[:n]) for n in range(1, len(words)))
        self.prefixes = frozenset(prefixes)
        # A token may start a name if it is a whole one-token name or the start of a longer one.
        self.starts = frozenset(k.split(" ", 1)[0] for k in self.entries)

    def lookup(self, key: str) -> tuple[NameEntry, ...]:
        return self.entries.get(key, ())


def _number_name(unit: Unit) -> str | None:
    """The package names numbered units with their type ("Quận 1", "Phường 3")."""
    words = fold_key(unit.short_name).split(" ")
    kind = fold_key(unit.unit_type).split(" ")
    if len(words) == len(kind) + 1 and words[:-1] == kind and words[-1].isdigit():
        return words[-1]
    return None


def _entry(unit: Unit | None, spelling: str, key: str, is_alias: bool) -> NameEntry:
    words = tuple(w.lower() for w in WORD_RE.findall(nfc(spelling)))
    accented = words if any(not w.isascii() for w in words) else None
    return NameEntry(unit, accented, is_alias, capitals_only=key in CAPITALS_ONLY)


def _dedupe(entries: list[NameEntry]) -> list[NameEntry]:
    """Keep one entry per (unit, accents); the canonical name wins over an alias."""
    seen: set[tuple[int, tuple[str, ...] | None]] = set()
    kept: list[NameEntry] = []
    for entry in entries:
        mark = (id(entry.unit), entry.accented)
        if mark not in seen:
            seen.add(mark)
            kept.append(entry)
    return kept
