"""Wiki services by topic: pages, revisions, conflicts, freshness, promote, moderation, watching."""
