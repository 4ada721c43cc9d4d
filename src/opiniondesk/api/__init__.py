"""The REST API under /api/v1: the pages' data and actions as JSON, for tokens and scripts."""
