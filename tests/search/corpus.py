"""Demo-like German content for the relevance tests: forum threads, wiki pages, profiles."""
from alumni_hub.accounts.models import User
from alumni_hub.boards.services import categories, threads
from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db
from alumni_hub.members.models import Profile
from alumni_hub.wiki.services import creation as pages

THREADS = [
    ("Außerschulische Lernorte", "Feuerwehren als außerschulische Lernorte",
     "Bei uns im Landkreis öffnen die Freiwilligen Feuerwehren ihre Gerätehäuser für "
     "Schulklassen. Die Kinder lernen Brandschutz und Physik ganz praktisch."),
    ("Außerschulische Lernorte", "Schwimmvereine als Partner für MINT",
     "Der örtliche Schwimmverein erklärt Auftrieb und Dichte im Hallenbad. "
     "Die Rettungsschwimmer machen gern mit."),
    ("Projekte", "Was gehört in ein MINT-Mobil?",
     "Wir planen ein MINT-Mobil für die Grundschulen im Kreis: Mikroskope, Lötstationen, "
     "Calliope-Boards?"),
    ("Projekte", "Erfahrungen mit dem MINT Mobil aus Oldenburg",
     "Unser MINT Mobil fährt seit 2021 zu den Schulen. Wichtig ist eine gute Tourenplanung."),
    ("Berufsorientierung", "Berufs\u00adorientierung außerhalb der Schulzeit",
     "Wie motiviert man Jugendliche in den Ferien? Wir suchen Ideen für Angebote am Nachmittag."),
    ("Berufsorientierung", "Elternabend zur Berufs-Orientierung",
     "Wir laden Eltern ein und stellen Ausbildungsberufe aus der Region vor."),
    ("Berufsorientierung", "Praktikumswoche im Sommer",
     "Die Praktikumswoche vermittelt Schülerinnen und Schülern eintägige Praktika in Betrieben."),
    ("Projekte", "Experimentierkisten ausleihen",
     "In unserer Stadtbibliothek können Lehrkräfte Kisten zu Magnetismus und Strom ausleihen."),
    ("Netzwerkarbeit", "Öffentlichkeitsarbeit für kleine Netzwerke",
     "Pressemitteilungen, Instagram und der Newsletter: wie macht ihr Pressearbeit ohne Budget?"),
    ("Netzwerkarbeit", "Förderprogramme für Schülerlabore",
     "Welche Programme gibt es vom Land und von Stiftungen für die Ausstattung?"),
    ("Projekte", "Jugendunternehmenswerkstatt gegründet",
     "Unsere Werkstatt bringt Jugendliche und Unternehmen zusammen; sie gründen eine Schülerfirma."),
    ("Netzwerkarbeit", "Verkehrsplanung an der Hauptstraße",
     "Die Haltestelle wurde verlegt; Exkursionen mit dem Bus dauern jetzt länger."),
    ("Außerschulische Lernorte", "Imkerei im Schulgarten",
     "Bienenvölker im Schulgarten: Biologie zum Anfassen für die fünfte Klasse."),
    ("Netzwerkarbeit", "Netzwerktreffen im Herbst",
     "Das nächste Treffen findet im Oktober statt, Thema ist die Fachkräftesicherung in der Region."),
    ("Projekte", "Hackathon für Mädchen",
     "Ein Wochenende nur für Mädchen stärkt das Interesse an Informatik."),
    ("Projekte", "Kiste mit Sensoren",
     "Eine Sammlung von Sensoren für den Physikunterricht, sortiert nach Themen."),
    ("Berufsorientierung", "Ausbildungsmesse planen",
     "Checkliste für die Messe: Aussteller, Räume, Catering und Anmeldung der Klassen."),
]

PAGES = [
    ("Experimentierkisten", "Eine gute Experimentierkiste enthält Material für eine Doppelstunde."),
    ("Öffentlichkeitsarbeit", "Tipps für Pressearbeit, soziale Medien und Flyer."),
    ("Förderprogramme", "Übersicht über Bundesprogramme, Landesprogramme und Stiftungsmittel."),
    ("Praktikumswoche", "Ablauf: Betriebe anmelden, Jugendliche vermitteln, Rückmeldung einholen."),
    ("Straßenfest als Bühne für MINT", "Ein Stand beim Stadtteilfest mit Experimenten zum Mitmachen."),
]
DELETED_PAGE = ("Geheimprojekt Zeppelin", "Ein Luftschiff über dem Marktplatz.")

MEMBERS = [
    ("Ada Lovelace", True, {"organisation": "zdi-Netzwerk Ostwestfalen",
                            "can_help_with": "Robotik und Hackathons"}),
    ("Emmy Noether", True, {"city": "Erlangen", "can_help_with": "Schülerwettbewerbe in Mathematik"}),
    ("Grace Hopper", False, {"can_help_with": "Compilerbau"}),
]


def build(app, make_user) -> None:
    """All of the above, through the features' services."""
    moderator_id, author_id = make_user(role="moderator").id, make_user(display_name="Kim Beispiel").id
    member_ids = [(make_user(display_name=name).id, listed, profile)
                  for name, listed, profile in MEMBERS]
    with app.app_context():
        moderator, author = db.session.get(User, moderator_id), db.session.get(User, author_id)
        boards = {}
        for board, title, body in THREADS:
            if board not in boards:
                boards[board] = categories.create_category(actor=moderator, name=board)
            threads.create_thread(author=author, category=boards[board], title=title,
                                  kind="discussion", body_md=body)
        for title, body in PAGES:
            pages.create_page(actor=author, title=title, body_md=body)
        pages.create_page(actor=author, title=DELETED_PAGE[0], body_md=DELETED_PAGE[1]
                          ).deleted_at = utcnow()
        for user_id, listed, profile in member_ids:
            db.session.add(Profile(user_id=user_id, listed_in_directory=listed, **profile))
        db.session.commit()
