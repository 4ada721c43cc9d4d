"""Composes one utterance (title, text) in the voice of its channel from topic and frames."""

from __future__ import annotations

import random

from opiniondesk.demo import frames as F
from opiniondesk.demo.topics import TopicContent
from opiniondesk.storage.models import ChannelKind

POST, COMMENT, ITEM = "post", "comment", "item"


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _join(opener: str, body: str) -> str:
    if not opener:
        return cap(body)
    if opener.endswith((", ", " ")) and not opener.endswith((". ", ": ")):
        return opener + body
    return opener + cap(body)


def _detail(rng: random.Random, topic: TopicContent, tone: str) -> str:
    pool = topic.neg if tone == F.NEG else topic.pos if tone == F.POS else topic.neu
    return rng.choice(pool)


def _citizen(
    rng: random.Random, topic: TopicContent, issue: str, tone: str, place: str | None
) -> str:
    opener = (
        rng.choice(F.CITIZEN_OPENERS).format(place=place)
        if place
        else rng.choice(F.CITIZEN_OPENERS_NO_PLACE[tone])
    )
    parts = [_join(opener, rng.choice(F.ISSUE_FRAMES[tone]).format(issue=issue))]
    if rng.random() < 0.7:
        parts.append(_detail(rng, topic, tone))
    if tone != F.POS and rng.random() < 0.75:
        parts.append(rng.choice(topic.req))
    parts.append(rng.choice(F.CLOSINGS[tone]))
    return " ".join(p for p in parts if p)


def _comment(
    rng: random.Random, topic: TopicContent, issue: str, tone: str, place: str | None
) -> str:
    opener = rng.choice(F.COMMENT_OPENERS)
    if "{place}" in opener:
        opener = opener.format(place=place) if place else ""
    elif place and rng.random() < 0.8:
        opener = f"{opener}{cap(place) if not opener else place}: "
    body = _join(opener, rng.choice(F.ISSUE_FRAMES[tone]).format(issue=issue))
    if rng.random() < 0.5:
        body = f"{body} {_detail(rng, topic, tone)}"
    tail = rng.choice(F.COMMENT_TAILS)
    if rng.random() < 0.3:
        tail = f"{tail} {rng.choice(('😡', '😢', '🙏', '👍', '😤', '😭'))}".strip()
    return f"{body} {tail}".strip()


def _report(
    rng: random.Random, topic: TopicContent, issue: str, tone: str, place: str | None
) -> tuple[str, str]:
    where = place or "địa bàn"
    parts = [
        rng.choice(F.REPORT_OPENERS).format(place=where, who=rng.choice(F.REPORT_WHO), issue=issue),
        _detail(rng, topic, tone),
        f"Tâm trạng nhân dân: {rng.choice(F.REPORT_MOODS[tone])}.",
        F.REPORT_POS_PROPOSAL if tone == F.POS else f"Kiến nghị: {rng.choice(topic.req)}",
    ]
    short = place.split(",")[0] if place else "địa bàn"
    title = rng.choice(F.REPORT_TITLES).format(
        label=topic.label_vi, label_lower=topic.label_vi.lower(), short=short
    )
    return title, " ".join(parts)


def _dialogue(
    rng: random.Random, topic: TopicContent, issue: str, place: str | None, planted: bool
) -> tuple[str, str]:
    question = rng.choice(topic.ask)
    pool = F.DIALOGUE_FRAMES if place else F.DIALOGUE_FRAMES_NO_PLACE
    frame = rng.choice(pool)
    if planted and "{issue}" not in frame:
        frame = F.DIALOGUE_FRAMES[3] if place else F.DIALOGUE_FRAMES_NO_PLACE[2]
    text = frame.format(place=place, question=question, issue=issue)
    title = rng.choice(F.DIALOGUE_TITLES).format(label_lower=topic.label_vi.lower(), issue=issue)
    return title, cap(text)


def _survey(
    rng: random.Random, topic: TopicContent, issue: str, tone: str, planted: bool
) -> tuple[str, str]:
    title = rng.choice(F.SURVEY_QUESTIONS)
    if planted or rng.random() < 0.55:
        return title, cap(rng.choice(F.SURVEY_ISSUE_ANSWERS[tone]).format(issue=issue))
    text = rng.choice(topic.short)
    if rng.random() < 0.4:
        text = f"{text} {_detail(rng, topic, tone)}"
    return title, text


def _news(
    rng: random.Random, topic: TopicContent, issue: str, place: str | None, planted: bool
) -> tuple[str, str]:
    where = place or "nhiều địa phương"
    frame = rng.choice(F.NEWS_TITLES) if planted or rng.random() < 0.4 else rng.choice(topic.news)
    title = frame.format(place=where, Place=cap(where), issue=issue)
    quote = rng.choice(F.NEWS_QUOTES).format(line=rng.choice(topic.neg))
    parts = [
        rng.choice(F.NEWS_LEADS).format(place=where, issue=issue),
        quote,
        rng.choice(F.NEWS_OFFICIAL),
    ]
    return title, " ".join(p for p in parts if p)


def _post(rng: random.Random, topic: TopicContent, issue: str, place: str | None) -> str:
    line = rng.choice(topic.neu + topic.pos)
    return rng.choice(F.POST_FRAMES).format(place=place or "phường", issue=issue, line=line)


def compose_english(rng: random.Random, topic: TopicContent, place_ascii: str | None) -> str:
    line = rng.choice(topic.en)
    if place_ascii is None:
        return line
    return rng.choice(F.EN_FRAMES).format(place=place_ascii, line=line)


def compose(
    rng: random.Random,
    kind: ChannelKind,
    role: str,
    topic: TopicContent,
    issue: str,
    tone: str,
    place: str | None,
    *,
    planted: bool = False,
) -> tuple[str | None, str]:
    """(title, text) for one document of this channel; every text but a few survey answers
    names the issue, so a planted issue's phrase is always present."""
    if kind is ChannelKind.field_report:
        return _report(rng, topic, issue, tone, place)
    if kind is ChannelKind.dialogue:
        return _dialogue(rng, topic, issue, place, planted)
    if kind is ChannelKind.survey:
        return _survey(rng, topic, issue, tone, planted)
    if kind is ChannelKind.feed:
        return _news(rng, topic, issue, place, planted)
    if kind is ChannelKind.page_export:
        if role == POST:
            return None, _post(rng, topic, issue, place)
        return None, _comment(rng, topic, issue, tone, place)
    title = None
    if kind is ChannelKind.feedback and rng.random() < 0.7:
        title = rng.choice(
            (
                f"Phản ánh về {issue}",
                f"Góp ý: {topic.label_vi.lower()}",
                topic.label_vi,
                f"Kiến nghị về {issue}",
            )
        )
    return title, _citizen(rng, topic, issue, tone, place)
