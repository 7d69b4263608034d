"""Services of boards (every write: flush, raise, never commit), one module per topic."""
