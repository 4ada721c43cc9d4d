"""Field collaborators' reports: an idempotent submission API and an offline-capable form."""
