"""Wiki services by topic: creation, revisions, conflicts, freshness, promote, moderation …"""
