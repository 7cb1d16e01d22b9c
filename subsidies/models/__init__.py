from .aanvraagbegroting import Begrotingsregel, Jaarbedrag
from .aanvragen import Aanvraag
from .aanvullingen import Aanvulling
from .begroting import Begrotingsjaar, Begrotingspost, Budget, Fondsbron
from .beschikkingen import Beschikking
from .bezwaren import Bezwaar, Bezwaardocument
from .brieven import Brief, Briefsjabloon, Briefsoort
from .documenten import Document
from .dwangsom import Dwangsombetaling, Dwangsomtarief, Ingebrekestelling
from .gebieden import Gebied, Wijk
from .organisaties import Belangenverklaring, Contactpersoon, Organisatie, Rechtsvorm, Taal, Uitnodiging
from .regelingen import Plafond, Regeling, Verantwoordingsniveau, Verdeelmethode, Voorschotschema
from .subsidies import Betaling, Subsidie, Verantwoording, Verantwoordingsdocument, Verplichting
from .tranches import Beeindiging, Jaartranche, Reservemutatie

__all__ = [
    "Aanvraag", "Aanvulling", "Beeindiging", "Begrotingsjaar", "Begrotingspost", "Begrotingsregel",
    "Belangenverklaring", "Beschikking", "Betaling", "Bezwaar", "Bezwaardocument", "Brief", "Briefsjabloon",
    "Briefsoort", "Budget", "Contactpersoon", "Document", "Dwangsombetaling", "Dwangsomtarief", "Fondsbron", "Gebied",
    "Ingebrekestelling", "Jaarbedrag", "Jaartranche", "Organisatie", "Plafond", "Rechtsvorm", "Regeling",
    "Reservemutatie", "Subsidie", "Taal", "Uitnodiging", "Verantwoording", "Verantwoordingsdocument",
    "Verantwoordingsniveau", "Verdeelmethode", "Verplichting", "Voorschotschema", "Wijk",
]
