"""Routes of accounts, one module per topic."""
