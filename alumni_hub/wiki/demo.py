"""Demo content for the wiki: tips pages with links between them, revisions, one stale page.

Topic names follow the members demo; topics missing from ctx["topics"] are skipped.
"""
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from alumni_hub.core.db import utcnow
from alumni_hub.core.urls import site_path
from alumni_hub.extensions import db
from alumni_hub.notifications.demo import add_demo_notification, demo_recipients
from alumni_hub.notifications.kinds import Kind
from alumni_hub.wiki.models import Revision
from alumni_hub.wiki.services import revisions
from alumni_hub.wiki.services import creation

PAGES = [
    ("Experimentierkisten", ["Experimentierkisten", "Schülerlabore"],
     "Experimentierkisten machen MINT in jeder Grundschule möglich – ohne Fachraum.\n\n"
     "## Was hinein gehört\n\n- Becherlupen, Pipetten, Messbecher\n- Schutzbrillen für eine "
     "ganze Gruppe\n- laminierte Anleitungskarten\n\n## Ausleihe\n\nBewährt hat sich eine "
     "Ausleihe über das Medienzentrum. Geld dafür: siehe [[Förderprogramme]]."),
    ("MINT-Mobil-Ausstattung", ["MINT-Mobil", "außerschulische Lernorte"],
     "Ein MINT-Mobil bringt das Labor aufs Land.\n\n## Grundausstattung\n\n- Mikroskope "
     "(eins pro Zweiergruppe)\n- Lötstationen und Bausätze\n- Tablets mit Offline-Apps\n\n"
     "Die Inhalte ähneln den [[Experimentierkisten]], nur für ältere Jahrgänge. Für die "
     "Finanzierung lohnt die [[Ansprache von Unternehmen]]."),
    ("Praktikumswoche", ["Praktikumswoche", "Berufsorientierung"],
     "In der Praktikumswoche lernen Jugendliche an fünf Tagen fünf Betriebe kennen.\n\n"
     "## Ablauf\n\n1. Betriebe gewinnen (siehe [[Ansprache von Unternehmen]])\n2. Schulen im "
     "Herbst informieren\n3. Anmeldung über die Plattform\n\nTipp: Eltern über die "
     "[[Öffentlichkeitsarbeit|Pressearbeit]] früh einbinden."),
    ("Förderprogramme", ["Fördermittel"],
     "Eine Übersicht der Fördertöpfe, die bei uns funktioniert haben.\n\n- Landesprogramme "
     "für MINT-Regionen\n- Stiftungen (z. B. regionale Sparkassenstiftungen)\n- EU-Mittel "
     "über die [[Kommunale Bildungskoordination]]\n\nWichtig: Fristen im Kalender notieren!"),
    ("Ansprache von Unternehmen", ["Ansprache von Unternehmen", "Berufsorientierung"],
     "Unternehmen unterstützen gern, wenn der Nutzen für die Fachkräftesicherung klar ist.\n\n"
     "## Gesprächsleitfaden\n\n- mit der IHK oder Handwerkskammer gemeinsam anfragen\n- "
     "konkrete Bitte (Praktikumsplatz, Sachspende, Ausbilder:in für einen Workshop)\n- "
     "Erfolge zeigen, z. B. aus der [[Praktikumswoche]]"),
    ("Öffentlichkeitsarbeit", ["Öffentlichkeitsarbeit"],
     "Pressemitteilungen zwei Wochen vorher, Fotos mit Einverständniserklärung, und nach "
     "jeder Aktion ein kurzer Bericht für die Website der Partner.\n\nSiehe auch "
     "[[Social Media im Netzwerk]]."),
    ("Außerschulische Lernorte", ["außerschulische Lernorte"],
     "Feuerwehren, Schwimmvereine, Kläranlagen und Imkereien sind großartige Lernorte.\n\n"
     "Eine Liste mit Ansprechpersonen pflegt jede Region selbst; das [[MINT-Mobil-Ausstattung"
     "|MINT-Mobil]] kann fehlende Ausstattung mitbringen."),
    ("Workshop-Zyklus für neue Netzwerke", ["Netzwerkmoderation"],
     "Vier Workshops im ersten Jahr: Bestandsaufnahme, Zielbild, Maßnahmen, Rückblick.\n\n"
     "Neue Koordinator:innen bekommen dafür eine:n Buddy."),
    ("Jugendliche außerhalb der Schulzeit erreichen", ["Ferienangebote", "Berufsorientierung"],
     "Ferienangebote mit Verpflegung, kurze Formate am Nachmittag, und Aktionen dort, wo "
     "Jugendliche ohnehin sind (Sportverein, Jugendzentrum).\n\nSiehe [[Praktikumswoche]]."),
    ("Sicherheitsregeln bei Experimenten", ["Experimentierkisten"],
     "Schutzbrillen, Haare zusammenbinden, nichts probieren. Die Regeln auf einer Karte in "
     "jede der [[Experimentierkisten]] legen."),
]

