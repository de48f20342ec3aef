"""Builders of test data for the outreach tests: messy spreadsheets and a hearing with guests."""
