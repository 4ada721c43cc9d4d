"""The query language and the highlighted excerpts, without a database."""

from __future__ import annotations

import pytest

from opiniondesk.errors import InputError
from opiniondesk.explorer.search import fts5_expression, parse_query, tsquery_expression
from opiniondesk.explorer.snippets import snippet


class TestParseQuery:
    def test_words_phrases_or_and_exclusions(self) -> None:
        query = parse_query('"Sạt lở" đường OR phố -"cầu Long" -xe')
        assert query.groups == ((("sat", "lo"),), (("duong",), ("pho",)))
        assert query.excluded == (("cau", "long"), ("xe",))

    def test_syntax_never_reaches_the_database(self) -> None:
        query = parse_query("a\" OR ) NEAR( '; DROP TABLE x --")
        for expression in (fts5_expression(query), tsquery_expression(query)):
            assert ";" not in expression and "NEAR(" not in expression and "--" not in expression

    def test_expressions(self) -> None:
        query = parse_query('"sat lo" duong OR pho -cau')
        assert fts5_expression(query) == '(("sat lo") AND ("duong" OR "pho")) NOT "cau"'
        assert tsquery_expression(query) == "(('sat' <-> 'lo')) & (('duong') | ('pho')) & !('cau')"

    def test_empty_is_browse_and_exclusion_only_is_refused(self) -> None:
        assert parse_query("  ").is_empty
        with pytest.raises(InputError, match="at least one word"):
            parse_query("-xe")

    def test_too_long_is_refused(self) -> None:
        with pytest.raises(InputError):
            parse_query("x" * 501)


class TestSnippet:
    def test_hits_are_marked_whatever_the_diacritics(self) -> None:
        pieces = snippet("Vụ SẠT LỞ ở đường Tân Lập", {"sat", "lo", "duong"})
        assert [p.text for p in pieces if p.hit] == ["SẠT", "LỞ", "đường"]
        assert "".join(p.text for p in pieces) == "Vụ SẠT LỞ ở đường Tân Lập"

    def test_whole_words_only_and_long_text_is_cut_around_the_hit(self) -> None:
        text = "lo " + "x " * 300 + "sat lo cuối"
        pieces = snippet(text, {"sat"})
        assert pieces[0].text == "…" and [p.text for p in pieces if p.hit] == ["sat"]
        assert snippet("losat", {"sat"}) == [snippet("losat", set())[0]]
