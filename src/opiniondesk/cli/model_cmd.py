"""`opiniondesk model train|evaluate|list|activate|deactivate|queue` and `opiniondesk label`."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import Progress
from rich.table import Table

from opiniondesk.analysis.classifiers import active_learning, corrections, service
from opiniondesk.analysis.classifiers.models import ModelVersion
from opiniondesk.cli.context import Desk, console, desk, err_console
from opiniondesk.cli.progress import progress_bar
from opiniondesk.errors import DeskError, InputError, NotFoundError
from opiniondesk.pipeline.build import taxonomy_for

MAX_PRINTED_ERRORS = 20

model_app = typer.Typer(
    help="Mô hình phân loại văn bản / Text classifiers: train, evaluate, list, activate.",
    no_args_is_help=True,
)

TaskOption = Annotated[
    str, typer.Option("--task", "-t", help="Tác vụ, ví dụ topic, sentiment / task name")
]
JsonOption = Annotated[bool, typer.Option("--json", help="In JSON / print JSON")]


@contextmanager
def _errors() -> Iterator[None]:
    """A DeskError becomes a message on stderr: exit 2 for bad input, 1 for anything else."""
    try:
        yield
    except DeskError as exc:
        err_console.print(f"[red]Lỗi / Error:[/] {exc.message}", highlight=False)
        code = 2 if isinstance(exc, InputError | NotFoundError) else 1
        raise typer.Exit(code) from exc


def _stepper(progress: Progress, description: str) -> Callable[[int, int], None]:
    task = progress.add_task(description, total=None, rate="")
    return lambda done, total: progress.update(task, completed=done, total=total)


def _csv_examples(path: Path, progress: Progress) -> list[service.Example]:
    labelled = service.read_labelled_csv(path)
    for error in labelled.errors[:MAX_PRINTED_ERRORS]:
        err_console.print(f"[yellow]bỏ qua / skipped[/] {error}", highlight=False, markup=False)
    if len(labelled.errors) > MAX_PRINTED_ERRORS:
        more = len(labelled.errors) - MAX_PRINTED_ERRORS
        err_console.print(f"… {more} dòng lỗi khác / more bad rows", highlight=False)
    if not labelled.rows:
        raise InputError(f"{path}: không có dòng hợp lệ nào / no usable rows (text,label).")
    return service.examples_from_rows(
        labelled.rows, path.name, _stepper(progress, f"Chuẩn bị / Preparing {path.name}")
    )


def _version_json(row: ModelVersion) -> dict[str, Any]:
    return {
        "task": row.task,
        "version": row.version,
        "active": row.active,
        "created_at": row.created_at.isoformat(),
        "n": row.n_train,
        "labels": row.labels,
        "training_source": row.training_source,
        "training_hash": row.training_hash,
        "metrics": row.metrics,
        "libraries": row.libraries,
        "artefact_path": row.artefact_path,
        "artefact_sha256": row.artefact_sha256,
    }


def _headline(metrics: dict[str, Any]) -> str:
    if "macro_f1" not in metrics:
        return "—"
    return f"acc {metrics['accuracy']:.3f} · macro-F1 {metrics['macro_f1']:.3f}"


@model_app.command("train")
def train_command(
    task: TaskOption,
    data: Annotated[
        Path | None, typer.Option("--data", help="CSV UTF-8 với cột text,label / CSV file")
    ] = None,
    from_db: Annotated[
        bool,
        typer.Option("--from-db", help="Thêm tài liệu chuyên viên đã gán nhãn / analyst labels"),
    ] = False,
    holdout: Annotated[
        float,
        typer.Option(min=0.0, max=0.5, help="Tỷ lệ giữ lại để đo / held-out share for metrics"),
    ] = 0.2,
    seed: Annotated[int, typer.Option(help="Hạt ngẫu nhiên / random seed")] = 0,
    activate: Annotated[
        bool, typer.Option("--activate", help="Dùng ngay mô hình mới / activate it")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Huấn luyện phiên bản mô hình mới / Train a new model version for a task."""
    d = desk()
    with _errors():
        service.check_task(task)
        if data is None and not from_db:
            raise InputError(
                "Cần --data FILE.csv hoặc --from-db. / Pass --data FILE.csv or --from-db."
            )
        examples: list[service.Example] = []
        sources = []
        with progress_bar() as progress:
            if data is not None:
                examples += _csv_examples(data, progress)
                sources.append(f"csv:{data.name}")
            if from_db:
                with d.sessions() as session:
                    found = service.examples_from_db(
                        session, task, _stepper(progress, "Tài liệu đã gán / Analyst labels")
                    )
                if not found:
                    err_console.print(
                        f"[yellow]Chưa có nhãn chuyên viên cho {task} / no analyst labels yet "
                        f"(opiniondesk label DOC_ID --task {task} --label ...)[/]"
                    )
                examples += found
                sources.append("db:analyst")
            fitting = progress.add_task("Huấn luyện / Training", total=None, rate="")
            trained = service.fit_model(
                task,
                examples,
                source="+".join(sources),
                taxonomy=taxonomy_for(d.settings),
                holdout=holdout,
                seed=seed,
            )
            progress.update(fitting, total=1, completed=1)
        with d.sessions.begin() as session:
            row = service.record_version(session, d.settings.home, trained, activate=activate)
    if as_json:
        typer.echo(json.dumps(_version_json(row), ensure_ascii=False, indent=2))
        return
    state = "đang dùng / active" if row.active else "chưa dùng / inactive"
    console.print(
        f"[green]✓[/] Mô hình mới / New model: [bold]{row.task} v{row.version}[/] ({state}); "
        f"n={row.n_train:,}; nhãn / labels: {', '.join(row.labels)}; "
        f"{_headline(row.metrics)} ({row.metrics.get('method', '')})",
        highlight=False,
    )
    if not row.active:
        console.print(f"Dùng / Activate: opiniondesk model activate {row.task} {row.version}")


