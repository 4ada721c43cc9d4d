"""The pieces of discovery on their own: terms, clustering, c-TF-IDF, rules, taxonomy file,
windows. No database."""

from __future__ import annotations

from collections import Counter
from datetime import date

import numpy as np
import pytest

from opiniondesk.analysis.taxonomy import TaxonomyError, load_taxonomy
from opiniondesk.analysis.topic_rules import TopicRuleClassifier
from opiniondesk.config import Settings
from opiniondesk.discovery.clustering import UNCLUSTERED, ClusterParams, cluster_texts
from opiniondesk.discovery.ctfidf import class_term_weights, top_terms
from opiniondesk.discovery.rule import build_rule, phrases_present
from opiniondesk.discovery.taxonomy_file import (
    append_topic,
    ensure_office_copy,
    office_taxonomy_path,
    uses_office_taxonomy,
)
from opiniondesk.discovery.terms import SurfaceForms, folded_ngrams
from opiniondesk.discovery.window import Window, resolve_window, weeks
from opiniondesk.errors import InputError
from tests.discovery.planted import planted_rows


def _uncovered_planted() -> tuple[list[str], list[str]]:
    classifier = TopicRuleClassifier(load_taxonomy())
    rows = [r for r in planted_rows() if not classifier.classify(r["text"])]
    return [r["text"] for r in rows], [r["external_id"].rsplit("-", 1)[0] for r in rows]


class TestTerms:
    def test_with_and_without_diacritics_give_the_same_terms(self):
        accented = folded_ngrams("Chó thả rông cắn người đi đường")
        plain = folded_ngrams("cho tha rong can nguoi di duong")
        assert {"cho tha", "tha rong", "rong"} <= set(accented)
        assert {"cho tha", "tha rong"} <= set(plain)

    def test_stop_words_are_read_in_the_form_written(self):
        # "tháng" is a stop word but "sông" is not: folded, "song" would also be "song" (but)
        terms = folded_ngrams("Cả khu phố ven sông sẽ bị giải tỏa trắng vào tháng sau")
        assert {"ven song", "giai toa", "toa trang"} <= set(terms)
        assert not {"se", "bi", "vao", "thang", "bi giai"} & set(terms)

    def test_placeholders_urls_and_teencode(self):
        terms = folded_ngrams("Gọi [SĐT] hoặc xem https://vd.vn/x, ko ai nghe máy")
        assert not {"sdt", "https", "vn"} & set(terms)
        assert "khong" in terms  # "ko" expanded before folding

    def test_numbers_only_when_asked(self):
        assert "3" in folded_ngrams("mất điện 3 ngày")
        assert "3" not in folded_ngrams("mất điện 3 ngày", digits=False)

    def test_display_form_prefers_what_people_wrote_with_diacritics(self):
        forms = SurfaceForms()
        forms.ngrams("sat lo bo song")
        forms.ngrams("Sạt lở bờ sông nghiêm trọng")
        forms.ngrams("sạt lở bờ sông")
        assert forms.display("sat lo") == "sạt lở"
        assert forms.display("khong co") == "khong co"


class TestClustering:
    def test_kmeans_chooses_k_by_silhouette_and_keeps_clusters_pure(self):
        texts, keys = _uncovered_planted()
        result = cluster_texts(texts, ClusterParams(method="kmeans", max_clusters=8))
        assert result.silhouette is not None and result.k_tried[0] == 2
        for cluster in range(result.n_clusters):
            counts = Counter(keys[i] for i in result.members(cluster))
            assert counts.most_common(1)[0][1] / sum(counts.values()) >= 0.8
        assert (result.labels == UNCLUSTERED).any()  # loose remarks stay out

    def test_hdbscan_leaves_scattered_remarks_out(self):
        texts, keys = _uncovered_planted()
        result = cluster_texts(texts, ClusterParams(method="hdbscan"))
        assert result.n_clusters == 3
        loose = Counter(keys[i] for i in np.flatnonzero(result.labels == UNCLUSTERED))
        assert loose["scattered"] >= 6

    def test_clusters_are_numbered_by_size_and_never_below_the_minimum(self):
        texts, _ = _uncovered_planted()
        result = cluster_texts(texts, ClusterParams(method="hdbscan", min_cluster_size=12))
        sizes = [len(result.members(c)) for c in range(result.n_clusters)]
        assert sizes == sorted(sizes, reverse=True) and min(sizes) >= 12

    def test_too_few_documents_cluster_nothing(self):
        result = cluster_texts(["một", "hai", "ba"], ClusterParams())
        assert result.n_clusters == 0 and (result.labels == UNCLUSTERED).all()

    def test_unknown_method_is_refused(self):
        with pytest.raises(InputError, match="kmeans, hdbscan"):
            ClusterParams(method="dbscan")


