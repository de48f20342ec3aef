"""Use cases: each function opens one session, validates, audits, and returns plain data."""
