"""The demo's ~50 one-off requests, grouped by the state their story leaves them in, from concept to ingetrokken;
the granted ones with their subsidy in each of its states.

Each story starts `start` days before today, so the demo always looks recent. The structural subsidies, whose
stories are dated, are in `structureel`.
"""
from decimal import Decimal

from .verhaal import (
    Dagen, DemoAanvraag, Stap, aangevuld, aanvulling, afsluiten, behandelen, bezwaar, bezwaar_behandelen,
    bezwaar_stap, dwangsom_vastgesteld, geweigerd, hoorzitting, in_gebreke, indienen, intrekken, papier,
    subsidie_intrekken, ter_beoordeling, terugsturen, uitgevoerd, vaststellen, verantwoording, verantwoording_vragen,
    verdagen, verleend, volledig, voorschot, voorstel, weigervoorstel,
)

AANVRAGEN = [
    # --- concept ---
    DemoAanvraag("Buurtkamer Beijum: oliebollen op oudejaarsdag", "buurtkamer-beijum", "bewonersinitiatief", "850",
                 ("12-31", "12-31"), "Samen oliebollen bakken en uitdelen aan buren die de jaarwisseling alleen "
                 "doorbrengen.", start=2),
    DemoAanvraag("Taalcafé Paddepoel: taalkamp in de kerstvakantie", "taalcafe-paddepoel",
                 "maatschappelijk-initiatief", "4800", ("12-21", "12-31"),
                 "Vijf ochtenden Nederlands oefenen met spelletjes, voor nieuwkomers en hun kinderen.", start=6),
    DemoAanvraag("Wandelgroep Hoornse Meer", "hoornse-meer", "bewonersinitiatief", None, None,
                 "Elke week samen wandelen rond het meer, met koffie na afloop.", start=9),
    DemoAanvraag("Dorpshuis Thesinge: nieuwe cv-ketel", "dorpshuis-thesinge", "onderhoud-accommodaties", "14500",
                 ("12-01", "12-31"), "De ketel is 22 jaar oud en valt steeds uit; vervanging volgens het "
                 "meerjarenonderhoudsplan.", start=4),
    # --- ingediend ---
    DemoAanvraag("Kerstdiner voor alleenstaanden Vinkhuizen", "vinkhuizen-noord", "bewonersinitiatief", "3250",
                 ("12-24", "12-26"), "Een warm kerstdiner voor zestig buurtbewoners die de feestdagen anders "
                 "alleen doorbrengen, gekookt door vrijwilligers.", start=4, verloop=indienen()),
    DemoAanvraag("Respijtmiddagen voor mantelzorgers Haren", "mantelzorg-haren", "maatschappelijk-initiatief",
                 "12400", ("12-01", "12-31"), "Vrijwilligers nemen de zorg een middag over, zodat mantelzorgers "
                 "even op adem kunnen komen.", start=6, verloop=indienen()),
    DemoAanvraag("Kerstmarkt Ten Boer", "dorpsbelangen-ten-boer", "bewonersinitiatief", "2900", ("12-12", "12-12"),
                 "Een kerstmarkt op het kerkplein met kramen van verenigingen uit het dorp.", start=8,
                 verloop=papier()),
    DemoAanvraag("Pakjesavond voor buurtkinderen Binnenstad-Oost", "binnenstad-samen", "bewonersinitiatief", "1200",
                 ("12-05", "12-05"), "Een pakjesavond in het buurthuis voor kinderen uit gezinnen met weinig geld.",
                 start=5, verloop=indienen(), wijk="Binnenstad-Oost"),
    # --- in behandeling ---
    DemoAanvraag("Stoelyoga voor 75-plussers in Helpman", "ouderen-helpman", "maatschappelijk-initiatief", "9800",
                 ("12-01", "12-31"), "Wekelijkse stoelyoga met een gediplomeerde docent, gericht op balans en "
                 "ontmoeting.", start=12, verloop=indienen() + behandelen()),
    DemoAanvraag("Buurtkamer Beijum: kerstinloop", "buurtkamer-beijum", "bewonersinitiatief", "1500",
                 ("12-20", "12-22"), "Drie dagen open huis met warme chocolademelk en een kerststukjesworkshop.",
                 start=8, verloop=indienen() + behandelen()),
    DemoAanvraag("Speeltuin Oosterpark: vervanging valondergrond", "speeltuin-oosterpark", "onderhoud-accommodaties",
                 "38000", ("11-01", "12-31"), "De rubbertegels onder de klimtoestellen voldoen niet meer aan het "
                 "Warenwetbesluit attractie- en speeltoestellen.", start=20, verloop=indienen() + behandelen()),
    DemoAanvraag("De Hoogte kookt: buurtmaaltijden", "wijkraad-de-hoogte", "maatschappelijk-initiatief", "16000",
                 ("12-01", "12-31"), "Twee keer per week een betaalbare maaltijd in de wijk, gekookt door bewoners "
                 "met en zonder werk.", start=15, verloop=indienen() + behandelen()),
    DemoAanvraag("Huiswerkklas Korrewegwijk", "buurthuis-korrewegwijk", "maatschappelijk-initiatief", "22000",
                 ("09-01", "12-31"), "Vier middagen per week huiswerkbegeleiding door studenten voor kinderen uit "
                 "groep 7 en 8 en de brugklas.", start=40,
                 verloop=indienen() + behandelen() + aanvulling("Stuur de begroting per maand en de VOG's van de "
                                                                "begeleiders.") + aangevuld()),
    # not decided on time (Awb 4:17): an ingebrekestelling whose dwangsom runs today
    DemoAanvraag("Buurtmentoren Lewenborg", "wijkraad-lewenborg", "maatschappelijk-initiatief", "11500",
                 ("10-01", "12-31"), "Buurtbewoners die een jaar lang een jongere uit de wijk begeleiden naar school, "
                 "stage of werk.", start=95, verloop=indienen() + behandelen() + in_gebreke(62)),
    # --- aanvulling gevraagd ---
    DemoAanvraag("Taalmaatjes Paddepoel", "taalcafe-paddepoel", "maatschappelijk-initiatief", "14000",
                 ("12-01", "12-31"), "Vrijwillige taalmaatjes die een jaar lang wekelijks afspreken met een "
                 "nieuwkomer.", start=9,
                 verloop=indienen() + behandelen() + aanvulling("Hoeveel taalmaatjes en deelnemers verwacht u? "
                                                                "Vul de begroting aan met de kosten voor werving.")),
    DemoAanvraag("Wijkcentrum De Vinkenborg: dakrenovatie", "wc-vinkhuizen", "onderhoud-accommodaties", "45000",
                 ("12-01", "12-31"), "Het platte dak lekt; vervanging van dakbedekking en isolatie.", start=18,
                 verloop=indienen() + behandelen() + aanvulling("Stuur het meerjarenonderhoudsplan en twee offertes "
                                                                "voor het dak.", termijn=28)),
    DemoAanvraag("Snerttocht Glimmen", "dorpsvereniging-glimmen", "bewonersinitiatief", "1100", ("12-27", "12-27"),
                 "Een winterwandeling door de Glimmer Es met snert bij het dorpshuis.", start=10,
                 verloop=indienen() + behandelen() + aanvulling("Wie zijn de organisatoren, en is er toestemming "
                                                                "van de eigenaar van het pad?")),
    DemoAanvraag("Jeu-de-boulesbaan Hoornse Meer", "hoornse-meer", "bewonersinitiatief", "4600", ("10-01", "12-31"),
                 "Een jeu-de-boulesbaan op het grasveld aan het meer, onderhouden door de buurt.", start=25,
                 verloop=indienen() + behandelen() + aanvulling("Stuur de toestemming van de gemeente (beheer "
                                                                "openbare ruimte) voor het grasveld.")),
    # --- in beoordeling ---
    DemoAanvraag("Lotgenotengroep jonge mantelzorgers Haren", "mantelzorg-haren", "maatschappelijk-initiatief",
                 "14500", ("12-01", "12-31"), "Maandelijkse avonden voor mantelzorgers van 16 tot 25 jaar, met een "
                 "ervaringsdeskundige begeleider.", start=20, verloop=ter_beoordeling()),
    DemoAanvraag("Repair Café Lewenborg", "wijkraad-lewenborg", "maatschappelijk-initiatief", "7200",
                 ("12-01", "12-31"), "Maandelijks samen spullen repareren in het wijkcentrum; ontmoeting en minder "
                 "afval.", start=30,
                 verloop=indienen() + behandelen() + verdagen("Wij vragen eerst advies aan de bewonersorganisatie "
                                                              "(convenant bewonersorganisaties).") + volledig()),
    DemoAanvraag("Dorpsbelangen Ten Boer: dorpsavonden en dorpskrant", "dorpsbelangen-ten-boer",
                 "bewonersorganisaties", "3800", ("01-01", "12-31"), "Vier dorpsavonden en zes edities van de "
                 "dorpskrant over de versterking en de toekomst van het dorp.", start=35, verloop=ter_beoordeling()),
    DemoAanvraag("Dorpshuis Thesinge: isolatie en zonnepanelen", "dorpshuis-thesinge", "onderhoud-accommodaties",
                 "32000", ("10-01", "12-31"), "Spouwmuurisolatie en twintig zonnepanelen om de energiekosten te "
                 "halveren.", start=28,
                 verloop=ter_beoordeling() + voorstel("Past in het meerjarenonderhoudsplan.")
                 + terugsturen("Zonnepanelen zijn verduurzaming, geen onderhoud: splits de begroting.")),
    # --- besluit voorgesteld ---
    DemoAanvraag("Ouderensoos Helpman", "ouderen-helpman", "maatschappelijk-initiatief", "28000",
                 ("12-01", "12-31"), "Drie middagen per week een soos met maaltijd, voor ouderen die weinig "
                 "mensen zien.", start=26, verloop=ter_beoordeling() + voorstel()),
    DemoAanvraag("Wijkcentrum De Vinkenborg: vervanging keuken", "wc-vinkhuizen", "onderhoud-accommodaties",
                 "26500", ("12-01", "12-31"), "De keuken van de grote zaal is versleten en voldoet niet meer aan de "
                 "hygiëne-eisen.", start=22, verloop=ter_beoordeling() + voorstel()),
    DemoAanvraag("Moestuin Selwerd: kas voor de winter", "moestuin-selwerd", "bewonersinitiatief", "2850",
                 ("12-01", "12-31"), "Een kweekkas zodat de moestuingroep ook in de winter samen bezig is.",
                 start=12, verloop=ter_beoordeling()
                 + voorstel("Past bij de regeling; de verwarming van de kas valt erbuiten.", bedrag="2500")),
    DemoAanvraag("Buurtconciërge De Hoogte", "wijkraad-de-hoogte", "maatschappelijk-initiatief", "19000",
                 ("12-01", "12-31"), "Een betaalde buurtconciërge die kleine klussen doet en bewoners verbindt.",
                 start=24, verloop=ter_beoordeling() + weigervoorstel(
                     "Een betaalde functie in de wijk valt onder het wijkbudget van WIJ Groningen, niet onder "
                     "deze regeling.")),
    # --- verleend, with the subsidy in each of its states ---
    # decided a week into the dwangsom of its ingebrekestelling; the dwangsom set by beschikking (4:18) and paid
    DemoAanvraag("Ontmoetingsochtenden De Wijert", "bc-de-wijert", "maatschappelijk-initiatief", "6400",
                 ("09-01", "12-31"), "Elke dinsdagochtend koffie, een krant en een praatje in het buurtcentrum, "
                 "voor ouderen die weinig mensen zien.", start=170,
                 verloop=indienen() + behandelen() + in_gebreke(58) + volledig(20) + voorstel(na=1)
                 + (Stap(2, "verlenen", "beslist"),) + dwangsom_vastgesteld(4, betaald_na=7)),
    DemoAanvraag("Kookclub Binnenstad-Oost: samen koken, samen eten", "binnenstad-samen",
                 "maatschappelijk-initiatief", "13800", ("09-01", "12-31"), "Twee avonden per week koken en eten "
                 "met buurtbewoners die alleen wonen, met een kok als begeleider.", start=100, wijk="Binnenstad-Oost",
                 verloop=verleend() + voorschot(3, "0.5", 4) + voorschot(60, "0.25", 4)),
    DemoAanvraag("Buurtkamer Beijum: warme winter", "buurtkamer-beijum", "maatschappelijk-initiatief", "8400",
                 ("12-01", "12-31"), "Soep en spelletjes op de koudste middagen, voor buren die thuis de verwarming "
                 "laag zetten.", start=25, verloop=verleend()),
    DemoAanvraag("Bewonersorganisatie Selwerd: jaarprogramma 2026", "bo-selwerd", "bewonersorganisaties", "18750",
                 ("01-01", "12-31"), "Wijkkrant, bewonersavonden en het wijkschouw-programma.", start=295,
                 verloop=verleend() + voorschot(3, "1", 5) + verantwoording_vragen(250, termijn=160)),
    DemoAanvraag("Wijkraad Lewenborg: jaarprogramma 2026", "wijkraad-lewenborg", "bewonersorganisaties", "16300",
                 ("01-01", "12-31"), "Bewonersavonden, de wijkkrant en het overleg met gemeente en corporaties.",
                 start=285, verloop=verleend() + voorschot(3, "0.9", 5) + verantwoording_vragen(245, termijn=150)),
    DemoAanvraag("Zomerschool Binnenstad: taal en sport voor kinderen", "binnenstad-samen",
                 "maatschappelijk-initiatief", "11900", ("07-13", "08-21"), "Zes zomerweken taal en sport voor "
                 "kinderen die niet op vakantie gaan.", start=200,
                 verloop=verleend() + voorschot(3, "1", 4) + verantwoording_vragen(100, termijn=56)
                 + verantwoording(40, "Zes weken, gemiddeld 34 kinderen per dag; 12 vrijwilligers.", "11640")),
    DemoAanvraag("Taalcafé Paddepoel", "taalcafe-paddepoel", "maatschappelijk-initiatief", "24000",
                 ("01-15", "06-30"), "Elke dinsdag en donderdag een taalcafé in de bibliotheek, voor iedereen die "
                 "Nederlands wil oefenen.", start=310,
                 verloop=verleend() + voorschot(3, "0.8", 4) + verantwoording_vragen(160, termijn=70)
                 + verantwoording(60, "46 bijeenkomsten, 38 vaste deelnemers, 9 vrijwilligers.", "24310")),
    DemoAanvraag("Mantelzorgcafé Haren", "mantelzorg-haren", "maatschappelijk-initiatief", "19600",
                 ("02-01", "06-30"), "Maandelijks mantelzorgcafé met een spreker en lotgenotencontact.", start=305,
                 verloop=verleend() + voorschot(3, "0.8", 4) + verantwoording_vragen(150, termijn=60)
                 + verantwoording(55, "Vijf cafés met gemiddeld 27 mantelzorgers.", "19850")
                 + vaststellen(75, reden="Activiteiten uitgevoerd zoals verleend.")),
    DemoAanvraag("Dorpshuis De Hoeksteen Glimmen: nieuwe kozijnen", "dorpsvereniging-glimmen",
                 "onderhoud-accommodaties", "21000", ("04-01", "06-30"), "Vervanging van de houten kozijnen aan de "
                 "west- en zuidgevel door kunststof met HR++-glas.", start=270,
                 verloop=verleend() + voorschot(3, "1", 4) + verantwoording_vragen(100, termijn=60)
                 + verantwoording(20, "Kozijnen vervangen in juni; de aanbesteding viel gunstig uit.", "17650")
                 + vaststellen(110, "17650", "De werkelijke kosten zijn lager dan begroot; wij stellen vast op de "
                                            "werkelijke kosten (Awb 4:46 lid 2).")),
    DemoAanvraag("Valpreventie Helpman: In Balans-cursus", "ouderen-helpman", "maatschappelijk-initiatief", "9500",
                 ("03-01", "06-30"), "Twaalf lessen valpreventie voor ouderen, met een fysiotherapeut.", start=280,
                 verloop=verleend() + voorschot(3, "1", 4) + verantwoording_vragen(120, termijn=60)
                 + verantwoording(25, "Twee groepen van 14 deelnemers.", "9720") + vaststellen(12) + afsluiten()),
    DemoAanvraag("Moestuin Selwerd", "moestuin-selwerd", "bewonersinitiatief", "3400", ("03-15", "10-31"),
                 "Een gezamenlijke moestuin op het braakliggende veld aan de Eikenlaan.", start=268,
                 verloop=verleend() + uitgevoerd(5) + afsluiten(40)),
    DemoAanvraag("Sint-Maartenlampionnen maken in Vinkhuizen", "vinkhuizen-noord", "bewonersinitiatief", "950",
                 ("11-09", "11-11"), "Lampionnen knutselen en samen langs de deuren.", start=30, verloop=verleend()),
    DemoAanvraag("Zomerspeelweek Oosterpark", "speeltuin-oosterpark", "maatschappelijk-initiatief", "6800",
                 ("07-20", "07-24"), "Een week lang spelen, knutselen en sport in de speeltuin.", start=190,
                 verloop=verleend() + voorschot(3, "1", 4) + verantwoording_vragen(70, termijn=42)
                 + verantwoording(25, "Vijf dagen, 140 kinderen; de springkussens werden gesponsord.", "5900")
                 + vaststellen(10, "5900", "Lagere kosten door sponsoring van de springkussens.") + uitgevoerd(20)
                 + afsluiten(2)),
    DemoAanvraag("Buurtmaaltijd Korrewegwijk", "buurthuis-korrewegwijk", "maatschappelijk-initiatief", "12000",
                 ("04-01", "12-31"), "Elke vrijdag een buurtmaaltijd voor wie alleen eet.", start=250,
                 verloop=verleend() + voorschot(3, "0.5", 4) + subsidie_intrekken(
                     210, "De buurtmaaltijden zijn na de zomer gestopt: er is geen kok meer en de activiteit gaat "
                          "niet door (Awb 4:48 lid 1 onder a). Het betaalde voorschot wordt teruggevorderd.")),
    DemoAanvraag("Ten Boer verbindt: ontmoetingsmiddagen", "dorpsbelangen-ten-boer", "maatschappelijk-initiatief",
                 "27500", ("10-01", "12-31"), "Wekelijkse ontmoetingsmiddagen voor dorpsbewoners die na de "
                 "versterking van hun huis in een nieuwe straat wonen.", start=50, verloop=verleend()),
    # a verlening that was too low, revised after an upheld objection: a new verlening and its letters (Awb 7:11)
    DemoAanvraag("Helpman in beweging: wandelcoaches", "ouderen-helpman", "maatschappelijk-initiatief", "9600",
                 ("10-01", "12-31"), "Buurtbewoners worden wandelcoach en lopen wekelijks met ouderen die weinig "
                 "buiten komen.", start=55,
                 verloop=verleend("De kosten van de opleiding tot wandelcoach horen niet bij de activiteit.", "6400")
                 + bezwaar("De opleiding is de activiteit zelf: zonder opgeleide coaches loopt niemand mee.", na=12)
                 + bezwaar_behandelen()
                 + bezwaar_stap("gegrond_verklaren", "De opleiding van de coaches is nodig om de ouderen veilig te "
                                "begeleiden; die kosten horen bij de activiteit.", na=10, bedrag=Decimal("9600"))),
    DemoAanvraag("Buurtkamer Beijum: koffie-ochtend voor ouderen", "buurtkamer-beijum", "bewonersinitiatief", "2400",
                 ("03-01", "12-31"), "Elke woensdag koffie en een praatje voor ouderen uit de buurt.", start=280,
                 verloop=verleend() + uitgevoerd(5) + afsluiten(60)),
    DemoAanvraag("Zomerfeest Ten Post", "dorpsbelangen-ten-boer", "bewonersinitiatief", "4200", ("06-27", "06-27"),
                 "Een dorpsfeest met spelletjes, muziek en een barbecue.", start=175,
                 verloop=verleend() + uitgevoerd(5) + afsluiten(30), wijk="Ten Post"),
    # --- geweigerd ---
    DemoAanvraag("Selwerd Festival", "bo-selwerd", "maatschappelijk-initiatief", "48000", ("08-29", "08-29"),
                 "Een eendaags muziekfestival in het Stadspark-Noord.", start=170,
                 verloop=geweigerd("Een eendaags festival draagt niet blijvend bij aan ontmoeting en onderlinge "
                                   "steun; daarvoor is de regeling niet bedoeld. Wij verwijzen naar het "
                                   "evenementenbudget.")
                 + bezwaar("Het festival brengt elk jaar de hele wijk samen; vrijwilligers uit Selwerd doen alles.",
                           na=10)
                 + bezwaar_behandelen() + hoorzitting()
                 + bezwaar_stap("ongegrond_verklaren", "Gehoord op de hoorzitting. Een eendaags festival blijft een "
                                "evenement; de regeling is voor blijvende ontmoeting. De weigering blijft staan.",
                                na=20)),
    DemoAanvraag("Buurtdisco Hoornse Meer", "hoornse-meer", "bewonersinitiatief", "1800", ("11-28", "11-28"),
                 "Een discoavond in de gymzaal met entree van € 10.", start=40,
                 verloop=geweigerd("Met de entreeheffing zijn de kosten al gedekt; een bewonersinitiatief is "
                                   "bedoeld voor activiteiten die zonder bijdrage niet doorgaan.")
                 + bezwaar("De entree is alleen voor volwassenen en dekt maar een derde van de kosten; kinderen "
                           "gaan gratis naar binnen.", na=5)
                 + bezwaar_behandelen()
                 + bezwaar_stap("gegrond_verklaren", "De entree dekt de kosten niet; de weigering berustte op een "
                                "verkeerde aanname.", na=5)
                 + voorstel("Na bezwaar: de activiteit past binnen de regeling.") + (Stap(2, "verlenen", "beslist"),)),
    DemoAanvraag("Buurthuis De Korrel: nieuwe vloer grote zaal", "buurthuis-korrewegwijk", "onderhoud-accommodaties",
                 "18500", ("09-01", "10-31"), "Een nieuwe sportvloer in de grote zaal.", start=120,
                 verloop=geweigerd("Onderhoudssubsidie is er voor besturen die eigenaar zijn van hun gebouw. De "
                                   "Korrel huurt het pand; het onderhoud is aan de verhuurder.")
                 + bezwaar("Per brief: de verhuurder betaalt niet, dus moeten wij het doen.", na=50,
                           door="behandelaar", ontvangen_op=Dagen(-2))
                 + bezwaar_behandelen()
                 + bezwaar_stap("niet_ontvankelijk_verklaren", "Het bezwaar kwam ruim na de bezwaartermijn binnen, "
                                "zonder reden waarom het niet eerder kon (Awb 6:7, 6:11).", na=4)),
    DemoAanvraag("Sinterklaasfeest Hoornse Meer", "hoornse-meer", "bewonersinitiatief", "1500", ("12-05", "12-05"),
                 "Sinterklaas komt naar het buurthuis, met cadeautjes voor alle kinderen uit de straat.", start=30,
                 verloop=geweigerd("Cadeaus voor kinderen zijn geen ontmoeting tussen bewoners; daar is de regeling "
                                   "niet voor.")
                 + bezwaar("Het feest is juist voor ouders en grootouders samen met de kinderen.", na=6)),
    DemoAanvraag("Speeltuin Oosterpark: kerstvakantiekamp", "speeltuin-oosterpark", "bewonersinitiatief", "3200",
                 ("12-21", "12-24"), "Vier dagen kamp in de speeltuin voor kinderen die niet op vakantie gaan.",
                 start=75,
                 verloop=geweigerd("Een kamp voor kinderen valt onder het jeugdbeleid, niet onder deze regeling.")
                 # posted the day before the term ended, arrived three days later: on time (Awb 6:9)
                 + bezwaar("Per post: het kamp is er juist voor ouders die elkaar zo leren kennen.", na=44,
                           door="behandelaar", ontvangen_op=Dagen(0), ter_post_op=Dagen(-3))
                 + bezwaar_behandelen(na=3)),
    # --- buiten behandeling ---
    DemoAanvraag("Buurtbingo Vinkhuizen", "vinkhuizen-noord", "bewonersinitiatief", "600", ("10-10", "10-10"),
                 "Een bingoavond met prijzen van de winkeliers uit de buurt.", start=80,
                 verloop=indienen() + behandelen() + aanvulling("Stuur een begroting: waar gaat het geld naartoe?")
                 + (Stap(16, "buiten_behandeling_stellen", "behandelaar"),)
                 + bezwaar("De begroting zat als foto in de mail; die is kennelijk niet aangekomen.", na=4)
                 + bezwaar_stap("intrekken", "Wij doen de bingo dit jaar zonder subsidie.", na=6, door="aanvrager")),
    DemoAanvraag("Lewenborg Digitaal: computerles voor ouderen", "wijkraad-lewenborg", "maatschappelijk-initiatief",
                 "7800", ("10-01", "12-31"), "Computerles in het wijkcentrum: mailen, DigiD, videobellen.",
                 start=110,
                 verloop=indienen() + behandelen() + aanvulling("Stuur de offerte van de docent en de begroting.",
                                                                termijn=21)
                 + (Stap(23, "buiten_behandeling_stellen", "behandelaar"),)
                 + bezwaar("De offerte van de docent kwam pas na de termijn; wij stuurden hem meteen door.", na=7)
                 + bezwaar_behandelen(adviescommissie=True)
                 + bezwaar_stap("verdagen", "De bezwaarcommissie vergadert pas over zeven weken.")
                 + hoorzitting(na=4, over=21)),
    # --- ingetrokken ---
    DemoAanvraag("Buurtkamer Beijum: filmavond", "buurtkamer-beijum", "bewonersinitiatief", "700",
                 ("10-17", "10-17"), "Een filmavond met een film over het oude Beijum.", start=60,
                 verloop=indienen() + intrekken("De zaal is die avond toch niet beschikbaar.")),
    DemoAanvraag("Cultuurmiddagen Thesinge", "dorpshuis-thesinge", "maatschappelijk-initiatief", "8600",
                 ("09-01", "12-31"), "Maandelijks een voorstelling of lezing in het dorpshuis.", start=130,
                 verloop=indienen() + behandelen() + intrekken("Een fonds betaalt de cultuurmiddagen al.")),
    DemoAanvraag("Zomerbarbecue Hoornse Meer", "hoornse-meer", "bewonersinitiatief", "900", ("08-15", "08-15"),
                 "Een barbecue op het grasveld voor de hele straat.", start=100,
                 verloop=intrekken("De buurt organiseert het zelf, zonder subsidie.", na=5)),
]
