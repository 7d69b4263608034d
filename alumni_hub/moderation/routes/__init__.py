"""Routes of moderation, one module per topic."""
