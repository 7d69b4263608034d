"""Routes of members, one module per topic."""
