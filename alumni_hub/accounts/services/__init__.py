"""Services of accounts (every write: flush, raise, never commit), one module per topic."""
