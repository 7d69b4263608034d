"""The buddy programme's views, by topic: the member's own page, the pair space, moderation."""
