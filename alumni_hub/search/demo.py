"""Demo data: none of its own; it indexes what the other features' demos created."""
from alumni_hub.extensions import db
from alumni_hub.search import indexing


def seed(ctx: dict) -> None:
    # Runs last (FEATURES order), so content a demo wrote past the ORM is indexed too.
    db.session.flush()
    ctx["search_documents"] = sum(indexing.reindex_all(db.session).values())
