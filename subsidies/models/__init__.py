from .aanvragen import Aanvraag, Aanvulling, Begrotingsregel, Document, Jaarbedrag
from .begroting import Begrotingsjaar, Begrotingspost, Budget, Fondsbron
from .beschikkingen import Beschikking
from .brieven import Brief, Briefsjabloon, Briefsoort
from .gebieden import Gebied, Wijk
from .organisaties import Belangenverklaring, Contactpersoon, Organisatie, Rechtsvorm, Taal, Uitnodiging
from .regelingen import Plafond, Regeling, Verantwoordingsniveau, Verdeelmethode, Voorschotschema
from .subsidies import Betaling, Subsidie, Verantwoording, Verantwoordingsdocument, Verplichting
from .tranches import Beeindiging, Jaartranche, Reservemutatie

__all__ = [
    "Aanvraag", "Aanvulling", "Beeindiging", "Begrotingsjaar", "Begrotingspost", "Begrotingsregel",
    "Belangenverklaring", "Beschikking", "Betaling", "Brief", "Briefsjabloon", "Briefsoort", "Budget", "Contactpersoon", "Document", "Fondsbron", "Gebied",
    "Jaarbedrag", "Jaartranche", "Organisatie", "Plafond", "Rechtsvorm", "Regeling", "Reservemutatie", "Subsidie",
    "Taal", "Uitnodiging", "Verantwoording", "Verantwoordingsdocument", "Verantwoordingsniveau", "Verdeelmethode",
    "Verplichting", "Voorschotschema", "Wijk",
]
