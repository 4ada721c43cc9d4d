"""The content model: draws one document after another, shared by the corpus and the stream.

A document is a repost of a recent one (≈5%), part of a planted emerging issue, part of a
dated event burst, or an everyday utterance; then it is written in its channel's voice and
typed the way people type (no diacritics, teencode, personal data).
"""

from __future__ import annotations

import bisect
import random
from collections import deque
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import accumulate

from opiniondesk.demo import frames as F
from opiniondesk.demo.channels import CHANNELS, PAGE_POST_SHARE, ChannelSpec
from opiniondesk.demo.compose import COMMENT, ITEM, POST, compose, compose_english
from opiniondesk.demo.pii import full_name, pii_sentence
from opiniondesk.demo.places import NEW_FORMS, DemoPlace, demo_places, place_by_key
from opiniondesk.demo.planted import PLANTED, PlantedSpec
from opiniondesk.demo.style import repost, strip_diacritics, teencode
from opiniondesk.demo.timeline import BURSTS, Burst, Timeline
from opiniondesk.demo.topics import TOPIC_BY_CODE, TOPICS, TopicContent
from opiniondesk.storage.models import ChannelKind

REPOST_SHARE = 0.05
NO_PLACE_SHARE = 0.02
_REFERENCE_DOCS_PER_WEEK = 6000 / 52.18  # planted baselines are given at this volume
# what gets reposted is what circulates in public: news, page posts and comments, messages
_REPOST_SOURCES = frozenset(
    (ChannelKind.feed, ChannelKind.page_export, ChannelKind.feedback, ChannelKind.api)
)
_REPOST_TARGETS = (
    ChannelKind.page_export,
    ChannelKind.feedback,
    ChannelKind.api,
    ChannelKind.field_report,
)
_TONES = (F.NEG, F.NEU, F.POS)
_TONE_CUM: dict[str, tuple[float, ...]] = {
    "default": tuple(accumulate((0.55, 0.30, 0.15))),
    "feed": tuple(accumulate((0.35, 0.50, 0.15))),
    "planted": tuple(accumulate((0.85, 0.15, 0.0))),
}


@dataclass(slots=True)
class DemoDocument:
    index: int
    kind: ChannelKind
    role: str  # item, post, comment
    topic: str
    issue: str
    tone: str
    place: DemoPlace | None
    published_at: datetime  # Asia/Ho_Chi_Minh (+07:00)
    title: str | None
    text: str
    author: str | None
    location: str | None
    english: bool = False
    no_diacritics: bool = False
    teencode: bool = False
    pii: tuple[str, ...] = ()
    repost_of: int | None = None
    planted: str | None = None
    burst: str | None = None


@dataclass(slots=True)
class _Source:
    """A non-everyday source of documents and its share of all documents.

    Sources are scheduled systematically (an accumulator per source, not a dice roll per
    document) so a planted issue has its intended size even in a small corpus.
    """

    rate: float
    what: str  # repost, planted_before, planted_window, burst
    planted: PlantedSpec | None = None
    burst: Burst | None = None
    first: int = 0
    last: int = 0
    due: float = 0.0


@dataclass(frozen=True, slots=True)
class _Draw:
    """What to write about before it is written: topic, issue, place, day, channel."""

    topic: TopicContent
    issue: str
    place: DemoPlace | None
    day: int
    spec: ChannelSpec
    planted: str | None = None
    burst: str | None = None


