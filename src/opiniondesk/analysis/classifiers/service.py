"""Train, record, evaluate and activate versioned text classifiers.

Training and prediction read text exactly as the pipeline does: normalised, PII-redacted,
teencode and abbreviations expanded (`analysis_text`), plus pyvi-segmented words (`tokens`).
A training row is remembered only as an 8-byte digest of its redacted, folded text, which is
enough for `evaluate` to refuse rows the model has seen.
"""

from __future__ import annotations

import csv
import hashlib
import platform
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from opiniondesk.analysis.classifiers import registry, repository
from opiniondesk.analysis.classifiers.models import ModelVersion
from opiniondesk.analysis.classifiers.registry import LoadedModel, check_task_name
from opiniondesk.analysis.taxonomy import OTHER_CODE, Taxonomy
from opiniondesk.errors import InputError, NotFoundError
from opiniondesk.pipeline.base import WorkItem
from opiniondesk.pipeline.stages.normalise import analysis_forms
from opiniondesk.text.normalize import normalize_text
from opiniondesk.text.pii import redact
from opiniondesk.text.segment import segment

if TYPE_CHECKING:  # scikit-learn is imported when a model is fitted, not with the CLI
    from opiniondesk.analysis.classifiers.model import TextClassifier

PIPELINE_TASKS = ("topic", "sentiment")
SENTIMENT_LABELS = ("negative", "neutral", "positive")
# kinds the pipeline writes for other purposes: a task of that name would mix with them
RESERVED_TASKS = frozenset({"place", "language", "duplicate_of", "topic_rule", "claim"})
MAX_LABEL = 200  # Annotation.value
DIGEST_BYTES = 8
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled text as the model sees it; `where` tells a person which row it came from."""

    text: str
    tokens: list[str]
    digest: bytes
    label: str
    where: str


@dataclass(slots=True)
class LabelledFile:
    rows: list[tuple[int, str, str]] = field(default_factory=list)  # (line, text, label)
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class TrainedModel:
    """A fitted classifier not yet recorded: what `record_version` stores."""

    task: str
    classifier: TextClassifier
    examples: list[Example]
    metrics: dict[str, Any]
    source: str


def check_task(task: str) -> str:
    check_task_name(task)
    if task in RESERVED_TASKS:
        raise InputError(
            f"'{task}' là loại nhãn nội bộ của hệ thống, hãy chọn tên khác. / '{task}' is a label "
            "kind the pipeline uses for itself: choose another task name."
        )
    return task


def check_labels(task: str, labels: Iterable[str], taxonomy: Taxonomy) -> None:
    """Topic and sentiment labels feed the rollups and dashboard, so they must be known ones."""
    if task == "sentiment":
        allowed = set(SENTIMENT_LABELS)
    elif task == "topic":
        allowed = {t.code for t in taxonomy} | {OTHER_CODE}
    else:
        return
    unknown = sorted(set(labels) - allowed)
    if unknown:
        shown = ", ".join(repr(u) for u in unknown[:10])
        raise InputError(
            f"Nhãn không hợp lệ cho tác vụ {task}: {shown}. Nhãn hợp lệ: "
            f"{', '.join(sorted(allowed))}. / Labels not valid for task {task}: {shown}. "
            f"Use one of: {', '.join(sorted(allowed))} (or a task name of your own)."
        )


# --- reading labelled data ----------------------------------------------------------------------


def read_labelled_csv(path: Path) -> LabelledFile:
    """Rows of a UTF-8 CSV with columns `text` and `label`; bad rows are reported, not fatal."""
    csv.field_size_limit(16 * 1024 * 1024)  # whole news articles in one cell
    result = LabelledFile()
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = {"text", "label"} - set(reader.fieldnames or [])
            if missing:
                raise InputError(
                    f"{path}: thiếu cột {', '.join(sorted(missing))} (có: "
                    f"{', '.join(reader.fieldnames or []) or 'không có'}). / {path}: missing "
                    f"column(s) {', '.join(sorted(missing))}; the file needs a header row "
                    "with `text,label`."
                )
            for row in reader:
                line = reader.line_num
                text, label = (row.get("text") or "").strip(), (row.get("label") or "").strip()
                if not text or not label:
                    result.errors.append(
                        f"{path.name}:{line}: thiếu text hoặc label / empty text or label"
                    )
                elif len(label) > MAX_LABEL:
                    result.errors.append(
                        f"{path.name}:{line}: nhãn quá dài / label over {MAX_LABEL} chars"
                    )
                else:
                    result.rows.append((line, text, label))
    except FileNotFoundError:
        raise InputError(f"Không thấy tệp / File not found: {path}") from None
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: không phải UTF-8 (byte {exc.start}). Lưu lại tệp dạng CSV UTF-8. / "
            f"{path} is not UTF-8 (byte {exc.start}): save it as 'CSV UTF-8'."
        ) from None
    except csv.Error as exc:
        raise InputError(f"{path}: CSV hỏng / malformed CSV: {exc}") from None
    except OSError as exc:
        raise InputError(f"Không đọc được / Cannot read {path}: {exc.strerror}") from None
    return result


def _digest(match_text: str) -> bytes:
    return hashlib.sha256(match_text.encode()).digest()[:DIGEST_BYTES]


def prepare_text(title: str | None, text: str, *, redacted: bool) -> tuple[str, list[str], bytes]:
    """(analysis text, segmented words, row digest) of a text, read as the pipeline reads it."""
    clean = normalize_text(text)
    if not redacted:
        clean = redact(clean).text
    analysis, match = analysis_forms(title, clean)
    return analysis, segment(clean), _digest(match)


def words_of(item: WorkItem) -> list[str]:
    """The item's segmented words, segmenting here when no segment stage ran before (as in
    re-analysis of stored documents): a model must see the words it was trained on."""
    if item.tokens or item.language not in ("vi", ""):
        return item.tokens
    return segment(item.text)


def examples_from_rows(
    rows: Sequence[tuple[int, str, str]], source: str, on_progress: Progress | None = None
) -> list[Example]:
    out = []
    for i, (line, text, label) in enumerate(rows, 1):
        analysis, tokens, digest = prepare_text(None, text, redacted=False)
        out.append(Example(analysis, tokens, digest, label, f"{source}:{line}"))
        if on_progress and (i % 200 == 0 or i == len(rows)):
            on_progress(i, len(rows))
    return out


def examples_from_db(
    session: Session, task: str, on_progress: Progress | None = None
) -> list[Example]:
    """Documents analysts labelled for `task`: their stored (already redacted) text."""
    labelled = repository.analyst_examples(session, task)
    out = []
    for i, (doc, label) in enumerate(labelled, 1):
        analysis, _, digest = prepare_text(doc.title, doc.text, redacted=True)
        tokens = segment(doc.text) if doc.language in ("vi", "") else []
        out.append(Example(analysis, tokens, digest, label, f"document {doc.id}"))
        if on_progress and (i % 200 == 0 or i == len(labelled)):
            on_progress(i, len(labelled))
    return out


# --- figures --------------------------------------------------------------------------------------


def classification_figures(
    truth: Sequence[str], predicted: Sequence[str], labels: Sequence[str]
) -> dict[str, Any]:
    """Accuracy, macro/weighted F1, per-class precision/recall/F1/support, confusion matrix
    (rows: true label, columns: predicted label, both in `labels` order)."""
    from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

    order = list(labels)
    precision, recall, f1, support = precision_recall_fscore_support(
        truth, predicted, labels=order, zero_division=0
    )
    n = len(truth)
    total = float(sum(support)) or 1.0
    return {
        "n": n,
        "accuracy": round(sum(t == p for t, p in zip(truth, predicted, strict=True)) / n, 4),
        "macro_f1": round(float(sum(f1)) / len(order), 4),
        "weighted_f1": round(
            float(sum(f * s for f, s in zip(f1, support, strict=True))) / total, 4
        ),
        "per_class": {
            label: {
                "precision": round(float(precision[i]), 4),
                "recall": round(float(recall[i]), 4),
                "f1": round(float(f1[i]), 4),
                "support": int(support[i]),
            }
            for i, label in enumerate(order)
        },
        "confusion": {
            "labels": order,
            "matrix": confusion_matrix(truth, predicted, labels=order).tolist(),
        },
    }


def _predict_labels(classifier: TextClassifier, examples: Sequence[Example]) -> list[str]:
    predictions = classifier.predict([e.text for e in examples], [e.tokens for e in examples])
    return [p.label for p in predictions]


# --- training ---------------------------------------------------------------------------------


def _distinct(examples: Sequence[Example]) -> list[Example]:
    """First example of each text: a repeated row would sit on both sides of the held-out split."""
    seen: set[bytes] = set()
    kept = []
    for example in examples:
        if example.digest not in seen:
            seen.add(example.digest)
            kept.append(example)
    return kept


def _fit(task: str, examples: Sequence[Example]) -> TextClassifier:
    from opiniondesk.analysis.classifiers.model import TextClassifier

    classifier = TextClassifier(task=task)
    classifier.fit(
        [e.text for e in examples], [e.label for e in examples], [e.tokens for e in examples]
    )
    return classifier


def _held_out_figures(
    task: str, examples: list[Example], holdout: float, seed: int
) -> dict[str, Any]:
    counts = Counter(e.label for e in examples)
    n_test = round(len(examples) * holdout)
    if holdout <= 0:
        return {"method": "none", "reason": "--holdout 0: không đo / not measured"}
    if min(counts.values()) < 2 or n_test < len(counts) or len(examples) - n_test < len(counts):
        return {
            "method": "none",
            "reason": "quá ít mẫu mỗi nhãn để tách tập kiểm tra / too few rows per label "
            "for a stratified held-out split",
        }
    from sklearn.model_selection import train_test_split

    train, test = train_test_split(
        examples, test_size=n_test, stratify=[e.label for e in examples], random_state=seed
    )
    predicted = _predict_labels(_fit(task, train), test)
    figures = classification_figures([e.label for e in test], predicted, sorted(counts))
    method = f"giữ lại {holdout:.0%} theo nhãn / stratified held-out {holdout:.0%}, seed {seed}"
    return {"method": method, **figures}


def fit_model(
    task: str,
    examples: Sequence[Example],
    *,
    source: str,
    taxonomy: Taxonomy,
    holdout: float = 0.2,
    seed: int = 0,
) -> TrainedModel:
    """Measure the recipe on a stratified held-out share, then fit on every distinct row."""
    check_task(task)
    distinct = _distinct(examples)
    labels = sorted({e.label for e in distinct})
    if len(labels) < 2:
        raise InputError(
            f"Cần ít nhất 2 nhãn khác nhau để huấn luyện (có: {labels}). / Training needs at "
            f"least two different labels (found: {labels})."
        )
    check_labels(task, labels, taxonomy)
    metrics = _held_out_figures(task, distinct, holdout, seed)
    metrics["duplicates_dropped"] = len(examples) - len(distinct)
    return TrainedModel(task, _fit(task, distinct), distinct, metrics, source)


def _library_versions() -> dict[str, str]:
    versions = {"python": platform.python_version()}
    for dist in ("opiniondesk", "scikit-learn", "numpy", "scipy", "pyvi"):
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[dist] = "?"
    versions["platform"] = sys.platform
    return versions


def training_hash(examples: Iterable[Example]) -> str:
    lines = sorted(f"{e.digest.hex()}\t{e.label}" for e in examples)
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def record_version(
    session: Session, home: Path, trained: TrainedModel, *, activate: bool = False
) -> ModelVersion:
    """Write the artefact and its `model_version` row (the caller's transaction commits)."""
    version = repository.next_version(session, trained.task)
    data = trained.classifier.dumps()
    rel = registry.write_artefact(home, trained.task, version, data)
    row = repository.add_version(
        session,
        ModelVersion(
            task=trained.task,
            version=version,
            active=False,
            labels=list(trained.classifier.classes_),
            n_train=len(trained.examples),
            training_source=trained.source,
            training_hash=training_hash(trained.examples),
            metrics=trained.metrics,
            libraries=_library_versions(),
            params=_jsonable(trained.classifier.metadata),
            artefact_path=rel,
            artefact_sha256=registry.sha256_hex(data),
            artefact_bytes=len(data),
            training_rows=b"".join(sorted(e.digest for e in trained.examples)),
        ),
    )
    if activate:
        repository.set_active(session, trained.task, version)
        row.active = True
    return row


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


# --- choosing and loading versions ---------------------------------------------------------------


def find_version(session: Session, task: str, version: int | None = None) -> ModelVersion:
    """The given version of `task`, or its active one."""
    check_task_name(task)
    if version is not None:
        row = repository.get_version(session, task, version)
        if row is None:
            raise NotFoundError(
                f"Không có mô hình {task} v{version} (xem `opiniondesk model list`). / "
                f"No model {task} v{version} (see `opiniondesk model list`)."
            )
        return row
    active = repository.active_versions(session, [task]).get(task)
    if active is None:
        raise NotFoundError(
            f"Tác vụ {task} chưa có mô hình đang dùng: chỉ định --version hoặc chạy "
            f"`opiniondesk model activate {task} N`. / Task {task} has no active model: pass "
            f"--version or run `opiniondesk model activate {task} N`."
        )
    return active


def list_versions(session: Session, task: str | None = None) -> list[ModelVersion]:
    return repository.list_versions(session, check_task_name(task) if task else None)


def load(home: Path, row: ModelVersion) -> LoadedModel:
    return registry.load_model(
        home,
        task=row.task,
        version=row.version,
        recorded_path=row.artefact_path,
        sha256=row.artefact_sha256,
    )


def load_active(session: Session, home: Path, tasks: Sequence[str]) -> dict[str, LoadedModel]:
    return {
        task: load(home, row) for task, row in repository.active_versions(session, tasks).items()
    }


def activate(session: Session, taxonomy: Taxonomy, task: str, version: int) -> ModelVersion:
    row = find_version(session, task, version)
    check_labels(task, row.labels, taxonomy)
    repository.set_active(session, task, version)
    session.refresh(row)
    return row


def deactivate(session: Session, task: str) -> int:
    check_task_name(task)
    return repository.deactivate(session, task)


# --- evaluation -----------------------------------------------------------------------------------


def evaluate(
    session: Session,
    home: Path,
    *,
    task: str,
    examples: Sequence[Example],
    version: int | None = None,
    exclude_overlap: bool = False,
) -> dict[str, Any]:
    """Figures of a model on labelled rows it was not trained on; rows it has seen are refused
    (or, with `exclude_overlap`, left out and counted)."""
    row = find_version(session, task, version)
    seen = _digest_set(repository.training_rows(session, row.id))
    overlap = [e for e in examples if e.digest in seen]
    if overlap and not exclude_overlap:
        where = ", ".join(e.where for e in overlap[:5])
        raise InputError(
            f"{len(overlap)} dòng đã có trong dữ liệu huấn luyện của {task} v{row.version} "
            f"(ví dụ {where}). Đánh giá trên dữ liệu mô hình chưa thấy, hoặc thêm "
            f"--exclude-overlap. / {len(overlap)} rows were in the training data of {task} "
            f"v{row.version} (e.g. {where}): evaluate on data the model has not seen, or pass "
            "--exclude-overlap to leave them out."
        )
    unseen = [e for e in examples if e.digest not in seen]
    if not unseen:
        raise InputError("Không còn dòng nào để đánh giá. / No rows left to evaluate.")
    model = load(home, row)
    predicted = _predict_labels(model.classifier, unseen)
    truth = [e.label for e in unseen]
    labels = sorted(set(row.labels) | set(truth))
    figures = classification_figures(truth, predicted, labels)
    return {"task": task, "version": row.version, "excluded_overlap": len(overlap), **figures}


def _digest_set(packed: bytes) -> set[bytes]:
    return {packed[i : i + DIGEST_BYTES] for i in range(0, len(packed), DIGEST_BYTES)}
