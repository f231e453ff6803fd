"""Source reliability and truth discovery over pandas/numpy. No UI, no database."""
