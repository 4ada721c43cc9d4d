"""Vietnamese text processing: normalisation, matching form, teencode and abbreviations,
segmentation, stopwords, language identification, PII redaction and author pseudonyms."""

from opiniondesk.text.abbreviations import ABBREVIATIONS, expand_abbreviations
from opiniondesk.text.language import detect_language
from opiniondesk.text.matching import match_form
from opiniondesk.text.normalize import fold, has_diacritics, normalize_text
from opiniondesk.text.pii import PLACEHOLDERS, Redaction, Span, redact
from opiniondesk.text.pseudonym import author_key
from opiniondesk.text.segment import segment, segment_many
from opiniondesk.text.stopwords import STOPWORDS, is_stopword
from opiniondesk.text.teencode import expand_teencode

__all__ = [
    "ABBREVIATIONS",
    "PLACEHOLDERS",
    "STOPWORDS",
    "Redaction",
    "Span",
    "author_key",
    "detect_language",
    "expand_abbreviations",
    "expand_teencode",
    "fold",
    "has_diacritics",
    "is_stopword",
    "match_form",
    "normalize_text",
    "redact",
    "segment",
    "segment_many",
]
