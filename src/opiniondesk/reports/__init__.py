"""Periodic public-opinion reports (monthly, quarterly, custom) as DOCX, PDF and XLSX."""
