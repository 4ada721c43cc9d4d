"""Claims circulating in public and their official clarifications.

Documents are matched to known claims by TF-IDF similarity with a tuned threshold plus a
stance check (a denial is not the rumour spreading); each claim shows its spread over time and
places; publishing a clarification produces schema.org ClaimReview JSON-LD.

Public API: `service.register_claim`, `service.match_new_documents` (for the pipeline or a job
after ingest), `service.match_pending`, `service.list_claims`, `service.claim_view`,
`actions.publish_clarification`, `claimreview.claim_review`. CLI: `opiniondesk claims`.
"""
