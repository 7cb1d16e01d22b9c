from .aanvragen import Aanvraag, Aanvulling, Begrotingsregel, Document
from .begroting import Begrotingspost, Budget, Fondsbron
from .beschikkingen import Beschikking
from .gebieden import Gebied, Wijk
from .organisaties import Belangenverklaring, Contactpersoon, Organisatie, Rechtsvorm
from .regelingen import Plafond, Regeling, Verantwoordingsniveau, Verdeelmethode
from .subsidies import Betaling, Subsidie, Verantwoording, Verplichting

__all__ = [
    "Aanvraag", "Aanvulling", "Begrotingspost", "Begrotingsregel", "Belangenverklaring", "Beschikking", "Betaling",
    "Budget", "Contactpersoon", "Document", "Fondsbron", "Gebied", "Organisatie", "Plafond", "Rechtsvorm",
    "Regeling", "Subsidie", "Verantwoording", "Verantwoordingsniveau", "Verdeelmethode", "Verplichting", "Wijk",
]
