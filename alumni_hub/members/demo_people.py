"""Demo content for members: realistic (invented) coordinators of German MINT networks."""

COHORTS = [f"{season} {year}" for year in range(2021, 2026)
           for season in ("Frühjahrskurs", "Herbstkurs")]

TOPICS = [
    "Berufsorientierung", "MINT-Mobil", "Experimentierkisten", "Öffentlichkeitsarbeit",
    "Mädchen für MINT", "Digitalisierung", "Fördermittel", "außerschulische Lernorte",
    "Praktikumswoche", "Ansprache von Unternehmen", "Lehrkräftefortbildung", "Ferienangebote",
    "Netzwerkmoderation", "Evaluation", "Schülerlabore", "Nachhaltigkeit",
]

# email local part, display name, organisation, network, type, Land, city
PEOPLE = [
    ("admin", "Katrin Albers", "IHK Oldenburg", "Alumni-Netzwerk Netzwerkkoordination",
     "fachkraefte", "NI", "Oldenburg"),
    ("moderator", "Jörg Hinrichs", "Körber-Stiftung", "MINT-Netzwerk Hamburg",
     "mint_region", "HH", "Hamburg"),
    ("mitglied", "Miriam Schulte", "Wirtschaftsförderung Landkreis Emsland",
     "MINT-Region Emsland", "mint_region", "NI", "Meppen"),
    ("s.becker", "Sabine Becker", "zdi-Zentrum Kreis Lippe", "zdi-Netzwerk Lippe",
     "zdi", "NW", "Detmold"),
    ("t.wagner", "Thomas Wagner", "Bildungsbüro Kreis Gütersloh", "MINT-Region Ostwestfalen",
     "mint_region", "NW", "Gütersloh"),
    ("a.nowak", "Agnieszka Nowak", "zdi-Zentrum Bochum", "zdi-Netzwerk Bochum.MINT",
     "zdi", "NW", "Bochum"),
    ("f.hoffmann", "Frank Hoffmann", "Kreis Steinfurt – Amt für Bildung",
     "zdi-Netzwerk Steinfurt", "zdi", "NW", "Steinfurt"),
    ("l.yilmaz", "Leyla Yılmaz", "Stadt Köln, Bildungsbüro", "MINT-Netzwerk Köln",
     "bildungskommune", "NW", "Köln"),
    ("h.meyer", "Hauke Meyer", "Landkreis Cuxhaven, Wirtschaftsförderung",
     "MINT-Region Cuxhaven", "mint_region", "NI", "Cuxhaven"),
    ("j.brinkmann", "Julia Brinkmann", "Stiftung Bildung Osnabrück", "MINT-Netzwerk Osnabrück",
     "mint_cluster", "NI", "Osnabrück"),
    ("m.jansen", "Maren Jansen", "Landkreis Leer", "Fachkräftebündnis Ostfriesland",
     "fachkraefte", "NI", "Leer"),
    ("k.petersen", "Kai Petersen", "Wirtschaftsförderung Nordfriesland",
     "MINT-Region Nordfriesland", "mint_region", "SH", "Husum"),
    ("b.lorenzen", "Birte Lorenzen", "Kiel Region GmbH", "MINT-Netzwerk KielRegion",
     "mint_cluster", "SH", "Kiel"),
    ("s.koch", "Stefanie Koch", "Handelskammer Bremen", "MINT-Netzwerk Bremen",
     "fachkraefte", "HB", "Bremen"),
    ("c.schmidt", "Christian Schmidt", "Landkreis Rostock", "MINT-Region Rostock",
     "mint_region", "MV", "Güstrow"),
    ("a.krueger", "Anja Krüger", "Hochschule Stralsund, Transferstelle",
     "MINT-Netzwerk Vorpommern", "mint_cluster", "MV", "Stralsund"),
    ("p.neumann", "Paul Neumann", "Bezirksamt Marzahn-Hellersdorf", "MINT-Kiez Berlin-Ost",
     "bildungskommune", "BE", "Berlin"),
    ("d.ozturk", "Deniz Öztürk", "Technologiestiftung Berlin", "MINT-Netzwerk Berlin",
     "mint_cluster", "BE", "Berlin"),
    ("u.lehmann", "Ulrike Lehmann", "Landkreis Oberhavel", "MINT-Region Oberhavel",
     "mint_region", "BB", "Oranienburg"),
    ("r.zimmermann", "Ralf Zimmermann", "Wirtschaftsregion Lausitz GmbH",
     "Fachkräfteallianz Lausitz", "fachkraefte", "BB", "Cottbus"),
    ("i.hartmann", "Ines Hartmann", "Stadt Magdeburg, Bildungsbüro", "MINT-Region Magdeburg",
     "bildungskommune", "ST", "Magdeburg"),
    ("m.fischer", "Martin Fischer", "Landkreis Harz", "MINT-Netzwerk Harz",
     "mint_region", "ST", "Halberstadt"),
    ("k.richter", "Katja Richter", "Stadt Leipzig, Amt für Schule", "MINT-Netzwerk Leipzig",
     "bildungskommune", "SN", "Leipzig"),
    ("s.wolf", "Sebastian Wolf", "Landkreis Görlitz", "MINT-Region Oberlausitz",
     "mint_region", "SN", "Görlitz"),
    ("n.schaefer", "Nadine Schäfer", "Landratsamt Ilm-Kreis", "MINT-Netzwerk Ilmenau",
     "mint_cluster", "TH", "Arnstadt"),
    ("t.koenig", "Tobias König", "Stadt Jena, Bildungsmanagement", "MINT-Region Jena",
     "bildungskommune", "TH", "Jena"),
    ("e.schneider", "Eva Schneider", "Wirtschaftsförderung Kreis Offenbach",
     "MINT-Netzwerk Rhein-Main", "mint_region", "HE", "Dietzenbach"),
    ("o.weber", "Oliver Weber", "Landkreis Marburg-Biedenkopf", "MINT-Region Mittelhessen",
     "mint_region", "HE", "Marburg"),
    ("g.braun", "Gabriele Braun", "Kreisverwaltung Mayen-Koblenz", "MINT-Netzwerk Koblenz",
     "fachkraefte", "RP", "Koblenz"),
    ("m.klein", "Markus Klein", "Landkreis Kaiserslautern", "MINT-Region Westpfalz",
     "mint_region", "RP", "Kaiserslautern"),
    ("c.mueller", "Claudia Müller", "Saarland Universität, Schülerlabor",
     "MINT-Netzwerk Saar", "mint_cluster", "SL", "Saarbrücken"),
    ("h.schwarz", "Heike Schwarz", "Landratsamt Ortenaukreis", "MINT-Region Ortenau",
     "mint_region", "BW", "Offenburg"),
    ("j.frank", "Johannes Frank", "Wirtschaftsförderung Region Stuttgart",
     "MINT-Netzwerk Region Stuttgart", "fachkraefte", "BW", "Stuttgart"),
    ("v.schuster", "Verena Schuster", "Stadt Ulm, Bildungsbüro", "MINT-Region Ulm",
     "bildungskommune", "BW", "Ulm"),
    ("a.huber", "Andreas Huber", "Landratsamt Rosenheim", "MINT-Region Rosenheim",
     "mint_region", "BY", "Rosenheim"),
    ("s.maier", "Sophie Maier", "Stadt Nürnberg, Bildungsbüro", "MINT-Netzwerk Nürnberg",
     "bildungskommune", "BY", "Nürnberg"),
    ("l.bauer", "Lukas Bauer", "Landkreis Passau", "Fachkräfteinitiative Passauer Land",
     "fachkraefte", "BY", "Passau"),
    ("w.schmitz", "Werner Schmitz", "Förderverein MINT-Mobil e. V.", "MINT-Mobil Niederrhein",
     "other", "NW", "Krefeld"),
    ("n.peters", "Nina Peters", "Landkreis Diepholz", "MINT-Region Diepholz",
     "mint_region", "NI", "Diepholz"),
    ("m.vogel", "Melanie Vogel", "Bildungsregion Hameln-Pyrmont", "MINT-Region Weserbergland",
     "bildungskommune", "NI", "Hameln"),
]