class TestClassTfIdf:
    def test_follows_the_formula(self):
        # two clusters and a background class; terms: a, b, c
        counts = np.array([[2, 0, 1], [1, 0, 1], [0, 3, 1], [0, 0, 4]])
        labels = np.array([0, 0, 1, UNCLUSTERED])
        weights = class_term_weights(counts, labels)
        tf = np.array([[3, 0, 2], [0, 3, 1], [0, 0, 4]], dtype=float)
        average = tf.sum() / 3
        expected = tf / tf.sum(axis=1, keepdims=True) * np.log1p(average / tf.sum(axis=0))
        assert weights.shape == (2, 3)
        np.testing.assert_allclose(weights, expected[:2])
        assert weights[0].argmax() == 0 and weights[1].argmax() == 1  # "c" is everywhere

    def test_top_terms_skip_what_heavier_terms_already_say(self):
        weights = np.array([0.9, 0.8, 0.7, 0.6, 0.0])
        vocabulary = ["tha rong", "tha", "rong", "ro mom", "khong"]
        assert [t for t, _ in top_terms(weights, vocabulary, 5)] == ["tha rong", "ro mom"]


class TestRule:
    def test_greedy_or_reaches_the_cluster_and_not_the_rest(self):
        docs = [
            (None, "Chó thả rông cắn người"),
            (None, "cho tha rong khap xom"),
            (None, "Nhiều chó không rọ mõm"),
            (None, "Khỉ phá mái nhà"),
            (None, "Nhà nuôi chim yến ồn ào"),
        ]
        member = [True, True, True, False, False]
        candidates = ["chó", "thả rông", "rọ mõm", "nhà"]
        rule = build_rule(phrases_present(docs, candidates), member, candidates)
        assert rule is not None
        assert rule.precision == 1.0 and rule.recall == 1.0
        assert '"thả rông"' in rule.query and '"nhà"' not in rule.query

    def test_no_candidate_found_gives_no_rule(self):
        docs = [(None, "Khỉ phá mái nhà")]
        assert build_rule(phrases_present(docs, ["chó"]), [True], ["chó"]) is None


class TestTaxonomyFile:
    def test_copies_the_taxonomy_in_use_then_appends(self, tmp_path):
        settings = Settings(home=tmp_path, secret_key="x")
        path = ensure_office_copy(settings)
        assert path == office_taxonomy_path(settings) == tmp_path / "taxonomy.yaml"
        assert not uses_office_taxonomy(settings)
        entry = {"code": "stray_dogs", "label_vi": "Chó thả rông", "label_en": "Stray dogs"}
        entry["query"] = '"thả rông" OR "rọ mõm"'
        taxonomy = append_topic(path, entry, "added in a test")
        assert taxonomy.get("stray_dogs").query.matches({"thả rông"})
        assert load_taxonomy(path).get("stray_dogs").label_en == "Stray dogs"
        assert ensure_office_copy(settings) == path  # an existing copy is kept as it is
        assert "stray_dogs" in load_taxonomy(path)

    def test_a_custom_office_file_is_the_source_of_the_copy(self, tmp_path):
        custom = tmp_path / "office.yaml"
        custom.write_text(
            "version: 1\ntopics:\n    - code: water\n      label_vi: Nước\n      label_en: Water\n"
            '      query: "nước máy"\n',
            encoding="utf-8",
        )
        settings = Settings(home=tmp_path / "home", secret_key="x", taxonomy_path=custom)
        path = ensure_office_copy(settings)
        append_topic(path, {"code": "dogs", "label_vi": "Chó", "label_en": "Dogs", "query": "chó"})
        text = path.read_text(encoding="utf-8")
        assert "    - code: dogs" in text  # the office's own indentation
        assert [t.code for t in load_taxonomy(path)] == ["water", "dogs"]

    def test_refuses_a_file_whose_topics_are_not_last(self, tmp_path):
        path = tmp_path / "taxonomy.yaml"
        original = "topics:\n  - code: water\n    label_vi: Nước\n    label_en: Water\nversion: 1\n"
        path.write_text(original, encoding="utf-8")
        with pytest.raises(TaxonomyError):
            append_topic(path, {"code": "dogs", "label_vi": "Chó", "label_en": "Dogs"})
        assert path.read_text(encoding="utf-8") == original

    def test_settings_pointing_at_the_copy_use_it(self, tmp_path):
        settings = Settings(home=tmp_path, secret_key="x", taxonomy_path=tmp_path / "taxonomy.yaml")
        assert uses_office_taxonomy(settings)


class TestWindow:
    def test_days_end_today_and_cover_local_days(self):
        window = resolve_window(days=30, date_from=None, date_to=None, today=date(2026, 11, 26))
        assert window == Window(date(2026, 10, 28), date(2026, 11, 26))
        assert window.start.isoformat() == "2026-10-27T17:00:00+00:00"  # midnight in Vietnam
        assert Window.from_utc(window.start, window.end) == window

    def test_from_to_and_weeks(self):
        window = resolve_window(
            days=None, date_from=date(2026, 10, 1), date_to=date(2026, 10, 14), today=date.today()
        )
        assert [w.isoformat() for w in weeks(window)] == ["2026-09-28", "2026-10-05", "2026-10-12"]

    @pytest.mark.parametrize(
        ("days", "first", "last", "message"),
        [
            (0, None, None, "at least 1"),
            (5, date(2026, 1, 1), None, "not both"),
            (None, date(2026, 2, 1), date(2026, 1, 1), "after end"),
            (400, None, None, "at most 366"),
        ],
    )
    def test_bad_windows_say_what_is_wrong(self, days, first, last, message):
        with pytest.raises(InputError, match=message):
            resolve_window(days=days, date_from=first, date_to=last, today=date(2026, 11, 26))
