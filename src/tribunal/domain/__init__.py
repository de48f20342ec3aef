"""Pure rules of the arbitration domain: no Qt, no SQL."""