EDITS = {
    "Experimentierkisten": "\n\n## Kosten\n\nEtwa 150 Euro pro Kiste, Verbrauchsmaterial extra.",
    "Förderprogramme": "\n\nNeu: Programme der Agentur für Arbeit zur Berufsorientierung.",
    "Praktikumswoche": "\n\nIn unserer Region haben 2024 über 60 Betriebe mitgemacht.",
}


def _topics_by_name(ctx) -> dict:
    return {topic.name: topic.id for topic in ctx.get("topics", [])}


def _backdate(page, revision, when, *, created: bool = True) -> None:
    revision.created_at = page.updated_at = page.confirmed_at = when
    if created:
        page.created_at = when


def seed(ctx: dict) -> None:
    users, rng = ctx["users"], ctx["rng"]
    topic_ids = _topics_by_name(ctx)
    created = {}
    now = utcnow()
    for index, (title, topic_names, body) in enumerate(PAGES):
        author = rng.choice(users)
        page = created[title] = creation.create_page(
            actor=author, title=title, body_md=body, summary="Erste Fassung",
            topic_ids=[topic_ids[n] for n in topic_names if n in topic_ids])
        # Spread the pages over the last months, so the demo's recent changes read like
        # a living wiki rather than everything written a minute ago.
        _backdate(page, page.current_revision, now - timedelta(days=200 - index * 17,
                                                               hours=rng.randint(0, 10)))
    for title, addition in EDITS.items():
        page = created[title]
        revision = revisions.add_revision(page=page, actor=rng.choice(users),
                                          body_md=page.current_revision.body_md + addition,
                                          summary="Ergänzt")
        _backdate(page, revision, min(page.created_at + timedelta(days=rng.randint(5, 40)),
                                      now - timedelta(days=1)), created=False)
    # One page nobody has confirmed for well over a year shows up in the freshness list.
    stale = created["Workshop-Zyklus für neue Netzwerke"]
    stale.confirmed_at = utcnow() - timedelta(days=430)
    created["Sicherheitsregeln bei Experimenten"].protected = True
    ctx["wiki_pages"] = list(created.values())
    _notify_demo_logins(ctx)


def _notify_demo_logins(ctx: dict) -> None:
    """Each demo login hears about the latest changes others made, linked to the diff."""
    db.session.flush()
    for recipient in demo_recipients(ctx):
        for revision in _changes_by_others(recipient.id):
            add_demo_notification(ctx, recipient=recipient, kind=Kind.WIKI_CHANGED,
                                  actor=revision.author, url=_diff_path(revision),
                                  title=revision.page.title, when=revision.created_at)


def _changes_by_others(user_id: int) -> list[Revision]:
    return list(db.session.scalars(
        select(Revision).where(Revision.number > 1, Revision.author_id != user_id)
        .options(joinedload(Revision.page), joinedload(Revision.author))
        .order_by(Revision.created_at.desc()).limit(2)))


def _diff_path(revision: Revision) -> str:
    return site_path("wiki.compare_revisions", slug=revision.page.slug,
                     von=revision.number - 1, bis=revision.number)
