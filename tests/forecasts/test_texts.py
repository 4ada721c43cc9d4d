"""Both languages carry the same sentences with the same placeholders."""

from __future__ import annotations

import string

from opiniondesk.forecasts import texts
from opiniondesk.forecasts.forecaster import Reason


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_same_keys_and_placeholders():
    assert texts.VI.keys() == texts.EN.keys()
    for key in texts.VI:
        assert fields(texts.VI[key]) == fields(texts.EN[key]), key


def test_every_reason_and_method_has_a_sentence():
    for reason in Reason:
        assert f"reason_{reason.value}" in texts.VI
    for method in ("ets", "harmonic_ets", "recent_mean", "logit_ets", "pooled_share", "none"):
        assert f"method_{method}" in texts.VI


def test_unknown_language_falls_back_to_vietnamese():
    assert texts.text("week", "fr") == texts.VI["week"]