def _print_figures(figures: dict[str, Any]) -> None:
    console.print(
        f"[bold]{figures['task']} v{figures['version']}[/]: n={figures['n']:,}  "
        f"accuracy {figures['accuracy']:.4f}  macro-F1 {figures['macro_f1']:.4f}  "
        f"weighted-F1 {figures['weighted_f1']:.4f}",
        highlight=False,
    )
    table = Table(title="Theo nhãn / Per class")
    for header in ("Nhãn / Label", "Precision", "Recall", "F1", "Support"):
        table.add_column(header, justify="left" if header.startswith("N") else "right")
    for label, f in figures["per_class"].items():
        table.add_row(
            label,
            f"{f['precision']:.3f}",
            f"{f['recall']:.3f}",
            f"{f['f1']:.3f}",
            str(f["support"]),
        )
    console.print(table)
    matrix = Table(
        title="Ma trận nhầm lẫn (hàng: thật, cột: dự đoán) / Confusion (true × predicted)"
    )
    labels = figures["confusion"]["labels"]
    matrix.add_column("")
    for label in labels:
        matrix.add_column(label, justify="right")
    for label, counts in zip(labels, figures["confusion"]["matrix"], strict=True):
        matrix.add_row(label, *(str(c) for c in counts))
    console.print(matrix)


