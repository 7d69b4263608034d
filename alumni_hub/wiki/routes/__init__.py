"""Routes of wiki, one module per topic."""
