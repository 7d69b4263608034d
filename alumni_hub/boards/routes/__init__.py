"""Routes of boards, one module per topic."""
