"""The key questions and choices of the six bouwstenen (seed 002, "Bouwstenen voor
de ontwikkeling van sociale (wijk)teams") and of the plan van aanpak (seed 000,
"Hoe wordt een sociaal wijkteam gerealiseerd?": wat, waarom, wie, waar, wanneer, hoe).

Data, not templates: a gemeente adapts the wording in the admin. The data is frozen
here (a migration must not import code that changes later).
Question: (code, heading, text, help_text, kind, [(code, label, description)]).
"""

from django.db import migrations

T, S, M = "text", "single", "multiple"

STARTDOCUMENT = [
    (
        "opgave",
        "Opgave",
        "Wat is het vraagstuk of de opgave? Welke potentie is er in de wijk? Wat zijn de doelstellingen van het team?",
        [
            (
                "kenmerken",
                "Vraagstuk en potentie",
                "Wat zijn de belangrijkste kenmerken van de wijk (demografisch, fysiek, sociaal, problematiek)?",
                "Gebruik de gebiedsanalyse: kerncijfers, problematiek en sociale infrastructuur.",
                T,
                [],
            ),
            (
                "infrastructuur",
                "Vraagstuk en potentie",
                "Hoe ziet de lokale infrastructuur er uit (wijkorganisaties, mkb, kerken/moskeeën, verenigingen, informele verbanden en zorgnetwerken etc.)?",
                "",
                T,
                [],
            ),
            (
                "potenties",
                "Vraagstuk en potentie",
                "Welke potenties/ hulpbronnen zijn in de wijk aanwezig?",
                "",
                T,
                [],
            ),
            (
                "aansluiting",
                "Vraagstuk en potentie",
                "Hoe kan het team optimaal aansluiten bij de lokale context?",
                "",
                T,
                [],
            ),
            (
                "burgers",
                "Vraagstuk en potentie",
                "Hoe kunnen burgers maximaal betrokken worden bij de definities van opgaves en bij de ontwikkeling van het team?",
                "",
                T,
                [],
            ),
            (
                "doelstellingen",
                "Doelstellingen",
                "Wat zijn de doelstellingen van het team?",
                "Kies één of meer doelstellingen en licht ze toe.",
                M,
                [
                    (
                        "sociale-veerkracht",
                        "Versterken van de sociale veerkracht van de bewoners",
                        "Door ontmoeting, sociale binding en de opbouw van burgerkracht.",
                    ),
                    (
                        "kwetsbare-inwoners",
                        "Ondersteunen van kwetsbare inwoners",
                        "Om zelfregie en maatschappelijke participatie te versterken.",
                    ),
                    (
                        "samenwerking",
                        "Optimale ondersteuning en goede samenwerking van professionals",
                        "Binnen de beschikbare middelen.",
                    ),
                ],
            ),
            (
                "focus",
                "Doelstellingen",
                "Waar ligt de focus?",
                "",
                M,
                [
                    ("toegang", "Toegang", ""),
                    ("welzijnsarrangementen", "Welzijnsarrangementen", ""),
                    ("individuele-zorg", "Individuele zorg/ondersteuning", ""),
                    ("schakelfunctie", "Schakelfunctie", ""),
                ],
            ),
        ],
    ),
    (
        "inrichting",
        "Inrichting en uitvoering",
        "Hoe wordt het wijkgericht werken afgebakend?",
        [
            (
                "breedte",
                "Breedte",
                "Welke gebieden van het sociale domein bestrijkt het team?",
                "",
                M,
                [
                    ("psychosociaal", "Psychosociale hulpverlening", ""),
                    ("somatisch", "Somatische zorg", ""),
                    ("schuldhulp", "Schuldhulpverlening", ""),
                    ("samenlevingsopbouw", "Samenlevingsopbouw", ""),
                    ("arbeidsparticipatie", "Arbeidsparticipatie", ""),
                    ("mantelzorg", "Mantelzorgondersteuning", ""),
                    ("vrijwilligerswerk", "Vrijwilligerswerk", ""),
                    ("veiligheid", "Openbare veiligheid", ""),
                ],
            ),
            (
                "diepte-inzet",
                "Diepte",
                "Hoe ver gaat de inzet? Denk hierbij aan duur, intensiteit, tijdsinzet.",
                "",
                T,
                [],
            ),
            (
                "diepte-disciplines",
                "Diepte",
                "Welke disciplines en ervaringsdeskundigheid zijn/is beschikbaar in de wijk?",
                "",
                T,
                [],
            ),
            (
                "diepte-doorverwijzen",
                "Diepte",
                "Wanneer en hoe wordt doorverwezen naar specialistische inzet?",
                "",
                T,
                [],
            ),
            (
                "focus-team",
                "Focus van het team",
                "Zijn er in de wijk meerdere gefocuste teams die naast elkaar (gaan) opereren, of wordt er gekozen voor één, breder team?",
                "Bijvoorbeeld: jeugd, psychosociale zorg, wijkverpleging en welzijn.",
                S,
                [
                    ("meerdere-teams", "Meerdere gefocuste teams naast elkaar", ""),
                    ("een-breed-team", "Eén, breder team", ""),
                ],
            ),
            (
                "integratie",
                "Hoe geïntegreerd?",
                "Wordt gekozen voor een samenwerkingsverband, een geïntegreerd team of een integraal werkend team?",
                "",
                S,
                [
                    ("samenwerkingsverband", "Samenwerkingsverband", ""),
                    ("geintegreerd", "Geïntegreerd team", ""),
                    ("integraal", "Integraal werkend team", ""),
                ],
            ),
        ],
    ),
    (
        "vormgeving",
        "Vormgeving",
        "Hoe kan het team concreet worden vormgegeven?",
        [
            (
                "model",
                "Model",
                "Welk model kiest u voor het team?",
                "Licht de keuze toe: waarom past dit model bij de opgave?",
                S,
                [
                    (
                        "samenwerkingsverband",
                        "Het samenwerkingsverband",
                        "Dit kan de vorm hebben van een casus- of netwerkoverleg. Je kunt hier niet spreken van een team. Daar is pas sprake van als een groep professionals met een gezamenlijke verantwoordelijkheid in nauwe samenwerking dezelfde doelen nastreven.",
                    ),
                    (
                        "geintegreerd",
                        "Het geïntegreerd werkend team",
                        "In dit type team hebben professionals nog een sterke binding met hun oorspronkelijke 'moederorganisatie'. Disciplines van verschillende organisaties worden geïntegreerd in een functionele eenheid, die zich richt op een specifiek geografisch gebied.",
                    ),
                    (
                        "integraal",
                        "Het integrale team",
                        "Een integraal team is een gemandateerd, zelfstandig werkend team dat op diverse terreinen beslissingsbevoegdheid heeft. Het team heeft een eigen leidinggevende die functioneel/hiërarchisch verantwoording aflegt aan de gemeente en/of aan het consortium van samenwerkende instellingen. Het team werkt vanuit één visie en (basis)werkwijze.",
                    ),
                ],
            ),
        ],
    ),
    (
        "aansturing",
        "Aansturing",
        "Wie stuurt het wijkteam aan en welke afspraken zijn er gemaakt over de organisatie van het samenwerkingsverband?",
        [
            (
                "regie-organisatie",
                "Regie (samenwerkingsvorm)",
                "Welke organisatie heeft de regie over de activiteiten van het wijkteam?",
                "",
                T,
                [],
            ),
            (
                "regie-teamleider",
                "Regie (samenwerkingsvorm)",
                "Is er sprake van een meewerkend teamleider?",
                "",
                T,
                [],
            ),
            (
                "regie-regievoerder",
                "Regie (samenwerkingsvorm)",
                "Wie, of welke organisatie, is op casusniveau de regievoerder?",
                "",
                T,
                [],
            ),
            (
                "regie-eindverantwoordelijk",
                "Regie (samenwerkingsvorm)",
                "Welke partij heeft de eindverantwoordelijkheid voor de activiteiten in het netwerk?",
                "",
                T,
                [],
            ),
            (
                "org-entiteit",
                "Organisatie (geïntegreerd of integraal team)",
                "Wordt het wijkteam gevormd als nieuwe juridische entiteit, naast bestaande organisaties?",
                "",
                T,
                [],
            ),
            (
                "org-moederorganisatie",
                "Organisatie (geïntegreerd of integraal team)",
                "Hoe wordt de verbinding tussen de professional in het wijkteam en de moederorganisatie georganiseerd?",
                "",
                T,
                [],
            ),
            (
                "org-verantwoording",
                "Organisatie (geïntegreerd of integraal team)",
                "Aan wie, waarover en hoe moeten professionals verantwoording afleggen?",
                "",
                T,
                [],
            ),
            (
                "org-gefaciliteerd",
                "Organisatie (geïntegreerd of integraal team)",
                "Zijn professionals voldoende gefaciliteerd om zelfstandig geïntegreerd of integraal te werken?",
                "",
                T,
                [],
            ),
            (
                "org-mandaat",
                "Organisatie (geïntegreerd of integraal team)",
                "In hoeverre krijgt het team het mandaat om zelf beslissingen te kunnen nemen?",
                "",
                T,
                [],
            ),
            (
                "org-financiering",
                "Organisatie (geïntegreerd of integraal team)",
                "Zijn de financieringsstromen van waaruit de professionals betaald worden helder?",
                "",
                T,
                [],
            ),
            (
                "org-specialistisch",
                "Organisatie (geïntegreerd of integraal team)",
                "Hoe maken de professionals gebruik van de specialistische kennis in het team?",
                "",
                T,
                [],
            ),
            (
                "org-meerdere-teams",
                "Organisatie (geïntegreerd of integraal team)",
                "Indien er sprake is van één of meerdere wijkteams: werken de teams onderling samen en welke afspraken zijn hierover vastgelegd?",
                "",
                T,
                [],
            ),
        ],
    ),
    (
        "competenties",
        "Competenties",
        "Welke competenties hebben professionals nodig op vakinhoudelijk en persoonlijk vlak, en als teamspeler?",
        [
            (
                "generalist",
                "Generalist in het sociale domein",
                "Welke competenties van een generalist (bij enkelvoudige vragen) vraagt het team?",
                "",
                M,
                [
                    (
                        "leefwereld",
                        "Werkt vanuit het leefwereldperspectief van de burger/cliënt",
                        "",
                    ),
                    (
                        "integraal",
                        "Richt zich integraal op het functioneren van personen op (bijna) alle leefgebieden",
                        "",
                    ),
                    (
                        "kansen",
                        "Heeft oog voor kansen, wensen en mogelijkheden, maar ook voor kwetsbaarheid",
                        "",
                    ),
                    (
                        "referentiekader",
                        "Is bekend met het referentiekader van andere disciplines",
                        "",
                    ),
                    (
                        "interventies",
                        "Kan een scala aan (lichte) interventies uitvoeren",
                        "",
                    ),
                    (
                        "participatie",
                        "Verbindt hulp- en dienstverlening met maatschappelijke participatie",
                        "",
                    ),
                    ("systemen", "Werkt met individuen, systemen en/of groepen", ""),
                ],
            ),
            (
                "complex",
                "Meervoudige complexe vragen",
                "Heeft het team de opdracht om (ook) cliënten te begeleiden met meervoudige complexe vragen? Welke competenties zijn dan nodig?",
                "",
                M,
                [
                    (
                        "vakkennis",
                        "Gedegen vakkennis binnen het eigen generalistisch domein",
                        "Hulpverlening, zorg, samenlevingsopbouw.",
                    ),
                    (
                        "verdieping",
                        "Verdiepende kennis/ competenties voor samenwerking met andere disciplines",
                        "Jeugdzorg, opvoedingsondersteuning, psychiatrie, lvb, nah, dementie, schuldhulpverlening enzovoort.",
                    ),
                    (
                        "specialist-in-team",
                        "Generalist naar bewoners en cliënten, 'specialist' in het team",
                        "",
                    ),
                ],
            ),
            (
                "persoonlijk",
                "Persoonlijke competenties",
                "Welke persoonlijke competenties zijn nodig?",
                "",
                M,
                [
                    ("ondernemend", "Ondernemend", ""),
                    ("oplossingsgericht", "Oplossingsgericht", ""),
                    ("presentiegericht", "Presentiegericht", ""),
                    ("empathisch", "Empathisch", ""),
                    ("activerend", "Activerend", ""),
                    ("vertrouwen", "Op basis van vertrouwen", ""),
                    ("pragmatisch", "Pragmatisch", ""),
                    ("gemotiveerd", "Gemotiveerd door het goede, mooie en leuke", ""),
                ],
            ),
            (
                "teamsamenstelling",
                "Teamsamenstelling",
                "Hoe wordt het team samengesteld?",
                "Een evenwichtig samengesteld, lerend team beschikt over personen met verschillende achtergronden, vaardigheden, stijlen en rollen. Ervaringsdeskundigheid in het team heeft een belangrijke meerwaarde.",
                T,
                [],
            ),
        ],
    ),
    (
        "werkprincipes",
        "Werkprincipes",
        "Welke uitgangspunten worden gekozen?",
        [
            (
                "zorgen-voor-dat",
                "Uitgangspunten",
                "Zorgen voor versus zorgen dat?",
                "",
                S,
                [
                    ("zorgen-voor", "Zorgen voor", ""),
                    ("zorgen-dat", "Zorgen dat", ""),
                    ("beide", "Beide, afhankelijk van de situatie", ""),
                ],
            ),
            (
                "collectief-individueel",
                "Uitgangspunten",
                "Wordt er zowel gekeken naar collectieve oplossingen als naar individueel maatwerk?",
                "",
                S,
                [
                    ("beide", "Collectief en individueel", ""),
                    ("individueel", "Vooral individueel maatwerk", ""),
                    ("collectief", "Vooral collectieve oplossingen", ""),
                ],
            ),
            (
                "zelfredzaamheid",
                "Uitgangspunten",
                "Staat het bevorderen van zelfredzaamheid in het teken van participatie?",
                "",
                S,
                [
                    ("ja", "Ja", ""),
                    ("nee", "Nee", ""),
                ],
            ),
            (
                "een-gezin-een-plan",
                "Uitgangspunten",
                "Wordt er gewerkt volgens 'één gezin, één plan'?",
                "",
                S,
                [
                    ("ja", "Ja", ""),
                    ("nee", "Nee", ""),
                ],
            ),
            (
                "moreel-beraad",
                "Uitgangspunten",
                "Vindt bij dilemma's en complexe keuzes moreel beraad plaats in het team?",
                "",
                S,
                [
                    ("ja", "Ja", ""),
                    ("nee", "Nee", ""),
                ],
            ),
            (
                "krachtenperspectief",
                "Krachtenperspectief",
                "Welke elementen van het krachtenperspectief hanteert het team als denk- en handelingskader?",
                "",
                M,
                [
                    (
                        "eigen-regie",
                        "Bevorderen van eigen regie, d.w.z. plan is van de burger",
                        "",
                    ),
                    (
                        "veerkracht",
                        "Uitgaan van veerkracht, drijfveren, competenties en groeimogelijkheden",
                        "",
                    ),
                    (
                        "krachtbronnen",
                        "Aanwenden van krachtbronnen in eigen omgeving (sociaal netwerkbenadering)",
                        "",
                    ),
                    ("dialogisch", "Dialogisch werken", ""),
                    (
                        "ontwikkelingsgericht",
                        "Ontwikkelingsgericht werken, gericht zijn op mogelijkheden en groei",
                        "",
                    ),
                    ("wederkerigheid", "Wederkerigheid", ""),
                    (
                        "alledaags",
                        "Gericht op ondersteunen van alledaags functioneren i.p.v. opheffen van toestanden (stoornis, ziekte e.d.)",
                        "",
                    ),
                ],
            ),
            (
                "methoden",
                "Werkmethoden",
                "Welke werkmethoden passen bij de uitgangspunten?",
                "Onderscheid een basismethodiek die door het hele team gebruikt wordt en specifieke methoden die op basis van specialisme ingezet worden.",
                T,
                [],
            ),
        ],
    ),
]

