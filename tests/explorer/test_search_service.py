"""Search on both backends: diacritics ignored, phrases, OR, exclusion, filters, scope."""

from __future__ import annotations

from datetime import date

import pytest

from opiniondesk.accounts.principal import UnitScope
from opiniondesk.errors import InputError, NotFoundError
from opiniondesk.explorer import service
from opiniondesk.explorer.repository import DocumentFilters
from tests.explorer.builders import add_channel, add_document

EVERYTHING = UnitScope(everything=True)
NONE = DocumentFilters()


@pytest.fixture
def docs(desk):
    with desk.sessions.begin() as session:
        channel = add_channel(session)
        news = add_channel(session, "Báo", "feed")
        ids = {
            "landslide": add_document(
                session, channel, "Sạt lở nghiêm trọng trên đường Tân Lập", topic="land"
            ),
            "unaccented": add_document(
                session, news, "sat lo o duong lang, xin cac co quan xu ly", sentiment="neutral"
            ),
            "flood": add_document(
                session, channel, "Ngập lụt ở phố Hàng Bông", province="79", commune="25750"
            ),
            "lo_only": add_document(session, channel, "Lò gạch gây khói ở xã Tân Lập"),
        }
        ids["repost"] = add_document(
            session, channel, "Sạt lở nghiêm trọng đường Tân Lập!", duplicate_of=ids["landslide"]
        )
    return ids


def _ids(desk, text, filters=NONE, scope=EVERYTHING):
    with desk.sessions.begin() as session:
        page = service.search(session, text=text, filters=filters, scope=scope)
    return {hit.document.id for hit in page.hits}


def test_with_and_without_diacritics_find_the_same(desk, docs):
    found = _ids(desk, "sạt lở")
    assert found == {docs["landslide"], docs["unaccented"]}
    assert _ids(desk, "sat lo") == found
    assert _ids(desk, "SAT LO") == found


def test_d_with_stroke_matches_plain_d(desk, docs):
    assert _ids(desk, "duong") == {docs["landslide"], docs["unaccented"]}
    assert _ids(desk, "đường") == {docs["landslide"], docs["unaccented"]}


def test_phrase_needs_the_words_in_order(desk, docs):
    assert _ids(desk, '"lo gach"') == {docs["lo_only"]}
    assert _ids(desk, '"lo sat"') == set()


def test_or_and_exclusion(desk, docs):
    assert _ids(desk, "ngap OR gach") == {docs["flood"], docs["lo_only"]}
    assert _ids(desk, "sat lo -lang") == {docs["landslide"]}
    assert _ids(desk, 'tan lap -"lo gach"') == {docs["landslide"]}


def test_reposts_hidden_unless_asked(desk, docs):
    assert docs["repost"] not in _ids(desk, "sat lo")
    assert docs["repost"] in _ids(desk, "sat lo", DocumentFilters(show_duplicates=True))


def test_filters(desk, docs):
    assert _ids(desk, "", DocumentFilters(province="79")) == {docs["flood"]}
    assert _ids(desk, "", DocumentFilters(topic="land")) == {docs["landslide"]}
    assert _ids(desk, "", DocumentFilters(sentiment="neutral")) == {docs["unaccented"]}
    assert _ids(desk, "", DocumentFilters(channel_kind="feed")) == {docs["unaccented"]}
    since, until = service.local_day_bounds(date(2025, 6, 21), None)
    assert _ids(desk, "", DocumentFilters(since=since, until=until)) == set()


def test_scope_limits_results_and_detail(desk, docs):
    ward = UnitScope(communes=frozenset({"25750"}), commune_provinces=frozenset({"79"}))
    assert _ids(desk, "", scope=ward) == {docs["flood"]}
    assert _ids(desk, "sat lo", scope=ward) == set()
    assert _ids(desk, "", scope=UnitScope()) == set()
    with desk.sessions.begin() as session, pytest.raises(NotFoundError):
        service.document_view(session, docs["landslide"], ward)


def test_documents_added_after_the_index_are_found(desk, docs):
    assert _ids(desk, "kenh") == set()
    with desk.sessions.begin() as session:
        new = add_document(session, add_channel(session, "Khác"), "Kênh mương ô nhiễm")
    assert _ids(desk, "kênh") == {new}


def test_ranked_with_highlighted_snippet(desk, docs):
    with desk.sessions.begin() as session:
        page = service.search(session, text="tan lap", filters=NONE, scope=EVERYTHING)
    assert page.total == 2
    marked = [p.text for p in page.hits[0].excerpt if p.hit]
    assert [m.lower() for m in marked] == ["tân", "lập"]


def test_detail_shows_annotations_and_duplicate_group(desk, docs):
    with desk.sessions.begin() as session:
        view = service.document_view(session, docs["repost"], EVERYTHING)
    assert view.original_id == docs["landslide"]
    assert view.reposts == 1
    with desk.sessions.begin() as session:
        view = service.document_view(session, docs["landslide"], EVERYTHING)
    assert {(a.kind, a.source) for a in view.annotations} == {
        ("topic", "rule:land"),
        ("sentiment", "lexicon"),
    }


def test_only_exclusions_is_refused(desk, docs):
    with desk.sessions.begin() as session, pytest.raises(InputError):
        service.search(session, text="-lang", filters=NONE, scope=EVERYTHING)
