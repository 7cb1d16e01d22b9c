"""The demo's organisations, by the key the stories name them with: legal form, KvK number, bank account, address,
gebied and wijk, and contact person. The other families' demos add their own beside these.
"""
from dataclasses import dataclass


@dataclass(frozen=True)
class DemoOrganisatie:
    naam: str
    rechtsvorm: str
    kvk_nummer: str  # "" for an initiatiefgroep
    bank: str
    rekening: str  # the national account code inside the IBAN
    straat: str
    postcode: str
    gebied: str
    wijk: str
    contact: tuple[str, str, str]  # naam, functie, telefoon
    lid_is_demo_aanvrager: bool = False
    plaats: str = "Groningen"

    @property
    def domein(self) -> str:
        return "".join(c for c in self.naam.lower() if c.isalnum())[:30] + ".example.org"

    @property
    def contact_email(self) -> str:
        voornaam = self.contact[0].split()[0].lower()
        return f"{voornaam}@{self.domein}"


ORGANISATIES = {
    "buurtkamer-beijum": DemoOrganisatie(
        "Stichting Buurtkamer Beijum", "stichting", "01094712", "RABO", "0312845560", "Kraaiheide 31", "9736 AR",
        "Oost", "Beijum", ("Anouk Bakker", "voorzitter", "050 541 2290"), lid_is_demo_aanvrager=True),
    "taalcafe-paddepoel": DemoOrganisatie(
        "Stichting Taalcafé Paddepoel", "stichting", "01087731", "INGB", "0006251873", "Zonnelaan 4",
        "9742 EA", "West", "Paddepoel", ("Fatima el Amrani", "coördinator", "050 571 0143"),
        lid_is_demo_aanvrager=True),
    "mantelzorg-haren": DemoOrganisatie(
        "Stichting Mantelzorg Haren", "stichting", "02083156", "ABNA", "0567213498", "Kerkstraat 18", "9751 BB",
        "Haren", "Haren", ("Gerda Wiersma", "secretaris", "050 534 7781"), lid_is_demo_aanvrager=True,
        plaats="Haren"),
    "bo-selwerd": DemoOrganisatie(
        "Vereniging Bewonersorganisatie Selwerd", "vereniging", "40025318", "TRIO", "0198765432",
        "Zaagmuldersweg 7", "9741 LK", "West", "Selwerd", ("Harm Kuipers", "voorzitter", "050 577 3315")),
    "wc-vinkhuizen": DemoOrganisatie(
        "Stichting Wijkcentrum De Vinkenborg", "stichting", "01098820", "RABO", "0338174622", "Siersteenlaan 412",
        "9745 ED", "West", "Vinkhuizen", ("Peter Zijlstra", "penningmeester", "050 579 8820")),
    "speeltuin-oosterpark": DemoOrganisatie(
        "Speeltuinvereniging Oosterpark", "vereniging", "40021904", "INGB", "0004417265", "Vuurvlinderstraat 2",
        "9713 SN", "Oude Wijken", "Oosterparkwijk", ("Marco Dijkstra", "voorzitter", "050 313 4471")),
    "wijkraad-de-hoogte": DemoOrganisatie(
        "Vereniging Wijkraad De Hoogte", "vereniging", "40020311", "ABNA", "0481923374", "Kerklaan 26",
        "9714 JE", "Oude Wijken", "De Hoogte", ("Yvonne Hoekstra", "secretaris", "050 360 2217")),
    "buurthuis-korrewegwijk": DemoOrganisatie(
        "Stichting Buurthuis De Korrel", "stichting", "01101457", "SNSB", "0927461183", "Celebesstraat 64",
        "9715 LV", "Oude Wijken", "Korrewegwijk", ("Rik Brouwer", "coördinator", "050 571 6604")),
    "dorpsvereniging-glimmen": DemoOrganisatie(
        "Dorpsvereniging Glimmen", "vereniging", "40024478", "RABO", "0147735291", "Zuiderstraat 5", "9756 AL",
        "Haren", "Glimmen", ("Klaas Veldman", "voorzitter", "050 406 1129"), plaats="Glimmen"),
    "dorpsbelangen-ten-boer": DemoOrganisatie(
        "Vereniging Dorpsbelangen Ten Boer", "vereniging", "40027743", "RABO", "0325590614", "Stationsstraat 9",
        "9791 AH", "Ten Boer", "Ten Boer", ("Jannie Pol", "secretaris", "050 302 1876"), plaats="Ten Boer"),
    "dorpshuis-thesinge": DemoOrganisatie(
        "Stichting Dorpshuis Thesinge", "stichting", "02069924", "ABNA", "0593318270", "Kloosterlaan 1",
        "9797 PE", "Ten Boer", "Thesinge", ("Wim Oosterhuis", "beheerder", "050 302 3388"), plaats="Thesinge"),
    "wijkraad-lewenborg": DemoOrganisatie(
        "Vereniging Wijkraad Lewenborg", "vereniging", "40023397", "INGB", "0007724519", "Kadijk 2", "9732 AM",
        "Oost", "Lewenborg", ("Ans Boersma", "voorzitter", "050 541 9970")),
    "ouderen-helpman": DemoOrganisatie(
        "Stichting Ouderenwerk Helpman", "stichting", "01092276", "TRIO", "0211498830", "Verlengde Hereweg 174",
        "9722 AN", "Zuid", "Helpman", ("Hennie van der Meulen", "coördinator", "050 526 4410")),
    "binnenstad-samen": DemoOrganisatie(
        "Stichting Binnenstad Samen", "stichting", "01105583", "ABNA", "0612284957", "Oude Kijk in 't Jatstraat 9",
        "9712 EA", "Centrum", "Binnenstad", ("Lotte Jansen", "projectleider", "050 318 2260")),
    "moestuin-selwerd": DemoOrganisatie(
        "Initiatiefgroep Moestuin Selwerd", "initiatiefgroep", "", "RABO", "0386627714", "Eikenlaan 61",
        "9741 EE", "West", "Selwerd", ("Bram de Jong", "trekker", "06 1234 8871")),
    "vinkhuizen-noord": DemoOrganisatie(
        "Bewonersgroep Vinkhuizen-Noord", "initiatiefgroep", "", "INGB", "0005538126", "Bottemaplein 12",
        "9746 HB", "West", "Vinkhuizen", ("Samira Bouali", "trekker", "06 2255 1903")),
    "hoornse-meer": DemoOrganisatie(
        "Initiatiefgroep Hoornse Meer Beweegt", "initiatiefgroep", "", "ASNB", "0708843216", "Aduarderdiep 40",
        "9728 JK", "Zuid", "Hoornse Meer", ("Tineke Smit", "trekker", "06 4471 2086")),
    "bc-de-wijert": DemoOrganisatie(
        "Stichting Buurtcentrum De Wijert", "stichting", "01097345", "RABO", "0362118450", "Van Iddekingeweg 33",
        "9721 CB", "Zuid", "De Wijert", ("Gerrit Kramer", "voorzitter", "050 525 7712")),
    "wij-groningen": DemoOrganisatie(
        "Stichting WIJ Groningen", "stichting", "61372889", "BNGH", "0285067123", "Hereweg 95", "9721 AA",
        "Zuid", "Herewegbuurt", ("Marleen Bos", "controller", "050 367 5900")),
}