PLAN_VAN_AANPAK = [
    (
        "wat",
        "Wat",
        "Het 'wat': wat het team is, wie kwetsbare inwoners zijn en wie de doelgroep is.",
        [
            (
                "realiseren",
                "Wat",
                "Wat willen we realiseren?",
                "Voorbeelden zijn te vinden bij de acht bakens van Welzijn Nieuwe Stijl.",
                T,
                [],
            ),
            (
                "definitie-team",
                "Wat",
                "Wat verstaan we onder een sociaal wijkteam?",
                "Een team van generalisten dat op één locatie nauw samenwerkt om ondersteuning te bieden aan de bewoners van dat gebied. Professionals die alleen op een locatie samenwerken vormen een netwerkverband.",
                T,
                [],
            ),
            (
                "kwetsbare-inwoners",
                "Wat",
                "Wat is de definitie van kwetsbare burgers, en wie is de doelgroep?",
                "",
                T,
                [],
            ),
            (
                "beleidsmotieven",
                "Wat",
                "Hoe geven we inhoud aan de beleidsmotieven voor een sociaal wijkteam?",
                "",
                T,
                [],
            ),
        ],
    ),
    (
        "waarom",
        "Waarom",
        "Waarom willen we sociale wijkteams?",
        [
            ("visie", "Waarom", "Wat is de gemeenschappelijke visie?", "", T, []),
            (
                "uitgangspunten",
                "Waarom",
                "Wat zijn de uitgangspunten?",
                "Bijvoorbeeld: inzet van mensen vanuit de reguliere subsidies. Als de uitgangspunten niet glashelder zijn, vormen ze een terugkerend punt van discussie.",
                T,
                [],
            ),
            (
                "criteria",
                "Waarom",
                "Welke criteria houden we aan?",
                "",
                M,
                [
                    (
                        "zrm",
                        "Zelfredzaamheid volgens de Zelfredzaamheid-Matrix (ZRM)",
                        "",
                    ),
                    (
                        "participatieladder",
                        "Participatie volgens de participatieladder",
                        "",
                    ),
                ],
            ),
            (
                "beweegredenen",
                "Waarom",
                "Wat zijn de beweegredenen?",
                "",
                M,
                [
                    (
                        "bundelen",
                        "Bundelen van de krachten van de organisaties voor maatschappelijke ondersteuning",
                        "En het tegengaan van versnippering van de inzet door die organisaties.",
                    ),
                    (
                        "wijkgericht",
                        "Wijkgerichte ondersteuning aan kwetsbare bewoners in een bepaald gebied",
                        "",
                    ),
                ],
            ),
        ],
    ),
    (
        "wie",
        "Wie",
        "Wie gaat de verandering inzetten?",
        [
            (
                "projectleider",
                "Wie",
                "Wie wordt projectleider en/of kwartiermaker?",
                "",
                T,
                [],
            ),
            (
                "structuur",
                "Wie",
                "Welke structuur organiseren we voor het project en voor het sociale wijkteam?",
                "",
                M,
                [
                    ("stuurgroep", "Stuurgroep met bestuurders", ""),
                    ("projectgroep", "Projectgroep met managers", ""),
                    ("werkgroep", "Werkgroep met professionals van de werkvloer", ""),
                ],
            ),
            (
                "leden-rollen",
                "Wie",
                "Wie nemen deel aan deze structuur, en met welke rol?",
                "",
                T,
                [],
            ),
            (
                "sleutelfiguren",
                "Wie",
                "Welke sleutelfiguren zijn erbij betrokken, en hoe is het draagvlak?",
                "Zonder draagvlak bij sleutelfiguren komt er ook geen mankracht beschikbaar. Zet vooral in op mensen die met kracht voorwaarts kunnen denken.",
                T,
                [],
            ),
        ],
    ),
    (
        "waar",
        "Waar",
        "Waar gaan we een sociaal wijkteam neerzetten?",
        [
            (
                "gebied",
                "Waar",
                "Welk gebied heeft de voorkeur, en waarom dit gebied?",
                "Zijn er voldoende bewoners met ondersteuningsbehoeften of kwetsbare burgers in dit gebied? Gebruik de gebiedsanalyse.",
                T,
                [],
            ),
            (
                "locatie",
                "Waar",
                "Op welke locatie gaat het team werken?",
                "Bij voorkeur een laagdrempelig, toegankelijk informatiepunt met ontvangst door een baliemedewerker of (vrijwillige) gastvrouw.",
                T,
                [],
            ),
            (
                "faciliteiten",
                "Waar",
                "Welke faciliteiten zijn er op de locatie?",
                "",
                M,
                [
                    ("werkplekken", "Werkplekken", ""),
                    ("spreekkamers", "Spreekkamers", ""),
                    ("kantoorbenodigdheden", "Kantoorbenodigdheden", ""),
                    ("ontvangst", "Balie/ontvangst voor inloop", ""),
                ],
            ),
            (
                "bereikbaarheid",
                "Waar",
                "Hoe zorgen we voor bereikbaarheid (PR en communicatie) als er geen locatie op een informatiepunt komt?",
                "",
                T,
                [],
            ),
        ],
    ),
    (
        "wanneer",
        "Wanneer",
        "Wanneer gaan we met een sociaal wijkteam aan de slag?",
        [
            ("draagvlak", "Wanneer", "Is er voldoende draagvlak?", "", T, []),
            (
                "pilot-beleid",
                "Wanneer",
                "Is er beleid ontwikkeld of gaan we eerst voor een pilot en daarna beleidsontwikkeling?",
                "",
                S,
                [
                    ("beleid", "Beleid is ontwikkeld", ""),
                    ("pilot", "Eerst een pilot, daarna beleidsontwikkeling", ""),
                ],
            ),
            (
                "startmoment",
                "Wanneer",
                "Wat is het startmoment?",
                "Vóór dat moment moet het plan van aanpak gerealiseerd zijn.",
                T,
                [],
            ),
            ("mijlpalen", "Wanneer", "Wat zijn de mijlpalen?", "", T, []),
        ],
    ),
    (
        "hoe",
        "Hoe",
        "Hoe gaan we het doen?",
        [
            (
                "stappen",
                "Hoe",
                "Welke stappen en besluiten moeten er worden genomen, wanneer en door wie?",
                "Noem per stap de datum en de eigenaar.",
                T,
                [],
            ),
            (
                "sturing",
                "Hoe",
                "Wie geeft sturing en invulling aan het proces?",
                "",
                T,
                [],
            ),
        ],
    ),
]


def load(apps, schema_editor):
    Section = apps.get_model("bouwstenen", "Section")
    KeyQuestion = apps.get_model("bouwstenen", "KeyQuestion")
    Choice = apps.get_model("bouwstenen", "Choice")
    for kind, sections in (
        ("startdocument", STARTDOCUMENT),
        ("plan_van_aanpak", PLAN_VAN_AANPAK),
    ):
        for number, (code, title, intro, questions) in enumerate(sections, start=1):
            section = Section.objects.create(
                document_kind=kind, number=number, code=code, title=title, intro=intro
            )
            for order, (qcode, heading, text, help_text, qkind, choices) in enumerate(
                questions, start=1
            ):
                question = KeyQuestion.objects.create(
                    section=section,
                    order=order,
                    code=qcode,
                    heading=heading,
                    text=text,
                    help_text=help_text,
                    kind=qkind,
                )
                Choice.objects.bulk_create(
                    Choice(
                        question=question,
                        order=corder,
                        code=ccode,
                        label=label,
                        description=description,
                    )
                    for corder, (ccode, label, description) in enumerate(
                        choices, start=1
                    )
                )


def unload(apps, schema_editor):
    apps.get_model("bouwstenen", "Section").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("bouwstenen", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