@model_app.command("evaluate")
def evaluate_command(
    task: TaskOption,
    data: Annotated[Path, typer.Option("--data", help="CSV UTF-8 với cột text,label / CSV")],
    version: Annotated[
        int | None, typer.Option("--version", help="Phiên bản (mặc định: đang dùng) / version")
    ] = None,
    exclude_overlap: Annotated[
        bool,
        typer.Option(
            "--exclude-overlap", help="Bỏ các dòng đã dùng để huấn luyện / skip seen rows"
        ),
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Đo mô hình trên dữ liệu có nhãn chưa dùng để huấn luyện / Evaluate a model on labelled
    data it was not trained on."""
    d = desk()
    with _errors():
        with progress_bar() as progress:
            examples = _csv_examples(data, progress)
        with d.sessions() as session:
            figures = service.evaluate(
                session,
                d.settings.home,
                task=task,
                examples=examples,
                version=version,
                exclude_overlap=exclude_overlap,
            )
    if as_json:
        typer.echo(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        _print_figures(figures)


@model_app.command("list")
def list_command(
    task: Annotated[str | None, typer.Option("--task", "-t", help="Chỉ tác vụ này / only")] = None,
    as_json: JsonOption = False,
) -> None:
    """Các phiên bản mô hình / Model versions."""
    d = desk()
    with d.sessions() as session:
        rows = service.list_versions(session, task)
    if as_json:
        typer.echo(json.dumps([_version_json(r) for r in rows], ensure_ascii=False, indent=2))
        return
    table = Table(title="Mô hình / Models")
    for header in (
        "Tác vụ / Task",
        "Phiên bản / Version",
        "Đang dùng / Active",
        "Tạo lúc / Created (UTC)",
        "n",
        "Nhãn / Labels",
        "Chỉ số / Metrics",
    ):
        table.add_column(header)
    for r in rows:
        labels = ", ".join(r.labels)
        table.add_row(
            r.task,
            f"v{r.version}",
            "✓" if r.active else "",
            r.created_at.strftime("%Y-%m-%d %H:%M"),
            f"{r.n_train:,}",
            labels if len(labels) <= 60 else f"{labels[:59]}…",
            _headline(r.metrics),
        )
    console.print(table)


@model_app.command("activate")
def activate_command(
    task: Annotated[str, typer.Argument(help="Tác vụ / task")],
    version: Annotated[int, typer.Argument(help="Phiên bản / version")],
) -> None:
    """Dùng phiên bản này cho tác vụ (thay phiên bản cũ) / Make this version the active one."""
    d = desk()
    with _errors(), d.sessions.begin() as session:
        row = service.activate(session, taxonomy_for(d.settings), task, version)
    console.print(f"[green]✓[/] Đang dùng / Active: {row.task} v{row.version}", highlight=False)


@model_app.command("deactivate")
def deactivate_command(task: Annotated[str, typer.Argument(help="Tác vụ / task")]) -> None:
    """Thôi dùng mô hình: quay về quy tắc và từ điển / Use rules and lexicon again."""
    d = desk()
    with _errors(), d.sessions.begin() as session:
        changed = service.deactivate(session, task)
    if changed:
        console.print(f"[green]✓[/] {task}: không còn mô hình nào đang dùng / no active model")
    else:
        console.print(f"{task}: vốn không có mô hình đang dùng / had no active model")


@model_app.command("queue")
def queue_command(
    task: TaskOption,
    limit: Annotated[int, typer.Option(min=1, max=1000, help="Số tài liệu / how many")] = 50,
    scan: Annotated[
        int, typer.Option(min=1, help="Xét bao nhiêu tài liệu mới nhất / newest documents to score")
    ] = 2000,
    version: Annotated[int | None, typer.Option("--version", help="Phiên bản / version")] = None,
    as_json: JsonOption = False,
) -> None:
    """Tài liệu mô hình kém chắc chắn nhất, để chuyên viên gán nhãn / The documents the model
    is least sure about, for analysts to label."""
    d = desk()
    with _errors(), progress_bar() as progress, d.sessions() as session:
        queue = active_learning.least_confident(
            session,
            d.settings.home,
            task=task,
            limit=limit,
            scan=scan,
            version=version,
            on_progress=_stepper(progress, "Chấm điểm / Scoring"),
        )
    if as_json:
        entries = [
            {
                "id": e.document_id,
                "excerpt": e.excerpt,
                "predicted": e.predicted,
                "score": e.score,
                "margin": e.margin,
            }
            for e in queue.entries
        ]
        typer.echo(json.dumps(entries, ensure_ascii=False, indent=2))
        return
    table = Table(
        title=f"Cần gán nhãn / To label: {queue.task} v{queue.version} "
        f"({len(queue.entries)} / {queue.scanned:,})"
    )
    for header in (
        "ID",
        "Trích đoạn / Excerpt",
        "Dự đoán / Predicted",
        "Điểm / Score",
        "Biên / Margin",
    ):
        table.add_column(header)
    for e in queue.entries:
        table.add_row(
            str(e.document_id), e.excerpt, e.predicted, f"{e.score:.2f}", f"{e.margin:.2f}"
        )
    console.print(table)
    console.print(f"Gán nhãn / Label: opiniondesk label ID --task {queue.task} --label NHÃN")


def label_command(
    document_id: Annotated[int, typer.Argument(help="Số tài liệu / document id")],
    task: TaskOption,
    label: Annotated[str, typer.Option("--label", "-l", help="Nhãn đúng / the right label")],
) -> None:
    """Sửa nhãn của một tài liệu (nhãn của chuyên viên) / Correct a document's label."""
    d: Desk = desk()
    with _errors(), d.sessions.begin() as session:
        done = corrections.correct_label(
            session,
            document_id=document_id,
            task=task,
            value=label,
            taxonomy=taxonomy_for(d.settings),
        )
    was = ", ".join(done.previous) or "—"
    console.print(
        f"[green]✓[/] Tài liệu / Document {done.document_id}: {done.task} = {done.value} "
        f"(trước / was: {was})",
        highlight=False,
    )


def register(app: typer.Typer) -> None:
    app.add_typer(model_app, name="model")
    app.command("label")(label_command)
