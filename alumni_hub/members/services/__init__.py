"""Services of members (every write: flush, raise, never commit), one module per topic."""
