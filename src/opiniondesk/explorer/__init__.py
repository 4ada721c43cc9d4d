"""The explorer: full-text search over redacted documents, filters and document detail."""