CAN_HELP = [
    "Aufbau eines MINT-Mobils von der Idee bis zur ersten Tour.",
    "Förderanträge (ESF Plus, Landesprogramme) – ich teile gern meine Vorlagen.",
    "Unternehmen für eine Praktikumswoche gewinnen, inklusive Anschreiben.",
    "Öffentlichkeitsarbeit mit kleinem Budget: Presse, Instagram, Newsletter.",
    "Experimentierkisten für Grundschulen zusammenstellen und verleihen.",
    "Workshopreihe „Mädchen für MINT“ mit Ausbildungsbetrieben.",
    "Moderation von Netzwerktreffen und Steuerungsgruppen.",
    "Ferienangebote mit Vereinen, Feuerwehr und Schwimmverein planen.",
    "Lehrkräftefortbildungen gemeinsam mit dem Kompetenzzentrum organisieren.",
]

SEEKS_HELP = [
    "Wie erreichen wir Jugendliche außerhalb der Schulzeit für Berufsorientierung?",
    "Ideen für eine Evaluation, die nicht nur Teilnehmendenzahlen zählt.",
    "Erfahrungen mit Schülerlaboren im ländlichen Raum.",
    "Wer hat Tipps, wie man kleine Handwerksbetriebe ins Netzwerk holt?",
    "Verstetigung nach Ende der Projektförderung.",
    "Digitale Lernangebote, die Schulen wirklich nutzen.",
    "Kooperation mit außerschulischen Lernorten wie Museen und Bauernhöfen.",
]

BIOS = [
    "Ich koordiniere seit {year} das Netzwerk **{network}** und bringe Schulen, "
    "Unternehmen und Kommune an einen Tisch.\n\nBesonders am Herzen liegt mir, dass "
    "Angebote auch im ländlichen Raum ankommen.",
    "Nach einigen Jahren in der Wirtschaftsförderung bin ich seit {year} für das Netzwerk "
    "„{network}“ zuständig. Schreibt mich gern an, wenn ihr Fragen zur Zusammenarbeit mit "
    "Betrieben habt!",
    "Mein Schwerpunkt im Netzwerk „{network}“: *Berufsorientierung zum Anfassen* – vom "
    "Girls' Day bis zur Praktikumswoche. Seit {year} dabei.",
]