class DocumentSampler:
    """Deterministic for (seed, end, months): draws documents one at a time."""

    def __init__(self, rng: random.Random, *, end: date, months: int) -> None:
        self.rng = rng
        self.timeline = Timeline(end, months, rng)
        self._last = self.timeline.last_moment()
        self.places = demo_places()
        self._place_cum = list(accumulate(p.weight for p in self.places))
        self._channel_cum = list(accumulate(c.share for c in CHANNELS))
        self._topic_cum = {
            m: list(accumulate(t.weight * (1.8 if m in t.peak_months else 1.0) for t in TOPICS))
            for m in range(1, 13)
        }
        self._recent: deque[DemoDocument] = deque(maxlen=3000)
        self._count = 0
        self._sources = self._plan_sources()

    # -- what each document is about -------------------------------------------------------

    def _plan_sources(self) -> list[_Source]:
        """The non-everyday sources: reposts, planted issues (before / in the window), bursts."""
        tl, rng = self.timeline, self.rng
        weeks_total = len(tl.days) / 7
        last = len(tl.days) - 1
        plan = [_Source(REPOST_SHARE, "repost")]
        for spec in PLANTED:
            first = max(last - spec.window_days + 1, 1)
            base = spec.baseline_per_week / _REFERENCE_DOCS_PER_WEEK  # share of a week's volume
            plan.append(
                _Source(
                    base * (first / 7) / weeks_total, "planted_before", spec, None, 0, first - 1
                )
            )
            plan.append(
                _Source(
                    base * spec.multiplier * ((last - first + 1) / 7) / weeks_total,
                    "planted_window",
                    spec,
                    None,
                    first,
                    last,
                )
            )
        for burst in BURSTS:
            days = tl.burst_days(burst)
            if days is not None:
                plan.append(_Source(burst.share, "burst", None, burst, days[0], days[1]))
        for source in plan:
            source.due = rng.random()  # a random phase, then one document every 1/rate
        return plan

    def _place(self) -> DemoPlace:
        i = bisect.bisect_left(self._place_cum, self.rng.random() * self._place_cum[-1])
        return self.places[i]

    def _channel(self) -> ChannelSpec:
        i = bisect.bisect_left(self._channel_cum, self.rng.random() * self._channel_cum[-1])
        return CHANNELS[i]

    def _everyday(self) -> _Draw:
        rng = self.rng
        day = self.timeline.sample_day(rng)
        cum = self._topic_cum[self.timeline.days[day].month]
        topic = TOPICS[bisect.bisect_left(cum, rng.random() * cum[-1])]
        place = None if rng.random() < NO_PLACE_SHARE else self._place()
        return _Draw(topic, rng.choice(topic.issues), place, day, self._channel())

    def _planted(self, spec: PlantedSpec, first: int, last: int, rising: bool) -> _Draw:
        day = self.timeline.day_between(self.rng, first, last, rising=rising)
        place = place_by_key(spec.commune, spec.province_short)
        return _Draw(
            TOPIC_BY_CODE[spec.topic],
            self.rng.choice(spec.issues),
            place,
            day,
            self._channel(),
            planted=spec.code,
        )

    def _burst(self, burst: Burst, first: int, last: int) -> _Draw:
        rng = self.rng
        span = last - first + 1
        day = first + min(int(rng.expovariate(3 / span)), span - 1)  # fades after the event
        place = self._place()
        if burst.provinces:
            while place.province_short not in burst.provinces:
                place = self._place()
        return _Draw(
            TOPIC_BY_CODE[burst.topic],
            rng.choice(burst.issues),
            place,
            day,
            self._channel(),
            burst=burst.code,
        )

    # -- how it is written -----------------------------------------------------------------

    def _tone(self, draw: _Draw) -> str:
        key = "planted" if draw.planted else "feed" if draw.spec.kind is ChannelKind.feed else ""
        cum = _TONE_CUM.get(key, _TONE_CUM["default"])
        return _TONES[bisect.bisect_left(cum, self.rng.random() * cum[-1])]

    def _mention(self, place: DemoPlace | None, kind: ChannelKind) -> str | None:
        if place is None:
            return None
        rng, m = self.rng, place.mentions
        if kind is ChannelKind.feed or rng.random() < 0.5:
            return m[rng.randrange(4 if kind is ChannelKind.feed else NEW_FORMS)]
        return rng.choice(m[NEW_FORMS:]) if len(m) > NEW_FORMS else m[0]

    def _author(self, kind: ChannelKind, role: str, place: DemoPlace | None) -> str | None:
        rng = self.rng
        if kind is ChannelKind.field_report:
            prov = place.province_code if place else "00"
            return f"CTV-{prov}-{rng.randrange(1, 80):03d}"
        if kind is ChannelKind.survey:
            return f"HGD-{rng.randrange(1, 2500):04d}"
        if kind is ChannelKind.api:
            return f"zalo:{rng.getrandbits(32):08x}" if rng.random() < 0.7 else None
        if kind is ChannelKind.page_export:
            return None if role == POST else full_name(rng)
        if kind in (ChannelKind.feedback, ChannelKind.dialogue):
            return full_name(rng) if rng.random() < 0.5 else None
        return None

    def _write(self, draw: _Draw) -> DemoDocument:
        rng, spec, kind = self.rng, draw.spec, draw.spec.kind
        role = ITEM
        if kind is ChannelKind.page_export:
            role = POST if rng.random() < PAGE_POST_SHARE else COMMENT
        casual = role != POST and kind is not ChannelKind.feed
        tone = self._tone(draw)
        english = casual and not draw.planted and rng.random() < spec.p_english
        title: str | None
        if english:
            title, text = (
                None,
                compose_english(rng, draw.topic, draw.place.ascii_name if draw.place else None),
            )
        else:
            mention = None if kind is ChannelKind.survey else self._mention(draw.place, kind)
            title, text = compose(
                rng,
                kind,
                role,
                draw.topic,
                draw.issue,
                tone,
                mention,
                planted=draw.planted is not None,
            )
        location = None
        if draw.place is not None and rng.random() < spec.p_location:
            location = self._mention(draw.place, kind)
        doc = DemoDocument(
            index=self._count,
            kind=kind,
            role=role,
            topic=draw.topic.code,
            issue=draw.issue,
            tone=tone,
            place=draw.place,
            published_at=self.timeline.stamp(rng, draw.day),
            title=title,
            text=text,
            author=self._author(kind, role, draw.place),
            location=location,
            english=english,
            planted=draw.planted,
            burst=draw.burst,
        )
        if casual:
            self._type_like_people(doc, spec)
        return doc

    def _type_like_people(self, doc: DemoDocument, spec: ChannelSpec) -> None:
        rng = self.rng
        if rng.random() < spec.p_pii:
            found = [pii_sentence(rng) for _ in range(1 if rng.random() < 0.75 else 2)]
            doc.text = " ".join([doc.text, *(s for s, _ in found)])
            doc.pii = tuple(k for _, k in found)
        if doc.english:
            return
        if rng.random() < spec.p_no_diacritics:
            doc.text = strip_diacritics(doc.text)
            doc.title = strip_diacritics(doc.title) if doc.title else doc.title
            doc.no_diacritics = True
        if rng.random() < spec.p_teencode:
            doc.text = teencode(doc.text, rng)
            doc.teencode = True

    def _repost(self) -> DemoDocument:
        rng = self.rng
        src = rng.choice(self._recent)
        kind = rng.choice([k for k in _REPOST_TARGETS if k is not src.kind])
        text = f"{src.title}. {src.text}" if src.kind is ChannelKind.feed else src.text
        delay = timedelta(seconds=int(rng.expovariate(1 / 36_000)))  # hours to a day or two
        when = min(src.published_at + delay, self._last)
        text, title = repost(text, rng), None
        location = src.location if kind is not ChannelKind.page_export else None
        if kind is ChannelKind.field_report:  # a collaborator passes on what circulates online
            text, title = f"Trên mạng xã hội lan truyền nội dung: “{text}”", "Thông tin lan truyền"
            location = self._mention(src.place, kind)
        return DemoDocument(
            index=self._count,
            kind=kind,
            role=COMMENT if kind is ChannelKind.page_export else ITEM,
            topic=src.topic,
            issue=src.issue,
            tone=src.tone,
            place=src.place,
            published_at=when,
            title=title,
            text=text,
            author=self._author(kind, ITEM, src.place),
            location=location,
            english=src.english,
            no_diacritics=src.no_diacritics,
            teencode=src.teencode,
            pii=src.pii,
            repost_of=src.index,
            planted=src.planted,
            burst=src.burst,
        )

    # -- the loop ----------------------------------------------------------------------------

    def next(self) -> DemoDocument:
        chosen: _Source | None = None
        for source in self._sources:
            source.due += source.rate
            if chosen is None and source.due >= 1 and (source.what != "repost" or self._recent):
                source.due -= 1
                chosen = source
        if chosen is None:
            doc = self._write(self._everyday())
        elif chosen.what == "repost":
            doc = self._repost()
        elif chosen.burst is not None:
            doc = self._write(self._burst(chosen.burst, chosen.first, chosen.last))
        else:
            assert chosen.planted is not None
            rising = chosen.what == "planted_window"
            doc = self._write(self._planted(chosen.planted, chosen.first, chosen.last, rising))
        self._count += 1
        if doc.kind in _REPOST_SOURCES:
            self._recent.append(doc)
        return doc
