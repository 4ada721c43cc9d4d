"""Model artefacts on disk: written atomically, read only from the office's own model folder,
and only after their bytes match the sha256 recorded in the database.

An artefact is a pickle (scikit-learn estimators have no safer portable format), and unpickling
runs code. So a file is never loaded from a path the database row merely names: the path is
rebuilt from task and version under `OPINIONDESK_HOME/models`, and the bytes must hash to the
recorded value before `TextClassifier.loads` sees them.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from opiniondesk.errors import DeskError, InputError

if TYPE_CHECKING:  # scikit-learn takes a second to import: only commands that predict pay it
    from opiniondesk.analysis.classifiers.model import TextClassifier

MODELS_DIR = "models"
_TASK = re.compile(r"^[a-z][a-z0-9_]{0,23}$")  # a folder name and an annotation kind
_CACHE_SIZE = 8


class ArtefactError(DeskError):
    """An artefact that is missing, outside the model folder or not the bytes recorded."""

    status = 500


@dataclass(frozen=True, slots=True)
class LoadedModel:
    """A verified classifier ready to predict, and the label source it writes."""

    task: str
    version: int
    classifier: TextClassifier

    @property
    def source(self) -> str:
        return f"model:{self.task}:v{self.version}"


def check_task_name(task: str) -> str:
    if not _TASK.match(task):
        raise InputError(
            f"Tên tác vụ không hợp lệ: {task!r} (chữ thường không dấu, số, '_', tối đa 24 ký tự, "
            f"bắt đầu bằng chữ). / Invalid task name {task!r}: use 1–24 lower-case ASCII letters, "
            "digits or '_', starting with a letter (e.g. topic, sentiment, urgency)."
        )
    return task


def relative_path(task: str, version: int) -> str:
    return f"{MODELS_DIR}/{check_task_name(task)}/{int(version)}.bin"


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_artefact(home: Path, task: str, version: int, data: bytes) -> str:
    """Write `data` as the artefact of task/version (temp file + fsync + rename, so a crash
    leaves either the old file or the complete new one); returns the relative path."""
    rel = relative_path(task, version)
    target = home / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{version}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return rel


def read_verified(home: Path, *, task: str, version: int, recorded_path: str, sha256: str) -> bytes:
    """The artefact's bytes, or ArtefactError when the row points elsewhere or bytes differ."""
    rel = relative_path(task, version)
    if recorded_path != rel:
        raise ArtefactError(
            f"Đường dẫn mô hình {task} v{version} trong CSDL ({recorded_path!r}) không phải "
            f"{rel!r}: từ chối nạp. / The database row of model {task} v{version} points at "
            f"{recorded_path!r}, not {rel!r}: refusing to load it."
        )
    folder = (home / MODELS_DIR).resolve()
    path = (home / rel).resolve()
    if not path.is_relative_to(folder):  # a symlinked task folder must not lead elsewhere
        raise ArtefactError(
            f"Tệp mô hình {path} nằm ngoài thư mục {folder}: từ chối nạp. / The model file "
            f"{path} lies outside the model folder {folder}: refusing to load it."
        )
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ArtefactError(
            f"Thiếu tệp mô hình {path}. Huấn luyện lại hoặc khôi phục thư mục models/. / "
            f"Model file {path} is missing: retrain or restore the models/ folder."
        ) from None
    if sha256_hex(data) != sha256:
        raise ArtefactError(
            f"Tệp mô hình {path} đã bị thay đổi (sha256 không khớp CSDL): từ chối nạp. Huấn "
            f"luyện lại. / Model file {path} has been altered (sha256 differs from the "
            "database): refusing to load it. Retrain the model."
        )
    return data


_loaded: OrderedDict[tuple[str, int, str], TextClassifier] = OrderedDict()


def load_model(
    home: Path, *, task: str, version: int, recorded_path: str, sha256: str
) -> LoadedModel:
    """A verified classifier; each (task, version, sha256) is read and unpickled once per
    process, so pipelines built for every batch or command share it."""
    key = (task, version, sha256)
    classifier = _loaded.get(key)
    if classifier is None:
        data = read_verified(
            home, task=task, version=version, recorded_path=recorded_path, sha256=sha256
        )
        from opiniondesk.analysis.classifiers.model import TextClassifier

        classifier = TextClassifier.loads(data)
        _loaded[key] = classifier
        if len(_loaded) > _CACHE_SIZE:
            _loaded.popitem(last=False)
    else:
        _loaded.move_to_end(key)
    return LoadedModel(task, version, classifier)


def clear_cache() -> None:
    """Forget loaded models (tests; a long-lived process after its model folder is restored)."""
    _loaded.clear()
