"""`opiniondesk claims …` as a user meets it: add, list, show, match, clarify, review."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from opiniondesk.claims.models import ClaimMatch
from opiniondesk.cli.main import app
from opiniondesk.config import get_settings
from opiniondesk.storage.models import ChannelKind
from tests.claims.test_claims import _claim_text, _ingest, _posts
from tests.claims.test_parts import assert_claim_review_shape

runner = CliRunner()


@pytest.fixture
def cli_env(desk, monkeypatch):
    monkeypatch.setenv("OPINIONDESK_DATABASE_URL", desk.url)
    monkeypatch.setenv("OPINIONDESK_HOME", str(desk.home))
    monkeypatch.setenv("OPINIONDESK_SECRET_KEY", "test-secret")
    get_settings.cache_clear()
    yield desk
    get_settings.cache_clear()


def _json(args: list[str]):
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_claim_workflow(cli_env, tmp_path):
    _ingest(cli_env, tmp_path, _posts("c01"), kind=ChannelKind.feedback, name="Góp ý")
    added = _json(["claims", "add", "--text", _claim_text("c01"), "--topic", "land", "--json"])
    assert added["repeats"] >= 12

    listed = _json(["claims", "list", "--json"])
    assert listed[0]["id"] == added["id"] and listed[0]["topic"] == "land"
    assert runner.invoke(app, ["claims", "list"]).exit_code == 0

    # new posts arrive; `claims match` picks up only what is new
    _ingest(cli_env, tmp_path, _posts("c07"), kind=ChannelKind.feedback, name="Góp ý 2")
    matched = _json(["claims", "match", "--json"])
    assert matched["documents"] == 32 and matched["repeats"] == 0
    assert _json(["claims", "match", "--json"])["documents"] == 0

    review = _json(
        [
            "claims",
            "clarify",
            str(added["id"]),
            "--text",
            "Không giải tỏa trắng khu phố; dự án kè chỉ thu hồi đất của 12 hộ.",
            "--rating",
            "Sai",
            "--agency",
            "UBND phường Tân Định",
            "--url",
            "https://tandinh.example.gov.vn/dinh-chinh",
            "--published",
            "2026-10-15",
        ]
    )
    assert_claim_review_shape(review)
    assert review["datePublished"] == "2026-10-15"
    assert _json(["claims", "review", str(added["id"])]) == review

    view = _json(["claims", "show", str(added["id"]), "--json"])
    assert view["claim_review"] == review
    assert view["spread"]["after_clarification"]["since"] == "2026-10-15"
    shown = runner.invoke(app, ["claims", "show", str(added["id"]), "--by", "day"])
    assert shown.exit_code == 0 and "clarified" in shown.output

    with cli_env.sessions() as session:
        before = session.query(ClaimMatch).count()
    assert _json(["claims", "match", "--json"])["repeats"] == 0
    with cli_env.sessions() as session:
        assert session.query(ClaimMatch).count() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["claims", "add", "--text", "tin đồn"], "at least 3 words"),
        (["claims", "add", "--text", "Đập thủy điện bị vỡ rồi", "--topic", "nope"], "No topic"),
        (["claims", "show", "5"], "No claim 5"),
        (["claims", "review", "5"], "No claim 5"),
        (
            ["claims", "clarify", "5", "--text", "x", "--rating", "Sai", "--agency", "UBND"],
            "No claim 5",
        ),
    ],
)
def test_bad_input_exits_2_and_says_why(cli_env, args, message):
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())


def test_a_claim_without_clarification_has_no_review(cli_env):
    added = _json(["claims", "add", "--text", _claim_text("c05"), "--json"])
    result = runner.invoke(app, ["claims", "review", str(added["id"])])
    assert result.exit_code == 2 and "no clarification yet" in " ".join(result.output.split())
    rating = runner.invoke(
        app,
        ["claims", "clarify", str(added["id"]), "--text", "x", "--rating", "bịa", "--agency", "A"],
    )
    assert rating.exit_code == 2 and "Unknown rating" in " ".join(rating.output.split())
