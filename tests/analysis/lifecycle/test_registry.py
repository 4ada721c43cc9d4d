"""Artefacts on disk: atomic writes, checked hashes, nothing loaded from outside the folder."""

from __future__ import annotations

import pytest

from opiniondesk.analysis.classifiers import registry, service
from opiniondesk.analysis.classifiers.registry import ArtefactError
from opiniondesk.errors import InputError
from tests.analysis.lifecycle.conftest import train


class TestWriteArtefact:
    def test_writes_under_models_task_version_and_leaves_no_temp_file(self, tmp_path):
        rel = registry.write_artefact(tmp_path, "topic", 3, b"abc")
        assert rel == "models/topic/3.bin"
        assert (tmp_path / rel).read_bytes() == b"abc"
        assert [p.name for p in (tmp_path / "models" / "topic").iterdir()] == ["3.bin"]

    def test_rewrite_replaces_whole_file(self, tmp_path):
        registry.write_artefact(tmp_path, "topic", 1, b"old bytes, longer")
        registry.write_artefact(tmp_path, "topic", 1, b"new")
        assert (tmp_path / "models/topic/1.bin").read_bytes() == b"new"


class TestTaskNames:
    @pytest.mark.parametrize("name", ["../etc", "Topic", "", "a/b", "x" * 25, "1abc", "tộp"])
    def test_unsafe_names_are_refused(self, name):
        with pytest.raises(InputError):
            registry.check_task_name(name)

    def test_reserved_kinds_are_refused(self):
        with pytest.raises(InputError, match="place"):
            service.check_task("place")


class TestReadVerified:
    def test_reads_bytes_matching_the_recorded_hash(self, tmp_path):
        rel = registry.write_artefact(tmp_path, "urgency", 2, b"model")
        data = registry.read_verified(
            tmp_path,
            task="urgency",
            version=2,
            recorded_path=rel,
            sha256=registry.sha256_hex(b"model"),
        )
        assert data == b"model"

    def test_altered_bytes_are_refused(self, tmp_path):
        rel = registry.write_artefact(tmp_path, "urgency", 2, b"model")
        (tmp_path / rel).write_bytes(b"evil!")
        with pytest.raises(ArtefactError, match="sha256"):
            registry.read_verified(
                tmp_path,
                task="urgency",
                version=2,
                recorded_path=rel,
                sha256=registry.sha256_hex(b"model"),
            )

    def test_a_row_pointing_elsewhere_is_refused(self, tmp_path):
        outside = tmp_path / "elsewhere.bin"
        outside.write_bytes(b"model")
        with pytest.raises(ArtefactError, match="refusing"):
            registry.read_verified(
                tmp_path / "home",
                task="urgency",
                version=2,
                recorded_path=str(outside),
                sha256=registry.sha256_hex(b"model"),
            )

    def test_a_symlinked_task_folder_leading_outside_is_refused(self, tmp_path):
        home, outside = tmp_path / "home", tmp_path / "outside"
        (outside).mkdir()
        (outside / "2.bin").write_bytes(b"model")
        (home / "models").mkdir(parents=True)
        (home / "models" / "urgency").symlink_to(outside)
        with pytest.raises(ArtefactError, match="outside"):
            registry.read_verified(
                home,
                task="urgency",
                version=2,
                recorded_path="models/urgency/2.bin",
                sha256=registry.sha256_hex(b"model"),
            )

    def test_missing_file_says_what_to_do(self, tmp_path):
        with pytest.raises(ArtefactError, match="retrain"):
            registry.read_verified(
                tmp_path,
                task="urgency",
                version=9,
                recorded_path="models/urgency/9.bin",
                sha256="0" * 64,
            )


class TestTamperedModel:
    def test_tampered_artefact_is_detected_before_unpickling(self, sqlite_desk, train_rows):
        row = train(sqlite_desk, "topic", train_rows)
        path = sqlite_desk.home / row.artefact_path
        path.write_bytes(path.read_bytes()[:-1] + b"\x00")
        with pytest.raises(ArtefactError, match="sha256"):
            service.load(sqlite_desk.home, row)

    def test_loaded_once_per_version(self, sqlite_desk, train_rows):
        row = train(sqlite_desk, "topic", train_rows)
        first = service.load(sqlite_desk.home, row)
        (sqlite_desk.home / row.artefact_path).unlink()  # a second read would fail
        assert service.load(sqlite_desk.home, row).classifier is first.classifier
