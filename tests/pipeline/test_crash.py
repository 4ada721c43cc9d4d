"""`kill -9` in the middle of an ingest loses nothing committed and duplicates nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from sqlalchemy import func, select

from opiniondesk.analysis import rollups
from opiniondesk.storage.models import Document, IngestRun
from tests.builders import opinion_rows, write_csv

ROWS = 3000


def _cli(desk, *args: str) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "OPINIONDESK_DATABASE_URL": desk.url,
        "OPINIONDESK_HOME": str(desk.home),
        "OPINIONDESK_SECRET_KEY": "test-secret",
        "OPINIONDESK_INGEST_BATCH_SIZE": "50",
        "OPINIONDESK_PIPELINE_WORKERS": "1",  # the default on two cores: a worker is killed too
    }
    return subprocess.Popen(
        [sys.executable, "-m", "opiniondesk.cli.main", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _assert_no_orphan_worker(parent_pid: int) -> None:
    """The labelling worker notices its parent is gone and exits by itself."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        out = subprocess.run(["ps", "-eo", "pid,args"], capture_output=True, text=True).stdout
        orphans = [
            line
            for line in out.splitlines()
            if "multiprocessing" in line
            and f"--parent-pid {parent_pid}" not in line
            and "spawn_main" in line
            and _is_orphan(line.split()[0])
        ]
        if not orphans:
            return
        time.sleep(0.5)
    raise AssertionError(f"worker processes left running: {orphans}")


def _is_orphan(pid: str) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[1] == "1"
    except OSError:
        return False


def _committed(desk) -> tuple[int, int]:
    with desk.sessions() as s:
        docs = s.scalar(select(func.count()).select_from(Document)) or 0
        reported = s.scalar(select(func.sum(IngestRun.stored + IngestRun.near_duplicates))) or 0
    return int(docs), int(reported)


def test_kill_9_mid_ingest_then_rerun(desk, tmp_path):
    rows = opinion_rows(ROWS)
    for i, row in enumerate(rows):  # distinct texts so most rows are originals
        row["text"] = (
            f"Ý kiến thứ {i} về {['đường', 'chợ', 'trường', 'điện'][i % 4]} số {i * 7}. "
            + row["text"]
        )
    path = write_csv(tmp_path / "big.csv", rows)
    proc = _cli(desk, "ingest", str(path), "--channel", "feedback")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        docs, reported = _committed(desk)
        if reported >= 200:
            break
        if proc.poll() is not None:
            raise AssertionError(f"ingest ended before the kill: {proc.stderr.read().decode()}")
        time.sleep(0.05)
    else:
        raise AssertionError("ingest committed nothing within the time allowed")
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    _assert_no_orphan_worker(proc.pid)

    docs, reported = _committed(desk)
    assert 0 < docs < ROWS, "the kill should land mid-ingest"
    assert docs == reported  # what the run reported committed is exactly what is stored

    rerun = _cli(desk, "ingest", str(path), "--channel", "feedback")
    _, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err.decode()

    with desk.sessions() as s:
        total = s.scalar(select(func.count()).select_from(Document))
        keys = s.scalar(select(func.count(func.distinct(Document.dedupe_key))))
        originals = s.scalar(
            select(func.count()).select_from(Document).where(Document.duplicate_of_id.is_(None))
        )
        assert total == ROWS and keys == ROWS
        assert rollups.total_documents(s) == originals
