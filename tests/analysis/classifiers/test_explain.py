"""How explanation terms are spelled and formatted."""

from __future__ import annotations

from opiniondesk.analysis.classifiers.explain import format_explanation, respell


class TestRespell:
    def test_folded_terms_take_the_document_spelling(self) -> None:
        terms = (("may", 0.4), ("phòng học", 0.2), ("may lanh", 0.1))
        text = "Phòng học nóng, MÁY lạnh hỏng"
        assert respell(terms, text) == (("máy", 0.4), ("phòng học", 0.2), ("máy lạnh", 0.1))

    def test_only_whole_words(self) -> None:
        # "an" inside "toàn" is not the word "an".
        assert respell((("an", 0.3),), "an toàn, ăn uống") == (("an", 0.3),)
        assert respell((("an", 0.3),), "toàn dân ăn mừng") == (("ăn", 0.3),)

    def test_text_without_diacritics_is_left_alone(self) -> None:
        terms = (("may", 0.4),)
        assert respell(terms, "may lanh hong") is terms


class TestFormat:
    def test_lists_terms_with_signed_weights(self) -> None:
        text = format_explanation("topic", (("sạt_lở", 0.42), ("bờ_sông", 0.17)))
        assert text == 'mô hình topic: "sạt_lở" (+0.42), "bờ_sông" (+0.17)'

    def test_no_terms(self) -> None:
        assert "no distinctive terms" in format_explanation("sentiment", ())
