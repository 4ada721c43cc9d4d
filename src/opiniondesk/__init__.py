"""opiniondesk — Vietnamese-first public-opinion desk."""

__version__ = "0.1.0"
